"""The Dask engine: partitions on a Dask cluster (``options.scheduler``, or a local cluster of processes).

Dask and distributed belong to the ``dask`` extra and are imported only here, only when this engine runs. Tasks are
submitted with a bounded number in flight and collected in input order; each writes its shard file (workers must
see the run directory: a shared file system for a remote cluster) and returns only its :class:`ShardInfo`. The
driver (this process) is the only writer of the store.

The cluster is started (or the scheduler reached) in the background as soon as the run begins, while the driver
opens the store and plans the partitions, and it is shut down in the background as soon as the last task has
finished, while the driver loads the last shards and closes the store: neither start nor shutdown holds up the
driver.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from kuroshio.config import Options
from kuroshio.engines.partitions import Partition
from kuroshio.engines.shards import ShardInfo
from kuroshio.engines.worker import Process, process_partition
from kuroshio.errors import ConfigError, KuroshioError

# Dask settings for the LocalCluster this engine starts for one run (a cluster at --scheduler keeps its own). Its
# defaults suit a long-lived cluster with a dashboard: every worker samples its own stack 100 times a second for
# the dashboard's profile (we start no dashboard), and every server (scheduler, nannies, workers) checks its event
# loop 50 times a second and its memory 10 times a second. On a machine whose cores all code, that is CPU taken
# from the coding (about 10 % of a 2-core run). Memory is still watched, once a second.
LOCAL_CLUSTER_CONFIG: dict[str, Any] = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
}


class DaskEngine:
    """A Dask client for one run: connected (or its LocalCluster started) in a background thread from creation."""

    def __init__(self, options: Options, workers: int) -> None:
        try:
            import distributed  # noqa: F401  (here, so that a missing extra fails the run before any work)
        except ImportError:
            raise ConfigError("the dask engine needs the dask extra: pip install 'kuroshio[dask]'") from None
        self._options = options
        self._workers = workers
        self._client: Any = None
        self._cluster: Any = None
        self._error: BaseException | None = None
        self._starting = threading.Thread(target=self._start, name="kuroshio-dask-start", daemon=True)
        self._starting.start()
        self._closing: threading.Thread | None = None

    def _start(self) -> None:
        try:
            self._client, self._cluster = _client(self._options, self._workers)
        except BaseException as exc:  # re-raised by map() or close(), in the driver's thread
            self._error = exc

    def _ready(self) -> Any:
        self._starting.join()
        if self._error is not None:
            raise self._error
        return self._client

    def map(self, tasks: Iterable[tuple[Partition, str]], *, process: Process | None = None) -> Iterator[ShardInfo]:
        """Code each ``(partition, shard path)`` on the cluster; yield the shards' infos in input order."""
        client = self._ready()
        slots = 2 * max(self._workers, len(client.scheduler_info().get("workers", {})), 1)
        pending: deque[Any] = deque()
        try:
            for partition, shard in tasks:
                pending.append(client.submit(process_partition, partition, self._options, shard, process, pure=False))
                if len(pending) >= slots:
                    yield _result(pending.popleft())
            while pending:
                if all(future.done() for future in pending):  # every task has finished: the results are in hand
                    done = [_result(future) for future in pending]
                    pending.clear()
                    self._shut_down_in_background()
                    yield from done
                    break
                yield _result(pending.popleft())
        finally:
            for future in pending:
                future.cancel()

    def _shut_down_in_background(self) -> None:
        if self._closing is None:
            self._closing = threading.Thread(target=self._shut_down, name="kuroshio-dask-close", daemon=True)
            self._closing.start()

    def _shut_down(self) -> None:
        client, cluster = self._client, self._cluster
        self._client = self._cluster = None
        try:
            if client is not None:
                client.close()
        finally:
            if cluster is not None:
                cluster.close()

    def close(self) -> None:
        """Shut the client (and the LocalCluster started for the run) down; wait until it is done."""
        self._starting.join()
        if self._closing is None:
            self._shut_down()
        else:
            self._closing.join()


def _client(options: Options, workers: int) -> tuple[Any, Any]:
    import dask
    from distributed import Client, LocalCluster

    if options.scheduler:
        try:
            return Client(options.scheduler, timeout="20s"), None
        except OSError as exc:
            raise ConfigError(f"cannot reach the Dask scheduler at {options.scheduler}: {exc}") from None
    with dask.config.set(LOCAL_CLUSTER_CONFIG):  # read when the scheduler, nannies and workers are created
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        try:
            return Client(cluster), cluster
        except BaseException:
            cluster.close()
            raise


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
