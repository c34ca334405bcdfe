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


def places_named(mentions: list[PlaceMention]) -> dict[str, set[tuple[str, str, str | None]]]:
    return {
        mention.text: {(place.name, place.kind, place.admin1_code) for place in mention.candidates}
        for mention in mentions
    }


@pytest.mark.parametrize(
    ("text", "town", "state"),
    [
        ("Two men were wounded in Northeast Memphis Saturday, officers said.", "Memphis", "TN"),
        ("A teenager was shot in Southwest Bakersfield on Tuesday night.", "Bakersfield", "CA"),
        ("Deputies found a car riddled with bullets in Downtown Memphis.", "Memphis", "TN"),
    ],
)
def test_a_quarter_named_by_a_compass_word_before_a_town_is_the_town(
    models: dict[str, Language], text: str, town: str, state: str
) -> None:
    assert (town, "city", state) in places_named(mentions(models, text))[town]


def test_a_compass_word_after_a_town_names_a_quarter_of_it(models: dict[str, Language]) -> None:
    text = "A man was found shot in a car in New Orleans East, police said on Friday."
    assert ("New Orleans", "city", "LA") in places_named(mentions(models, text))["New Orleans"]


def test_a_town_whose_own_name_holds_a_compass_word_keeps_it(models: dict[str, Language]) -> None:
    text = "Two people were shot outside a store in East Orange on Friday, police said."
    assert ("East Orange", "city", "NJ") in places_named(mentions(models, text))["East Orange"]


def test_a_county_qualified_by_its_state_is_the_county(models: dict[str, Language]) -> None:
    text = "MUSKOGEE COUNTY, OK (KJRH) - A man was arrested after shots were fired at a deputy."
    assert places_named(mentions(models, text))["MUSKOGEE COUNTY"] == {
        ("Muskogee County", "admin2", "OK")
    }


def test_a_hyphenated_county_named_without_its_county_word_is_the_county(
    models: dict[str, Language],
) -> None:
    text = (
        "A man was shot at a gas station in western Miami-Dade overnight, and Miami-Dade "
        "Police are looking for the gunman."
    )
    found = places_named(mentions(models, text))
    assert "Miami" not in found
    assert found["Miami-Dade"] == {("Miami-Dade County", "admin2", "FL")}


def test_a_french_quarter_named_by_a_compass_word_is_the_town(
    models: dict[str, Language],
) -> None:
    text = "Un adolescent a été blessé par balle samedi soir à Toulouse Nord, selon la police."
    found = places_named(mentions(models, text, "fr"))
    assert any(name == "Toulouse" and kind == "city" for name, kind, _ in found["Toulouse"])
