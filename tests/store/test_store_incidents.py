"""Incidents in the store: formed at ingest, corrected by analysts, kept by later runs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from ghostwatch.extract import Extractor
from ghostwatch.model import Document
from ghostwatch.store import IncidentError, Store, UnknownIncidentError
from ghostwatch.workflow import ingest

pytestmark = pytest.mark.models

TEXTS = {
    "raid-en": (
        "en",
        dt.date(2025, 3, 12),
        "Police in Toulouse arrested a 26-year-old man on Tuesday and seized three 3D-printed "
        "pistols and a 3D printer at his flat in the Mirail district, the prosecutor's office "
        "said. Kevin Dumont is due to appear before a judge on Friday.",
    ),
    "raid-fr": (
        "fr",
        dt.date(2025, 3, 12),
        "Les policiers ont interpellé mardi à Toulouse un homme de 26 ans, Kevin D., et saisi "
        "trois pistolets imprimés en 3D ainsi qu'une imprimante 3D dans son appartement du "
        "Mirail, a indiqué le parquet.",
    ),
    "lookalike": (
        "en",
        dt.date(2025, 3, 26),
        "Police in Toulouse arrested a 41-year-old man on Tuesday after finding two 3D-printed "
        "handguns in a garage in the Rangueil district, prosecutors said.",
    ),
    "trial": (
        "en",
        dt.date(2025, 11, 20),
        "Kevin Dumont, 26, was sentenced to four years in prison on Wednesday by the Toulouse "
        "criminal court for making three 3D-printed pistols seized at his flat in March.",
    ),
}
OTHER_CASE_FR = (
    "Les gendarmes ont interpellé mercredi à Brest un homme de 52 ans et saisi deux fusils "
    "imprimés en 3D dans sa maison, a indiqué la gendarmerie du Finistère."
)


def news(document_id: str, text: str | None = None) -> Document:
    language, published, original = TEXTS[document_id]
    body = text or original
    return Document(
        id=document_id,
        text=body,
        raw_text=body,
        language=language,
        published=published,
        source=f"https://news.example/{document_id}",
        title=body.split(",")[0],
    )


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture
def store(db: str, extractor: Extractor) -> Iterator[Store]:
    """A store holding the four reports, resolved at ingest."""
    with Store.open(db) as opened:
        summary = ingest([news(document_id) for document_id in TEXTS], opened, extractor)
        assert summary.relevant == 4
        assert (summary.incidents.opened, summary.incidents.attached) == (2, 2)
        yield opened


def groups(store: Store) -> set[frozenset[str]]:
    """The incidents as sets of document ids."""
    return {frozenset(summary.documents) for summary in store.incidents.list()}


def expect(*clusters: list[str]) -> set[frozenset[str]]:
    return {frozenset(cluster) for cluster in clusters}


def incident(store: Store, document_id: str) -> int:
    found = store.incidents.incident_of(document_id)
    assert found is not None
    return found


CASE = ["raid-en", "raid-fr", "trial"]


def test_ingest_forms_incidents(store: Store) -> None:
    assert groups(store) == expect(CASE, ["lookalike"])
    case = incident(store, "raid-en")
    members = {m.document_id: m for m in store.incidents.members(case)}
    assert sorted(members) == CASE
    assert not any(m.pinned for m in members.values())
    assert members["raid-en"].matched is None  # it opened the incident
    assert members["raid-fr"].matched == "raid-en"
    assert members["raid-fr"].score is not None and members["raid-fr"].reasons
    summaries = {s.id: s for s in store.incidents.list()}
    assert summaries[case].first == dt.date(2025, 3, 11)
    assert summaries[case].last == dt.date(2025, 11, 19)


def test_the_record_of_a_stored_incident(store: Store) -> None:
    record = store.incidents.record(incident(store, "trial"))
    assert record.documents == CASE
    assert [entry.follow_up for entry in record.timeline] == [False, False, True]
    assert record.seized["3d_printed_firearm"].chosen == 3


def test_resolving_again_changes_nothing(store: Store) -> None:
    summary = store.incidents.resolve_pending()
    assert summary.resolved == 0
    assert groups(store) == expect(CASE, ["lookalike"])


def test_merge_is_logged_and_survives_a_rebuild(store: Store) -> None:
    case, other = incident(store, "raid-en"), incident(store, "lookalike")
    store.incidents.merge(case, other)
    assert groups(store) == expect(["lookalike", *CASE])
    assert all(m.pinned for m in store.incidents.members(case))
    with pytest.raises(UnknownIncidentError):
        store.incidents.members(other)
    (decision,) = store.incidents.decisions()
    assert decision["action"] == "merge"
    assert (decision["target"], decision["merged"], decision["documents"]) == (
        case,
        other,
        ["lookalike"],
    )

    store.incidents.rebuild()
    assert groups(store) == expect(["lookalike", "raid-en", "raid-fr", "trial"])
    assert incident(store, "lookalike") == case


def test_split_is_logged_and_never_rejoined(store: Store) -> None:
    case = incident(store, "raid-en")
    new_id = store.incidents.split(case, ["raid-fr"])
    assert new_id != case
    assert incident(store, "raid-fr") == new_id
    assert groups(store) == expect(["lookalike"], ["raid-en", "trial"], ["raid-fr"])
    (decision,) = store.incidents.decisions()
    assert decision["action"] == "split"
    assert (decision["incident"], decision["new_incident"], decision["documents"]) == (
        case,
        new_id,
        ["raid-fr"],
    )

    summary = store.incidents.rebuild()
    assert summary.resolved == 1  # the split pinned both groups: only "lookalike" is resolved
    assert groups(store) == expect(["lookalike"], ["raid-en", "trial"], ["raid-fr"])
    assert incident(store, "raid-fr") == new_id
    assert [m.pinned for m in store.incidents.members(new_id)] == [True]


def test_move_is_logged_and_survives_a_rebuild(store: Store) -> None:
    case, old = incident(store, "raid-en"), incident(store, "lookalike")
    store.incidents.move("trial", old)
    assert groups(store) == expect(["lookalike", "trial"], ["raid-en", "raid-fr"])
    (decision,) = store.incidents.decisions()
    assert decision["action"] == "move"
    assert (decision["document"], decision["from"], decision["to"]) == ("trial", case, old)
    assert decision["at"]

    store.incidents.rebuild()
    assert groups(store) == expect(["lookalike", "trial"], ["raid-en", "raid-fr"])


def test_moving_the_last_report_drops_its_incident(store: Store) -> None:
    case, old = incident(store, "raid-en"), incident(store, "lookalike")
    store.incidents.move("lookalike", case)
    assert groups(store) == expect(["lookalike", "raid-en", "raid-fr", "trial"])
    with pytest.raises(UnknownIncidentError):
        store.incidents.record(old)


def test_impossible_requests_are_refused_and_not_logged(store: Store) -> None:
    case, other = incident(store, "raid-en"), incident(store, "lookalike")
    unknown = max(case, other) + 100
    with pytest.raises(UnknownIncidentError, match=f"no incident with id {unknown}"):
        store.incidents.members(unknown)
    with pytest.raises(UnknownIncidentError):
        store.incidents.merge(case, unknown)
    with pytest.raises(UnknownIncidentError):
        store.incidents.move("raid-en", unknown)
    with pytest.raises(IncidentError, match="with itself"):
        store.incidents.merge(case, case)
    with pytest.raises(IncidentError, match="changes nothing"):
        store.incidents.split(case, CASE)
    with pytest.raises(IncidentError, match="not reports of incident"):
        store.incidents.split(case, ["lookalike"])
    with pytest.raises(IncidentError, match="already in incident"):
        store.incidents.move("raid-fr", case)
    with pytest.raises(IncidentError, match="in no incident"):
        store.incidents.move("no-such-document", case)
    assert store.incidents.decisions() == []
    assert groups(store) == expect(CASE, ["lookalike"])


def test_a_changed_document_is_resolved_again(store: Store, extractor: Extractor) -> None:
    case = incident(store, "raid-en")
    summary = ingest([news("raid-fr", OTHER_CASE_FR)], store, extractor)
    assert summary.extracted == 1
    assert summary.incidents.resolved == 1 and summary.incidents.opened == 1
    assert groups(store) == expect(["lookalike"], ["raid-en", "trial"], ["raid-fr"])
    assert incident(store, "raid-en") == case
    assert incident(store, "raid-fr") != case
    # and back: the original text joins its case again
    ingest([news("raid-fr")], store, extractor)
    assert groups(store) == expect(CASE, ["lookalike"])
