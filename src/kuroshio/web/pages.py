"""Server-rendered pages: overview, events search, dyad trajectory, document with highlights, actor, network.

Every page keeps its filters in the URL query string, so a view can be bookmarked, shared and reloaded.
"""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse

from kuroshio.errors import KuroshioError
from kuroshio.web import charts
from kuroshio.web.filters import (
    ACTOR_PATTERN,
    Direction,
    EventFilters,
    Freq,
    Mode,
    Offset,
    Since,
    Until,
    event_filters,
)
from kuroshio.web.highlight import render_blocks

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

PAGE_SIZE = 50
ActorPath = Annotated[str, Path(pattern=ACTOR_PATTERN)]
PageLimit = Annotated[int, Query(ge=1, le=500)]


def _render(request: Request, name: str, **context: Any) -> Any:
    return request.app.state.templates.TemplateResponse(request, name, context)


def _merged(store: Any, queries: list[dict[str, Any]], *, limit: int, offset: int) -> tuple[list[Any], int]:
    """Events of several filter sets (e.g. both directions of a dyad) merged newest first, paged, and their total."""
    if len(queries) == 1:
        found = store.events(**queries[0], limit=limit, offset=offset, newest_first=True)
        return found, store.count_events(**queries[0])
    found: list[Any] = []
    total = 0
    for query in queries:
        found.extend(store.events(**query, limit=limit + offset, offset=0, newest_first=True))
        total += store.count_events(**query)
    found.sort(key=lambda e: (e.date is not None, e.date or "", e.doc, e.sentence_index), reverse=True)
    return found[offset : offset + limit], total


def _pager(total: int, limit: int, offset: int) -> dict[str, Any]:
    return {
        "total": total,
        "limit": limit,
        "offset": offset,
        "first": offset + 1 if total else 0,
        "last": min(total, offset + limit),
        "prev": max(0, offset - limit) if offset > 0 else None,
        "next": offset + limit if offset + limit < total else None,
    }


@router.get("/")
def overview(request: Request) -> Any:
    with request.app.state.store.read() as store:
        stats = store.stats()
        top = store.top_dyads(10)
        latest = store.events(limit=15, newest_first=True)
        for row in top:
            series = store.dyad_series(row["source"], row["target"], freq="month", direction="both")
            row["spark"] = charts.sparkline(
                [float(p["events"]) for p in series], label=f"{row['source']}–{row['target']} events per month"
            )
    return _render(request, "overview.html", page="overview", stats=stats, top=top, events=latest)


@router.get("/events")
def events_page(
    request: Request,
    filters: Annotated[EventFilters, Depends(event_filters)],
    limit: PageLimit = PAGE_SIZE,
    offset: Offset = 0,
) -> Any:
    with request.app.state.store.read() as store:
        found, total = _merged(store, [filters.store_kwargs()], limit=limit, offset=offset)
    return _render(
        request,
        "events.html",
        page="events",
        filters=filters,
        events=found,
        paging=_pager(total, limit, offset),
        query=filters.query_string(limit=limit if limit != PAGE_SIZE else None),
    )


@router.get("/dyad/{a}/{b}")
def dyad_page(
    request: Request,
    a: ActorPath,
    b: ActorPath,
    freq: Freq = Freq.month,
    direction: Direction = Direction.both,
    mode: Mode = Mode.actual,
    since: Since = None,
    until: Until = None,
    code: Annotated[str | None, Query(pattern=r"^\d{2,4}$")] = None,
    q: Annotated[str | None, Query(max_length=200)] = None,
    limit: PageLimit = PAGE_SIZE,
    offset: Offset = 0,
) -> Any:
    a, b = a.upper(), b.upper()
    q = (q or "").strip() or None
    common = {"code": code or None, "mode": mode.value, "since": since, "until": until, "q": q}
    queries = []
    if direction in (Direction.both, Direction.ab):
        queries.append({"source": a, "target": b, **common})
    if direction in (Direction.both, Direction.ba) and (a != b or not queries):
        queries.append({"source": b, "target": a, **common})
    with request.app.state.store.read() as store:
        series = store.dyad_series(
            a, b, freq=freq.value, direction=direction.value, since=since, until=until, mode=mode.value
        )
        found, total = _merged(store, queries, limit=limit, offset=offset)
    state = {
        "freq": freq.value,
        "direction": direction.value,
        "mode": mode.value,
        "since": since or "",
        "until": until or "",
        "code": code or "",
        "q": q or "",
    }
    query = EventFilters().query_string(**state)
    return _render(
        request,
        "dyad.html",
        page="dyad",
        a=a,
        b=b,
        state=state,
        series=series,
        chart=charts.trajectory(series),
        events=found,
        paging=_pager(total, limit, offset),
        query=query,
        freqs=[f.value for f in Freq],
        directions=[d.value for d in Direction],
        modes=[m.value for m in Mode],
    )


@router.get("/documents")
def documents_page(request: Request, limit: PageLimit = PAGE_SIZE, offset: Offset = 0) -> Any:
    with request.app.state.store.read() as store:
        found = store.documents(limit=limit, offset=offset)
        total = store.stats()["documents"]
    return _render(request, "documents.html", page="documents", documents=found, paging=_pager(total, limit, offset))


@router.get("/doc/{doc_id}")
def document_page(request: Request, doc_id: Annotated[str, Path(max_length=200)]) -> Any:
    with request.app.state.store.read() as store:
        document = store.document(doc_id)
    if document is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    data = document.to_json()
    return _render(
        request,
        "document.html",
        page="document",
        doc=document,
        record=data,
        blocks=render_blocks(document),
        lang_attr=data.get("lang") or "",
    )


@router.get("/actor/{code}")
def actor_page(
    request: Request,
    code: ActorPath,
    limit: PageLimit = PAGE_SIZE,
    offset: Offset = 0,
) -> Any:
    code = code.upper()
    with request.app.state.store.read() as store:
        as_source = store.count_events(source=code)
        as_target = store.count_events(target=code)
        found, total = _merged(store, [{"source": code}, {"target": code}], limit=limit, offset=offset)
        sample = store.events(source=code, limit=500) + store.events(target=code, limit=500)
    partners: Counter[tuple[str, str]] = Counter()
    for event in sample:
        if event.target is None:
            continue
        mine_source = event.source == code or event.source_country == code
        other = (event.target_country or event.target) if mine_source else (event.source_country or event.source)
        partners[("→" if mine_source else "←", other)] += 1
    names = _actor_names(request, code)
    return _render(
        request,
        "actor.html",
        page="actor",
        code=code,
        names=names,
        as_source=as_source,
        as_target=as_target,
        partners=partners.most_common(20),
        events=found,
        paging=_pager(total, limit, offset),
    )


def _actor_names(request: Request, code: str) -> list[dict[str, Any]]:
    """Dictionary entries for an actor code; empty when the actor dictionary is not available."""
    from kuroshio.actors import lookup

    try:
        return list(lookup(code, date=None, options=request.app.state.config.options))[:10]
    except KuroshioError:  # the dictionary is a nicety on this page, never a reason to fail it
        return []


@router.get("/network")
def network_page(
    request: Request,
    since: Since = None,
    until: Until = None,
    mode: Mode = Mode.actual,
    min_count: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Any:
    with request.app.state.store.read() as store:
        graph = store.network(since=since, until=until, mode=mode.value, min_count=min_count)
    edges = sorted(graph.get("edges", []), key=lambda e: -int(e.get("events") or 0))[:30]
    state = {"since": since or "", "until": until or "", "mode": mode.value, "min_count": min_count}
    return _render(
        request,
        "network.html",
        page="network",
        chart=charts.network(graph),
        graph=graph,
        edges=edges,
        state=state,
        modes=[m.value for m in Mode],
    )
