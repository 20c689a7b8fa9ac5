"""What a worker does with one partition: read it, run the pipeline over each document, write the results as a shard.

Runs in pool processes and on Dask workers alike. The coded documents become the store's Arrow rows and go to disk
as one Parquet shard (:mod:`kuroshio.engines.shards`); only a :class:`ShardInfo` (path, counts, errors) goes back to
the driver, so nothing large is pickled and the writer only loads files. One bad document becomes an error in the
result; it never fails the partition. Pipelines (and the dictionaries and automata their stages load) are built once
per process.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from kuroshio.config import Options
from kuroshio.engines.partitions import Partition, read_partition
from kuroshio.engines.shards import ShardInfo, write_shard
from kuroshio.errors import ConfigError, IngestError, KuroshioError, StageError
from kuroshio.model import Document

Process = Callable[[Document], Document]


@lru_cache(maxsize=4)
def _pipeline(options: Options) -> Process:
    """The options' pipeline, built once per process; a ConfigError when it cannot be built (which fails the run)."""
    from kuroshio.pipeline import Pipeline

    try:
        return Pipeline(options).process
    except KuroshioError:
        raise
    except Exception as exc:
        stages = ", ".join(options.stages)
        raise ConfigError(f"cannot build the pipeline ({stages}): {type(exc).__name__}: {exc}") from None


def process_partition(partition: Partition, options: Options, shard: str, process: Process | None = None) -> ShardInfo:
    """Code every document of ``partition`` with ``process`` (default: the options' pipeline) into the shard file
    ``shard``; return what the writer needs to know about it."""
    from kuroshio.store.records import to_records

    info = ShardInfo(partition.key(options), shard, size=partition.size)
    documents: list[Document] = []
    run = process if process is not None else _pipeline(options)  # a pipeline that cannot be built fails the run
    try:
        for item in read_partition(partition, options):
            if isinstance(item, KuroshioError):
                info.errors.append(item)
                continue
            if options.date and not item.date:
                item = replace(item, date=options.date)
            try:
                documents.append(run(item))
            except KuroshioError as exc:
                info.errors.append(exc)
            except Exception as exc:  # a bug met on one document must not lose the partition
                info.errors.append(StageError("pipeline", item.id, f"{type(exc).__name__}: {exc}"))
    except KuroshioError as exc:  # the partition itself could not be read
        info.errors.append(exc)
    except Exception as exc:
        info.errors.append(IngestError(", ".join(partition.paths), f"{type(exc).__name__}: {exc}"))
    info.count = len(documents)
    info.events = sum(len(d.events) for d in documents)
    write_shard(to_records(documents), info)
    return info
