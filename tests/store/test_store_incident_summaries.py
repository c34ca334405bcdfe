"""The incident list's summaries, analysts' facts and the audit log, on both databases."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from ghostwatch.extract import Extractor
from ghostwatch.model import Document
from ghostwatch.store import IncidentError, IncidentFilters, Store
from ghostwatch.workflow import ingest

pytestmark = pytest.mark.models

TEXTS = {
    "toulouse-en": (
        "en",
        dt.date(2025, 3, 12),
        "Police in Toulouse arrested a 26-year-old man on Tuesday and seized three 3D-printed "
        "pistols and a 3D printer at his flat, the prosecutor's office said.",
    ),
    "toulouse-fr": (
        "fr",
        dt.date(2025, 3, 13),
        "Les policiers ont interpellé mardi à Toulouse un homme de 26 ans et saisi trois "
        "pistolets imprimés en 3D ainsi qu'une imprimante 3D dans son appartement.",
    ),
    "brest-fr": (
        "fr",
        dt.date(2025, 6, 5),
        "Les gendarmes ont interpellé mercredi à Brest deux hommes de 52 et 30 ans et saisi "
        "deux fusils de chasse volés dans leur garage, a indiqué la gendarmerie du Finistère.",
    ),
}


def news(document_id: str) -> Document:
    language, published, text = TEXTS[document_id]
    return Document(
        id=document_id,
        text=text,
        raw_text=text,
        language=language,
        published=published,
        title=text.split(",")[0],
    )


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture
def store(db: str, extractor: Extractor) -> Iterator[Store]:
    with Store.open(db) as opened:
        ingest([news(document_id) for document_id in TEXTS], opened, extractor)
        yield opened


def case_of(store: Store, document_id: str) -> int:
    found = store.incidents.incident_of(document_id)
    assert found is not None
    return found


def ids(store: Store, **filters: object) -> set[int]:
    page = store.incidents.query(IncidentFilters(**filters), per_page=200)  # type: ignore[arg-type]
    assert page.total == len(page.items)
    return {row.id for row in page.items}


def test_every_incident_has_a_summary_row(store: Store) -> None:
    toulouse, brest = case_of(store, "toulouse-en"), case_of(store, "brest-fr")
    assert toulouse == case_of(store, "toulouse-fr") != brest
    rows = {row.id: row for row in store.incidents.query().items}
    assert set(rows) == {toulouse, brest}
    assert rows[toulouse].reports == 2
    assert rows[toulouse].place == "Toulouse" and rows[toulouse].countries == ["FR"]
    assert rows[toulouse].lat is not None and rows[toulouse].first == dt.date(2025, 3, 11)
    assert rows[toulouse].printed_firearms == 3
    assert "Occitanie" in rows[toulouse].regions
    assert rows[toulouse].arrested == store.incidents.record(toulouse).counts["arrested"].chosen
    assert rows[brest].place == "Brest" and rows[brest].reports == 1


def test_filters_narrow_the_list(store: Store) -> None:
    toulouse, brest = case_of(store, "toulouse-en"), case_of(store, "brest-fr")
    assert ids(store, country="fr") == {toulouse, brest}
    assert ids(store, country="BE") == set()
    assert ids(store, region="Bretagne") == {brest}
    assert ids(store, firearm_kind="3d_printed") == {toulouse}
    assert ids(store, seized="3d_printer") == {toulouse}
    assert ids(store, date_from=dt.date(2025, 5, 1)) == {brest}
    assert ids(store, date_to=dt.date(2025, 3, 31)) == {toulouse}
    assert ids(store, text="fusils") == {brest}
    assert ids(store, text="nowhere-to-be-found") == set()
    assert ids(store, incident_type="arrest") == {toulouse, brest}
    # LIKE wildcards in a filter are literal characters
    assert ids(store, country="%") == set()


def test_sorting_and_pages(store: Store) -> None:
    newest = store.incidents.query(sort="-date", per_page=1)
    assert newest.total == 2 and [row.id for row in newest.items] == [case_of(store, "brest-fr")]
    second = store.incidents.query(sort="-date", page=2, per_page=1)
    assert [row.id for row in second.items] == [case_of(store, "toulouse-en")]
    assert store.incidents.query(sort="-reports").items[0].reports == 2
    with pytest.raises(ValueError, match="unknown sort"):
        store.incidents.query(sort="title")


def test_timeline_counts_incidents_and_printed_guns_per_month(store: Store) -> None:
    assert store.incidents.timeline() == [
        {"month": "2025-03", "country": "FR", "incidents": 1, "printed_firearms": 3},
        {"month": "2025-06", "country": "FR", "incidents": 1, "printed_firearms": 0},
    ]


def test_an_analysts_fact_wins_is_logged_and_survives_a_rebuild(store: Store) -> None:
    toulouse = case_of(store, "toulouse-en")
    before = store.incidents.record(toulouse).counts["arrested"].chosen
    store.incidents.set_fact(toulouse, "counts.arrested", 2, "alice")
    store.incidents.review_fact(toulouse, "seized.3d_printed_firearm", "confirmed", "bob")

    record = store.incidents.record(toulouse)
    assert (record.counts["arrested"].chosen, record.counts["arrested"].rule) == (2, "analyst")
    assert record.seized["3d_printed_firearm"].review == "confirmed"
    assert {row.id: row.arrested for row in store.incidents.query().items}[toulouse] == 2
    edit, review = reversed(store.audit.entries(target=f"incident:{toulouse}"))
    assert (edit.username, edit.action, edit.field) == ("alice", "edit fact", "counts.arrested")
    assert (edit.before["chosen"], edit.after) == (before, 2)
    assert (review.username, review.action, review.after) == ("bob", "confirmed fact", "confirmed")

    # a new value is not reviewed yet; a rebuild keeps the analyst's value on a kept incident
    store.incidents.set_fact(toulouse, "seized.3d_printed_firearm", 4, "alice")
    assert store.incidents.record(toulouse).seized["3d_printed_firearm"].review is None
    store.incidents.merge(toulouse, case_of(store, "brest-fr"), username="carol")
    store.incidents.rebuild()
    kept = store.incidents.record(toulouse)
    assert kept.counts["arrested"].chosen == 2 and kept.seized["3d_printed_firearm"].chosen == 4
    assert store.audit.entries(target=f"incident:{toulouse}")[0].username == "carol"


def test_facts_are_checked(store: Store) -> None:
    toulouse = case_of(store, "toulouse-en")
    with pytest.raises(IncidentError, match="not a fact"):
        store.incidents.set_fact(toulouse, "title", "x", "alice")
    with pytest.raises(IncidentError, match="verdict"):
        store.incidents.review_fact(toulouse, "date", "maybe", "alice")
