"""The DuckDB store: documents, sentences, mentions, events and runs, written one transaction per batch.

One process may open a store for writing; DuckDB locks the file, and a second process (reader or writer) gets a
:class:`StoreError` saying the store is locked. A crash (even ``kill -9``) between transactions loses nothing that
was committed and leaves no partial document: DuckDB's write-ahead log is replayed when the store is next opened.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from kuroshio.errors import StoreError
from kuroshio.model import Document, Event
from kuroshio.store.filters import event_where
from kuroshio.store.records import EVENT_COLUMNS, RECORD_SCHEMA, document_from_rows, event_from_row, to_records
from kuroshio.store.schema import DAY_SQL, MIGRATIONS, PAIR_SQL, SCHEMA_VERSION

log = logging.getLogger(__name__)

_EVENT_SELECT = ", ".join(["doc", *EVENT_COLUMNS])
OPTIMIZE_MIN_EVENTS = 500_000


class Store:
    """A Kuroshio event store in one DuckDB file (``":memory:"`` for a throwaway one).

    Use as a context manager. ``read_only=True`` never writes (the web server opens stores this way); ``wait`` is how
    many seconds to keep retrying while another process holds the lock. ``memory_limit`` (DuckDB's size syntax,
    e.g. ``"128MB"``) caps DuckDB's memory, its page cache included; by default DuckDB may use 80% of the machine's
    memory and keeps the pages of a store it fills, so a long writer grows with the store. ``threads`` caps DuckDB's
    threads (default: one per core).
    """

    def __init__(
        self,
        path: str | Path = "kuroshio.duckdb",
        *,
        read_only: bool = False,
        wait: float = 0.0,
        memory_limit: str | None = None,
        threads: int | None = None,
    ) -> None:
        self.path = str(path)
        self.read_only = read_only
        self._config: dict[str, str | int] = {}
        self._memory_limit = _size_bytes(memory_limit) if memory_limit is not None else None
        if memory_limit is not None:
            self._config["memory_limit"] = memory_limit
        if threads is not None:
            self._config["threads"] = threads
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"{self.path}: no such store")
        self._depth = 0  # open transactions: writes inside a batch() join its one transaction
        self._aborted = False  # a write inside a batch() failed: the batch was rolled back
        self._con: duckdb.DuckDBPyConnection | None = self._connect(wait)
        try:
            if read_only:
                self._check_version()
            else:
                self._migrate()
        except BaseException:
            self.close()
            raise

    # -- connection and schema -------------------------------------------------------------------------------------

    def _connect(self, wait: float) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + wait
        while True:
            try:
                return duckdb.connect(self.path, read_only=self.read_only, config=self._config)
            except duckdb.Error as exc:
                message = str(exc)
                locked = "lock" in message.lower()
                if locked and time.monotonic() < deadline:
                    time.sleep(0.1)
                    continue
                if locked:
                    detail = _first_line(message)
                    raise StoreError(f"{self.path}: store is locked by another process ({detail})") from None
                raise StoreError(f"{self.path}: cannot open store: {_first_line(message)}") from None

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The underlying DuckDB connection (for analyses the API does not cover; do not write through it)."""
        if self._con is None:
            raise StoreError(f"{self.path}: store is closed")
        return self._con

    def schema_version(self) -> int:
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
        ).fetchall()
        if not exists or not exists[0][0]:
            return 0
        rows = self.con.execute("SELECT max(version) FROM schema_version").fetchall()
        return int(rows[0][0]) if rows and rows[0][0] is not None else 0

    def _check_version(self) -> None:
        version = self._safe(self.schema_version, "read the schema version")
        if version == 0:
            raise StoreError(f"{self.path}: not a Kuroshio store (no schema_version table)")
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: store schema {version} is newer than this Kuroshio ({SCHEMA_VERSION})")
        if version < SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: store schema {version} is older than {SCHEMA_VERSION}; "
                "open it once for writing (kuroshio ingest, or Store(path)) to migrate"
            )

    def _migrate(self) -> None:
        con = self.con
        con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER, applied TIMESTAMP)")
        current = self._safe(self.schema_version, "read the schema version")
        if current > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: store schema {current} is newer than this Kuroshio ({SCHEMA_VERSION})")
        for version in range(current + 1, SCHEMA_VERSION + 1):
            with self._transaction(f"migrate the schema to version {version}"):
                for statement in MIGRATIONS[version]:
                    con.execute(statement)
                con.execute("INSERT INTO schema_version VALUES (?, ?)", [version, _now()])

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _safe(self, fn: Any, what: str) -> Any:
        try:
            return fn()
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot {what}: {_first_line(str(exc))}") from None

    def _transaction(self, what: str) -> _Transaction:
        return _Transaction(self, what)

    def batch(self) -> _Transaction:
        """Group the writes made inside ``with store.batch():`` into one transaction: all are stored, or none.

        Bulk loads are faster this way: DuckDB writes the rows of one large transaction once, where many small
        transactions write each to its log and again at the next checkpoint. A write that fails inside the batch
        rolls the whole batch back (and raises); later writes in the same ``with`` block raise too.
        """
        self._writable()
        return _Transaction(self, "store a batch")

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: store is open read-only")

    # -- runs --------------------------------------------------------------------------------------------------------

    def start_run(self, options: Any = None) -> str:
        """Record the start of an ingest run (package version, coding hash, dictionary checksums); returns its id."""
        from kuroshio import __version__

        self._writable()
        run_id = uuid.uuid4().hex
        user_dicts = tuple(getattr(options, "dictionaries", ()) or ())
        coding_hash = options.coding_hash() if options is not None and hasattr(options, "coding_hash") else None
        options_json = None
        if options is not None:
            try:
                from dataclasses import asdict

                options_json = json.dumps(asdict(options), sort_keys=True, default=str)
            except TypeError:
                options_json = json.dumps(repr(options))
        checksums = json.dumps(dictionary_checksums(user_dicts), sort_keys=True)
        with self._transaction("start a run"):
            self.con.execute(
                "INSERT INTO runs (id, version, coding_hash, options, dictionaries, started) VALUES (?, ?, ?, ?, ?, ?)",
                [run_id, __version__, coding_hash, options_json, checksums, _now()],
            )
        return run_id

    def finish_run(self, run_id: str, *, documents: int, events: int, failed: int) -> None:
        """Record the end of a run; then re-cluster the events table if much of it is unclustered (:meth:`optimize`)."""
        self._writable()
        with self._transaction("finish a run"):
            self.con.execute(
                "UPDATE runs SET finished = ?, documents = ?, events = ?, failed = ? WHERE id = ?",
                [_now(), documents, events, failed, run_id],
            )
        self.optimize()

    # -- maintenance ------------------------------------------------------------------------------------------------

    def _meta(self, key: str) -> str | None:
        rows = self.con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchall()
        return rows[0][0] if rows else None

    def _set_meta(self, key: str, value: str) -> None:
        self.con.execute("DELETE FROM meta WHERE key = ?", [key])
        self.con.execute("INSERT INTO meta VALUES (?, ?)", [key, value])

    def optimize(self, *, force: bool = False) -> bool:
        """Rewrite the events table ordered by dyad and date, so that dyad queries read only their part of it.

        Runs when ``force`` or when at least ``OPTIMIZE_MIN_EVENTS`` events and a quarter of the table were added
        since the last time (small stores are fast without it). One transaction; returns whether it ran.
        """
        self._writable()
        total = int(self._rows("SELECT count(*) FROM events")[0][0])
        clustered = int(self._safe(lambda: self._meta("events_clustered") or 0, "read the store's bookkeeping"))
        tail = abs(total - clustered)
        if not force and (tail < OPTIMIZE_MIN_EVENTS or tail < total / 4):
            return False
        with self._transaction("optimize the events table"):
            con = self.con
            con.execute("DROP TABLE IF EXISTS events_clustered")
            con.execute("CREATE TABLE events_clustered AS SELECT * FROM events ORDER BY pair, day, doc, idx")
            con.execute("DROP TABLE events")
            con.execute("ALTER TABLE events_clustered RENAME TO events")
            self._set_meta("events_clustered", str(total))
        self._safe(lambda: self.con.execute("CHECKPOINT"), "checkpoint the store")
        return True

    def runs(self) -> list[dict[str, Any]]:
        rows = self._dicts("SELECT * FROM runs ORDER BY started")
        for row in rows:
            row["dictionaries"] = json.loads(row["dictionaries"]) if row["dictionaries"] else {}
            row["options"] = json.loads(row["options"]) if row["options"] else None
            for key in ("started", "finished"):
                row[key] = row[key].isoformat() if row[key] is not None else None
        return rows

    # -- writing ----------------------------------------------------------------------------------------------------

    def add(self, document: Document, *, run_id: str | None = None) -> str:
        """Store one document with its rows in one transaction: 'added', 'unchanged' or 'replaced'."""
        return self.add_many([document], run_id=run_id)[0]

    def add_many(self, documents: Iterable[Document], *, run_id: str | None = None) -> list[str]:
        """Store a batch of documents in one transaction (bulk, through Arrow); one status per document."""
        return self.add_records(to_records(documents), run_id=run_id)

    def add_records(self, table: pa.Table | pa.RecordBatch, *, run_id: str | None = None) -> list[str]:
        """Store documents given as Arrow rows (:func:`kuroshio.store.records.to_records`), in one transaction.

        A document whose id is stored with the same content hash is left alone ('unchanged'); with another hash its
        old rows are deleted and the new ones inserted ('replaced'). When an id repeats in the batch, the last wins.
        """
        self._writable()
        if isinstance(table, pa.RecordBatch):
            table = pa.Table.from_batches([table])
        if table.num_rows == 0:
            return []
        ids: list[str] = table.column("id").to_pylist()
        hashes: list[str] = table.column("content_hash").to_pylist()
        with self._memory_for(table.nbytes), self._transaction("store documents"):
            con = self.con
            stored = dict(
                con.execute(
                    "SELECT id, content_hash FROM documents WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                    [sorted(set(ids))],
                ).fetchall()
            )
            statuses: list[str] = []
            current = dict(stored)
            last: dict[str, int] = {}
            for i, (doc_id, digest) in enumerate(zip(ids, hashes, strict=True)):
                if doc_id in current:
                    statuses.append("unchanged" if current[doc_id] == digest else "replaced")
                else:
                    statuses.append("added")
                current[doc_id] = digest
                last[doc_id] = i
            write = sorted(i for doc_id, i in last.items() if stored.get(doc_id) != hashes[i])
            replace = [ids[i] for i in write if ids[i] in stored]
            if replace:
                for name in ("events", "mentions", "sentences"):
                    con.execute(f"DELETE FROM {name} WHERE doc IN (SELECT unnest(?::VARCHAR[]))", [replace])
                con.execute("DELETE FROM documents WHERE id IN (SELECT unnest(?::VARCHAR[]))", [replace])
            if write:
                batch = table if len(write) == table.num_rows else table.take(pa.array(write, type=pa.int64()))
                self._insert(batch, run_id)
        return statuses

    def add_parquet(self, path: str | Path, *, run_id: str | None = None) -> list[str]:
        """Store the documents of a Parquet file of Arrow rows (as :meth:`add_records`), in one transaction."""
        import pyarrow.parquet as pq

        try:
            table = pq.read_table(path, schema=RECORD_SCHEMA, use_threads=False)
        except (pa.ArrowException, OSError) as exc:
            raise StoreError(f"{path}: cannot read the Parquet rows: {exc}") from None
        return self.add_records(table, run_id=run_id)

    @contextmanager
    def _memory_for(self, nbytes: int) -> Iterator[None]:
        """Raise a low ``memory_limit`` for one batch that needs more (about three times its Arrow size), then restore
        it: a cap keeps a long writer small, but must not refuse one large document."""
        need = 3 * nbytes + (16 << 20)
        if self._memory_limit is None or need <= self._memory_limit:
            yield
            return
        self.con.execute(f"SET memory_limit = '{need}B'")
        try:
            yield
        finally:
            self.con.execute(f"SET memory_limit = '{self._memory_limit}B'")

    def _insert(self, batch: pa.Table, run_id: str | None) -> None:
        con = self.con
        name = f"_kuroshio_batch_{uuid.uuid4().hex[:8]}"
        con.register(name, batch)
        try:
            con.execute(
                f"""INSERT INTO documents SELECT id, content_hash, ?, ?, source_path, lang, script, title, authors,
                    publisher, date, url, urls, text, shadow, blocks, source_runs,
                    len(sentences), len(mentions), len(events) FROM {name}""",
                [run_id, _now()],
            )
            con.execute(
                f"""INSERT INTO sentences SELECT id, s.idx, s.start, s."end", s.block
                    FROM (SELECT id, unnest(sentences) AS s FROM {name})"""
            )
            con.execute(
                f"""INSERT INTO mentions SELECT id, m.idx, m.start, m."end", m.text, m.code, m.country, m.kind,
                    m.entity, m.members, m.sentence FROM (SELECT id, unnest(mentions) AS m FROM {name})"""
            )
            day = DAY_SQL.format(col="e.date")
            pair = PAIR_SQL.format(s="e.source", sc="e.source_country", t="e.target", tc="e.target_country")
            columns = f"doc, idx, {', '.join(EVENT_COLUMNS)}, day, pair, date_len"
            # Rows sorted by dyad and date: DuckDB's zone maps then let dyad queries skip most of a large batch.
            con.execute(
                f"""INSERT INTO events ({columns}) SELECT {columns} FROM (
                    SELECT id AS doc, e.idx AS idx, {", ".join(f"e.{c} AS {c}" for c in EVENT_COLUMNS)},
                        {day} AS day, {pair} AS pair, length(e.date) AS date_len
                    FROM (SELECT id, unnest(events) AS e FROM {name})
                ) ORDER BY pair, day"""
            )
        finally:
            con.unregister(name)

    def delete(self, doc_id: str) -> bool:
        """Remove a document and its rows; False when it was not stored."""
        self._writable()
        with self._transaction("delete a document"):
            found = self.con.execute("SELECT count(*) FROM documents WHERE id = ?", [doc_id]).fetchall()[0]
            for name in ("events", "mentions", "sentences"):
                self.con.execute(f"DELETE FROM {name} WHERE doc = ?", [doc_id])
            self.con.execute("DELETE FROM documents WHERE id = ?", [doc_id])
        return bool(found and found[0])

    # -- reading documents ------------------------------------------------------------------------------------------

    def _dicts(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        def run() -> list[dict[str, Any]]:
            cur = self.con.execute(sql, params or [])
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

        return self._safe(run, "query the store")  # type: ignore[no-any-return]

    def _rows(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        return self._safe(lambda: self.con.execute(sql, params or []).fetchall(), "query the store")  # type: ignore[no-any-return]

    def has_document(self, doc_id: str) -> bool:
        return bool(self._rows("SELECT 1 FROM documents WHERE id = ? LIMIT 1", [doc_id]))

    def document(self, doc_id: str) -> Document | None:
        """The full Document back (text, structure, sentences, mentions, events), or None."""
        found = self._dicts("SELECT * FROM documents WHERE id = ?", [doc_id])
        if not found:
            return None
        sentences = self._rows('SELECT idx, "start", "end", block FROM sentences WHERE doc = ? ORDER BY idx', [doc_id])
        mentions = self._rows(
            'SELECT "start", "end", text, code, country, kind, entity, members, sentence FROM mentions '
            "WHERE doc = ? ORDER BY idx",
            [doc_id],
        )
        events = self._rows(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE doc = ? ORDER BY idx", [doc_id])
        return document_from_rows(found[0], sentences, mentions, events)

    def documents(self, *, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Stored documents, newest publication date first: id, title, date, lang, source_path, url, counts."""
        return self._dicts(
            "SELECT id, title, date, lang, source_path, url, n_sentences, n_mentions, n_events FROM documents "
            "ORDER BY date DESC NULLS LAST, id LIMIT ? OFFSET ?",
            [int(limit), int(offset)],
        )

    def count_documents(self) -> int:
        return int(self._rows("SELECT count(*) FROM documents")[0][0])

    # -- reading events ----------------------------------------------------------------------------------------------

    def events(
        self,
        *,
        source: str | None = None,
        target: str | None = None,
        code: str | None = None,
        root: str | None = None,
        quad_class: int | None = None,
        mode: str | None = None,
        since: str | None = None,
        until: str | None = None,
        doc: str | None = None,
        q: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        newest_first: bool = False,
    ) -> list[Event]:
        """Stored events matching every filter given, by date (undated last), document and position.

        ``source``/``target``: a country (KOR, matches KORGOV too) or a full actor code; ``code``: a CAMEO prefix;
        ``since``/``until``: YYYY, YYYY-MM or YYYY-MM-DD, compared with the first day of each event's date;
        ``q``: case-insensitive substring of the evidence sentence or of the actor texts.
        """
        where = event_where(
            source=source, target=target, code=code, root=root, quad_class=quad_class, mode=mode,
            since=since, until=until, doc=doc, q=q,
        )  # fmt: skip
        order = "day DESC NULLS LAST, doc, idx" if newest_first else "day NULLS LAST, doc, idx"
        sql = f"SELECT {_EVENT_SELECT} FROM events {where.sql()} ORDER BY {order}"
        params = list(where.params)
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        if offset:
            sql += " OFFSET ?"
            params.append(int(offset))
        return [event_from_row(row[0], row[1:]) for row in self._rows(sql, params)]

    def count_events(self, **filters: Any) -> int:
        """How many stored events match the filters of :meth:`events`."""
        where = event_where(**filters)
        return int(self._rows(f"SELECT count(*) FROM events {where.sql()}", where.params)[0][0])

    # -- analyses (kuroshio.analyze) --------------------------------------------------------------------------------

    def dyad_series(
        self,
        a: str,
        b: str,
        *,
        freq: str = "month",
        direction: str = "both",
        since: str | None = None,
        until: str | None = None,
        mode: str | None = "actual",
        fill: bool = True,
    ) -> list[dict[str, Any]]:
        """Per-period counts by quad class and Goldstein mean/sum of the events between ``a`` and ``b``.

        Periods without events are included (zeros) unless ``fill=False``. See :func:`kuroshio.analyze.dyad_series`.
        """
        from kuroshio.analyze import dyad_series

        return self._safe(
            lambda: dyad_series(
                self.con, a, b, freq=freq, direction=direction, since=since, until=until, mode=mode, fill=fill
            ),
            "compute a dyad series",
        )  # type: ignore[no-any-return]

    def network(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        mode: str | None = "actual",
        min_count: int = 1,
        level: str = "country",
        domestic: bool = True,
    ) -> dict[str, list[dict[str, Any]]]:
        """Actors as nodes, directed event counts and mean Goldstein as edges."""
        from kuroshio.analyze import network

        return self._safe(
            lambda: network(
                self.con, since=since, until=until, mode=mode, min_count=min_count, level=level, domestic=domestic
            ),
            "compute the network",
        )  # type: ignore[no-any-return]

    def top_dyads(
        self,
        n: int = 10,
        *,
        since: str | None = None,
        until: str | None = None,
        mode: str | None = "actual",
        level: str = "country",
        domestic: bool = False,
    ) -> list[dict[str, Any]]:
        """The ``n`` directed dyads with most events: source, target, events, goldstein_mean."""
        from kuroshio.analyze import top_dyads

        return self._safe(
            lambda: top_dyads(self.con, n, since=since, until=until, mode=mode, level=level, domestic=domestic),
            "compute top dyads",
        )  # type: ignore[no-any-return]

    def top_actors(
        self,
        n: int = 10,
        *,
        since: str | None = None,
        until: str | None = None,
        mode: str | None = "actual",
        level: str = "country",
    ) -> list[dict[str, Any]]:
        """The ``n`` actors in most events: actor, events, as_source, as_target, goldstein_mean."""
        from kuroshio.analyze import top_actors

        return self._safe(
            lambda: top_actors(self.con, n, since=since, until=until, mode=mode, level=level),
            "compute top actors",
        )  # type: ignore[no-any-return]

    def timeline(
        self,
        a: str,
        b: str,
        *,
        direction: str = "both",
        since: str | None = None,
        until: str | None = None,
        mode: str | None = None,
        limit: int | None = None,
    ) -> list[Event]:
        """The events between ``a`` and ``b`` with their evidence sentences, oldest first."""
        from kuroshio.analyze import dyad_where

        where = dyad_where(a, b, direction=direction, since=since, until=until, mode=mode)
        sql = f"SELECT {_EVENT_SELECT} FROM events {where.sql()} ORDER BY day NULLS LAST, doc, idx"
        params = list(where.params)
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return [event_from_row(row[0], row[1:]) for row in self._rows(sql, params)]

    def stats(self) -> dict[str, Any]:
        """Counts of documents, sentences, mentions, events and runs; first and last event date."""
        counts = {name: int(self._rows(f"SELECT count(*) FROM {name}")[0][0]) for name in
                  ("documents", "sentences", "mentions", "events", "runs")}  # fmt: skip
        first, last = self._rows("SELECT min(day), max(day) FROM events")[0]
        counts["first_date"] = first.isoformat() if first else None
        counts["last_date"] = last.isoformat() if last else None
        counts["schema_version"] = self.schema_version()
        return counts


class _Transaction:
    """BEGIN ... COMMIT, or ROLLBACK on any exception (turning DuckDB errors into StoreError). Nested transactions
    join the outermost one (:meth:`Store.batch`): only it begins and commits; a failure inside rolls all back."""

    def __init__(self, store: Store, what: str) -> None:
        self.store = store
        self.what = what

    def __enter__(self) -> None:
        store = self.store
        if store._aborted:
            raise StoreError(f"{store.path}: cannot {self.what}: an earlier write of this batch failed and was undone")
        if store._depth == 0:
            store.con.begin()
        store._depth += 1

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: object) -> bool:
        store = self.store
        store._depth -= 1
        outermost = store._depth == 0
        if store._aborted:  # a write inside failed and rolled the batch back
            store._aborted = not outermost
            if exc_type is None and outermost:
                raise StoreError(f"{store.path}: cannot {self.what}: a write of it failed; none of it was stored")
            return False
        if exc_type is None:
            if outermost:
                try:
                    store.con.commit()
                except duckdb.Error as error:
                    _rollback(store.con)
                    raise StoreError(f"{store.path}: cannot {self.what}: {_first_line(str(error))}") from None
            return False
        if store._con is not None:
            _rollback(store._con)
        store._aborted = not outermost  # the rest of an enclosing batch must not go on in autocommit mode
        if isinstance(exc, duckdb.Error):
            raise StoreError(f"{store.path}: cannot {self.what}: {_first_line(str(exc))}") from None
        return False


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    try:
        con.rollback()
    except duckdb.Error:  # no transaction left to roll back
        log.debug("rollback failed", exc_info=True)


_UNITS = {"": 1, "b": 1, "kb": 1000, "mb": 1000**2, "gb": 1000**3, "tb": 1000**4,
          "kib": 1024, "mib": 1024**2, "gib": 1024**3, "tib": 1024**4}  # fmt: skip


def _size_bytes(size: str) -> int:
    """``"64MB"`` -> 64000000 (DuckDB's size syntax; a StoreError for anything else)."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", size)
    if not match or match.group(2).lower() not in _UNITS:
        raise StoreError(f"memory_limit must be a size such as '64MB' or '1GiB', not {size!r}")
    return int(float(match.group(1)) * _UNITS[match.group(2).lower()])


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _first_line(message: str) -> str:
    return message.strip().splitlines()[0] if message.strip() else message


def dictionary_checksums(user_files: Iterable[str] = ()) -> dict[str, str]:
    """sha256 of every bundled data file (``kuroshio/data``) and of each user dictionary file."""
    sums: dict[str, str] = {}

    def walk(node: Any, prefix: str) -> None:
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            if child.name.startswith(("_", ".")) or child.name.endswith(".py"):
                continue
            if child.is_dir():
                walk(child, f"{prefix}{child.name}/")
            else:
                sums[f"{prefix}{child.name}"] = hashlib.sha256(child.read_bytes()).hexdigest()

    walk(resources.files("kuroshio.data"), "")
    for path in user_files:
        try:
            sums[f"user:{path}"] = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        except OSError:
            sums[f"user:{path}"] = "unreadable"
    return sums
