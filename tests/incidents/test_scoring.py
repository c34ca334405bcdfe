"""Match scores between two reports: same case above the threshold, look-alikes below."""

from __future__ import annotations

import datetime as dt

import pytest

from ghostwatch.incidents import MATCH_THRESHOLD, CaseProfile, match_score, profile_of
from ghostwatch.incidents.profile import PlaceMark
from ghostwatch.model import Report

pytestmark = pytest.mark.models

TOULOUSE = PlaceMark(geonames_id=2972315, kind="city", lat=43.6043, lon=1.4437)
BLAGNAC = PlaceMark(geonames_id=3032213, kind="city", lat=43.6364, lon=1.3899)
MONTPELLIER = PlaceMark(geonames_id=2992166, kind="city", lat=43.6109, lon=3.8772)


def profile(document_id: str, day: dt.date, **facts: object) -> CaseProfile:
    values: dict[str, object] = {
        "document_id": document_id,
        "published": day + dt.timedelta(days=1),
        "start": day,
        "end": day,
        "countries": ["FR"],
        "regions": ["FR/occitanie"],
        "places": [TOULOUSE],
    }
    values.update(facts)
    return CaseProfile.model_validate(values)


def reasons(a: CaseProfile, b: CaseProfile) -> str:
    return "; ".join(match_score(a, b).reasons)


# extracted reports


def test_same_town_same_day_in_two_languages_matches(raid_en: Report, raid_fr: Report) -> None:
    scored = match_score(profile_of(raid_en), profile_of(raid_fr))
    assert scored.score >= MATCH_THRESHOLD, scored.reasons
    assert any("same town" in reason for reason in scored.reasons)
    assert any("same dates" in reason for reason in scored.reasons)


def test_two_raids_in_one_town_two_weeks_apart_do_not_match(
    raid_en: Report, lookalike: Report
) -> None:
    scored = match_score(profile_of(lookalike), profile_of(raid_en))
    assert scored.score < MATCH_THRESHOLD, scored.reasons
    assert any("different ages" in reason for reason in scored.reasons)
    assert any("days apart" in reason and reason.startswith("-") for reason in scored.reasons)


def test_different_countries_are_strongly_against(raid_en: Report, belgium: Report) -> None:
    scored = match_score(profile_of(belgium), profile_of(raid_en))
    assert scored.score < 0, scored.reasons
    assert "-8.0 different countries" in scored.reasons


def test_a_sentence_months_later_with_the_same_names_attaches(
    raid_fr: Report, trial: Report
) -> None:
    scored = match_score(profile_of(trial), profile_of(raid_fr))
    assert scored.score >= MATCH_THRESHOLD, scored.reasons
    assert any("judicial follow-up" in reason for reason in scored.reasons)
    assert not any("different names" in reason for reason in scored.reasons)


def test_a_sentence_does_not_attach_to_a_look_alike(lookalike: Report, trial: Report) -> None:
    assert match_score(profile_of(trial), profile_of(lookalike)).score < MATCH_THRESHOLD


# exact profiles


def test_the_date_gap_alone_lowers_the_score() -> None:
    base = profile("a", dt.date(2025, 3, 11), ages=[26])
    scores = [
        match_score(profile("b", base.start + dt.timedelta(days=gap), ages=[26]), base).score
        for gap in (0, 2, 10, 30)
    ]
    assert scores == sorted(scores, reverse=True)
    assert len(set(scores)) == 4
    assert scores[0] >= MATCH_THRESHOLD
    assert scores[-1] < MATCH_THRESHOLD


def test_a_late_report_of_the_action_is_not_a_follow_up() -> None:
    raid = profile("raid", dt.date(2025, 3, 11), ages=[26])
    later = profile("later", dt.date(2025, 9, 11), ages=[26])
    text = reasons(later, raid)
    assert "follow-up" not in text
    assert "-5.0 dates" in text
    sentence = later.model_copy(update={"judicial": True})
    assert "follow-up" in reasons(sentence, raid)


def test_ages_may_grow_by_a_year_per_year_before_the_trial() -> None:
    raid = profile("raid", dt.date(2024, 3, 11), ages=[26])
    trial = profile("trial", dt.date(2025, 5, 20), ages=[27], judicial=True)
    assert "same ages [27]" in reasons(trial, raid)
    same_day = profile("other", dt.date(2024, 3, 11), ages=[27])
    assert "different ages" in reasons(same_day, raid)


def test_operation_names_weigh_both_ways() -> None:
    a = profile("a", dt.date(2025, 3, 11), operations=["helice"])
    assert (
        "+5.0 same operation"
        in match_score(profile("b", dt.date(2025, 3, 11), operations=["helice"]), a).reasons
    )
    assert (
        "-3.0 other operation"
        in match_score(profile("c", dt.date(2025, 3, 11), operations=["mistral"]), a).reasons
    )


def test_names_weigh_both_ways() -> None:
    day = dt.date(2025, 3, 11)
    known = profile("a", day, names=["kevin dumont"])

    def score(*names: str) -> float:
        return match_score(profile("b", day, names=list(names)), known).score

    assert score("kevin dumont") > score() > score("marek novak")
    assert score("kevin dumont") - score() >= 3.0
    assert any(
        "different names" in r
        for r in match_score(profile("c", day, names=["marek novak"]), known).reasons
    )


def test_rounded_counts_are_not_held_against_a_match() -> None:
    a = profile("a", dt.date(2025, 3, 11), counts={"arrested": 14})
    assert "arrested 15 and 14, as outlets round" in reasons(
        profile("b", dt.date(2025, 3, 11), counts={"arrested": 15}), a
    )
    assert "-1.0 arrested 4 vs 14" in reasons(
        profile("c", dt.date(2025, 3, 11), counts={"arrested": 4}), a
    )


def test_distance_between_towns() -> None:
    toulouse = profile("a", dt.date(2025, 3, 11))
    suburb = profile("b", dt.date(2025, 3, 11), places=[BLAGNAC])
    far = profile("c", dt.date(2025, 3, 11), places=[MONTPELLIER])
    assert any(r.startswith("+1.5 towns") for r in match_score(suburb, toulouse).reasons)
    assert any(r.startswith("-4.0 towns") for r in match_score(far, toulouse).reasons)


def test_scores_are_symmetric_for_two_accounts_of_the_action() -> None:
    a = profile("a", dt.date(2025, 3, 11), ages=[26, 31], seized={"firearm": 4})
    b = profile("b", dt.date(2025, 3, 12), ages=[31], seized={"firearm": 4}, names=["novak"])
    assert match_score(a, b).score == match_score(b, a).score
