"""Dispatch inputs by kind to the readers that build Documents; one bad input never stops a batch.

Kinds by suffix (after ``.gz``): ``.txt .md .text`` text (including PDF extracts), ``.pdf``, ``.html .htm .xhtml``,
corpora ``.jsonl .ndjson`` (one JSON object a line), ``.csv .tsv`` and ``.parquet`` (columns ``id, text|html, date,
title, url, lang``). A file with another suffix is sniffed (``%PDF``, ``<html``, else text). Directories are walked
recursively in sorted order. Every failure becomes one :class:`~kuroshio.errors.IngestError` naming the file (and the
corpus line or row) and the reason.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import os
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from kuroshio.config import Options
from kuroshio.errors import IngestError
from kuroshio.ingest.decode import declared_charset, decode_bytes
from kuroshio.ingest.reflow import reflow_text
from kuroshio.model import Document

TEXT_SUFFIXES = {".txt", ".md", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
PDF_SUFFIXES = {".pdf"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
TABLE_SUFFIXES = {".csv", ".tsv", ".parquet"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES | JSONL_SUFFIXES | TABLE_SUFFIXES


def content_id(text: str) -> str:
    """The document id for content without one: a hash of the normalized text."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def _lang_fields(lang: str | None) -> tuple[str | None, str | None]:
    if lang in ("zh-Hant", "zh-Hans"):
        return "zh", lang
    if lang == "en":
        return "en", "Latn"
    return None, None


def _finish(
    doc: Document,
    *,
    options: Options,
    id: str | None,
    source_path: str | None,
    date: str | None = None,
    title: str | None = None,
    url: str | None = None,
    lang: str | None = None,
) -> Document:
    forced = lang or (options.lang if options.lang != "auto" else None)
    doc_lang, script = _lang_fields(forced)
    return replace(
        doc,
        id=id or content_id(doc.text),
        source_path=source_path,
        date=date or doc.date or options.date,
        title=title or doc.title,
        url=url or doc.url,
        lang=doc_lang or doc.lang,
        script=script or doc.script,
    )


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
    """A Document from raw text (plain text or a PDF text extract); offsets map into ``raw``."""
    if not raw.strip():
        raise IngestError(source_path or "<text>", "empty text")
    doc = reflow_text(raw)
    return _finish(doc, options=options, id=id, source_path=source_path, date=date, title=title, url=url, lang=lang)


def document_from_html(
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
    """A Document from an HTML page; offsets map into ``raw``."""
    from kuroshio.ingest.html import read_html

    doc = read_html(raw, source_path or "<html>")
    return _finish(doc, options=options, id=id, source_path=source_path, date=date, title=title, url=url, lang=lang)


# Reading files -------------------------------------------------------------------------------------------------------


def _read_bytes(path: Path, options: Options) -> bytes:
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            raise IngestError(str(path), f"file too large ({size} bytes > limit {options.max_bytes})")
        data = path.read_bytes()
    except FileNotFoundError:
        raise IngestError(str(path), "no such file") from None
    except PermissionError:
        raise IngestError(str(path), "permission denied") from None
    except IsADirectoryError:
        raise IngestError(str(path), "is a directory") from None
    except OSError as exc:
        raise IngestError(str(path), f"cannot read: {exc.strerror or exc}") from None
    if path.suffix.lower() == ".gz":
        data = _gunzip(data, str(path), options.max_bytes)
    return data


def _gunzip(data: bytes, path: str, limit: int) -> bytes:
    """Decompress at most ``limit`` bytes (a gzip bomb is refused, not unpacked)."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            out = fh.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise IngestError(path, f"corrupt gzip data ({exc})") from None
    if len(out) > limit:
        raise IngestError(path, f"decompressed size over the limit of {limit} bytes")
    return out


def _kind(path: Path, head: bytes) -> str:
    name = path.name.lower()
    suffix = Path(name[:-3]).suffix if name.endswith(".gz") else path.suffix.lower()
    for kind, suffixes in (
        ("text", TEXT_SUFFIXES),
        ("html", HTML_SUFFIXES),
        ("pdf", PDF_SUFFIXES),
        ("jsonl", JSONL_SUFFIXES),
    ):
        if suffix in suffixes:
            return kind
    if suffix in TABLE_SUFFIXES:
        return suffix[1:]
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


def _record_field(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None or (isinstance(value, float) and value != value):  # NaN from a table
        return None
    return str(value)


def document_from_record(record: Any, where: str, line: int, options: Options) -> Document | IngestError:
    """A corpus record as a Document, exactly as :func:`iter_documents` reads a JSONL, CSV or Parquet corpus.

    The record's fields are those of DESIGN.md §2: ``id``, ``text`` or ``html``, ``date``, ``title``, ``url``, ``lang``.
    ``where`` and ``line`` name the record (the document's ``source_path`` is ``where:line``). Never raises: a record
    that is not a mapping, has no text, or cannot be read comes back as an :class:`IngestError` naming it.
    """
    if not isinstance(record, dict):
        return IngestError(where, "record is not a JSON object", line=line)
    text, markup = record.get("text"), record.get("html")
    if not isinstance(text, str) and not isinstance(markup, str):
        return IngestError(where, "record has no 'text' or 'html' string", line=line)
    ident = _record_field(record, "id")
    fields = {
        "options": options,
        "id": ident,
        "source_path": f"{where}:{line}",
        "date": _record_field(record, "date"),
        "title": _record_field(record, "title"),
        "url": _record_field(record, "url"),
        "lang": _record_field(record, "lang") if record.get("lang") in ("zh-Hant", "zh-Hans", "en") else None,
    }
    try:
        if isinstance(text, str) and text.strip():
            return document_from_text(text, **fields)  # type: ignore[arg-type]
        if isinstance(markup, str) and markup.strip():
            return document_from_html(markup, **fields)  # type: ignore[arg-type]
        return IngestError(where, "empty text", line=line)
    except IngestError as exc:
        return IngestError(where, exc.reason, line=line)
    except Exception as exc:  # one bad record must not stop the corpus
        return IngestError(where, f"cannot read record ({type(exc).__name__}: {exc})", line=line)


def _iter_jsonl(path: Path, data: bytes, options: Options) -> Iterator[Document | IngestError]:
    text = decode_bytes(data, str(path))
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(str(path), f"invalid JSON ({exc.msg})", line=number)
            continue
        yield document_from_record(record, str(path), number, options)


def _iter_table(path: Path, data: bytes, kind: str, options: Options) -> Iterator[Document | IngestError]:
    rows: Iterable[dict[str, Any]]
    if kind == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        try:
            table = pq.read_table(io.BytesIO(data))
        except (pa.ArrowException, OSError, ValueError) as exc:
            raise IngestError(str(path), f"cannot read Parquet ({exc})") from None
        rows = table.to_pylist()
        first_line = 1
    else:
        text = decode_bytes(data, str(path))
        try:
            rows = list(csv.DictReader(io.StringIO(text), delimiter="\t" if kind == "tsv" else ","))
        except csv.Error as exc:
            raise IngestError(str(path), f"cannot read {kind.upper()} ({exc})") from None
        first_line = 2  # the header is line 1
    columns_checked = False
    for number, row in enumerate(rows, start=first_line):
        if not columns_checked:
            if "text" not in row and "html" not in row:
                raise IngestError(str(path), f"no 'text' or 'html' column (columns: {', '.join(map(str, row))})")
            columns_checked = True
        yield document_from_record(row, str(path), number, options)


def read_file(path: Path, options: Options) -> Iterator[Document | IngestError]:
    """Documents (or errors) of one file."""
    data = _read_bytes(path, options)
    kind = _kind(path, data[:64])
    name = os.fspath(path)
    if kind == "jsonl":
        yield from _iter_jsonl(path, data, options)
    elif kind in ("csv", "tsv", "parquet"):
        yield from _iter_table(path, data, kind, options)
    elif kind == "pdf":
        from kuroshio.ingest.pdf import read_pdf

        doc = read_pdf(data, name, max_pages=options.max_pages)
        yield _finish(doc, options=options, id=path.name, source_path=name)
    elif kind == "html":
        text = decode_bytes(data, name, hint=declared_charset(data))
        yield document_from_html(text, options=options, id=path.name, source_path=name)
    else:
        yield document_from_text(decode_bytes(data, name), options=options, id=path.name, source_path=name)


def _known(path: Path) -> bool:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return Path(name).suffix in KNOWN_SUFFIXES


def iter_paths(paths: Iterable[str]) -> Iterator[Path]:
    """Files named, or found (recursively, sorted, known suffixes only) under the directories named."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and _known(p))
        else:
            yield path


def iter_documents(paths: Iterable[str], options: Options) -> Iterator[Document | IngestError]:
    """A Document per document found, or an IngestError per input (or corpus line) that could not be read."""
    for path in iter_paths(paths):
        try:
            if not path.exists():
                raise IngestError(str(path), "no such file")
            yield from read_file(path, options)
        except IngestError as exc:
            yield exc
        except RecursionError:
            yield IngestError(str(path), "document nested too deeply")
        except MemoryError:
            yield IngestError(str(path), "out of memory while reading")
        except Exception as exc:  # a reader bug must not take the batch down
            yield IngestError(str(path), f"cannot read ({type(exc).__name__}: {exc})")
