"""The ``kuroshio`` command line: parses options, calls the library, prints results. No logic lives here.

Exit status: 0 success, 1 some documents failed (each named on stderr, the rest processed), 2 usage error.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import sys
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from kuroshio.config import Options, load_options
from kuroshio.errors import IngestError, KuroshioError, UsageError

app = typer.Typer(
    name="kuroshio",
    help="Political event data (CAMEO/PLOVER) from Chinese and English text, with the evidence for every event.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


class State:
    config: str | None = None


def _wide() -> Console:
    """The console for tables: a pipe gets Rich's 80 columns by default, too narrow for a row of evidence."""
    return out if out.is_terminal else Console(highlight=False, width=150)


def _emit(text: str) -> None:
    """Machine-readable output (JSON, TSV, plain text) goes to stdout as is, never through Rich's layout."""
    sys.stdout.write(text + "\n")


def _fail(message: str, code: int = 1) -> None:
    err.print(f"kuroshio: error: {message}", markup=False)
    raise typer.Exit(code)


def _options(**overrides: Any) -> Options:
    try:
        return load_options(State.config, **overrides)
    except KuroshioError as exc:
        _fail(str(exc), 2)
        raise  # unreachable


def _report(error: KuroshioError) -> None:
    err.print(f"kuroshio: {error}", markup=False)


# Shared option declarations.
DbOpt = Annotated[
    str | None, typer.Option("--db", help="DuckDB store file (default ./kuroshio.duckdb or $KUROSHIO_DB).")
]
DateOpt = Annotated[
    str | None, typer.Option("--date", help="Publication date YYYY-MM-DD for documents that carry none.")
]
LangOpt = Annotated[str | None, typer.Option("--lang", help="Language: auto, zh-Hant, zh-Hans or en.")]
DictOpt = Annotated[list[str] | None, typer.Option("--dict", help="Extra actor dictionary file (repeatable).")]
PathsArg = Annotated[list[str], typer.Argument(help="Files (.txt .md .pdf .html .jsonl ...) or directories.")]


class DocFormat(StrEnum):
    json = "json"
    text = "text"


class CodeFormat(StrEnum):
    jsonl = "jsonl"
    tsv = "tsv"


class EventsFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class TableJson(StrEnum):
    table = "table"
    json = "json"


def _print_version(value: bool) -> None:
    if value:
        from kuroshio import __version__

        _emit(__version__)
        raise typer.Exit(0)


@app.callback()
def main_callback(
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True, help="More log output (-vv for debug).")] = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors.")] = False,
    config: Annotated[str | None, typer.Option("--config", help="A kuroshio.toml options file.")] = None,
    version: Annotated[
        bool, typer.Option("--version", is_eager=True, callback=_print_version, help="Print the version and exit.")
    ] = False,
) -> None:
    """Kuroshio reads documents, codes who-did-what-to-whom events, stores and shows them."""
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    # Dask's distributed sets its own loggers to INFO when imported; it reads this before then (workers inherit it).
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", logging.getLevelName(level).lower())
    State.config = config


def _processed(paths: Iterable[str], options: Options):  # type: ignore[no-untyped-def]
    """Yield processed documents; report each failed input on stderr. Returns the failure count via StopIteration."""
    from kuroshio.pipeline import Pipeline

    pipeline = Pipeline(options)
    failures = 0
    for outcome in pipeline.run(paths):
        if outcome.error is not None:
            failures += 1
            _report(outcome.error)
        else:
            yield outcome.document
    return failures


@app.command()
def doc(
    path: Annotated[str, typer.Argument(help="One document file (or corpus: every document is printed).")],
    format: Annotated[
        DocFormat, typer.Option("--format", help="json: the §4 record; text: the clean text.")
    ] = DocFormat.json,
    date: DateOpt = None,
    lang: LangOpt = None,
) -> None:
    """Print the structured document (title, authors, headings, paragraphs, clean text)."""
    options = _options(date=date, lang=lang).with_overrides(stages=("normalize",))
    failures = 0
    gen = _processed([path], options)
    while True:
        try:
            document = next(gen)
        except StopIteration as stop:
            failures = stop.value or 0
            break
        if format is DocFormat.json:
            _emit(json.dumps(document.to_json(), ensure_ascii=False, indent=1))
        else:
            _emit(document.text)
    if failures:
        raise typer.Exit(1)


_TSV_FIELDS = [
    "doc", "sentence_index", "date", "source", "target", "cameo", "root", "quad_class", "goldstein", "plover",
    "mode", "source_text", "target_text", "sentence",
]


@app.command()
def code(
    paths: PathsArg,
    format: Annotated[CodeFormat, typer.Option("--format", help="jsonl (§3 records) or tsv.")] = CodeFormat.jsonl,
    date: DateOpt = None,
    lang: LangOpt = None,
    dictionary: DictOpt = None,
) -> None:
    """Code events and print one per line; nothing is stored."""
    options = _options(date=date, lang=lang, dictionaries=dictionary)
    if format is CodeFormat.tsv:
        _emit("\t".join(_TSV_FIELDS))
    gen = _processed(paths, options)
    failures = 0
    while True:
        try:
            document = next(gen)
        except StopIteration as stop:
            failures = stop.value or 0
            break
        for event in document.events:
            record = event.to_json()
            if format is CodeFormat.jsonl:
                _emit(json.dumps(record, ensure_ascii=False))
            else:
                _emit("\t".join(_tsv_cell(record[f]) for f in _TSV_FIELDS))
    if failures:
        raise typer.Exit(1)


def _tsv_cell(value: Any) -> str:
    return "" if value is None else str(value).replace("\t", " ").replace("\n", " ")


@app.command()
def ingest(
    paths: PathsArg,
    db: DbOpt = None,
    engine: Annotated[str | None, typer.Option("--engine", help="local (process pool) or dask.")] = None,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler address.")] = None,
    workers: Annotated[int | None, typer.Option("--workers", min=1, help="Worker processes (default: cores).")] = None,
    date: DateOpt = None,
    lang: LangOpt = None,
    dictionary: DictOpt = None,
) -> None:
    """Code documents and store them (idempotent: the same content is stored once).

    An interrupted run resumes where it stopped when the same command is run again (see docs/engines.md).
    """
    from kuroshio.engines import run_ingest

    options = _options(
        db=db, engine=engine, scheduler=scheduler, workers=workers, date=date, lang=lang, dictionaries=dictionary
    )
    show_progress = err.is_terminal
    try:
        summary = run_ingest(paths, options, on_error=_report, progress=show_progress)
    except KuroshioError as exc:
        _fail(str(exc), 1)
        return
    err.print(
        f"{summary.documents} documents ({summary.added} added, {summary.unchanged} unchanged, "
        f"{summary.replaced} replaced), {summary.events} events, {summary.failed} failed -> {options.db}",
        markup=False,
    )
    if summary.resumed or summary.recovered:
        err.print(
            f"resumed an interrupted run: {summary.resumed} of {summary.partitions} partitions were already stored, "
            f"{summary.recovered} loaded from the shards it left",
            markup=False,
        )
    if summary.failed:
        raise typer.Exit(1)


def _open_store(options: Options, *, read_only: bool = True):  # type: ignore[no-untyped-def]
    if read_only and not Path(options.db).exists():
        _fail(f"{options.db}: no such store (run `kuroshio ingest` first)", 1)
    from kuroshio.store import Store

    try:
        return Store(options.db, read_only=read_only)
    except KuroshioError as exc:
        _fail(str(exc), 1)
        raise


@app.command()
def events(
    db: DbOpt = None,
    source: Annotated[str | None, typer.Option("--source", help="Source country or actor code.")] = None,
    target: Annotated[str | None, typer.Option("--target", help="Target country or actor code.")] = None,
    code: Annotated[str | None, typer.Option("--code", help="CAMEO code or prefix (04, 042).")] = None,
    root: Annotated[str | None, typer.Option("--root", help="CAMEO root (two digits).")] = None,
    quad: Annotated[int | None, typer.Option("--quad", min=1, max=4, help="Quad class 1-4.")] = None,
    mode: Annotated[str | None, typer.Option("--mode", help="actual, planned, hypothetical or negated.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Events dated on or after (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Events dated on or before (YYYY[-MM[-DD]]).")] = None,
    doc_id: Annotated[str | None, typer.Option("--doc", help="Only this document id.")] = None,
    q: Annotated[str | None, typer.Option("--q", help="Text search in the evidence sentence.")] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="At most this many events.")] = None,
    format: Annotated[EventsFormat, typer.Option("--format", help="table, jsonl or csv.")] = EventsFormat.table,
) -> None:
    """Query stored events."""
    options = _options(db=db)
    with _open_store(options) as store:
        try:
            found = store.events(
                source=source, target=target, code=code, root=root, quad_class=quad, mode=mode,
                since=since, until=until, doc=doc_id, q=q, limit=limit,
            )
        except KuroshioError as exc:
            _fail(str(exc), 2)
            return
    records = [e.to_json() for e in found]
    if format is EventsFormat.jsonl:
        for record in records:
            _emit(json.dumps(record, ensure_ascii=False))
    elif format is EventsFormat.csv:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(_TSV_FIELDS)
        for record in records:
            writer.writerow([_tsv_cell(record[f]) for f in _TSV_FIELDS])
        sys.stdout.write(buffer.getvalue())
    else:
        print_events_table(records)


def print_events_table(records: list[dict[str, Any]], title: str | None = None) -> None:
    table = Table(title=title, show_lines=False)
    for name in ("date", "source", "target", "cameo", "quad", "gold.", "mode"):
        table.add_column(name, no_wrap=True)
    table.add_column("evidence", no_wrap=True, overflow="ellipsis", max_width=70)
    for r in records:
        table.add_row(
            r["date"] or "", r["source"] or "", r["target"] or "-", r["cameo"], str(r["quad_class"]),
            f"{r['goldstein']:+.1f}", r["mode"], _evidence(r),
        )
    console = _wide()
    console.print(table)
    console.print(f"{len(records)} events", markup=False)


def _evidence(record: dict[str, Any], width: int = 60) -> str:
    sentence = record["sentence"] or ""
    return sentence if len(sentence) <= width else sentence[: width - 1] + "…"


class Freq(StrEnum):
    week = "week"
    month = "month"
    quarter = "quarter"
    year = "year"


class SeriesFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class ExportFormat(StrEnum):
    gdelt = "gdelt"
    plover = "plover"
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"


@app.command()
def dyad(
    a: Annotated[str, typer.Argument(help="First actor: a country (KOR) or an actor code (KORGOV).")],
    b: Annotated[str, typer.Argument(help="Second actor.")],
    db: DbOpt = None,
    freq: Annotated[Freq, typer.Option("--freq", help="Period: week, month, quarter or year.")] = Freq.month,
    direction: Annotated[str, typer.Option("--direction", help="both, ab (A to B) or ba (B to A).")] = "both",
    since: Annotated[str | None, typer.Option("--since", help="From this date (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Up to this date (YYYY[-MM[-DD]]).")] = None,
    mode: Annotated[str, typer.Option("--mode", help="actual, planned, hypothetical, negated or all.")] = "actual",
    plot: Annotated[str | None, typer.Option("--plot", help="Also draw the series to FILE.png or FILE.html.")] = None,
    skip_empty: Annotated[bool, typer.Option("--skip-empty", help="Leave out periods without events.")] = False,
    format: Annotated[SeriesFormat, typer.Option("--format", help="table, json or csv.")] = SeriesFormat.table,
) -> None:
    """The relation trajectory of two actors: events per quad class, mean and sum of Goldstein values per period."""
    options = _options(db=db)
    with _open_store(options) as store:
        try:
            rows = store.dyad_series(
                a, b, freq=freq.value, direction=direction, since=since, until=until,
                mode=None if mode == "all" else mode, fill=not skip_empty,
            )  # fmt: skip
        except KuroshioError as exc:
            _fail(str(exc), 2)
            return
    columns = ("period", "events", "q1", "q2", "q3", "q4", "goldstein_mean", "goldstein_sum")
    if format is SeriesFormat.json:
        _emit(json.dumps(rows, ensure_ascii=False, indent=1))
    elif format is SeriesFormat.csv:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([["" if r[c] is None else r[c] for c in columns] for r in rows])
        sys.stdout.write(buffer.getvalue())
    else:
        table = Table(title=f"{a.upper()} - {b.upper()} ({direction}, {freq.value})")
        for name in ("period", "events", "q1", "q2", "q3", "q4", "gold. mean", "gold. sum"):
            table.add_column(name, justify="right")
        for r in rows:
            mean = "" if r["goldstein_mean"] is None else f"{r['goldstein_mean']:+.2f}"
            table.add_row(r["period"], *(str(r[k]) for k in ("events", "q1", "q2", "q3", "q4")), mean,
                          f"{r['goldstein_sum']:+.1f}")  # fmt: skip
        out.print(table)
    if plot:
        from kuroshio.analyze.plot import plot_series

        try:
            plot_series(rows, plot, title=f"{a.upper()} - {b.upper()}: events per {freq.value} and mean Goldstein")
        except KuroshioError as exc:
            _fail(str(exc), 2)
        err.print(f"plot -> {plot}", markup=False)


@app.command()
def export(
    format: Annotated[ExportFormat, typer.Option("--format", help="gdelt, plover, parquet, csv or jsonl.")],
    out_path: Annotated[str, typer.Option("--out", help="Output file ('-' for stdout, except parquet).")],
    db: DbOpt = None,
    source: Annotated[str | None, typer.Option("--source", help="Source country or actor code.")] = None,
    target: Annotated[str | None, typer.Option("--target", help="Target country or actor code.")] = None,
    code: Annotated[str | None, typer.Option("--code", help="CAMEO code or prefix (04, 042).")] = None,
    root: Annotated[str | None, typer.Option("--root", help="CAMEO root (two digits).")] = None,
    quad: Annotated[int | None, typer.Option("--quad", min=1, max=4, help="Quad class 1-4.")] = None,
    mode: Annotated[str | None, typer.Option("--mode", help="actual, planned, hypothetical or negated.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Events dated on or after (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Events dated on or before (YYYY[-MM[-DD]]).")] = None,
    doc_id: Annotated[str | None, typer.Option("--doc", help="Only this document id.")] = None,
    q: Annotated[str | None, typer.Option("--q", help="Text search in the evidence sentence.")] = None,
) -> None:
    """Export stored events: GDELT 2.0 event table, PLOVER JSON, Parquet, CSV or JSONL (see docs/store.md)."""
    from kuroshio.export import export_events

    options = _options(db=db)
    if out_path == "-" and format is ExportFormat.parquet:
        _fail("parquet export needs a file (--out FILE.parquet)", 2)
    with _open_store(options) as store:
        try:
            n = export_events(
                store, format.value, sys.stdout if out_path == "-" else out_path,
                source=source, target=target, code=code, root=root, quad_class=quad, mode=mode,
                since=since, until=until, doc=doc_id, q=q,
            )  # fmt: skip
        except UsageError as exc:
            _fail(str(exc), 2)
            return
        except KuroshioError as exc:
            _fail(str(exc), 1)
            return
    err.print(f"{n} events -> {out_path}", markup=False)


@app.command("import")
def import_(
    path: Annotated[str, typer.Argument(help="A Parquet file written by `kuroshio export --format parquet`.")],
    db: DbOpt = None,
    replace: Annotated[bool, typer.Option("--replace", help="Replace documents already in the store.")] = False,
) -> None:
    """Load events from a Kuroshio Parquet export into a store."""
    from kuroshio.export import import_parquet

    options = _options(db=db)
    with _open_store(options, read_only=False) as store:
        try:
            counts = import_parquet(store, path, replace=replace)
        except UsageError as exc:
            _fail(str(exc), 2)
            return
        except KuroshioError as exc:
            _fail(str(exc), 1)
            return
    err.print(
        f"{counts['events']} events in {counts['added']} documents added, {counts['replaced']} replaced, "
        f"{counts['skipped']} already stored (skipped) -> {options.db}",
        markup=False,
    )


_ACTOR_FIELDS = ("code", "country", "name", "matched", "valid_from", "valid_until")


@app.command()
def actors(
    query: Annotated[str, typer.Argument(help="A name (any script) or an actor code.")],
    date: Annotated[str | None, typer.Option("--date", help="Resolve roles valid at this date (YYYY-MM-DD).")] = None,
    format: Annotated[TableJson, typer.Option("--format", help="table or json.")] = TableJson.table,
    dictionary: DictOpt = None,
) -> None:
    """Look a name or code up in the actor dictionary."""
    from kuroshio.actors import lookup

    options = _options(date=date, dictionaries=dictionary)
    try:
        found = lookup(query, date=date, options=options)
    except KuroshioError as exc:
        _fail(str(exc), 2)
        return
    if format is TableJson.json:
        _emit(json.dumps(found, ensure_ascii=False, indent=1))
        return
    table = Table()
    for name in _ACTOR_FIELDS:
        table.add_column(name)
    for row in found:
        table.add_row(*[str(row.get(k) or "") for k in _ACTOR_FIELDS])
    out.print(table)
    if not found:
        raise typer.Exit(1)


@app.command("eval")
def evaluate(
    gold: Annotated[str, typer.Argument(help="Gold JSONL file (DESIGN.md §5).")],
    paths: PathsArg,
    date: DateOpt = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List misses and false alarms per document.")
    ] = False,
    format: Annotated[TableJson, typer.Option("--format", help="table or json.")] = TableJson.table,
) -> None:
    """Score the coder against a gold file: precision, recall, F1 at root and quad level, mode leaks."""
    from kuroshio.evaluate import evaluate_paths, render_report

    options = _options(date=date)
    try:
        report = evaluate_paths(gold, paths, options, on_error=_report)
    except KuroshioError as exc:
        _fail(str(exc), 2)
        return
    if format is TableJson.json:
        _emit(json.dumps(report.to_json(), ensure_ascii=False, indent=1))
    else:
        render_report(report, _wide(), verbose=verbose)
    if report.failed:
        raise typer.Exit(1)


@app.command()
def serve(
    db: DbOpt = None,
    host: Annotated[str, typer.Option("--host", help="Address to bind (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on.")] = 8000,
    allow_upload: Annotated[
        bool, typer.Option("--allow-upload", help="Enable POST /api/documents (code and store uploaded files).")
    ] = False,
    token: Annotated[
        str | None,
        typer.Option("--token", envvar="KUROSHIO_TOKEN", help="Token that write requests must send (Bearer)."),
    ] = None,
) -> None:
    """Serve the REST API (OpenAPI at /openapi.json, docs at /docs) and the web dashboard."""
    from kuroshio.web import check_bind, create_app

    options = _options(db=db)
    try:
        check_bind(host, allow_upload=allow_upload, token=token)
    except KuroshioError as exc:
        _fail(str(exc), 2)
        return
    if not allow_upload and not Path(options.db).exists():
        _fail(f"{options.db}: no such store (run `kuroshio ingest` first, or serve with --allow-upload)", 1)
    import uvicorn

    web_app = create_app(options.db, allow_upload=allow_upload, token=token, options=options)
    err.print(f"Kuroshio serving {options.db} on http://{host}:{port}/ (Ctrl-C stops)", markup=False)
    uvicorn.run(web_app, host=host, port=port, log_level="warning")


def main() -> None:
    try:
        app()
    except UsageError as exc:
        err.print(f"kuroshio: error: {exc}", markup=False)
        sys.exit(2)
    except IngestError as exc:
        err.print(f"kuroshio: {exc}", markup=False)
        sys.exit(1)
    except KuroshioError as exc:
        err.print(f"kuroshio: error: {exc}", markup=False)
        sys.exit(1)
