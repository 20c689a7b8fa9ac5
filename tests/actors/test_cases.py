"""The golden sentence cases of tests/actors/cases/*.tsv: every mention (text=CODE, in text order) must match.

A case file has three tab-separated columns: date, sentence, expected. ``expected`` lists the mentions as
``text=CODE`` items separated by ``;`` (``-`` for none); a compound member or a plural coreference repeats its text.
Lines starting with ``#`` are comments. The sentences are our own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kuroshio.config import Options
from kuroshio.model import Block, Document
from kuroshio.pipeline import Pipeline

CASES = Path(__file__).parent / "cases"


def load_cases() -> list[tuple[str, int, str, str, str]]:
    cases = []
    for path in sorted(CASES.glob("*.tsv")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            date, sentence, expected = line.split("\t")
            cases.append((path.name, number, date, sentence, expected))
    return cases


CASE_LIST = load_cases()


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Options(stages=("normalize", "segment", "actors")))


def document(sentence: str, date: str) -> Document:
    """A document of one or more paragraphs (``\\n\\n`` in a case separates paragraphs)."""
    text = sentence.replace("\\n", "\n")
    blocks, start = [], 0
    for part in text.split("\n\n"):
        blocks.append(Block("paragraph", start, start + len(part)))
        start += len(part) + 2
    return Document(id="case", text=text, date=date, blocks=tuple(blocks))


def found(pipeline: Pipeline, sentence: str, date: str) -> str:
    doc = pipeline.process(document(sentence, date))
    return ";".join(f"{m.text}={m.code}" for m in doc.mentions) or "-"


@pytest.mark.parametrize(("file", "line", "date", "sentence", "expected"), CASE_LIST,
                         ids=[f"{c[0]}:{c[1]}" for c in CASE_LIST])
def test_case(pipeline: Pipeline, file: str, line: int, date: str, sentence: str, expected: str) -> None:
    assert found(pipeline, sentence, date) == expected


def test_there_are_enough_cases() -> None:
    assert len(CASE_LIST) >= 300
