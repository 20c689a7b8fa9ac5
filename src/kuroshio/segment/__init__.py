"""Segment: split a document's blocks into sentences (Chinese and English rules)."""

from kuroshio.segment.sentences import segment_document, split_sentences

__all__ = ["segment_document", "split_sentences"]
