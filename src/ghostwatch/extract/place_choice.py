"""Which of its gazetteer candidates a place name means, judged by the rest of the document.

A name's candidates are scored by size (log of the population; regions and countries get fixed
priors), by the language's usual countries, and by agreement with the document's other places:
same country, same first-level region, or a town within 100 km of another town named in the
text. Choices are refined over a few rounds, each reading the others' previous choices, so that
"Hermitage" beside "Nashville" ends up in Tennessee; and a name means one place throughout a
document, so once the text says "PARIS, Texas" a bare "Paris" is the Texan one too. Wording that
only one country's news uses counts as a place of that country ("sheriff's deputies",
"district attorney": a "Birmingham" story with them is about Alabama, not England).

Each choice carries its share: the chosen candidate's weight among all of the name's candidates
when scores are read as powers of ten (as a town's score is the log of its population). A name
with one candidate, or one far ahead of its namesakes, gets a share near 1; "Springfield" with
nothing around it gets much less. `confidence` turns the shares of a place's mentions into the
confidence the report states.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ghostwatch.extract.place_mentions import PlaceMention, any_of
from ghostwatch.geo import Place, distance_km, name_key

#: score of a region or a country, comparable with log10 of a town's population
KIND_PRIOR = {"country": 7.0, "admin1": 5.5, "admin2": 4.5}
#: a name the gazetteer knows only as an alternate (foreign or old) name of the place
ALTERNATE_PENALTY = 1.5
COUNTRY_BONUS = 2.5
REGION_BONUS = 2.5
#: a town lying in a county the text names ("Rice" beside "Navarro County")
COUNTY_BONUS = 2.5
#: among same-name counties nothing in the text separates, the most populous is meant when it
#: is this many times the next ("Harris County": Texas's, not Georgia's); else the state is open
COUNTY_POPULATION_RATIO = 5.0
NEAR_BONUS = 2.0
NEAR_KM = 100.0
ROUNDS = 3
#: mentions whose region the text states count double as context
STRONG_SOURCES = frozenset({"qualified", "dateline"})
#: the most a country's wording cues count for, as many mentions of a place in it
CUE_WEIGHT = 2
#: a town smaller than this, in a country nothing else in the text points to and that the
#: language does not make likely, is a word that happens to be a town ("Delia" in Sicily,
#: "Chargé" in France for "Special Agent in Charge")
LONE_TOWN_POPULATION = 15000
LIKELY_COUNTRY_PRIOR = 0.5
#: the largest town of an unlikely country dropped when the text speaks of another country
FOREIGN_TOWN_POPULATION = 100_000
#: the key the cued regions count under in the context, apart from every place name's
CUED_KEY = "\0cued"
#: how often a mention of each source names a place at all, whatever the place (qualified
#: names and datelines are places by their form; a parser's entity or a name read from its
#: wording sometimes is a person, a team or an outlet)
SOURCE_RELIABILITY = {
    "qualified": 0.97,
    "dateline": 0.95,
    "ner": 0.85,
    "seat": 0.85,
    "context": 0.8,
}
#: the reliability of a source missing from the table
DEFAULT_RELIABILITY = 0.7


@dataclass(frozen=True)
class Choice:
    """The place a mention names and its share among the name's candidates."""

    place: Place
    share: float


def confidence(choices: Sequence[tuple[PlaceMention, Choice]]) -> float:
    """How sure the report is of a place named by these mentions: each mention is evidence
    with the odds that its source names a place times its choice's share, and evidence adds
    up as independent chances of being right (named twice, a place is surer than named once)."""
    doubt = 1.0
    for mention, choice in choices:
        reliability = SOURCE_RELIABILITY.get(mention.source, DEFAULT_RELIABILITY)
        doubt *= 1.0 - reliability * choice.share
    return round(1.0 - doubt, 2)


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
    #: the regions each name's candidates lie in, whatever was chosen
    possible: dict[str, set[tuple[str, str]]] = field(default_factory=dict)
    #: towns by one-degree cell: (lat, lon, name key)
    towns: dict[tuple[int, int], list[tuple[float, float, str]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    #: counties named, and counties towns lie in: (country, admin-1 code, county name key)
    counties: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    own_counties: dict[str, Counter[tuple[str, str, str]]] = field(
        default_factory=lambda: defaultdict(Counter)
    )
    town_counties: dict[tuple[str, str, str], set[str]] = field(
        default_factory=lambda: defaultdict(set)
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
        if place.kind == "admin2" and place.admin1_code:
            county = (place.country, place.admin1_code, name_key(place.name))
            self.counties[county] += weight
            self.own_counties[key][county] += weight
        if place.kind == "city" and place.admin1_code and place.admin2:
            county = (place.country, place.admin1_code, name_key(place.admin2))
            self.town_counties[county].add(key)

    def country_shares(self, key: str) -> dict[str, float]:
        """Each country's weight among the other names' places, the largest being 1."""
        others = self.countries - self.own_countries[key]
        top = max(others.values(), default=0)
        return {country: count / top for country, count in others.items()}

    def possible_elsewhere(self, region: tuple[str, str], key: str) -> bool:
        """Whether another name of the text could lie in `region`."""
        return any(region in regions for other, regions in self.possible.items() if other != key)

    def has_region(self, region: tuple[str, str], key: str) -> bool:
        return self.regions[region] > self.own_regions[key][region]

    def in_named_county(self, town: Place, key: str) -> bool:
        """Whether another name of the text is the county `town` lies in."""
        if not (town.admin1_code and town.admin2):
            return False
        county = (town.country, town.admin1_code, name_key(town.admin2))
        return self.counties[county] > self.own_counties[key][county]

    def holds_named_town(self, county: Place, key: str) -> bool:
        """Whether a town another name of the text was taken for lies in `county`."""
        found = (county.country, county.admin1_code or "", name_key(county.name))
        return bool(self.town_counties.get(found, set()) - {key})

    def near(self, lat: float, lon: float, key: str) -> bool:
        row, column = _cell(lat, lon)
        return any(
            other != key and distance_km(lat, lon, other_lat, other_lon) <= NEAR_KM
            for cell in ((row + dr, column + dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1))
            for other_lat, other_lon, other in self.towns.get(cell, ())
        )


class CountryCues:
    """The pack's `country_cues`: per country, regexes for wording only its news uses."""

    def __init__(self, config: dict[str, Any]):
        self.cues = {
            country: [any_of([p]) for p in patterns] for country, patterns in config.items()
        }

    def weights(self, text: str) -> Counter[str]:
        """How strongly `text` speaks of each country: the number of its cues found, capped."""
        found: Counter[str] = Counter()
        for country, cues in self.cues.items():
            count = 0
            for cue in cues:
                if cue.search(text):
                    count += 1
                    if count == CUE_WEIGHT:
                        break
            if count:
                found[country] = count
        return found


class PlaceChooser:
    def __init__(self, country_prior: dict[str, float], country_cues: dict[str, Any]):
        self.country_prior = country_prior
        self.cues = CountryCues(country_cues)

    def choose(
        self, mentions: list[PlaceMention], text: str, cued: Sequence[Place] = ()
    ) -> list[Choice | None]:
        """One place (or None) per mention, in the mentions' order. `cued` regions are those
        the page points to without naming them as places (extract/place_cues.py): each counts
        as one mention of a place in it, for which of several namesakes is meant."""
        _one_sense(mentions)
        keys = [name_key(mention.text) for mention in mentions]
        cues = self.cues.weights(text) if mentions else Counter()
        possible: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for mention, key in zip(mentions, keys, strict=True):
            possible[key].update(
                (place.country, place.admin1_code)
                for place in mention.candidates
                if place.admin1_code
            )
        possible[CUED_KEY].update((region.country, region.admin1_code) for region in cued)
        chosen: list[Place | None] = [None] * len(mentions)
        choices: list[Choice | None] = [None] * len(mentions)
        for _ in range(ROUNDS):
            context = _Context(possible=possible)
            context.countries.update(cues)
            for region in cued:
                context.add(region, 1, CUED_KEY)
            for mention, key, place in zip(mentions, keys, chosen, strict=True):
                weight = 2 if mention.source in STRONG_SOURCES else 1
                if mention.region is not None:
                    context.add(mention.region, weight, "")
                if place is not None:
                    context.add(place, weight, key)
            choices = [
                self._best(mention, key, context)
                for mention, key in zip(mentions, keys, strict=True)
            ]
            chosen = [choice.place if choice else None for choice in choices]
        return [
            None
            if choice is not None and self._lone(choice.place, mention, key, context)
            else choice
            for mention, key, choice in zip(mentions, keys, choices, strict=True)
        ]

    def _lone(self, place: Place, mention: PlaceMention, key: str, context: _Context) -> bool:
        """Whether `place` is a town of an unlikely country that nothing else in the text points
        to: a small one anywhere but in a dateline or with its region ("Delia" in Sicily), a
        mid-sized one said to be where things happened while the rest of the text speaks of
        another country ("FRONTON -" over a Texan story names a town the gazetteer lacks, not
        the one near Toulouse; "Gentilly" in a New Orleans story is not the Paris suburb). A
        region of such a country is dropped like the mid-sized town ("the West Bank" of a New
        Orleans story is not the Palestinian territory), but one named in a story about no
        other country stays ("raids in Bavaria and Saxony")."""
        region = place.kind in ("admin1", "admin2")
        if (
            (place.kind != "city" and not region)
            or (not region and place.population >= FOREIGN_TOWN_POPULATION)
            or mention.region is not None
            or self.country_prior.get(place.country, 0.0) >= LIKELY_COUNTRY_PRIOR
        ):
            return False
        shares = context.country_shares(key)
        if shares.get(place.country):
            return False
        if shares and mention.role == "incident":
            return True
        if region:
            return False
        return place.population < LONE_TOWN_POPULATION and mention.source not in STRONG_SOURCES

    def _best(self, mention: PlaceMention, key: str, context: _Context) -> Choice | None:
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
        share = 1.0 / sum(10.0 ** (score - best_score) for score, _ in scored)
        tied = [best, *(place for score, place in scored[1:] if best_score - score < 1e-6)]
        if best.kind == "admin2" and any(p.admin1_code != best.admin1_code for p in tied):
            return _one_county(tied, key, context, share * len(tied))
        return Choice(best, share)

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
        if is_town and context.in_named_county(place, key):
            score += COUNTY_BONUS
        if place.lat is not None and place.lon is not None:
            score += NEAR_BONUS if context.near(place.lat, place.lon, key) else 0.0
        return score


def _one_county(tied: list[Place], key: str, context: _Context, share: float) -> Choice:
    """One of same-name counties of several states, equally likely by their scores: the one
    holding a town the text names ("Greene County" beside "Springfield, Mo."), else the only
    state another name can be in ("Kane County" beside "St. Charles"); when nothing in the text
    points to any of their states, the most populous when it is far the largest ("Harris
    County" is Texas's); else the county with its state left open ("Greene County" alone:
    which state?)."""
    for fits in (
        lambda p: context.holds_named_town(p, key),
        lambda p: context.possible_elsewhere((p.country, p.admin1_code), key),
    ):
        fitting = [p for p in tied if p.admin1_code and fits(p)]
        if len({p.admin1_code for p in fitting}) == 1:
            return Choice(fitting[0], share)
    if fitting:  # the text points to several of their states: population does not choose
        return Choice(replace(tied[0], admin1=None, admin1_code=None), share)
    by_size = sorted(tied, key=lambda p: -p.population)
    largest, runner_up = by_size[0], by_size[1]
    if largest.population >= COUNTY_POPULATION_RATIO * max(runner_up.population, 1):
        return Choice(largest, share * largest.population / sum(p.population for p in tied))
    return Choice(replace(tied[0], admin1=None, admin1_code=None), share)


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
