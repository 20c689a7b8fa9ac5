"""The small public API: read, code, process. Thin wrappers over :class:`~kuroshio.pipeline.Pipeline`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from kuroshio.config import Options, load_options
from kuroshio.errors import IngestError
from kuroshio.model import Document, Event
from kuroshio.pipeline import Pipeline


def _options(options: Options | None, overrides: dict[str, Any]) -> Options:
    return (options or load_options()).with_overrides(**overrides)


def _is_existing_path(value: str) -> bool:
    if "\n" in value or len(value) > 4096:
        return False
    try:
        return Path(value).exists()
    except OSError:  # e.g. a name too long for the file system: it is text, not a path
        return False


def _looks_like_path(value: str) -> bool:
    """A short one-line string with a file suffix and no sentence punctuation is a path the user meant."""
    return len(value) < 260 and "\n" not in value and bool(Path(value).suffix) and not any(c in value for c in "。，, ")


def read_all(
    path_or_text: str | os.PathLike[str], *, options: Options | None = None, **overrides: Any
) -> list[Document]:
    """Every document in a file, directory or corpus, or the one document of a text given as a string.

    Raises the first :class:`IngestError` met.
    """
    from kuroshio.ingest import document_from_text, iter_documents

    opts = _options(options, overrides)
    if isinstance(path_or_text, str) and not _is_existing_path(path_or_text):
        if _looks_like_path(path_or_text):
            raise IngestError(path_or_text, "no such file")
        return [document_from_text(path_or_text, options=opts)]
    documents: list[Document] = []
    for item in iter_documents([os.fspath(path_or_text)], opts):
        if isinstance(item, IngestError):
            raise item
        documents.append(item)
    return documents


def read(path_or_text: str | os.PathLike[str], *, options: Options | None = None, **overrides: Any) -> Document:
    """One document from a file path or from text itself (``lang=``, ``date=`` override the options)."""
    documents = read_all(path_or_text, options=options, **overrides)
    if not documents:
        raise IngestError(os.fspath(path_or_text), "no document found")
    return documents[0]


def process(document: Document | str, *, options: Options | None = None, **overrides: Any) -> Document:
    """Run the whole pipeline over a document (or a path or text, read first)."""
    opts = _options(options, overrides)
    doc = document if isinstance(document, Document) else read(document, options=opts)
    if opts.date and not doc.date:
        from dataclasses import replace

        doc = replace(doc, date=opts.date)
    return Pipeline(opts).process(doc)


def code(document: Document | str, *, options: Options | None = None, **overrides: Any) -> list[Event]:
    """The events of a document (or of a path or text, read first)."""
    return list(process(document, options=options, **overrides).events)
