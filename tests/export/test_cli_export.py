"""`kuroshio export` and `kuroshio import` from the command line."""

from __future__ import annotations

import json

import pytest

from kuroshio.cli import app
from kuroshio.store import Store


@pytest.fixture
def db(tmp_path, factory):
    path = tmp_path / "cli.duckdb"
    with Store(path) as store:
        specs = [("KOR", "JPN", "042", "2019-07-04"), ("JPN", "KOR", "112", "2019-09-10")]
        store.add(factory.make_document("a", specs))
        store.add(factory.make_document("b", [("CHN", "USA", "190", "2020-01-02")]))
    return str(path)


def test_export_gdelt_with_filters(runner, db, tmp_path):
    out = tmp_path / "events.tsv"
    result = runner.invoke(app, ["export", "--db", db, "--format", "gdelt", "--out", str(out), "--source", "KOR"])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and len(lines[0].split("\t")) == 61


def test_export_jsonl_to_stdout(runner, db):
    result = runner.invoke(app, ["export", "--db", db, "--format", "jsonl", "--out", "-", "--since", "2020"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["cameo"] for r in records] == ["190"]


def test_export_then_import_parquet(runner, db, tmp_path):
    out = tmp_path / "events.parquet"
    result = runner.invoke(app, ["export", "--db", db, "--format", "parquet", "--out", str(out)])
    assert result.exit_code == 0, result.output
    copy = tmp_path / "copy.duckdb"
    result = runner.invoke(app, ["import", str(out), "--db", str(copy)])
    assert result.exit_code == 0, result.output
    assert "3 events in 2 documents added" in result.output
    with Store(copy, read_only=True) as a, Store(db, read_only=True) as b:
        assert a.events() == b.events()
    result = runner.invoke(app, ["events", "--db", str(copy), "--format", "jsonl", "--target", "USA"])
    assert result.exit_code == 0 and json.loads(result.stdout)["source"] == "CHN"


def test_export_errors(runner, db, tmp_path):
    result = runner.invoke(app, ["export", "--db", db, "--format", "parquet", "--out", "-"])
    assert result.exit_code == 2
    out = tmp_path / "x.csv"
    result = runner.invoke(app, ["export", "--db", db, "--format", "csv", "--out", str(out), "--code", "4x"])
    assert result.exit_code == 2 and "code" in result.output
    assert not out.exists()
    result = runner.invoke(app, ["import", str(tmp_path / "missing.parquet"), "--db", str(tmp_path / "n.duckdb")])
    assert result.exit_code == 1 and "no such file" in result.output
