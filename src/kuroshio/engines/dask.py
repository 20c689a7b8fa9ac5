"""The Dask engine: partitions on a Dask cluster (``options.scheduler``, or a local cluster of processes).

Dask and distributed belong to the ``dask`` extra and are imported only here, only when this engine runs. Tasks are
submitted with a bounded number in flight and collected in input order; each writes its shard file (workers must
see the run directory: a shared file system for a remote cluster) and returns only its :class:`ShardInfo`. The
driver (this process) is the only writer of the store.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from kuroshio.config import Options
from kuroshio.engines.partitions import Partition
from kuroshio.engines.shards import ShardInfo
from kuroshio.engines.worker import Process, process_partition
from kuroshio.errors import ConfigError, KuroshioError


def _client(options: Options, workers: int) -> tuple[Any, Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ConfigError("the dask engine needs the dask extra: pip install 'kuroshio[dask]'") from None
    if options.scheduler:
        try:
            return Client(options.scheduler, timeout="20s"), None
        except OSError as exc:
            raise ConfigError(f"cannot reach the Dask scheduler at {options.scheduler}: {exc}") from None
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    return Client(cluster), cluster


def map_dask(
    tasks: Iterable[tuple[Partition, str]],
    options: Options,
    *,
    workers: int,
    process: Process | None = None,
) -> Iterator[ShardInfo]:
    """Code each ``(partition, shard path)`` on the cluster; yield the shards' infos in input order."""
    client, cluster = _client(options, workers)
    try:
        slots = 2 * max(workers, len(client.scheduler_info().get("workers", {})), 1)
        pending: deque[Any] = deque()
        for partition, shard in tasks:
            pending.append(client.submit(process_partition, partition, options, shard, process, pure=False))
            if len(pending) >= slots:
                yield _result(pending.popleft())
        while pending:
            yield _result(pending.popleft())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _result(future: Any) -> ShardInfo:
    try:
        result: ShardInfo = future.result()
    except KuroshioError:
        raise
    except Exception as exc:  # a worker lost, a task that could not be deserialized, ...
        raise KuroshioError(f"a Dask task failed ({type(exc).__name__}: {exc}); run again to resume") from None
    finally:
        future.release()
    return result
