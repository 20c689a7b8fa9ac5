"""Hand-built English documents for the English coder tests: actor mentions written inline as ``[text|CODE]``.

``[Japan|JPN]`` is a state, ``[Lee Jae-myung|KORGOV|person]`` a person, ``[the two sides|CHN,USA]`` a plural
coreference (one mention per member, same span, kind ``coref``). The country is the code's first three letters
unless the code is an organization code (``IGOUNO``), whose country is None.
"""

from __future__ import annotations

import re

from kuroshio.model import Document, Mention, Sentence
from kuroshio.segment import split_sentences

_MARK = re.compile(r"\[([^\[\]|]+)\|([A-Z,]+)(?:\|(\w+))?\]")
_NON_STATE = ("IGO", "NGO", "MNC", "UNO", "NTO", "EUR")


def parse_markup(marked: str) -> tuple[str, list[tuple[int, int, str, str]]]:
    """Clean text and (start, end, codes, kind) for each marked actor."""
    out: list[str] = []
    spans: list[tuple[int, int, str, str]] = []
    pos = 0
    length = 0
    for m in _MARK.finditer(marked):
        out.append(marked[pos : m.start()])
        length += m.start() - pos
        start = length
        out.append(m.group(1))
        length += len(m.group(1))
        spans.append((start, length, m.group(2), m.group(3) or ""))
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), spans


def make_doc(marked: str, *, date: str = "2025-08-20", doc_id: str = "case") -> Document:
    """A segmented English Document with the marked mentions, ready for the events stage."""
    text, spans = parse_markup(marked)
    sentences = tuple(Sentence(i, s, e) for i, (s, e) in enumerate(split_sentences(text)))
    mentions: list[Mention] = []
    for start, end, codes, kind in spans:
        index = next((s.index for s in sentences if s.start <= start < s.end), -1)
        members = codes.split(",")
        for code in members:
            country = None if code[:3] in _NON_STATE else code[:3]
            mentions.append(
                Mention(
                    start=start,
                    end=end,
                    text=text[start:end],
                    code=code,
                    country=country,
                    kind=kind or ("coref" if len(members) > 1 else "state" if len(code) == 3 else "org"),
                    members=tuple(members) if len(members) > 1 else (),
                    sentence=index,
                )
            )
    return Document(id=doc_id, text=text, lang="en", script="Latn", date=date, sentences=sentences,
                    mentions=tuple(mentions))
