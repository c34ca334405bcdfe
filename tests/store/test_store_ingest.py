from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from ghostwatch.model import Document, Report
from ghostwatch.store import IngestResult, Store, UnknownDocumentError


def test_a_document_round_trips(store: Store, fr_arrest: Document) -> None:
    assert store.ingest(fr_arrest) is IngestResult.NEW
    assert store.get_document(fr_arrest.id) == fr_arrest


def test_the_same_document_twice_is_stored_once(
    store: Store, fr_arrest: Document, en_charge: Document
) -> None:
    assert store.ingest(fr_arrest) is IngestResult.NEW
    assert store.ingest(en_charge) is IngestResult.NEW
    assert store.ingest(fr_arrest.model_copy()) is IngestResult.UNCHANGED
    assert store.count_documents() == 2


def test_a_new_document_needs_a_report(store: Store, fr_arrest: Document) -> None:
    store.ingest(fr_arrest)
    assert store.needs_report(fr_arrest.id)


def test_unchanged_document_keeps_its_report(store: Store, fr_arrest: Document) -> None:
    store.ingest(fr_arrest)
    store.save_report(Report(document=fr_arrest.block(), relevant=True), "test/1")

    assert store.ingest(fr_arrest) is IngestResult.UNCHANGED
    assert not store.needs_report(fr_arrest.id)
    assert store.count_reports() == 1


@pytest.mark.parametrize(
    "change",
    [
        {"text": "La gendarmerie du Rhône a interpellé mercredi quatre hommes à Vénissieux."},
        {"title": "Quatre hommes interpellés dans le Rhône"},
        {"published": dt.date(2024, 3, 13)},
        {"source": "agence.example"},
    ],
    ids=["text", "title", "published", "source"],
)
def test_a_changed_document_replaces_the_stored_one_and_loses_its_report(
    store: Store, fr_arrest: Document, change: dict[str, object]
) -> None:
    store.ingest(fr_arrest)
    store.save_report(Report(document=fr_arrest.block(), relevant=True), "test/1")
    changed = fr_arrest.model_copy(update=change)

    assert store.ingest(changed) is IngestResult.UPDATED
    assert store.get_document(fr_arrest.id) == changed
    assert store.get_report(fr_arrest.id) is None
    assert store.needs_report(fr_arrest.id)
    assert (store.count_documents(), store.count_reports()) == (1, 0)


def test_a_new_origin_alone_is_not_a_change(store: Store, fr_arrest: Document) -> None:
    """The same article read again from another file is the same document."""
    store.ingest(fr_arrest)
    assert store.ingest(fr_arrest.model_copy(update={"origin": "elsewhere.jsonl:7"})) is (
        IngestResult.UNCHANGED
    )
    assert store.get_document(fr_arrest.id) == fr_arrest


def test_ingest_many_handles_each_document_in_order(
    store: Store, fr_arrest: Document, en_charge: Document
) -> None:
    changed = en_charge.model_copy(update={"title": "Leeds man remanded in custody"})

    results = store.ingest_many([fr_arrest, en_charge, fr_arrest, changed])

    assert results == [
        IngestResult.NEW,
        IngestResult.NEW,
        IngestResult.UNCHANGED,
        IngestResult.UPDATED,
    ]
    assert store.get_document(en_charge.id) == changed
    assert store.count_documents() == 2


def test_ingest_many_is_one_transaction(store: Store, fr_arrest: Document) -> None:
    """A failure part way leaves nothing of the batch behind."""

    def documents_then_failure() -> Iterator[Document]:
        yield fr_arrest
        raise RuntimeError("the reader broke")

    with pytest.raises(RuntimeError, match="reader broke"):
        store.ingest_many(documents_then_failure())
    assert store.count_documents() == 0


def test_writers_racing_on_the_same_documents_store_each_once(
    db: str, fr_arrest: Document, en_charge: Document
) -> None:
    batch = [fr_arrest, en_charge]
    with Store.open(db):
        pass  # migrate first, so the race is about documents

    def ingest_batch(_: int) -> list[IngestResult]:
        with Store.open(db) as store:
            return store.ingest_many(batch)

    with ThreadPoolExecutor(max_workers=4) as pool:
        outcomes = list(pool.map(ingest_batch, range(4)))

    for position in range(len(batch)):
        column = sorted(outcome[position].value for outcome in outcomes)
        assert column == ["new", "unchanged", "unchanged", "unchanged"]
    with Store.open(db) as store:
        assert store.count_documents() == 2


def test_unknown_documents(store: Store) -> None:
    assert store.get_document("missing") is None
    with pytest.raises(UnknownDocumentError, match="missing"):
        store.needs_report("missing")
