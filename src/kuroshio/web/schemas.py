"""Pydantic models of the REST responses: they document the API in OpenAPI (records follow DESIGN.md §3 and §4)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class Spans(BaseModel):
    source: list[int] | None = None
    target: list[int] | None = None
    trigger: list[int] | None = None


class EventRecord(BaseModel):
    """One coded event (DESIGN.md §3); spans are [start, end) offsets into the document text."""

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
    spans: Spans
    confidence: float


class EventPage(BaseModel):
    events: list[EventRecord]
    total: int = Field(description="Events matching the filters, before paging.")
    limit: int
    offset: int


class SeriesPoint(BaseModel):
    period: str
    events: int
    q1: int
    q2: int
    q3: int
    q4: int
    goldstein_mean: float | None
    goldstein_sum: float | None


class DyadSeries(BaseModel):
    a: str
    b: str
    freq: str
    direction: str
    mode: str
    series: list[SeriesPoint]


class NetworkNode(BaseModel):
    id: str
    events: int


class NetworkEdge(BaseModel):
    source: str
    target: str
    events: int
    goldstein_mean: float | None


class Network(BaseModel):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class TopDyad(BaseModel):
    source: str
    target: str
    events: int
    goldstein_mean: float | None


class ActorMatch(BaseModel):
    code: str
    country: str | None = None
    name: str | None = None
    matched: str | None = None
    valid_from: str | None = None
    valid_until: str | None = None


class ActorResults(BaseModel):
    query: str
    date: str | None
    actors: list[ActorMatch]


class MentionRecord(BaseModel):
    start: int
    end: int
    text: str
    code: str
    country: str | None
    kind: str
    entity: str
    members: list[str]
    sentence: int


class DocumentRecord(BaseModel):
    """The document record (DESIGN.md §4) with its mentions and events."""

    model_config = {"extra": "allow"}

    id: str
    source_path: str | None
    lang: str | None
    script: str | None
    title: str | None
    authors: list[dict[str, Any]]
    affiliations: list[str]
    publisher: str | None
    date: str | None
    headings: list[str]
    paragraphs: list[str]
    captions: list[str]
    notes: list[str]
    urls: list[str]
    text: str
    mentions: list[MentionRecord]
    events: list[EventRecord]


class DocumentSummary(BaseModel):
    model_config = {"extra": "allow"}

    id: str
    title: str | None
    date: str | None
    lang: str | None
    source_path: str | None
    n_events: int | None


class DocumentPage(BaseModel):
    documents: list[DocumentSummary]
    total: int
    limit: int
    offset: int


class Stats(BaseModel):
    model_config = {"extra": "allow"}

    documents: int
    sentences: int
    mentions: int
    events: int
    first_date: str | None
    last_date: str | None


class UploadedDocument(BaseModel):
    id: str
    title: str | None
    status: str = Field(description="added, unchanged or replaced")
    events: int


class UploadResult(BaseModel):
    documents: list[UploadedDocument]
