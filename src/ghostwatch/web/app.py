"""The web app: `create_app(db)` opens the store once and serves the JSON API and the pages.

- `/api/...` (`web.api`): JSON for scripts and the pages' scripts, described at /api/openapi.json
  (browsable at /api/docs).
- `/...` (`web.pages`): server-rendered pages (Jinja2, autoescaped), not in the OpenAPI document.
- `/static/...`: the app's CSS and scripts and the vendored libraries (`web/static/`).

Sessions are signed with `$GHOSTWATCH_SECRET`, or with a random key kept in `web-secret.key`
(mode 0600) in the data directory, made on first start.
"""

from __future__ import annotations

import os
import secrets
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import quote

import jinja2
from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from ghostwatch.geo.cache import data_dir
from ghostwatch.store import IncidentError, Store, UnknownDocumentError, UnknownIncidentError
from ghostwatch.web import service
from ghostwatch.web.auth import LoginRequired, csrf_token, identify, is_api

SECRET_ENV = "GHOSTWATCH_SECRET"
SECRET_FILE = "web-secret.key"
PACKAGE_DIR = Path(__file__).resolve().parent
STATIC_DIR = PACKAGE_DIR / "static"
TEMPLATES_DIR = PACKAGE_DIR / "templates"


def session_secret() -> str:
    """$GHOSTWATCH_SECRET, else the key file of the data directory (made with mode 0600)."""
    if explicit := os.environ.get(SECRET_ENV):
        return explicit
    path = data_dir() / SECRET_FILE
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it first
            pass
        else:
            with os.fdopen(descriptor, "w", encoding="ascii") as stream:
                stream.write(secrets.token_urlsafe(48))
    secret = path.read_text("ascii").strip()
    if not secret:
        raise RuntimeError(f"the session key file {path} is empty: delete it or set {SECRET_ENV}")
    return secret


UPLOAD_PATHS = frozenset({"/upload", "/api/upload"})
#: room for the multipart framing and the form's other fields around the files
UPLOAD_OVERHEAD = 1024 * 1024


class UploadSizeLimit:
    """Refuse an upload before its body is read when it declares more than the limit allows
    (413), or declares no length at all (411): the files' own limits are checked as they are
    read (`service.save_uploads`), this keeps a huge body from being spooled to disk first."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST" and scope["path"] in UPLOAD_PATHS:
            headers = Headers(scope=scope)
            length = headers.get("content-length")
            problem: tuple[int, str] | None = None
            if length is None or not length.isdigit():
                problem = (411, "an upload needs a Content-Length")
            elif int(length) > service.MAX_TOTAL_BYTES + UPLOAD_OVERHEAD:
                problem = (413, "the upload is too large")
            if problem is not None:
                response = JSONResponse({"detail": problem[1]}, status_code=problem[0])
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def create_app(db: str | None = None) -> FastAPI:
    """The app over the store at `db` (a SQLite path or a database URL; default as the CLI)."""
    store = Store.open(db)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            store.close()

    app = FastAPI(
        title="ghostwatch",
        summary="Incidents of illicit and 3D-printed firearms, from the news.",
        openapi_url="/api/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.extractor = None  # loaded on the first upload (see `web.api.extractor_of`)
    app.state.extractor_lock = threading.Lock()
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)), autoescape=True
    )
    templates = Jinja2Templates(env=environment)
    templates.env.globals["csrf_token"] = csrf_token
    app.state.templates = templates

    app.add_middleware(SessionMiddleware, secret_key=session_secret(), same_site="lax")
    app.add_middleware(UploadSizeLimit)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR), check_dir=False), name="static")

    from ghostwatch.web.api import router as api_router
    from ghostwatch.web.pages import router as pages_router

    app.include_router(api_router)
    app.include_router(pages_router)

    @app.exception_handler(LoginRequired)
    async def login_required(_request: Request, error: LoginRequired) -> RedirectResponse:
        return RedirectResponse(f"/login?next={quote(error.next_url, safe='')}", status_code=303)

    def error_response(request: Request, status: int, message: str) -> Response:
        """JSON for the API, a page for the pages."""
        if is_api(request):
            return JSONResponse({"detail": message}, status_code=status)
        user, _ = identify(request)
        page = templates.TemplateResponse(
            request,
            "error.html",
            {
                "user": user,
                "flash": None,
                "csrf": csrf_token(request),
                "status": status,
                "message": message,
            },
            status_code=status,
        )
        return page

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        if is_api(request):
            return await http_exception_handler(request, error)
        return error_response(request, error.status_code, str(error.detail))

    @app.exception_handler(UnknownIncidentError)
    async def unknown_incident(request: Request, error: UnknownIncidentError) -> Response:
        return error_response(request, 404, str(error))

    @app.exception_handler(UnknownDocumentError)
    async def unknown_document(request: Request, error: UnknownDocumentError) -> Response:
        return error_response(request, 404, str(error))

    @app.exception_handler(IncidentError)
    async def incident_error(request: Request, error: IncidentError) -> Response:
        return error_response(request, 409, str(error))

    return app
