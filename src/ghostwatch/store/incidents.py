"""Incidents in the database: resolving stored reports into cases, and analysts' corrections.

The tables mirror `incidents.MemoryIndex`: each resolved report is a member row holding its case
profile, indexed under its blocking keys with the day of its action, so attaching a new report is
one indexed range query for candidates, scoring in Python, and a few inserts, whatever the number
of reports stored. Analysts' merges, splits and moves pin reports to incidents and record
separations; automatic runs (`resolve_pending`, `rebuild`) never move a pinned report and never
attach a report to an incident holding one it was separated from.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    bindparam,
    delete,
    insert,
    select,
    union_all,
    update,
)

from ghostwatch.incidents import (
    Attachment,
    CaseProfile,
    IncidentRecord,
    Member,
    blocking_keys,
    choose_incident,
    profile_of,
)
from ghostwatch.incidents.resolver import nearest
from ghostwatch.model import Report
from ghostwatch.store.audit import record_in
from ghostwatch.store.database import transaction
from ghostwatch.store.incident_summaries import (
    IncidentFilters,
    IncidentPage,
    fact_of,
    load_record,
    query_summaries,
    refresh_summaries,
    timeline_rows,
)
from ghostwatch.store.tables import (
    documents,
    incident_decisions,
    incident_facts,
    incident_keys,
    incident_members,
    incident_separations,
    incidents,
    reports,
)

NO_FILTERS = IncidentFilters()


class IncidentError(Exception):
    """An analyst's request that does not fit the stored incidents."""


class UnknownIncidentError(IncidentError, LookupError):
    def __init__(self, incident_id: int) -> None:
        super().__init__(f"no incident with id {incident_id}")
        self.incident_id = incident_id


@dataclass(frozen=True)
class MemberInfo:
    """A report of an incident, and how it got there."""

    document_id: str
    pinned: bool
    score: float | None
    matched: str | None
    reasons: list[str]


@dataclass(frozen=True)
class IncidentSummary:
    id: int
    documents: list[str]
    first: dt.date | None
    last: dt.date | None
    title: str | None


@dataclass
class ResolveSummary:
    resolved: int = 0
    attached: int = 0
    opened: int = 0
    attachments: dict[str, Attachment] = field(default_factory=dict)


class IncidentRepository:
    """The incidents of one store (`store.incidents`)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    # automatic resolution

    def resolve_pending(self, on_report: Callable[[], None] = lambda: None) -> ResolveSummary:
        """Attach every relevant report that has no incident yet (see `resolve`)."""
        with transaction(self._engine, writes=False) as connection:
            pending = connection.execute(
                select(reports.c.document_id)
                .outerjoin(
                    incident_members, incident_members.c.document_id == reports.c.document_id
                )
                .where(reports.c.relevant.is_(True), incident_members.c.document_id.is_(None))
            ).scalars()
            pending_ids = list(pending)
        return self.resolve(pending_ids, on_report)

    def resolve(
        self, document_ids: Iterable[str], on_report: Callable[[], None] = lambda: None
    ) -> ResolveSummary:
        """Attach these documents' reports to their incidents, oldest publication first.

        Oldest first because a case is usually reported before its follow-ups, and a follow-up
        finds its case through keys looked up backwards in time. Documents without a relevant
        report, or already in an incident, are left alone. Each report is one transaction.
        """
        ids = list(dict.fromkeys(document_ids))
        with transaction(self._engine, writes=False) as connection:
            published = {
                row.id: row.published
                for chunk in _chunks(ids)
                for row in connection.execute(
                    select(documents.c.id, documents.c.published).where(documents.c.id.in_(chunk))
                )
            }
        ordered = sorted(published, key=lambda d: (published[d] or dt.date.min, d))
        summary = ResolveSummary()
        for document_id in ordered:
            on_report()
            with transaction(self._engine, writes=True) as connection:
                data = connection.execute(
                    _UNRESOLVED_REPORT, {"document_id": document_id}
                ).scalar_one_or_none()
                if data is None:  # irrelevant, resolved, or deleted meanwhile
                    continue
                attachment = _attach(connection, profile_of(Report.model_validate(data)))
                assert attachment.incident_id is not None
                refresh_summaries(connection, [attachment.incident_id])
            summary.resolved += 1
            summary.attachments[document_id] = attachment
            if attachment.opened:
                summary.opened += 1
            else:
                summary.attached += 1
        return summary

    def rebuild(self, on_report: Callable[[], None] = lambda: None) -> ResolveSummary:
        """Resolve every report again, keeping analysts' pinned reports and separations."""
        with transaction(self._engine, writes=True) as connection:
            connection.execute(delete(incident_members).where(incident_members.c.pinned.is_(False)))
            _drop_empty_incidents(connection)
            refresh_summaries(connection, connection.execute(select(incidents.c.id)).scalars())
        return self.resolve_pending(on_report)

    # reading

    def incident_of(self, document_id: str) -> int | None:
        with transaction(self._engine, writes=False) as connection:
            return connection.execute(
                select(incident_members.c.incident_id).where(
                    incident_members.c.document_id == document_id
                )
            ).scalar_one_or_none()

    def list(self) -> list[IncidentSummary]:
        """Every incident with its reports' document ids, newest action first."""
        with transaction(self._engine, writes=False) as connection:
            rows = connection.execute(
                select(
                    incident_members.c.incident_id,
                    incident_members.c.document_id,
                    incident_members.c.profile,
                    documents.c.title,
                    documents.c.published,
                )
                .join(documents, documents.c.id == incident_members.c.document_id)
                .order_by(incident_members.c.incident_id, documents.c.published, documents.c.id)
            ).all()
        grouped: dict[int, list[Any]] = {}
        for row in rows:
            grouped.setdefault(row.incident_id, []).append(row)
        summaries = []
        for incident_id, members in grouped.items():
            days = [
                day
                for m in members
                for day in (m.profile.get("start"), m.profile.get("end"))
                if day is not None
            ]
            summaries.append(
                IncidentSummary(
                    id=incident_id,
                    documents=[m.document_id for m in members],
                    first=dt.date.fromisoformat(min(days)) if days else None,
                    last=dt.date.fromisoformat(max(days)) if days else None,
                    title=members[0].title,
                )
            )
        summaries.sort(key=lambda s: (s.first or dt.date.min, s.id), reverse=True)
        return summaries

    def members(self, incident_id: int) -> list[MemberInfo]:
        with transaction(self._engine, writes=False) as connection:
            _require_incident(connection, incident_id)
            rows = connection.execute(
                select(incident_members)
                .where(incident_members.c.incident_id == incident_id)
                .order_by(incident_members.c.document_id)
            ).all()
        return [
            MemberInfo(row.document_id, row.pinned, row.score, row.matched, list(row.reasons))
            for row in rows
        ]

    def record(self, incident_id: int) -> IncidentRecord:
        """The merged record of one incident (see `incidents.record`), analysts' facts applied."""
        with transaction(self._engine, writes=False) as connection:
            _require_incident(connection, incident_id)
            return load_record(connection, incident_id)

    def query(
        self,
        filters: IncidentFilters = NO_FILTERS,
        sort: str = "-date",
        page: int = 1,
        per_page: int = 50,
    ) -> IncidentPage:
        """One page of the incidents matching `filters` (see `incident_summaries`)."""
        with transaction(self._engine, writes=False) as connection:
            return query_summaries(connection, filters, sort, page, per_page)

    def timeline(self, filters: IncidentFilters = NO_FILTERS) -> list[dict[str, Any]]:
        """Incidents and seized printed firearms per month and country."""
        with transaction(self._engine, writes=False) as connection:
            return timeline_rows(connection, filters)

    def set_fact(self, incident_id: int, field: str, value: Any, username: str | None) -> None:
        """An analyst's value for a merged fact ("date", "counts.<key>", "seized.<item>"); kept
        through re-extraction and rebuilds, and logged."""
        self._write_fact(incident_id, field, username, value=value)

    def review_fact(self, incident_id: int, field: str, verdict: str, username: str | None) -> None:
        """Confirm or reject a merged fact's chosen value (logged)."""
        if verdict not in ("confirmed", "rejected"):
            raise IncidentError(f"a verdict is 'confirmed' or 'rejected', not {verdict!r}")
        self._write_fact(incident_id, field, username, review=verdict)

    def _write_fact(
        self, incident_id: int, field: str, username: str | None, **change: Any
    ) -> None:
        with transaction(self._engine, writes=True) as connection:
            _require_incident(connection, incident_id)
            record = load_record(connection, incident_id)
            try:
                merged = fact_of(record, field)
            except ValueError as error:
                raise IncidentError(str(error)) from error
            before = None if merged is None else {"chosen": merged.chosen, "review": merged.review}
            stored = connection.execute(
                select(incident_facts).where(
                    incident_facts.c.incident_id == incident_id, incident_facts.c.field == field
                )
            ).first()
            values = {
                "value": stored.value if stored else None,
                "review": stored.review if stored else None,
                **change,
            }
            if "value" in change:
                values["review"] = None  # a new value has not been reviewed yet
            connection.execute(
                delete(incident_facts).where(
                    incident_facts.c.incident_id == incident_id, incident_facts.c.field == field
                )
            )
            connection.execute(
                insert(incident_facts).values(
                    incident_id=incident_id,
                    field=field,
                    username=username,
                    updated_at=_now(),
                    **values,
                )
            )
            action = "edit fact" if "value" in change else f"{change['review']} fact"
            record_in(
                connection,
                username,
                action,
                f"incident:{incident_id}",
                field,
                jsonable(before),
                jsonable(change.get("value", change.get("review"))),
            )
            refresh_summaries(connection, [incident_id])

    def decisions(self) -> list[dict[str, Any]]:
        """The analysts' decisions, oldest first."""
        with transaction(self._engine, writes=False) as connection:
            rows = connection.execute(
                select(incident_decisions).order_by(incident_decisions.c.id)
            ).all()
        return [
            {"action": row.action, **row.detail, "at": row.created_at.isoformat()} for row in rows
        ]

    # analysts' decisions

    def merge(self, target: int, other: int, username: str | None = None) -> None:
        """Make `other` part of `target`: every report of both is pinned to `target`."""
        if target == other:
            raise IncidentError(f"cannot merge incident {target} with itself")
        with transaction(self._engine, writes=True) as connection:
            _require_incident(connection, target)
            _require_incident(connection, other)
            moved = _member_ids(connection, other)
            kept = _member_ids(connection, target)
            _separate(connection, moved, kept, apart=False)
            connection.execute(
                update(incident_members)
                .where(incident_members.c.incident_id.in_([target, other]))
                .values(incident_id=target, pinned=True, updated_at=_now())
            )
            connection.execute(delete(incidents).where(incidents.c.id == other))
            _touch(connection, target)
            _log(connection, "merge", {"target": target, "merged": other, "documents": moved})
            record_in(connection, username, "merge", f"incident:{target}", None, other, target)
            refresh_summaries(connection, [target, other])

    def split(
        self, incident_id: int, document_ids: Sequence[str], username: str | None = None
    ) -> int:
        """Move `document_ids` out of the incident into a new one; returns the new incident's id.

        The two groups are recorded as separate, so automatic runs never join them again.
        """
        with transaction(self._engine, writes=True) as connection:
            _require_incident(connection, incident_id)
            members = _member_ids(connection, incident_id)
            leaving = list(dict.fromkeys(document_ids))
            strangers = [d for d in leaving if d not in members]
            if strangers:
                raise IncidentError(
                    f"not reports of incident {incident_id}: {', '.join(strangers)}"
                )
            staying = [d for d in members if d not in leaving]
            if not staying:
                raise IncidentError(
                    f"splitting every report out of incident {incident_id} changes nothing"
                )
            new_id = _new_incident(connection)
            connection.execute(
                update(incident_members)
                .where(incident_members.c.document_id.in_(leaving))
                .values(incident_id=new_id, pinned=True, updated_at=_now())
            )
            # the analyst looked at both groups: later runs keep them as they are
            _pin(connection, staying)
            _separate(connection, leaving, staying, apart=True)
            _touch(connection, incident_id)
            _log(
                connection,
                "split",
                {"incident": incident_id, "new_incident": new_id, "documents": leaving},
            )
            record_in(
                connection, username, "split", f"incident:{incident_id}", None, members, leaving
            )
            refresh_summaries(connection, [incident_id, new_id])
        return new_id

    def move(self, document_id: str, incident_id: int, username: str | None = None) -> None:
        """Pin a report to another incident, apart from the reports it leaves behind."""
        with transaction(self._engine, writes=True) as connection:
            _require_incident(connection, incident_id)
            current = connection.execute(
                select(incident_members.c.incident_id).where(
                    incident_members.c.document_id == document_id
                )
            ).scalar_one_or_none()
            if current is None:
                raise IncidentError(
                    f"document {document_id!r} is in no incident (no relevant report, or not "
                    "resolved yet: run `ghostwatch incidents resolve`)"
                )
            if current == incident_id:
                raise IncidentError(
                    f"document {document_id!r} is already in incident {incident_id}"
                )
            left = [d for d in _member_ids(connection, current) if d != document_id]
            _separate(connection, [document_id], left, apart=True)
            _separate(connection, [document_id], _member_ids(connection, incident_id), apart=False)
            # the reports it joins define the incident the analyst chose: keep them there too
            _pin(connection, _member_ids(connection, incident_id))
            connection.execute(
                update(incident_members)
                .where(incident_members.c.document_id == document_id)
                .values(incident_id=incident_id, pinned=True, updated_at=_now())
            )
            _touch(connection, incident_id)
            _drop_empty_incidents(connection)
            _log(
                connection,
                "move",
                {"document": document_id, "from": current, "to": incident_id},
            )
            record_in(
                connection, username, "move", f"document:{document_id}", None, current, incident_id
            )
            refresh_summaries(connection, [current, incident_id])


def report_replaced(connection: Connection, report: Report) -> None:
    """Keep incidents in step with a document's new report.

    The new report may tell another case, so an automatically placed report is resolved again
    (its membership goes; the next resolution places it). A report an analyst placed stays, with
    its profile and keys brought up to date.
    """
    document_id = report.document.id
    pinned = connection.execute(
        select(incident_members.c.pinned).where(incident_members.c.document_id == document_id)
    ).scalar_one_or_none()
    if not pinned:
        report_removed(connection, document_id)
        return
    profile = profile_of(report)
    connection.execute(
        update(incident_members)
        .where(incident_members.c.document_id == document_id)
        .values(profile=profile.model_dump(mode="json"), updated_at=_now())
    )
    connection.execute(delete(incident_keys).where(incident_keys.c.document_id == document_id))
    _insert_keys(connection, profile)
    incident_id = connection.execute(
        select(incident_members.c.incident_id).where(incident_members.c.document_id == document_id)
    ).scalar_one()
    refresh_summaries(connection, [incident_id])


def report_removed(connection: Connection, document_id: str) -> None:
    """Take a report out of its incident (before the report is deleted or replaced), and drop
    the incident if nothing else is left in it."""
    incident_id = connection.execute(
        delete(incident_members)
        .where(incident_members.c.document_id == document_id)
        .returning(incident_members.c.incident_id)
    ).scalar_one_or_none()
    if incident_id is not None and not _member_ids(connection, incident_id):
        connection.execute(delete(incidents).where(incidents.c.id == incident_id))
    elif incident_id is not None:
        refresh_summaries(connection, [incident_id])


def _attach(connection: Connection, profile: CaseProfile) -> Attachment:
    """Resolve one report's profile against the stored incidents and store the result."""
    attachment = choose_incident(
        profile, _candidates(connection, profile), _separated(connection, profile.document_id)
    )
    if attachment.incident_id is None:
        attachment = Attachment(_new_incident(connection), opened=True)
    else:
        _touch(connection, attachment.incident_id)
    assert attachment.incident_id is not None
    connection.execute(
        insert(incident_members).values(
            document_id=profile.document_id,
            incident_id=attachment.incident_id,
            pinned=False,
            score=None if attachment.opened else attachment.score,
            matched=attachment.matched,
            reasons=attachment.reasons,
            profile=profile.model_dump(mode="json"),
            updated_at=_now(),
        )
    )
    _insert_keys(connection, profile)
    return attachment


def _insert_keys(connection: Connection, profile: CaseProfile) -> None:
    day = profile.day if profile.day is not None else 0
    keys = {block.key for block in blocking_keys(profile)}
    if keys:
        connection.execute(
            insert(incident_keys),
            [{"key": key, "document_id": profile.document_id, "day": day} for key in sorted(keys)],
        )


# Statements run once per resolved report are built once (SQLAlchemy then caches their SQL).
_UNRESOLVED_REPORT = (
    select(reports.c.data)
    .outerjoin(incident_members, incident_members.c.document_id == reports.c.document_id)
    .where(
        reports.c.document_id == bindparam("document_id"),
        reports.c.relevant.is_(True),
        incident_members.c.document_id.is_(None),
    )
)
_SEPARATED = union_all(
    select(incident_separations.c.document_b.label("other")).where(
        incident_separations.c.document_a == bindparam("document_id")
    ),
    select(incident_separations.c.document_a.label("other")).where(
        incident_separations.c.document_b == bindparam("document_id")
    ),
)
_TOUCH = (
    update(incidents)
    .where(incidents.c.id == bindparam("incident_id"))
    .values(updated_at=bindparam("updated_at"))
)

# Candidate lookup in two steps, both prepared once: the keys' rows in their date window (small
# rows: ids and days), then the profiles of the nearest few hundred reports only.
_KEY_ROWS = (
    select(incident_keys.c.day, incident_keys.c.document_id, incident_members.c.incident_id)
    .join(incident_members, incident_members.c.document_id == incident_keys.c.document_id)
    .where(
        incident_keys.c.key.in_(bindparam("keys", expanding=True)),
        incident_keys.c.day.between(bindparam("low"), bindparam("high")),
    )
)
_PROFILES = select(incident_members.c.document_id, incident_members.c.profile).where(
    incident_members.c.document_id.in_(bindparam("ids", expanding=True))
)


def _candidates(connection: Connection, profile: CaseProfile) -> list[Member]:
    day = profile.day
    by_window: dict[int, list[str]] = {}
    for block in blocking_keys(profile):
        by_window.setdefault(block.window, []).append(block.key)
    incident_of: dict[str, int] = {}
    found: list[tuple[int, str]] = []
    for window, keys in by_window.items():
        low, high = (-(2**31), 2**31 - 1) if day is None else (day - window, day + window)
        for row in connection.execute(_KEY_ROWS, {"keys": keys, "low": low, "high": high}):
            incident_of[row.document_id] = row.incident_id
            found.append((row.day, row.document_id))
    chosen = nearest(found, day)
    if not chosen:
        return []
    rows = connection.execute(_PROFILES, {"ids": chosen}).all()
    return [
        Member(incident_of[row.document_id], CaseProfile.model_validate(row.profile))
        for row in rows
    ]


def _separated(connection: Connection, document_id: str) -> set[str]:
    return set(connection.execute(_SEPARATED, {"document_id": document_id}).scalars())


def _separate(
    connection: Connection, group: Iterable[str], others: Iterable[str], *, apart: bool
) -> None:
    """Record (`apart`) or forget (not `apart`) that each report of `group` is apart from each of
    `others`."""
    pairs = {tuple(sorted((a, b))) for a in group for b in others if a != b}
    for a, b in pairs:
        connection.execute(
            delete(incident_separations).where(
                incident_separations.c.document_a == a, incident_separations.c.document_b == b
            )
        )
    if apart and pairs:
        connection.execute(
            insert(incident_separations),
            [{"document_a": a, "document_b": b} for a, b in sorted(pairs)],
        )


def _pin(connection: Connection, document_ids: list[str]) -> None:
    for chunk in _chunks(document_ids):
        connection.execute(
            update(incident_members)
            .where(incident_members.c.document_id.in_(chunk))
            .values(pinned=True, updated_at=_now())
        )


def _member_ids(connection: Connection, incident_id: int) -> list[str]:
    return list(
        connection.execute(
            select(incident_members.c.document_id)
            .where(incident_members.c.incident_id == incident_id)
            .order_by(incident_members.c.document_id)
        ).scalars()
    )


def _require_incident(connection: Connection, incident_id: int) -> None:
    found = connection.execute(
        select(incidents.c.id).where(incidents.c.id == incident_id)
    ).scalar_one_or_none()
    if found is None:
        raise UnknownIncidentError(incident_id)


def _chunks(items: list[str], size: int = 500) -> Iterable[list[str]]:
    """Lists short enough for an IN (...) clause on every database."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _new_incident(connection: Connection) -> int:
    now = _now()
    return connection.execute(
        insert(incidents).values(created_at=now, updated_at=now).returning(incidents.c.id)
    ).scalar_one()


def _touch(connection: Connection, incident_id: int) -> None:
    connection.execute(_TOUCH, {"incident_id": incident_id, "updated_at": _now()})


def _drop_empty_incidents(connection: Connection) -> None:
    connection.execute(
        delete(incidents).where(~incidents.c.id.in_(select(incident_members.c.incident_id)))
    )


def jsonable(value: Any) -> Any:
    """A value as JSON data (dates as ISO strings), for the audit log."""
    return json.loads(json.dumps(value, default=str))


def _log(connection: Connection, action: str, detail: dict[str, Any]) -> None:
    connection.execute(
        insert(incident_decisions).values(action=action, detail=detail, created_at=_now())
    )


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
