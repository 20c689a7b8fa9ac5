"""Sentence splitting within blocks. Chinese ends at 。！？； (keeping closing quotes); English at . ! ? before a
capital, guarding common abbreviations."""

from __future__ import annotations

import re
from dataclasses import replace

from kuroshio.config import Options
from kuroshio.model import Document, Sentence

# [。！？!?]+[」』”’）)]* or [；;](?=\s*\S), written to start with one character class: the scan then skips the
# characters that cannot start a cut at C speed (an English text has few)
_ZH_END = re.compile(r"[。！？!?；;](?:(?<=[。！？!?])[。！？!?]*[」』”’）)]*|(?<=[；;])(?=\s*\S))")
_EN_END = re.compile(r"[.!?]([\"'”’)]*\s+)(?=[\"“(]?[A-Z0-9])")  # the cut is group 1 (a charset first scans fast)
_EN_ABBREV = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Adm|Sgt|Sen|Rep|Gov|Prof|St|Jr|Sr|U\.S|U\.N|No|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|"
    r"Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])\.$"
)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """[start, end) spans of the sentences of ``text[start:end]``, leading and trailing space trimmed."""
    end = len(text) if end is None else end
    cuts: list[int] = []
    for m in _ZH_END.finditer(text, start, end):
        cuts.append(m.end())
    for m in _EN_END.finditer(text, start, end):
        if not _EN_ABBREV.search(text[max(start, m.start(1) - 12) : m.start(1)]):
            cuts.append(m.start(1))
    spans: list[tuple[int, int]] = []
    pos = start
    for cut in sorted(set(cuts)) + [end]:
        if cut <= pos:
            continue
        s, e = pos, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        pos = cut
    return spans


def segment_document(doc: Document, options: Options) -> Document:
    """Sentences of every block, in text order, each knowing its block."""
    sentences: list[Sentence] = []
    blocks = doc.blocks or ()
    ranges = [(i, b.start, b.end) for i, b in enumerate(blocks)] or [(0, 0, len(doc.text))]
    for block_index, start, end in ranges:
        for s, e in split_sentences(doc.text, start, end):
            sentences.append(Sentence(index=len(sentences), start=s, end=e, block=block_index))
    return replace(doc, sentences=tuple(sentences))
