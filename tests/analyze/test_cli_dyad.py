"""`kuroshio dyad`: the series as a table, JSON or CSV, and drawn to PNG or HTML."""

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
    return str(path)


def test_dyad_table(runner, db):
    result = runner.invoke(app, ["dyad", "KOR", "JPN", "--db", db])
    assert result.exit_code == 0, result.output
    assert "2019-07" in result.output and "2019-08" in result.output and "+1.90" in result.output


def test_dyad_json_and_csv(runner, db):
    result = runner.invoke(app, ["dyad", "kor", "jpn", "--db", db, "--freq", "quarter", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [
        {"period": "2019-Q3", "start": "2019-07-01", "events": 2, "q1": 1, "q2": 0, "q3": 1, "q4": 0,
         "goldstein_mean": -0.05, "goldstein_sum": -0.1},
    ]  # fmt: skip
    result = runner.invoke(app, ["dyad", "KOR", "JPN", "--db", db, "--format", "csv", "--direction", "ab"])
    lines = result.stdout.splitlines()
    assert lines[0].startswith("period,events,q1")
    assert lines[1:] == ["2019-07,1,1,0,0,0,1.9,1.9"]  # one direction: one month
    result = runner.invoke(app, ["dyad", "KOR", "JPN", "--db", db, "--format", "csv", "--skip-empty"])
    assert [line[:7] for line in result.stdout.splitlines()[1:]] == ["2019-07", "2019-09"]


@pytest.mark.parametrize("suffix", [".png", ".html"])
def test_dyad_plot(runner, db, tmp_path, suffix):
    target = tmp_path / f"series{suffix}"
    result = runner.invoke(app, ["dyad", "KOR", "JPN", "--db", db, "--plot", str(target)])
    assert result.exit_code == 0, result.output
    assert target.stat().st_size > 1000


def test_dyad_usage_errors(runner, db, tmp_path):
    result = runner.invoke(app, ["dyad", "KOR", "JPN", "--db", db, "--since", "soon"])
    assert result.exit_code == 2 and "since" in result.output
    result = runner.invoke(app, ["dyad", "KOR", "JPN", "--db", db, "--plot", str(tmp_path / "x.svg")])
    assert result.exit_code == 2
    result = runner.invoke(app, ["dyad", "KOR", "JPN", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "no such store" in result.output
