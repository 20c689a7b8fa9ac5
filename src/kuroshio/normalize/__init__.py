"""Normalize: detect language and script, and build the Simplified shadow text of Traditional Chinese documents."""

from kuroshio.normalize.script import detect_language, normalize_document, to_simplified

__all__ = ["detect_language", "normalize_document", "to_simplified"]
