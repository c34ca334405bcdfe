"""A name shared by a first-level region and its town: which of the two the text means.

"Quebec", "Québec", "Utrecht", "Lisbon" each name a province (or state, district) and a town in
it. Population alone picks the town, yet news names the region this way as often: the town is
"Quebec City", "la ville de Québec". The pack's wording settles it where it can: French puts a
region after "au", "en", "dans le" and a town after "à"; English writes "Quebec provincial
police", "New York state", "the city of Quebec", "Quebec City". Without such wording, a text
naming a bigger town of the same region, or another region of the country in the same sentence,
means the region: the name then does not stand for the region's main town (a story on Montréal,
Laval and Gatineau names the province "Québec"; "searches in Quebec and Ontario").
"""

from __future__ import annotations

from typing import Any

from ghostwatch.extract.place_mentions import PlaceMention, any_of
from ghostwatch.geo import Place

#: how many characters before or after a name its sense cues may span
CUE_WINDOW = 40


class SenseReader:
    """The pack's `region_sense` and `town_sense` cues, compiled once per language."""

    def __init__(self, config: dict[str, Any]):
        region = config.get("region_sense") or {}
        town = config.get("town_sense") or {}
        self.region_before = any_of(f"(?:{p})$" for p in region.get("before") or ())
        self.region_after = any_of(region.get("after"))
        self.town_before = any_of(f"(?:{p})$" for p in town.get("before") or ())
        self.town_after = any_of(town.get("after"))

    def settle(self, text: str, mentions: list[PlaceMention]) -> None:
        """Keep, for each mention of a region's and its town's shared name, the candidates of
        the sense the text gives it (the others are left as they are)."""
        for mention in mentions:
            pair = _region_and_town(mention)
            if pair is None:
                continue
            region, town = pair
            before = text[max(0, mention.start - CUE_WINDOW) : mention.start]
            after = text[mention.end : mention.end + CUE_WINDOW]
            if self.town_before.search(before) or self.town_after.match(after):
                mention.candidates = [p for p in mention.candidates if p is not region]
            elif (
                self.region_before.search(before)
                or self.region_after.match(after)
                or _bigger_town_named(town, mention, mentions)
                or _beside_a_region(region, mention, mentions)
            ):
                mention.candidates = [p for p in mention.candidates if p.kind != "city"]


def _region_and_town(mention: PlaceMention) -> tuple[Place, Place] | None:
    """The region and the town of the same region that the mention's name both stands for."""
    regions = [p for p in mention.candidates if p.kind == "admin1" and p.called(mention.text)]
    for region in regions:
        for town in mention.candidates:
            if (
                town.kind == "city"
                and town.country == region.country
                and town.admin1_code == region.admin1_code
                and town.called(mention.text)
            ):
                return region, town
    return None


def _bigger_town_named(town: Place, mention: PlaceMention, mentions: list[PlaceMention]) -> bool:
    """Whether the text names another town of the region, bigger than the namesake town."""
    return any(
        other is not mention
        and other.text != mention.text
        and any(
            p.kind == "city"
            and (p.country, p.admin1_code) == (town.country, town.admin1_code)
            and p.population > town.population
            for p in other.candidates
        )
        for other in mentions
    )


def _beside_a_region(region: Place, mention: PlaceMention, mentions: list[PlaceMention]) -> bool:
    """Whether the sentence names another first-level region of the same country by its own
    name: regions are listed together ("searches in Quebec and Ontario")."""
    return any(
        other is not mention
        and other.sentence == mention.sentence
        and any(
            p.kind == "admin1"
            and p.country == region.country
            and p.admin1_code != region.admin1_code
            and p.called(other.text)
            for p in other.candidates
        )
        for other in mentions
    )
