"""The Chinese coder's contract: evidence spans, ontology fields, deduplication, both scripts, robustness."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))

from zh_actors_stub import prepare  # noqa: E402

from kuroshio.config import Options  # noqa: E402
from kuroshio.events import code_events  # noqa: E402
from kuroshio.events.chinese import code_chinese  # noqa: E402
from kuroshio.events.ontology import lookup  # noqa: E402
from kuroshio.model import Document, Mention  # noqa: E402

TEXT = "北韓今天譴責美國、南韓和日本舉行聯合軍事演習。中國昨天向日本提出嚴正交涉。"


def _events(text: str, date: str | None = "2025-08-23"):
    return code_chinese(prepare(text, date=date), Options()).events


def test_spans_point_at_the_evidence_in_the_text() -> None:
    events = _events(TEXT)
    assert events
    for e in events:
        s, t = e.spans["source"], e.spans["target"]
        trigger = e.spans["trigger"]
        assert TEXT[s[0] : s[1]] == e.source_text
        assert TEXT[t[0] : t[1]] == e.target_text
        assert e.sentence.find(TEXT[trigger[0] : trigger[1]]) >= 0
        assert 0 < e.confidence <= 1


def test_root_quad_goldstein_and_plover_come_from_the_ontology() -> None:
    for e in _events(TEXT):
        entry = lookup(e.cameo)
        assert (e.root, e.quad_class, e.goldstein, e.plover) == (entry.root, entry.quad_class, entry.goldstein,
                                                                  entry.plover)


def test_dates_come_from_the_sentence_or_the_publication_date() -> None:
    dated = {(e.source_country, e.cameo): (e.date, e.date_precision) for e in _events(TEXT)}
    assert dated[("PRK", "111")] == ("2025-08-23", "day")
    assert dated[("CHN", "114")] == ("2025-08-22", "day")
    assert {e.date for e in _events("北韓譴責美國。", date=None)} == {None}


def test_one_event_per_sentence_source_target_code_and_mode() -> None:
    events = _events("北韓譴責美國，並再度譴責美國。")
    assert len(events) == 1
    assert len({e.key() for e in _events(TEXT)}) == len(_events(TEXT))


def test_traditional_and_simplified_code_alike() -> None:
    hant = "韓國總統李在明今天抵達東京，下午將與日本首相石破茂舉行會談，雙方同意深化合作。"
    hans = "韩国总统李在明今天抵达东京，下午将与日本首相石破茂举行会谈，双方同意深化合作。"

    def key(text: str) -> set[tuple]:
        return {(e.source_country, e.target_country, e.cameo, e.mode) for e in _events(text)}

    assert key(hant) == key(hans) != set()


def test_group_members_keep_their_own_spans() -> None:
    text = "美日韓譴責北韓。"
    spans = {e.source_country: e.spans["source"] for e in _events(text)}
    assert spans == {"USA": (0, 1), "JPN": (1, 2), "KOR": (2, 3)}


def test_the_stage_dispatches_on_language() -> None:
    doc = prepare("北韓譴責美國。")
    assert code_events(doc, Options()).events
    assert code_events(replace(doc, lang="ja"), Options()).events == ()
    assert code_events(replace(doc, lang=None), Options()).events


def test_a_document_without_sentences_is_one_sentence() -> None:
    doc = replace(prepare("北韓譴責美國。"), sentences=())
    assert [e.sentence_index for e in code_chinese(doc, Options()).events] == [0]


_ACTORS = [("美國", "USA"), ("日本", "JPN"), ("北韓", "PRK"), ("中國", "CHN")]
_WORDS = ["譴責", "訪問", "與", "對", "，", "。", "若", "將", "會談", "被", "未", "兩國", "制裁", "的", "向", "呼籲"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([a for a, _ in _ACTORS] + _WORDS), min_size=1, max_size=25))
def test_any_sequence_codes_without_error_and_spans_stay_inside(tokens: list[str]) -> None:
    text = "".join(tokens)
    mentions, pos = [], 0
    codes = dict(_ACTORS)
    for token in tokens:
        if token in codes:
            mentions.append(Mention(pos, pos + len(token), token, codes[token], codes[token], "state"))
        pos += len(token)
    doc = Document(id="x", text=text, lang="zh", script="zh-Hant", date="2025-08-23", mentions=tuple(mentions))
    for e in code_chinese(doc, Options()).events:
        for span in e.spans.values():
            assert span is None or 0 <= span[0] < span[1] <= len(text)
        assert e.mode in ("actual", "planned", "hypothetical", "negated")
        assert e.source_country != e.target_country


def _has_slowly(text: str, words: tuple[str, ...], exclude: tuple[str, ...]) -> bool:
    """_has spelled out: scan left to right, an exclusion (longest first) consumes its span before words are tried."""
    ordered_x, ordered_w = sorted(exclude, key=len, reverse=True), sorted(words, key=len, reverse=True)
    pos = 0
    while pos < len(text):
        x = next((w for w in ordered_x if text.startswith(w, pos)), None)
        if x is not None:
            pos += len(x)
            continue
        if any(text.startswith(w, pos) for w in ordered_w):
            return True
        pos += 1
    return False


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="不未没有断再将会并日", max_size=14))
def test_word_search_with_exclusions_matches_a_plain_scan(text: str) -> None:
    from kuroshio.events.chinese import _has, _outside, _word_pattern

    words, exclude = ("不", "未", "没有", "并未"), ("不断", "未来", "不会再")
    assert _has(text, words, exclude) == _has_slowly(text, words, exclude)
    compiled = _outside(text, _word_pattern(words, ()), _word_pattern(words, exclude))
    assert compiled == _has_slowly(text, words, exclude)
