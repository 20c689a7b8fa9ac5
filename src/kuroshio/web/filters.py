"""Query-string filters shared by the REST API and the pages, so both accept exactly the same parameters."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Query

DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
ACTOR_PATTERN = r"^[A-Za-z0-9]{2,40}$"
MAX_LIMIT = 500


class Mode(StrEnum):
    actual = "actual"
    planned = "planned"
    hypothetical = "hypothetical"
    negated = "negated"


class Freq(StrEnum):
    week = "week"
    month = "month"
    quarter = "quarter"
    year = "year"


class Direction(StrEnum):
    both = "both"
    ab = "ab"
    ba = "ba"


Actor = Annotated[str | None, Query(pattern=ACTOR_PATTERN, description="A country (KOR) or actor code (KORGOV).")]
Since = Annotated[str | None, Query(pattern=DATE_PATTERN, description="On or after YYYY[-MM[-DD]].")]
Until = Annotated[str | None, Query(pattern=DATE_PATTERN, description="On or before YYYY[-MM[-DD]].")]


@dataclass(frozen=True, slots=True)
class EventFilters:
    source: str | None = None
    target: str | None = None
    code: str | None = None
    root: str | None = None
    quad_class: int | None = None
    mode: str | None = None
    since: str | None = None
    until: str | None = None
    doc: str | None = None
    q: str | None = None

    def store_kwargs(self) -> dict[str, Any]:
        return asdict(self)

    def query_string(self, **extra: Any) -> str:
        """The filters (and ``extra``) as a URL query string, empty values left out."""
        values = asdict(self)
        values["quad"] = values.pop("quad_class")
        values.update(extra)
        return urlencode({k: v for k, v in values.items() if v not in (None, "")})


def event_filters(
    source: Actor = None,
    target: Actor = None,
    code: Annotated[str | None, Query(pattern=r"^\d{2,4}$", description="CAMEO code or prefix (04, 042).")] = None,
    root: Annotated[str | None, Query(pattern=r"^\d{2}$", description="CAMEO root (two digits).")] = None,
    quad: Annotated[int | None, Query(ge=1, le=4, description="Quad class 1-4.")] = None,
    mode: Annotated[Mode | None, Query(description="Event mode.")] = None,
    since: Since = None,
    until: Until = None,
    doc: Annotated[str | None, Query(max_length=200, description="Only this document id.")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Text search in the evidence sentence.")] = None,
) -> EventFilters:
    return EventFilters(
        source=source.upper() if source else None,
        target=target.upper() if target else None,
        code=code or None,
        root=root or None,
        quad_class=quad,
        mode=mode.value if mode else None,
        since=since or None,
        until=until or None,
        doc=doc or None,
        q=q.strip() or None if q else None,
    )


Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="At most this many items.")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Skip this many items.")]
