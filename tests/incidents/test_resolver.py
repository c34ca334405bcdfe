"""Incremental resolution: each report joins the incident it reports or opens a new one."""

from __future__ import annotations

import datetime as dt

import pytest

from ghostwatch.incidents import (
    CaseProfile,
    Member,
    MemoryIndex,
    blocking_keys,
    choose_incident,
    profile_of,
)
from ghostwatch.incidents.profile import PlaceMark
from ghostwatch.model import Report

pytestmark = pytest.mark.models


def test_an_english_and_a_french_account_form_one_incident(
    raid_en: Report, raid_fr: Report
) -> None:
    index = MemoryIndex()
    first = index.resolve(profile_of(raid_en))
    second = index.resolve(profile_of(raid_fr))
    assert first.opened
    assert not second.opened
    assert second.incident_id == first.incident_id
    assert second.matched == "raid-en"
    assert second.reasons
    assert index.clusters() == {first.incident_id: ["raid-en", "raid-fr"]}


def test_the_look_alike_and_the_foreign_case_stay_apart_and_the_trial_joins(
    raid_en: Report, raid_fr: Report, lookalike: Report, trial: Report, belgium: Report
) -> None:
    index = MemoryIndex()
    for report in (raid_en, belgium, raid_fr, lookalike, trial):
        index.resolve(profile_of(report))
    clusters = sorted(sorted(members) for members in index.clusters().values())
    assert clusters == [["belgium"], ["lookalike"], ["raid-en", "raid-fr", "trial"]]
    assert len(index) == 5


def test_the_look_alike_is_a_candidate_but_is_turned_down(
    raid_en: Report, lookalike: Report
) -> None:
    index = MemoryIndex()
    index.resolve(profile_of(raid_en))
    profile = profile_of(lookalike)
    # blocking finds it (same town, within the window); the score keeps it out
    assert [m.profile.document_id for m in index.candidates(profile)] == ["raid-en"]
    assert index.resolve(profile).opened


def place_profile(document_id: str, day: dt.date, *, judicial: bool = False) -> CaseProfile:
    return CaseProfile(
        document_id=document_id,
        start=day,
        end=day,
        judicial=judicial,
        countries=["FR"],
        places=[PlaceMark(geonames_id=2972315, kind="city", lat=43.6, lon=1.44)],
        ages=[26],
    )


def test_a_town_key_reaches_back_months_only_for_a_judicial_report() -> None:
    index = MemoryIndex()
    index.resolve(place_profile("raid", dt.date(2025, 3, 11)))
    later = place_profile("later", dt.date(2025, 9, 11))
    assert index.candidates(later) == []
    assert [
        m.profile.document_id for m in index.candidates(later.model_copy(update={"judicial": True}))
    ] == ["raid"]
    keys = {key.key: key.window for key in blocking_keys(later)}
    assert keys == {"place:2972315": 45}


def test_choose_incident_skips_incidents_holding_a_separated_report() -> None:
    day = dt.date(2025, 3, 11)
    stored = [Member(1, place_profile("a", day)), Member(2, place_profile("b", day))]
    new = place_profile("c", day)
    assert choose_incident(new, stored).incident_id == 1  # equal scores: the first stays best
    assert choose_incident(new, stored, separated={"a"}).incident_id == 2
    assert choose_incident(new, stored, separated={"a", "b"}).incident_id is None


def test_a_report_is_not_matched_with_itself() -> None:
    profile = place_profile("a", dt.date(2025, 3, 11))
    assert choose_incident(profile, [Member(7, profile)]).incident_id is None
