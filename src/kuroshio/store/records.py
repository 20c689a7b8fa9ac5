"""Documents as Arrow rows: one row per document, its sentences, mentions and events as nested lists.

This is what workers send to the one store writer (and write as Parquet shards): ``to_records(documents)`` builds the
table column by column (no per-row dicts), ``Store.add_records(table)`` loads it in one transaction.
``content_hash`` is computed here, from everything that would be stored, so that a re-run with the same content and
the same coder is recognised as unchanged.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from typing import Any

import pyarrow as pa

from kuroshio.model import Author, Block, Document, Event, Mention, Sentence, SourceRun

_STR = pa.string()
_I32 = pa.int32()

AUTHOR = pa.struct([("name", _STR), ("affiliation", _STR), ("role", _STR)])
BLOCK = pa.struct([("kind", _STR), ("start", _I32), ("end", _I32), ("page", _I32)])
SOURCE_RUN = pa.struct([("text_start", _I32), ("source_start", _I32), ("length", _I32), ("page", _I32)])
SENTENCE = pa.struct([("idx", _I32), ("start", _I32), ("end", _I32), ("block", _I32)])
MENTION = pa.struct(
    [
        ("idx", _I32),
        ("start", _I32),
        ("end", _I32),
        ("text", _STR),
        ("code", _STR),
        ("country", _STR),
        ("kind", _STR),
        ("entity", _STR),
        ("members", pa.list_(_STR)),
        ("sentence", _I32),
    ]
)
EVENT = pa.struct(
    [
        ("idx", _I32),
        ("sentence_index", _I32),
        ("sentence", _STR),
        ("source", _STR),
        ("source_country", _STR),
        ("source_text", _STR),
        ("target", _STR),
        ("target_country", _STR),
        ("target_text", _STR),
        ("cameo", _STR),
        ("root", _STR),
        ("quad_class", pa.int8()),
        ("goldstein", pa.float64()),
        ("plover", _STR),
        ("date", _STR),
        ("date_precision", _STR),
        ("mode", _STR),
        ("spans", _STR),  # JSON object {"source": [s, e], ...}
        ("confidence", pa.float64()),
    ]
)
RECORD_SCHEMA = pa.schema(
    [
        ("id", _STR),
        ("content_hash", _STR),
        ("source_path", _STR),
        ("lang", _STR),
        ("script", _STR),
        ("title", _STR),
        ("authors", pa.list_(AUTHOR)),
        ("publisher", _STR),
        ("date", _STR),
        ("url", _STR),
        ("urls", pa.list_(_STR)),
        ("text", _STR),
        ("shadow", _STR),
        ("blocks", pa.list_(BLOCK)),
        ("source_runs", pa.list_(SOURCE_RUN)),
        ("sentences", pa.list_(SENTENCE)),
        ("mentions", pa.list_(MENTION)),
        ("events", pa.list_(EVENT)),
    ]
)


def content_hash(document: Document) -> str:
    """A hash of everything stored for a document (text, structure, sentences, mentions, events)."""
    return _hash(_rows(document))


def _hash(rows: tuple[Any, ...]) -> str:
    return hashlib.sha256(repr(rows).encode("utf-8")).hexdigest()


_ENCODER = json.JSONEncoder(separators=(",", ":"), ensure_ascii=True)


def spans_json(spans: dict[str, tuple[int, int] | None]) -> str:
    """``{"source":[0,5],"target":null}`` (tuples encode as JSON arrays)."""
    return _ENCODER.encode(spans)


def spans_from_json(text: str | None) -> dict[str, tuple[int, int] | None]:
    if not text:
        return {}
    return {k: (tuple(v) if v is not None else None) for k, v in json.loads(text).items()}  # type: ignore[misc]


_SCALARS = ("id", "source_path", "lang", "script", "title", "publisher", "date", "url", "text", "shadow")


def _rows(d: Document) -> tuple[Any, ...]:
    """A document as plain tuples: scalars, urls, then the rows of each nested list (in RECORD_SCHEMA's order)."""
    return (
        (d.id, d.source_path, d.lang, d.script, d.title, d.publisher, d.date, d.url, d.text, d.shadow),
        list(d.urls),
        [(a.name, a.affiliation, a.role) for a in d.authors],
        [(b.kind, b.start, b.end, b.page) for b in d.blocks],
        [(r.text_start, r.source_start, r.length, r.page) for r in d.source_runs],
        [(s.index, s.start, s.end, s.block) for s in d.sentences],
        [
            (i, m.start, m.end, m.text, m.code, m.country, m.kind, m.entity, list(m.members), m.sentence)
            for i, m in enumerate(d.mentions)
        ],
        [
            (i, e.sentence_index, e.sentence, e.source, e.source_country, e.source_text, e.target, e.target_country,
             e.target_text, e.cameo, e.root, e.quad_class, e.goldstein, e.plover, e.date, e.date_precision, e.mode,
             spans_json(e.spans), e.confidence)
            for i, e in enumerate(d.events)
        ],
    )  # fmt: skip


def _list_array(struct: pa.StructType, rows: list[tuple[Any, ...]], offsets: list[int]) -> pa.ListArray:
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in struct]
    arrays = [pa.array(list(values), type=f.type) for values, f in zip(columns, struct, strict=True)]
    inner = pa.StructArray.from_arrays(arrays, fields=list(struct))
    return pa.ListArray.from_arrays(pa.array(offsets, type=_I32), inner)


_NESTED = (("authors", AUTHOR), ("blocks", BLOCK), ("source_runs", SOURCE_RUN), ("sentences", SENTENCE),
           ("mentions", MENTION), ("events", EVENT))  # fmt: skip


def to_records(documents: Iterable[Document]) -> pa.Table:
    """The Arrow table (RECORD_SCHEMA) of ``documents``, one row each."""
    scalars: list[tuple[Any, ...]] = []
    hashes: list[str] = []
    urls: list[list[str]] = []
    nested: list[list[tuple[Any, ...]]] = [[] for _ in _NESTED]
    offsets: list[list[int]] = [[0] for _ in _NESTED]
    for d in documents:
        rows = _rows(d)
        hashes.append(_hash(rows))
        scalars.append(rows[0])
        urls.append(rows[1])
        for k, part in enumerate(rows[2:]):
            nested[k].extend(part)
            offsets[k].append(len(nested[k]))
    by_column = list(zip(*scalars, strict=True)) if scalars else [() for _ in _SCALARS]
    columns: dict[str, pa.Array] = {
        name: pa.array(list(v), type=_STR) for name, v in zip(_SCALARS, by_column, strict=True)
    }
    columns["content_hash"] = pa.array(hashes, type=_STR)
    columns["urls"] = pa.array(urls, type=pa.list_(_STR))
    for k, (name, struct) in enumerate(_NESTED):
        columns[name] = _list_array(struct, nested[k], offsets[k])
    return pa.table([columns[f.name] for f in RECORD_SCHEMA], schema=RECORD_SCHEMA)


EVENT_COLUMNS = tuple(f.name for f in EVENT if f.name != "idx")


def event_from_row(doc: str, row: Sequence[Any]) -> Event:
    """An Event from ``EVENT_COLUMNS`` values (in that order)."""
    values = dict(zip(EVENT_COLUMNS, row, strict=True))
    spans = spans_from_json(values.pop("spans"))
    return Event(doc=doc, spans=spans, **values)


def document_from_rows(
    doc: dict[str, Any],
    sentences: Iterable[Sequence[Any]],
    mentions: Iterable[Sequence[Any]],
    events: Iterable[Sequence[Any]],
) -> Document:
    """A Document from a ``documents`` row (as a dict) and its child rows (columns as in the store tables)."""
    return Document(
        id=doc["id"],
        text=doc["text"] or "",
        source_path=doc["source_path"],
        lang=doc["lang"],
        script=doc["script"],
        title=doc["title"],
        authors=tuple(Author(a["name"], a["affiliation"], a["role"]) for a in doc["authors"] or ()),
        publisher=doc["publisher"],
        date=doc["date"],
        url=doc["url"],
        urls=tuple(doc["urls"] or ()),
        blocks=tuple(Block(b["kind"], b["start"], b["end"], b["page"]) for b in doc["blocks"] or ()),
        source_runs=tuple(
            SourceRun(r["text_start"], r["source_start"], r["length"], r["page"]) for r in doc["source_runs"] or ()
        ),
        shadow=doc["shadow"],
        sentences=tuple(Sentence(index=i, start=s, end=e, block=b) for i, s, e, b in sentences),
        mentions=tuple(
            Mention(s, e, t, c, co, k, entity=en, members=tuple(mem or ()), sentence=se)
            for s, e, t, c, co, k, en, mem, se in mentions
        ),
        events=tuple(event_from_row(doc["id"], row) for row in events),
    )
