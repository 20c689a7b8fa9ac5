"""kuroshio eval: the DESIGN.md §5 scoring (sets of (source, target, root) per document, optional, mode leaks)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console

from kuroshio.config import Options
from kuroshio.errors import IngestError
from kuroshio.evaluate import (
    GoldDoc,
    Report,
    evaluate_paths,
    predicted_tuples,
    read_gold,
    render_report,
    score_document,
)
from kuroshio.model import Event


def _event(source: str, target: str | None, root: str, mode: str = "actual", cameo: str | None = None) -> Event:
    return Event(
        doc="d", sentence_index=0, sentence="s", source=source, source_country=source, source_text="a",
        target=target, target_country=target, target_text="b", cameo=cameo or root + "0", root=root,
        quad_class=1, goldstein=0.0, plover=None, date=None, date_precision=None, mode=mode,
    )


def _gold(**kw) -> GoldDoc:
    return GoldDoc("d", frozenset(kw.get("actual", ())), frozenset(kw.get("optional", ())),
                   frozenset(kw.get("other", ())))


def test_precision_recall_and_f1_at_root_level() -> None:
    gold = _gold(actual={("KOR", "JPN", "04"), ("USA", "KOR", "11")})
    result = score_document(gold, [_event("KOR", "JPN", "04"), _event("CHN", "TWN", "15")])
    assert (result.root.tp, result.root.fp, result.root.fn) == (1, 1, 1)
    assert result.root.precision == result.root.recall == result.root.f1 == 0.5
    assert result.missed == (("USA", "KOR", "11"),) and result.false == (("CHN", "TWN", "15"),)


def test_quad_level_counts_quad_classes() -> None:
    gold = _gold(actual={("KOR", "JPN", "04")})
    result = score_document(gold, [_event("KOR", "JPN", "05")])  # wrong root, right quad class
    assert (result.root.tp, result.quad.tp, result.quad.fp) == (0, 1, 0)


def test_only_actual_state_to_state_international_events_are_predicted() -> None:
    events = [
        _event("KOR", "JPN", "04", mode="planned"),
        _event("KOR", "KOR", "04"),
        _event("KOR", None, "04"),
        _event("NATO", "RUS", "11"),
        _event("KOR", "JPN", "04"),
        _event("KOR", "JPN", "04", cameo="042"),
    ]
    assert set(predicted_tuples(events)) == {("KOR", "JPN", "04")}


def test_an_optional_gold_tuple_counts_neither_way() -> None:
    gold = _gold(actual={("KOR", "JPN", "04")}, optional={("JPN", "USA", "04")})
    result = score_document(gold, [_event("KOR", "JPN", "04"), _event("JPN", "USA", "04")])
    assert (result.root.tp, result.root.fp, result.root.fn) == (1, 0, 0)
    assert score_document(gold, [_event("KOR", "JPN", "04")]).root.fn == 0


def test_mode_leaks_are_actual_predictions_the_gold_has_only_in_another_mode() -> None:
    gold = _gold(other={("CHN", "TWN", "19"), ("KOR", "JPN", "04")}, actual={("KOR", "JPN", "04")})
    result = score_document(gold, [_event("CHN", "TWN", "19"), _event("KOR", "JPN", "04")])
    assert result.leaks == (("CHN", "TWN", "19"),)
    assert result.root.fp == 1


def test_micro_averages_over_documents() -> None:
    a = score_document(_gold(actual={("KOR", "JPN", "04")}), [_event("KOR", "JPN", "04")])
    b = score_document(_gold(actual={("USA", "KOR", "10")}), [_event("USA", "KOR", "11")])
    report = Report("g", (a, b))
    assert (report.root.tp, report.root.fp, report.root.fn) == (1, 1, 1)
    data = report.to_json()
    assert data["root"]["f1"] == 0.5 and data["mode_leaks"] == 0 and len(data["per_document"]) == 2


def _write(path: Path, lines: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    return path


def test_read_gold_splits_modes_and_optional(tmp_path: Path) -> None:
    gold = read_gold(_write(tmp_path / "g.jsonl", [{"doc": "a.txt", "events": [
        {"source": "KOR", "target": "JPN", "root": "04", "mode": "actual", "optional": False},
        {"source": "JPN", "target": "KOR", "root": "4", "mode": "actual", "optional": True},
        {"source": "CHN", "target": "TWN", "root": "19", "mode": "hypothetical", "optional": False},
    ]}]))
    doc = gold["a.txt"]
    assert doc.actual == {("KOR", "JPN", "04")} and doc.optional == {("JPN", "KOR", "04")}
    assert doc.other_modes == {("CHN", "TWN", "19")}


@pytest.mark.parametrize("content", ["{not json", '{"events": []}', '{"doc": "a", "events": [{"source": "KOR"}]}'])
def test_a_bad_gold_file_names_file_and_line(tmp_path: Path, content: str) -> None:
    path = tmp_path / "g.jsonl"
    path.write_text("\n" + content + "\n", encoding="utf-8")
    with pytest.raises(IngestError) as info:
        read_gold(path)
    assert str(path) in str(info.value) and ":2:" in str(info.value)


def test_a_missing_gold_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no such gold file"):
        read_gold(tmp_path / "none.jsonl")


def test_evaluate_paths_matches_corpus_ids_and_file_names(tmp_path: Path) -> None:
    corpus = _write(tmp_path / "c.jsonl", [
        {"id": "doc1", "text": "北韓今天譴責美國。", "date": "2025-08-23"},
        {"id": "doc2", "text": "今天天氣很好。", "date": "2025-08-23"},
    ])
    (tmp_path / "seed.txt").write_text("日本首相石破茂今天與韓國總統李在明舉行會談。\n", encoding="utf-8")
    gold = _write(tmp_path / "g.jsonl", [
        {"doc": "doc1", "events": [{"source": "PRK", "target": "USA", "root": "11", "mode": "actual"}]},
        {"doc": "seed.txt", "events": [{"source": "JPN", "target": "KOR", "root": "04", "mode": "actual"}]},
    ])
    errors: list = []
    report = evaluate_paths(str(gold), [str(corpus), str(tmp_path / "seed.txt"), str(tmp_path / "none.txt")],
                            Options(date="2025-08-23"), on_error=errors.append)
    assert report.failed == 1 and len(errors) == 1
    assert {d.doc for d in report.documents} == {"doc1", "seed.txt"}
    assert report.unmatched == ("doc2",)
    assert report.root.tp == 2 and report.root.fn == 0
    console = Console(file=io.StringIO(), width=200)
    render_report(report, console, verbose=True)
    assert "root" in console.file.getvalue()


def test_the_cli_prints_the_report(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from kuroshio.cli import app

    corpus = _write(tmp_path / "c.jsonl", [{"id": "doc1", "text": "北韓今天譴責美國。", "date": "2025-08-23"}])
    gold = _write(tmp_path / "g.jsonl", [{"doc": "doc1", "events": [
        {"source": "PRK", "target": "USA", "root": "11", "mode": "actual"},
        {"source": "PRK", "target": "JPN", "root": "11", "mode": "actual"}]}])
    result = CliRunner().invoke(app, ["eval", str(gold), str(corpus), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["root"]["tp"] == 1 and data["root"]["fn"] == 1 and data["failed"] == 0
    verbose = CliRunner().invoke(app, ["eval", str(gold), str(corpus), "-v"])
    assert "missed" in verbose.output and "PRK->JPN" in verbose.output
