"""The English coder's contract: the §3 record, evidence spans, stage dispatch, and the dev accuracy gate."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kuroshio.config import Options
from kuroshio.evaluate import evaluate_documents, read_gold
from kuroshio.events import code_events
from kuroshio.events.english import _found_in, code_english, load_rules
from kuroshio.events.ontology import lookup
from kuroshio.model import Document

sys.path.insert(0, str(Path(__file__).resolve().parent))  # en_markup.py lives beside this file

from en_markup import make_doc  # noqa: E402

TEXT = (
    "[South Korean President Lee|KORGOV|person] visited [Tokyo|JPN] on Monday. "
    "It condemned [North Korea|PRK]'s missile launch. "
    "[Japan|JPN] and [the United States|USA] will hold joint drills next week."
)


def test_stage_dispatches_english_documents() -> None:
    doc = make_doc(TEXT)
    via_stage = code_events(doc, Options())
    direct = code_english(doc, Options())
    assert via_stage.events == direct.events
    keys = {(e.source, e.target, e.cameo, e.mode) for e in direct.events}
    assert ("KORGOV", "JPN", "042", "actual") in keys and ("JPN", "KORGOV", "043", "actual") in keys
    assert ("JPN", "USA", "062", "planned") in keys and ("USA", "JPN", "062", "planned") in keys


def test_records_follow_the_ontology_and_point_into_the_text() -> None:
    doc = code_english(make_doc(TEXT), Options())
    assert doc.events
    for e in doc.events:
        entry = lookup(e.cameo)
        assert (e.root, e.quad_class, e.goldstein, e.plover) == (entry.root, entry.quad_class, entry.goldstein,
                                                                 entry.plover)
        s, t = e.spans["source"]
        assert doc.text[s:t] == e.source_text
        if e.target is not None:
            s, t = e.spans["target"]
            assert doc.text[s:t] == e.target_text
        s, t = e.spans["trigger"]
        assert doc.sentences[e.sentence_index].start <= s < t <= doc.sentences[e.sentence_index].end
        assert e.sentence == doc.sentence_text(e.sentence_index)
        record = e.to_json()
        assert record["mode"] in ("actual", "planned", "hypothetical", "negated")


def test_pronoun_evidence_is_the_pronoun() -> None:
    doc = code_english(make_doc(TEXT), Options())
    condemn = [e for e in doc.events if e.cameo == "111"]
    assert condemn and condemn[0].source == "KORGOV" and condemn[0].source_text == "It"


def test_dates_of_planned_and_actual_events() -> None:
    doc = code_english(make_doc(TEXT), Options())
    by_code = {e.cameo: (e.date, e.date_precision) for e in doc.events}
    assert by_code["042"] == ("2025-08-18", "day")
    assert by_code["062"] == ("2025-08-25", "week")
    assert by_code["111"] == ("2025-08-20", "day")


def test_documents_without_actors_or_sentences() -> None:
    assert code_english(Document(id="x", text="", lang="en"), Options()).events == ()
    assert code_english(Document(id="x", text="Talks were held and sanctions imposed.", lang="en"),
                        Options()).events == ()


def test_deterministic() -> None:
    doc = make_doc(TEXT)
    assert code_english(doc, Options()).events == code_english(doc, Options()).events


_ACTORS = st.sampled_from(["[Japan|JPN]", "[China|CHN]", "[the two sides|KOR,USA]", "[Seoul|KOR]", "it", "we"])
_WORDS = st.sampled_from(["condemned", "met", "urged", "to", "and", "the", "talks", "with", "visited", "will",
                          "not", "sanctions on", "joint drills", ",", "said", "by", "was", "on Monday", "'s"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_ACTORS, _WORDS), min_size=1, max_size=14))
def test_spans_always_inside_the_text(parts: list[str]) -> None:
    doc = code_english(make_doc(" ".join(parts) + "."), Options())
    for e in doc.events:
        for span in e.spans.values():
            if span is not None:
                assert 0 <= span[0] < span[1] <= len(doc.text)
        assert e.source != e.target


# Pinned floors for the English dev documents (measured 2026-11-27 with the bundled actor dictionary: root P 1.00
# R 0.84 F1 0.913, quad F1 0.90, 0 leaks). The targets are root F1 0.65 / P 0.80, quad F1 0.75, leaks 2;
# the floors sit a little under the measured numbers so that actor dictionary changes do not trip them.
DEV_FLOORS = {"root_precision": 0.95, "root_f1": 0.87, "quad_f1": 0.86, "max_leaks": 2}


def test_dev_targets_on_the_english_documents(dev_dir: Path) -> None:
    from kuroshio.pipeline import Pipeline

    gold = read_gold(dev_dir / "gold.jsonl")
    documents = [o.document for o in Pipeline(Options()).run([str(dev_dir / "corpus.jsonl")]) if o.document]
    english = [d for d in documents if d.lang == "en"]
    assert len(english) >= 10
    report = evaluate_documents(gold, english)
    assert report.root.precision >= DEV_FLOORS["root_precision"], report.to_json()["root"]
    assert report.root.f1 >= DEV_FLOORS["root_f1"], report.to_json()["root"]
    assert report.quad.f1 >= DEV_FLOORS["quad_f1"], report.to_json()["quad"]
    assert report.mode_leaks <= DEV_FLOORS["max_leaks"]


def test_pipeline_codes_plain_english_text() -> None:
    from kuroshio.pipeline import Pipeline

    doc = Document(id="t", text="Japan condemned North Korea's missile launch on Monday.", lang="en",
                   date="2025-08-20")
    doc = Pipeline(Options()).process(doc)
    got = {(e.source_country, e.target_country, e.root, e.mode, e.date) for e in doc.events}
    assert ("JPN", "PRK", "11", "actual", "2025-08-18") in got


def test_press_conference_questions_name_no_speaker() -> None:
    """In a transcript, "we" in an answer is the spokesperson's side, not whoever the question quotes."""
    from kuroshio.ingest import document_from_text
    from kuroshio.pipeline import Pipeline

    text = ("Regular press conference of the Chinese foreign ministry, January 16, 2024\n\n"
            "Q: The Philippine president posted a message congratulating Lai Ching-te. What is China's response?\n\n"
            "A: We urge the Philippine side to stop making wrong moves on Taiwan.")
    options = Options()
    doc = Pipeline(options).process(document_from_text(text, options=options, id="t", date="2024-01-16"))
    got = {(e.source_country, e.target_country, e.root) for e in doc.events}
    assert ("CHN", "PHL", "02") in got
    assert not any(e.source_country == "PHL" and e.root == "02" for e in doc.events)


def test_dateline_anchors_relative_dates() -> None:
    doc = make_doc("BEIJING, Jan. 3 (Xinhua) -- [China|CHN] hosted [the Vietnamese leader|VNMGOV] on Wednesday.",
                   date="2025-03-14")
    dates = {(e.cameo, e.date) for e in code_english(doc, Options()).events}
    assert dates == {("043", "2025-01-01"), ("042", "2025-01-01")}


def test_trigger_scan_and_lower_case_helpers() -> None:
    from kuroshio.events.english import code_sentence_texts, lower_same_length

    assert code_sentence_texts(["Japan condemned the launch.", "Nothing happened here.", "They met and talked."]) == 2
    text = "İstanbul talks"
    assert len(lower_same_length(text)) == len(text) and lower_same_length(text).endswith("talks")


_MODE_WORDS = ["will", "WILL", "We'll", "we’ll", "not", "NOT", "don't", "won’t", "never", "No", "longer", "plans", "to",
               "Expected", "upcoming", "next", "week", "failed", "ſhall", "İ", "K", "nor", "x", "the", "minister"]


@given(st.lists(st.sampled_from(_MODE_WORDS), max_size=7))
def test_negation_and_future_markers_are_found_in_any_case_and_script(words: list[str]) -> None:
    """The words before a trigger, searched in lower case when ASCII, find what the case-insensitive patterns find."""
    rules = load_rules()
    window = " ".join(words)
    assert _found_in(window, rules.negation, rules.negation_ascii) == (rules.negation.search(window) is not None)
    assert _found_in(window, rules.planned, rules.planned_ascii) == (rules.planned.search(window) is not None)
