"""The audit log: every change an analyst makes, with who, when, before and after.

Writes go through `record` inside the caller's transaction where the change itself happens
(`record_in`), so a change and its log entry commit together or not at all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, insert, select

from ghostwatch.store.database import transaction
from ghostwatch.store.tables import audit_log


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: dt.datetime
    username: str | None
    action: str
    target: str
    field: str | None
    before: Any
    after: Any


class AuditLog:
    """The audit log of one store (`store.audit`)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def record(
        self,
        username: str | None,
        action: str,
        target: str,
        field: str | None = None,
        before: Any = None,
        after: Any = None,
    ) -> None:
        with transaction(self._engine, writes=True) as connection:
            record_in(connection, username, action, target, field, before, after)

    def entries(self, target: str | None = None, limit: int = 100) -> list[AuditEntry]:
        """The latest entries first, for one target ("incident:12") or all."""
        query = select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)
        if target is not None:
            query = query.where(audit_log.c.target == target)
        with transaction(self._engine, writes=False) as connection:
            rows = connection.execute(query).all()
        return [
            AuditEntry(
                row.id,
                row.at,
                row.username,
                row.action,
                row.target,
                row.field,
                row.before,
                row.after,
            )
            for row in rows
        ]


def record_in(
    connection: Connection,
    username: str | None,
    action: str,
    target: str,
    field: str | None = None,
    before: Any = None,
    after: Any = None,
) -> None:
    """Log a change inside the transaction that makes it."""
    connection.execute(
        insert(audit_log).values(
            at=dt.datetime.now(dt.UTC),
            username=username,
            action=action,
            target=target,
            field=field,
            before=before,
            after=after,
        )
    )
