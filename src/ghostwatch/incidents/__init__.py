"""Incidents: reports of the same case, across outlets, languages and months, grouped as one.

`profile_of` reduces a report to what identifies its case; `match_score` weighs two profiles;
`choose_incident` and `MemoryIndex` resolve reports one at a time; `build_record` merges an
incident's reports into one record with the sources of every value. Storage lives in the store.
"""

from ghostwatch.incidents.blocking import BlockKey, blocking_keys
from ghostwatch.incidents.profile import CaseProfile, profile_of
from ghostwatch.incidents.record import IncidentRecord, build_record
from ghostwatch.incidents.resolver import Attachment, Member, MemoryIndex, choose_incident
from ghostwatch.incidents.scoring import MATCH_THRESHOLD, MatchScore, match_score

__all__ = [
    "MATCH_THRESHOLD",
    "Attachment",
    "BlockKey",
    "CaseProfile",
    "IncidentRecord",
    "MatchScore",
    "Member",
    "MemoryIndex",
    "blocking_keys",
    "build_record",
    "choose_incident",
    "match_score",
    "profile_of",
]
