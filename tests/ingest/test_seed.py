"""The seed (a PDF text extract under ../shared) comes out exactly as seed_structure.json describes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kuroshio.config import Options
from kuroshio.ingest import iter_documents
from kuroshio.model import Document

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEED = SHARED / "seeds" / "000_d0e56f442d3a9965.txt"
STRUCTURE = SHARED / "eval" / "dev" / "seed_structure.json"


@pytest.fixture(scope="module")
def seed() -> tuple[Document, dict, str]:
    if not SEED.is_file() or not STRUCTURE.is_file():
        pytest.skip("../shared not present: the seed is not ours to ship")
    (doc,) = list(iter_documents([str(SEED)], Options()))
    assert isinstance(doc, Document)
    return doc, json.loads(STRUCTURE.read_text(encoding="utf-8")), SEED.read_text(encoding="utf-8")


def source_offset(doc: Document, index: int) -> int:
    for run in doc.source_runs:
        if run.text_start <= index < run.text_start + run.length:
            return run.source_start + index - run.text_start
    raise AssertionError(f"text offset {index} maps to no source")


def test_front_matter(seed: tuple[Document, dict, str]) -> None:
    doc, want, _ = seed
    record = doc.to_json()
    assert record["title"] == want["title"]
    assert record["authors"] == [{k: a[k] for k in ("name", "affiliation", "role")} for a in want["authors"]]
    assert record["affiliations"] == [a["affiliation"] for a in want["authors"]]
    assert record["publisher"] == want["publisher_from_note"]
    assert record["date"] is None
    assert want["caption_url"] in record["urls"]


def test_blocks_exact(seed: tuple[Document, dict, str]) -> None:
    doc, want, _ = seed
    got = [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks]
    assert got == [(b["kind"], b["text"]) for b in want["blocks"]]
    record = doc.to_json()
    assert record["headings"] == want["headings"]
    assert len(record["paragraphs"]) == want["paragraph_count"]
    assert record["captions"] == [want["caption"]]
    assert record["notes"] == [want["editor_note"]]


def test_block_source_offsets(seed: tuple[Document, dict, str]) -> None:
    doc, want, _ = seed
    for block, expected in zip(doc.blocks, want["blocks"], strict=True):
        assert source_offset(doc, block.start) == expected["src_start"]
        assert source_offset(doc, block.end - 1) + 1 == expected["src_end"]


def test_every_mapped_character_matches_its_source(seed: tuple[Document, dict, str]) -> None:
    doc, _, raw = seed
    for run in doc.source_runs:
        assert (
            doc.text[run.text_start : run.text_start + run.length]
            == raw[run.source_start : run.source_start + run.length]
        )


def test_traps(seed: tuple[Document, dict, str]) -> None:
    doc, want, _ = seed
    for kept in want["traps"]["inline_spaces_to_keep"] + want["traps"]["latin_inside_cjk_paragraph"]:
        assert kept in doc.text
    wide = [i for i in range(1, len(doc.text) - 1) if doc.text[i] == " "]
    for i in wide:
        a, b = doc.text[i - 1], doc.text[i + 1]
        assert not ("\u4e00" <= a <= "\u9fff" and "\u4e00" <= b <= "\u9fff"), doc.text[i - 5 : i + 5]
