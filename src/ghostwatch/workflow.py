"""The document workflow shared by the faces (CLI now, web upload and batch later).

Read sources, prepare documents, extract reports, store both. Every step turns a bad document into
a `Problem` that names where it came from and carries on with the rest: a run never dies on one
document and never loses the good ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from ghostwatch.extract import Extraction, Extractor
from ghostwatch.model import Document
from ghostwatch.sources import SourceError, read_paths
from ghostwatch.store import IngestResult, ResolveSummary, Store
from ghostwatch.text import EmptyDocumentError, prepare_document


@dataclass(frozen=True)
class Problem:
    """A document that could not be read, prepared or extracted, and why."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(frozen=True)
class Defaults:
    """Values for documents whose source does not give them (a plain .txt has no date)."""

    published: dt.date | None = None
    language: str | None = None


def load_documents(
    paths: Iterable[str], defaults: Defaults = Defaults(), stdin: BinaryIO | None = None
) -> Iterator[Document | Problem]:
    """Documents from files, folders and stdin ("-"), in input order, with problems in place."""
    for item in read_paths(paths, stdin=stdin):
        if isinstance(item, SourceError):
            yield Problem(
                item.path if item.line is None else f"{item.path}:{item.line}", item.reason
            )
            continue
        try:
            yield prepare_document(
                item, default_published=defaults.published, default_language=defaults.language
            )
        except EmptyDocumentError:
            yield Problem(item.origin, "document has no text after cleaning")


@dataclass
class IngestSummary:
    results: dict[IngestResult, int] = field(default_factory=dict)
    extracted: int = 0
    relevant: int = 0
    problems: list[Problem] = field(default_factory=list)
    incidents: ResolveSummary = field(default_factory=ResolveSummary)
    #: the documents given a report by this run
    reported: list[str] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return sum(self.results.values())


def ingest(
    items: Iterable[Document | Problem],
    store: Store,
    extractor: Extractor,
    *,
    on_item: Callable[[], None] = lambda: None,
    batch_size: int = 64,
) -> IngestSummary:
    """Store documents, give each stored document without a current report its report, and
    attach the new relevant reports to their incidents.

    Documents are written in batches, then extracted in one `Extractor.pipe` pass per batch, so the
    spaCy models see many documents at once.
    """
    summary = IngestSummary()
    pending: list[Document] = []

    def flush() -> None:
        for document in pending:
            result = store.ingest(document)
            summary.results[result] = summary.results.get(result, 0) + 1
        # the same document twice in one batch is extracted once
        unique = {doc.id: doc for doc in pending}
        to_extract = [doc for doc in unique.values() if store.needs_report(doc.id)]
        for extraction in extractor.pipe(to_extract):
            record_extraction(extraction, store, extractor, summary)
        pending.clear()

    for item in items:
        on_item()
        if isinstance(item, Problem):
            summary.problems.append(item)
            continue
        pending.append(item)
        if len(pending) >= batch_size:
            flush()
    flush()
    summary.incidents = store.incidents.resolve(summary.reported)
    return summary


def record_extraction(
    extraction: Extraction, store: Store, extractor: Extractor, summary: IngestSummary
) -> None:
    report = extraction.report
    for error in extraction.errors:
        summary.problems.append(Problem(report.document.id, error))
    store.save_report(report, extractor.name)
    summary.reported.append(report.document.id)
    summary.extracted += 1
    summary.relevant += int(report.relevant)
