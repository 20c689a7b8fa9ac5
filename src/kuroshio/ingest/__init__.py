"""Ingest: turn files, directories and corpora into :class:`~kuroshio.model.Document` objects.

``iter_documents`` yields a Document per document found, or an :class:`IngestError` per input (or corpus line) that
could not be read, so that one bad file never stops a batch.
"""

from kuroshio.ingest.readers import document_from_record, document_from_text, iter_documents

__all__ = ["document_from_record", "document_from_text", "iter_documents"]
