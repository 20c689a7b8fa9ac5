"""Reflow plain text and PDF text extracts into clean blocks (a first, simple version).

Lines are joined into paragraphs: a blank-line run separates paragraphs only when the previous line ends a sentence;
CJK lines join with no space, Latin lines with one.
"""

from __future__ import annotations

import re

from kuroshio.model import Block, Document, SourceRun

_SENTENCE_END = tuple("。！？!?」』）)")
_CJK = re.compile(r"[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]")


def _join(left: str, right: str) -> str:
    if not left:
        return right
    if _CJK.match(left[-1]) or _CJK.match(right[:1] or " "):
        return left + right
    return left + " " + right


def reflow_text(raw: str) -> Document:
    lines = [line.strip() for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if not line:
            if current.endswith(_SENTENCE_END) or (current and not _CJK.search(current)):
                paragraphs.append(current)
                current = ""
            continue
        current = _join(current, line)
        if current.endswith(_SENTENCE_END) and len(line) < 20:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    text = "\n\n".join(paragraphs)
    blocks: list[Block] = []
    pos = 0
    for para in paragraphs:
        blocks.append(Block("paragraph", pos, pos + len(para)))
        pos += len(para) + 2
    return Document(id="", text=text, blocks=tuple(blocks), source_runs=(SourceRun(0, 0, 0),))
