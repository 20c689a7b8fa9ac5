"""The events stage: trigger dictionaries -> CAMEO events with source, target, mode, date and evidence spans.

Chinese documents are coded by :mod:`kuroshio.events.chinese` (one dictionary for both scripts, matched against the
Simplified shadow); English documents by :mod:`kuroshio.events.english`.
"""

from __future__ import annotations

from kuroshio.config import Options
from kuroshio.model import Document

__all__ = ["code_events"]


def code_events(doc: Document, options: Options) -> Document:
    """The pipeline stage ``events``: a copy of ``doc`` with its events coded."""
    if doc.lang == "en":
        try:
            from kuroshio.events.english import code_english
        except ImportError:  # the English coder is optional until it lands
            return doc
        return code_english(doc, options)
    if doc.lang not in (None, "zh"):
        return doc
    from kuroshio.events.chinese import code_chinese

    return code_chinese(doc, options)
