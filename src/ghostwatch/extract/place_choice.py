"""Which of its gazetteer candidates a place name means, judged by the rest of the document.

A name's candidates are scored by size (log of the population; regions and countries get fixed
priors), by the language's usual countries, and by agreement with the document's other places:
same country, same first-level region, or a town within 100 km of another town named in the
text. Choices are refined over a few rounds, each reading the others' previous choices, so that
"Hermitage" beside "Nashville" ends up in Tennessee; and a name means one place throughout a
document, so once the text says "PARIS, Texas" a bare "Paris" is the Texan one too.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from ghostwatch.extract.place_mentions import PlaceMention
from ghostwatch.geo import Place, name_key

#: score of a region or a country, comparable with log10 of a town's population
KIND_PRIOR = {"country": 7.0, "admin1": 5.5, "admin2": 4.5}
#: a name the gazetteer knows only as an alternate (foreign or old) name of the place
ALTERNATE_PENALTY = 1.5
COUNTRY_BONUS = 2.5
REGION_BONUS = 2.5
NEAR_BONUS = 2.0
NEAR_KM = 100.0
ROUNDS = 3
#: mentions whose region the text states count double as context
STRONG_SOURCES = frozenset({"qualified", "dateline"})
#: a town smaller than this, in a country nothing else in the text points to and that the
#: language does not make likely, is a word that happens to be a town ("Delia" in Sicily,
#: "Chargé" in France for "Special Agent in Charge")
LONE_TOWN_POPULATION = 15000
LIKELY_COUNTRY_PRIOR = 0.5


@dataclass
class _Context:
    """What the document's places say, with each name's own share kept apart so that a name
    is judged by the others only (a wrong guess must not confirm itself)."""

    countries: Counter[str] = field(default_factory=Counter)
    regions: Counter[tuple[str, str]] = field(default_factory=Counter)
    own_countries: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    own_regions: dict[str, Counter[tuple[str, str]]] = field(
        default_factory=lambda: defaultdict(Counter)
    )
    #: towns by one-degree cell: (lat, lon, name key)
    towns: dict[tuple[int, int], list[tuple[float, float, str]]] = field(
        default_factory=lambda: defaultdict(list)
    )

    def add(self, place: Place, weight: int, key: str) -> None:
        self.countries[place.country] += weight
        self.own_countries[key][place.country] += weight
        if place.admin1_code:
            region = (place.country, place.admin1_code)
            self.regions[region] += weight
            self.own_regions[key][region] += weight
        if place.lat is not None and place.lon is not None:
            self.towns[_cell(place.lat, place.lon)].append((place.lat, place.lon, key))

    def country_shares(self, key: str) -> dict[str, float]:
        """Each country's weight among the other names' places, the largest being 1."""
        others = self.countries - self.own_countries[key]
        top = max(others.values(), default=0)
        return {country: count / top for country, count in others.items()}

    def has_region(self, region: tuple[str, str], key: str) -> bool:
        return self.regions[region] > self.own_regions[key][region]

    def near(self, lat: float, lon: float, key: str) -> bool:
        row, column = _cell(lat, lon)
        return any(
            other != key and _km(lat, lon, other_lat, other_lon) <= NEAR_KM
            for cell in ((row + dr, column + dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1))
            for other_lat, other_lon, other in self.towns.get(cell, ())
        )


class PlaceChooser:
    def __init__(self, country_prior: dict[str, float]):
        self.country_prior = country_prior

    def choose(self, mentions: list[PlaceMention]) -> list[Place | None]:
        """One place (or None) per mention, in the mentions' order."""
        _one_sense(mentions)
        keys = [name_key(mention.text) for mention in mentions]
        chosen: list[Place | None] = [None] * len(mentions)
        for _ in range(ROUNDS):
            context = _Context()
            for mention, key, place in zip(mentions, keys, chosen, strict=True):
                weight = 2 if mention.source in STRONG_SOURCES else 1
                if mention.region is not None:
                    context.add(mention.region, weight, "")
                if place is not None:
                    context.add(place, weight, key)
            chosen = [
                self._best(mention, key, context)
                for mention, key in zip(mentions, keys, strict=True)
            ]
        return [
            None if place is not None and self._lone(place, mention, key, context) else place
            for mention, key, place in zip(mentions, keys, chosen, strict=True)
        ]

    def _lone(self, place: Place, mention: PlaceMention, key: str, context: _Context) -> bool:
        """Whether `place` is a small town of an unlikely country with no support in the text."""
        return (
            place.kind == "city"
            and place.population < LONE_TOWN_POPULATION
            and mention.source not in STRONG_SOURCES
            and mention.region is None
            and self.country_prior.get(place.country, 0.0) < LIKELY_COUNTRY_PRIOR
            and not context.country_shares(key).get(place.country)
        )

    def _best(self, mention: PlaceMention, key: str, context: _Context) -> Place | None:
        shares = context.country_shares(key)
        scored = sorted(
            (
                (self._score(place, mention, key, context, shares), place)
                for place in mention.candidates
            ),
            key=lambda pair: -pair[0],
        )
        if not scored:
            return None
        best_score, best = scored[0]
        tied = [place for score, place in scored[1:] if best_score - score < 1e-6]
        if best.kind == "admin2" and any(p.admin1_code != best.admin1_code for p in tied):
            return replace(best, admin1=None, admin1_code=None)  # "Greene County": which state?
        return best

    def _score(
        self,
        place: Place,
        mention: PlaceMention,
        key: str,
        context: _Context,
        shares: dict[str, float],
    ) -> float:
        is_town = place.kind == "city"
        score = math.log10(place.population + 1) if is_town else KIND_PRIOR[place.kind]
        if not place.called(mention.text):
            score -= ALTERNATE_PENALTY
        score += self.country_prior.get(place.country, 0.0)
        score += COUNTRY_BONUS * shares.get(place.country, 0.0)
        if place.admin1_code and context.has_region((place.country, place.admin1_code), key):
            score += REGION_BONUS
        if place.lat is not None and place.lon is not None:
            score += NEAR_BONUS if context.near(place.lat, place.lon, key) else 0.0
        return score


def _one_sense(mentions: list[PlaceMention]) -> None:
    """Unqualified mentions of a name the text qualifies elsewhere take that mention's places."""
    qualified: dict[str, list[Place]] = {}
    for mention in mentions:
        if mention.region is not None:
            qualified.setdefault(name_key(mention.text), []).extend(mention.candidates)
    for mention in mentions:
        given = qualified.get(name_key(mention.text))
        if given and mention.region is None:
            mention.candidates = list(dict.fromkeys(given))


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return (math.floor(lat), math.floor(lon))


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(a))
