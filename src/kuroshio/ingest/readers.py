"""Dispatch inputs by kind (text file, JSONL corpus, directory) to the readers that build Documents."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from kuroshio.config import Options
from kuroshio.errors import IngestError
from kuroshio.ingest.reflow import reflow_text
from kuroshio.model import Document

TEXT_SUFFIXES = {".txt", ".md"}
CORPUS_SUFFIXES = {".jsonl"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | CORPUS_SUFFIXES


def content_id(text: str) -> str:
    """The document id for content without one: a hash of the normalized text."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def document_from_text(
    raw: str,
    *,
    options: Options,
    id: str | None = None,
    source_path: str | None = None,
    date: str | None = None,
    title: str | None = None,
    url: str | None = None,
    lang: str | None = None,
) -> Document:
    """A Document from raw text (plain text or a PDF text extract)."""
    doc = reflow_text(raw)
    forced = lang or (options.lang if options.lang != "auto" else None)
    script = forced if forced in ("zh-Hant", "zh-Hans") else None
    from dataclasses import replace

    return replace(
        doc,
        id=id or content_id(doc.text),
        source_path=source_path,
        date=date or doc.date or options.date,
        title=title or doc.title,
        url=url,
        lang="en" if forced == "en" else ("zh" if script else None),
        script=script or ("Latn" if forced == "en" else None),
    )


def _decode(path: Path, data: bytes) -> str:
    if not data.strip():
        raise IngestError(str(path), "empty file")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestError(str(path), "binary file, not text")
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise IngestError(str(path), "cannot decode text (not UTF-8 or UTF-16)")


def _read_bytes(path: Path, options: Options) -> bytes:
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            raise IngestError(str(path), f"file too large ({size} bytes > limit {options.max_bytes})")
        return path.read_bytes()
    except FileNotFoundError:
        raise IngestError(str(path), "no such file") from None
    except PermissionError:
        raise IngestError(str(path), "permission denied") from None
    except IsADirectoryError:
        raise IngestError(str(path), "is a directory") from None
    except OSError as exc:
        raise IngestError(str(path), f"cannot read: {exc.strerror or exc}") from None


def _iter_corpus(path: Path, options: Options) -> Iterator[Document | IngestError]:
    text = _decode(path, _read_bytes(path, options))
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(str(path), f"invalid JSON ({exc.msg})", line=number)
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield IngestError(str(path), "record has no 'text' string", line=number)
            continue
        try:
            yield document_from_text(
                record["text"],
                options=options,
                id=str(record["id"]) if record.get("id") is not None else None,
                source_path=f"{path}:{number}",
                date=record.get("date"),
                title=record.get("title"),
                url=record.get("url"),
                lang=record.get("lang"),
            )
        except IngestError as exc:
            yield exc


def iter_paths(paths: Iterable[str]) -> Iterator[Path]:
    """Files named or found (recursively, sorted) under the directories named."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            for sub in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in KNOWN_SUFFIXES):
                yield sub
        else:
            yield path


def iter_documents(paths: Iterable[str], options: Options) -> Iterator[Document | IngestError]:
    for path in iter_paths(paths):
        suffix = path.suffix.lower()
        try:
            if not path.exists():
                raise IngestError(str(path), "no such file")
            if suffix in CORPUS_SUFFIXES:
                yield from _iter_corpus(path, options)
            elif suffix in TEXT_SUFFIXES:
                text = _decode(path, _read_bytes(path, options))
                yield document_from_text(text, options=options, id=path.name, source_path=os.fspath(path))
            else:
                raise IngestError(str(path), f"unknown format {suffix or '(no suffix)'!r}")
        except IngestError as exc:
            yield exc
