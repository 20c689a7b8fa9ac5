"""Web pages: boilerplate out, byline reduced to the name, editor line out, offsets back into the page."""

from __future__ import annotations

from pathlib import Path

from kuroshio.config import Options
from kuroshio.ingest import iter_documents
from kuroshio.model import Document

PAGE = Path(__file__).resolve().parents[2] / "examples" / "samples" / "news_zh_hant.html"


def read() -> Document:
    (doc,) = list(iter_documents([str(PAGE)], Options()))
    assert isinstance(doc, Document)
    return doc


def test_metadata_and_byline() -> None:
    doc = read()
    assert doc.title == "美日韓外長會談 譴責北韓試射飛彈"
    assert [a.name for a in doc.authors] == ["林志明"]
    assert doc.date == "2025-09-05"
    assert doc.publisher == "東亞時報"


def test_boilerplate_and_editor_line_out() -> None:
    doc = read()
    assert len(doc.to_json()["paragraphs"]) == 3
    for junk in ("會員登入", "廣告", "贊助內容", "相關新聞", "網友", "責任編輯", "版權所有", "綜合報導"):
        assert junk not in doc.text


def test_offsets_point_into_the_page() -> None:
    doc = read()
    source = PAGE.read_text(encoding="utf-8")
    mapped = 0
    for run in doc.source_runs:
        assert (
            doc.text[run.text_start : run.text_start + run.length]
            == source[run.source_start : run.source_start + run.length]
        )
        mapped += run.length
    assert mapped >= len(doc.text) - 20


def _read(path: Path) -> Document:
    (doc,) = list(iter_documents([str(path)], Options()))
    assert isinstance(doc, Document), doc
    return doc


def test_byline_in_body_without_metadata() -> None:
    doc = _read(Path(__file__).resolve().parent / "fixtures" / "html" / "byline_in_body.html")
    record = doc.to_json()
    assert record["title"] == "日韓防長會談 同意恢復軍事交流"
    assert [a["name"] for a in record["authors"]] == ["林建宏"]
    assert record["headings"] == ["北韓威脅成焦點"]
    assert len(record["paragraphs"]) == 3
    assert record["date"] is None  # no date in the page's metadata: none guessed from the copyright line
    for junk in ("綜合報導", "責任編輯", "會員中心", "廣告", "延伸閱讀", "讀者甲", "版權所有"):
        assert junk not in doc.text


def test_english_page() -> None:
    doc = _read(Path(__file__).resolve().parent / "fixtures" / "html" / "english.html")
    record = doc.to_json()
    assert record["title"] == "Japan and China hold first security dialogue in four years"
    assert [a["name"] for a in record["authors"]] == ["Helen Park"]
    assert (record["publisher"], record["date"]) == ("Harbor Times", "2025-11-20")
    assert record["headings"] == ["Disputes remain"]
    assert len(record["paragraphs"]) == 3
    for junk in ("Advertisement", "Subscribe", "Related stories", "reader1", "Copyright"):
        assert junk not in doc.text


def test_fragment_keeps_its_blocks_and_figure_caption() -> None:
    from kuroshio.ingest.html import read_html

    first = "美日兩國外長週三在東京舉行會談，同意加強安全合作。" * 4
    page = (
        "<html><body><nav><a>首頁</a></nav><article><h1>美日外長會談</h1><figure><img src='a.jpg'>"
        "<figcaption>兩國外長握手合影。（圖片來源：外交部）</figcaption></figure>"
        f"<p>{first}</p><p>中國外交部對此表示強烈不滿。</p></article>"
        "<div class='comments'><p>讚</p></div></body></html>"
    )
    doc = read_html(page, "fragment.html")
    assert [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks] == [
        ("title", "美日外長會談"),
        ("caption", "兩國外長握手合影。（圖片來源：外交部）"),
        ("paragraph", first),
        ("paragraph", "中國外交部對此表示強烈不滿。"),
    ]
    for run in doc.source_runs:
        piece = doc.text[run.text_start : run.text_start + run.length]
        assert page[run.source_start : run.source_start + run.length] == piece
