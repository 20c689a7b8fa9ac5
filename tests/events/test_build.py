"""The shared Event builder and deduplication used by both coders."""

from __future__ import annotations

import pytest

from kuroshio.events.build import build_event, dedupe
from kuroshio.model import Document, Mention, Sentence

TEXT = "美日韓譴責北韓。"
DOC = Document(id="d", text=TEXT, date="2025-08")
SENTENCE = Sentence(index=0, start=0, end=len(TEXT))
GROUP = Mention(0, 1, "美", "USA", None, "group", members=("USA", "JPN", "KOR"))
PRK = Mention(5, 7, "北韓", "PRK", "PRK", "state")


def test_ontology_fields_spans_and_document_date() -> None:
    e = build_event(DOC, SENTENCE, GROUP, PRK, "111", trigger=(3, 5), confidence=0.87654, source_code="USA")
    assert (e.source, e.source_country, e.target, e.target_country) == ("USA", "USA", "PRK", "PRK")
    assert (e.root, e.quad_class, e.goldstein, e.plover) == ("11", 3, -2.0, "ACCUSE")
    assert (e.date, e.date_precision) == ("2025-08", "month")
    assert e.spans == {"source": (0, 1), "target": (5, 7), "trigger": (3, 5)}
    assert e.sentence == TEXT and e.confidence == 0.877


def test_an_event_without_target() -> None:
    e = build_event(DOC, SENTENCE, PRK, None, "150", date="2025-08-23", date_precision="day")
    assert e.target is None and e.target_country is None and e.spans["target"] is None
    assert e.date == "2025-08-23"


def test_unknown_codes_and_modes_are_refused() -> None:
    with pytest.raises(KeyError):
        build_event(DOC, SENTENCE, PRK, GROUP, "999")
    with pytest.raises(ValueError):
        build_event(DOC, SENTENCE, PRK, GROUP, "111", mode="maybe")


def test_dedupe_keeps_one_event_per_key_the_most_confident() -> None:
    low = build_event(DOC, SENTENCE, PRK, GROUP, "111", trigger=(3, 5), confidence=0.4, target_code="USA")
    high = build_event(DOC, SENTENCE, PRK, GROUP, "111", trigger=(3, 5), confidence=0.9, target_code="USA")
    other = build_event(DOC, SENTENCE, PRK, GROUP, "111", trigger=(3, 5), mode="negated", target_code="USA")
    kept = dedupe([low, high, other])
    assert len(kept) == 2 and high in kept and other in kept
