"""The server-rendered pages (Jinja2, autoescaped), left out of the OpenAPI document.

Every form posts the session's CSRF token (`csrf_token` field) and, once done, redirects back
(post/redirect/get) with a one-time message in the session.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from ghostwatch.incidents.export import COUNT_KEYS, SEIZED_CATEGORIES
from ghostwatch.incidents.record import IncidentRecord, MergedValue
from ghostwatch.store import ROLES, IncidentError, IncidentFilters, Store, User, UserError
from ghostwatch.web.auth import (
    SESSION_USER,
    admin,
    analyst,
    check_form_csrf,
    csrf_token,
    identify,
    viewer,
)
from ghostwatch.web.service import (
    MAX_PER_PAGE,
    SORTS,
    evidence_by_document,
    extractor_of,
    fact_value,
    filter_query,
    highlight,
    incident_filters,
    ingest_saved,
    safe_link,
    save_uploads,
    summary_json,
    temporary_folder,
)

router = APIRouter(include_in_schema=False)

Viewer = Annotated[User, Depends(viewer)]
Analyst = Annotated[User, Depends(analyst)]
Admin = Annotated[User, Depends(admin)]
Filters = Annotated[IncidentFilters, Depends(incident_filters)]


def render(request: Request, template: str, user: User | None, **context: Any) -> HTMLResponse:
    templates = request.app.state.templates
    flash = request.session.pop("flash", None)
    return templates.TemplateResponse(
        request,
        template,
        {"user": user, "flash": flash, "csrf": csrf_token(request), **context},
    )


def back(request: Request, url: str, message: str | None = None, error: bool = False) -> Response:
    if message:
        request.session["flash"] = {"text": message, "error": error}
    return RedirectResponse(url, status_code=303)


def local_url(url: str | None, default: str = "/") -> str:
    """A redirect target on this site only (no //host or scheme: no open redirect)."""
    if url and url.startswith("/") and not url.startswith("//") and "\\" not in url:
        return url
    return default


def store_of(request: Request) -> Store:
    return request.app.state.store


# login


@router.get("/login")
def login_page(request: Request, next: str = "/") -> Response:
    user, _ = identify(request)
    if user is not None:
        return RedirectResponse(local_url(next), status_code=303)
    return render(request, "login.html", None, next=local_url(next))


@router.post("/login")
async def login(
    request: Request,
    username: Annotated[str, Form()],
    password: Annotated[str, Form()],
    next: Annotated[str, Form()] = "/",
) -> Response:
    await check_form_csrf(request)
    user = await run_in_threadpool(store_of(request).users.authenticate, username, password)
    if user is None:
        request.session["flash"] = {"text": "Wrong user name or password.", "error": True}
        return RedirectResponse("/login?" + urlencode({"next": local_url(next)}), status_code=303)
    request.session.clear()  # a new session: no fixation
    request.session[SESSION_USER] = user.username
    csrf_token(request)
    return RedirectResponse(local_url(next), status_code=303)


@router.post("/logout")
async def logout(request: Request) -> Response:
    await check_form_csrf(request)
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


# incidents


@router.get("/")
def home() -> Response:
    return RedirectResponse("/incidents", status_code=303)


@router.get("/incidents")
def incidents_page(
    request: Request,
    user: Viewer,
    filters: Filters,
    sort: str = "-date",
    page: int = 1,
    per_page: int = 50,
) -> Response:
    store = store_of(request)
    sort = sort if sort in SORTS else "-date"
    per_page = min(max(per_page, 1), MAX_PER_PAGE)
    page = max(page, 1)
    result = store.incidents.query(filters, sort=sort, page=page, per_page=per_page)
    query = filter_query(request)
    pages = max(1, math.ceil(result.total / per_page))

    def link(**changes: Any) -> str:
        params = {**query, "sort": sort, "per_page": per_page, "page": page, **changes}
        return "/incidents?" + urlencode(params)

    export = urlencode(query)
    return render(
        request,
        "incidents.html",
        user,
        result=result,
        query=query,
        sort=sort,
        page=page,
        pages=pages,
        per_page=per_page,
        link=link,
        csv_url="/api/incidents.csv" + (f"?{export}" if export else ""),
        geojson_url="/api/incidents.geojson" + (f"?{export}" if export else ""),
        map_url="/map" + (f"?{export}" if export else ""),
    )


def fact_rows(record: IncidentRecord) -> list[tuple[str, MergedValue]]:
    rows: list[tuple[str, MergedValue]] = []
    if record.date is not None:
        rows.append(("date", record.date))
    rows += [(f"counts.{k}", v) for k, v in sorted(record.counts.items())]
    rows += [(f"seized.{k}", v) for k, v in sorted(record.seized.items())]
    return rows


def shown(value: Any) -> str:
    if isinstance(value, dict) and "start" in value:
        start, end = value.get("start"), value.get("end")
        return str(start) if start == end or not end else f"{start} – {end}"
    return "" if value is None else str(value)


@router.get("/incidents/{incident_id}")
def incident_page(request: Request, incident_id: int, user: Viewer) -> Response:
    store = store_of(request)
    record = store.incidents.record(incident_id)
    members = {m.document_id: m for m in store.incidents.members(incident_id)}
    spans = evidence_by_document(record)
    documents = []
    for document_id in record.documents:
        document = store.get_document(document_id)
        if document is None:
            continue
        documents.append(
            {
                "id": document.id,
                "title": document.title,
                "source": document.source,
                "link": safe_link(document.source),
                "published": document.published,
                "language": document.language,
                "html": highlight(document.text, spans.get(document.id, [])),
                "member": members.get(document.id),
            }
        )
    editable = [("date", "date")]
    editable += [(f"counts.{k}", f"counts.{k}") for k in COUNT_KEYS]
    editable += [(f"seized.{k}", f"seized.{k}") for k in SEIZED_CATEGORIES]
    return render(
        request,
        "incident.html",
        user,
        record=record,
        facts=fact_rows(record),
        shown=shown,
        documents=documents,
        editable=editable,
        audit=store.audit.entries(target=f"incident:{incident_id}", limit=50),
        can_review=user.can("analyst"),
    )


def _fact_value(field: str, value: str, end: str | None) -> Any:
    """A form's value for a fact: a date (and an optional end), or a whole number."""
    value = value.strip()
    if field == "date":
        return fact_value(field, {"start": value, "end": (end or "").strip() or value})
    return fact_value(field, int(value))


@router.post("/incidents/{incident_id}/facts")
def edit_fact_form(
    request: Request,
    incident_id: int,
    user: Analyst,
    field: Annotated[str, Form()],
    value: Annotated[str, Form()],
    end: Annotated[str | None, Form()] = None,
) -> Response:
    url = f"/incidents/{incident_id}"
    try:
        parsed = _fact_value(field, value, end)
        store_of(request).incidents.set_fact(incident_id, field, parsed, user.username)
    except (ValueError, TypeError, IncidentError) as error:
        return back(request, url, f"Not saved: {error}", error=True)
    return back(request, url, f"{field} set to {shown(parsed)}.")


@router.post("/incidents/{incident_id}/review")
def review_fact_form(
    request: Request,
    incident_id: int,
    user: Analyst,
    field: Annotated[str, Form()],
    verdict: Annotated[str, Form()],
) -> Response:
    url = f"/incidents/{incident_id}"
    if verdict not in ("confirmed", "rejected"):
        return back(request, url, "Unknown verdict.", error=True)
    try:
        store_of(request).incidents.review_fact(incident_id, field, verdict, user.username)
    except (ValueError, TypeError, IncidentError) as error:
        return back(request, url, f"Not saved: {error}", error=True)
    return back(request, url, f"{field} {verdict}.")


@router.post("/incidents/{incident_id}/split")
def split_form(
    request: Request,
    incident_id: int,
    user: Analyst,
    documents: Annotated[list[str] | None, Form()] = None,
) -> Response:
    url = f"/incidents/{incident_id}"
    if not documents:
        return back(request, url, "Select the reports to split off.", error=True)
    try:
        new_id = store_of(request).incidents.split(incident_id, documents, username=user.username)
    except IncidentError as error:
        return back(request, url, f"Not split: {error}", error=True)
    return back(request, f"/incidents/{new_id}", f"Split off from incident {incident_id}.")


@router.post("/incidents/{incident_id}/merge")
def merge_form(
    request: Request,
    incident_id: int,
    user: Analyst,
    other: Annotated[int, Form()],
) -> Response:
    url = f"/incidents/{incident_id}"
    try:
        store_of(request).incidents.merge(incident_id, other, username=user.username)
    except IncidentError as error:
        return back(request, url, f"Not merged: {error}", error=True)
    return back(request, url, f"Incident {other} merged into this one.")


@router.post("/documents/{document_id}/move")
def move_form(
    request: Request,
    document_id: str,
    user: Analyst,
    incident: Annotated[int, Form()],
    back_to: Annotated[str, Form()] = "/incidents",
) -> Response:
    url = local_url(back_to, "/incidents")
    try:
        store_of(request).incidents.move(document_id, incident, username=user.username)
    except IncidentError as error:
        return back(request, url, f"Not moved: {error}", error=True)
    return back(request, f"/incidents/{incident}", "Report moved here.")


# map, timeline, network


@router.get("/map")
def map_page(request: Request, user: Viewer, filters: Filters) -> Response:
    export = urlencode(filter_query(request))
    return render(
        request,
        "map.html",
        user,
        query=filter_query(request),
        geojson_url="/api/incidents.geojson" + (f"?{export}" if export else ""),
    )


@router.get("/timeline")
def timeline_page(request: Request, user: Viewer, filters: Filters) -> Response:
    export = urlencode(filter_query(request))
    rows = store_of(request).incidents.timeline(filters)
    return render(
        request,
        "timeline.html",
        user,
        query=filter_query(request),
        rows=rows,
        data_url="/api/timeline" + (f"?{export}" if export else ""),
    )


@router.get("/network")
def network_page(request: Request, user: Viewer) -> Response:
    return render(request, "network.html", user, data_url="/api/network")


# upload


@router.get("/upload")
def upload_page(request: Request, user: Analyst) -> Response:
    return render(request, "upload.html", user, summary=None)


@router.post("/upload")
async def upload_form(request: Request, user: Analyst) -> Response:
    form = await request.form()
    files = [f for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename]
    store = store_of(request)
    try:
        with temporary_folder() as folder:
            saved = await save_uploads(files, Path(folder))
            extractor = await run_in_threadpool(extractor_of, request)
            summary, problems = await run_in_threadpool(ingest_saved, store, extractor, saved)
    except HTTPException as error:
        if error.status_code == 413:
            raise
        return back(request, "/upload", str(error.detail), error=True)
    store.audit.record(user.username, "upload", "upload", after={"files": list(saved.values())})
    return render(request, "upload.html", user, summary=summary_json(summary, problems))


# audit and users


@router.get("/audit")
def audit_page(request: Request, user: Analyst, target: str | None = None) -> Response:
    entries = store_of(request).audit.entries(target=target or None, limit=200)
    return render(request, "audit.html", user, entries=entries, target=target or "")


@router.get("/users")
def users_page(request: Request, user: Admin) -> Response:
    return _users_page(request, user)


def _users_page(request: Request, user: User, new_token: dict[str, str] | None = None) -> Response:
    store = store_of(request)
    users = store.users.list()
    tokens = {u.username: store.users.tokens(u.username) for u in users}
    return render(
        request,
        "users.html",
        user,
        users=users,
        tokens=tokens,
        roles=ROLES,
        new_token=new_token,
    )


@router.post("/users")
def add_user_form(
    request: Request,
    user: Admin,
    username: Annotated[str, Form()],
    password: Annotated[str, Form()],
    password_again: Annotated[str, Form()],
    role: Annotated[str, Form()],
) -> Response:
    if password != password_again:
        return back(request, "/users", "The passwords differ.", error=True)
    store = store_of(request)
    try:
        added = store.users.add(username, password, role)  # type: ignore[arg-type]
    except UserError as error:
        return back(request, "/users", str(error), error=True)
    store.audit.record(user.username, "add user", f"user:{added.username}", after=added.role)
    return back(request, "/users", f"User {added.username} added.")


@router.post("/users/{username}/role")
def set_role_form(
    request: Request, username: str, user: Admin, role: Annotated[str, Form()]
) -> Response:
    store = store_of(request)
    before = store.users.get(username)
    try:
        store.users.set_role(username, role)  # type: ignore[arg-type]
    except UserError as error:
        return back(request, "/users", str(error), error=True)
    store.audit.record(
        user.username,
        "set role",
        f"user:{username}",
        field="role",
        before=before.role if before else None,
        after=role,
    )
    return back(request, "/users", f"{username} is now {role}.")


@router.post("/users/{username}/token")
def token_form(
    request: Request, username: str, user: Admin, name: Annotated[str, Form()] = "token"
) -> Response:
    store = store_of(request)
    try:
        token = store.users.create_token(username, name.strip() or "token")
    except UserError as error:
        return back(request, "/users", str(error), error=True)
    store.audit.record(user.username, "create token", f"user:{username}", after=name)
    # shown once, in this answer (never put in the session cookie)
    return _users_page(request, user, {"username": username, "name": name, "token": token})
