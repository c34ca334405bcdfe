"""Neighbourhoods: places the text gives as parts of a bigger city it also names.

News names city neighbourhoods as places of their own ("shot in Englewood", "CHICAGO — A shooting
in West Town"), and the gazetteer lists many of them as towns. When the text itself presents such
a place as part of a city it names too — "Chicago's Englewood neighborhood", a dateline city with
the place in the lead, or the city's own police working there — or calls it a neighbourhood
without naming the city ("in the Dorchester neighborhood": the city is the big one around it), the
finer place is the location (the coding guide's finest level) and the city only qualifies it, as a
region that only qualifies a town is not a location of its own; the city's name goes among the
place's aliases (the Gun Violence Archive writes "Chicago (Englewood)"). The city must be much
bigger and reach as far as the place: a neighbour of similar size is a town of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ghostwatch.extract.place_mentions import PlaceMention, any_of
from ghostwatch.geo import LARGE_CITY_POPULATION, Gazetteer, Place, distance_km

#: a city whose neighbourhoods the text may name is this many times the size of the neighbourhood
#: (and has at least `LARGE_CITY_POPULATION` people)
BIG_CITY_RATIO = 5
#: how far a city reaches from its gazetteer point, per square root of its population (a city of a
#: million reaches 12.5 km, Chicago 20 km)
CITY_REACH_KM = 0.0125
#: a place named beside a city's own story but lying at least this far from it, in another
#: region, is a part of the city the gazetteer lacks, named like a far town
FAR_KM = 200.0


@dataclass(frozen=True)
class Part:
    """The place at `index` is part of `city`, named in the text at `city_index` (or not named).
    `unknown`: the place the name was taken for lies elsewhere, so the name is a part of the
    city the gazetteer does not know ("the Austin neighborhood" of a Chicago story)."""

    index: int
    city: Place
    city_index: int | None
    unknown: bool = False


class PartReader:
    """The pack's wording for parts of a city, compiled once per language."""

    def __init__(self, config: dict[str, Any], gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        words = config.get("neighbourhood_words") or ()
        self.part_after = any_of([rf"[ \t]+(?:{'|'.join(words)})\b"] if words else None)
        possessive = config.get("city_possessive")
        self.possessive = any_of([possessive] if possessive else None)
        self.city_forces = frozenset(config.get("city_force_labels") or ())

    def parts(
        self,
        text: str,
        lead_end: int,
        places: Sequence[Place],
        mentions: Sequence[Sequence[PlaceMention]],
    ) -> list[Part]:
        """The places (by index) that the text gives as parts of a city."""
        found = []
        by_size = sorted(range(len(places)), key=lambda index: -places[index].population)
        for part, place in enumerate(places):
            city = next(
                (
                    index
                    for index in by_size
                    if index != part
                    and _within_reach(place, places[index])
                    and self._given_as_part(text, lead_end, mentions[part], mentions[index])
                ),
                None,
            )
            if city is not None:
                found.append(Part(part, places[city], city))
                continue
            named = self._named_city_of(text, part, places, mentions, by_size)
            if named is None:
                named = self._far_namesake_in(lead_end, part, places, mentions, by_size)
            if named is not None:
                found.append(Part(part, places[named], named, unknown=True))
            elif (
                place.lat is not None
                and place.lon is not None
                and self._called_part(text, mentions[part])
            ):
                around = [
                    big
                    for big in self.gazetteer.large_cities_near(place.lat, place.lon)
                    if _within_reach(place, big)
                ]
                if around:
                    found.append(Part(part, max(around, key=lambda big: big.population), None))
        return found

    def _named_city_of(
        self,
        text: str,
        part: int,
        places: Sequence[Place],
        mentions: Sequence[Sequence[PlaceMention]],
        by_size: list[int],
    ) -> int | None:
        """The big city a place called a neighbourhood belongs to when the gazetteer's place
        of that name lies outside it: the biggest city the text names, if that city is the
        story's own (a dateline, its police) or comes with the possessive."""
        place = places[part]
        if not self._called_part(text, mentions[part]) and not any(
            self._possessed(text, mentions[index], mentions[part]) for index in by_size
        ):
            return None
        for index in by_size:
            city = places[index]
            if index == part or city.kind != "city" or city.population < LARGE_CITY_POPULATION:
                continue
            if city.country != place.country or _within_reach(place, city):
                return None
            own = any(
                m.source == "dateline" or (m.body is not None and m.body.label in self.city_forces)
                for m in mentions[index]
            )
            return index if own or self._possessed(text, mentions[index], mentions[part]) else None
        return None

    def _far_namesake_in(
        self,
        lead_end: int,
        part: int,
        places: Sequence[Place],
        mentions: Sequence[Sequence[PlaceMention]],
        by_size: list[int],
    ) -> int | None:
        """The story's own big city (its dateline, its police) when the text names a place
        beside it that the gazetteer knows only far away, in another region: a part of the
        city the gazetteer lacks ("PITTSBURGH (KDKA) - ... a shooting in Homewood", "in
        Chatham, Chicago police said"), not a town of Alabama or of England. Beside it: in
        the lead under the city's dateline, or in a sentence naming the city's police. A
        place given with its region ("Austin, Texas") is where the text says it is."""
        place = places[part]
        if place.kind != "city" or any(m.source == "qualified" for m in mentions[part]):
            return None
        for index in by_size:
            city = places[index]
            if index == part or city.kind != "city" or city.population < LARGE_CITY_POPULATION:
                continue
            if (
                place.population >= city.population
                or (place.country, place.admin1_code) == (city.country, city.admin1_code)
                or _near(place, city, FAR_KM)
            ):
                return None
            beside = any(
                (m.source == "dateline" and inner.start < lead_end)
                or (
                    m.body is not None
                    and m.body.label in self.city_forces
                    and m.sentence == inner.sentence
                )
                for m in mentions[index]
                for inner in mentions[part]
            )
            return index if beside else None
        return None

    def _possessed(
        self, text: str, city: Sequence[PlaceMention], part: Sequence[PlaceMention]
    ) -> bool:
        """Whether the text writes the city's possessive before the place ("Chicago's")."""
        return any(
            whole.end <= inner.start and self.possessive.fullmatch(text, whole.end, inner.start)
            for whole in city
            for inner in part
        )

    def _called_part(self, text: str, part: Sequence[PlaceMention]) -> bool:
        """Whether the text calls the place a neighbourhood ("in the Englewood neighborhood")."""
        return any(self.part_after.match(text, mention.end) for mention in part)

    def _given_as_part(
        self,
        text: str,
        lead_end: int,
        part: Sequence[PlaceMention],
        city: Sequence[PlaceMention],
    ) -> bool:
        if self._called_part(text, part):
            return True  # "in the Englewood neighborhood"
        if any(m.source == "dateline" for m in city) and any(m.start < lead_end for m in part):
            return True  # "CHICAGO — A shooting in West Town left four men wounded"
        if any(m.body is not None and m.body.label in self.city_forces for m in city):
            return True  # "... in Englewood, Chicago police said"
        return self._possessed(text, city, part)  # "Chicago's Englewood"


def _near(place: Place, other: Place, km: float) -> bool:
    """Whether two places lie within `km` of each other (unknown positions count as near)."""
    if place.lat is None or place.lon is None or other.lat is None or other.lon is None:
        return True
    return distance_km(place.lat, place.lon, other.lat, other.lon) <= km


def _within_reach(part: Place, city: Place) -> bool:
    """Whether `part` is a much smaller town of the same region lying within `city`'s reach."""
    if (
        part.kind != "city"
        or city.kind != "city"
        or city.population < max(LARGE_CITY_POPULATION, BIG_CITY_RATIO * part.population)
        or city.geonames_id == part.geonames_id
        or (part.country, part.admin1_code) != (city.country, city.admin1_code)
        or part.lat is None
        or part.lon is None
        or city.lat is None
        or city.lon is None
    ):
        return False
    reach = CITY_REACH_KM * city.population**0.5
    return distance_km(part.lat, part.lon, city.lat, city.lon) <= reach
