"""People of the case: suspects and victims with ages, statuses, roles and details, the case's
roles and the suspects' age range, read by the real pipeline from texts written for these tests."""

from __future__ import annotations

import pytest

from ghostwatch.extract import Extractor
from ghostwatch.model import Document, Person, Report

pytestmark = pytest.mark.models

NETWORK_EN = (
    "Police in Leeds have arrested five people suspected of belonging to a network that made "
    "and sold 3D-printed pistols, West Yorkshire Police said on Friday.\n\n"
    "At the head of the network was a 26-year-old man, previously convicted of drug offences, "
    "who lived in the town of Morley. An arrest warrant has been issued against him.\n\n"
    "Two other men, aged 19 and 23, were released on bail. Some acted as middlemen, officers "
    "said, and buyers were also arrested. The suspects are aged between 18 and 30."
)

SHOOTING_EN = (
    "A 24-year-old man was shot and killed outside a bar in Dayton on Saturday night, police "
    "said.\n\n"
    "Officers arrested Marcus Hill, 31, of Kettering, on Sunday and charged him with murder. "
    "Hill is being held without bail at the Montgomery County Jail.\n\n"
    "Three others, ages 16 to 20, were taken to a hospital with gunshot wounds.\n\n"
    '"This was a senseless act," said Sgt. Tom Baker, a police spokesman.'
)

COURT_EN = (
    "A man who printed guns in his garage has been jailed for six years and eight months.\n\n"
    "Jordan Reyes, 29, of Wigan, pleaded guilty at Bolton Crown Court to manufacturing a "
    "prohibited firearm. Reyes, a German national who had no previous convictions, told "
    "police he had never sold any of the weapons. His girlfriend, 27, was not charged."
)

ROUNDUP_EN = (
    "Police across the north dealt with three cases involving printed firearms this week.\n\n"
    "Preston\n\n"
    "Officers raided a flat in Preston and arrested two men, aged 22 and 35, after finding a "
    "3D-printed pistol and a printer.\n\n"
    "Carlisle\n\n"
    "A 17-year-old boy was arrested in Carlisle after printed gun parts were found.\n\n"
    "Durham\n\n"
    "A 51-year-old man was jailed for four years for making a printed pistol."
)

RESEAU_FR = (
    "Sept personnes ont été interpellées mardi à Toulon dans le cadre d'une enquête sur un "
    "trafic d'armes imprimées en 3D, a annoncé le parquet.\n\n"
    "Les armes étaient fabriquées par un homme de 27 ans, domicilié à La Seyne-sur-Mer, "
    "déjà connu des services de police. Il a été mis en examen et placé en détention "
    "provisoire.\n\n"
    "Deux hommes, âgés de 21 et 33 ans, revendaient les pistolets à des clients du "
    "narcobanditisme. L'aîné a été placé sous contrôle judiciaire. Les suspects, âgés de 19 à "
    "45 ans, sont pour la plupart connus de la justice."
)

PROCES_FR = (
    "Le tribunal correctionnel de Rennes a condamné jeudi un technicien de 35 ans à quatre ans "
    "de prison dont deux avec sursis pour avoir fabriqué des armes à feu avec une imprimante "
    "3D.\n\n"
    "Son complice, Julien Marchand, 41 ans, de Vitré, a été relaxé. « Je ne les ai jamais "
    "vendues », a déclaré le prévenu, sans antécédents judiciaires."
)

FUSILLADE_FR = (
    "Un adolescent de 15 ans a été blessé par balle samedi soir à Nîmes. Un jeune homme de 19 "
    "ans a été interpellé dimanche et placé en garde à vue, a indiqué la procureure."
)


def document(doc_id: str, text: str, language: str) -> Document:
    return Document(id=doc_id, text=text, raw_text=text, language=language)


@pytest.fixture(scope="module")
def reports(extractor: Extractor) -> dict[str, Report]:
    texts = {
        "network": (NETWORK_EN, "en"),
        "shooting": (SHOOTING_EN, "en"),
        "court": (COURT_EN, "en"),
        "roundup": (ROUNDUP_EN, "en"),
        "reseau": (RESEAU_FR, "fr"),
        "proces": (PROCES_FR, "fr"),
        "fusillade": (FUSILLADE_FR, "fr"),
    }
    documents = [document(key, text, language) for key, (text, language) in texts.items()]
    return {e.report.document.id: e.report for e in extractor.pipe(documents)}


def aged(people: list[Person], age: int) -> Person:
    matching = [person for person in people if person.age == age]
    assert len(matching) == 1, [(p.label, p.age) for p in people]
    return matching[0]


def quoted(report: Report, person: Person) -> list[str]:
    return [span.text for span in person.evidence]


def test_every_span_quotes_the_document(reports: dict[str, Report]) -> None:
    for report in reports.values():
        text = report.document.text
        for span in report.spans():
            assert text[span.start : span.end] == span.text


def test_leader_with_record_residence_and_warrant(reports: dict[str, Report]) -> None:
    report = reports["network"]
    leader = aged(report.suspects, 26)
    assert leader.label == "a 26-year-old man"
    assert leader.gender == "male"
    assert leader.roles == ["leader"]
    assert leader.status == ["wanted"]
    assert leader.residence == "Morley"
    assert leader.prior_record is True
    assert "a 26-year-old man" in quoted(report, leader)
    assert any("against him" in text for text in quoted(report, leader))


def test_enumerated_ages_are_two_people(reports: dict[str, Report]) -> None:
    report = reports["network"]
    assert sorted(p.age for p in report.suspects) == [19, 23, 26]
    for age in (19, 23):
        person = aged(report.suspects, age)
        assert person.label == "Two other men, aged 19 and 23"
        assert person.status == ["arrested", "bailed"]
    assert report.victims == []


def test_case_roles_and_age_range(reports: dict[str, Report]) -> None:
    report = reports["network"]
    assert report.roles == ["leader", "manufacturer", "broker", "seller", "buyer"]
    assert report.age_range is not None
    assert (report.age_range.min, report.age_range.max) == (18, 30)
    assert report.age_range.evidence[0].text == "aged between 18 and 30"


def test_shooter_and_victim_are_told_apart(reports: dict[str, Report]) -> None:
    report = reports["shooting"]
    suspect = aged(report.suspects, 31)
    assert suspect.name == "Marcus Hill"
    assert suspect.residence == "Kettering"
    assert suspect.status == ["arrested", "charged", "remanded"]
    assert "Marcus Hill, 31" in quoted(report, suspect)
    assert any("without bail" in text for text in quoted(report, suspect))
    victim = aged(report.victims, 24)
    assert victim.status == ["killed"]
    assert victim.gender == "male"


def test_officials_and_victims_ranges_are_left_out(reports: dict[str, Report]) -> None:
    report = reports["shooting"]
    names = [person.name for person in report.suspects + report.victims]
    assert "Tom Baker" not in names
    assert [p.age for p in report.suspects] == [31]
    assert report.age_range is None  # "ages 16 to 20" are the injured


def test_sentence_nationality_and_record(reports: dict[str, Report]) -> None:
    report = reports["court"]
    assert len(report.suspects) == 1
    convict = report.suspects[0]
    assert convict.name == "Jordan Reyes"
    assert convict.age == 29
    assert convict.sentence_months == 80
    assert convict.nationality == "DE"
    assert convict.prior_record is False
    assert convict.residence == "Wigan"
    assert "convicted" in convict.status
    assert "manufacturer" in convict.roles
    assert "seller" not in report.roles  # "had never sold any of the weapons"


def test_roundup_keeps_the_first_case(reports: dict[str, Report]) -> None:
    report = reports["roundup"]
    assert sorted(p.age for p in report.suspects) == [22, 35]


def test_french_suspects_statuses_and_residence(reports: dict[str, Report]) -> None:
    report = reports["reseau"]
    maker = aged(report.suspects, 27)
    assert maker.label == "un homme de 27 ans"
    assert maker.residence == "La Seyne-sur-Mer"
    assert maker.prior_record is True
    assert maker.roles == ["manufacturer"]
    assert maker.status == ["arrested", "charged", "remanded"]
    assert "un homme de 27 ans" in quoted(report, maker)
    assert sorted(p.age for p in report.suspects) == [21, 27, 33]
    assert "bailed" in aged(report.suspects, 33).status


def test_french_roles_and_age_range(reports: dict[str, Report]) -> None:
    report = reports["reseau"]
    assert report.roles == ["manufacturer", "seller", "buyer"]
    assert report.age_range is not None
    assert (report.age_range.min, report.age_range.max) == (19, 45)
    assert report.age_range.evidence[0].text == "âgés de 19 à 45 ans"


def test_french_sentence_as_pronounced_and_acquittal(reports: dict[str, Report]) -> None:
    report = reports["proces"]
    convict = aged(report.suspects, 35)
    assert convict.sentence_months == 48
    assert convict.status == ["convicted"]
    accomplice = aged(report.suspects, 41)
    assert accomplice.name == "Julien Marchand"
    assert accomplice.residence == "Vitré"
    assert accomplice.status == ["acquitted"]
    assert "seller" not in report.roles


def test_french_victim_and_suspect(reports: dict[str, Report]) -> None:
    report = reports["fusillade"]
    assert [p.age for p in report.suspects] == [19]
    assert report.suspects[0].status == ["arrested"]
    victim = aged(report.victims, 15)
    assert victim.status == ["injured"]
    assert victim.label == "Un adolescent de 15 ans"
