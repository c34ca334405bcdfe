"""Place mentions and their candidates: foreign names of towns, mislabelled regions' towns and
makes of guns, on real parses of sentences written for these tests (EN and FR)."""

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


def candidates(mentions: list[PlaceMention], name: str) -> set[tuple[str, str]]:
    (mention,) = [m for m in mentions if m.text == name]
    return {(place.name, place.country) for place in mention.candidates}


def test_a_foreign_name_of_a_town_the_text_names_is_that_town(
    models: dict[str, Language],
) -> None:
    text = "Officers carried out raids across Liège and Luik on Tuesday, seizing 20 firearms."
    assert ("Liège", "BE") in candidates(mentions(models, text), "Luik")


def test_a_french_name_of_a_large_town_beats_a_hamlet_of_that_name(
    models: dict[str, Language],
) -> None:
    text = "Un Belge de 30 ans a été arrêté à Londres, où il avait fait livrer des pièces d'armes."
    assert ("London", "GB") in candidates(mentions(models, text, "fr"), "Londres")


@pytest.mark.parametrize(
    "text",
    [
        # the gazetteer knows "Salazar" as another name of N'dalatando, in Angola
        "Officers asked to speak to Salazar before the arrest on Friday.",
        "The suspect handed the pistol to Salazar, who hid it in a shed.",
    ],
)
def test_a_surname_is_no_foreign_town_the_text_does_not_name(
    models: dict[str, Language], text: str
) -> None:
    assert all(
        place.called("Salazar")
        for mention in mentions(models, text)
        if mention.text == "Salazar"
        for place in mention.candidates
    )


def test_a_region_name_taken_for_a_person_may_be_its_town(models: dict[str, Language]) -> None:
    text = (
        "Police raided a flat in Valencia where a man printed pistol frames, and a second "
        "man was held in Alicante."
    )
    assert ("Valencia", "ES") in {
        (place.name, place.country)
        for mention in mentions(models, text)
        if mention.text == "Valencia"
        for place in mention.candidates
        if place.kind == "city"
    }


def test_a_make_of_gun_named_after_a_town_is_no_place(models: dict[str, Language]) -> None:
    text = "Police in Leeds seized a Springfield pistol and a Winchester rifle from the car."
    assert [mention.text for mention in mentions(models, text)] == ["Leeds"]
