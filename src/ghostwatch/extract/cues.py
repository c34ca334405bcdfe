"""Methods, motives, weapon models and operation names, from the pack's cue lexicons.

Each is coded only when the text states it for the case (`cues.yaml`, checked by `rules.py`):
a cue in a background sentence or a comparison ("cheaper than a Kalashnikov") is not the case's,
and a negated or hypothetical one ("no evidence that he held extremist views") is not a fact.
Operation names are the capitalised words after "Operation", "Project", "opération"...
"""

from __future__ import annotations

import re
from typing import get_args

from spacy.language import Language
from spacy.tokens import Doc

from ghostwatch.extract.component import ExtractionComponent, component
from ghostwatch.extract.evidence import doc_text, evidence_chars
from ghostwatch.extract.rules import RuleSet, evidence_by_label, record_evidence
from ghostwatch.extract.scope import case_filter
from ghostwatch.extract.state import ExtractionState
from ghostwatch.lang import LanguagePack
from ghostwatch.model import Method, Motive, NamedValue
from ghostwatch.model import Span as Evidence


class OperationNames:
    """Named police operations: "Operation Viper" -> "Viper", "projet Calque" -> "Calque"."""

    def __init__(self, config: dict):
        self.patterns = [re.compile(p, re.IGNORECASE) for p in config.get("patterns") or []]
        self.not_names = frozenset(w.lower() for w in config.get("not_names") or [])

    def find(self, doc: Doc, state: ExtractionState) -> dict[str, list[Evidence]]:
        """Names searched in the whole text, not sentence by sentence: the parser often ends a
        sentence at quotation marks ("l'opération « Calque »"), and a name cannot run across
        a real sentence end anyway (the pattern allows only capitalised words)."""
        keep = case_filter(state)
        found: dict[str, list[Evidence]] = {}
        names: dict[str, str] = {}
        text = doc_text(doc)
        for pattern in self.patterns:
            for match in pattern.finditer(text):
                name = match.group("name").strip(" '’\"»”")
                if not name or name.split()[0].lower() in self.not_names:
                    continue
                span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
                if span is None or not keep(span):
                    continue
                canonical = names.setdefault(name.casefold(), name)
                found.setdefault(canonical, []).append(
                    evidence_chars(doc, span.start_char, span.end_char)
                )
        return found


@component("ghostwatch_cues")
class CueTagger(ExtractionComponent):
    fills = ("methods", "motives", "weapon_models", "operations")

    def __init__(self, nlp: Language, name: str, pack: LanguagePack):
        super().__init__(nlp, name, pack)
        section = pack.section("cues") or {}
        self.methods = RuleSet(nlp, pack, section.get("methods") or {})
        self.motives = RuleSet(nlp, pack, section.get("motives") or {})
        self.models = RuleSet(nlp, pack, section.get("weapon_models") or {})
        self.operations = OperationNames(section.get("operations") or {})

    def fill(self, doc: Doc, state: ExtractionState) -> None:
        keep = case_filter(state)
        methods = evidence_by_label(self.methods.hits(doc, keep))
        motives = evidence_by_label(self.motives.hits(doc, keep))
        models = evidence_by_label(self.models.hits(doc, keep))
        operations = self.operations.find(doc, state)
        record_evidence(doc, "methods", methods)
        record_evidence(doc, "motives", motives)
        report = state.report
        report.methods = [m for m in get_args(Method) if m in methods]
        report.motives = [m for m in get_args(Motive) if m in motives]
        report.weapon_models = [NamedValue(name=n, evidence=e) for n, e in models.items()]
        report.operations = [NamedValue(name=n, evidence=e) for n, e in operations.items()]
