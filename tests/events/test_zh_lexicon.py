"""The Chinese trigger dictionary and grammar files are valid and cover what the coder promises."""

from __future__ import annotations

import pytest

from kuroshio.errors import DictionaryError
from kuroshio.events.lexicon import GRAMMAR_FILE, TRIGGER_FILE, _read, build_lexicon, chinese_lexicon, parse_triggers
from kuroshio.events.ontology import cameo_codes


def test_the_bundled_dictionary_loads_and_covers_every_root() -> None:
    lexicon = chinese_lexicon()
    codes = {t.cameo for t in lexicon.triggers if t.args != "stop"}
    assert len(codes) >= 150
    assert {c[:2] for c in codes} == {f"{n:02d}" for n in range(1, 21)}
    assert all(c in cameo_codes() for c in codes)


def test_one_dictionary_serves_both_scripts() -> None:
    lexicon = chinese_lexicon()
    from kuroshio.normalize.script import to_simplified

    for text in ("北韓譴責美國", "北韩谴责美国"):
        assert [t.cameo for t, _, _ in lexicon.find(to_simplified(text))] == ["111"]


def test_leftmost_longest_prefers_the_longer_pattern() -> None:
    found = chinese_lexicon().find("中方提出严正交涉")
    assert [(t.pattern, t.cameo) for t, _, _ in found] == [("提出严正交涉", "114")]


def test_stop_phrases_consume_their_span() -> None:
    found = chinese_lexicon().find("向日本海发射")
    assert all(t.args == "stop" for t, _, _ in found if t.pattern.startswith("日本海"))


def test_a_trigger_can_name_its_target_state() -> None:
    found = {t.pattern: t.target for t, _, _ in chinese_lexicon().find("访日")}
    assert found == {"访日": "JPN"}


@pytest.mark.parametrize(
    ("codes", "message"),
    [
        ({"999": {"args": "directed", "patterns": ["甲"]}}, "unknown CAMEO code"),
        ({"111": {"args": "sideways", "patterns": ["甲"]}}, "args must be"),
        ({"111": {"args": "directed", "patterns": []}}, "patterns must be"),
        ({"111": {"args": "directed", "patterns": ["甲@Japan"]}}, "3-letter state code"),
        ({"111": {"args": "directed", "requires": "luck", "patterns": ["甲"]}}, "requires must be"),
        ({"111": {"args": "directed", "patterns": ["甲"]}, "112": {"args": "directed", "patterns": ["甲"]}},
         "under both"),
    ],
)
def test_bad_entries_are_refused_with_the_file_named(codes: dict, message: str) -> None:
    with pytest.raises(DictionaryError) as info:
        parse_triggers({"codes": codes}, name="bad.yaml")
    assert "bad.yaml" in str(info.value) and message in str(info.value)


def test_a_pattern_in_both_scripts_under_one_code_is_kept_once() -> None:
    triggers = parse_triggers({"codes": {"111": {"args": "directed", "patterns": ["譴責", "谴责"]}}})
    assert [t.pattern for t in triggers] == ["谴责"]


def test_bad_grammar_is_refused() -> None:
    grammar = _read(GRAMMAR_FILE)
    grammar["negation"] = "未"
    with pytest.raises(DictionaryError, match="negation must be a list"):
        build_lexicon(_read(TRIGGER_FILE), grammar)
