"""The English trigger lexicon: the inflector, pattern compilation, validation, and the bundled entries."""

from __future__ import annotations

import pytest

from kuroshio.errors import DictionaryError
from kuroshio.events.en_lexicon import build_lexicon, compile_pattern, load_lexicon, noun_forms, verb_forms
from kuroshio.events.english import _matches, load_rules


@pytest.mark.parametrize(
    ("lemma", "expected"),
    [
        ("condemn", {"condemn", "condemns", "condemned", "condemning"}),
        ("urge", {"urge", "urges", "urged", "urging"}),
        ("stop", {"stop", "stops", "stopped", "stopping"}),
        ("visit", {"visit", "visits", "visited", "visiting"}),
        ("apply", {"apply", "applies", "applied", "applying"}),
        ("meet", {"meet", "meets", "met", "meeting"}),
        ("hold", {"hold", "holds", "held", "holding"}),
        ("withdraw", {"withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing"}),
        ("commit", {"commit", "commits", "committed", "committing"}),
        ("travel", {"travel", "travels", "traveled", "travelled", "traveling", "travelling"}),
        ("reach", {"reach", "reaches", "reached", "reaching"}),
    ],
)
def test_verb_forms(lemma: str, expected: set[str]) -> None:
    assert set(verb_forms(lemma)) == expected


def test_noun_forms() -> None:
    assert noun_forms("summit") == ["summit", "summits"]
    assert noun_forms("ally") == ["ally", "allies"]
    assert noun_forms("clash") == ["clash", "clashes"]


def test_pattern_syntax() -> None:
    table: dict[str, str] = {}
    parts: set[str] = set()
    regex, starts = compile_pattern("(=carry out|=conduct) ~ +drill", table, parts)
    assert {"carried", "conducts", "carry"} <= starts
    assert regex.match("carried out large-scale drills")
    assert regex.match("conducted drills")
    assert not regex.match("conducted a very long list of several drills")  # the gap is three words at most
    regex, _ = compile_pattern("stern? +warning", table, parts)
    assert regex.match("stern warning") and regex.match("warnings")
    assert table["conducted"] == "conduct" and "conducted" in parts


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("triggers: {'04': [{p: '=meet', code: '999'}]}", "unknown CAMEO code"),
        ("triggers: {'04': [{p: '=condemn', code: '111'}]}", "listed under root 04"),
        ("triggers: {'04': [{p: '~ =meet', code: '040'}]}", "starts with a gap"),
        ("triggers: {'04': [{p: '=meet', code: '040', colour: red}]}", "unknown field"),
        ("triggers: {'04': [{code: '040'}]}", "needs a pattern"),
        ("triggers: [1, 2", "not valid YAML"),
    ],
)
def test_bad_entries_raise(text: str, message: str) -> None:
    with pytest.raises(DictionaryError, match=message):
        build_lexicon(text)


def test_bundled_lexicon_covers_every_root() -> None:
    lexicon = load_lexicon()
    roots = {t.root for t in lexicon.triggers}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    assert len(lexicon.triggers) >= 140


def test_every_example_matches_its_entry() -> None:
    lexicon, rules = load_lexicon(), load_rules()
    examples = [t for t in lexicon.triggers if t.example]
    assert len(examples) >= 30
    for trigger in examples:
        text = trigger.example or ""
        found = [m.trigger for m in _matches(text, 0, len(text), lexicon, rules)]
        assert trigger in found, f"{trigger.pattern!r} does not match its example {text!r}"


def test_nouns_are_not_read_as_verbs() -> None:
    lexicon, rules = load_lexicon(), load_rules()
    text = "After the meeting, his visit and the transfer of arms were discussed."
    kinds = {(text[m.start : m.end], m.trigger.kind) for m in _matches(text, 0, len(text), lexicon, rules)}
    assert ("meeting", "verb") not in kinds
    assert ("visit", "verb") not in kinds
    assert ("transfer of arms", "noun") in kinds
