"""Geography: resolving place names to gazetteer entries, offline.

Sits beside `extract` above `model`; it knows places, not documents.
"""

from ghostwatch.geo.gazetteer import (
    LARGE_CITY_POPULATION,
    Gazetteer,
    Place,
    PlaceKind,
    distance_km,
    name_key,
)
from ghostwatch.geo.geonames import GeonamesCacheGazetteer, default_gazetteer

__all__ = [
    "LARGE_CITY_POPULATION",
    "Gazetteer",
    "GeonamesCacheGazetteer",
    "Place",
    "PlaceKind",
    "default_gazetteer",
    "distance_km",
    "name_key",
]
