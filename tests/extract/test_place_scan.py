"""The gazetteer scan: place names no wording cues, kept or refused, on real parses of sentences
written for these tests (EN and FR)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from ghostwatch.extract.bodies import bodies_in
from ghostwatch.extract.place_mentions import PlaceMention
from ghostwatch.extract.places import place_finder

pytestmark = pytest.mark.models


def mentions(models: dict[str, Language], text: str, language: str = "en") -> list[PlaceMention]:
    doc = models[language](text)
    return place_finder(language).find(doc, list(bodies_in(language, text)))


def scanned(
    models: dict[str, Language],
    text: str,
    language: str = "en",
    taken: list[tuple[int, int]] | None = None,
) -> list[str]:
    """The names the scan alone keeps, the finder's other sources having taken `taken`."""
    doc = models[language](text)
    scan = place_finder(language).scan
    return [text[start:end] for start, end, _ in scan.names(doc, text, taken or [], set())]


def found(models: dict[str, Language], text: str, language: str = "en") -> list[str]:
    return [mention.text for mention in mentions(models, text, language)]


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # the small model takes "Rotterdam" for a person; the court says it is a place
        (
            "A Rotterdam court on Friday jailed two men for assembling pistols from "
            "3D-printed frames.",
            "Rotterdam",
            "NL",
        ),
        (
            "Two teenagers were charged after a printed pistol was found in a school bag, "
            "Manchester detectives said.",
            "Manchester",
            "GB",
        ),
        # a sentence's first word, but the place word after it makes it a place
        (
            "Nice officers found the printed pistol in a car park on Sunday.",
            "Nice",
            "FR",
        ),
    ],
)
def test_cue_less_place_names_are_found(
    models: dict[str, Language], text: str, name: str, country: str
) -> None:
    (mention,) = [m for m in mentions(models, text) if m.text == name]
    assert mention.source == "gazetteer"
    assert country in {place.country for place in mention.candidates}


def test_a_town_listed_beside_a_found_place_may_be_small(models: dict[str, Language]) -> None:
    text = "Officers described Dinant and Namur as hubs of the trade in converted pistols."
    (dinant,) = [m for m in mentions(models, text) if m.text == "Dinant"]
    assert dinant.source == "gazetteer"
    assert scanned(models, text) == []  # without Namur found, Dinant is too small to stand bare


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Relatives said the attack had left Chattanooga in shock for weeks.", "Chattanooga"),
        ("Vigils were held for the Lafayette theater shooting victims on Friday.", "Lafayette"),
    ],
)
def test_a_large_home_town_inside_a_sentence_is_found(
    models: dict[str, Language], text: str, name: str
) -> None:
    assert name in found(models, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ('"Nice work," the detective sergeant told the search team after the raid.', "Nice"),
        ("Mobile phones seized at the property are being examined, police said.", "Mobile"),
        ("Reading the file, the judge said the rifle had been converted in a shed.", "Reading"),
        # a word of a title before the name: the name is a person's
        ("Judge Sheffield jailed the 35-year-old for four years on Monday.", "Sheffield"),
        ("The case was heard by judge Sheffield, who jailed the man for four years.", "Sheffield"),
        # a make of gun named after a town
        ("Officers seized a Springfield pistol and two boxes of ammunition.", "Springfield"),
        # a first name that is also a town, and a surname that is a town abroad
        ("Victoria told officers the shotgun belonged to her late father.", "Victoria"),
        ("Officers later said Rodriguez had stolen the pistol from a parked car.", "Rodriguez"),
        # a newspaper's name
        ("The shooting was first reported by the Kansas City Star on Tuesday.", "Kansas"),
        # title case says nothing of names
        ("Nice Work By Officers Leads To Arrest Of Gun Dealer", "Nice"),
    ],
)
def test_common_words_people_and_makes_are_not_places(
    models: dict[str, Language], text: str, word: str
) -> None:
    assert word not in scanned(models, text)
    assert word not in found(models, text)


def test_a_person_named_earlier_is_no_place(models: dict[str, Language]) -> None:
    text = (
        "Marcus Preston, 28, was arrested after the raid. Officers said Preston had hidden "
        "the pistol under a floorboard."
    )
    assert "Preston" not in found(models, text)


def test_french_common_words_and_people_are_not_places(models: dict[str, Language]) -> None:
    text = (
        "Le suspect avait acheté une carte SIM chez Orange avant de commander les pièces "
        "depuis Marseille, selon les enquêteurs de Toulon."
    )
    assert "Orange" not in found(models, text, "fr")
    assert "Orange" not in scanned(models, text, "fr")
    text = "Selon le juge Toulouse, l'homme avait caché le fusil dans une cave."
    assert "Toulouse" not in scanned(models, text, "fr")
