"""Language and script detection and the length-preserving Simplified shadow (OpenCC ``t2s``).

``t2s`` maps character to character (never ``tw2sp``, which rewrites phrases), so offsets found in the shadow point
into the original text unchanged.
"""

from __future__ import annotations

import operator
import re
from dataclasses import replace
from functools import cache, lru_cache

from kuroshio.config import Options
from kuroshio.model import Document


@cache
def _t2s():  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=8)  # one document's text is converted by language detection, then for its shadow or actors
def to_simplified(text: str) -> str:
    """The Simplified shadow of ``text``; the same length, character for character."""
    shadow = _t2s().convert(text)
    if len(shadow) != len(text):  # never expected with t2s; fall back to per-character conversion
        shadow = "".join(c if len(s := _t2s().convert(c)) != 1 else s for c in text)
    return str(shadow)


# Counting by regular expression: one C-level pass per script instead of a Python call per character.
_HAN = re.compile("[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff]+")  # runs: fewer, longer matches to count
_KANA = re.compile("[\u3040-\u30ff]")
_HANGUL = re.compile("[\uac00-\ud7af]")
# Latin letters are counted as the bytes left when a Latin-1 encoding (other characters dropped) loses every byte
# that is not A-Z or a-z: two C-level passes
_NOT_LATIN_BYTES = bytes(b for b in range(256) if not (0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A))


def detect_language(text: str, *, sample: int = 20000) -> tuple[str, str]:
    """(lang, script) of a text: ('zh', 'zh-Hant'|'zh-Hans'), ('ja', 'Jpan'), ('ko', 'Kore') or ('en', 'Latn').

    Han characters that Simplify differently are Traditional; the script is the majority of such evidence.
    """
    head = text[:sample]
    han = sum(map(len, _HAN.findall(head)))
    kana = len(_KANA.findall(head))
    hangul = len(_HANGUL.findall(head))
    latin = len(head.encode("latin-1", "ignore").translate(None, _NOT_LATIN_BYTES))
    if hangul > max(han, latin) * 0.5 and hangul > 10:
        return "ko", "Kore"
    if kana > 10 and kana > han * 0.1:
        return "ja", "Jpan"
    if han == 0 or latin > han * 3:
        return "en", "Latn"
    threshold = max(2, han * 0.02)
    traditional = _count_changed(head, to_simplified(head), threshold)
    return "zh", ("zh-Hant" if traditional >= threshold else "zh-Hans")


def _count_changed(text: str, shadow: str, enough: float, chunk: int = 64) -> int:
    """How many characters t2s changed (same length: character for character), counted only until ``enough``:
    equal chunks are skipped at C speed, and a Traditional text stops being counted once it has shown enough."""
    count = 0
    for i in range(0, len(text), chunk):
        a, b = text[i : i + chunk], shadow[i : i + chunk]
        if a != b:
            count += sum(map(operator.ne, a, b))
            if count >= enough:
                break
    return count


def normalize_document(doc: Document, options: Options) -> Document:
    """Set lang and script (unless forced) and the Simplified shadow for Chinese documents."""
    lang, script = doc.lang, doc.script
    if options.lang != "auto":
        lang, script = ("en", "Latn") if options.lang == "en" else ("zh", options.lang)
    elif lang is None or script is None:
        lang, script = detect_language(doc.text)
    shadow = to_simplified(doc.text) if lang == "zh" and script != "zh-Hans" else None
    return replace(doc, lang=lang, script=script, shadow=shadow)
