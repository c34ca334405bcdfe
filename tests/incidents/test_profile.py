"""Case profiles: what a report says that identifies its case, independent of language."""

from __future__ import annotations

import datetime as dt

import pytest

from ghostwatch.incidents import CaseProfile, profile_of
from ghostwatch.incidents.profile import UNDATED_SPAN_DAYS, anchors_of, fold, name_words
from ghostwatch.model import DateValue, DocumentBlock, Report

pytestmark = pytest.mark.models


def bare_report(incident_types: list[str], *, date: dt.date | None = None) -> Report:
    document = DocumentBlock(
        id="d1", published=dt.date(2025, 6, 10), language="en", text="A short report."
    )
    return Report(
        document=document,
        relevant=True,
        incident_types=incident_types,
        date=None if date is None else DateValue(start=date, end=date),
    )


def name_words_of(profile: CaseProfile) -> set[str]:
    return {word for name in profile.names for word in name.split()}


# anchors


def test_sentence_initial_words_are_not_anchors() -> None:
    anchors = anchors_of(
        "Yesterday detectives arrested Marek Novak in Leeds. Novak denies the charges.", "en"
    )
    assert {"marek", "novak", "leeds"} <= anchors
    assert "yesterday" not in anchors


def test_common_capitalised_words_are_not_anchors() -> None:
    english = anchors_of(
        "The man was arrested on Monday in March by West Yorkshire Police in Bradford.", "en"
    )
    assert english == {"yorkshire", "bradford"}
    french = anchors_of(
        "Il a été interpellé Mardi à Lyon, selon le Parquet et la Gendarmerie.", "fr"
    )
    assert french == {"lyon"}


def test_numbers_lose_their_grouping_across_languages() -> None:
    english = anchors_of("Officers seized 1,500 rounds of ammunition in Leeds.", "en")
    french = anchors_of("Les policiers ont saisi 1 500 cartouches à Leeds.", "fr")
    assert "1500" in english and "1500" in french
    assert english & french == {"1500", "leeds"}


def test_one_digit_numbers_are_too_common_to_be_anchors() -> None:
    assert anchors_of("Police seized 3 pistols and 12 magazines.", "en") == {"12"}


def test_numbers_listed_with_commas_stay_separate_anchors() -> None:
    # "aged 24, 31 and 45" is how news lists ages: each age is an anchor of its own
    anchors = anchors_of("Three men, aged 24, 31 and 45, were arrested in Leeds.", "en")
    assert {"24", "31", "45", "leeds"} <= anchors


def test_french_elided_place_names_are_anchors() -> None:
    # "d'Aubagne" names the same town as the English "Aubagne": the elision must not hide it
    french = anchors_of("Un homme a été interpellé par les policiers d'Aubagne jeudi.", "fr")
    english = anchors_of("A man was arrested by police in Aubagne on Thursday.", "en")
    assert "aubagne" in english
    assert "aubagne" in french


def test_fold_removes_case_and_accents() -> None:
    assert fold("Opération  Hélice") == fold("operation helice") == "operation helice"


# names


def test_a_shortened_name_shares_the_first_name() -> None:
    assert set(name_words("Kevin D.")) == {"kevin"}
    assert set(name_words("Kevin Dumont")) == {"kevin", "dumont"}
    assert set(name_words("Kevin D.")) & set(name_words("Kevin Dumont")) == {"kevin"}


def test_titles_are_not_name_words() -> None:
    assert set(name_words("M. Dumont")) == {"dumont"}
    assert set(name_words("Mr Kevin Dumont")) == {"kevin", "dumont"}
    assert set(name_words("Mme Léa Girard")) == {"lea", "girard"}


# profiles of extracted reports


def test_profile_of_a_raid(raid_en: Report) -> None:
    profile = profile_of(raid_en)
    assert profile.document_id == "raid-en"
    assert profile.start == profile.end == dt.date(2025, 3, 11)  # "on Tuesday"
    assert not profile.judicial
    assert profile.countries == ["FR"]
    assert [p.kind for p in profile.places] == ["city"]
    assert profile.places[0].incident
    assert profile.ages == [26]
    assert profile.seized.get("3d_printed_firearm") == 3
    assert {"toulouse", "mirail", "26"} <= set(profile.anchors)


def test_the_french_account_shares_the_identifying_facts(raid_en: Report, raid_fr: Report) -> None:
    english, french = profile_of(raid_en), profile_of(raid_fr)
    assert french.start == english.start
    assert french.countries == english.countries
    assert {p.geonames_id for p in french.places} == {p.geonames_id for p in english.places}
    assert french.seized.get("3d_printed_firearm") == english.seized.get("3d_printed_firearm")
    assert "kevin" in name_words_of(french)


def test_a_sentencing_report_is_judicial(trial: Report) -> None:
    profile = profile_of(trial)
    assert profile.judicial
    assert profile.start == dt.date(2025, 11, 19)
    assert {"kevin", "dumont"} <= name_words_of(profile)
    assert 26 in profile.ages


@pytest.mark.parametrize(
    ("types", "judicial"),
    [
        (["charge"], True),
        (["charge", "remand"], True),
        (["arrest", "charge"], False),  # the report narrates the arrest itself
        (["seizure", "sentence"], True),  # a trial narrates the raid too, but is a follow-up
        (["arrest", "seizure"], False),
    ],
)
def test_judicial_follows_the_incident_types(types: list[str], judicial: bool) -> None:
    assert profile_of(bare_report(types)).judicial is judicial


def test_an_undated_report_spans_the_week_before_publication() -> None:
    profile = profile_of(bare_report(["arrest"]))
    assert profile.end == dt.date(2025, 6, 10)
    assert profile.start == dt.date(2025, 6, 10) - dt.timedelta(days=UNDATED_SPAN_DAYS)
    assert profile.day == (profile.start.toordinal() + profile.end.toordinal()) // 2


def test_a_profile_round_trips_through_json(raid_fr: Report) -> None:
    profile = profile_of(raid_fr)
    assert CaseProfile.model_validate(profile.model_dump(mode="json")) == profile
