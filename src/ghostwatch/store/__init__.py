"""Storage of documents and their reports, in SQLite (a file) or PostgreSQL (a URL).

`Store.open(path_or_url)` creates or migrates the database and is the one entry point the faces
need; the rest of this package is how it works.
"""

from ghostwatch.store.audit import AuditEntry, AuditLog
from ghostwatch.store.database import database_url
from ghostwatch.store.incident_summaries import IncidentFilters, IncidentPage, IncidentRow
from ghostwatch.store.incidents import (
    IncidentError,
    IncidentRepository,
    IncidentSummary,
    MemberInfo,
    ResolveSummary,
    UnknownIncidentError,
)
from ghostwatch.store.repository import (
    IngestResult,
    StaleReportError,
    Store,
    StoreError,
    UnknownDocumentError,
)
from ghostwatch.store.search import HIGHLIGHT_END, HIGHLIGHT_START, SearchHit
from ghostwatch.store.users import ROLES, Role, TokenInfo, User, UserError, UserRepository

__all__ = [
    "HIGHLIGHT_END",
    "HIGHLIGHT_START",
    "ROLES",
    "AuditEntry",
    "AuditLog",
    "IncidentError",
    "IncidentFilters",
    "IncidentPage",
    "IncidentRepository",
    "IncidentRow",
    "IncidentSummary",
    "IngestResult",
    "MemberInfo",
    "ResolveSummary",
    "Role",
    "SearchHit",
    "StaleReportError",
    "Store",
    "StoreError",
    "TokenInfo",
    "UnknownDocumentError",
    "UnknownIncidentError",
    "User",
    "UserError",
    "UserRepository",
    "database_url",
]
