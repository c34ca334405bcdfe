"""Geography: resolving place names to gazetteer entries, offline.

Sits beside `extract` above `model`; it knows places, not documents.
"""

from ghostwatch.geo.gazetteer import Gazetteer, Place, PlaceKind, name_key
from ghostwatch.geo.geonames import GeonamesCacheGazetteer, default_gazetteer

__all__ = [
    "Gazetteer",
    "GeonamesCacheGazetteer",
    "Place",
    "PlaceKind",
    "default_gazetteer",
    "name_key",
]
