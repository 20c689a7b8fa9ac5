"""Schema versions and migrations: old stores are migrated when opened for writing, never silently misread."""

from __future__ import annotations

import duckdb
import pytest

from kuroshio.errors import StoreError
from kuroshio.store import SCHEMA_VERSION, Store
from kuroshio.store.schema import MIGRATIONS


def _make_v1_store(path) -> None:  # type: ignore[no-untyped-def]
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_version (version INTEGER, applied TIMESTAMP)")
    for statement in MIGRATIONS[1]:
        con.execute(statement)
    con.execute("INSERT INTO schema_version VALUES (1, now()::TIMESTAMP)")
    con.execute(
        "INSERT INTO documents (id, content_hash, text, n_events) VALUES ('old', 'h', 'Old text.', 2)"
    )
    con.execute(
        """INSERT INTO events (doc, idx, source, source_country, target, target_country, cameo, root, quad_class,
           goldstein, date, day, mode) VALUES
           ('old', 0, 'KORGOV', 'KOR', 'JPN', 'JPN', '042', '04', 1, 1.9, '2019-07', DATE '2019-07-01', 'actual'),
           ('old', 1, 'JPN', 'JPN', 'KOR', 'KOR', '112', '11', 3, -2.0, '2019-08-02', DATE '2019-08-02', 'actual')"""
    )
    con.close()


def test_migrations_are_numbered_without_gaps():
    assert sorted(MIGRATIONS) == list(range(1, SCHEMA_VERSION + 1))


def test_fresh_store_has_the_current_version(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        assert store.schema_version() == SCHEMA_VERSION
    with Store(tmp_path / "s.duckdb") as again:  # reopening applies nothing twice
        rows = again.con.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
        assert [r[0] for r in rows] == list(range(1, SCHEMA_VERSION + 1))


def test_old_store_is_migrated_when_opened_for_writing(tmp_path):
    path = tmp_path / "v1.duckdb"
    _make_v1_store(path)
    with pytest.raises(StoreError, match="older"):
        Store(path, read_only=True)
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.con.execute("SELECT pair, date_len FROM events ORDER BY idx").fetchall() == [
            ("JPN|KOR", 7),
            ("JPN|KOR", 10),
        ]
        series = store.dyad_series("KOR", "JPN")
        assert [(r["period"], r["events"]) for r in series] == [("2019-07", 1), ("2019-08", 1)]
    with Store(path, read_only=True) as ro:
        assert ro.count_events(source="KOR") == 1


def test_newer_store_is_refused(tmp_path):
    path = tmp_path / "future.duckdb"
    with Store(path) as store:
        store.con.execute("INSERT INTO schema_version VALUES (?, now()::TIMESTAMP)", [SCHEMA_VERSION + 1])
    for read_only in (False, True):
        with pytest.raises(StoreError, match="newer"):
            Store(path, read_only=read_only)
