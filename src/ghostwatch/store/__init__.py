"""Storage of documents and their reports, in SQLite (a file) or PostgreSQL (a URL).

`Store.open(path_or_url)` creates or migrates the database and is the one entry point the faces
need; the rest of this package is how it works.
"""

from ghostwatch.store.database import database_url
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

__all__ = [
    "HIGHLIGHT_END",
    "HIGHLIGHT_START",
    "IncidentError",
    "IncidentRepository",
    "IncidentSummary",
    "IngestResult",
    "MemberInfo",
    "ResolveSummary",
    "SearchHit",
    "StaleReportError",
    "Store",
    "StoreError",
    "UnknownDocumentError",
    "UnknownIncidentError",
    "database_url",
]
