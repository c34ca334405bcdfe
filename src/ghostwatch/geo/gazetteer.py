"""What a gazetteer answers: the places a name can mean.

Place names in news are ambiguous (Paris, Texas; Victoria, B.C.; Saint-Denis de La Réunion), so a
gazetteer never decides: `lookup` returns every candidate and the extractor picks one from the
document's context. Names are compared through `name_key`, which ignores case, accents,
punctuation and the Saint/St., Mount/Mt., Fort/Ft. spellings.
"""

from __future__ import annotations

import math
import unicodedata
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Literal

PlaceKind = Literal["country", "admin1", "admin2", "city"]

#: the smallest city `Gazetteer.large_cities_near` returns
LARGE_CITY_POPULATION = 100_000

#: spellings of the same word in place names, mapped to one form inside keys
_KEY_WORDS = {"saint": "st", "sainte": "ste", "mount": "mt", "fort": "ft"}
#: ASCII punctuation and the typographic marks news uses inside names, all read as a space
_SEPARATORS = str.maketrans(
    dict.fromkeys([chr(c) for c in range(128) if not chr(c).isalnum()] + list("’‘‐‑–—«»“”·"), " ")
)


def name_key(text: str) -> str:
    """`text` as gazetteers compare names: "St. Louis" and "Saint-Louis" give "st louis".

    Runs for every alternate name when the index is built, hence the plain string operations.
    """
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(char for char in decomposed if not unicodedata.combining(char))
    words = text.casefold().translate(_SEPARATORS).split()
    return " ".join([_KEY_WORDS.get(word, word) for word in words])


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(a))


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry.

    `admin1` is the name of the first-level region a finer place lies in (None for countries,
    regions, and places of countries whose regions the gazetteer cannot name); `admin1_code` is
    its GeoNames code, or the region's own code for an admin1 place. `aliases` are the other
    names the gazetteer knows for regions and countries (former and foreign names). `admin2` is
    the name of the second-level region a town lies in ("Harris County" for Houston), where the
    gazetteer knows it (not for towns under 1,000 inhabitants).
    """

    name: str
    kind: PlaceKind
    country: str
    admin1: str | None = None
    admin1_code: str | None = None
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    aliases: tuple[str, ...] = ()
    admin2: str | None = None

    def called(self, name: str) -> bool:
        """Whether `name` is this place's own name or one of its aliases (not a foreign form
        known only to the gazetteer's index)."""
        key = name_key(name)
        return key == name_key(self.name) or any(key == name_key(a) for a in self.aliases)


class Gazetteer(ABC):
    """Offline place lookups; implementations load their data once, on first use."""

    @abstractmethod
    def lookup(self, name: str) -> list[Place]:
        """Every place called `name` (any kind, also by alternate name), most populous first
        (a county, whose population is its towns', as if it had none)."""

    @abstractmethod
    def country(self, code: str) -> Place | None:
        """The country with ISO 3166-1 alpha-2 `code`."""

    @abstractmethod
    def admin1(self, country: str, code: str) -> Place | None:
        """The first-level region of `country` with GeoNames admin-1 `code` (a US state's code
        is its postal abbreviation)."""

    @abstractmethod
    def large_cities_near(self, lat: float, lon: float) -> list[Place]:
        """Cities of at least `LARGE_CITY_POPULATION` within about a degree of a point: those a
        neighbourhood there may belong to."""
