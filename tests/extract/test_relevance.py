"""Relevance on documents written for these tests: cases versus talk about guns."""

from __future__ import annotations

import pytest

from ghostwatch.extract import Extractor
from ghostwatch.model import Document

pytestmark = pytest.mark.models

COMPONENTS = ("ghostwatch_scope", "ghostwatch_relevance", "ghostwatch_incident_types")


def relevant(extractor: Extractor, text: str, language: str) -> bool:
    document = Document(id="t", text=text, raw_text=text, language=language)
    report = extractor.extract(document).report
    assert report.relevance_score is not None and 0 <= report.relevance_score <= 1
    return report.relevant


RAID = (
    "Detectives arrested a 23-year-old man in Bendigo on Monday after finding a 3D-printed "
    "pistol and a printer at his home. He was charged with manufacturing a firearm."
)
ACCIDENT = (
    "A 14-year-old boy was cleaning a handgun at his home on Saturday night when it fired into "
    "his leg. He was treated and released from the hospital."
)
POLICY = (
    "A bill that would ban unserialized gun kits cleared the House Judiciary Committee on "
    "Tuesday on a party-line vote. Supporters said the measure would close a loophole that "
    "allows people to buy parts online and assemble a working gun at home. Police chiefs told "
    "lawmakers that ghost guns are turning up more often at crime scenes. Opponents said the "
    "bill would do little to stop criminals."
)
OPINION = (
    "Opinion: our laws are failing to keep up with printed guns.\n\n"
    "Across Europe, police seizures of printed firearms have risen year after year. A printed "
    "pistol can be sold for less than a black-market handgun. Sellers advertise on Telegram and "
    "post parts in separate parcels. It is time lawmakers acted."
)
PRINT_SHOP = (
    "An Eindhoven start-up that prints spare parts for tractors has raised two million euros "
    "from investors. It runs forty industrial 3D printers and sold 12,000 parts last year."
)
BURGLARY = (
    "Two men were arrested after a jewellery shop was broken into overnight. Officers "
    "recovered watches and cash. No weapons were used and nobody was hurt, police said."
)


@pytest.mark.parametrize("text", [RAID, ACCIDENT])
def test_cases_are_relevant(extractor: Extractor, text: str) -> None:
    assert relevant(extractor, text, "en")


@pytest.mark.parametrize("text", [POLICY, OPINION, PRINT_SHOP, BURGLARY])
def test_talk_and_other_crime_are_not(extractor: Extractor, text: str) -> None:
    assert not relevant(extractor, text, "en")


RAID_FR = (
    "Un jeune homme de 19 ans a été interpellé à Lanester par les gendarmes. Lors de la "
    "perquisition, ils ont saisi deux pistolets imprimés en 3D et une imprimante."
)
SHOOTING_FR = (
    "Deux hommes ont été blessés par balle samedi soir à Valence. Le tireur a pris la fuite, "
    "selon le parquet."
)
DEBATE_FR = (
    "Les députés ont adopté mercredi une proposition de loi visant à encadrer la diffusion de "
    "fichiers permettant d'imprimer des armes. Le ministre a évoqué plusieurs affaires récentes. "
    "Selon lui, les armes imprimées restent minoritaires parmi les armes saisies, mais leur "
    "nombre progresse chaque année."
)
BURGLARY_FR = (
    "Un homme de 22 ans a été interpellé mardi après le cambriolage d'une bijouterie. Il a été "
    "placé en garde à vue. Les cambrioleurs n'étaient pas armés."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [(RAID_FR, True), (SHOOTING_FR, True), (DEBATE_FR, False), (BURGLARY_FR, False)],
)
def test_french_relevance(extractor: Extractor, text: str, expected: bool) -> None:
    assert relevant(extractor, text, "fr") is expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Officers in Paris, Texas, arrested a 24-year-old man on Tuesday after a traffic "
            "stop turned up two 3D-printed pistols in his pickup truck.",
            "en",
        ),
        (
            "Aux États-Unis, un homme a été arrêté à Paris, au Texas, après la découverte de "
            "deux pistolets imprimés en 3D dans son pick-up.",
            "fr",
        ),
        ("Police seized a 3D-printed pistol in a flat in Croydon on Monday.", "en"),
    ],
)
def test_a_one_sentence_brief_of_a_case_is_relevant(
    extractor: Extractor, text: str, language: str
) -> None:
    assert relevant(extractor, text, language)
