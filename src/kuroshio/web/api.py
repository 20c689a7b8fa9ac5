"""The REST API under ``/api/`` (DESIGN.md §7). Every read opens the store read-only; the one write is the upload."""

from __future__ import annotations

import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from starlette.concurrency import run_in_threadpool

from kuroshio.web.filters import (
    ACTOR_PATTERN,
    DATE_PATTERN,
    Direction,
    EventFilters,
    Freq,
    Limit,
    Mode,
    Offset,
    Since,
    Until,
    event_filters,
)
from kuroshio.web.schemas import (
    ActorResults,
    DocumentPage,
    DocumentRecord,
    DyadSeries,
    EventPage,
    Network,
    Stats,
    TopDyad,
    UploadResult,
)

router = APIRouter(prefix="/api", tags=["api"])

ActorPath = Annotated[str, Path(pattern=ACTOR_PATTERN, description="A country or full actor code.")]


def _reader(request: Request) -> Any:
    return request.app.state.store.read()


@router.get("/stats", response_model=Stats, summary="Counts and date range of the store")
def stats(request: Request) -> Any:
    with _reader(request) as store:
        return store.stats()


@router.get("/events", response_model=EventPage, summary="Events matching filters, paged")
def events(
    request: Request,
    filters: Annotated[EventFilters, Depends(event_filters)],
    limit: Limit = 50,
    offset: Offset = 0,
) -> Any:
    """Events as DESIGN.md §3 records. ``source``/``target`` match a country or a full actor code."""
    kwargs = filters.store_kwargs()
    with _reader(request) as store:
        found = store.events(**kwargs, limit=limit, offset=offset)
        total = store.count_events(**kwargs)
    return {"events": [e.to_json() for e in found], "total": total, "limit": limit, "offset": offset}


@router.get("/dyads/top", response_model=list[TopDyad], summary="The dyads with the most events")
def top_dyads(
    request: Request,
    n: Annotated[int, Query(ge=1, le=100)] = 10,
    since: Since = None,
    until: Until = None,
) -> Any:
    with _reader(request) as store:
        return store.top_dyads(n, since=since, until=until)


@router.get("/dyads/{a}/{b}/series", response_model=DyadSeries, summary="Relation trajectory of a dyad")
def dyad_series(
    request: Request,
    a: ActorPath,
    b: ActorPath,
    freq: Freq = Freq.month,
    direction: Direction = Direction.both,
    mode: Mode = Mode.actual,
    since: Since = None,
    until: Until = None,
) -> Any:
    """Events, quad-class counts and Goldstein mean/sum per period between ``a`` and ``b``.

    ``direction``: both (a to b and b to a), ab (a to b only) or ba (b to a only).
    """
    a, b = a.upper(), b.upper()
    with _reader(request) as store:
        series = store.dyad_series(
            a, b, freq=freq.value, direction=direction.value, since=since, until=until, mode=mode.value
        )
    return {"a": a, "b": b, "freq": freq.value, "direction": direction.value, "mode": mode.value, "series": series}


@router.get("/network", response_model=Network, summary="Who acts on whom: actor nodes and directed edges")
def network(
    request: Request,
    since: Since = None,
    until: Until = None,
    mode: Mode = Mode.actual,
    min_count: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Any:
    with _reader(request) as store:
        return store.network(since=since, until=until, mode=mode.value, min_count=min_count)


@router.get("/actors", response_model=ActorResults, summary="Look a name or actor code up")
def actors(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=100, description="A name in any script, or a code.")],
    date: Annotated[str | None, Query(pattern=DATE_PATTERN, description="Roles valid at this date.")] = None,
) -> Any:
    from kuroshio.actors import lookup

    found = lookup(q, date=date, options=request.app.state.config.options)
    return {"query": q, "date": date, "actors": found}


@router.get("/documents", response_model=DocumentPage, summary="Stored documents, paged")
def documents(request: Request, limit: Limit = 50, offset: Offset = 0) -> Any:
    with _reader(request) as store:
        found = store.documents(limit=limit, offset=offset)
        total = store.stats()["documents"]
    return {"documents": found, "total": total, "limit": limit, "offset": offset}


@router.get(
    "/documents/{doc_id}",
    response_model=DocumentRecord,
    summary="One document: text, structure, mentions, events with spans",
    responses={404: {"description": "No such document"}},
)
def document(request: Request, doc_id: Annotated[str, Path(max_length=200)]) -> Any:
    with _reader(request) as store:
        found = store.document(doc_id)
    if found is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return document_record(found)


def document_record(document: Any) -> dict[str, Any]:
    record = document.to_json()
    record["mentions"] = [m.to_json() for m in document.mentions]
    record["events"] = [e.to_json() for e in document.events]
    return record


_UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "format": "binary", "description": ".pdf .html .htm .txt .md"},
                        "date": {"type": "string", "pattern": DATE_PATTERN, "description": "Publication date"},
                        "lang": {"type": "string", "enum": ["auto", "zh-Hant", "zh-Hans", "en"]},
                    },
                }
            }
        },
    }
}


@router.post(
    "/documents",
    response_model=UploadResult,
    summary="Upload a document to code and store (off unless the server runs with --allow-upload)",
    openapi_extra=_UPLOAD_BODY,
    responses={
        401: {"description": "Token missing or wrong"},
        403: {"description": "Uploads are disabled"},
        413: {"description": "File too large"},
        415: {"description": "Unsupported file type"},
        422: {"description": "The document could not be read or coded"},
    },
)
async def upload(request: Request) -> Any:
    """Code and store one uploaded file. When the server has a token, send ``Authorization: Bearer <token>``."""
    from kuroshio.web.upload import UploadRejected, ingest_upload

    config = request.app.state.config
    if not config.allow_upload:
        raise HTTPException(403, "uploads are disabled (start the server with --allow-upload)")
    if config.token is not None:
        given = request.headers.get("authorization", "")
        scheme, _, value = given.partition(" ")
        if scheme.lower() != "bearer" or not secrets.compare_digest(value.strip().encode(), config.token.encode()):
            raise HTTPException(401, "a valid token is required (Authorization: Bearer <token>)")
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > config.max_upload_bytes + 64_000:
        raise HTTPException(413, f"upload larger than {config.max_upload_bytes} bytes")
    content_type = request.headers.get("content-type", "")
    if not content_type.startswith("multipart/form-data"):
        raise HTTPException(415, "send the file as multipart/form-data in a field named 'file'")
    try:
        form = await request.form(max_files=1, max_fields=5, max_part_size=1024)
    except Exception as exc:  # malformed multipart bodies
        raise HTTPException(400, f"malformed form: {exc}") from None
    try:
        upload_file = form.get("file")
        if upload_file is None or isinstance(upload_file, str):
            raise HTTPException(422, "missing file field 'file'")
        data = await upload_file.read(config.max_upload_bytes + 1)
        filename = upload_file.filename or ""
        date = form.get("date")
        lang = form.get("lang")
    finally:
        await form.close()
    try:
        results = await run_in_threadpool(
            ingest_upload,
            data,
            filename,
            config=config,
            store=request.app.state.store,
            date=date if isinstance(date, str) and date else None,
            lang=lang if isinstance(lang, str) and lang else None,
        )
    except UploadRejected as exc:
        raise HTTPException(exc.status, str(exc)) from None
    return {"documents": results}
