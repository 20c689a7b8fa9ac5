"""Exports of stored events (GDELT 2.0 table, PLOVER/POLECAT JSON, Parquet, CSV, JSONL) and import from Parquet.

Exports stream from DuckDB in Arrow batches, so they run in bounded memory on large stores. The filters are those of
:meth:`kuroshio.store.Store.events`. Mappings: docs/store.md.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pyarrow as pa

from kuroshio.errors import StoreError, UsageError
from kuroshio.export.gdelt import GDELT_COLUMNS, gdelt_row
from kuroshio.export.plover import plover_record
from kuroshio.model import Document, Event
from kuroshio.store import Store
from kuroshio.store.filters import event_where
from kuroshio.store.records import EVENT_COLUMNS, spans_from_json

FORMATS = ("gdelt", "plover", "parquet", "csv", "jsonl")
RECORD_FIELDS = ("doc", *EVENT_COLUMNS)  # the §3 record, in its order (spans as a JSON string in tables)
DOC_FIELDS = ("doc_title", "doc_date", "doc_url", "doc_source_path", "doc_lang")
TABLE_FIELDS = (*RECORD_FIELDS, *DOC_FIELDS)
_REQUIRED = frozenset(RECORD_FIELDS)

__all__ = ["FORMATS", "GDELT_COLUMNS", "TABLE_FIELDS", "export_events", "import_parquet"]


def _batches(store: Store, filters: dict[str, Any], batch_size: int) -> Iterator[pa.RecordBatch]:
    where = event_where(**filters)
    event_cols = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
    sql = f"""SELECT e.doc, {event_cols}, d.title AS doc_title, d.date AS doc_date, d.url AS doc_url,
            d.source_path AS doc_source_path, d.lang AS doc_lang, e.idx, e.day, d.added_at AS doc_added
        FROM (SELECT * FROM events {where.sql()}) AS e LEFT JOIN documents AS d ON d.id = e.doc
        ORDER BY e.day NULLS LAST, e.doc, e.idx"""
    try:
        relation = store.con.cursor().sql(sql, params=where.params)
        reader = getattr(relation, "to_arrow_reader", None) or relation.fetch_arrow_reader  # DuckDB 2 / 1.x
        yield from reader(batch_size)
    except Exception as exc:  # duckdb.Error; duckdb is imported by the store
        if isinstance(exc, StoreError | UsageError):
            raise
        raise StoreError(f"{store.path}: cannot read events for export: {exc}") from None


def export_events(
    store: Store, fmt: str, out: str | Path | IO[str], *, batch_size: int = 50_000, **filters: Any
) -> int:
    """Write the events matching ``filters`` to ``out`` (a path; a text stream for gdelt/plover/csv/jsonl).

    Returns the number of records written. GDELT and PLOVER take ``mode="actual"`` unless a mode is given (neither
    format has a place for planned, hypothetical or negated events); PLOVER leaves out events whose CAMEO code has no
    PLOVER type (root 01).
    """
    if fmt not in FORMATS:
        raise UsageError(f"export format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if fmt in ("gdelt", "plover") and not filters.get("mode"):
        filters["mode"] = "actual"
    event_where(**filters)  # bad filters fail here, before any file is written
    if fmt == "parquet":
        if not isinstance(out, str | Path):
            raise UsageError("parquet export needs a file path")
        return _write_parquet(_batches(store, filters, batch_size), Path(out))
    if isinstance(out, str | Path):
        try:
            with open(out, "w", encoding="utf-8", newline="") as fh:
                return _write_text(fmt, _batches(store, filters, batch_size), fh)
        except OSError as exc:
            raise StoreError(f"{out}: cannot write export: {exc.strerror or exc}") from None
    return _write_text(fmt, _batches(store, filters, batch_size), out)


def _table_batch(batch: pa.RecordBatch) -> pa.RecordBatch:
    return batch.select(list(TABLE_FIELDS))


def _write_parquet(batches: Iterator[pa.RecordBatch], path: Path) -> int:
    import pyarrow.parquet as pq

    writer: pq.ParquetWriter | None = None
    n = 0
    try:
        for batch in batches:
            table_batch = _table_batch(batch)
            if writer is None:
                writer = pq.ParquetWriter(str(path), table_batch.schema, compression="zstd")
            writer.write_batch(table_batch)
            n += table_batch.num_rows
        if writer is None:  # no events: still write a valid, empty file with the schema
            empty = pa.table({name: pa.array([], type=pa.string()) for name in TABLE_FIELDS})
            pq.write_table(empty, str(path))
    except OSError as exc:
        raise StoreError(f"{path}: cannot write export: {exc}") from None
    finally:
        if writer is not None:
            writer.close()
    return n


def _write_text(fmt: str, batches: Iterator[pa.RecordBatch], fh: IO[str]) -> int:
    n = 0
    if fmt == "csv":
        import csv

        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(TABLE_FIELDS)
    for batch in batches:
        for row in batch.to_pylist():
            if fmt == "gdelt":
                url = row["doc_url"] or row["doc_source_path"]
                cells = gdelt_row(row, day=row["day"], added=row["doc_added"], url=url)
                fh.write("\t".join(cells) + "\n")
            elif fmt == "plover":
                record = plover_record(row)
                if record is None:
                    continue
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            elif fmt == "jsonl":
                fh.write(json.dumps(_event(row).to_json(), ensure_ascii=False) + "\n")
            else:
                writer.writerow(["" if row[k] is None else row[k] for k in TABLE_FIELDS])
            n += 1
    return n


def _event(row: dict[str, Any]) -> Event:
    values = {k: row[k] for k in EVENT_COLUMNS if k != "spans"}
    return Event(doc=row["doc"], spans=spans_from_json(row["spans"]), **values)


def import_parquet(
    store: Store, path: str | Path, *, run_id: str | None = None, replace: bool = False, batch_docs: int = 2_000
) -> dict[str, int]:
    """Load events from one of our Parquet exports into ``store``.

    Each exported document comes back as a Document with its events and metadata but no text (the export does not
    carry it). Documents already stored are skipped unless ``replace`` (so importing never overwrites a fully coded
    document by accident). The file is read in batches, sorted by document (DuckDB sorts out of core), so memory
    stays bounded. Returns counts: documents added, replaced, unchanged, skipped, and events.
    """
    import duckdb
    import pyarrow.parquet as pq

    if not Path(path).is_file():
        raise StoreError(f"{path}: no such file")
    try:
        names = set(pq.read_schema(str(path)).names)
    except (OSError, pa.ArrowException) as exc:
        raise StoreError(f"{path}: cannot read Parquet: {exc}") from None
    missing = _REQUIRED - names
    if missing:
        raise UsageError(f"{path}: not a Kuroshio event export (missing columns: {', '.join(sorted(missing))})")
    columns = [*RECORD_FIELDS, *(c for c in DOC_FIELDS if c in names)]
    counts = {"added": 0, "replaced": 0, "unchanged": 0, "skipped": 0, "events": 0}
    pending: list[Document] = []

    def flush() -> None:
        for status in store.add_many(pending, run_id=run_id):
            counts[status] += 1
        pending.clear()

    def collect(doc_id: str, rows: list[dict[str, Any]]) -> None:
        if not replace and store.has_document(doc_id):
            counts["skipped"] += 1
            return
        first = rows[0]
        pending.append(
            Document(
                id=doc_id, text="", title=first.get("doc_title"), date=first.get("doc_date"),
                url=first.get("doc_url"), source_path=first.get("doc_source_path"), lang=first.get("doc_lang"),
                events=tuple(_event(_fill(r)) for r in rows),
            )
        )  # fmt: skip
        counts["events"] += len(rows)
        if len(pending) >= batch_docs:
            flush()

    reader = duckdb.connect()
    try:
        relation = reader.sql(
            f"SELECT {', '.join(columns)} FROM read_parquet(?, file_row_number = true) ORDER BY doc, file_row_number",
            params=[str(path)],
        )
        to_reader = getattr(relation, "to_arrow_reader", None) or relation.fetch_arrow_reader  # DuckDB 2 / 1.x
        current: str | None = None
        rows: list[dict[str, Any]] = []
        for batch in to_reader(20_000):
            for row in batch.to_pylist():
                if row["doc"] != current:
                    if rows and current is not None:
                        collect(current, rows)
                    current, rows = row["doc"], []
                rows.append(row)
        if rows and current is not None:
            collect(current, rows)
    except duckdb.Error as exc:
        raise StoreError(f"{path}: cannot read Parquet: {str(exc).splitlines()[0]}") from None
    finally:
        reader.close()
    if pending:
        flush()
    return counts


def _fill(row: dict[str, Any]) -> dict[str, Any]:
    if row.get("quad_class") is not None:
        row["quad_class"] = int(row["quad_class"])
    return row
