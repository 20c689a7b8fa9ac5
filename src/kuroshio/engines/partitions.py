"""Split inputs into partitions that workers read on their own, so the driver never holds the corpus.

A JSONL corpus is cut into byte ranges that end on line boundaries, a Parquet corpus into row groups, and loose files
(named or found in directories) into batches. Each partition has a stable key (file identity + range + coding
options) that the resume manifest records once the partition's documents are stored.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kuroshio.config import Options
from kuroshio.errors import IngestError
from kuroshio.ingest.readers import document_from_record, iter_documents, iter_paths
from kuroshio.model import Document

JSONL_SUFFIXES = {".jsonl", ".ndjson"}
PARQUET_SUFFIXES = {".parquet"}

# About this much source text per partition: small enough to bound worker memory and to keep both workers busy to
# the end, large enough that the writer's cost per shard (a file, a transaction) stays small next to coding.
PARTITION_BYTES = 512_000
FILES_PER_BATCH = 64
_READ_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class Partition:
    """A piece of input a worker reads by itself.

    ``kind`` is ``jsonl`` (bytes ``[start, end)`` of ``paths[0]``, first line numbered ``first_line``), ``parquet``
    (row group ``start`` of ``paths[0]``, first row numbered ``first_line``) or ``files`` (every file of ``paths``,
    read by the ingest readers).
    """

    kind: str
    paths: tuple[str, ...]
    start: int = 0
    end: int = 0
    first_line: int = 1
    size: int = 0  # bytes of input, for progress
    identity: str = ""  # file sizes and modification times, so that a changed file is not skipped on resume

    def key(self, options: Options) -> str:
        """Stable across runs of the same input, options and Kuroshio version (the resume manifest's key)."""
        from kuroshio import __version__

        parts = [self.kind, self.paths, self.start, self.end, self.identity, options.coding_hash(), __version__]
        raw = json.dumps(parts)
        return hashlib.sha256(raw.encode()).hexdigest()[:24]


def _identity(path: Path) -> str:
    try:
        st = path.stat()
    except OSError:
        return "missing"
    return f"{st.st_size}:{st.st_mtime_ns}"


def plan_partitions(
    paths: Iterable[str],
    *,
    partition_bytes: int = PARTITION_BYTES,
    files_per_batch: int = FILES_PER_BATCH,
) -> Iterator[Partition]:
    """Partitions of the inputs, in input order. Only JSONL files are scanned (for line boundaries)."""
    batch: list[Path] = []
    batch_bytes = 0

    def flush() -> Iterator[Partition]:
        nonlocal batch, batch_bytes
        if batch:
            yield Partition(
                "files",
                tuple(os.fspath(p) for p in batch),
                size=batch_bytes,
                identity="|".join(_identity(p) for p in batch),
            )
        batch, batch_bytes = [], 0

    for path in iter_paths(paths):
        suffix = path.suffix.lower()
        if suffix in JSONL_SUFFIXES and path.is_file() and not _is_utf16(path):
            yield from flush()
            yield from _jsonl_partitions(path, partition_bytes)
        elif suffix in PARQUET_SUFFIXES and path.is_file():
            yield from flush()
            yield from _parquet_partitions(path)
        else:
            batch.append(path)
            batch_bytes += _size(path)
            if len(batch) >= files_per_batch or batch_bytes >= partition_bytes:
                yield from flush()
    yield from flush()


def _is_utf16(path: Path) -> bool:
    """UTF-16 corpora cannot be cut on newline bytes; they go whole to the ingest reader."""
    with open(path, "rb") as fh:
        return fh.read(2) in (b"\xff\xfe", b"\xfe\xff")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _jsonl_partitions(path: Path, partition_bytes: int) -> Iterator[Partition]:
    """Byte ranges of about ``partition_bytes`` that start and end on line boundaries (one streaming pass)."""
    identity = _identity(path)
    name = os.fspath(path)
    start = 0
    first_line = 1
    lines = 0
    offset = 0
    cut = partition_bytes
    with open(path, "rb") as fh:
        while chunk := fh.read(_READ_CHUNK):
            pos = 0
            while offset + len(chunk) > cut:
                nl = chunk.find(b"\n", max(pos, cut - offset))
                if nl < 0:
                    break
                lines += chunk.count(b"\n", pos, nl + 1)
                end = offset + nl + 1
                yield Partition("jsonl", (name,), start, end, first_line, end - start, identity)
                start, first_line, pos = end, lines + 1, nl + 1
                cut = end + partition_bytes
            lines += chunk.count(b"\n", pos)
            offset += len(chunk)
    if offset > start:
        yield Partition("jsonl", (name,), start, offset, first_line, offset - start, identity)


def _parquet_partitions(path: Path) -> Iterator[Partition]:
    import pyarrow.parquet as pq

    identity = _identity(path)
    meta = pq.ParquetFile(path).metadata
    first_row = 1
    for group in range(meta.num_row_groups):
        info = meta.row_group(group)
        yield Partition(
            "parquet", (os.fspath(path),), group, group + 1, first_row, info.total_byte_size, identity
        )
        first_row += info.num_rows


def read_partition(partition: Partition, options: Options) -> Iterator[Document | IngestError]:
    """The documents (or reading errors) of one partition, in order."""
    if partition.kind == "files":
        yield from iter_documents(list(partition.paths), options)
    elif partition.kind == "jsonl":
        yield from _read_jsonl(partition, options)
    elif partition.kind == "parquet":
        yield from _read_parquet(partition, options)
    else:
        raise ValueError(f"unknown partition kind {partition.kind!r}")


def _read_jsonl(partition: Partition, options: Options) -> Iterator[Document | IngestError]:
    path = partition.paths[0]
    try:
        with open(path, "rb") as fh:
            fh.seek(partition.start)
            data = fh.read(partition.end - partition.start)
    except OSError as exc:
        yield IngestError(path, f"cannot read: {exc.strerror or exc}")
        return
    if partition.start == 0 and data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for number, raw in enumerate(data.split(b"\n"), start=partition.first_line):
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            yield IngestError(path, "line is not UTF-8", line=number)
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(path, f"invalid JSON ({exc.msg})", line=number)
            continue
        yield document_from_record(record, path, number, options)


def _read_parquet(partition: Partition, options: Options) -> Iterator[Document | IngestError]:
    import pyarrow.parquet as pq

    path = partition.paths[0]
    try:
        table = pq.ParquetFile(path).read_row_group(partition.start)
    except Exception as exc:  # pyarrow raises many types for a bad file
        yield IngestError(path, f"cannot read row group {partition.start}: {exc}")
        return
    for number, record in enumerate(table.to_pylist(), start=partition.first_line):
        yield document_from_record(record, path, number, options)
