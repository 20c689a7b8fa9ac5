"""The seed typeset as PDFs by two generators at test time (its text is not ours to commit): structure exact."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from kuroshio.config import Options
from kuroshio.ingest import iter_documents
from kuroshio.model import Document

HERE = Path(__file__).resolve().parent
STRUCTURE = HERE.parents[1] / ".." / "shared" / "eval" / "dev" / "seed_structure.json"
sys.path.insert(0, str(HERE))


@pytest.fixture(scope="module")
def seed_doc() -> dict:
    if not STRUCTURE.is_file():
        pytest.skip("../shared not present: the seed is not ours to ship")
    want = json.loads(STRUCTURE.read_text(encoding="utf-8"))
    blocks = want["blocks"]
    author = want["authors"][0]
    return {
        "caption": want["caption"],
        "title": want["title"],
        "authors": [(author["name"], author["affiliation"], author["role"])],
        "body": [(b["kind"], b["text"]) for b in blocks if b["kind"] in ("heading", "paragraph")],
        "note": want["editor_note"],
        "publisher": want["publisher_from_note"],
    }


def _check(path: Path, doc: dict) -> None:
    (got,) = list(iter_documents([str(path)], Options()))
    assert isinstance(got, Document), got
    record = got.to_json()
    assert record["title"] == doc["title"]
    assert [(a["name"], a["affiliation"], a["role"]) for a in record["authors"]] == doc["authors"]
    assert record["headings"] == [t for k, t in doc["body"] if k == "heading"]
    assert record["paragraphs"] == [t for k, t in doc["body"] if k == "paragraph"]
    assert record["captions"] == [doc["caption"]]
    assert record["notes"] == [doc["note"]]
    assert record["publisher"] == doc["publisher"]


def test_seed_pdf_reportlab_cid_font_stroke_bold(seed_doc: dict, tmp_path: Path) -> None:
    from make_pdfs import Layout, ReportlabCanvas, render_article

    path = tmp_path / "seed.reportlab.pdf"
    canvas = ReportlabCanvas(path, "STSong-Light")
    render_article(Layout(canvas, "遠景季刊　評論", lambda n: f"第 {n} 頁"), seed_doc)
    canvas.save(path)
    _check(path, seed_doc)


def test_seed_pdf_fpdf2_embedded_font(seed_doc: dict, tmp_path: Path) -> None:
    from make_pdfs import WQY, FpdfCanvas, Layout, render_article

    if not WQY.is_file():
        pytest.skip(f"{WQY} not installed (Debian fonts-wqy-zenhei)")
    path = tmp_path / "seed.fpdf.pdf"
    canvas = FpdfCanvas(cjk=True)
    render_article(Layout(canvas, "遠景季刊　評論", lambda n: f"- {n} -"), seed_doc)
    canvas.save(path)
    _check(path, seed_doc)
