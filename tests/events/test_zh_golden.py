"""The accuracy gate of the Chinese coder on the golden cases (tests/events/cases/zh_*.tsv).

The floors are pinned: a change that lowers precision, recall or the share of sentences coded exactly below them
fails. When a change raises the scores, raise the floors in the same commit.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # zh_golden.py and zh_actors_stub.py live beside this file

from zh_golden import load_cases, score  # noqa: E402

# Measured 2026-11-27: 581 cases, precision 1.000, recall 0.996, exact 0.994.
FLOORS = {"cases": 581, "precision": 0.995, "recall": 0.99, "exact": 0.99}


@pytest.fixture(scope="module")
def result():
    return score(load_cases())


def test_there_are_enough_cases() -> None:
    assert len(load_cases()) >= FLOORS["cases"]


def test_every_root_is_covered() -> None:
    roots = {t[2] for case in load_cases() for t in case.expected}
    assert roots >= {f"{n:02d}" for n in range(1, 21)}


def test_every_mode_is_covered() -> None:
    modes = {t[3] for case in load_cases() for t in case.expected}
    assert modes == {"actual", "planned", "hypothetical", "negated"}


def test_precision_floor(result) -> None:
    assert result.precision >= FLOORS["precision"], "\n".join(result.failures[:40])


def test_recall_floor(result) -> None:
    assert result.recall >= FLOORS["recall"], "\n".join(result.failures[:40])


def test_exact_share_floor(result) -> None:
    assert result.exact_share >= FLOORS["exact"], "\n".join(result.failures[:40])
