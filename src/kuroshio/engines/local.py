"""The local engine: partitions through a process pool, in order, with a bounded number in flight.

At most ``2 * workers`` partitions are submitted and not yet stored, so memory stays bounded whatever the corpus
size. With one worker the partitions are processed in this process (no pickling at all).
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from kuroshio.config import Options
from kuroshio.engines.partitions import Partition
from kuroshio.engines.worker import PartitionResult, Process, process_partition
from kuroshio.errors import KuroshioError


def map_local(
    partitions: Iterable[Partition],
    options: Options,
    *,
    workers: int,
    process: Process | None = None,
    ship: str = "arrow",
) -> Iterator[PartitionResult]:
    """Process ``partitions`` with ``workers`` processes; yield the results in input order."""
    if workers <= 1:
        for partition in partitions:
            yield process_partition(partition, options, process, ship)
        return
    # spawn: workers start clean (no inherited DuckDB connection or threads) and see this process's sys.path.
    context = multiprocessing.get_context("spawn")
    pending: deque[Future[PartitionResult]] = deque()
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            for partition in partitions:
                pending.append(pool.submit(process_partition, partition, options, process, ship))
                if len(pending) >= 2 * workers:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
    except BrokenProcessPool as exc:
        raise KuroshioError(f"a worker process died ({exc}); run the same command again to resume") from None
    finally:
        for future in pending:
            future.cancel()
