"""The CLI contract (DESIGN.md §2-§4) driven through Typer's CLI runner."""

from __future__ import annotations

import json

import pytest

from kuroshio.cli import app

EVENT_KEYS = {
    "doc", "sentence_index", "sentence", "source", "source_country", "source_text", "target", "target_country",
    "target_text", "cameo", "root", "quad_class", "goldstein", "plover", "date", "date_precision", "mode", "spans",
    "confidence",
}
DOC_KEYS = {
    "id", "source_path", "lang", "script", "title", "authors", "affiliations", "publisher", "date", "headings",
    "paragraphs", "captions", "notes", "urls", "text",
}

NEWS_ZH = "日本首相昨天在東京會見到訪的韓國總統，雙方舉行會談。\n\n北韓昨日發射彈道飛彈，日本政府強烈譴責北韓。\n"
NEWS_EN = (
    "South Korean President Lee Jae-myung visited Tokyo on Saturday and held talks with the Japanese prime minister.\n"
)


@pytest.fixture
def texts(tmp_path):
    zh = tmp_path / "news_zh.txt"
    zh.write_text(NEWS_ZH, encoding="utf-8")
    en = tmp_path / "news_en.txt"
    en.write_text(NEWS_EN, encoding="utf-8")
    return tmp_path, zh, en


def _lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_code_prints_section3_records(runner, texts):
    _, zh, _ = texts
    result = runner.invoke(app, ["code", str(zh), "--date", "2025-08-24", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = _lines(result.stdout)
    assert records, "expected events from a text with a meeting and a condemnation"
    for record in records:
        assert set(record) == EVENT_KEYS
        start, end = record["spans"]["trigger"]
        assert 0 <= start < end
    assert any(r["source_country"] == "JPN" and r["target_country"] == "PRK" and r["root"] == "11" for r in records)


def test_code_tsv_has_a_header_and_one_line_per_event(runner, texts):
    _, zh, _ = texts
    result = runner.invoke(app, ["code", str(zh), "--date", "2025-08-24", "--format", "tsv"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("doc\tsentence_index\tdate\tsource")
    assert all(len(line.split("\t")) == len(lines[0].split("\t")) for line in lines)


def test_doc_prints_section4_record(runner, texts):
    _, zh, _ = texts
    result = runner.invoke(app, ["doc", str(zh), "--format", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert DOC_KEYS <= set(record)
    assert record["lang"] == "zh-Hant"
    assert "北韓" in record["text"]


def test_bad_inputs_are_named_in_one_line_and_the_batch_goes_on(runner, texts):
    folder, zh, _ = texts
    odd = folder / "image.xyz"
    odd.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    empty = folder / "empty.txt"
    empty.write_text("", encoding="utf-8")
    missing = folder / "missing.txt"
    result = runner.invoke(app, ["code", str(missing), str(odd), str(empty), str(zh), "--date", "2025-08-24"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 3
    assert any(str(missing) in line and "no such file" in line for line in errors)
    assert any(str(odd) in line and ("unknown format" in line or "binary" in line) for line in errors)
    assert any(str(empty) in line and "empty" in line for line in errors)
    assert "Traceback" not in result.output
    assert _lines(result.stdout), "the good file is still coded"


def test_usage_error_exits_2(runner, texts):
    _, zh, _ = texts
    result = runner.invoke(app, ["code", str(zh), "--lang", "fr"])
    assert result.exit_code == 2
    assert "lang" in result.stderr


def test_ingest_is_idempotent_and_events_reads_back(runner, texts, tmp_path):
    folder, _, _ = texts
    db = str(tmp_path / "store.duckdb")
    first = runner.invoke(app, ["ingest", str(folder), "--db", db, "--date", "2025-08-24"])
    assert first.exit_code == 0, first.output
    listed = _lines(runner.invoke(app, ["events", "--db", db, "--format", "jsonl"]).stdout)
    assert listed
    second = runner.invoke(app, ["ingest", str(folder), "--db", db, "--date", "2025-08-24"])
    assert second.exit_code == 0
    assert "unchanged" in second.stderr
    again = _lines(runner.invoke(app, ["events", "--db", db, "--format", "jsonl"]).stdout)
    assert len(again) == len(listed)
    filtered = _lines(runner.invoke(app, ["events", "--db", db, "--source", "JPN", "--format", "jsonl"]).stdout)
    assert filtered and all(r["source_country"] == "JPN" for r in filtered)


def test_events_on_a_missing_store_is_one_clear_line(runner, tmp_path):
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert "no such store" in result.stderr


def test_version(runner):
    from kuroshio import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == __version__
