"""The run directory beside a store (``<db>.shards/``): Parquet shards waiting for the writer, and the manifest.

A worker writes each partition it codes as one Parquet shard of the store's Arrow rows
(:func:`kuroshio.store.records.to_records`), named after the partition's key, atomically: a temporary file, flushed
to disk, renamed. The shard's metadata carries the partition's counts and its errors. The one writer loads a shard
in one transaction, appends the key to ``manifest.jsonl`` (flushed to disk), and deletes the shard.

A run killed at any point therefore leaves only: complete shards (loaded on resume without coding them again),
temporary files (deleted), keys recorded as stored (skipped). A shard loaded but not yet recorded is loaded again,
which the store's idempotent writes make harmless. The directory is removed when a run completes.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from kuroshio import errors as errors_module
from kuroshio.errors import KuroshioError, StoreError

SUFFIX = ".parquet"
MANIFEST = "manifest.jsonl"
_META_KEY = b"kuroshio.partition"


@dataclass(slots=True)
class ShardInfo:
    """What a worker reports about one coded partition (the documents themselves stay in the shard file)."""

    key: str
    path: str
    size: int = 0  # bytes of input, for progress
    count: int = 0  # documents coded (rows of the shard)
    events: int = 0
    errors: list[KuroshioError] = field(default_factory=list)


def write_shard(table: Any, info: ShardInfo) -> None:
    """Write ``table`` (Arrow rows) to ``info.path`` with ``info`` as metadata, atomically."""
    import pyarrow.parquet as pq

    meta = {"key": info.key, "size": info.size, "count": info.count, "events": info.events,
            "errors": [_error_json(e) for e in info.errors]}  # fmt: skip
    table = table.replace_schema_metadata({_META_KEY: json.dumps(meta).encode()})
    final = Path(info.path)
    tmp = final.parent / f".{final.stem}.{os.getpid()}.tmp"
    try:
        with open(tmp, "wb") as fh:
            pq.write_table(table, fh, compression="none", use_dictionary=False, write_statistics=False)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, final)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StoreError(f"{final}: cannot write the shard: {exc.strerror or exc}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def read_shard_info(path: Path) -> ShardInfo:
    """The metadata a shard was written with (raises StoreError for a file that is not a complete shard)."""
    import pyarrow.parquet as pq

    try:
        raw = (pq.read_schema(path).metadata or {})[_META_KEY]
        meta = json.loads(raw)
    except Exception as exc:  # pyarrow raises many types for a bad file; KeyError for a foreign one
        raise StoreError(f"{path}: not a readable shard ({type(exc).__name__}: {exc})") from None
    errors = [_error_from_json(e) for e in meta["errors"]]
    return ShardInfo(meta["key"], os.fspath(path), meta["size"], meta["count"], meta["events"], errors)


def _error_json(error: KuroshioError) -> dict[str, Any]:
    cls, args = error.__reduce__()[:2]  # every Kuroshio error pickles as (class, args)
    return {"type": cls.__name__, "args": list(args)}


def _error_from_json(data: dict[str, Any]) -> KuroshioError:
    cls = getattr(errors_module, data["type"], None)
    if isinstance(cls, type) and issubclass(cls, KuroshioError):
        try:
            return cls(*data["args"])
        except TypeError:
            pass
    return KuroshioError(" ".join(map(str, data["args"])))


class ShardDirectory:
    """The run directory of one store: shards on disk and the keys of partitions already stored.

    Open it only while holding the store's write lock (one writer per store, hence one run per directory).
    ``path=None`` makes a temporary directory (for an in-memory store), removed by :meth:`close`.
    """

    def __init__(self, path: str | os.PathLike[str] | None) -> None:
        self._temporary = path is None
        self.path = Path(tempfile.mkdtemp(prefix="kuroshio-shards-")) if path is None else Path(path)
        self.done: set[str] = set()
        self._fh: IO[str] | None = None
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot make the run directory: {exc.strerror or exc}") from None
        manifest = self.path / MANIFEST
        if manifest.exists():
            for line in manifest.read_text(encoding="utf-8").splitlines():
                try:
                    self.done.add(json.loads(line)["key"])
                except (ValueError, KeyError, TypeError):
                    continue  # a line cut short by a kill
        for tmp in self.path.glob(".*.tmp"):  # shards a killed worker was writing
            tmp.unlink(missing_ok=True)

    @classmethod
    def for_store(cls, db: str) -> ShardDirectory:
        """``<db>.shards`` (a temporary directory for an in-memory store; emptied if the store file is gone)."""
        if not db or db == ":memory:":
            return cls(None)
        path = Path(f"{db}.shards")
        if path.exists() and not Path(db).exists():
            shutil.rmtree(path, ignore_errors=True)
        return cls(path)

    def shard_path(self, key: str) -> str:
        return os.fspath(self.path / f"{key}{SUFFIX}")

    def shards(self) -> dict[str, ShardInfo]:
        """Complete shards an interrupted run left, by key (those already stored, or unreadable, are deleted)."""
        found: dict[str, ShardInfo] = {}
        for path in sorted(self.path.glob(f"*{SUFFIX}")):
            key = path.name[: -len(SUFFIX)]
            try:
                if key not in self.done:
                    found[key] = read_shard_info(path)
                    continue
            except StoreError:
                pass  # cannot happen to a shard renamed into place; coded again if it does
            path.unlink(missing_ok=True)
        return found

    def record(self, key: str, **info: Any) -> None:
        """Note that the partition ``key`` is stored (flushed to disk before returning)."""
        try:
            if self._fh is None:
                self._fh = open(self.path / MANIFEST, "a", encoding="utf-8")
            self._fh.write(json.dumps({"key": key, **info}) + "\n")
            self._fh.flush()
            os.fsync(self._fh.fileno())
        except OSError as exc:
            where = self.path / MANIFEST
            raise StoreError(f"{where}: cannot write the resume manifest: {exc.strerror or exc}") from None
        self.done.add(key)

    def close(self, *, complete: bool) -> None:
        """Close the manifest; remove the directory when the run completed (or was only temporary)."""
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        if complete or self._temporary:
            shutil.rmtree(self.path, ignore_errors=True)
