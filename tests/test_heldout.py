"""Held-out gates: the coder's §5 scores on documents written after it was tuned must not drop.

``tests/heldout`` was written after the coder was tuned (its error classes later guided a recall pass);
``tests/heldout2`` was written and committed before any coder ran on it (its error classes later guided the English
pass); ``tests/heldout3`` was written and committed before the coders ran on it (its error classes guided the third
English pass); ``tests/heldout4`` (English) was written and committed before any coder ran on it (its error classes
guided the fourth English pass); ``tests/heldout5`` and ``tests/heldout6`` likewise guided the fifth and sixth;
``tests/heldout7`` and ``tests/heldout8`` (English) were written and committed before any coder ran on them and
guided the seventh pass; ``tests/heldout9`` and ``tests/heldout10`` likewise guided the eighth and ninth;
``tests/heldout11`` (English) was written before any coder ran on it and guided the tenth pass; ``tests/heldout12``
(English) was written and committed before any coder ran on it and guided the eleventh pass; ``tests/heldout13``
and ``tests/heldout14`` (English) were written and committed before any coder ran on them: heldout13 guided the
twelfth pass, heldout14 the thirteenth; ``tests/heldout15`` (English) was written and committed before any coder ran
on it and guided the fourteenth pass; ``tests/heldout16`` (English) was written and committed before any coder ran on
it and guided the fifteenth pass; ``tests/heldout17`` (English) was written and committed before any coder ran on it
and guided the sixteenth pass; ``tests/heldout18`` and ``tests/heldout19`` (English) were written and committed
before any coder ran on them and guided the seventeenth pass; ``tests/heldout20`` (English) was written and
committed before any coder ran on it and was scored once during the seventeenth pass, as were ``tests/heldout21``
and ``tests/heldout22``; ``tests/heldout23`` and ``tests/heldout24`` (English) were written and committed before any
coder ran on them and were scored once at the end of the seventeenth pass, as were ``tests/heldout25`` and
``tests/heldout26`` after it; ``tests/heldout27`` and ``tests/heldout28`` (English) were written and committed before
any coder ran on them and scored once near the end of the sixth session; ``tests/heldout29`` and ``tests/heldout30``
(English) likewise, scored once with the coder the sixth session left, as were ``tests/heldout31`` and
``tests/heldout32`` (the clean numbers for unseen English);
``tests/entune`` and ``tests/entune2`` are the English tuning sets (their
numbers are no evidence of accuracy on unseen text; the gate only keeps what the tuning gained). Each folder's
README.md gives the set and its numbers. The floors sit about 0.05 below the F1 measured on 2026-11-27. Raise them
when the coder improves; never lower them without writing down why in that README.md.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from kuroshio.config import Options
from kuroshio.evaluate import Report, evaluate_paths

TESTS = Path(__file__).resolve().parent
SETS = ("heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9",
        "heldout10", "heldout11", "heldout12", "heldout13", "heldout14", "heldout15", "heldout16", "heldout17",
        "heldout18", "heldout19", "heldout20", "heldout21", "heldout22",
        "heldout23", "heldout24", "heldout25", "heldout26",
        "heldout27", "heldout28", "heldout29", "heldout30", "heldout31", "heldout32", "entune", "entune2")
# set -> (language group, level) -> minimum micro F1. Measured 2026-11-27 (second session):
# heldout  zh root 0.840 quad 0.832, en root 0.755 quad 0.809
# heldout2 zh root 0.806 quad 0.837, en root 0.857 quad 0.857 (en was 0.448 / 0.426 before the English pass)
# heldout3 zh root 0.608 quad 0.767, en root 0.578 quad 0.625 (scored after the English passes; details unseen)
# entune   en root 0.683 quad 0.746 (0.462 / 0.565 before the English pass)
# entune2  en root 0.575 quad 0.629 (0.508 / 0.569 before the last English pass)
# Third session, after the third English pass (tuned on heldout3's error classes, entune, entune2):
# heldout3 en root 0.700, 0 leaks; entune 0.693; entune2 0.637, 3 leaks
# heldout4 en root 0.639 quad 0.714, 0 leaks (written before any coder ran; details unseen), 0.763 after the fourth
# pass tuned on it; heldout5 en root 0.538 quad 0.639, 1 leak (written before any coder ran; scored once, unseen),
# 0.581 after the fifth pass tuned on it. After the fifth pass: heldout en 0.807, heldout3 en 0.733, entune2 0.648.
# heldout6 en root 0.614 quad 0.707, 0 leaks (scored once), 0.627 after the sixth pass tuned on it;
# heldout7 en root 0.560 quad 0.641, 2 leaks (written before any coder ran; scored once, unseen).
# Fourth session: heldout8 en root 0.453 quad 0.621, 2 leaks (scored once with the sixth-pass coder); the seventh
# pass tuned on heldout7 and heldout8: heldout7 0.616, heldout8 0.538, entune 0.705, entune2 0.669.
# heldout9 en root 0.606 quad 0.663, 2 leaks (written before any coder ran; scored once, unseen, after the seventh
# pass). heldout9 0.669 after the eighth pass tuned on it; heldout10 en root 0.607 quad 0.659, 11 leaks (scored once,
# after the eighth pass), 0.677 quad 0.723, 0 leaks after the ninth pass tuned on it; heldout11 en root 0.621 quad
# 0.673, 10 leaks (written before any coder ran; scored once, unseen, after the ninth pass), 0.641, 6 leaks after
# the tenth pass tuned on it; heldout12 en root 0.713 quad 0.775, 2 leaks (scored once, unseen, after the tenth pass).
# Fifth session: the eleventh pass tuned on heldout12 (0.766); heldout13 en root 0.603 quad 0.739, 3 leaks (written
# before any coder ran; scored once, unseen, after the eleventh pass; 0.571 with the coder before it); the twelfth pass
# tuned on heldout13 (0.734, 2 leaks); heldout14 en root 0.762 quad 0.823, 7 leaks (scored once, unseen, after the
# twelfth pass; 0.714 with the coder of the fourth session); the thirteenth pass tuned on heldout14 (0.822, 0 leaks);
# heldout15 en root 0.700 quad 0.735, 3 leaks (scored once, unseen, after the thirteenth pass; 0.676 before the fifth
# session's passes). End of the fifth session: heldout5 0.629, heldout7 0.652, heldout8 0.625, heldout11 0.678.
# The fourteenth pass tuned on heldout15 (0.744); heldout16 en root 0.672 quad 0.699, 3 leaks (scored once, unseen,
# after the fourteenth pass; 0.641 with the coder of the fourth session). The fifteenth pass tuned on heldout16
# (0.712, 1 leak); heldout17 en root 0.725 quad 0.742, 3 leaks (scored once, unseen, after the fifteenth pass; 0.714
# with the coder of the fourth session). Sixth session: the sixteenth pass tuned on heldout17 (0.739, 2 leaks);
# heldout18 en root 0.627 quad 0.634, 1 leak, and heldout19 en root 0.685 quad 0.701, 6 leaks (both scored once,
# unseen, after the sixteenth pass; 0.635 and 0.660 with the coder of the start of the session); heldout20 en root
# 0.708 quad 0.717, 1 leak (scored once, unseen, during the seventeenth pass; 0.710 with the session-start coder);
# heldout21 en root 0.703 quad 0.747, 5 leaks, and heldout22 en root 0.653 quad 0.712, 2 leaks (scored once, unseen,
# later in the seventeenth pass; 0.703 and 0.639 with the session-start coder); heldout23 en root 0.680 quad 0.667,
# 0 leaks, and heldout24 en root 0.747 quad 0.809, 5 leaks (scored once, unseen, at the end of the seventeenth pass;
# 0.674 and 0.684 with the session-start coder); heldout25 en root 0.686 quad 0.678, 6 leaks, and heldout26 en root
# 0.646 quad 0.750, 2 leaks (scored once, unseen, after the seventeenth pass; 0.686 and 0.641 with the session-start
# coder). heldout27 en root 0.739 quad 0.742, 3 leaks, and heldout28 en root 0.709 quad 0.732, 1 leak (scored once,
# unseen, near the end of the session; 0.712 and 0.688 with the session-start coder); heldout29 en root 0.636 quad
# 0.650, 2 leaks, and heldout30 en root 0.734 quad 0.741, 2 leaks (scored once, unseen, with the coder the session
# left; 0.629 and 0.724 with the session-start coder); heldout31 en root 0.693 quad 0.685, 2 leaks, and heldout32 en
# root 0.729 quad 0.775, 1 leak (the same coder; 0.699 and 0.717 with the session-start coder).
FLOORS = {
    "heldout": {("zh", "root"): 0.79, ("zh", "quad"): 0.78, ("en", "root"): 0.75, ("en", "quad"): 0.80},
    "heldout2": {("zh", "root"): 0.75, ("zh", "quad"): 0.78, ("en", "root"): 0.80, ("en", "quad"): 0.80},
    "heldout3": {("zh", "root"): 0.59, ("zh", "quad"): 0.71, ("en", "root"): 0.68, ("en", "quad"): 0.73},
    "heldout4": {("en", "root"): 0.71, ("en", "quad"): 0.74},
    "heldout5": {("en", "root"): 0.58, ("en", "quad"): 0.60},
    "heldout6": {("en", "root"): 0.57, ("en", "quad"): 0.66},
    "heldout7": {("en", "root"): 0.60, ("en", "quad"): 0.62},
    "heldout8": {("en", "root"): 0.57, ("en", "quad"): 0.60},
    "heldout9": {("en", "root"): 0.61, ("en", "quad"): 0.62},
    "heldout10": {("en", "root"): 0.62, ("en", "quad"): 0.67},
    "heldout11": {("en", "root"): 0.62, ("en", "quad"): 0.63},
    "heldout12": {("en", "root"): 0.71, ("en", "quad"): 0.74},
    "heldout13": {("en", "root"): 0.68, ("en", "quad"): 0.72},
    "heldout14": {("en", "root"): 0.77, ("en", "quad"): 0.79},
    "heldout15": {("en", "root"): 0.69, ("en", "quad"): 0.70},
    "heldout16": {("en", "root"): 0.66, ("en", "quad"): 0.67},
    "heldout17": {("en", "root"): 0.68, ("en", "quad"): 0.69},
    "heldout18": {("en", "root"): 0.57, ("en", "quad"): 0.58},
    "heldout19": {("en", "root"): 0.63, ("en", "quad"): 0.65},
    "heldout20": {("en", "root"): 0.65, ("en", "quad"): 0.66},
    "heldout21": {("en", "root"): 0.65, ("en", "quad"): 0.69},
    "heldout22": {("en", "root"): 0.60, ("en", "quad"): 0.66},
    "heldout23": {("en", "root"): 0.63, ("en", "quad"): 0.61},
    "heldout24": {("en", "root"): 0.73, ("en", "quad"): 0.75},
    "heldout25": {("en", "root"): 0.63, ("en", "quad"): 0.62},
    "heldout26": {("en", "root"): 0.59, ("en", "quad"): 0.70},
    "heldout27": {("en", "root"): 0.68, ("en", "quad"): 0.69},
    "heldout28": {("en", "root"): 0.66, ("en", "quad"): 0.68},
    "heldout29": {("en", "root"): 0.58, ("en", "quad"): 0.60},
    "heldout30": {("en", "root"): 0.68, ("en", "quad"): 0.69},
    "heldout31": {("en", "root"): 0.64, ("en", "quad"): 0.63},
    "heldout32": {("en", "root"): 0.67, ("en", "quad"): 0.72},
    "entune": {("en", "root"): 0.65, ("en", "quad"): 0.69},
    "entune2": {("en", "root"): 0.61, ("en", "quad"): 0.66},
}
MAX_MODE_LEAKS = {"heldout": 1, "heldout2": 1, "heldout3": 2, "heldout4": 1, "heldout5": 2, "heldout6": 1,
                  "heldout7": 3, "heldout8": 3, "heldout9": 3, "heldout10": 2, "heldout11": 8, "heldout12": 3,
                  "heldout13": 3, "heldout14": 2, "heldout15": 4, "heldout16": 2, "heldout17": 3, "heldout18": 2,
                  "heldout19": 7, "heldout20": 2, "heldout21": 6, "heldout22": 3,
                  "heldout23": 1, "heldout24": 1, "heldout25": 7, "heldout26": 3,
                  "heldout27": 4, "heldout28": 2, "heldout29": 3, "heldout30": 3,
                  "heldout31": 3, "heldout32": 2, "entune": 1, "entune2": 3}
DOCUMENTS = {"heldout": 18, "heldout2": 18, "heldout3": 22, "heldout4": 22, "heldout5": 22, "heldout6": 22,
             "heldout7": 22, "heldout8": 22, "heldout9": 22, "heldout10": 22, "heldout11": 22, "heldout12": 22,
             "heldout13": 22, "heldout14": 22, "heldout15": 22, "heldout16": 22, "heldout17": 22,
             "heldout18": 22, "heldout19": 22, "heldout20": 22, "heldout21": 22, "heldout22": 22,
             "heldout23": 22, "heldout24": 22, "heldout25": 22, "heldout26": 22,
             "heldout27": 22, "heldout28": 22, "heldout29": 22, "heldout30": 22,
             "heldout31": 22, "heldout32": 22,
             "entune": 24, "entune2": 20}


def _paths(name: str) -> tuple[Path, Path]:
    return TESTS / name / "gold.jsonl", TESTS / name / "corpus.jsonl"


@cache
def _score(name: str) -> Report:
    gold, corpus = _paths(name)
    errors: list[object] = []
    result = evaluate_paths(str(gold), [str(corpus)], Options(), on_error=errors.append)
    assert not errors and result.failed == 0 and not result.unmatched
    return result


@pytest.fixture(params=SETS)
def report(request: pytest.FixtureRequest) -> tuple[str, Report]:
    return request.param, _score(request.param)


def _records(path: Path, key: str) -> dict[str, dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {str(r[key]): r for r in (json.loads(line) for line in lines if line.strip())}


@pytest.mark.parametrize("name", SETS)
def test_gold_covers_the_corpus_and_follows_the_format(name: str) -> None:
    gold_path, corpus_path = _paths(name)
    corpus, gold = _records(corpus_path, "id"), _records(gold_path, "doc")
    assert set(corpus) == set(gold) and len(corpus) == DOCUMENTS[name]
    for doc, record in gold.items():
        keys = [(ev["source"], ev["target"], ev["root"], ev["mode"]) for ev in record["events"]]
        assert len(keys) == len(set(keys)), doc  # one record per (source, target, root, mode)
        for ev in record["events"]:
            assert ev["evidence"] in corpus[doc]["text"] and len(ev["evidence"]) <= 80, (doc, ev["evidence"])
            assert ev["source"] != ev["target"] and ev["cameo"].startswith(ev["root"]), (doc, ev)
            assert ev["mode"] in {"actual", "planned", "hypothetical", "negated"}, (doc, ev)


def test_every_document_is_scored_with_its_language(report: tuple[str, Report]) -> None:
    name, result = report
    langs = {d.doc: d.lang for d in result.documents}
    assert len(langs) == DOCUMENTS[name]
    assert all(lang == doc.split("_")[1] for doc, lang in langs.items())


@pytest.mark.parametrize(("name", "group", "level"), [(n, g, lv) for n in SETS for g, lv in FLOORS[n]])
def test_f1_stays_above_the_pinned_floor(name: str, group: str, level: str) -> None:
    result = _score(name)
    f1, floor = result.by_lang()[group][level]["f1"], FLOORS[name][group, level]
    assert f1 >= floor, f"{name}: {group} {level} F1 {f1} < floor {floor}"


def test_mode_leaks_stay_rare(report: tuple[str, Report]) -> None:
    name, result = report
    assert result.mode_leaks <= MAX_MODE_LEAKS[name]
