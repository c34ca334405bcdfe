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


# The Core tables the repository writes its SQL against.
documents = cast(Table, DocumentRow.__table__)
reports = cast(Table, ReportRow.__table__)
