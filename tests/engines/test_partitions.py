from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from kuroshio.config import Options
from kuroshio.engines.partitions import plan_partitions, read_partition
from kuroshio.errors import IngestError
from kuroshio.model import Document

OPTIONS = Options()


def _read_all(paths: list[str], **plan: int) -> list[Document | IngestError]:
    return [item for p in plan_partitions(paths, **plan) for item in read_partition(p, OPTIONS)]


def test_jsonl_ranges_cover_every_line_once_with_its_number(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    texts = ["日本與韓國會談。" * (i % 7 + 1) for i in range(50)]
    lines = [json.dumps({"id": f"d{i}", "text": t}, ensure_ascii=False) for i, t in enumerate(texts)]
    lines[17] = "{not json"
    lines[30] = ""
    path.write_text("\n".join(lines), encoding="utf-8")  # no final newline
    parts = list(plan_partitions([str(path)], partition_bytes=300))
    assert len(parts) > 5
    assert parts[0].start == 0 and parts[-1].end == path.stat().st_size
    assert all(a.end == b.start for a, b in zip(parts, parts[1:], strict=False))
    items = _read_all([str(path)], partition_bytes=300)
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, IngestError)]
    assert [d.id for d in docs] == [f"d{i}" for i in range(50) if i not in (17, 30)]
    assert [(e.line, e.path) for e in errors] == [(18, str(path))]
    assert docs[20].source_path == f"{path}:22"


def test_whole_and_partitioned_reads_agree(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(
        "".join(json.dumps({"id": f"d{i}", "text": f"Japan met Korea {i} times."}) + "\n" for i in range(30)),
        encoding="utf-8",
    )
    whole = _read_all([str(path)], partition_bytes=10**9)
    split = _read_all([str(path)], partition_bytes=64)
    assert whole == split and len(whole) == 30


def test_directories_are_batched_and_parquet_split_by_row_group(tmp_path: Path) -> None:
    for i in range(5):
        (tmp_path / f"note{i}.txt").write_text(f"Japan protested to China, note {i}.", encoding="utf-8")
    table = pa.table({"id": [f"p{i}" for i in range(6)], "text": [f"China met Japan, row {i}." for i in range(6)]})
    pq.write_table(table, tmp_path / "rows.parquet", row_group_size=2)
    parts = list(plan_partitions([str(tmp_path)], files_per_batch=2))
    kinds = [p.kind for p in parts]
    assert kinds.count("parquet") == 3 and kinds.count("files") == 3
    ids = sorted(d.id for d in _read_all([str(tmp_path)], files_per_batch=2) if isinstance(d, Document))
    assert ids == sorted([f"note{i}.txt" for i in range(5)] + [f"p{i}" for i in range(6)])


def test_partition_keys_change_with_the_file_and_the_options(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "Japan met Korea."}) + "\n", encoding="utf-8")
    (part,) = plan_partitions([str(path)])
    key = part.key(OPTIONS)
    assert part.key(OPTIONS.with_overrides(lang="en")) != key
    path.write_text(json.dumps({"id": "a", "text": "Japan met Korea again."}) + "\n", encoding="utf-8")
    (changed,) = plan_partitions([str(path)])
    assert changed.key(OPTIONS) != key
