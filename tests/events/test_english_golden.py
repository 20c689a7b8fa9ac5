"""Golden English sentences (tests/events/cases/en_golden.tsv): every case must code exactly its expected events."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kuroshio.config import Options  # noqa: E402
from kuroshio.events.english import code_english  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))  # en_markup.py lives beside this file

from en_markup import make_doc  # noqa: E402

CASES = Path(__file__).parent / "cases" / "en_golden.tsv"


def _load() -> list[tuple[int, str, str, str | None]]:
    rows = []
    for n, line in enumerate(CASES.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        assert len(parts) in (2, 3), f"{CASES.name}:{n}: expected 2 or 3 tab-separated columns"
        rows.append((n, parts[0], parts[1], parts[2] if len(parts) == 3 else None))
    return rows


ROWS = _load()


def _expected(spec: str) -> set[tuple[str, str, str, str]]:
    if spec.strip() == "-":
        return set()
    out = set()
    for item in spec.split(";"):
        fields = item.split()
        pair, code = fields[0], fields[1]
        mode = fields[2] if len(fields) > 2 else "actual"
        source, target = pair.split(">")
        out.add((source, target, code, mode))
    return out


def test_enough_cases() -> None:
    assert len(ROWS) >= 300


@pytest.mark.parametrize(("line", "marked", "spec", "date"), ROWS, ids=[f"L{r[0]}" for r in ROWS])
def test_golden(line: int, marked: str, spec: str, date: str | None) -> None:
    doc = code_english(make_doc(marked), Options())
    expected = _expected(spec)
    got = set()
    for e in doc.events:
        want_root = any(len(x[2]) == 2 and x[:2] == (e.source, e.target or "-") and x[3] == e.mode for x in expected)
        got.add((e.source, e.target or "-", e.root if want_root else e.cameo, e.mode))
    assert got == expected, f"line {line}: {marked}"
    if date is not None:
        value, precision = date.split("/")
        assert {(e.date, e.date_precision) for e in doc.events} == {(value, precision)}, f"line {line}: dates"
