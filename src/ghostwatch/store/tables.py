"""The stored tables, declared once for both SQLite and PostgreSQL.

Only portable columns live here. The full-text search machinery differs per database (an FTS5
table with triggers on SQLite, a generated tsvector column on PostgreSQL) and is created by the
migration alone, so the ORM never reads or writes it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# JSONB on PostgreSQL so later features (incidents, dashboards) can query inside reports.
JsonData = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    pass


class DocumentRow(Base):
    """A cleaned document, found by its document id.

    `pk` is an integer surrogate key because SQLite's FTS5 index ties entries to an integer rowid:
    with a text primary key, the implicit rowid may be renumbered by VACUUM and the index would
    point at the wrong rows. `content_hash` fingerprints what a report depends on, so re-ingesting
    the same document is a no-op and a changed one is noticed (see `fingerprint.content_hash`).
    """

    __tablename__ = "documents"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String, unique=True)
    source: Mapped[str | None] = mapped_column(String)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date)
    language: Mapped[str | None] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    raw_text: Mapped[str] = mapped_column(Text)
    offsets: Mapped[list[Any]] = mapped_column(JsonData)
    content_hash: Mapped[str] = mapped_column(String(64))
    origin: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class ReportRow(Base):
    """The current report of one document; deleted with the document or when it changes."""

    __tablename__ = "reports"

    document_id: Mapped[str] = mapped_column(
        String, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    schema: Mapped[str] = mapped_column(String(32))
    relevant: Mapped[bool] = mapped_column(Boolean, index=True)
    relevance_score: Mapped[float | None] = mapped_column(Float)
    data: Mapped[dict[str, Any]] = mapped_column(JsonData)
    extractor: Mapped[str] = mapped_column(String)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class IncidentRow(Base):
    """A case: the reports of it are its members."""

    __tablename__ = "incidents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class IncidentMemberRow(Base):
    """Which incident a report belongs to, and why.

    `profile` is the report's case profile (incidents.profile), kept so that matching a new report
    reads small JSON rows instead of whole reports. `pinned` marks an analyst's decision, which
    automatic runs never undo. The row dies with its report (a changed document is resolved again).
    """

    __tablename__ = "incident_members"

    document_id: Mapped[str] = mapped_column(
        String, ForeignKey("reports.document_id", ondelete="CASCADE"), primary_key=True
    )
    incident_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("incidents.id", ondelete="CASCADE"), index=True
    )
    pinned: Mapped[bool] = mapped_column(Boolean)
    score: Mapped[float | None] = mapped_column(Float)
    matched: Mapped[str | None] = mapped_column(String)
    reasons: Mapped[list[Any]] = mapped_column(JsonData)
    profile: Mapped[dict[str, Any]] = mapped_column(JsonData)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class IncidentKeyRow(Base):
    """The blocking keys of a resolved report, with the day of its action, for candidate lookup."""

    __tablename__ = "incident_keys"
    # candidates are looked up as one key and a range of days
    __table_args__ = (Index("ix_incident_keys_key_day", "key", "day"),)

    key: Mapped[str] = mapped_column(String, primary_key=True)
    document_id: Mapped[str] = mapped_column(
        String,
        ForeignKey("incident_members.document_id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    )
    day: Mapped[int] = mapped_column(Integer)


class IncidentSeparationRow(Base):
    """Two reports an analyst said belong to different incidents (`document_a` < `document_b`)."""

    __tablename__ = "incident_separations"

    document_a: Mapped[str] = mapped_column(
        String, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    document_b: Mapped[str] = mapped_column(
        String, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class IncidentDecisionRow(Base):
    """The log of analysts' merges, splits and moves."""

    __tablename__ = "incident_decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    action: Mapped[str] = mapped_column(String(16))
    detail: Mapped[dict[str, Any]] = mapped_column(JsonData)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class IncidentFactRow(Base):
    """An analyst's value for, or verdict on, one merged fact of an incident.

    Kept apart from the reports, so re-extraction and re-resolution never overwrite it.
    """

    __tablename__ = "incident_facts"

    incident_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True
    )
    field: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any | None] = mapped_column(JsonData)
    review: Mapped[str | None] = mapped_column(String(16))
    username: Mapped[str | None] = mapped_column(String)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class IncidentSummaryRow(Base):
    """One row per incident with the facts the incident list filters and sorts on.

    Lists are stored as "|FR|BE|" for display; filters read the indexed `incident_tags`.
    Refreshed whenever an incident's reports or facts change.
    """

    __tablename__ = "incident_summaries"

    incident_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True
    )
    first_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    last_date: Mapped[dt.date | None] = mapped_column(Date)
    title: Mapped[str | None] = mapped_column(Text)
    countries: Mapped[str] = mapped_column(Text)
    regions: Mapped[str] = mapped_column(Text)
    incident_types: Mapped[str] = mapped_column(Text)
    firearm_kinds: Mapped[str] = mapped_column(Text)
    seized: Mapped[str] = mapped_column(Text)
    place: Mapped[str | None] = mapped_column(Text)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    reports: Mapped[int] = mapped_column(Integer, index=True)
    arrested: Mapped[int | None] = mapped_column(Integer)
    killed: Mapped[int | None] = mapped_column(Integer)
    injured: Mapped[int | None] = mapped_column(Integer)
    printed_firearms: Mapped[int | None] = mapped_column(Integer)


class IncidentTagRow(Base):
    """One filterable value of an incident (a country, a region, a kind of action or firearm, a
    seized item), indexed so that a filter reads only the matching incidents."""

    __tablename__ = "incident_tags"

    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    value: Mapped[str] = mapped_column(String, primary_key=True)
    incident_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class UserRow(Base):
    """A person using the web app: viewer, analyst or admin."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String)
    role: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class ApiTokenRow(Base):
    """A script's credential: only the token's SHA-256 is stored."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    last_used_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class AuditRow(Base):
    """Who changed what, when, from what to what (analysts' edits, merges, uploads)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    username: Mapped[str | None] = mapped_column(String)
    action: Mapped[str] = mapped_column(String(32))
    target: Mapped[str] = mapped_column(String, index=True)
    field: Mapped[str | None] = mapped_column(String(64))
    before: Mapped[Any | None] = mapped_column(JsonData)
    after: Mapped[Any | None] = mapped_column(JsonData)


# The Core tables the repository writes its SQL against.
documents = cast(Table, DocumentRow.__table__)
reports = cast(Table, ReportRow.__table__)
incidents = cast(Table, IncidentRow.__table__)
incident_members = cast(Table, IncidentMemberRow.__table__)
incident_keys = cast(Table, IncidentKeyRow.__table__)
incident_separations = cast(Table, IncidentSeparationRow.__table__)
incident_decisions = cast(Table, IncidentDecisionRow.__table__)
incident_facts = cast(Table, IncidentFactRow.__table__)
incident_summaries = cast(Table, IncidentSummaryRow.__table__)
incident_tags = cast(Table, IncidentTagRow.__table__)
users = cast(Table, UserRow.__table__)
api_tokens = cast(Table, ApiTokenRow.__table__)
audit_log = cast(Table, AuditRow.__table__)
