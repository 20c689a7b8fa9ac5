"""The store: idempotent writes, full round trips, filters, runs provenance, schema versions, read-only opening."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from importlib import resources

import pytest

from kuroshio.config import Options
from kuroshio.errors import StoreError, UsageError
from kuroshio.store import Store, to_records


def test_add_is_idempotent_and_replaces_changed_content(store, factory):
    doc = factory.make_document("d1")
    assert store.add(doc) == "added"
    assert store.add(doc) == "unchanged"
    assert store.stats()["events"] == 2
    changed = factory.make_document("d1", [("KOR", "JPN", "112")])
    assert store.add(changed) == "replaced"
    stats = store.stats()
    assert (stats["documents"], stats["events"], stats["sentences"], stats["mentions"]) == (1, 1, 3, 3)
    assert [e.cameo for e in store.events()] == ["112"]


def test_document_round_trips_exactly(store, factory):
    specs = [("KORGOV", "JPN", "042"), ("JPN", None, "0233", "2025-08"), ("USA", "CHN", "190")]
    doc = factory.make_document("d1", specs)
    doc = replace(doc, shadow=doc.text.lower(), script="Latn")
    store.add(doc)
    assert store.document("d1") == doc
    assert store.document("missing") is None
    assert store.has_document("d1") and not store.has_document("d2")


def test_add_many_statuses_and_duplicate_ids_in_a_batch(store, factory):
    a, b = factory.make_document("a"), factory.make_document("b")
    assert store.add_many([a, b]) == ["added", "added"]
    b2 = factory.make_document("b", [("CHN", "USA", "111")])
    c = factory.make_document("c")
    assert store.add_many([a, b2, c, c]) == ["unchanged", "replaced", "added", "unchanged"]
    assert store.count_documents() == 3
    assert store.document("b") == b2
    assert store.count_events(doc="c") == 2


def test_add_records_is_what_add_many_does(tmp_path, factory):
    docs = [factory.make_document(f"d{i}") for i in range(3)]
    with Store(tmp_path / "a.duckdb") as one, Store(tmp_path / "b.duckdb") as two:
        one.add_many(docs)
        two.add_records(to_records(docs))
        assert one.stats() == two.stats()
        assert [one.document(d.id) for d in docs] == [two.document(d.id) for d in docs]


def test_add_parquet_loads_a_file_of_records(tmp_path, factory):
    import pyarrow.parquet as pq

    docs = [factory.make_document(f"d{i}") for i in range(3)]
    pq.write_table(to_records(docs), tmp_path / "rows.parquet")
    with Store(tmp_path / "p.duckdb") as store:
        assert store.add_parquet(tmp_path / "rows.parquet") == ["added"] * 3
        assert store.add_parquet(tmp_path / "rows.parquet") == ["unchanged"] * 3
        assert [store.document(d.id) for d in docs] == docs
    (tmp_path / "bad.parquet").write_bytes(b"not parquet")
    with Store(tmp_path / "p.duckdb") as store, pytest.raises(StoreError, match="bad.parquet"):
        store.add_parquet(tmp_path / "bad.parquet")


def test_a_batch_stores_all_of_its_writes_or_none(tmp_path, factory, monkeypatch):
    import duckdb
    import pyarrow.parquet as pq

    pq.write_table(to_records([factory.make_document("p")]), tmp_path / "rows.parquet")
    (tmp_path / "bad.parquet").write_bytes(b"not parquet")
    with Store(tmp_path / "b.duckdb") as store:
        with store.batch():
            assert store.add(factory.make_document("a")) == "added"
            assert store.add_parquet(tmp_path / "rows.parquet") == ["added"]
            assert store.count_documents() == 2  # the batch sees its own writes
        with pytest.raises(StoreError, match="bad.parquet"), store.batch():
            store.add(factory.make_document("c"))
            store.add_parquet(tmp_path / "bad.parquet")  # the run stops: "c" is undone with the batch

        insert = store._insert

        def half_way(batch, run_id):  # a write that fails after some of its rows went in (a full disk, say)
            insert(batch, run_id)
            raise duckdb.IOException("disk full")

        with pytest.raises(StoreError, match="none of it was stored"), store.batch():
            store.add(factory.make_document("d"))
            monkeypatch.setattr(store, "_insert", half_way)
            with pytest.raises(StoreError, match="disk full"):
                store.add(factory.make_document("e"))
            monkeypatch.setattr(store, "_insert", insert)
            with pytest.raises(StoreError, match="earlier write of this batch failed"):
                store.add(factory.make_document("g"))  # not stored on its own after the batch was undone
        assert store.add(factory.make_document("f")) == "added"  # the store goes on after a failed batch
    with Store(tmp_path / "b.duckdb", read_only=True) as store:
        assert sorted(d["id"] for d in store.documents()) == ["a", "f", "p"]


def test_memory_limit_and_threads_are_store_options(tmp_path):
    with Store(tmp_path / "m.duckdb", memory_limit="64MB", threads=1) as store:
        sql = "SELECT current_setting('memory_limit'), current_setting('threads')"
        limit, threads = store.con.execute(sql).fetchone()
    assert limit.startswith("61") and threads == 1  # DuckDB reports 64 MB as 61.0 MiB


def test_a_batch_larger_than_the_memory_limit_is_still_stored(tmp_path, factory):
    big = replace(factory.make_document("big"), text="中國與日本舉行會談。" * 1_000_000)  # 30 MB of text
    with Store(tmp_path / "l.duckdb", memory_limit="16MB") as store:  # the ingest writer's kind of cap
        assert store.add(big) == "added"
        assert store.con.execute("SELECT current_setting('memory_limit')").fetchone()[0].startswith("15")
    with Store(tmp_path / "l.duckdb", read_only=True) as store:
        assert store.document("big") == big
    with pytest.raises(StoreError, match="memory_limit"):
        Store(tmp_path / "l.duckdb", memory_limit="lots")


def test_delete_removes_every_row(store, factory):
    store.add(factory.make_document("d1"))
    assert store.delete("d1") is True
    assert store.delete("d1") is False
    stats = store.stats()
    assert (stats["documents"], stats["events"], stats["sentences"], stats["mentions"]) == (0, 0, 0, 0)


@pytest.fixture
def filled(store, factory):
    store.add(factory.make_document("d1", [("KORGOV", "JPN", "042", "2019-07-01"), ("JPN", "KOR", "1121", "2019-07")]))
    store.add(factory.make_document("d2", [("CHN", "USAGOV", "0234", "2025"), ("USA", "CHN", "190", "2025-08-15")]))
    store.add(factory.make_document("d3", [("KOR", "JPN", "057", "2025-09-02", "planned"), ("PRK", None, "138")]))
    return store


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, 6),
        ({"source": "KOR"}, 2),  # KORGOV and KOR
        ({"source": "KORGOV"}, 1),
        ({"source": "korgov"}, 1),
        ({"target": "USA"}, 1),
        ({"target": "JPN", "source": "KOR"}, 2),
        ({"code": "11"}, 1),
        ({"code": "1121"}, 1),
        ({"code": "0"}, 3),
        ({"root": "19"}, 1),
        ({"quad_class": 4}, 1),
        ({"mode": "planned"}, 1),
        ({"since": "2025"}, 4),
        ({"since": "2025-08"}, 3),
        ({"since": "2025-08-16"}, 1),
        ({"until": "2019"}, 2),
        ({"until": "2019-06"}, 0),
        ({"since": "2019-07-01", "until": "2019-07-01"}, 2),  # '2019-07' starts on 2019-07-01
        ({"doc": "d2"}, 2),
        ({"q": "MILITARY"}, 3),
        ({"q": "south korea"}, 3),
    ],
)
def test_event_filters(filled, filters, expected):
    assert len(filled.events(**filters)) == expected
    assert filled.count_events(**filters) == expected


def test_events_are_ordered_by_date_and_paginate(filled):
    dates = [e.date for e in filled.events()]
    assert dates[:2] == ["2019-07-01", "2019-07"]
    everything = filled.events()
    assert filled.events(limit=2, offset=1) == everything[1:3]
    newest = filled.events(newest_first=True, limit=1)[0]
    assert newest.date == "2025-09-02"


def test_text_search_finds_chinese(store, factory):
    doc = factory.make_document("zh", [("CHN", "JPN", "112")])
    event = replace(doc.events[0], sentence="中方強烈譴責日本的挑釁行為。")
    store.add(replace(doc, events=(event,)))
    assert store.count_events(q="譴責") == 1
    assert store.count_events(q="讚揚") == 0


@pytest.mark.parametrize(
    "filters",
    [{"since": "2025-13"}, {"until": "last year"}, {"mode": "maybe"}, {"code": "04a"}, {"quad_class": 5}],
)
def test_bad_filters_are_usage_errors(filled, filters):
    with pytest.raises(UsageError):
        filled.events(**filters)


def test_documents_listing(filled):
    listed = filled.documents()
    assert {d["id"] for d in listed} == {"d1", "d2", "d3"}
    assert all(d["n_events"] == 2 for d in listed)
    assert len(filled.documents(limit=1, offset=2)) == 1


def test_stats(filled):
    stats = filled.stats()
    assert stats["documents"] == 3 and stats["events"] == 6
    assert stats["first_date"] == "2019-07-01"
    assert stats["last_date"] == "2025-09-02"


def test_runs_record_provenance(store, factory):
    options = Options(lang="en")
    run = store.start_run(options)
    status = store.add(factory.make_document("d1"), run_id=run)
    store.finish_run(run, documents=1, events=2, failed=0)
    (recorded,) = store.runs()
    assert status == "added"
    assert recorded["id"] == run
    assert recorded["coding_hash"] == options.coding_hash()
    assert recorded["options"]["lang"] == "en"
    assert (recorded["documents"], recorded["events"], recorded["failed"]) == (1, 2, 0)
    assert recorded["finished"] >= recorded["started"]
    cameo = resources.files("kuroshio.data").joinpath("cameo.tsv").read_bytes()
    assert recorded["dictionaries"]["cameo.tsv"] == hashlib.sha256(cameo).hexdigest()
    assert store.con.execute("SELECT run_id FROM documents").fetchall() == [(run,)]


def test_read_only_store_refuses_writes_and_missing_files(tmp_path, factory):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.add(factory.make_document("d1"))
    with Store(path, read_only=True) as ro:
        assert ro.count_events() == 2
        with pytest.raises(StoreError, match="read-only"):
            ro.add(factory.make_document("d2"))
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_a_file_that_is_not_a_store_is_a_store_error(tmp_path):
    path = tmp_path / "junk.duckdb"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="junk.duckdb"):
        Store(path)


def test_closed_store_says_so(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.stats()


def test_optimize_clusters_events_without_changing_answers(store, factory, monkeypatch):
    docs = factory.many_documents(6, 8)
    store.add_many(docs)
    before = (store.events(), store.dyad_series("KOR", "JPN"), store.network())
    assert store.optimize() is False  # a small store is left alone
    assert store.optimize(force=True) is True
    assert (store.events(), store.dyad_series("KOR", "JPN"), store.network()) == before
    pairs = [r[0] for r in store.con.execute("SELECT pair FROM events").fetchall()]
    assert pairs == sorted(pairs)  # physically clustered by dyad
    extra = factory.make_document("later", [("PRK", "USA", "138")])
    assert store.add(extra) == "added"
    assert store.document("later") == extra
    assert [d.id for d in docs if store.document(d.id) != d] == []


def test_finish_run_optimizes_once_enough_was_added(store, factory, monkeypatch):
    import kuroshio.store.store as module

    monkeypatch.setattr(module, "OPTIMIZE_MIN_EVENTS", 5)
    run = store.start_run(None)
    store.add_many(factory.many_documents(3, 4))
    store.finish_run(run, documents=3, events=12, failed=0)
    assert store.con.execute("SELECT value FROM meta WHERE key = 'events_clustered'").fetchall() == [("12",)]
    assert store.optimize() is False  # nothing new since
