"""Plain text and PDF text extracts: find the blocks from the text alone.

Signals, each measured on the document itself rather than assumed:

* **Hard wrapping.** Many lines end near one width (the 90th percentile, in display cells) and most of those end
  mid-sentence.
  Unwrapped text (one paragraph per line) is not wrapped and every line break is a block break.
* **Double spacing.** In many extracts every line is followed by one blank line; then one blank line is a soft break
  and a bigger gap, or a whitespace-only line, is a block break.
* **Trailing-space markers.** Some extractors end the last line of each block with a space. When the marked lines
  are (almost) all short or end a sentence, a trailing space ends a block.
* **Short lines.** In wrapped text a line that stops well before the wrap width (the next line's first word would
  have fit) ends its block, unless it ends with a comma-like mark.
* **Page breaks.** A line that starts with a space right after a content line (no blank line in double-spaced text)
  is where a page broke: it continues the block unless the line before ended one.
* **Indentation.** In single-spaced text a line indented when most are not starts a block after a sentence end.
* **Markdown headings.** A line ``# ...`` is a block of its own; the marker is left out of the text.
* **Page furniture.** In wrapped text, page-number lines and running headers/footers (short lines that come back
  three times or more next to a page number or a form feed) are dropped; the text around them joins as across a
  page break.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from kuroshio.ingest.layout import CONTINUES, HARD_END, SENTENCE_END, Line, RawBlock, cell_width, finish
from kuroshio.ingest.vocabulary import vocabulary
from kuroshio.model import Document

_SPACE = " \t\u3000\u00a0\ufeff\r\f\v"
_MD_HEADING = re.compile(r"#{1,6}[ \t]+")
_FIRST_TOKEN = re.compile(r"[A-Za-z0-9][\w.,:/?=&%#~+\-]*|\S")


@dataclass(slots=True)
class _TextLine:
    line: Line
    gap: int  # blank lines before
    spacer: bool  # a whitespace-only line among them
    feed: bool = False  # a form feed (page break) before or on this line
    marked_heading: bool = False  # a Markdown heading (# ...), its marker left out of the text


def _lines(raw: str) -> list[_TextLine]:
    out: list[_TextLine] = []
    gap, spacer, feed, pos = 0, False, False, 0
    for physical in raw.split("\n"):
        start = pos
        pos += len(physical) + 1
        body = physical.strip(_SPACE)
        feed = feed or "\f" in physical
        if not body:
            if physical.strip("\r\f"):
                spacer = True
            gap += 1
            continue
        offset = start + len(physical) - len(physical.lstrip(_SPACE))
        md = _MD_HEADING.match(body)
        if md and body[md.end() :].strip("# " + _SPACE) and not body[md.end() :].startswith("#"):
            offset += md.end()
            body = body[md.end() :].rstrip("# " + _SPACE)
        else:
            md = None
        stripped_end = physical.rstrip("\r")
        line = Line(
            text=body,
            src=list(range(offset, offset + len(body))),
            width=float(cell_width(body)),
            lead=offset > start,
            trail=len(stripped_end) > len(stripped_end.rstrip(_SPACE)),
        )
        out.append(_TextLine(line, gap if out else 0, spacer, feed, bool(md)))
        gap, spacer, feed = 0, False, False
    return out


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _first_token_width(text: str) -> int:
    m = _FIRST_TOKEN.match(text)
    return cell_width(m.group(0)) if m else 0


def _is_short(line: Line, nxt: Line, wrap: float) -> bool:
    if line.text[-1] in CONTINUES:
        return False
    return line.width + _first_token_width(nxt.text) + 1 < 0.8 * wrap


def _drop_furniture(lines: list[_TextLine]) -> list[_TextLine]:
    """Drop page numbers, and running headers/footers, from a wrapped extract.

    A running header or footer is a short line whose text (digits ignored) comes back next to a page break (a
    page-number line or a form feed) three times or more (twice when there are only two page breaks). The line after
    dropped lines keeps the smallest gap around them, as after a page break.
    """
    vocab = vocabulary()
    numbers = [any(p.match(t.line.text) for p in vocab.page_numbers) for t in lines]
    anchors = [numbers[i] or t.feed for i, t in enumerate(lines)]
    near: Counter[str] = Counter()
    keys = [
        re.sub(r"\d+", "#", t.line.text)
        if t.line.width <= 40 and sum(c.isalpha() for c in t.line.text) >= 2 and t.line.text[-1] not in SENTENCE_END
        else ""
        for t in lines
    ]
    for i, key in enumerate(keys):
        if key and any(anchors[j] for j in range(max(0, i - 1), min(len(lines), i + 2))):
            near[key] += 1
    breaks = max(sum(1 for t in lines if t.feed), sum(numbers))
    needed = 2 if breaks == 2 else 3
    out: list[_TextLine] = []
    carried: int | None = None
    for i, t in enumerate(lines):
        if numbers[i] or (keys[i] and near[keys[i]] >= needed):
            carried = t.gap if carried is None else min(carried, t.gap)
            continue
        if carried is not None:
            t = _TextLine(t.line, min(carried, t.gap), t.spacer, t.feed)
            carried = None
        out.append(t)
    return out


def find_blocks(raw: str) -> list[RawBlock]:
    """Group the lines of a text extract into blocks (see the module docstring)."""
    lines = _lines(raw)
    if not lines:
        return []
    widths = [t.line.width for t in lines]
    wrap = _percentile(widths, 0.9)
    near = [t.line for t in lines if 0.8 * wrap <= t.line.width <= 1.15 * wrap]
    open_ends = sum(1 for ln in near if ln.text[-1] not in SENTENCE_END)
    wrapped = len(lines) >= 4 and wrap <= 160 and len(near) >= max(2, 0.3 * len(lines)) and open_ends > 0.5 * len(near)
    if wrapped:
        lines = _drop_furniture(lines)
        if not lines:
            return []
    gaps = [t.gap for t in lines[1:]]
    double = wrapped and bool(gaps) and sum(1 for g in gaps if g == 1) >= 0.6 * len(gaps)
    soft = 1 if double else 0
    marked = [t.line for t in lines if t.line.trail]
    markers = (
        wrapped
        and 0 < len(marked) < len(lines)
        and sum(1 for ln in marked if ln.width < 0.8 * wrap or ln.text[-1] in SENTENCE_END) >= 0.8 * len(marked)
    )
    indented = sum(1 for t in lines if t.line.lead) <= 0.5 * len(lines)
    blocks: list[RawBlock] = [RawBlock([lines[0].line])]
    for prev, cur in zip(lines, lines[1:], strict=False):
        p, c = prev.line, cur.line
        if not wrapped or prev.marked_heading or cur.marked_heading:
            brk = True
        elif cur.gap > soft or cur.spacer:
            brk = True
        elif markers and p.trail:
            brk = True
        elif _is_short(p, c, wrap):
            brk = True
        elif not double and indented and c.lead and cur.gap == 0 and p.text[-1] in HARD_END:
            brk = True
        else:
            brk = False
        if brk:
            blocks.append(RawBlock([c]))
        else:
            blocks[-1].lines.append(c)
    return blocks


def reflow_text(raw: str) -> Document:
    """A Document (blocks, labels, source map) from plain text or a PDF text extract; offsets index ``raw``."""
    return finish(find_blocks(raw))
