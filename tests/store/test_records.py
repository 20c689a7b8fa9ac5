"""Property: any document goes into the store and comes back equal; its content hash is stable and discriminating."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kuroshio.model import MODES, Author, Block, Document, Event, Mention, Sentence, SourceRun
from kuroshio.store import Store, content_hash, to_records

texts = st.text(max_size=40)
maybe = st.none() | texts
ints = st.integers(min_value=0, max_value=2**31 - 1)
span = st.none() | st.tuples(ints, ints)
codes = st.sampled_from(["KOR", "KORGOV", "JPN", "CHN", "USAMIL", "UNO", "PRKGOV"])
countries = st.none() | st.sampled_from(["KOR", "JPN", "CHN", "USA", "PRK"])
dates = st.none() | st.sampled_from(["2025", "2025-08", "2025-08-15", "1965-06-22", "not a date"])

events = st.builds(
    Event,
    doc=st.just("x"),
    sentence_index=ints,
    sentence=texts,
    source=codes,
    source_country=countries,
    source_text=texts,
    target=st.none() | codes,
    target_country=countries,
    target_text=maybe,
    cameo=st.sampled_from(["042", "0234", "112", "19", "190"]),
    root=st.sampled_from(["04", "02", "11", "19"]),
    quad_class=st.integers(1, 4),
    goldstein=st.floats(-10, 10, allow_nan=False),
    plover=st.none() | st.sampled_from(["CONSULT", "ACCUSE"]),
    date=dates,
    date_precision=st.none() | st.sampled_from(["day", "month", "year"]),
    mode=st.sampled_from(MODES),
    spans=st.dictionaries(st.sampled_from(["source", "target", "trigger", "extra"]), span, max_size=4),
    confidence=st.floats(0, 1, allow_nan=False),
)
documents = st.builds(
    Document,
    id=st.text(min_size=1, max_size=20),
    text=st.text(max_size=200),
    source_path=maybe,
    lang=st.none() | st.sampled_from(["zh", "en"]),
    script=st.none() | st.sampled_from(["zh-Hant", "zh-Hans", "Latn"]),
    title=maybe,
    authors=st.lists(st.builds(Author, name=texts, affiliation=maybe, role=maybe), max_size=3).map(tuple),
    publisher=maybe,
    date=dates,
    url=maybe,
    urls=st.lists(texts, max_size=3).map(tuple),
    blocks=st.lists(st.builds(Block, kind=st.sampled_from(["title", "paragraph"]), start=ints, end=ints,
                              page=st.none() | ints), max_size=3).map(tuple),  # fmt: skip
    source_runs=st.lists(st.builds(SourceRun, text_start=ints, source_start=ints, length=ints,
                                   page=st.none() | ints), max_size=3).map(tuple),  # fmt: skip
    shadow=maybe,
    sentences=st.lists(st.builds(Sentence, index=ints, start=ints, end=ints, block=ints), max_size=4).map(tuple),
    mentions=st.lists(
        st.builds(Mention, start=ints, end=ints, text=texts, code=codes, country=countries, kind=st.just("state"),
                  entity=texts, members=st.lists(codes, max_size=3).map(tuple), sentence=st.integers(-1, 9)),
        max_size=4,
    ).map(tuple),  # fmt: skip
    events=st.lists(events, max_size=5).map(tuple),
)


def _own(document: Document) -> Document:
    """Events carry their document's id (the store keeps one id per document); sentences are numbered in order."""
    sentences = tuple(replace(s, index=i) for i, s in enumerate(document.sentences))
    return replace(document, sentences=sentences, events=tuple(replace(e, doc=document.id) for e in document.events))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents.map(_own))
def test_any_document_round_trips(document):
    with Store(":memory:") as store:
        assert store.add(document) == "added"
        assert store.document(document.id) == document
        assert store.add(document) == "unchanged"
        assert store.count_events() == len(document.events)


@settings(max_examples=40, deadline=None)
@given(documents.map(_own))
def test_content_hash_is_stable_and_matches_the_records(document):
    digest = content_hash(document)
    assert digest == content_hash(replace(document))
    assert to_records([document]).column("content_hash").to_pylist() == [digest]
    assert content_hash(replace(document, text=document.text + "!")) != digest
