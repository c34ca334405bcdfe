from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine, text

from ghostwatch.model import (
    Agency,
    Count,
    DateValue,
    Document,
    Location,
    Person,
    Report,
    Seizure,
    Span,
)
from ghostwatch.store import StaleReportError, Store, UnknownDocumentError, repository


def span(document: Document, words: str) -> Span:
    start = document.text.index(words)
    return Span(start=start, end=start + len(words), text=words)


@pytest.fixture
def fr_report(fr_arrest: Document) -> Report:
    return Report(
        document=fr_arrest.block(),
        relevant=True,
        relevance_score=0.93,
        incident_types=["arrest", "seizure"],
        firearm_kinds=["3d_printed"],
        date=DateValue(
            start=dt.date(2024, 3, 12),
            end=dt.date(2024, 3, 12),
            text="mardi",
            evidence=[span(fr_arrest, "mardi")],
        ),
        locations=[
            Location(
                name="Villeurbanne",
                kind="city",
                country="FR",
                evidence=[span(fr_arrest, "Villeurbanne")],
            )
        ],
        countries=["FR"],
        agencies=[
            Agency(name="gendarmerie du Rhône", kind="gendarmerie", country="FR"),
            Agency(
                name="parquet de Lyon", kind="prosecutor", evidence=[span(fr_arrest, "parquet")]
            ),
        ],
        counts={"arrested": Count(value=3, evidence=[span(fr_arrest, "trois hommes")])},
        suspects=[Person(label="trois hommes", status=["arrested"])],
        seized=[
            Seizure(category="3d_printer", quantity=1, evidence=[span(fr_arrest, "imprimante 3D")]),
            Seizure(category="ammunition", qualifier="des munitions"),
        ],
        annotator_note="written for the store tests",  # extra keys are part of report/1
    )


def test_a_saved_report_reads_back_equal(
    store: Store, fr_arrest: Document, fr_report: Report
) -> None:
    store.ingest(fr_arrest)
    store.save_report(fr_report, "ghostwatch-test/1")

    loaded = store.get_report(fr_arrest.id)

    assert loaded == fr_report
    assert loaded is not None and loaded.to_json_dict() == fr_report.to_json_dict()
    assert not store.needs_report(fr_arrest.id)


def test_saving_again_replaces_the_report(
    store: Store, fr_arrest: Document, fr_report: Report
) -> None:
    store.ingest(fr_arrest)
    store.save_report(fr_report, "ghostwatch-test/1")
    second = fr_report.model_copy(update={"relevant": False, "relevance_score": 0.1})

    store.save_report(second, "ghostwatch-test/2")

    assert store.get_report(fr_arrest.id) == second
    assert store.count_reports() == 1


def test_the_extractor_is_recorded(
    store: Store, engine: Engine, fr_arrest: Document, fr_report: Report
) -> None:
    store.ingest(fr_arrest)
    store.save_report(fr_report, "ghostwatch-test/1")
    with engine.connect() as connection:
        row = connection.execute(
            text("SELECT extractor, schema, relevant FROM reports WHERE document_id = :id"),
            {"id": fr_arrest.id},
        ).one()
    assert tuple(row) == ("ghostwatch-test/1", "report/1", True)


def test_a_report_needs_its_document(store: Store, fr_report: Report) -> None:
    with pytest.raises(UnknownDocumentError, match="fr-rhone-2024-03-12"):
        store.save_report(fr_report, "ghostwatch-test/1")
    assert store.count_reports() == 0


def test_a_report_made_from_another_version_is_refused(
    store: Store, fr_arrest: Document, fr_report: Report
) -> None:
    store.ingest(fr_arrest.model_copy(update={"title": "Titre corrigé par la rédaction"}))

    with pytest.raises(StaleReportError, match="extract it again"):
        store.save_report(fr_report, "ghostwatch-test/1")
    assert store.needs_report(fr_arrest.id)


def test_missing_report_is_none(store: Store, fr_arrest: Document) -> None:
    store.ingest(fr_arrest)
    assert store.get_report(fr_arrest.id) is None
    assert store.get_report("never-stored") is None


def test_iter_reports_filters_on_relevance(
    store: Store, fr_arrest: Document, en_charge: Document, fr_report: Report
) -> None:
    store.ingest_many([fr_arrest, en_charge])
    en_report = Report(document=en_charge.block(), relevant=False, relevance_score=0.2)
    store.save_report(fr_report, "ghostwatch-test/1")
    store.save_report(en_report, "ghostwatch-test/1")

    assert list(store.iter_reports()) == [en_report, fr_report]  # document id order
    assert list(store.iter_reports(relevant=True)) == [fr_report]
    assert list(store.iter_reports(relevant=False)) == [en_report]


@pytest.mark.parametrize("stored", [6, 7])
def test_iter_reports_reads_page_after_page(
    store: Store, en_charge: Document, monkeypatch: pytest.MonkeyPatch, stored: int
) -> None:
    monkeypatch.setattr(repository, "_REPORT_PAGE", 3)
    documents = [en_charge.model_copy(update={"id": f"en-{n:02d}"}) for n in range(stored)]
    store.ingest_many(documents)
    for document in reversed(documents):
        store.save_report(Report(document=document.block()), "ghostwatch-test/1")

    ids = [report.document.id for report in store.iter_reports()]

    assert ids == [document.id for document in documents]


def test_deleting_a_document_deletes_its_report(
    store: Store, engine: Engine, fr_arrest: Document, fr_report: Report
) -> None:
    store.ingest(fr_arrest)
    store.save_report(fr_report, "ghostwatch-test/1")
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM documents WHERE id = :id"), {"id": fr_arrest.id})
    assert store.count_reports() == 0
