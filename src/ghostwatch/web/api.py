"""The JSON API under /api (described at /api/openapi.json).

Reading needs the viewer role; reviewing and uploading the analyst role; users the admin role.
Unknown incidents and documents answer 404, invalid bodies 422, requests that do not fit the
stored incidents (merging an incident with itself...) 409.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, HTTPException, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel, Field

from ghostwatch.store import IncidentFilters, Store, UnknownDocumentError, User, UserError
from ghostwatch.web.auth import admin, analyst, viewer
from ghostwatch.web.service import (
    MAX_PER_PAGE,
    SORTS,
    check_field,
    csv_text,
    extractor_of,
    fact_value,
    geojson_text,
    incident_filters,
    ingest_saved,
    network_json,
    plain,
    save_uploads,
    summary_json,
    temporary_folder,
)

router = APIRouter(prefix="/api", tags=["api"])

Viewer = Annotated[User, Depends(viewer)]
Analyst = Annotated[User, Depends(analyst)]
Admin = Annotated[User, Depends(admin)]
Filters = Annotated[IncidentFilters, Depends(incident_filters)]


def store_of(request: Request) -> Store:
    return request.app.state.store


StoreDep = Annotated[Store, Depends(store_of)]


# bodies


class FactBody(BaseModel):
    field: str = Field(min_length=1, description='"date", "counts.<key>" or "seized.<category>"')
    value: Any = Field(description='an integer, or {"start", "end"} ISO dates for "date"')


class ReviewBody(BaseModel):
    field: str = Field(min_length=1)
    verdict: Literal["confirmed", "rejected"]


class MergeBody(BaseModel):
    target: int
    other: int


class SplitBody(BaseModel):
    documents: list[str] = Field(min_length=1)


class MoveBody(BaseModel):
    incident: int


class NewUserBody(BaseModel):
    username: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=8)
    role: Literal["viewer", "analyst", "admin"]


# incidents


@router.get("/incidents")
def list_incidents(
    user: Viewer,
    store: StoreDep,
    filters: Filters,
    sort: Literal["date", "-date", "reports", "-reports", "id", "-id"] = "-date",
    page: Annotated[int, Query(ge=1)] = 1,
    per_page: Annotated[int, Query(ge=1, le=MAX_PER_PAGE)] = 50,
) -> dict[str, Any]:
    """The incidents that pass the filter, a page at a time."""
    assert sort in SORTS
    result = store.incidents.query(filters, sort=sort, page=page, per_page=per_page)
    return {
        "total": result.total,
        "total_capped": result.total_capped,
        "page": page,
        "per_page": per_page,
        "items": plain(result.items),
    }


@router.get("/incidents.csv", response_class=Response)
def incidents_csv(user: Viewer, store: StoreDep, filters: Filters) -> Response:
    """The incidents that pass the filter as CSV (one row per incident, chosen values)."""
    return Response(
        csv_text(store, filters),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="incidents.csv"'},
    )


@router.get("/incidents.geojson", response_class=Response)
def incidents_geojson(user: Viewer, store: StoreDep, filters: Filters) -> Response:
    """The incidents that pass the filter as a GeoJSON FeatureCollection (RFC 7946)."""
    return Response(geojson_text(store, filters), media_type="application/geo+json")


@router.get("/incidents/{incident_id}")
def get_incident(incident_id: int, user: Viewer, store: StoreDep) -> dict[str, Any]:
    """The merged record of an incident, with its members (how each report got there)."""
    record = store.incidents.record(incident_id)
    members = store.incidents.members(incident_id)
    return {**record.model_dump(mode="json"), "members": plain(members)}


@router.get("/incidents/{incident_id}/network")
def incident_network(incident_id: int, user: Viewer, store: StoreDep) -> dict[str, Any]:
    """The actors' network of one incident (nodes and edges for cytoscape)."""
    return network_json([store.incidents.record(incident_id)])


@router.get("/network")
def network(
    user: Viewer, store: StoreDep, limit: Annotated[int, Query(ge=1, le=5000)] = 500
) -> dict[str, Any]:
    """The actors' network of the latest `limit` incidents."""
    latest = store.incidents.query(IncidentFilters(), sort="-date", page=1, per_page=limit)
    return network_json([store.incidents.record(row.id) for row in latest.items])


@router.get("/timeline")
def timeline(user: Viewer, store: StoreDep, filters: Filters) -> list[dict[str, Any]]:
    """Incidents and seized 3D-printed firearms per month and country."""
    return plain(store.incidents.timeline(filters))


@router.get("/documents/{document_id}")
def get_document(document_id: str, user: Viewer, store: StoreDep) -> dict[str, Any]:
    document = store.get_document(document_id)
    if document is None:
        raise UnknownDocumentError(document_id)
    return {
        "id": document.id,
        "title": document.title,
        "source": document.source,
        "published": document.published.isoformat() if document.published else None,
        "language": document.language,
        "text": document.text,
    }


# review


@router.post("/incidents/{incident_id}/facts")
def set_fact(incident_id: int, body: FactBody, user: Analyst, store: StoreDep) -> dict[str, Any]:
    """Set the value of a merged fact (kept across re-extraction; audit logged)."""
    try:
        value = fact_value(body.field, body.value)
    except ValueError as error:
        raise HTTPException(422, str(error)) from error
    store.incidents.set_fact(incident_id, body.field, value, user.username)
    return store.incidents.record(incident_id).model_dump(mode="json")


@router.post("/incidents/{incident_id}/facts/review")
def review_fact(
    incident_id: int, body: ReviewBody, user: Analyst, store: StoreDep
) -> dict[str, Any]:
    """Confirm or reject the chosen value of a merged fact (audit logged)."""
    try:
        check_field(body.field)
    except ValueError as error:
        raise HTTPException(422, str(error)) from error
    store.incidents.review_fact(incident_id, body.field, body.verdict, user.username)
    return store.incidents.record(incident_id).model_dump(mode="json")


@router.post("/incidents/merge")
def merge(body: MergeBody, user: Analyst, store: StoreDep) -> dict[str, Any]:
    """Make `other` part of `target`."""
    store.incidents.merge(body.target, body.other, username=user.username)
    return {"incident": body.target, "merged": body.other}


@router.post("/incidents/{incident_id}/split")
def split(incident_id: int, body: SplitBody, user: Analyst, store: StoreDep) -> dict[str, Any]:
    """Move these reports out of the incident into a new one."""
    new_id = store.incidents.split(incident_id, body.documents, username=user.username)
    return {"incident": incident_id, "new_incident": new_id}


@router.post("/documents/{document_id}/move")
def move(document_id: str, body: MoveBody, user: Analyst, store: StoreDep) -> dict[str, Any]:
    """Move a report to another incident."""
    store.incidents.move(document_id, body.incident, username=user.username)
    return {"document": document_id, "incident": body.incident}


@router.post("/upload")
async def upload(
    request: Request,
    files: Annotated[list[UploadFile], File(description="News files to ingest")],
    user: Analyst,
) -> dict[str, Any]:
    """Ingest uploaded files (at most 10 MB each, 50 MB in all): store, extract, resolve."""
    store = store_of(request)
    with temporary_folder() as folder:
        saved = await save_uploads(files, Path(folder))
        extractor = await run_in_threadpool(extractor_of, request)
        summary, problems = await run_in_threadpool(ingest_saved, store, extractor, saved)
    store.audit.record(user.username, "upload", "upload", after={"files": list(saved.values())})
    return summary_json(summary, problems)


# audit and users


@router.get("/audit")
def audit(
    user: Analyst,
    store: StoreDep,
    target: str | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[dict[str, Any]]:
    """The latest changes first (who, when, what, before, after)."""
    return plain(store.audit.entries(target=target, limit=limit))


@router.get("/users")
def list_users(user: Admin, store: StoreDep) -> list[dict[str, Any]]:
    return [_user_json(u) for u in store.users.list()]


@router.post("/users", status_code=201)
def add_user(body: NewUserBody, user: Admin, store: StoreDep) -> dict[str, Any]:
    if store.users.get(body.username.strip()) is not None:
        raise HTTPException(409, f"user {body.username!r} exists already")
    try:
        added = store.users.add(body.username, body.password, body.role)
    except UserError as error:
        raise HTTPException(400, str(error)) from error
    store.audit.record(user.username, "add user", f"user:{added.username}", after=added.role)
    return _user_json(added)


def _user_json(user: User) -> dict[str, Any]:
    created = user.created_at
    return {
        "username": user.username,
        "role": user.role,
        "created_at": created.isoformat() if isinstance(created, dt.datetime) else created,
    }
