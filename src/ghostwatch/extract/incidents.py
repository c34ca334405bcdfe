"""What happened in the case (raid, arrest, seizure...) and which kinds of firearms.

Both fields come from the cue rules of the pack's `incidents.yaml` (see `rules.py`), read only in
sentences about the case. Two inferences the guide asks for are data too: an action that implies
another ("sentenced" implies a conviction), and firearms seized in a case that gives them no
other kind (no printing, conversion or home making, and no shooting) being factory-made.
"""

from __future__ import annotations

from typing import get_args

from spacy.language import Language
from spacy.tokens import Doc

from ghostwatch.extract.component import ExtractionComponent, component
from ghostwatch.extract.evidence import evidence_of
from ghostwatch.extract.rules import (
    Hit,
    RuleSet,
    evidence_by_label,
    labels,
    record_evidence,
)
from ghostwatch.extract.scope import case_filter
from ghostwatch.extract.state import ExtractionState
from ghostwatch.lang import LanguagePack
from ghostwatch.model import FirearmKind, IncidentType
from ghostwatch.model import Span as Evidence

#: where the incident hits of a Doc are kept, so relevance and this component share one pass
HITS_KEY = "ghostwatch.incident_hits"


class IncidentRules:
    """The compiled incident-type rules of one language, shared by the components using them."""

    def __init__(self, nlp: Language, pack: LanguagePack):
        section = pack.section("incidents") or {}
        self.rules = RuleSet(nlp, pack, section.get("incident_types") or {})

    def hits(self, doc: Doc, state: ExtractionState) -> list[Hit]:
        """The case's incident cues, computed once per Doc."""
        if HITS_KEY not in doc.user_data:
            doc.user_data[HITS_KEY] = self.rules.hits(doc, case_filter(state))
        return doc.user_data[HITS_KEY]


@component("ghostwatch_incident_types")
class IncidentTypeTagger(ExtractionComponent):
    fills = ("incident_types", "firearm_kinds")

    def __init__(self, nlp: Language, name: str, pack: LanguagePack):
        super().__init__(nlp, name, pack)
        section = pack.section("incidents") or {}
        self.types = IncidentRules(nlp, pack)
        self.kinds = RuleSet(nlp, pack, section.get("firearm_kinds") or {})
        self.implies: dict[str, list[str]] = section.get("implies") or {}
        fallback = section.get("conventional_fallback") or {}
        self.factory_guns = frozenset(w.lower() for w in fallback.get("firearms") or [])
        self.other_kind_blockers = frozenset(fallback.get("unless_types") or [])

    def fill(self, doc: Doc, state: ExtractionState) -> None:
        types = evidence_by_label(self.types.hits(doc, state))
        for label, implied in self.implies.items():
            for other in implied:
                if label in types and other not in types:
                    types[other] = list(types[label])
        kinds = evidence_by_label(self.kinds.hits(doc, case_filter(state)))
        if not kinds:
            kinds = self._factory_made(doc, state, types)
        record_evidence(doc, "incident_types", types)
        record_evidence(doc, "firearm_kinds", kinds)
        report = state.report
        report.incident_types = [t for t in get_args(IncidentType) if t in types]
        report.firearm_kinds = [k for k in get_args(FirearmKind) if k in kinds]

    def _factory_made(
        self, doc: Doc, state: ExtractionState, types: dict[str, list[Evidence]]
    ) -> dict[str, list[Evidence]]:
        """Guns seized with no sign of printing, conversion or home making are conventional;
        a shooting's gun is not coded from silence."""
        if "seizure" not in types or self.other_kind_blockers & types.keys():
            return {}
        for hit in self.types.hits(doc, state):
            if hit.label != "seizure":
                continue
            for token in hit.sentence:
                if token.lower_ in self.factory_guns or token.lemma_.lower() in self.factory_guns:
                    return {"conventional": [evidence_of(token)]}
        return {}


def incident_labels(hits: list[Hit]) -> list[str]:
    """The incident types of `hits`, in the schema's order."""
    return labels(hits, get_args(IncidentType))
