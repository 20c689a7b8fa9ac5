"""`kuroshio doc PATH --format json` prints the full DESIGN §4 record; bad inputs give one stderr line, exit 1."""

from __future__ import annotations

import json
from pathlib import Path

from kuroshio.cli import app

SAMPLES = Path(__file__).resolve().parents[2] / "examples" / "samples"
FIELDS = {"id", "source_path", "lang", "script", "title", "authors", "affiliations", "publisher", "date", "headings",
          "paragraphs", "captions", "notes", "urls", "text"}


def test_doc_prints_the_record(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["doc", str(SAMPLES / "commentary_zh_hant.txt"), "--format", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert FIELDS <= set(record)
    assert record["title"] == "東京峰會之後的東北亞外交新局"
    assert record["affiliations"] == ["東亞戰略研究中心"]
    assert record["lang"] == "zh-Hant"
    assert len(record["paragraphs"]) == 7


def test_doc_bad_input_exit_1(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["doc", str(empty)])
    assert result.exit_code == 1
    assert "empty.txt: empty file" in result.stderr
