"""The FastAPI application: REST API under ``/api/``, server-rendered pages, local static files, local API docs.

Reads open the store read-only, one short connection per request. Writes (uploads) are off unless enabled, need the
token when one is set, and take an exclusive lock so that no read-only connection of this process is open meanwhile
(DuckDB refuses two connections to one file with different modes in one process).
"""

from __future__ import annotations

import ipaddress
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from kuroshio import __version__
from kuroshio.config import Options, load_options
from kuroshio.errors import ConfigError, DictionaryError, KuroshioError, StoreError, UsageError

HERE = Path(__file__).resolve().parent
DEFAULT_MAX_UPLOAD = 20_000_000


class ReadWriteLock:
    """Many readers or one writer."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writer = False

    @contextmanager
    def reading(self) -> Iterator[None]:
        with self._cond:
            while self._writer:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        with self._cond:
            while self._writer or self._readers:
                self._cond.wait()
            self._writer = True
        try:
            yield
        finally:
            with self._cond:
                self._writer = False
                self._cond.notify_all()


@dataclass(frozen=True, slots=True)
class WebConfig:
    db_path: str
    allow_upload: bool
    token: str | None
    max_upload_bytes: int
    options: Options


class StoreAccess:
    """Opens the store per request: read-only for reads, read-write under an exclusive lock for writes."""

    def __init__(self, db_path: str) -> None:
        self.db_path = db_path
        self.lock = ReadWriteLock()

    @contextmanager
    def read(self) -> Iterator[Any]:
        from kuroshio.store import Store

        if not Path(self.db_path).exists():
            raise StoreUnavailable(f"{self.db_path}: no such store (run `kuroshio ingest` first)")
        with self.lock.reading():
            try:
                store = Store(self.db_path, read_only=True)
            except KuroshioError as exc:
                raise StoreUnavailable(str(exc)) from None
            with store:
                yield store

    @contextmanager
    def write(self) -> Iterator[Any]:
        from kuroshio.store import Store

        with self.lock.writing():
            try:
                store = Store(self.db_path, read_only=False)
            except KuroshioError as exc:
                raise StoreUnavailable(str(exc)) from None
            with store:
                yield store


class StoreUnavailable(StoreError):
    """The store file is missing or cannot be opened (maps to HTTP 503)."""


def is_loopback(host: str) -> bool:
    """Whether binding to ``host`` only accepts connections from this machine."""
    if host in ("localhost", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, *, allow_upload: bool, token: str | None) -> None:
    """Refuse to expose write endpoints on a non-loopback address without a token."""
    if allow_upload and not token and not is_loopback(host):
        raise UsageError(f"--allow-upload on non-loopback host {host} needs --token")


def create_app(
    db_path: str,
    *,
    allow_upload: bool = False,
    token: str | None = None,
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD,
    options: Options | None = None,
) -> FastAPI:
    """The web application over the store at ``db_path``.

    ``options`` are the coding options used for uploads (default: the packaged defaults and the user's config).
    """
    app = FastAPI(
        title="Kuroshio",
        version=__version__,
        description=(
            "Political event data (CAMEO/PLOVER) from Chinese and English text, with the evidence for every event. "
            "Event records follow DESIGN.md §3; document records §4."
        ),
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.config = WebConfig(
        db_path=str(db_path),
        allow_upload=allow_upload,
        token=token or None,
        max_upload_bytes=max_upload_bytes,
        options=(options or load_options()).with_overrides(db=str(db_path)),
    )
    app.state.store = StoreAccess(str(db_path))
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals["version"] = __version__
    app.state.templates = templates

    from kuroshio.web.api import router as api_router
    from kuroshio.web.pages import router as page_router

    app.include_router(api_router)
    app.include_router(page_router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.exception_handler(StoreUnavailable)
    async def _unavailable(request: Request, exc: StoreUnavailable) -> Any:
        return _error(request, 503, str(exc))

    @app.exception_handler(KuroshioError)
    async def _kuroshio_error(request: Request, exc: KuroshioError) -> Any:
        # A broken dictionary or config is the server's fault; anything else raised on purpose is the request's.
        server_side = isinstance(exc, ConfigError | DictionaryError | StoreError)
        return _error(request, 500 if server_side else 400, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Any:
        if request.url.path.startswith("/api/") or request.url.path.startswith("/static/"):
            return await http_exception_handler(request, exc)
        return _error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Any:
        if request.url.path.startswith("/api/"):
            return await request_validation_exception_handler(request, exc)
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors())
        return _error(request, 422, f"bad request: {problems}")

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs(request: Request) -> Any:
        return templates.TemplateResponse(request, "apidocs.html", {"spec": app.openapi(), "page": "docs"})

    return app


def _error(request: Request, status: int, message: str) -> Any:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": message}, status_code=status)
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message, "page": ""}, status_code=status
    )
