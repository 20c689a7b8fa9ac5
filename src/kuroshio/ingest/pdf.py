"""PDFs with a text layer (pdfplumber/pdfminer.six; pypdfium2 only to see stroke-drawn "fake bold" text).

Steps, per page then across pages:

1. Characters become rows (same baseline) and rows become segments where a wide horizontal gap splits them (table
   cells, columns). Spaces are synthesized between Latin words the PDF placed apart without a space glyph.
2. Ruled tables (pdfplumber's table finder, only on pages that draw lines) become one block, cells joined by tabs.
3. Two columns: a vertical gutter in the middle third that (almost) no segment crosses; segments that span it
   (titles) interrupt the flow, the left column is read before the right.
4. Running headers and footers: lines in the top or bottom band whose text (digits ignored) repeats on at least
   half of the pages, and page numbers anywhere in those bands, are dropped wherever they sit in the file's order.
5. Lines join into blocks unless the gap is wider than the line spacing, the font size or weight changes, the
   line is indented, or the line before stopped short of the column's right edge; across a page or column break the
   same tests apply to the first line of the new page. Then :func:`kuroshio.ingest.layout.finish` labels the blocks
   (title = largest font, headings = bold or larger short lines).

Source offsets of a PDF document index the page text: the concatenation of ``page.chars`` texts, per page. Where
pdfminer misreads a page (its characters disagree with pdfium's, as with the non-embedded MSung-Light font), pdfium's
characters are used instead and offsets index pdfium's page text (generated characters left out).
"""

from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from kuroshio.errors import IngestError
from kuroshio.ingest.layout import CONTINUES, Line, RawBlock, finish, is_wide
from kuroshio.ingest.vocabulary import vocabulary
from kuroshio.model import Document

_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi|-w[6-9]\b|,b\b", re.I)


@dataclass(slots=True)
class _Seg:
    chars: list[dict[str, Any]]
    page: int
    text: str = ""
    src: list[int] = field(default_factory=list)
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    bold: bool = False
    table: bool = False

    def to_line(self) -> Line:
        return Line(
            text=self.text,
            src=self.src,
            page=self.page,
            width=self.x1 - self.x0,
            x0=self.x0,
            x1=self.x1,
            top=self.top,
            bottom=self.bottom,
            size=self.size,
            bold=self.bold,
        )


@dataclass(slots=True)
class _PdfiumPage:
    """What pdfium sees on a page: boxes of stroked text, and its characters (used when pdfminer misreads them)."""

    stroked: list[tuple[float, float, float, float]] = field(default_factory=list)
    text: str = ""
    chars: list[dict[str, Any]] = field(default_factory=list)


def _pdfium_pages(data: bytes, page_count: int) -> dict[int, _PdfiumPage]:
    """Per page index: boxes (x0, y0, x1, y1 in PDF user space) of text drawn with a stroke (render modes 1, 2, 5,
    6), and pdfium's own characters in pdfplumber's char format."""
    pages: dict[int, _PdfiumPage] = {}
    try:
        import ctypes

        import pypdfium2 as pdfium
        import pypdfium2.raw as pdfium_c
    except ImportError:  # optional signal
        return pages
    try:
        document = pdfium.PdfDocument(data)
    except Exception:  # noqa: BLE001 - pdfplumber reports the real problem
        return pages
    try:
        for index in range(min(page_count, len(document))):
            page = document[index]
            info = pages.setdefault(index, _PdfiumPage())
            for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT], max_depth=3):
                mode = pdfium_c.FPDFTextObj_GetTextRenderMode(obj.raw)
                if mode in (1, 2, 5, 6):
                    info.stroked.append(tuple(obj.get_bounds()))  # type: ignore[arg-type]
            textpage = page.get_textpage()
            height = page.get_height()
            rect = pdfium_c.FS_RECTF()
            for i in range(textpage.count_chars()):
                if pdfium_c.FPDFText_IsGenerated(textpage.raw, i):
                    continue
                ch = textpage.get_text_range(i, 1)
                if not ch or ch in "\r\n":
                    continue
                pdfium_c.FPDFText_GetLooseCharBox(textpage.raw, i, ctypes.byref(rect))
                info.chars.append(
                    {
                        "text": ch,
                        "x0": rect.left,
                        "x1": rect.right,
                        "top": height - rect.top,
                        "bottom": height - rect.bottom,
                        "size": pdfium_c.FPDFText_GetFontSize(textpage.raw, i),
                        "fontname": "",
                        "upright": True,
                        "_bold": pdfium_c.FPDFText_GetFontWeight(textpage.raw, i) >= 600,
                    }
                )
            info.text = "".join(c["text"] for c in info.chars)
            textpage.close()
    finally:
        document.close()
    return pages


def _misread(chars: list[dict[str, Any]], pdfium_text: str) -> bool:
    """pdfminer's characters disagree with pdfium's (a CMap pdfminer decodes wrongly): use pdfium's instead."""
    mine = Counter(c["text"] for c in chars if c["text"].strip())
    theirs = Counter(ch for ch in pdfium_text if ch.strip())
    if not theirs:
        return False
    if not mine or any("(cid:" in c for c in mine):
        return True
    shared = sum((mine & theirs).values())
    return shared < 0.8 * max(sum(mine.values()), sum(theirs.values()))


def _segments(chars: list[dict[str, Any]], page_no: int, offsets: dict[int, int]) -> list[_Seg]:
    rows: list[list[dict[str, Any]]] = []
    for ch in sorted(chars, key=lambda c: (round(c["top"], 1), c["x0"])):
        if rows:
            row = rows[-1]
            ref = row[0]
            if abs(ch["top"] - ref["top"]) <= 0.45 * max(ref["size"], 1.0):
                row.append(ch)
                continue
        rows.append([ch])
    segs: list[_Seg] = []
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        current: list[dict[str, Any]] = [row[0]]
        for prev, ch in zip(row, row[1:], strict=False):
            if ch["x0"] - prev["x1"] > 1.6 * max(prev["size"], ch["size"]):
                segs.append(_make_seg(current, page_no, offsets))
                current = []
            current.append(ch)
        segs.append(_make_seg(current, page_no, offsets))
    return [s for s in segs if s.text]


def _make_seg(chars: list[dict[str, Any]], page_no: int, offsets: dict[int, int]) -> _Seg:
    seg = _Seg(chars=chars, page=page_no)
    text: list[str] = []
    src: list[int] = []
    prev = None
    for ch in chars:
        t = ch["text"]
        if prev is not None and t.strip() and text and text[-1] != " ":
            gap = ch["x0"] - prev["x1"]
            if gap > 0.22 * ch["size"] and not (is_wide(text[-1]) and is_wide(t[0])):
                text.append(" ")
                src.append(-1)
        if not t.strip():
            if text and text[-1] != " ":
                text.append(" ")
                src.append(offsets[id(ch)])
            prev = ch
            continue
        for k, c in enumerate(t):
            text.append(c)
            src.append(offsets[id(ch)] + k)
        prev = ch
    while text and text[-1] == " ":
        text.pop()
        src.pop()
    while text and text[0] == " ":
        text.pop(0)
        src.pop(0)
    seg.text = "".join(text)
    seg.src = src
    visible = [c for c in chars if c["text"].strip()] or chars
    seg.x0 = min(c["x0"] for c in visible)
    seg.x1 = max(c["x1"] for c in visible)
    seg.top = min(c["top"] for c in visible)
    seg.bottom = max(c["bottom"] for c in visible)
    seg.size = statistics.median(c["size"] for c in visible)
    bold = sum(1 for c in visible if c.get("_bold") or _BOLD_FONT.search(c.get("fontname", "")))
    seg.bold = bold >= 0.6 * len(visible)
    return seg


def _gutter(segs: list[_Seg], width: float) -> float | None:
    body = [s for s in segs if not s.table and len(s.text) > 1]
    if len(body) < 8:
        return None
    best: tuple[int, float] | None = None
    x = 0.35 * width
    while x <= 0.65 * width:
        crossing = sum(1 for s in body if s.x0 < x < s.x1)
        if best is None or crossing < best[0]:
            best = (crossing, x)
        x += 2.0
    assert best is not None
    crossing, gx = best
    left = sum(1 for s in body if s.x1 <= gx)
    right = sum(1 for s in body if s.x0 >= gx)
    if left >= 4 and right >= 4 and crossing <= 0.2 * len(body):
        return gx
    return None


def _reading_order(segs: list[_Seg], width: float) -> list[list[_Seg]]:
    """Flows of segments in reading order: one flow per column run (a spanning segment starts a new run)."""
    segs = sorted(segs, key=lambda s: (s.top, s.x0))
    gx = _gutter(segs, width)
    if gx is None:
        return [segs]
    flows: list[list[_Seg]] = []
    left: list[_Seg] = []
    right: list[_Seg] = []
    spanning: list[_Seg] = []
    for seg in segs:
        if seg.x0 < gx < seg.x1:
            if left or right:
                flows.extend(f for f in (left, right) if f)
                left, right = [], []
            spanning.append(seg)
            continue
        if spanning:
            flows.append(spanning)
            spanning = []
        (left if seg.x1 <= gx else right).append(seg)
    flows.extend(f for f in (spanning, left, right) if f)
    return flows


def _table_segments(
    page: Any, page_no: int, offsets: dict[int, int], chars: list[dict[str, Any]]
) -> tuple[list[_Seg], set[int]]:
    if not (page.lines or page.rects):
        return [], set()
    try:
        tables = page.find_tables()
    except Exception:  # noqa: BLE001 - a table we cannot read is left to the text flow
        return [], set()
    out: list[_Seg] = []
    used: set[int] = set()
    for table in tables:
        x0, top, x1, bottom = table.bbox
        inside = [
            c
            for c in chars
            if x0 - 1 <= c["x0"] and c["x1"] <= x1 + 1 and top - 1 <= c["top"] and c["bottom"] <= bottom + 1
        ]
        if not inside:
            continue
        used.update(id(c) for c in inside)
        texts: list[str] = []
        src: list[int] = []
        for row in table.rows:
            if texts:
                texts.append("\n")
                src.append(-1)
            first_cell = True
            for cell in row.cells:
                if cell is None:
                    continue
                cx0, ctop, cx1, cbottom = cell
                cell_chars = [
                    c
                    for c in inside
                    if cx0 - 1 <= c["x0"] and c["x1"] <= cx1 + 1 and ctop - 1 <= c["top"] and c["bottom"] <= cbottom + 1
                ]
                seg = (
                    _make_seg(sorted(cell_chars, key=lambda c: (round(c["top"]), c["x0"])), page_no, offsets)
                    if cell_chars
                    else None
                )
                if not first_cell:
                    texts.append("\t")
                    src.append(-1)
                first_cell = False
                if seg and seg.text:
                    texts.append(seg.text)
                    src.extend(seg.src)
        seg = _Seg(
            chars=inside,
            page=page_no,
            text="".join(texts),
            src=src,
            x0=x0,
            x1=x1,
            top=top,
            bottom=bottom,
            size=statistics.median(c["size"] for c in inside),
            table=True,
        )
        out.append(seg)
    return out, used


def _page_flows(page: Any, page_no: int, pdfium: _PdfiumPage | None) -> tuple[list[list[_Seg]], int]:
    source_chars = page.chars
    if pdfium is not None and pdfium.chars and _misread(source_chars, pdfium.text):
        source_chars = pdfium.chars
    stroked = pdfium.stroked if pdfium is not None else []
    chars = [c for c in source_chars if c.get("upright", True)]
    offsets: dict[int, int] = {}
    pos = 0
    for c in source_chars:
        offsets[id(c)] = pos
        pos += len(c["text"])
    if stroked:
        height = page.height
        for c in chars:
            cx, cy = (c["x0"] + c["x1"]) / 2, height - (c["top"] + c["bottom"]) / 2
            if any(b[0] - 0.5 <= cx <= b[2] + 0.5 and b[1] - 0.5 <= cy <= b[3] + 0.5 for b in stroked):
                c["_bold"] = True
    tables, used = _table_segments(page, page_no, offsets, chars)
    segs = _segments([c for c in chars if id(c) not in used], page_no, offsets) + tables
    return _reading_order(segs, page.width), sum(1 for c in chars if c["text"].strip())


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _drop_furniture(pages: list[list[list[_Seg]]], heights: list[float]) -> None:
    """Remove running headers, footers and page numbers (step 4 of the module docstring)."""
    vocab = vocabulary()

    def in_band(seg: _Seg, height: float) -> bool:
        return seg.top < 0.1 * height or seg.bottom > 0.9 * height

    counts: Counter[str] = Counter()
    for flows, height in zip(pages, heights, strict=True):
        keys = {_furniture_key(s.text) for flow in flows for s in flow if in_band(s, height)}
        counts.update(keys)
    repeated = {k for k, n in counts.items() if len(pages) >= 2 and n >= max(2, 0.5 * len(pages))}
    for flows, height in zip(pages, heights, strict=True):
        for flow in flows:
            flow[:] = [
                s
                for s in flow
                if not (
                    in_band(s, height)
                    and (_furniture_key(s.text) in repeated or any(p.match(s.text.strip()) for p in vocab.page_numbers))
                )
            ]


def _first_word_width(seg: _Seg) -> float:
    """Width of the first word (CJK: the first character) of a segment: would it have fit on the line before?"""
    chars = [c for c in seg.chars if c["text"]]
    if not chars:
        return 0.0
    end = chars[0]
    for c in chars:
        if not c["text"].strip() or (c is not chars[0] and is_wide(c["text"][0])):
            break
        end = c
        if is_wide(c["text"][0]):
            break
    return float(end["x1"] - chars[0]["x0"])


def _blocks(pages: list[list[list[_Seg]]]) -> list[RawBlock]:
    flows = [flow for page in pages for flow in page if flow]
    lines = [s for flow in flows for s in flow if not s.table]
    spacings = []
    for flow in flows:
        for a, b in zip(flow, flow[1:], strict=False):
            if not a.table and not b.table and abs(a.size - b.size) < 0.5 and b.top > a.top:
                spacings.append(round(b.top - a.top, 1))
    spacing = Counter(spacings).most_common(1)[0][0] if spacings else None
    if not lines:
        return []
    blocks: list[RawBlock] = []
    prev: _Seg | None = None
    prev_flow: list[_Seg] | None = None
    edges: dict[int, tuple[float, float]] = {}
    for flow in flows:
        body = [s for s in flow if not s.table and len(s.text) > 3] or flow
        edges[id(flow)] = (min(s.x0 for s in body), max(s.x1 for s in body))
    for flow in flows:
        left, right = edges[id(flow)]
        for seg in flow:
            if seg.table:
                blocks.append(RawBlock([seg.to_line()], kind="paragraph"))
                prev = None
                continue
            new = True
            if prev is not None:
                pleft, pright = edges[id(prev_flow)] if prev_flow is not None else (left, right)
                same_style = abs(seg.size - prev.size) <= 0.08 * max(seg.size, 1) and seg.bold == prev.bold
                indented = seg.x0 > left + 0.8 * seg.size
                short = prev.x1 + _first_word_width(seg) + 0.3 * seg.size < pright and prev.text[-1] not in CONTINUES
                centered = (
                    abs((prev.x0 + prev.x1) / 2 - (pleft + pright) / 2) < prev.size and prev.x0 > pleft + 2 * prev.size
                )
                if flow is prev_flow:
                    gap = seg.top - prev.top
                    loose = spacing is not None and gap > 1.35 * spacing
                    new = loose or not same_style or indented or short or centered or gap <= 0
                else:
                    new = not same_style or indented or short or centered
            if new or not blocks:
                blocks.append(RawBlock([seg.to_line()]))
            else:
                blocks[-1].lines.append(seg.to_line())
            prev, prev_flow = seg, flow
    return blocks


def _mark_image_captions(blocks: list[RawBlock], images: dict[int, list[tuple[float, float, float, float]]]) -> None:
    """A short block in a smaller font right under (or over) an image on its page is the image's caption."""
    sizes = [ln.size for b in blocks for ln in b.lines if ln.size]
    if not sizes or not any(images.values()):
        return
    body = statistics.median(sizes)
    for block in blocks:
        first, last = block.lines[0], block.lines[-1]
        if block.kind or len(block.lines) > 3 or not first.size or first.size > 0.92 * body:
            continue
        for x0, top, x1, bottom in images.get(first.page or 0, []):
            overlaps = first.x0 < x1 and first.x1 > x0
            below = 0 <= first.top - bottom <= 2.5 * first.size
            above = 0 <= top - last.bottom <= 2.5 * first.size
            if overlaps and (below or above):
                block.kind = "caption"
                break


def _why(exc: BaseException) -> str:
    """The underlying error's name and message (pdfplumber wraps pdfminer's errors), in one short line."""
    inner = next((a for a in exc.args if isinstance(a, BaseException)), exc)
    text = " ".join(str(inner).split())[:80]
    return f"{type(inner).__name__}: {text}" if text else type(inner).__name__


def read_pdf(data: bytes, path: str, *, max_pages: int = 500) -> Document:
    """A Document from the bytes of a PDF (see the module docstring)."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    if not data.lstrip()[:1024].startswith(b"%PDF") and b"%PDF" not in data[:1024]:
        raise IngestError(path, "not a PDF file (no %PDF header)")
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PDFPasswordIncorrect:
        raise IngestError(path, "encrypted PDF (a password is needed)") from None
    except PDFEncryptionError as exc:
        raise IngestError(path, f"encrypted PDF ({exc})") from None
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise IngestError(path, f"corrupt or truncated PDF ({_why(exc)})") from None
    except Exception as exc:  # pdfminer raises many kinds of errors on broken files (pdfplumber wraps them)
        causes = [exc, *(a for a in exc.args if isinstance(a, BaseException))]
        if any(
            isinstance(c, PDFPasswordIncorrect | PDFEncryptionError) or "password" in str(c).lower() for c in causes
        ):
            raise IngestError(path, "encrypted PDF (a password is needed)") from None
        raise IngestError(path, f"corrupt or truncated PDF ({_why(exc)})") from None
    with pdf:
        try:
            page_list = list(pdf.pages)[:max_pages]
        except Exception as exc:  # noqa: BLE001
            raise IngestError(path, f"corrupt or truncated PDF ({_why(exc)})") from None
        if not page_list:
            raise IngestError(path, "corrupt or truncated PDF (no pages)")
        seen = _pdfium_pages(data, len(page_list))
        pages: list[list[list[_Seg]]] = []
        heights: list[float] = []
        images: dict[int, list[tuple[float, float, float, float]]] = {}
        visible = 0
        for index, page in enumerate(page_list):
            try:
                flows, count = _page_flows(page, index + 1, seen.get(index))
                images[index + 1] = [(float(i["x0"]), float(i["top"]), float(i["x1"]), float(i["bottom"]))
                                     for i in page.images]  # fmt: skip
            except IngestError:
                raise
            except Exception as exc:  # noqa: BLE001
                raise IngestError(path, f"corrupt or truncated PDF (page {index + 1}: {type(exc).__name__})") from None
            pages.append(flows)
            heights.append(float(page.height))
            visible += count
            page.flush_cache()
    if visible == 0:
        raise IngestError(path, "no text layer; OCR is not supported")
    _drop_furniture(pages, heights)
    blocks = _blocks(pages)
    _mark_image_captions(blocks, images)
    doc = finish(blocks, max_heading_lines=2)
    if not doc.text:
        raise IngestError(path, "no text layer; OCR is not supported")
    return doc
