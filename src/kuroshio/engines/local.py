"""The local engine: partitions through a process pool, in order, with a bounded number in flight.

At most ``2 * workers`` partitions are submitted and not yet stored, so memory stays bounded whatever the corpus
size. Each task writes its shard file and returns only its :class:`ShardInfo`. With one worker the partitions are
processed in this process.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from kuroshio.config import Options
from kuroshio.engines.partitions import Partition
from kuroshio.engines.shards import ShardInfo
from kuroshio.engines.worker import Process, process_partition
from kuroshio.errors import KuroshioError


def map_local(
    tasks: Iterable[tuple[Partition, str]],
    options: Options,
    *,
    workers: int,
    process: Process | None = None,
) -> Iterator[ShardInfo]:
    """Code each ``(partition, shard path)`` with ``workers`` processes; yield the shards' infos in input order."""
    if workers <= 1:
        for partition, shard in tasks:
            yield process_partition(partition, options, shard, process)
        return
    # spawn: workers start clean (no inherited DuckDB connection or threads) and see this process's sys.path.
    context = multiprocessing.get_context("spawn")
    pending: deque[Future[ShardInfo]] = deque()
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            for partition, shard in tasks:
                pending.append(pool.submit(process_partition, partition, options, shard, process))
                if len(pending) >= 2 * workers:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
    except BrokenProcessPool as exc:
        raise KuroshioError(f"a worker process died ({exc}); run the same command again to resume") from None
    finally:
        for future in pending:
            future.cancel()


class LocalEngine:
    """The local engine for one run: a process pool per :meth:`map` (nothing to start before, nothing to close)."""

    def __init__(self, options: Options, workers: int) -> None:
        self._options = options
        self._workers = workers

    def map(self, tasks: list[tuple[Partition, str]], *, process: Process | None = None) -> Iterator[ShardInfo]:
        return map_local(tasks, self._options, workers=min(self._workers, len(tasks)), process=process)

    def close(self) -> None:
        pass
