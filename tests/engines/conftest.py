"""A small bilingual corpus (our own sentences) and helpers to read a whole store back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent

ZH = [
    "日本外務大臣昨天在東京會見了韓國外長，雙方同意加強合作。",
    "中國外交部發言人批評美國向台灣出售武器。",
    "北韓週一試射了一枚彈道飛彈，南韓政府表示強烈抗議。",
    "越南總理訪問北京，與中國簽署了貿易協議。",
    "菲律賓海警指責中國船隻在南海撞擊其補給船。",
    "美国国务卿在首尔会见韩国总统，讨论朝鲜半岛局势。",
    "俄罗斯总统普京表示将访问平壤。",
]
EN = [
    "Japan's prime minister met the South Korean president in Seoul on Monday.",
    "China condemned the sale of American weapons to Taiwan.",
    "North Korea fired a ballistic missile into the sea, and Japan protested.",
    "The United States and the Philippines signed a new defence agreement.",
    "Australia urged China to resume dialogue with Vietnam.",
]


def corpus_records(count: int = 40) -> list[dict[str, Any]]:
    records = []
    for i in range(count):
        pool = ZH if i % 2 == 0 else EN
        sep = "" if pool is ZH else " "
        text = sep.join(pool[(i + k) % len(pool)] for k in range(1 + i % 4))
        date = f"2024-05-{1 + i % 28:02d}"
        records.append({"id": f"doc-{i:03d}", "text": f"{text}\n\n{pool[i % len(pool)]}", "date": date})
    return records


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in corpus_records()), encoding="utf-8")
    return path


@pytest.fixture
def faults(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The engine_faults module, importable by name in spawned workers too."""
    monkeypatch.syspath_prepend(str(HERE))
    import engine_faults

    return engine_faults


def _store_contents(db: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    from kuroshio.store import Store

    with Store(db, read_only=True) as store:
        ids = [row["id"] for row in store.documents(limit=1_000_000)]
        documents = {doc_id: store.document(doc_id) for doc_id in ids}
        events = [e.to_json() for e in store.events()]
    return documents, events


@pytest.fixture
def store_contents():  # type: ignore[no-untyped-def]
    """``store_contents(db)``: every stored document (as read back) by id, and every stored event record."""
    return _store_contents
