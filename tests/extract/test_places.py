"""Locations and countries, on real parses of sentences written for these tests (EN and FR)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ghostwatch.model import Location, Report

pytestmark = pytest.mark.models

#: the components locations depend on: case scope, relevance (reports that are not relevant are
#: emptied) and the two components reading places and bodies
COMPONENTS = (
    "ghostwatch_scope",
    "ghostwatch_relevance",
    "ghostwatch_places",
    "ghostwatch_agencies",
)


def located(result: Report, name: str) -> Location:
    matches = [location for location in result.locations if location.name == name]
    assert matches, f"{name} not in {[location.name for location in result.locations]}"
    return matches[0]


def assert_evidence_is_exact(result: Report) -> None:
    text = result.document.text
    for span in result.spans():
        assert text[span.start : span.end] == span.text


def test_ap_dateline_gives_town_and_state(parsed_report: Callable[..., Report]) -> None:
    text = (
        "ARDMORE, Okla. (AP) — Two men were shot dead outside a bar early Sunday and a "
        "19-year-old man was arrested hours later, police said. Officers recovered a handgun "
        "near the scene."
    )
    result = parsed_report(text)
    ardmore = located(result, "Ardmore")
    assert (ardmore.kind, ardmore.country, ardmore.admin1) == ("city", "US", "Oklahoma")
    assert ardmore.role == "incident"
    assert [span.text for span in ardmore.evidence] == ["ARDMORE"]
    assert all(location.name != "Oklahoma" for location in result.locations)  # only a qualifier
    assert result.countries == ["US"]
    assert_evidence_is_exact(result)


def test_state_comes_from_the_other_places_of_the_story(
    parsed_report: Callable[..., Report],
) -> None:
    text = (
        "A 17-year-old was charged after a teenager was fatally shot at an apartment complex "
        "in Hermitage on Tuesday evening. The victim, a sophomore at a Nashville high school, "
        "was pronounced dead at the scene, and detectives recovered the pistol."
    )
    hermitage = located(parsed_report(text), "Hermitage")
    assert (hermitage.country, hermitage.admin1) == ("US", "Tennessee")


def test_region_qualifier_picks_the_namesake(parsed_report: Callable[..., Report]) -> None:
    text = (
        "Police in London, Ont., seized three handguns made on a 3D printer and arrested two "
        "men, aged 22 and 27, after searching a home on Friday."
    )
    london = located(parsed_report(text), "London")
    assert (london.country, london.admin1, london.geonames_id) == ("CA", "Ontario", 6058560)


def test_addresses_outlets_and_hospitals_are_not_places(
    parsed_report: Callable[..., Report],
) -> None:
    text = (
        "Four people were wounded in a shooting in Gary on Tuesday evening, police said. "
        "Officers were called to the 400 block of West Broadway shortly before 6 p.m. and "
        "found a rifle. One victim was taken to a hospital in Merrillville.\n\n"
        "Chicago Tribune reporter Anne Lowe contributed to this report."
    )
    result = parsed_report(text)
    assert [location.name for location in result.locations] == ["Gary"]
    assert (result.locations[0].admin1, result.countries) == ("Indiana", ["US"])


def test_authority_seat_and_residence(parsed_report: Callable[..., Report]) -> None:
    text = (
        "A 31-year-old man, Daniel Hargreaves, of Rotherham, was jailed for five years at "
        "Sheffield Crown Court on Friday after police found a 3D-printed pistol and "
        "ammunition during a search of a garage in Barnsley."
    )
    result = parsed_report(text)
    roles = {location.name: location.role for location in result.locations}
    assert roles == {"Rotherham": "residence", "Sheffield": "authority", "Barnsley": "incident"}
    assert {location.admin1 for location in result.locations} == {"England"}
    assert result.countries == ["GB"]
    assert_evidence_is_exact(result)


def test_origin_countries_are_locations_not_countries(parsed_report: Callable[..., Report]) -> None:
    text = (
        "Border officers in Richmond, B.C., intercepted two parcels shipped from China that "
        "contained auto sears and a printed pistol frame, and police arrested a man in "
        "Victoria."
    )
    result = parsed_report(text)
    china = located(result, "China")
    assert (china.kind, china.role, china.country) == ("country", "origin", "CN")
    victoria = located(result, "Victoria")
    assert (victoria.country, victoria.admin1) == ("CA", "British Columbia")
    assert result.countries == ["CA"]


def test_country_alone_is_a_location_beside_regions_of_another(
    parsed_report: Callable[..., Report],
) -> None:
    text = (
        "Fourteen people suspected of making and selling 3D-printed weapons were arrested in "
        "France and Belgium, prosecutors said. Investigators carried out searches in the "
        "Provence-Alpes-Côte d'Azur (southeast) and Midi-Pyrénées (southwest) regions and "
        "seized eight 3D printers."
    )
    result = parsed_report(text)
    belgium = located(result, "Belgium")
    assert (belgium.kind, belgium.role) == ("country", "incident")
    occitanie = located(result, "Occitanie")
    assert occitanie.kind == "admin1"
    assert "Midi-Pyrénées" in occitanie.model_extra["aliases"]
    assert [span.text for span in occitanie.evidence] == ["Midi-Pyrénées"]
    assert located(result, "Provence-Alpes-Côte d'Azur").kind == "admin1"
    assert all(location.name != "France" for location in result.locations)
    assert result.countries == ["FR", "BE"]


def test_french_departement_in_brackets_qualifies_the_town(
    parsed_report: Callable[..., Report],
) -> None:
    text = (
        "Un homme de 26 ans, domicilié à Roquebrune-sur-Argens (Var), a été interpellé mardi "
        "à Marseille par les policiers, qui ont saisi deux pistolets imprimés en 3D. Le "
        "parquet de Lyon s'est saisi de l'enquête."
    )
    result = parsed_report(text, "fr")
    roquebrune = located(result, "Roquebrune-sur-Argens")
    assert (roquebrune.role, roquebrune.admin1) == ("residence", "Provence-Alpes-Côte d'Azur")
    assert roquebrune.geonames_id == 2982875
    assert located(result, "Marseille").role == "incident"
    assert located(result, "Lyon").role == "authority"
    assert all(location.name != "Var" for location in result.locations)
    assert result.countries == ["FR"]
    assert_evidence_is_exact(result)


def test_french_destinations_follow_the_list(parsed_report: Callable[..., Report]) -> None:
    text = (
        "Les douaniers de Roissy ont saisi des pièces d'armes imprimées en 3D expédiées à "
        "des acheteurs en Belgique, aux Pays-Bas et en Suisse. Le suspect a été interpellé "
        "à Lille."
    )
    result = parsed_report(text, "fr")
    destinations = {loc.country for loc in result.locations if loc.role == "destination"}
    assert destinations == {"BE", "NL", "CH"}
    assert located(result, "Lille").role == "incident"
    assert result.countries == ["FR"]


def test_a_french_home_town_counts_in_a_sentence_about_a_suspect(
    parsed_report: Callable[..., Report],
) -> None:
    text = (
        "Un étudiant de 22 ans, domicilié à Anderlecht, a été arrêté mardi par la police "
        "judiciaire fédérale de Bruxelles, qui a saisi deux pistolets imprimés en 3D. La "
        "victime d'un précédent vol, domiciliée à Uccle, a été entendue."
    )
    result = parsed_report(text, "fr")
    assert located(result, "Anderlecht").role == "residence"
    assert all(location.name != "Uccle" for location in result.locations)


def test_french_province_after_au_is_the_province_not_its_capital(
    parsed_report: Callable[..., Report],
) -> None:
    text = (
        "Une enquête menée au Québec et en Ontario a permis de saisir une quarantaine de "
        "pistolets imprimés en 3D, a annoncé la police mardi. Trois hommes ont été arrêtés."
    )
    result = parsed_report(text, "fr")
    quebec = located(result, "Quebec")
    assert (quebec.kind, quebec.country) == ("admin1", "CA")
    assert located(result, "Ontario").kind == "admin1"
    assert all(location.kind != "city" for location in result.locations)


def test_french_town_after_a_is_the_capital(parsed_report: Callable[..., Report]) -> None:
    text = (
        "Un homme de 29 ans a été arrêté mardi à Québec après la saisie de deux pistolets "
        "imprimés en 3D dans son appartement, a indiqué la police."
    )
    quebec = located(parsed_report(text, "fr"), "Québec")
    assert (quebec.kind, quebec.admin1) == ("city", "Quebec")


def test_english_region_listed_with_another_is_the_region(
    parsed_report: Callable[..., Report],
) -> None:
    text = (
        "Officers searched homes in Quebec and Ontario on Tuesday and seized eleven "
        "3D-printed handguns, police said. Two men were charged."
    )
    result = parsed_report(text)
    assert located(result, "Quebec").kind == "admin1"
    assert located(result, "Ontario").kind == "admin1"


def test_english_city_of_keeps_the_town(parsed_report: Callable[..., Report]) -> None:
    text = (
        "Police in the city of Quebec arrested a 41-year-old man on Friday after finding two "
        "3D-printed pistols in his car."
    )
    quebec = located(parsed_report(text), "Québec")
    assert quebec.kind == "city"


def test_french_comte_de_is_a_county(parsed_report: Callable[..., Report]) -> None:
    text = (
        "Au Texas, un homme a été inculpé pour avoir fabriqué des armes fantômes dans le comté "
        "de Harris, où les enquêteurs ont saisi une imprimante 3D."
    )
    result = parsed_report(text, "fr")
    harris = located(result, "Harris County")
    assert (harris.kind, harris.country, harris.admin1) == ("admin2", "US", "Texas")
    assert [span.text for span in harris.evidence] == ["comté de Harris"]


def test_rural_county_stays_beside_a_town_in_it(parsed_report: Callable[..., Report]) -> None:
    text = (
        "Two deputies were wounded in an exchange of gunfire in rural Marion County, Oregon, "
        "on Saturday, and the suspect was arrested hours later in Salem."
    )
    result = parsed_report(text)
    county = located(result, "Marion County")
    assert (county.kind, county.admin1) == ("admin2", "Oregon")
    assert located(result, "Salem").admin1 == "Oregon"
