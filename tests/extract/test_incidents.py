"""Incident types and firearm kinds, read from real parses of sentences written for these tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from ghostwatch.extract.rules import recorded_evidence
from ghostwatch.model import Report

pytestmark = pytest.mark.models


def evidence(doc: Doc, field: str, value: str) -> list[str]:
    spans = recorded_evidence(doc, field).get(value, [])
    for span in spans:
        assert doc.text[span.start : span.end] == span.text
    return [span.text for span in spans]


RAID_EN = (
    "Police raided a flat in Leeds on Tuesday and arrested a 31-year-old man. Officers seized "
    "two 3D-printed pistols and 40 rounds of ammunition. The man was charged with manufacturing "
    "a prohibited firearm and was remanded in custody."
)


def test_english_raid_gives_each_action_with_its_evidence(
    parsed: Callable[..., tuple[Report, Doc]],
) -> None:
    report, doc = parsed(RAID_EN, "en")
    assert report.incident_types == [
        "search",
        "arrest",
        "seizure",
        "charge",
        "remand",
        "manufacture",
    ]
    assert report.firearm_kinds == ["3d_printed"]
    assert evidence(doc, "incident_types", "search") == ["raided"]
    assert evidence(doc, "incident_types", "arrest") == ["arrested"]
    assert evidence(doc, "incident_types", "remand") == ["remanded in custody"]
    assert evidence(doc, "firearm_kinds", "3d_printed") == ["3D-printed"]


def test_negated_and_hypothetical_actions_are_not_facts(
    parsed: Callable[..., tuple[Report, Doc]],
) -> None:
    text = (
        "A woman who lived at the address was not charged. Police said the man could face "
        "further charges and faces up to ten years in prison. There was no evidence that he had "
        "sold any of the weapons, and no arrests have been made in the second inquiry."
    )
    report, _ = parsed(text, "en")
    for absent in ("charge", "sentence", "conviction", "trafficking", "arrest"):
        assert absent not in report.incident_types


@pytest.mark.parametrize(
    ("text", "action", "not_action"),
    [
        pytest.param(
            "The 26-year-old, previously convicted of a drug offence, was arrested at his home. "
            "He has a prior conviction for robbery.",
            "arrest",
            "conviction",
            id="prior-conviction-is-not-the-case-conviction",
        ),
        pytest.param(
            "Officers recovered a 3D-printed handgun and a pistol made largely of printed plastic.",
            "seizure",
            "manufacture",
            id="describing-a-printed-gun-is-not-manufacture",
        ),
        pytest.param(
            "Officers were searching for the gunman after a man was shot in the leg on Friday "
            "night.",
            "shooting",
            "search",
            id="searching-for-a-gunman-is-not-a-search",
        ),
        pytest.param(
            "He was charged with possession with intent to supply cannabis and possessing a "
            "firearm.",
            "possession",
            "trafficking",
            id="drug-supply-is-not-gun-trafficking",
        ),
        pytest.param(
            "Investigators found that the man had lied about the handgun. Officers arrived and "
            "found two men shot near a parked car. Both victims, hit by bullets from a rifle, are "
            "recovering in hospital.",
            "shooting",
            "seizure",
            id="findings-and-recoveries-that-are-no-seizure",
        ),
        pytest.param(
            "Surveillance cameras captured the shooting, and the gunman was captured on video as "
            "he fled. A neighbour captured a large alligator last week. The charge carries up to "
            "a year in jail.",
            "shooting",
            "arrest",
            id="what-is-captured-on-video-or-served-in-jail-is-no-arrest",
        ),
        pytest.param(
            "After an emotionally charged hearing, the judge said the officer who shot the man "
            "could face potential charges.",
            "shooting",
            "charge",
            id="an-emotionally-charged-hearing-is-no-charge",
        ),
    ],
)
def test_a_word_of_an_action_in_another_sense_is_not_that_action(
    parsed: Callable[..., tuple[Report, Doc]], text: str, action: str, not_action: str
) -> None:
    """Each text states one action (`action`) beside wording that only looks like another."""
    report, _ = parsed(text, "en")
    assert action in report.incident_types
    assert not_action not in report.incident_types


def test_a_sentence_implies_a_conviction(parsed: Callable[..., tuple[Report, Doc]]) -> None:
    report, doc = parsed(
        "A Bristol man who printed a pistol in his garage was jailed for four years.",
        "en",
    )
    assert {"sentence", "conviction", "manufacture"} <= set(report.incident_types)
    assert evidence(doc, "incident_types", "conviction") == evidence(
        doc, "incident_types", "sentence"
    )


def test_background_cases_give_no_actions(parsed: Callable[..., tuple[Report, Doc]]) -> None:
    text = (
        "Police searched a house in Hull and seized a printed pistol. Last year officers in "
        "Coventry found a similar set-up, and a teenager in Leeds was convicted of "
        "making gun parts."
    )
    report, _ = parsed(text, "en")
    assert "conviction" not in report.incident_types
    assert report.incident_types == ["search", "seizure"]


def test_converted_blank_firers_and_factory_guns(parsed: Callable[..., tuple[Report, Doc]]) -> None:
    report, doc = parsed(
        "Officers seized six converted blank-firing pistols and two conventional revolvers.",
        "en",
    )
    assert report.firearm_kinds == ["converted", "conventional", "blank_firing"]
    assert evidence(doc, "firearm_kinds", "conventional") == ["conventional revolvers"]


def test_guns_seized_with_no_other_kind_are_conventional(
    parsed: Callable[..., tuple[Report, Doc]],
) -> None:
    text = "Agents executed a search warrant at his home and found four pistols and a rifle."
    report, doc = parsed(text, "en")
    assert report.firearm_kinds == ["conventional"]
    assert evidence(doc, "firearm_kinds", "conventional") == ["pistols"]


def test_a_shooting_does_not_make_its_gun_conventional(
    parsed: Callable[..., tuple[Report, Doc]],
) -> None:
    text = "A man was shot in the chest on Main Street. Police recovered a handgun at the scene."
    report, _ = parsed(text, "en")
    assert "shooting" in report.incident_types
    assert report.firearm_kinds == []


RAID_FR = (
    "Les gendarmes ont perquisitionné mardi le domicile d'un homme de 24 ans à Lorient et ont "
    "saisi deux pistolets imprimés en 3D. Il a été mis en examen pour fabrication d'armes et "
    "placé en détention provisoire. Il assure n'avoir jamais vendu ni cédé ses armes."
)


def test_french_raid_gives_each_action_with_its_evidence(
    parsed: Callable[..., tuple[Report, Doc]],
) -> None:
    report, doc = parsed(RAID_FR, "fr")
    assert report.incident_types == ["search", "seizure", "charge", "remand", "manufacture"]
    assert report.firearm_kinds == ["3d_printed"]
    assert evidence(doc, "incident_types", "charge") == ["mis en examen"]
    assert evidence(doc, "incident_types", "remand") == ["détention provisoire"]
    assert evidence(doc, "firearm_kinds", "3d_printed") == ["pistolets imprimés"]


def test_french_descriptions_prior_records_and_belgian_warrants(
    parsed: Callable[..., tuple[Report, Doc]],
) -> None:
    text = (
        "L'arme utilisée, un pistolet en partie fabriqué avec une imprimante 3D, a été retrouvée "
        "près de son domicile. Déjà condamné pour des vols, il a été interpellé dimanche. Deux "
        "suspects ont été placés sous mandat d'arrêt par le juge d'instruction."
    )
    report, _ = parsed(text, "fr")
    assert {"seizure", "arrest", "remand", "investigation"} <= set(report.incident_types)
    for absent in ("manufacture", "conviction", "warrant"):
        assert absent not in report.incident_types


def test_french_fugitive_warrant_and_converted_alarm_pistols(
    parsed: Callable[..., tuple[Report, Doc]],
) -> None:
    text = (
        "Un huitième suspect, actuellement en fuite, fait l'objet d'un mandat d'arrêt. Les "
        "policiers ont saisi quatorze pistolets d'alarme transformés pour tirer à balles réelles."
    )
    report, _ = parsed(text, "fr")
    assert {"warrant", "seizure"} <= set(report.incident_types)
    assert report.firearm_kinds == ["converted", "blank_firing"]


def test_a_gun_found_by_a_child_is_no_seizure(parsed: Callable[..., tuple[Report, Doc]]) -> None:
    child, _ = parsed(
        "The 4-year-old found a loaded handgun in his parents' bedroom and shot himself in the "
        "hand. A girl who had found a revolver under a bed fired one round.",
        "en",
    )
    police, doc = parsed("Deputies found a loaded handgun under the driver's seat.", "en")
    assert "shooting" in child.incident_types
    assert "seizure" not in child.incident_types
    assert "seizure" in police.incident_types
    assert evidence(doc, "incident_types", "seizure") == ["found"]


def test_a_gun_found_by_a_child_is_no_seizure_in_french(
    parsed: Callable[..., tuple[Report, Doc]],
) -> None:
    child, _ = parsed(
        "L'enfant a trouvé le pistolet chargé dans la chambre de ses parents. Un promeneur a "
        "découvert un fusil dans un fossé.",
        "fr",
    )
    police, _ = parsed(
        "Les gendarmes ont trouvé un pistolet et des munitions dans la voiture.", "fr"
    )
    assert "seizure" not in child.incident_types
    assert "seizure" in police.incident_types


def test_searching_a_place_is_a_search_and_searching_an_area_is_not(
    parsed: Callable[..., tuple[Report, Doc]],
) -> None:
    hunt, _ = parsed(
        "A man was shot in the chest on Friday. Officers searched the area and search crews "
        "were still searching late Saturday for two suspects.",
        "en",
    )
    raid, doc = parsed("Detectives searched his flat and a storage unit.", "en")
    assert "search" not in hunt.incident_types
    assert "search" in raid.incident_types
    assert evidence(doc, "incident_types", "search") == ["searched"]


def test_arrests_in_the_wording_of_us_news(parsed: Callable[..., tuple[Report, Doc]]) -> None:
    text = (
        "The 19-year-old was booked into juvenile hall on Monday. His brother surrendered to "
        "police on Tuesday, and a third man was captured in Ohio days later."
    )
    report, doc = parsed(text, "en")
    assert "arrest" in report.incident_types
    assert evidence(doc, "incident_types", "arrest") == [
        "booked into",
        "surrendered to",
        "captured",
    ]


def test_a_suspect_still_sought_is_not_arrested(parsed: Callable[..., tuple[Report, Doc]]) -> None:
    text = (
        "Police said the two brothers will face attempted murder charges when arrested. "
        "Officers exchanged gunfire with the driver but were unable to apprehend him, and a "
        "reward is offered for information leading to an arrest and conviction."
    )
    report, _ = parsed(text, "en")
    for absent in ("arrest", "charge", "conviction"):
        assert absent not in report.incident_types


def test_jailed_without_bond_is_remand_not_a_sentence(
    parsed: Callable[..., tuple[Report, Doc]],
) -> None:
    text = "He was jailed without bond after the shooting and is awaiting a hearing in June."
    report, doc = parsed(text, "en")
    assert "remand" in report.incident_types
    assert "sentence" not in report.incident_types
    assert evidence(doc, "incident_types", "remand") == ["jailed without bond"]


@pytest.mark.parametrize(
    ("text", "language", "published", "absent"),
    [
        pytest.param(
            "Police arrested the 31-year-old on Tuesday after the shooting. In 2011 he was "
            "convicted of robbery and sentenced to two years, and he had faced drug charges in "
            "the past.",
            "en",
            dt.date(2016, 5, 3),
            ("conviction", "sentence", "charge"),
            id="en",
        ),
        pytest.param(
            "Le suspect a été interpellé mardi. Il a été condamné en 2009 pour des vols.",
            "fr",
            dt.date(2021, 3, 2),
            ("conviction",),
            id="fr",
        ),
    ],
)
def test_record_dated_years_before_the_case_is_no_case_action(
    parsed: Callable[..., tuple[Report, Doc]],
    text: str,
    language: str,
    published: dt.date,
    absent: tuple[str, ...],
) -> None:
    report, _ = parsed(text, language, published=published)
    assert "arrest" in report.incident_types
    for action in absent:
        assert action not in report.incident_types


def test_shootings_in_the_wording_of_accident_reports(
    parsed: Callable[..., tuple[Report, Doc]],
) -> None:
    texts = [
        "The family died of shotgun wounds, the coroner said.",
        "A 16-year-old was hurt when the handgun he was reportedly handling accidentally "
        "discharged in a bedroom.",
        "Witnesses said several shots were being fired from a passing car.",
        "The teen discharged a firearm inside the apartment, wounding his cousin.",
    ]
    for text in texts:
        report, _ = parsed(text, "en")
        assert report.incident_types == ["shooting"], text
