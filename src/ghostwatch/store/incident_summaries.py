"""What the incident list filters on: one summary row per incident, and analysts' facts.

The web app lists, filters and sorts incidents by date, country, region, kind of action, kind of
firearm, seized item and words of their sources; recomputing merged records for that would read
every report on every request. So each incident keeps a summary row, and one indexed tag row per
filterable value (country, region, kind of action, kind of firearm, seized item), refreshed in
the transaction that changes the incident (new report, merge, split, move, an analyst's fact).

Analysts' facts (`incident_facts`) override a merged fact's chosen value (rule "analyst") or
record a verdict on it; they are stored apart from reports, so re-extraction never loses them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Select, delete, func, insert, select

from ghostwatch.incidents import IncidentRecord, build_record
from ghostwatch.incidents.export import primary_place
from ghostwatch.incidents.record import MergedValue
from ghostwatch.model import Report
from ghostwatch.store.search import matching_document_ids
from ghostwatch.store.tables import (
    incident_facts,
    incident_members,
    incident_summaries,
    incident_tags,
    incidents,
    reports,
)

#: the summary columns whose values are also tags (filter kind -> column)
TAGGED = {
    "country": "countries",
    "region": "regions",
    "incident_type": "incident_types",
    "firearm_kind": "firearm_kinds",
    "seized": "seized",
}
#: matches counted exactly; beyond, a page says "at least"
COUNT_CAP = 10_000
#: the most documents a text filter looks at
TEXT_FILTER_LIMIT = 5000
SORTS = {
    "date": (incident_summaries.c.first_date.asc(), incident_summaries.c.incident_id.asc()),
    "-date": (incident_summaries.c.first_date.desc(), incident_summaries.c.incident_id.desc()),
    "reports": (incident_summaries.c.reports.asc(), incident_summaries.c.incident_id.asc()),
    "-reports": (incident_summaries.c.reports.desc(), incident_summaries.c.incident_id.desc()),
    "id": (incident_summaries.c.incident_id.asc(),),
    "-id": (incident_summaries.c.incident_id.desc(),),
}


@dataclass(frozen=True)
class IncidentFilters:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    country: str | None = None
    region: str | None = None
    incident_type: str | None = None
    firearm_kind: str | None = None
    seized: str | None = None
    text: str | None = None


@dataclass(frozen=True)
class IncidentRow:
    id: int
    first: dt.date | None
    last: dt.date | None
    title: str | None
    countries: list[str]
    regions: list[str]
    incident_types: list[str]
    firearm_kinds: list[str]
    seized: list[str]
    place: str | None
    lat: float | None
    lon: float | None
    reports: int
    arrested: int | None
    killed: int | None
    injured: int | None
    printed_firearms: int | None


@dataclass
class IncidentPage:
    #: how many incidents match, up to COUNT_CAP (then `total_capped` is true)
    total: int
    items: list[IncidentRow] = field(default_factory=list)
    total_capped: bool = False


def load_record(connection: Connection, incident_id: int) -> IncidentRecord:
    """An incident's merged record with the analysts' facts applied."""
    data = connection.execute(
        select(reports.c.data)
        .join(incident_members, incident_members.c.document_id == reports.c.document_id)
        .where(incident_members.c.incident_id == incident_id)
    ).scalars()
    record = build_record(incident_id, [Report.model_validate(item) for item in data])
    facts = connection.execute(
        select(incident_facts).where(incident_facts.c.incident_id == incident_id)
    ).all()
    for fact in facts:
        apply_fact(record, fact.field, fact.value, fact.review)
    return record


def apply_fact(record: IncidentRecord, name: str, value: Any, review: str | None) -> None:
    """Put an analyst's value or verdict on the record's fact `name` ("date", "counts.arrested",
    "seized.3d_printer")."""
    merged = fact_of(record, name)
    if merged is None:
        if value is None:
            return
        merged = MergedValue(chosen=value, rule="analyst", claims=[])
        _set_fact(record, name, merged)
    if value is not None:
        merged.chosen, merged.rule = value, "analyst"
    merged.review = review


def fact_of(record: IncidentRecord, name: str) -> MergedValue | None:
    group, _, key = name.partition(".")
    if group == "date" and not key:
        return record.date
    if group == "counts" and key:
        return record.counts.get(key)
    if group == "seized" and key:
        return record.seized.get(key)
    raise ValueError(f"not a fact of an incident: {name!r} (date, counts.<key>, seized.<item>)")


def _set_fact(record: IncidentRecord, name: str, merged: MergedValue) -> None:
    group, _, key = name.partition(".")
    if group == "date":
        record.date = merged
    elif group == "counts":
        record.counts[key] = merged
    else:
        record.seized[key] = merged


def refresh_summaries(connection: Connection, incident_ids: Iterable[int]) -> None:
    """Recompute the summary rows of these incidents (dropped incidents lose theirs)."""
    for incident_id in sorted(set(incident_ids)):
        connection.execute(
            delete(incident_summaries).where(incident_summaries.c.incident_id == incident_id)
        )
        connection.execute(delete(incident_tags).where(incident_tags.c.incident_id == incident_id))
        exists = connection.execute(
            select(incidents.c.id).where(incidents.c.id == incident_id)
        ).first()
        if exists is None:
            continue
        record = load_record(connection, incident_id)
        if record.documents:
            values = summary_values(record)
            connection.execute(insert(incident_summaries).values(**values))
            tags = [
                {"kind": kind, "value": value, "incident_id": incident_id}
                for kind, column in TAGGED.items()
                for value in _split(values[column])
            ]
            if tags:
                connection.execute(insert(incident_tags), tags)


def summary_values(record: IncidentRecord) -> dict[str, Any]:
    days = [entry.date for entry in record.timeline if entry.date]
    if record.date is not None and isinstance(record.date.chosen, dict):
        days += [_day(record.date.chosen.get("start")), _day(record.date.chosen.get("end"))]
    days = [day for day in days if day is not None]
    place = primary_place(record)
    regions = {
        claim.value.get("admin1") or ""
        for claim in record.locations
        if isinstance(claim.value, dict)
    } | {
        claim.value["name"]
        for claim in record.locations
        if isinstance(claim.value, dict) and claim.value.get("kind") == "admin1"
    }
    return {
        "incident_id": record.id,
        "first_date": min(days) if days else None,
        "last_date": max(days) if days else None,
        "title": next((entry.title for entry in record.timeline if entry.title), None),
        "countries": _joined(claim.value for claim in record.countries),
        "regions": _joined(regions - {""}),
        "incident_types": _joined(claim.value for claim in record.incident_types),
        "firearm_kinds": _joined(claim.value for claim in record.firearm_kinds),
        "seized": _joined(record.seized),
        "place": place.get("name") if place else None,
        "lat": place.get("lat") if place else None,
        "lon": place.get("lon") if place else None,
        "reports": len(record.documents),
        "arrested": _chosen(record.counts.get("arrested")),
        "killed": _chosen(record.counts.get("killed")),
        "injured": _chosen(record.counts.get("injured")),
        "printed_firearms": _chosen(record.seized.get("3d_printed_firearm")),
    }


def query_summaries(
    connection: Connection,
    filters: IncidentFilters,
    sort: str = "-date",
    page: int = 1,
    per_page: int = 50,
) -> IncidentPage:
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}: one of {', '.join(SORTS)}")
    query = _filtered(connection, select(incident_summaries), filters)
    if query is None:
        return IncidentPage(total=0)
    # counting every match costs a scan of them all (130 ms for half of 100,000 incidents on
    # PostgreSQL); past COUNT_CAP the list says "10,000+" and pages on
    total = connection.execute(
        select(func.count()).select_from(query.limit(COUNT_CAP + 1).subquery())
    ).scalar_one()
    capped = total > COUNT_CAP
    rows = connection.execute(
        query.order_by(*SORTS[sort]).limit(per_page).offset((max(page, 1) - 1) * per_page)
    ).all()
    return IncidentPage(
        total=min(total, COUNT_CAP), items=[_row(row) for row in rows], total_capped=capped
    )


def timeline_rows(connection: Connection, filters: IncidentFilters) -> list[dict[str, Any]]:
    """Incidents and seized printed firearms per month and country (an incident in two
    countries counts in both)."""
    query = _filtered(
        connection,
        select(
            incident_summaries.c.first_date,
            incident_summaries.c.countries,
            incident_summaries.c.printed_firearms,
        ),
        filters,
    )
    if query is None:
        return []
    totals: dict[tuple[str, str], list[int]] = {}
    for row in connection.execute(query):
        if row.first_date is None:
            continue
        month = row.first_date.strftime("%Y-%m")
        for country in _split(row.countries) or ["?"]:
            bucket = totals.setdefault((month, country), [0, 0])
            bucket[0] += 1
            bucket[1] += row.printed_firearms or 0
    return [
        {"month": month, "country": country, "incidents": n, "printed_firearms": printed}
        for (month, country), (n, printed) in sorted(totals.items())
    ]


def _filtered(
    connection: Connection, query: Select[Any], filters: IncidentFilters
) -> Select[Any] | None:
    """`query` narrowed by the filters; None when the text filter matches nothing."""
    table = incident_summaries.c
    if filters.date_from:
        query = query.where(table.last_date >= filters.date_from)
    if filters.date_to:
        query = query.where(table.first_date <= filters.date_to)
    for kind, value in (
        ("country", filters.country and filters.country.upper()),
        ("region", filters.region),
        ("incident_type", filters.incident_type),
        ("firearm_kind", filters.firearm_kind),
        ("seized", filters.seized),
    ):
        if value:
            query = query.where(
                table.incident_id.in_(
                    select(incident_tags.c.incident_id).where(
                        incident_tags.c.kind == kind, incident_tags.c.value == value
                    )
                )
            )
    if filters.text and filters.text.strip():
        documents = matching_document_ids(connection, filters.text, TEXT_FILTER_LIMIT)
        if not documents:
            return None
        query = query.where(
            table.incident_id.in_(
                select(incident_members.c.incident_id).where(
                    incident_members.c.document_id.in_(documents)
                )
            )
        )
    return query


def _row(row: Any) -> IncidentRow:
    return IncidentRow(
        id=row.incident_id,
        first=row.first_date,
        last=row.last_date,
        title=row.title,
        countries=_split(row.countries),
        regions=_split(row.regions),
        incident_types=_split(row.incident_types),
        firearm_kinds=_split(row.firearm_kinds),
        seized=_split(row.seized),
        place=row.place,
        lat=row.lat,
        lon=row.lon,
        reports=row.reports,
        arrested=row.arrested,
        killed=row.killed,
        injured=row.injured,
        printed_firearms=row.printed_firearms,
    )


def _joined(values: Iterable[Any]) -> str:
    items = sorted({str(value) for value in values if value})
    return "|" + "|".join(items) + "|" if items else ""


def _split(value: str | None) -> list[str]:
    return [item for item in (value or "").split("|") if item]


def _chosen(merged: MergedValue | None) -> int | None:
    if merged is None or not isinstance(merged.chosen, int):
        return None
    return merged.chosen


def _day(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    return None
