"""The public Python API: read, code, process, Store."""

import pickle

import pytest

import kuroshio
from kuroshio.errors import IngestError

TEXT = "韓國總統昨日抵達東京訪問，與日本首相舉行會談。\n\n日本政府強烈譴責北韓發射彈道飛彈。\n"


def test_read_text_and_path_give_the_same_document(tmp_path):
    path = tmp_path / "news.txt"
    path.write_text(TEXT, encoding="utf-8")
    from_path = kuroshio.read(path)
    from_text = kuroshio.read(TEXT)
    assert from_path.text == from_text.text
    assert from_path.id == "news.txt"  # a file keeps its name as id
    assert len(from_text.id) == 16  # text without a name gets a content hash


def test_code_returns_events_with_evidence():
    events = kuroshio.code(kuroshio.read(TEXT, date="2025-08-24"))
    assert events
    doc = kuroshio.process(TEXT, date="2025-08-24")
    for event in events:
        start, end = event.spans["trigger"]
        assert doc.text[start:end] in event.sentence


def test_processed_documents_pickle(tmp_path):
    doc = kuroshio.process(TEXT, date="2025-08-24")
    assert pickle.loads(pickle.dumps(doc)) == doc


def test_read_missing_file_is_an_ingest_error(tmp_path):
    with pytest.raises(IngestError, match="no such file"):
        kuroshio.read(tmp_path / "absent.txt")


def test_store_round_trip(tmp_path):
    doc = kuroshio.process(TEXT, date="2025-08-24")
    with kuroshio.Store(tmp_path / "s.duckdb") as store:
        assert store.add(doc) == "added"
        assert store.add(doc) == "unchanged"
        assert len(store.events()) == len(doc.events)


def test_long_one_line_text_is_read_as_text():
    text = "日本政府強烈譴責北韓發射彈道飛彈，" * 40 + "並呼籲國際社會合作。"
    assert kuroshio.read(text).text.startswith("日本政府")
