"""Second held-out gate: the coder's §5 scores on tests/heldout2 must not drop.

The 18 documents and their gold were written and committed before any coder ran on them (see README.md). The floors
sit about 0.05 below the F1 measured on 2026-11-27. Raise them when the coder improves; never lower them to make a
change pass without writing down why in README.md.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kuroshio.config import Options
from kuroshio.evaluate import Report, evaluate_paths

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold.jsonl"
CORPUS = HERE / "corpus.jsonl"

# (language group, level) -> minimum micro F1; measured 2026-11-27: zh root 0.806 quad 0.837, en root 0.448 quad 0.426
FLOORS = {
    ("zh", "root"): 0.75,
    ("zh", "quad"): 0.78,
    ("en", "root"): 0.40,
    ("en", "quad"): 0.37,
}
MAX_MODE_LEAKS = 1  # measured 0


@pytest.fixture(scope="module")
def report() -> Report:
    errors: list[object] = []
    result = evaluate_paths(str(GOLD), [str(CORPUS)], Options(), on_error=errors.append)
    assert not errors and result.failed == 0 and not result.unmatched
    return result


def _records(path: Path, key: str) -> dict[str, dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {str(r[key]): r for r in (json.loads(line) for line in lines if line.strip())}


def test_gold_covers_the_corpus_and_follows_the_format() -> None:
    corpus, gold = _records(CORPUS, "id"), _records(GOLD, "doc")
    assert set(corpus) == set(gold) and len(corpus) == 18
    for doc, record in gold.items():
        keys = [(ev["source"], ev["target"], ev["root"], ev["mode"]) for ev in record["events"]]
        assert len(keys) == len(set(keys)), doc  # one record per (source, target, root, mode)
        for ev in record["events"]:
            assert ev["evidence"] in corpus[doc]["text"] and len(ev["evidence"]) <= 80, (doc, ev["evidence"])
            assert ev["source"] != ev["target"] and ev["cameo"].startswith(ev["root"]), (doc, ev)
            assert ev["mode"] in {"actual", "planned", "hypothetical", "negated"}, (doc, ev)


def test_every_document_is_scored_with_its_language(report: Report) -> None:
    langs = {d.doc: d.lang for d in report.documents}
    assert len(langs) == 18
    assert all(lang == doc.split("_")[1] for doc, lang in langs.items())


@pytest.mark.parametrize(("group", "level"), sorted(FLOORS))
def test_f1_stays_above_the_pinned_floor(report: Report, group: str, level: str) -> None:
    scores = report.by_lang()[group][level]
    assert scores["f1"] >= FLOORS[group, level], f"{group} {level} F1 {scores['f1']} < floor {FLOORS[group, level]}"


def test_mode_leaks_stay_rare(report: Report) -> None:
    assert report.mode_leaks <= MAX_MODE_LEAKS
