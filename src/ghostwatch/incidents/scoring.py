"""How strongly two reports look like the same case: a sum of evidence weights.

Each comparison adds a weight in favour (shared town, same ages, same operation name, same seized
quantity) or against (different countries, towns far apart, dates weeks apart, different names).
Weights are rough log-odds: a shared family name or operation name is rare between different
cases, a shared region is common. The sum decides; `reasons` says why, for analysts and tests.

Dates are the main way look-alike cases differ (two raids in one city in one month), so a gap of
days between two accounts of the action counts against them. A judicial follow-up (charges, trial,
sentence) comes weeks to years after the action: its date gap is not held against it, but it must
then earn the match through what identifies the case (people, place, items, operation).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ghostwatch.incidents.profile import CaseProfile, PlaceMark, family_name

#: a report joins an incident when its best score against the incident's reports reaches this
MATCH_THRESHOLD = 4.0
#: towns this close are one area (a suburb and its city, a town and its prosecutor's seat)
NEAR_KM = 30.0
#: two places of action further apart than this are different cases
FAR_KM = 80.0
#: how long after the action a judicial follow-up may come
FOLLOW_UP_DAYS = 3 * 365

# Counts whose agreement is a real sign (small counts agree by chance: one arrest, one death).
_COUNT_WEIGHT = {"arrested": 1.0, "killed": 1.5, "injured": 1.0, "charged": 0.7, "remanded": 0.7}


@dataclass
class MatchScore:
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)

    def add(self, weight: float, reason: str) -> None:
        if weight:
            self.score += weight
            self.reasons.append(f"{weight:+.1f} {reason}")


def match_score(new: CaseProfile, known: CaseProfile) -> MatchScore:
    """The evidence that `new` reports the same case as `known` (symmetric but for follow-ups)."""
    result = MatchScore()
    if new.countries and known.countries and not set(new.countries) & set(known.countries):
        result.add(-8.0, "different countries")
    _score_dates(new, known, result)
    _score_places(new, known, result)
    _score_identities(new, known, result)
    _score_quantities(new, known, result)
    overlap = _anchor_overlap(new.anchors, known.anchors)
    result.add(round(6.0 * overlap, 1), f"shared names and numbers {overlap:.2f}")
    return result


def _score_dates(new: CaseProfile, known: CaseProfile, result: MatchScore) -> None:
    if None in (new.start, new.end, known.start, known.end):
        return
    assert new.start and new.end and known.start and known.end
    gap = max((new.start - known.end).days, (known.start - new.end).days, 0)
    later = new if new.start >= known.start else known
    if gap > 3 and later.judicial and gap <= FOLLOW_UP_DAYS:
        result.add(0.5, f"judicial follow-up {gap} days later")
    elif gap == 0:
        result.add(1.5, "same dates")
    elif gap <= 3:
        result.add(0.5, f"dates {gap} days apart")
    elif gap <= 14:
        result.add(-2.0, f"dates {gap} days apart")
    else:
        result.add(-5.0, f"dates {gap} days apart")


def _score_places(new: CaseProfile, known: CaseProfile, result: MatchScore) -> None:
    shared = {p.geonames_id for p in new.places} & {p.geonames_id for p in known.places}
    new_scene = [p for p in new.places if p.incident]
    known_scene = [p for p in known.places if p.incident]
    if shared:
        scene_shared = shared & {p.geonames_id for p in new_scene + known_scene}
        result.add(3.0 if scene_shared else 1.5, "same town")
    elif new_scene and known_scene:
        distance = min(_km(a, b) for a in new_scene for b in known_scene)
        if distance <= NEAR_KM:
            result.add(1.5, f"towns {distance:.0f} km apart")
        elif distance >= FAR_KM:
            result.add(-4.0, f"towns {distance:.0f} km apart")
    elif set(new.regions) & set(known.regions):
        result.add(1.0, "same region")


def _score_identities(new: CaseProfile, known: CaseProfile, result: MatchScore) -> None:
    if new.names and known.names:
        if {family_name(n) for n in new.names} & {family_name(n) for n in known.names}:
            result.add(4.0, "same family names")
        elif _words(new.names) & _words(known.names):
            result.add(1.5, "names share a word")
        else:
            result.add(-1.5, "different names")
    if new.operations and known.operations:
        shared = set(new.operations) & set(known.operations)
        result.add(5.0 if shared else -3.0, "same operation" if shared else "other operation")
    if new.ages and known.ages:
        # people age between a raid and its trial: allow a year per year apart
        slack = _years_apart(new, known)
        same = {a for a in new.ages if any(abs(a - b) <= slack for b in known.ages)}
        if same:
            result.add(min(3.0, 1.5 * len(same)), f"same ages {sorted(same)}")
        else:
            result.add(-2.0, "different ages")


def _words(names: list[str]) -> set[str]:
    return {word for name in names for word in name.split()}


def _years_apart(a: CaseProfile, b: CaseProfile) -> int:
    if a.start is None or b.start is None:
        return 0
    return -(-abs((a.start - b.start).days) // 365)


def _score_quantities(new: CaseProfile, known: CaseProfile, result: MatchScore) -> None:
    for key, weight in _COUNT_WEIGHT.items():
        a, b = new.counts.get(key), known.counts.get(key)
        if a is None or b is None:
            continue
        if a == b:
            result.add(weight * (1.0 if a > 1 else 0.4), f"same {key} {a}")
        elif min(a, b) >= 5 and abs(a - b) <= 0.1 * max(a, b):
            result.add(weight * 0.6, f"{key} {a} and {b}, as outlets round")
        elif abs(a - b) > max(1, 0.2 * max(a, b)):
            result.add(-weight, f"{key} {a} vs {b}")
    for category in set(new.seized) & set(known.seized):
        a, b = new.seized[category], known.seized[category]
        if a == b and a > 1:
            result.add(1.5, f"same {category} {a}")
        elif abs(a - b) > max(1, 0.25 * max(a, b)):
            result.add(-0.5, f"{category} {a} vs {b}")
    if set(new.prices) & set(known.prices):
        result.add(1.0, "same price")


def _anchor_overlap(a: list[str], b: list[str]) -> float:
    """Shared anchors over the smaller set, damped when that set is tiny."""
    if not a or not b:
        return 0.0
    shared = len(set(a) & set(b))
    smaller = min(len(a), len(b))
    return shared / (smaller + 3)


def _km(a: PlaceMark, b: PlaceMark) -> float:
    if a.geonames_id == b.geonames_id:
        return 0.0
    if None in (a.lat, a.lon, b.lat, b.lon):
        return NEAR_KM + 1  # unknown: neither near nor far
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    phi1, phi2 = math.radians(a.lat), math.radians(b.lat)
    dphi, dlmb = phi2 - phi1, math.radians(b.lon - a.lon)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))
