"""Dictionary loading, user dictionaries, the linter, and invariants of the recognizer."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kuroshio.actors import lookup, recognize_actors
from kuroshio.actors.dictionary import bundled_files, load_dictionary
from kuroshio.actors.lint import lint_files
from kuroshio.config import Options
from kuroshio.errors import DictionaryError
from kuroshio.model import Document
from kuroshio.normalize import normalize_document
from kuroshio.segment import segment_document


def run(text: str, date: str = "2025-09-01", options: Options | None = None) -> Document:
    options = options or Options()
    doc = segment_document(normalize_document(Document(id="t", text=text, date=date), options), options)
    return recognize_actors(doc, options)


def test_the_bundled_dictionary_lints_clean() -> None:
    assert lint_files(bundled_files()) == []


def test_the_linter_module_runs_and_exits_zero() -> None:
    done = subprocess.run([sys.executable, "-m", "kuroshio.actors.lint"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout


def test_the_linter_reports_bad_entries(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "- {id: x/one, kind: person, country: KOR, en: [Some One], roles: [{code: KORGOV, from: 2020-01-01,"
        " until: 2019-01-01}]}\n"
        "- {id: x/one, kind: person, country: KOR, en: [' Some Two'], roles: [{code: KORXYZ, from: 2020}]}\n"
        "- {id: x/three, kind: person, country: KOR, zh-Hans: [李在明], roles: [{code: KORGOV, from: 2020},"
        " {code: KOROPP, from: 2021, until: 2022}]}\n"
        "- {id: x/four, kind: org, code: ATLGOV, country: ATL, en: [Atlantis]}\n",
        encoding="utf-8",
    )
    problems = "\n".join(lint_files(bundled_files() + [bad]))
    assert "ends (2019-01-01) before it starts" in problems
    assert "duplicate id x/one" in problems
    assert "stray spaces" in problems
    assert "unknown role 'XYZ'" in problems
    assert "overlap" in problems
    assert "no state of the dictionary" in problems
    done = subprocess.run([sys.executable, "-m", "kuroshio.actors.lint", str(bad)], capture_output=True, text=True)
    assert done.returncode == 1


def test_every_un_member_and_the_extra_states_are_there() -> None:
    states = {e.country for e in load_dictionary().entries.values() if e.kind == "state"}
    assert len(states) == 197  # 193 UN members + TWN, XKX, PSE, VAT
    assert {"TWN", "XKX", "PSE", "VAT", "KOR", "PRK"} <= states
    for entry in load_dictionary().entries.values():
        if entry.kind == "state":
            langs = {lang for lang, _ in entry.names}
            assert {"en", "zh-Hant", "zh-Hans"} <= langs, entry.id


def test_a_user_dictionary_extends_and_overrides(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text(
        "- {id: test/hong-gil-dong, kind: person, country: KOR, en: [Hong Gil-dong], zh-Hant: [洪吉童],"
        " roles: [{code: KORMIL, from: 2024-01-01}]}\n"
        "- {id: JPN, en: [Nippon], zh-Hant: [日本], zh-Hans: [日本], abbr: 日}\n",
        encoding="utf-8",
    )
    options = Options(dictionaries=(str(user),))
    doc = run("洪吉童與日本官員會面。Nippon agreed.", options=options)
    assert [(m.text, m.code) for m in doc.mentions] == [("洪吉童", "KORMIL"), ("日本官員", "JPNGOV"), ("Nippon", "JPN")]
    assert lookup("Hong Gil-dong", date="2025-01-01", options=options)[0]["code"] == "KORMIL"
    assert lookup("Hong Gil-dong", date="2025-01-01", options=Options()) == []


def test_a_missing_or_broken_user_dictionary_is_a_dictionary_error(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="not found"):
        load_dictionary((str(tmp_path / "nope.yaml"),))
    broken = tmp_path / "broken.yaml"
    broken.write_text("- {id: a, kind: wizard, code: KOR}\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="kind must be one of"):
        load_dictionary((str(broken),))
    assert pickle.loads(pickle.dumps(DictionaryError("x: y"))).reason == "x: y"


def test_mentions_carry_sentences_and_members() -> None:
    doc = run("日韓兩國同意合作。美日韓三國將舉行會談。")
    first = [m for m in doc.mentions if m.sentence == 0]
    assert [(m.text, m.code, m.kind, m.members) for m in first] == [
        ("日", "JPN", "state", ("JPN", "KOR")),
        ("韓", "KOR", "state", ("JPN", "KOR")),
        ("兩國", "JPN", "coref", ("JPN", "KOR")),
        ("兩國", "KOR", "coref", ("JPN", "KOR")),
    ]
    assert {m.sentence for m in doc.mentions} == {0, 1}
    assert all(m.country is not None for m in doc.mentions)


def test_traditional_and_simplified_give_the_same_codes() -> None:
    hant = run("南韓總統李在明與日本首相石破茂在東京會談，美日韓三國將加強合作。", date="2025-08-23")
    hans = run("南韩总统李在明与日本首相石破茂在东京会谈，美日韩三国将加强合作。", date="2025-08-23")
    assert [(m.start, m.end, m.code) for m in hant.mentions] == [(m.start, m.end, m.code) for m in hans.mentions]


def test_an_igo_has_no_country() -> None:
    doc = run("聯合國與歐盟發表聲明。")
    assert [(m.code, m.country, m.kind) for m in doc.mentions] == [("IGOUNO", None, "igo"), ("IGOEUREEC", None, "igo")]


ALPHABET = "美日韓中朝俄台方訪赴今王元東國兩雙他其總統的與和，。 abcUS.'sJapanChina"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_spans_always_point_into_the_text(text: str) -> None:
    doc = run(text)
    starts = [m.start for m in doc.mentions]
    assert starts == sorted(starts)
    for m in doc.mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert doc.text[m.start : m.end] == m.text
        assert m.kind in ("state", "person", "org", "igo", "capital", "role", "coref")
