"""Plain-text extracts written by us in the seed's style, the join rules, and the reflow invariants."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kuroshio.ingest.layout import Line, RawBlock, join_lines, keep_hyphen
from kuroshio.ingest.reflow import reflow_text
from kuroshio.ingest.vocabulary import vocabulary

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))

from make_fixtures import render_extract  # noqa: E402


def structure(text: str) -> dict:
    record = reflow_text(text).to_json()
    return {k: record[k] for k in ("title", "authors", "publisher", "captions", "headings", "paragraphs", "notes")}


def test_commentary_sample_extract() -> None:
    raw = (REPO / "examples" / "samples" / "commentary_zh_hant.txt").read_text(encoding="utf-8")
    want = json.loads((HERE / "cases" / "commentary_zh_hant.json").read_text(encoding="utf-8"))
    assert structure(raw) == want


def test_simplified_extract_with_two_authors_and_date() -> None:
    raw = (HERE / "fixtures" / "analysis_zh_hans.txt").read_text(encoding="utf-8")
    want = json.loads((HERE / "cases" / "analysis_zh_hans.json").read_text(encoding="utf-8"))
    assert structure(raw) == want
    assert reflow_text(raw).date == "2025-09-12"


def test_page_numbers_and_running_headers_dropped() -> None:
    from sample_texts import COMMENTARY_HANT

    raw = render_extract(COMMENTARY_HANT, page_lines=9, header="東亞戰略評論　第十二期")
    assert raw.count("\f") >= 4
    want = json.loads((HERE / "cases" / "commentary_zh_hant.json").read_text(encoding="utf-8"))
    assert structure(raw) == want


def test_single_spaced_english_extract() -> None:
    raw = (
        "Seoul and Tokyo agree to resume talks\n\n"
        "The foreign ministers of South Korea and Japan met in Seoul on Monday\n"
        "and agreed to resume regular security talks after a long pause. Both\n"
        "sides also discussed the stalled negotia-\n"
        "tions on a new fisheries agreement and a well-\n"
        "known dispute over the export controls that Tokyo imposed in 2019.\n\n"
        "China criticized the meeting and summoned the Japanese ambassador\n"
        "to protest against what it called interference in its affairs.\n"
    )
    doc = reflow_text(raw)
    assert doc.title == "Seoul and Tokyo agree to resume talks"
    paragraphs = doc.to_json()["paragraphs"]
    assert len(paragraphs) == 2
    assert "the stalled negotiations on a new fisheries agreement and a well-known dispute over" in paragraphs[0]


def _join(*texts: str) -> str:
    block = RawBlock([Line(text=t, src=list(range(len(t)))) for t in texts])
    join_lines(block, set(), vocabulary())
    return block.text


def test_join_rules() -> None:
    assert _join("日本與南韓", "舉行會談") == "日本與南韓舉行會談"
    assert _join("李在明就任僅", "80 天") == "李在明就任僅80 天"
    assert _join("met in", "Tokyo") == "met in Tokyo"
    assert _join("（圖片來源：https://ww", "w.example.org/a?b=1）") == "（圖片來源：https://www.example.org/a?b=1）"
    assert _join("see https://example.org/report", "on Monday") == "see https://example.org/report on Monday"
    assert _join("the govern\u00ad", "ment") == "the government"


def test_hyphen_decision() -> None:
    vocab = vocabulary()
    assert not keep_hyphen("negotia", "tions", set(), vocab)
    assert keep_hyphen("well", "known", set(), vocab)
    assert keep_hyphen("long", "range", set(), vocab)
    assert not keep_hyphen("Pyong", "yang", {"pyongyang"}, vocab)
    assert keep_hyphen("Kim", "Jong", {"kim-jong"}, vocab)


PARAGRAPH = st.text(alphabet="日本韓國美中外交會談聲明演習制裁北京首爾東京表示同意，、", min_size=70, max_size=160).map(
    lambda s: s + "。"
)
HEADING = st.text(alphabet="日本韓國美中外交安保戰略關係", min_size=4, max_size=14)


@st.composite
def documents(draw: st.DrawFn) -> dict:
    body = []
    for _ in range(draw(st.integers(1, 4))):
        body.append(("heading", draw(HEADING)))
        body.extend(("paragraph", p) for p in draw(st.lists(PARAGRAPH, min_size=2, max_size=3)))
    return {
        "caption": None,
        "title": draw(HEADING),
        "authors": [("王小明", "東亞研究中心", "研究員")],
        "body": body,
        "note": "編按：本文僅代表作者個人觀點。",
    }


@settings(max_examples=40, deadline=None)
@given(documents(), st.integers(8, 40), st.sampled_from([None, "東亞戰略評論　第十二期", "Policy Review 2025"]))
def test_extracts_round_trip_and_offsets_map_inside(doc: dict, page_lines: int, header: str | None) -> None:
    raw = render_extract(doc, page_lines=page_lines, header=header)
    assume(header is None or raw.count("\f") >= 2)  # a header seen once cannot be told from a heading
    got = reflow_text(raw)
    record = got.to_json()
    assert record["paragraphs"] == [t for k, t in doc["body"] if k == "paragraph"]
    assert record["title"] == doc["title"]
    for run in got.source_runs:
        assert 0 <= run.source_start and run.source_start + run.length <= len(raw)
        assert (
            raw[run.source_start : run.source_start + run.length]
            == got.text[run.text_start : run.text_start + run.length]
        )


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.builds(lambda d, n: render_extract(d, page_lines=n), documents(), st.integers(8, 40)), st.text()))
def test_reflowing_twice_changes_nothing(raw: str) -> None:
    once = reflow_text(raw).text
    assert reflow_text(once).text == once
    for run in reflow_text(raw).source_runs:
        assert 0 <= run.source_start and run.source_start + run.length <= len(raw)


def test_markdown_headings() -> None:
    raw = "# Talks in Seoul\n\nThe two ministers met on Monday.\n\n## Reactions\nChina criticized the meeting.\n"
    doc = reflow_text(raw)
    record = doc.to_json()
    assert record["title"] == "Talks in Seoul"
    assert record["headings"] == ["Reactions"]
    assert record["paragraphs"] == ["The two ministers met on Monday.", "China criticized the meeting."]
    for run in doc.source_runs:
        piece = doc.text[run.text_start : run.text_start + run.length]
        assert raw[run.source_start : run.source_start + run.length] == piece


def test_cell_width_counts_wide_characters_as_unicodedata_does() -> None:
    import re
    import unicodedata

    from kuroshio.ingest.layout import _SURELY_WIDE, cell_width

    for start, end in re.findall(r"\\u(\w{4})-\\u(\w{4})", _SURELY_WIDE.pattern.encode("unicode_escape").decode()):
        for code in range(int(start, 16), int(end, 16) + 1):  # the ranges counted without a lookup are all wide
            assert unicodedata.east_asian_width(chr(code)) in ("W", "F"), hex(code)
    samples = ["abc", "中文，好。", "한국어 ok", "ｱｲ「引」“quote”·—", "\u3000x\U00020000é", ""]
    for text in samples:
        expected = sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)
        assert cell_width(text) == expected, text
