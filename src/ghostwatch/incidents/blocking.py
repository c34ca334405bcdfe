"""Which stored reports a new report is compared with: those sharing a blocking key in a window.

Comparing every report with every other is quadratic; comparing only reports that share a town,
a region, a family name or an operation name, within a date window fitting that key, finds the
same matches in a few dozen comparisons. Names and operation names are rare enough to be looked up
years apart (a trial refers back to the raid); a town's key spans a follow-up's delay only for
judicial reports; a region or a country alone only links reports a few days apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from ghostwatch.incidents.profile import CaseProfile, family_name
from ghostwatch.incidents.scoring import FOLLOW_UP_DAYS

#: the most candidates a report is scored against, nearest in date first
MAX_CANDIDATES = 300
#: date windows (days either side) per key kind
PLACE_WINDOW = 45
REGION_WINDOW = 14
COUNTRY_WINDOW = 3


@dataclass(frozen=True)
class BlockKey:
    key: str
    #: the largest date gap (days) between two reports this key may bring together
    window: int


def blocking_keys(profile: CaseProfile) -> list[BlockKey]:
    """The keys a report is indexed under and looked up by."""
    long_window = FOLLOW_UP_DAYS
    place_window = long_window if profile.judicial else PLACE_WINDOW
    keys = [BlockKey(f"name:{family_name(name)}", long_window) for name in profile.names]
    keys += [BlockKey(f"op:{operation}", long_window) for operation in profile.operations]
    keys += [
        BlockKey(f"place:{gid}", place_window) for gid in {p.geonames_id for p in profile.places}
    ]
    keys += [BlockKey(f"region:{region}", REGION_WINDOW) for region in profile.regions]
    if not profile.places and not profile.regions:
        keys += [BlockKey(f"country:{cc}", COUNTRY_WINDOW) for cc in profile.countries]
    return keys
