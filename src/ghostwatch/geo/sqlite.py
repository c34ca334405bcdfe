"""The gazetteer read from its compiled SQLite file (see `ghostwatch.geo.build`).

Opening it costs a connection and one query, so every process (CLI, web workers, Dask workers)
starts at once and shares the operating system's page cache instead of holding its own copy of
GeoNames. Connections are per thread (an SQLite connection must not be shared between threads
without locking), opened read-only on a file that is never written after its build, and an LRU
cache in front of the name queries answers the names news repeats.
"""

from __future__ import annotations

import json
import math
import sqlite3
import threading
from functools import lru_cache
from pathlib import Path

from ghostwatch.geo.build import FORMAT
from ghostwatch.geo.gazetteer import Gazetteer, Place, name_key

#: name keys whose candidates stay in memory
LOOKUP_CACHE_SIZE = 50_000
#: bytes of the file read through a memory map: pages shared by every process on the machine,
#: and fewer system calls than SQLite's reads (the whole file is about 25 MB)
MMAP_SIZE = 256 * 1024 * 1024

_PLACE_COLUMNS = (
    "p.name, p.kind, p.country, p.admin1, p.admin1_code, p.geonames_id, p.lat, p.lon, "
    "p.population, p.aliases, p.admin2"
)
_SELECT = f"SELECT {_PLACE_COLUMNS} FROM "
_BY_NAME = _SELECT + "names n JOIN places p ON p.id = n.place WHERE n.key = ? ORDER BY n.rank"
_COUNTRY = _SELECT + "countries c JOIN places p ON p.id = c.place WHERE c.code = ?"
_REGION = _SELECT + "regions r JOIN places p ON p.id = r.place WHERE r.country = ? AND r.code = ?"
_LARGE_CITIES = (
    _SELECT + "large_cities l JOIN places p ON p.id = l.place "
    "WHERE l.cell_lat BETWEEN ? AND ? AND l.cell_lon BETWEEN ? AND ? "
    "ORDER BY l.cell_lat, l.cell_lon, l.rank"
)

_BUILD_HINT = "build it again with `ghostwatch gazetteer build`"


class GazetteerFileError(RuntimeError):
    """The gazetteer file is missing, unreadable or not one of ours."""

    def __init__(self, path: Path, problem: str):
        super().__init__(f"gazetteer file {path}: {problem}; {_BUILD_HINT}")
        self.path = path


class SqliteGazetteer(Gazetteer):
    """Lookups in a compiled gazetteer file; safe to share between threads."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self._local = threading.local()
        self._by_key = lru_cache(maxsize=LOOKUP_CACHE_SIZE)(self._query_key)
        self.meta = self._read_meta()

    def lookup(self, name: str) -> list[Place]:
        return list(self._by_key(name_key(name)))

    def country(self, code: str) -> Place | None:
        rows = self._rows(_COUNTRY, (code.upper(),))
        return _place(rows[0]) if rows else None

    def admin1(self, country: str, code: str) -> Place | None:
        rows = self._rows(_REGION, (country.upper(), code))
        return _place(rows[0]) if rows else None

    def large_cities_near(self, lat: float, lon: float) -> list[Place]:
        row, column = math.floor(lat), math.floor(lon)
        rows = self._rows(_LARGE_CITIES, (row - 1, row + 1, column - 1, column + 1))
        return [_place(found) for found in rows]

    def _query_key(self, key: str) -> tuple[Place, ...]:
        return tuple(_place(row) for row in self._rows(_BY_NAME, (key,))) if key else ()

    def _read_meta(self) -> dict[str, str]:
        if not self.path.is_file():
            raise GazetteerFileError(self.path, "no such file")
        meta = dict(self._rows("SELECT key, value FROM meta", ()))
        if meta.get("format") != str(FORMAT):
            raise GazetteerFileError(
                self.path, f"layout {meta.get('format')} where this version reads {FORMAT}"
            )
        return meta

    def _rows(self, query: str, parameters: tuple) -> list[tuple]:
        try:
            return self._connection().execute(query, parameters).fetchall()
        except sqlite3.DatabaseError as error:
            raise GazetteerFileError(self.path, f"not a readable gazetteer ({error})") from error

    def _connection(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            # immutable: the file is replaced by a rename, never written in place, so readers
            # need no locks
            uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1"
            connection = sqlite3.connect(uri, uri=True)
            connection.execute(f"PRAGMA mmap_size = {MMAP_SIZE}")
            self._local.connection = connection
        return connection


def _place(row: tuple) -> Place:
    name, kind, country, admin1, admin1_code, geonames_id, lat, lon, population, aliases, admin2 = (
        row
    )
    return Place(
        name=name,
        kind=kind,
        country=country,
        admin1=admin1,
        admin1_code=admin1_code,
        geonames_id=geonames_id,
        lat=lat,
        lon=lon,
        population=population,
        aliases=tuple(json.loads(aliases)) if aliases else (),
        admin2=admin2,
    )
