"""Bytes to text: byte-order marks, strict UTF-8, UTF-16 without a mark, then charset-normalizer (Big5, GB18030...).

Binary data is refused rather than decoded into nonsense.
"""

from __future__ import annotations

import codecs
import re

from kuroshio.errors import IngestError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CANDIDATES = ["utf_8", "big5", "cp950", "big5hkscs", "gb18030", "gbk", "gb2312", "utf_16", "shift_jis", "euc_kr"]


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / (len(sample) / 2)
    odd = sample[1::2].count(0) / (len(sample) / 2)
    encoding = "utf-16-le" if odd > 0.3 and even < 0.05 else "utf-16-be" if even > 0.3 and odd < 0.05 else None
    if encoding is not None:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            return None
    if len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):  # CJK text has no NUL bytes: judge by the characters decoded
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        common = sum(1 for c in text[:5000] if _common(c))
        if common >= 0.95 * len(text[:5000]):
            return text
    return None


def _common(ch: str) -> bool:
    return (
        "\u4e00" <= ch <= "\u9fff"
        or " " <= ch <= "~"
        or ch in "\n\r\t"
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
        or "\u2010" <= ch <= "\u206f"
    )


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f\v\x1b") or c == "\ufffd")
    return bad > max(2, 0.02 * len(sample))


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KB (``<meta charset=...>``), if Python knows it."""
    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", data[:4096], re.I)
    if not m:
        return None
    name = m.group(1).decode("ascii").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, path: str, *, hint: str | None = None) -> str:
    """The text of ``data`` (``hint``: an encoding the file declares, tried after UTF-8); raises
    :class:`IngestError` for empty or binary input."""
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise IngestError(path, "empty file")
    text: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise IngestError(path, f"invalid {encoding} text") from None
            break
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = None
        if text is None and hint:
            try:
                text = data.decode(hint)
            except (UnicodeDecodeError, LookupError):
                text = None
        if text is None:
            text = _utf16_without_bom(data)
    if text is None:
        if data[:4096].count(0) > 4:
            raise IngestError(path, "binary file, not text")
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000], cp_isolation=_CANDIDATES).best()
        if best is None:
            raise IngestError(path, "binary file, not text (no text encoding fits)")
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            text = data.decode(best.encoding, errors="replace")
    if _looks_binary(text):
        raise IngestError(path, "binary file, not text")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text
