"""What a worker does with one partition: read it, run the pipeline over each document, return the results.

Runs in pool processes and on Dask workers alike. One bad document becomes an error in the result; it never fails
the partition. Pipelines (and the dictionaries and automata their stages load) are built once per process.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from kuroshio.config import Options
from kuroshio.engines.partitions import Partition, read_partition
from kuroshio.errors import IngestError, KuroshioError, StageError
from kuroshio.model import Document

Process = Callable[[Document], Document]


SHIPPING = ("arrow", "pickle")


@dataclass(slots=True)
class PartitionResult:
    """The processed documents of one partition, in input order, and the errors met on the way.

    With ``ship="arrow"`` the worker converts the documents into the store's Arrow rows
    (:func:`kuroshio.store.records.to_records`) and ``records`` holds them (``documents`` is emptied), so the one
    writer only loads tables; with ``ship="pickle"`` the Documents themselves travel.
    """

    key: str
    documents: list[Document] = field(default_factory=list)
    errors: list[KuroshioError] = field(default_factory=list)
    size: int = 0
    records: Any = None  # pyarrow.Table
    count: int = 0  # documents processed
    events: int = 0


@lru_cache(maxsize=4)
def _pipeline(options: Options) -> Process:
    from kuroshio.pipeline import Pipeline

    return Pipeline(options).process


def process_partition(
    partition: Partition, options: Options, process: Process | None = None, ship: str = "arrow"
) -> PartitionResult:
    """Read ``partition`` and process every document in it with ``process`` (default: the options' pipeline)."""
    result = PartitionResult(partition.key(options), size=partition.size)
    try:
        run = process if process is not None else _pipeline(options)
        for item in read_partition(partition, options):
            if isinstance(item, KuroshioError):
                result.errors.append(item)
                continue
            if options.date and not item.date:
                from dataclasses import replace

                item = replace(item, date=options.date)
            try:
                result.documents.append(run(item))
            except KuroshioError as exc:
                result.errors.append(exc)
            except Exception as exc:  # a bug met on one document must not lose the partition
                result.errors.append(StageError("pipeline", item.id, f"{type(exc).__name__}: {exc}"))
    except KuroshioError as exc:  # the partition itself could not be read (or the pipeline not built)
        result.errors.append(exc)
    except Exception as exc:
        result.errors.append(IngestError(", ".join(partition.paths), f"{type(exc).__name__}: {exc}"))
    result.count = len(result.documents)
    result.events = sum(len(d.events) for d in result.documents)
    if ship == "arrow" and result.documents:
        from kuroshio.store.records import to_records

        result.records = to_records(result.documents)
        result.documents = []
    return result
