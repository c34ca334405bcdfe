"""How the places of one text were resolved: what `ghostwatch geocode` shows an analyst.

A wrong pin on a case map usually comes from a namesake (Paris, Texas read as Paris, France), so
each location the extractor kept is shown with every gazetteer entry its written name can mean:
the analyst sees which ones were set aside. Sits at the faces' level: it only calls `extract`
and `geo` and decides nothing itself.

The places are read from the extraction state before `finish` empties non-relevant reports, so
the command also explains texts that are not firearms cases (checking the geocoder on any text).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ghostwatch.extract import Extractor
from ghostwatch.extract.state import state_of
from ghostwatch.geo import Gazetteer, Place, name_key
from ghostwatch.model import Document, Location


@dataclass(frozen=True)
class ResolvedPlace:
    """A location of the report and every gazetteer entry its written names can mean, most
    populous first (the chosen one among them when the gazetteer knows the name as written)."""

    location: Location
    candidates: tuple[Place, ...]

    @property
    def written(self) -> list[str]:
        """The location's evidence texts as the document writes them, each once."""
        return list(dict.fromkeys(span.text for span in self.location.evidence))

    @property
    def others(self) -> list[Place]:
        """The namesakes set aside: candidates other than the chosen entry."""
        return [p for p in self.candidates if not self._is_chosen(p)]

    def _is_chosen(self, place: Place) -> bool:
        return place.geonames_id is not None and place.geonames_id == self.location.geonames_id

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "location": self.location.model_dump(mode="json", exclude_none=True),
            "candidates": [
                {
                    "name": p.name,
                    "kind": p.kind,
                    "country": p.country,
                    "admin1": p.admin1,
                    "geonames_id": p.geonames_id,
                    "population": p.population,
                    "chosen": self._is_chosen(p),
                }
                for p in self.candidates
            ],
        }


@dataclass(frozen=True)
class Geocoding:
    """The places of one document, and whether the document was judged a firearms case (when
    not, its report states no places: these are the ones the extractor found before that)."""

    document: Document
    relevant: bool
    places: list[ResolvedPlace]
    errors: list[str]


def geocode(document: Document, extractor: Extractor, gazetteer: Gazetteer) -> Geocoding:
    """Run the whole extractor on `document` and pair each location with its candidates.

    Raises ValueError when no language pack reads the document's language.
    """
    state = state_of(extractor.parse(document))
    places = [
        ResolvedPlace(location, _candidates(location, gazetteer))
        for location in state.report.locations
    ]
    return Geocoding(document, bool(state.report.relevant), places, list(state.errors))


def _candidates(location: Location, gazetteer: Gazetteer) -> tuple[Place, ...]:
    """Entries for every distinct written name, each entry once, most populous first."""
    names = {name_key(span.text): span.text for span in location.evidence}
    found: dict[tuple[Any, ...], Place] = {}
    for name in names.values():
        for place in gazetteer.lookup(name):
            found.setdefault((place.geonames_id, place.name, place.kind, place.country), place)
    return tuple(sorted(found.values(), key=lambda p: -p.population))
