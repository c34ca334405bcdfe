"""The store: documents and their reports in SQLite or PostgreSQL, behind one small API.

Callers hand in and get back the shared pydantic models (`Document`, `Report`); rows never leave
this package. Every method is one transaction. Writes are safe against other processes writing the
same database: inserts use ON CONFLICT, and SQLite write transactions take the lock up front.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from enum import Enum
from types import TracebackType
from typing import Any, Self

from sqlalchemy import Connection, Engine, Table, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from ghostwatch.model import Document, Report
from ghostwatch.store.audit import AuditLog
from ghostwatch.store.database import database_url, open_engine, transaction
from ghostwatch.store.fingerprint import content_hash
from ghostwatch.store.incidents import IncidentRepository, report_removed, report_replaced
from ghostwatch.store.migrate import upgrade
from ghostwatch.store.search import SearchHit, search_documents
from ghostwatch.store.tables import documents, reports
from ghostwatch.store.users import UserRepository

# Reports are read in pages so a long iteration holds no transaction (and no lock) open.
_REPORT_PAGE = 500


class IngestResult(Enum):
    """What storing a document did."""

    NEW = "new"
    UNCHANGED = "unchanged"
    UPDATED = "updated"


class StoreError(Exception):
    """A request the store cannot honour (as opposed to a database failure)."""


class UnknownDocumentError(StoreError, LookupError):
    def __init__(self, document_id: str) -> None:
        super().__init__(f"no stored document with id {document_id!r}")
        self.document_id = document_id


class StaleReportError(StoreError):
    """The report was made from a version of the document other than the stored one."""

    def __init__(self, document_id: str) -> None:
        super().__init__(
            f"report for {document_id!r} was made from a different text, title, date or source "
            "than the stored document; extract it again from the stored document"
        )
        self.document_id = document_id


class Store:
    """Documents and reports in one database. Use `Store.open`; close it, or use it in `with`."""

    def __init__(self, engine: Engine) -> None:
        """Wrap an engine whose database is already migrated (`Store.open` does both)."""
        self._engine = engine
        #: the stored reports grouped into incidents (see `store.incidents`)
        self.incidents = IncidentRepository(engine)
        #: the web app's users and their API tokens
        self.users = UserRepository(engine)
        #: who changed what (analysts' edits, merges, uploads)
        self.audit = AuditLog(engine)

    @classmethod
    def open(cls, url_or_path: str | None = None) -> Self:
        """Open (creating and migrating if needed) the database named as in `database_url`."""
        engine = open_engine(database_url(url_or_path))
        try:
            upgrade(engine)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # documents

    def ingest(self, document: Document) -> IngestResult:
        """Store a document once; a changed document replaces the stored one and drops its report.

        The same document ingested again is UNCHANGED and touches nothing. "Changed" means a
        different text, title, publication date or source (see `content_hash`): those are what
        the report was computed from, so its report is deleted and `needs_report` turns true.
        """
        return self.ingest_many([document])[0]

    def ingest_many(self, documents: Iterable[Document]) -> list[IngestResult]:
        """`ingest` for many documents in one transaction (much faster than one by one).

        Documents are handled in order, so the same id twice in a batch behaves as two ingests.
        """
        with transaction(self._engine, writes=True) as connection:
            return [_ingest(connection, document) for document in documents]

    def get_document(self, document_id: str) -> Document | None:
        with transaction(self._engine, writes=False) as connection:
            row = connection.execute(
                select(documents).where(documents.c.id == document_id)
            ).one_or_none()
        if row is None:
            return None
        return Document.model_validate({name: row._mapping[name] for name in Document.model_fields})

    def count_documents(self) -> int:
        return self._count(documents)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Documents whose title or text contains every word of `query`, best first."""
        with transaction(self._engine, writes=False) as connection:
            return search_documents(connection, query, limit)

    # reports

    def needs_report(self, document_id: str) -> bool:
        """Whether the stored document has no report (never extracted, or changed since)."""
        with transaction(self._engine, writes=False) as connection:
            stored = connection.execute(
                select(documents.c.id, reports.c.document_id)
                .outerjoin(reports, reports.c.document_id == documents.c.id)
                .where(documents.c.id == document_id)
            ).one_or_none()
        if stored is None:
            raise UnknownDocumentError(document_id)
        return stored.document_id is None

    def save_report(self, report: Report, extractor: str) -> None:
        """Store `report` as its document's current report, replacing any earlier one.

        The document must be stored, in the version the report was made from: a report about
        another text would carry evidence offsets that point into the wrong characters.
        """
        document_id = report.document.id
        values: dict[str, Any] = {
            "schema": report.schema_,
            "relevant": report.relevant,
            "relevance_score": report.relevance_score,
            "data": report.to_json_dict(),
            "extractor": extractor,
            "created_at": _now(),
        }
        with transaction(self._engine, writes=True) as connection:
            stored_hash = _stored_hash(connection, document_id)
            if stored_hash is None:
                raise UnknownDocumentError(document_id)
            if stored_hash != content_hash(report.document):
                raise StaleReportError(document_id)
            statement = _dialect_insert(connection, reports).values(
                document_id=document_id, **values
            )
            connection.execute(
                statement.on_conflict_do_update(index_elements=["document_id"], set_=values)
            )
            report_replaced(connection, report)

    def get_report(self, document_id: str) -> Report | None:
        with transaction(self._engine, writes=False) as connection:
            data = connection.execute(
                select(reports.c.data).where(reports.c.document_id == document_id)
            ).scalar_one_or_none()
        return None if data is None else Report.model_validate(data)

    def iter_reports(self, relevant: bool | None = None) -> Iterator[Report]:
        """Every stored report in document id order; only (ir)relevant ones if `relevant` is set."""
        after: str | None = None
        while True:
            query = select(reports.c.document_id, reports.c.data).order_by(reports.c.document_id)
            if relevant is not None:
                query = query.where(reports.c.relevant == relevant)
            if after is not None:
                query = query.where(reports.c.document_id > after)
            with transaction(self._engine, writes=False) as connection:
                page = connection.execute(query.limit(_REPORT_PAGE)).all()
            for row in page:
                yield Report.model_validate(row.data)
            if len(page) < _REPORT_PAGE:
                return
            after = page[-1].document_id

    def count_reports(self) -> int:
        return self._count(reports)

    def _count(self, table: Table) -> int:
        with transaction(self._engine, writes=False) as connection:
            return connection.execute(select(func.count()).select_from(table)).scalar_one()


def _ingest(connection: Connection, document: Document) -> IngestResult:
    fingerprint = content_hash(document)
    now = _now()
    values: dict[str, Any] = {
        "source": document.source,
        "title": document.title,
        "published": document.published,
        "language": document.language,
        "text": document.text,
        "raw_text": document.raw_text,
        "offsets": [list(run) for run in document.offsets],
        "content_hash": fingerprint,
        "origin": document.origin,
        "updated_at": now,
    }
    stored_hash = _stored_hash(connection, document.id)
    if stored_hash is None:
        inserted = connection.execute(
            _dialect_insert(connection, documents)
            .values(id=document.id, created_at=now, **values)
            .on_conflict_do_nothing(index_elements=["id"])
            .returning(documents.c.id)
        )
        if inserted.first() is not None:
            return IngestResult.NEW
        # Another process stored this id since we looked (PostgreSQL; SQLite holds the lock).
        stored_hash = _stored_hash(connection, document.id)
    if stored_hash == fingerprint:
        return IngestResult.UNCHANGED
    connection.execute(update(documents).where(documents.c.id == document.id).values(**values))
    report_removed(connection, document.id)
    connection.execute(delete(reports).where(reports.c.document_id == document.id))
    return IngestResult.UPDATED


def _stored_hash(connection: Connection, document_id: str) -> str | None:
    return connection.execute(
        select(documents.c.content_hash).where(documents.c.id == document_id)
    ).scalar_one_or_none()


def _dialect_insert(connection: Connection, table: Table) -> postgresql.Insert | sqlite.Insert:
    """An INSERT that knows ON CONFLICT; only the dialect modules build those."""
    if connection.dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
