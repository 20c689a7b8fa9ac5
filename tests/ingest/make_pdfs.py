"""PDF fixtures from two generators (called by ``make_fixtures.py --pdf``).

* fpdf2, embedding WenQuanYi Zen Hei (Debian fonts-wqy-zenhei): the zh-Hant commentary and the English report.
* reportlab, with the non-embedded CID font STSong-Light and headings drawn bold by stroking the glyph outlines
  (text render mode 2): the zh-Hant commentary, and a zh-Hans two-column page with a table; and the commentary in
  MSung-Light, whose UniCNS-UCS2-H text pdfminer.six decodes wrongly (the reader then uses pdfium's characters).

Every page has a running header and a page-number footer; paragraphs run across pages; first lines are indented;
the English report hyphenates a word at a line end. Bad PDFs (encrypted, truncated, no text layer) are made too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from make_fixtures import CASES, FIXTURES, expected_structure
from sample_texts import ANALYSIS_HANS, COMMENTARY_HANT, REPORT_EN

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
A5 = (420.0, 595.0)


class Canvas:
    """What the layout needs from a generator: place text at a top-left position, measure, start pages."""

    def start_page(self) -> None: ...
    def text(self, x: float, top: float, s: str, size: float, *, bold: bool = False) -> None: ...
    def width(self, s: str, size: float, *, bold: bool = False) -> float: ...
    def rule(self, x0: float, top: float, x1: float, bottom: float) -> None: ...
    def image(self, x: float, top: float, width: float, height: float) -> None: ...
    def save(self, path: Path) -> None: ...


class FpdfCanvas(Canvas):
    def __init__(self, cjk: bool) -> None:
        from fpdf import FPDF

        self.pdf = FPDF(unit="pt", format=A5)
        self.pdf.set_auto_page_break(False)
        if cjk:
            # TrueType outlines (WenQuanYi Zen Hei, Debian fonts-wqy-zenhei); pdfminer cannot read the CFF
            # outlines of Noto Sans CJK as fpdf2 embeds them. No bold face: headings differ by size.
            self.pdf.add_font("cjk", "", str(WQY))
            self.pdf.add_font("cjk", "B", str(WQY))
            self.family = "cjk"
        else:
            self.family = "helvetica"

    def start_page(self) -> None:
        self.pdf.add_page()

    def _font(self, size: float, bold: bool) -> None:
        self.pdf.set_font(self.family, "B" if bold else "", size)

    def text(self, x: float, top: float, s: str, size: float, *, bold: bool = False) -> None:
        self._font(size, bold)
        self.pdf.text(x, top + size * 0.88, s)

    def width(self, s: str, size: float, *, bold: bool = False) -> float:
        self._font(size, bold)
        return float(self.pdf.get_string_width(s))

    def rule(self, x0: float, top: float, x1: float, bottom: float) -> None:
        self.pdf.rect(x0, top, x1 - x0, bottom - top)

    def image(self, x: float, top: float, width: float, height: float) -> None:
        self.pdf.image(photo(), x=x, y=top, w=width, h=height)

    def save(self, path: Path) -> None:
        self.pdf.output(str(path))


class ReportlabCanvas(Canvas):
    def __init__(self, path: Path, font: str) -> None:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        from reportlab.pdfgen import canvas

        pdfmetrics.registerFont(UnicodeCIDFont(font))
        self.font = font
        self.c = canvas.Canvas(str(path), pagesize=A5, invariant=1)
        self.started = False

    def start_page(self) -> None:
        if self.started:
            self.c.showPage()
        self.started = True

    def text(self, x: float, top: float, s: str, size: float, *, bold: bool = False) -> None:
        t = self.c.beginText()
        t.setFont(self.font, size)
        # 2 = fill and stroke: the "fake bold" of many CJK documents. The mode persists across text objects, and
        # reportlab only writes a change, so reset explicitly (1 then 0).
        if bold:
            t.setTextRenderMode(2)
        else:
            t.setTextRenderMode(1)
            t.setTextRenderMode(0)
        if bold:
            self.c.setLineWidth(size * 0.04)
        t.setTextOrigin(x, A5[1] - top - size * 0.88)
        t.textOut(s)
        self.c.drawText(t)

    def width(self, s: str, size: float, *, bold: bool = False) -> float:
        return float(self.c.stringWidth(s, self.font, size))

    def rule(self, x0: float, top: float, x1: float, bottom: float) -> None:
        self.c.rect(x0, A5[1] - bottom, x1 - x0, bottom - top)

    def image(self, x: float, top: float, width: float, height: float) -> None:
        from reportlab.lib.utils import ImageReader

        self.c.drawImage(ImageReader(photo()), x, A5[1] - top - height, width, height)

    def save(self, path: Path) -> None:
        self.c.save()


def photo() -> Any:
    """A small made-up picture (two shapes on a gradient) standing in for a news photo."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (120, 60), (200, 210, 230))
    draw = ImageDraw.Draw(img)
    for y in range(60):
        draw.line([(0, y), (120, y)], fill=(150 + y, 170 + y // 2, 200))
    draw.ellipse((20, 15, 50, 45), fill=(90, 60, 40))
    draw.ellipse((70, 15, 100, 45), fill=(60, 40, 30))
    return img


_TOKENS = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,:/?=&%#_~+'\-]*| |.")


def wrap(canvas: Canvas, text: str, size: float, width: float, indent: float, hyphenate: dict[str, str]) -> list[str]:
    """Greedy wrap by measured width; Latin words move whole, URLs break inside, listed words hyphenate."""
    lines: list[str] = []
    line = ""
    limit = width - indent
    for token in _TOKENS.findall(text):
        while token:
            if canvas.width(line + token, size) <= limit:
                line += token
                token = ""
                continue
            if token in hyphenate and line:
                head = hyphenate[token]
                if canvas.width(line + head + "-", size) <= limit:
                    lines.append(line + head + "-")
                    token = token[len(head) :]
                    line, limit = "", width
                    continue
            if "/" in token and len(token) > 15:  # break a URL inside
                cut = 1
                while cut < len(token) and canvas.width(line + token[: cut + 1], size) <= limit:
                    cut += 1
                lines.append(line + token[:cut])
                token = token[cut:]
            else:
                lines.append(line.rstrip())
                token = token.lstrip()
            line, limit = "", width
    if line.strip():
        lines.append(line.rstrip())
    return lines


class Layout:
    """A single- or two-column page flow with a running header and a page-number footer."""

    def __init__(self, canvas: Canvas, header: str, footer: Callable[[int], str], body: float = 10.5) -> None:
        self.c = canvas
        self.header = header
        self.footer = footer
        self.body = body
        self.margin = 48.0
        self.top_limit = 70.0
        self.bottom_limit = A5[1] - 64.0
        self.page = 0
        self.columns: list[tuple[float, float]] = [(self.margin, A5[0] - self.margin)]
        self.column = 0
        self.y = 0.0
        self.new_page()

    def new_page(self) -> None:
        self.c.start_page()
        self.page += 1
        self.c.text(self.margin, 28, self.header, 8)
        label = self.footer(self.page)
        self.c.text((A5[0] - self.c.width(label, 8)) / 2, A5[1] - 40, label, 8)
        self.y = self.top_limit
        self.column = 0

    def two_columns(self) -> None:
        mid = A5[0] / 2
        self.columns = [(self.margin, mid - 10), (mid + 10, A5[0] - self.margin)]
        self.column = 0
        self.col_top = self.y

    def one_column(self) -> None:
        self.columns = [(self.margin, A5[0] - self.margin)]
        self.column = 0

    def advance(self, height: float) -> None:
        if self.y + height > self.bottom_limit:
            if self.column + 1 < len(self.columns):
                self.column += 1
                self.y = self.col_top
            else:
                self.new_page()
                if len(self.columns) > 1:
                    self.col_top = self.y

    def line(self, s: str, size: float, *, bold: bool = False, x: float | None = None, lead: float = 1.6) -> None:
        self.advance(size * lead)
        x0 = self.columns[self.column][0] if x is None else x
        self.c.text(x0, self.y, s, size, bold=bold)
        self.y += size * lead

    def centered(self, s: str, size: float, *, bold: bool = False) -> None:
        self.line(s, size, bold=bold, x=(A5[0] - self.c.width(s, size, bold=bold)) / 2)

    def paragraph(
        self, text: str, *, size: float | None = None, indent: bool = True, hyphenate: dict[str, str] | None = None
    ) -> None:
        size = size or self.body
        x0, x1 = self.columns[self.column]
        ind = 2 * size if indent else 0.0
        lines = wrap(self.c, text, size, x1 - x0, ind, hyphenate or {})
        for i, s in enumerate(lines):
            self.advance(size * 1.6)
            x0, _ = self.columns[self.column]
            self.c.text(x0 + (ind if i == 0 else 0), self.y, s, size)
            self.y += size * 1.6
        self.y += size * 0.9

    def figure(self, caption: str) -> None:
        x0, x1 = self.columns[0][0], self.columns[-1][1]
        self.advance(110)
        self.c.image(x0 + 40, self.y, x1 - x0 - 80, 80)
        self.y += 86
        self.line(caption, 8.0, x=x0 + 40)
        self.y += 6

    def space(self, h: float) -> None:
        self.y += h

    def table(self, rows: list[list[str]], size: float = 9.0) -> None:
        x0, x1 = self.columns[0][0], self.columns[-1][1]
        width = (x1 - x0) / len(rows[0])
        h = size * 2.0
        self.advance(h * len(rows) + 10)
        for r, row in enumerate(rows):
            top = self.y + r * h
            for k, cell in enumerate(row):
                self.c.rule(x0 + k * width, top, x0 + (k + 1) * width, top + h)
                self.c.text(x0 + k * width + 4, top + (h - size) / 2, cell, size)
        self.y += h * len(rows) + 14


def render_article(layout: Layout, doc: dict[str, Any], *, hyphenate: dict[str, str] | None = None) -> None:
    if doc.get("caption"):
        layout.paragraph(doc["caption"], size=8.0, indent=False)
    layout.centered(doc["title"], 17, bold=True)
    layout.space(6)
    for name, affiliation, role in doc["authors"]:
        layout.centered(name, layout.body)
        layout.centered(f"{affiliation}{role}" if not affiliation.isascii() else f"{role}, {affiliation}", 9)
    layout.space(10)
    for index, (kind, text) in enumerate(doc["body"]):
        if kind == "heading":
            layout.space(4)
            layout.line(text, 12.5, bold=True)
        else:
            layout.paragraph(text, hyphenate=hyphenate)
        if doc.get("figure") and doc["figure"][0] == index:
            layout.figure(doc["figure"][1])
    layout.space(8)
    layout.paragraph(doc["note"], size=9, indent=False)


def _case(name: str, doc: dict[str, Any], **extra: Any) -> None:
    expected = expected_structure(doc) | extra
    (CASES / f"{name}.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def build_pdfs() -> None:
    FIXTURES.mkdir(parents=True, exist_ok=True)
    # 1. fpdf2, embedded Noto Sans CJK: zh-Hant commentary.
    canvas = FpdfCanvas(cjk=True)
    render_article(Layout(canvas, "東亞戰略評論　第十二期", lambda n: f"- {n} -"), COMMENTARY_HANT)
    canvas.save(FIXTURES / "commentary_zh_hant.fpdf.pdf")
    _case("commentary_zh_hant.fpdf.pdf", COMMENTARY_HANT)
    # 2. reportlab, MSung-Light (not embedded), stroke-drawn bold headings: the same commentary.
    path = FIXTURES / "commentary_zh_hant.reportlab.pdf"
    canvas2 = ReportlabCanvas(path, "STSong-Light")
    render_article(Layout(canvas2, "東亞戰略評論　第十二期", lambda n: f"第 {n} 頁"), COMMENTARY_HANT)
    canvas2.save(path)
    _case("commentary_zh_hant.reportlab.pdf", COMMENTARY_HANT)
    # 2b. reportlab, MSung-Light: pdfminer.six misreads this CMap; the reader falls back to pdfium's characters.
    path = FIXTURES / "commentary_zh_hant.msung.pdf"
    canvas2b = ReportlabCanvas(path, "MSung-Light")
    render_article(Layout(canvas2b, "東亞戰略評論　第十二期", lambda n: f"第 {n} 頁"), COMMENTARY_HANT)
    canvas2b.save(path)
    _case("commentary_zh_hant.msung.pdf", COMMENTARY_HANT)
    # 3. fpdf2, core font: the English report with a hyphenated line end.
    canvas3 = FpdfCanvas(cjk=False)
    render_article(
        Layout(canvas3, "Pacific Policy Review - Autumn Issue", lambda n: f"Page {n}"),
        REPORT_EN,
        hyphenate={"negotiations.": "negotia", "consultations": "consulta", "substantive": "substan"},
    )
    canvas3.save(FIXTURES / "report_en.fpdf.pdf")
    _case("report_en.fpdf.pdf", REPORT_EN)
    # 4. reportlab, STSong-Light: a zh-Hans two-column page, then a table.
    path = FIXTURES / "analysis_zh_hans.reportlab.pdf"
    canvas4 = ReportlabCanvas(path, "STSong-Light")
    layout = Layout(canvas4, "半岛观察", lambda n: str(n))
    layout.centered(ANALYSIS_HANS["title"], 17, bold=True)
    for name, affiliation, role in ANALYSIS_HANS["authors"]:
        layout.centered(name, layout.body)
        layout.centered(f"{affiliation}{role}", 9)
    layout.space(10)
    layout.two_columns()
    for kind, text in ANALYSIS_HANS["body"]:
        if kind == "heading":
            layout.line(text, 12.5, bold=True)
        else:
            layout.paragraph(text)
    layout.one_column()
    layout.new_page()
    layout.table(
        [["国家", "回应", "日期"], ["美国", "制裁", "9月3日"], ["日本", "抗议", "9月3日"], ["韩国", "演习", "9月4日"]]
    )
    layout.paragraph(ANALYSIS_HANS["note"], size=9, indent=False)
    canvas4.save(path)
    _case("analysis_zh_hans.reportlab.pdf", ANALYSIS_HANS, table_rows=4)
    build_bad_pdfs()


def build_bad_pdfs() -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    bad = FIXTURES / "bad"
    bad.mkdir(exist_ok=True)
    enc = pdfencrypt.StandardEncryption("secret-user", ownerPassword="secret-owner", canPrint=0)
    c = canvas.Canvas(str(bad / "encrypted.pdf"), pagesize=A5, encrypt=enc, invariant=1)
    c.setFont("Helvetica", 12)
    c.drawString(50, 500, "This report is locked.")
    c.save()
    c = canvas.Canvas(str(bad / "no_text_layer.pdf"), pagesize=A5, invariant=1)
    c.rect(50, 300, 200, 150, fill=1)  # a drawing only, as a scanned page would be
    c.save()
    good = (FIXTURES / "report_en.fpdf.pdf").read_bytes()
    (bad / "truncated.pdf").write_bytes(good[: len(good) // 3])
    (bad / "corrupt.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
