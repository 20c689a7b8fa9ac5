"""The typed, frozen data model that every stage passes on.

A stage takes a :class:`Document` and returns a new one (``dataclasses.replace``); nothing here is mutated in place.
Offsets are ``[start, end)`` character offsets into ``Document.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

BLOCK_KINDS = ("title", "author", "affiliation", "publisher", "date", "heading", "paragraph", "caption", "note")
MODES = ("actual", "planned", "hypothetical", "negated")


@dataclass(frozen=True, slots=True)
class Author:
    name: str
    affiliation: str | None = None
    role: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "affiliation": self.affiliation, "role": self.role}


@dataclass(frozen=True, slots=True)
class Block:
    """One structural unit of the clean text: a title, heading, paragraph, caption, note, byline line."""

    kind: str
    start: int
    end: int
    page: int | None = None


@dataclass(frozen=True, slots=True)
class SourceRun:
    """A run of ``length`` characters of ``Document.text`` that maps one-to-one onto the source text.

    ``source_start`` is a character offset into the decoded source (file text, HTML text, or PDF page text when
    ``page`` is set). Characters of ``Document.text`` covered by no run were synthesized (block separators).
    """

    text_start: int
    source_start: int
    length: int
    page: int | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    block: int = 0


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor mention resolved to a CAMEO actor code valid at the document's date."""

    start: int
    end: int
    text: str
    code: str
    country: str | None
    kind: str  # state | person | org | igo | capital | role | group | pronoun
    entity: str = ""
    members: tuple[str, ...] = ()  # for groups (美日韓) the member codes
    sentence: int = -1

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "code": self.code,
            "country": self.country,
            "kind": self.kind,
            "entity": self.entity,
            "members": list(self.members),
            "sentence": self.sentence,
        }


@dataclass(frozen=True, slots=True)
class Event:
    """One coded who-did-what-to-whom-when event, with the evidence spans that produced it."""

    doc: str
    sentence_index: int
    sentence: str
    source: str
    source_country: str | None
    source_text: str
    target: str | None
    target_country: str | None
    target_text: str | None
    cameo: str
    root: str
    quad_class: int
    goldstein: float
    plover: str | None
    date: str | None
    date_precision: str | None
    mode: str
    spans: dict[str, tuple[int, int] | None] = field(default_factory=dict)
    confidence: float = 0.5

    def key(self) -> tuple[Any, ...]:
        return (self.sentence_index, self.source, self.target, self.cameo, self.mode)

    def to_json(self) -> dict[str, Any]:
        """The DESIGN.md §3 record."""
        return {
            "doc": self.doc,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "source": self.source,
            "source_country": self.source_country,
            "source_text": self.source_text,
            "target": self.target,
            "target_country": self.target_country,
            "target_text": self.target_text,
            "cameo": self.cameo,
            "root": self.root,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover": self.plover,
            "date": self.date,
            "date_precision": self.date_precision,
            "mode": self.mode,
            "spans": {k: (list(v) if v is not None else None) for k, v in self.spans.items()},
            "confidence": self.confidence,
        }

    @classmethod
    def from_json(cls, record: dict[str, Any]) -> Event:
        spans = {k: (tuple(v) if v is not None else None) for k, v in (record.get("spans") or {}).items()}
        fields = {k: record.get(k) for k in cls.__dataclass_fields__ if k != "spans"}
        return cls(**fields, spans=spans)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Document:
    """A document: its clean text, structure, and what the stages found in it."""

    id: str
    text: str
    source_path: str | None = None
    lang: str | None = None  # zh | en | ...
    script: str | None = None  # zh-Hant | zh-Hans | mixed | Latn
    title: str | None = None
    authors: tuple[Author, ...] = ()
    publisher: str | None = None
    date: str | None = None  # YYYY-MM-DD (or YYYY-MM / YYYY)
    url: str | None = None
    urls: tuple[str, ...] = ()
    blocks: tuple[Block, ...] = ()
    source_runs: tuple[SourceRun, ...] = ()
    shadow: str | None = None  # Simplified shadow of text, same length (zh-Hant documents)
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()

    def block_texts(self, kind: str) -> list[str]:
        return [self.text[b.start : b.end] for b in self.blocks if b.kind == kind]

    @property
    def match_text(self) -> str:
        """The text dictionaries match against: the Simplified shadow when there is one."""
        return self.shadow if self.shadow is not None else self.text

    def sentence_text(self, index: int) -> str:
        s = self.sentences[index]
        return self.text[s.start : s.end]

    def to_json(self) -> dict[str, Any]:
        """The DESIGN.md §4 record."""
        affiliations = [a.affiliation for a in self.authors if a.affiliation]
        return {
            "id": self.id,
            "source_path": self.source_path,
            "lang": _lang_tag(self.lang, self.script),
            "script": self.script,
            "title": self.title,
            "authors": [a.to_json() for a in self.authors],
            "affiliations": affiliations,
            "publisher": self.publisher,
            "date": self.date,
            "headings": self.block_texts("heading"),
            "paragraphs": self.block_texts("paragraph"),
            "captions": self.block_texts("caption"),
            "notes": self.block_texts("note"),
            "urls": list(self.urls),
            "url": self.url,
            "text": self.text,
            "blocks": [{"kind": b.kind, "start": b.start, "end": b.end, "page": b.page} for b in self.blocks],
        }


def _lang_tag(lang: str | None, script: str | None) -> str | None:
    if lang == "zh" and script in ("zh-Hant", "zh-Hans"):
        return script
    return lang
