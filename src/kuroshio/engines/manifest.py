"""The resume manifest: the keys of partitions whose documents are already in the store.

A JSON-lines file beside the store (``<db>.partitions``). A line is appended (and flushed to disk) after the
partition's documents are committed, so a run killed at any point resumes at the first partition not recorded; a
partition stored but not yet recorded is simply coded again, which the store's idempotent writes make harmless.
The file is removed when a run completes.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO, Any

from kuroshio.errors import StoreError


class Manifest:
    def __init__(self, path: str | os.PathLike[str] | None) -> None:
        self.path = Path(path) if path is not None else None
        self.done: set[str] = set()
        self._fh: IO[str] | None = None
        if self.path is not None and self.path.exists():
            for line in self.path.read_text(encoding="utf-8").splitlines():
                try:
                    self.done.add(json.loads(line)["key"])
                except (ValueError, KeyError, TypeError):
                    continue  # a line cut short by a kill

    @classmethod
    def for_store(cls, db: str) -> Manifest:
        """The manifest of the store file ``db`` (none for an in-memory store; stale if the store is gone)."""
        if not db or db == ":memory:":
            return cls(None)
        path = Path(f"{db}.partitions")
        if path.exists() and not Path(db).exists():
            path.unlink()
        return cls(path)

    def record(self, key: str, **info: Any) -> None:
        if self.path is None:
            return
        try:
            if self._fh is None:
                self._fh = open(self.path, "a", encoding="utf-8")
            self._fh.write(json.dumps({"key": key, **info}) + "\n")
            self._fh.flush()
            os.fsync(self._fh.fileno())
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot write the resume manifest: {exc.strerror or exc}") from None
        self.done.add(key)

    def close(self, *, complete: bool) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        if complete and self.path is not None and self.path.exists():
            self.path.unlink()
