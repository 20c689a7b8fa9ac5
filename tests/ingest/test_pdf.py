"""PDF fixtures from two generators: structure exact, no running header/footer/page number in the text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kuroshio.config import Options
from kuroshio.errors import IngestError
from kuroshio.ingest import iter_documents
from kuroshio.model import Document

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
CASES = HERE / "cases"
PDFS = [
    "commentary_zh_hant.fpdf.pdf",
    "commentary_zh_hant.reportlab.pdf",
    "report_en.fpdf.pdf",
    "analysis_zh_hans.reportlab.pdf",
    "commentary_zh_hant.msung.pdf",
]
FURNITURE = ["東亞戰略評論", "第十二期", "Pacific Policy Review", "Page ", "半岛观察", "- 1 -", "第 1 頁"]


def read(name: str) -> Document:
    (doc,) = list(iter_documents([str(FIXTURES / name)], Options()))
    assert isinstance(doc, Document), doc
    return doc


@pytest.mark.parametrize("name", PDFS)
def test_structure_exact(name: str) -> None:
    want = json.loads((CASES / f"{name}.json").read_text(encoding="utf-8"))
    record = read(name).to_json()
    assert record["title"] == want["title"]
    assert record["authors"] == want["authors"]
    assert record["headings"] == want["headings"]
    assert record["captions"] == want["captions"]
    assert record["notes"] == want["notes"]
    assert record["publisher"] == want["publisher"]
    paragraphs = record["paragraphs"]
    if "table_rows" in want:  # the table is one block, rows on lines, cells split by tabs
        table = paragraphs.pop()
        assert len(table.split("\n")) == want["table_rows"]
        assert table.split("\n")[1].split("\t") == ["美国", "制裁", "9月3日"]
    assert paragraphs == want["paragraphs"]


@pytest.mark.parametrize("name", PDFS)
def test_no_running_header_footer_or_page_number(name: str) -> None:
    doc = read(name)
    for paragraph in doc.to_json()["paragraphs"]:
        for furniture in FURNITURE:
            assert furniture not in paragraph


@pytest.mark.parametrize("name", PDFS)
def test_source_map_points_into_pages(name: str) -> None:
    import pdfplumber

    doc = read(name)
    from kuroshio.ingest.pdf import _misread, _pdfium_pages

    pdfium = _pdfium_pages((FIXTURES / name).read_bytes(), 50)
    with pdfplumber.open(FIXTURES / name) as pdf:
        page_text = {i + 1: "".join(c["text"] for c in p.chars) for i, p in enumerate(pdf.pages)}
        for i, p in enumerate(pdf.pages):  # pages pdfminer misreads are read from pdfium's characters
            if _misread(p.chars, pdfium[i].text):
                page_text[i + 1] = pdfium[i].text
    covered = 0
    for run in doc.source_runs:
        assert run.page in page_text
        piece = doc.text[run.text_start : run.text_start + run.length]
        assert page_text[run.page][run.source_start : run.source_start + run.length] == piece
        covered += run.length
    assert covered >= 0.95 * len(doc.text.replace("\n", ""))


def test_stroke_bold_headings_are_seen() -> None:
    from kuroshio.ingest.pdf import _pdfium_pages

    data = (FIXTURES / "commentary_zh_hant.reportlab.pdf").read_bytes()
    pages = _pdfium_pages(data, 5)
    assert sum(len(p.stroked) for p in pages.values()) == 4  # the title and three headings


def test_hyphen_repaired_only_for_real_words() -> None:
    text = read("report_en.fpdf.pdf").text
    assert "negotiations." in text and "negotia-" not in text
    assert "consultations" in text and "substantive" in text
    assert "intermediate-range" in text and "missile-defense" in text


def test_two_column_reading_order() -> None:
    text = read("analysis_zh_hans.reportlab.pdf").text
    order = ["九月初", "美日韩的共同谴责", "美国财政部", "中俄的不同立场", "国家\t回应", "编者按"]
    positions = [text.index(s) for s in order]
    assert positions == sorted(positions)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("encrypted.pdf", "encrypted PDF"),
        ("no_text_layer.pdf", "no text layer; OCR is not supported"),
        ("truncated.pdf", "PDF"),
        ("corrupt.pdf", "PDF"),
    ],
)
def test_bad_pdfs(name: str, reason: str) -> None:
    (item,) = list(iter_documents([str(FIXTURES / "bad" / name)], Options()))
    assert isinstance(item, IngestError)
    assert reason in item.reason
    assert name in str(item)
