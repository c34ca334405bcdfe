"""Attach a report to the incident it reports, or open a new one: one report at a time.

Resolution is incremental: a new report is scored against the stored reports its blocking keys
find, and joins the incident of the best match when the score clears `MATCH_THRESHOLD`. Nothing
already resolved is recomputed, so ingesting one report costs the same with ten or a million
stored. An incident's score is its best-matching report's (a follow-up matches the report it
refers back to, not every outlet's account of the raid). Analysts' decisions enter as
separations: a report is never attached to an incident holding a report it was split from.

`MemoryIndex` keeps everything in memory for batch runs and benchmarks; the store keeps the same
index in its tables and calls `choose_incident` on the candidates its queries return.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from ghostwatch.incidents.blocking import MAX_CANDIDATES, blocking_keys
from ghostwatch.incidents.profile import CaseProfile
from ghostwatch.incidents.scoring import MATCH_THRESHOLD, match_score


@dataclass(frozen=True)
class Member:
    """A resolved report: its profile and the incident it belongs to."""

    incident_id: int
    profile: CaseProfile


@dataclass(frozen=True)
class Attachment:
    """Where a report goes: an existing incident (with the evidence), or None for a new one."""

    incident_id: int | None
    score: float = 0.0
    matched: str | None = None
    reasons: list[str] = field(default_factory=list)
    #: the report opened this incident (no stored report matched it)
    opened: bool = False


def choose_incident(
    profile: CaseProfile, candidates: Iterable[Member], separated: Collection[str] = ()
) -> Attachment:
    """The incident whose reports best match `profile`, if any clears the threshold.

    `separated` holds document ids an analyst split from this report: their incidents are out.
    """
    members = [m for m in candidates if m.profile.document_id != profile.document_id]
    barred = {m.incident_id for m in members if m.profile.document_id in separated}
    best: Attachment = Attachment(None)
    for member in members:
        if member.incident_id in barred:
            continue
        scored = match_score(profile, member.profile)
        if scored.score >= MATCH_THRESHOLD and scored.score > best.score:
            best = Attachment(
                member.incident_id, scored.score, member.profile.document_id, scored.reasons
            )
    return best


def nearest(found: Iterable[tuple[int, str]], day: int | None) -> list[str]:
    """The ids of at most `MAX_CANDIDATES` distinct reports found as (day, document id), nearest
    in date first; the store ranks its key rows with it before reading any profile."""
    gaps: dict[str, int] = {}
    for found_day, document_id in found:
        gap = 0 if day is None else abs(found_day - day)
        if gap < gaps.get(document_id, gap + 1):
            gaps[document_id] = gap
    return sorted(gaps, key=lambda document_id: (gaps[document_id], document_id))[:MAX_CANDIDATES]


class MemoryIndex:
    """Resolved reports in memory, indexed by blocking key and date."""

    def __init__(self) -> None:
        self._keys: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self._members: dict[str, Member] = {}
        self._next_incident = 1

    def __len__(self) -> int:
        return len(self._members)

    def candidates(self, profile: CaseProfile) -> list[Member]:
        day = profile.day
        found = [
            (member_day, document_id)
            for block in blocking_keys(profile)
            for member_day, document_id in self._keys.get(block.key, ())
            if day is None or abs(member_day - day) <= block.window
        ]
        return [self._members[document_id] for document_id in nearest(found, day)]

    def resolve(self, profile: CaseProfile) -> Attachment:
        """Attach `profile` to its incident (opening one if needed) and index it."""
        attachment = choose_incident(profile, self.candidates(profile))
        if attachment.incident_id is None:
            attachment = Attachment(self._next_incident, opened=True)
        self.add(Member(attachment.incident_id, profile))
        return attachment

    def add(self, member: Member) -> None:
        profile = member.profile
        self._members[profile.document_id] = member
        self._next_incident = max(self._next_incident, member.incident_id + 1)
        day = profile.day if profile.day is not None else 0
        for block in blocking_keys(profile):
            self._keys[block.key].append((day, profile.document_id))

    def clusters(self) -> dict[int, list[str]]:
        """Document ids per incident."""
        found: dict[int, list[str]] = defaultdict(list)
        for document_id, member in self._members.items():
            found[member.incident_id].append(document_id)
        return dict(found)
