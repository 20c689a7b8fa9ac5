"""The driver of an ingest run: plan partitions, map them with an engine, store the results with one writer."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from typing import Any, Protocol

from kuroshio.config import Options
from kuroshio.engines.partitions import PARTITION_BYTES, Partition, plan_partitions
from kuroshio.engines.shards import ShardDirectory, ShardInfo
from kuroshio.engines.worker import Process
from kuroshio.errors import KuroshioError


@dataclass(slots=True)
class IngestSummary:
    documents: int = 0
    added: int = 0
    unchanged: int = 0
    replaced: int = 0
    events: int = 0
    failed: int = 0
    partitions: int = 0  # partitions of the inputs
    resumed: int = 0  # partitions skipped because an earlier, interrupted run stored them
    recovered: int = 0  # partitions an interrupted run coded but did not store: loaded from its shards, not re-coded


# The writer's DuckDB memory (page cache included). DuckDB keeps the pages of the store it fills, up to 80% of the
# machine's memory by default, so an uncapped writer grows with the store. With the cap the writer stays near 450 MB
# from a 16 MB corpus up (benchmarks/RESULTS.md); below 128 MB the load spills and costs more CPU. The store raises
# the cap for the one batch that needs more (a huge document). Not applied to an in-memory store, which would have
# to fit in it.
WRITER_MEMORY = "128MB"
# One DuckDB thread: the writer shares the cores with the workers, and loading one shard gains little from more.
WRITER_THREADS = 1
# Shards (bytes of Parquet) loaded per transaction. DuckDB writes the rows of a large transaction once, compressed;
# a transaction per shard wrote them to its log and again at each checkpoint: the shards of a 16 MB corpus took the
# writer 4.2 s of CPU that way and 2.3 s in 64 MB transactions. The shards of a transaction are recorded and
# deleted once it has committed: a run killed before that loads them again on resume.
COMMIT_BYTES = 64 << 20


def run_ingest(
    paths: Iterable[str],
    options: Options,
    *,
    on_error: Callable[[KuroshioError], None] | None = None,
    progress: bool = False,
    process: Process | None = None,
    partition_bytes: int = PARTITION_BYTES,
    commit_bytes: int = COMMIT_BYTES,
) -> IngestSummary:
    """Code every document under ``paths`` and store it in ``options.db`` with the engine ``options.engine``.

    Workers write a Parquet shard per partition into ``<db>.shards/``; this process, the one writer, loads the shards
    as they come, ``commit_bytes`` of them per transaction, and records and deletes them once it has committed.
    Resumes an interrupted run of the same inputs and options: stored partitions are skipped, shards left on disk
    are loaded without coding them again. ``on_error`` receives each document or input that failed (the rest is
    stored). ``process`` replaces the options' pipeline (a picklable ``Document -> Document``).
    """
    workers = options.workers or available_cores()
    engine = _start_engine(options, workers)  # a Dask cluster starts while the inputs are planned and the store opened
    try:
        summary = _run(paths, options, engine, on_error=on_error, progress=progress, process=process,
                       partition_bytes=partition_bytes, commit_bytes=commit_bytes)
    finally:
        engine.close()  # after the store is closed: a Dask cluster shuts down while the last shards are loaded
    return summary


def _run(
    paths: Iterable[str],
    options: Options,
    engine: _Engine,
    *,
    on_error: Callable[[KuroshioError], None] | None,
    progress: bool,
    process: Process | None,
    partition_bytes: int,
    commit_bytes: int,
) -> IngestSummary:
    from kuroshio.store import Store

    partitions = list(plan_partitions(paths, partition_bytes=partition_bytes))
    summary = IngestSummary(partitions=len(partitions))
    complete = False
    memory = WRITER_MEMORY if options.db and options.db != ":memory:" else None
    with Store(options.db, memory_limit=memory, threads=WRITER_THREADS) as store:
        shards = ShardDirectory.for_store(options.db)  # only once this process holds the store's lock
        try:
            keyed = {p.key(options): p for p in partitions}  # an input named twice is coded once
            on_disk = shards.shards()
            left = [on_disk[k] for k in keyed if k in on_disk]
            todo = [(p, shards.shard_path(k)) for k, p in keyed.items() if k not in shards.done and k not in on_disk]
            summary.resumed = sum(k in shards.done for k in keyed)
            summary.recovered = len(left)
            total = sum(p.size for p in keyed.values())
            remaining = sum(p.size for p, _ in todo) + sum(info.size for info in left)
            bar = _Progress(total, remaining) if progress else nullcontext(None)
            with bar as shown:
                run_id = store.start_run(options)
                coded = engine.map(todo, process=process) if todo else iter(())
                ready = itertools.chain(left, coded)
                for first in ready:
                    for info in _load_batch(store, first, ready, commit_bytes, run_id, summary, on_error, shown):
                        shards.record(info.key, documents=info.count, failed=len(info.errors))
                        os.unlink(info.path)
                store.finish_run(run_id, documents=summary.documents, events=summary.events, failed=summary.failed)
            complete = True
        finally:
            shards.close(complete=complete)
    return summary


def _load_batch(
    store: Any,
    first: ShardInfo,
    ready: Iterator[ShardInfo],
    commit_bytes: int,
    run_id: str,
    summary: IngestSummary,
    on_error: Callable[[KuroshioError], None] | None,
    shown: _Progress | None,
) -> list[ShardInfo]:
    """Load ``first`` and the shards that follow it, up to ``commit_bytes`` of them, in one transaction."""
    loaded: list[ShardInfo] = []
    size = 0
    info: ShardInfo | None = first
    with store.batch():
        while info is not None:
            _load_shard(store, info, run_id, summary, on_error, shown)
            loaded.append(info)
            size += _file_size(info.path)
            info = next(ready, None) if size < commit_bytes else None
    return loaded


def _load_shard(
    store: Any,
    info: ShardInfo,
    run_id: str,
    summary: IngestSummary,
    on_error: Callable[[KuroshioError], None] | None,
    shown: _Progress | None,
) -> None:
    """Load one shard into the store's open batch; report its failed documents."""
    for error in info.errors:
        summary.failed += 1
        if on_error is not None:
            on_error(error)
    for status in store.add_parquet(info.path, run_id=run_id) if info.count else ():
        setattr(summary, status, getattr(summary, status) + 1)
    summary.documents += info.count
    summary.events += info.events
    if shown is not None:
        shown.advance(info, summary)


def _file_size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the OS tells it, else the machine's count)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class _Engine(Protocol):
    def map(self, tasks: list[tuple[Partition, str]], *, process: Process | None) -> Iterator[ShardInfo]: ...

    def close(self) -> None: ...


def _start_engine(options: Options, workers: int) -> _Engine:
    if options.engine == "dask":
        from kuroshio.engines.dask import DaskEngine

        return DaskEngine(options, workers)
    from kuroshio.engines.local import LocalEngine

    return LocalEngine(options, workers)


class _Progress:
    """A rich progress bar on stderr over the bytes of all partitions (the CLI asks for it only on a terminal)."""

    def __init__(self, total: int, todo: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.percentage:>3.0f}%"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=False,
        )
        self._task = self._progress.add_task("coding", total=total or 1, completed=total - todo)

    def __enter__(self) -> _Progress:
        self._progress.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._progress.stop()

    def advance(self, info: ShardInfo, summary: IngestSummary) -> None:
        self._progress.update(
            self._task,
            advance=info.size,
            description=f"{summary.documents} documents, {summary.events} events, {summary.failed} failed",
        )
