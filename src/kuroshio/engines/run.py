"""The driver of an ingest run: plan partitions, map them with an engine, store the results with one writer."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from typing import Any

from kuroshio.config import Options
from kuroshio.engines.manifest import Manifest
from kuroshio.engines.partitions import PARTITION_BYTES, Partition, plan_partitions
from kuroshio.engines.worker import PartitionResult, Process
from kuroshio.errors import ConfigError, KuroshioError


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


def run_ingest(
    paths: Iterable[str],
    options: Options,
    *,
    on_error: Callable[[KuroshioError], None] | None = None,
    progress: bool = False,
    process: Process | None = None,
    partition_bytes: int = PARTITION_BYTES,
    ship: str = "arrow",
) -> IngestSummary:
    """Code every document under ``paths`` and store it in ``options.db`` with the engine ``options.engine``.

    Resumes an interrupted run of the same inputs and options. ``on_error`` receives each document or input that
    failed (the rest is stored). ``process`` replaces the options' pipeline (a picklable ``Document -> Document``).
    """
    from kuroshio.store import Store

    if process is None:
        _check_pipeline(options)
    workers = options.workers or available_cores()
    partitions = list(plan_partitions(paths, partition_bytes=partition_bytes))
    summary = IngestSummary(partitions=len(partitions))
    manifest = Manifest.for_store(options.db)
    todo = [p for p in partitions if p.key(options) not in manifest.done]
    summary.resumed = len(partitions) - len(todo)
    bar = _Progress(sum(p.size for p in partitions), sum(p.size for p in todo)) if progress else nullcontext(None)
    complete = False
    with Store(options.db) as store, bar as shown:
        _cap_writer_memory(store)
        run_id = store.start_run(options)
        for result in _map(todo, options, workers=workers, process=process, ship=ship):
            for error in result.errors:
                summary.failed += 1
                if on_error is not None:
                    on_error(error)
            if result.records is not None:
                statuses = store.add_records(result.records, run_id=run_id)
            elif result.documents:
                statuses = store.add_many(result.documents, run_id=run_id)
            else:
                statuses = []
            for status in statuses:
                setattr(summary, status, getattr(summary, status) + 1)
            summary.documents += result.count
            summary.events += result.events
            manifest.record(result.key, documents=result.count, failed=len(result.errors))
            if shown is not None:
                shown.advance(result, summary)
        store.finish_run(run_id, documents=summary.documents, events=summary.events, failed=summary.failed)
        complete = True
    manifest.close(complete=complete)
    return summary


# DuckDB caches pages up to 80% of the machine's memory, so an uncapped writer grows with the store it fills.
WRITER_MEMORY = "256MB"


def _cap_writer_memory(store: Any) -> None:
    """Cap the writer's DuckDB cache so that the run's memory does not grow with the corpus (a setting, no write)."""
    try:
        store.con.execute(f"SET memory_limit = '{WRITER_MEMORY}'")
    except Exception:  # another store backend, or a DuckDB without the setting: its default then
        return


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the OS tells it, else the machine's count)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _check_pipeline(options: Options) -> None:
    """Fail the run at once (not once per partition) when the pipeline cannot be built."""
    from kuroshio.pipeline import Pipeline

    try:
        Pipeline(options)
    except KuroshioError:
        raise
    except Exception as exc:
        stages = ", ".join(options.stages)
        raise ConfigError(f"cannot build the pipeline ({stages}): {type(exc).__name__}: {exc}") from None


def _map(
    partitions: list[Partition], options: Options, *, workers: int, process: Process | None, ship: str
) -> Iterator[PartitionResult]:
    if not partitions:
        return iter(())
    if options.engine == "dask":
        from kuroshio.engines.dask import map_dask

        return map_dask(partitions, options, workers=workers, process=process, ship=ship)
    from kuroshio.engines.local import map_local

    return map_local(partitions, options, workers=min(workers, len(partitions)), process=process, ship=ship)


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

    def advance(self, result: PartitionResult, summary: IngestSummary) -> None:
        self._progress.update(
            self._task,
            advance=result.size,
            description=f"{summary.documents} documents, {summary.events} events, {summary.failed} failed",
        )
