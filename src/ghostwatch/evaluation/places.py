"""The `locations` and `regions` items and how two places match.

A place is known by its normalised name plus any `aliases` (an extra key gold files use for
spelling variants, e.g. "Île-de-France" / "Ile-de-France"; predictions may carry it too). Two
places match when they share any name and have equal countries (a missing country only equals a
missing country), unless both carry a `geonames_id`: then the ids alone decide.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ghostwatch.evaluation.normalise import normalise, normalise_optional
from ghostwatch.model import Location, Report

LOCATION_KINDS = frozenset({"city", "admin2", "place"})
"""Kinds scored under `locations`; their `admin1` also feeds `regions`."""


@dataclass(frozen=True)
class Place:
    names: frozenset[str]
    country: str | None
    geonames_id: int | None = None


def same_place(gold: Place, predicted: Place) -> bool:
    if gold.geonames_id is not None and predicted.geonames_id is not None:
        return gold.geonames_id == predicted.geonames_id
    return gold.country == predicted.country and not gold.names.isdisjoint(predicted.names)


def location_items(report: Report) -> list[Place]:
    """Each location of kind city, admin2 or place."""
    return [
        Place(
            _names(location.name, _aliases(location)),
            normalise_optional(location.country),
            location.geonames_id,
        )
        for location in report.locations
        if location.kind in LOCATION_KINDS
    ]


def region_items(report: Report) -> list[Place]:
    """Each distinct admin-1 region: admin1 locations and the `admin1` of every finer location.

    Regions are distinct by name and country, where an admin1 location's aliases are names of
    the same region; so a city's `admin1` "Ile-de-France" adds nothing beside an admin1 location
    "Île-de-France" with that alias. Overlapping candidates are merged transitively, which makes
    the result independent of the order of the locations. Regions are compared by name only,
    never by geonames id (a city's `admin1` has none).
    """
    candidates = [
        Place(_names(location.name, _aliases(location)), normalise_optional(location.country))
        for location in report.locations
        if location.kind == "admin1"
    ] + [
        Place(_names(location.admin1), normalise_optional(location.country))
        for location in report.locations
        if location.kind in LOCATION_KINDS and location.admin1 is not None
    ]
    regions: list[Place] = []
    for candidate in candidates:
        overlapping = [region for region in regions if same_place(region, candidate)]
        apart = [region for region in regions if not same_place(region, candidate)]
        names = candidate.names.union(*(region.names for region in overlapping))
        regions = [*apart, Place(names, candidate.country)]
    return regions


def _names(name: str, aliases: Iterable[str] = ()) -> frozenset[str]:
    return frozenset(normalise(text) for text in (name, *aliases))


def _aliases(location: Location) -> list[str]:
    """The location's `aliases` extra, a list of names; the schema leaves it open, so a lone
    string counts as one name and anything that is not a string is ignored."""
    aliases = (location.model_extra or {}).get("aliases")
    if isinstance(aliases, str):
        return [aliases]
    if isinstance(aliases, list):
        return [alias for alias in aliases if isinstance(alias, str)]
    return []
