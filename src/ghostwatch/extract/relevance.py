"""Relevance: does the document report a concrete firearms case?

Firearms vocabulary alone is not a case: policy debates, opinion pieces with statistics and trend
stories use it too, and a burglary report has arrests and custody without any gun. A case is an
action (arrest, seizure, charge, shooting... as the incident rules find them: stated, not
negated, not hypothetical) told in the same breath as a firearm, in sentences about the case
rather than its background. The score is a transparent logistic combination, its weights data in
the pack's `relevance.yaml`:

- `firearm`: firearm words in case sentences, not negated ("No weapons were used" is none);
- `actions`: incident cues in case sentences (shootings count as firearm words too);
- `cooccurrence`: case sentences where an action and a firearm meet (in the sentence or the one
  next to it in the same paragraph); at least `min_cooccurrence` is required;
- `events`: firearm events (shootings), a case by themselves;
- `genre`: words of documents that discuss rather than report (bill, lawmakers, opinion,
  tribune, start-up, salon), counted anywhere; a negative weight.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ghostwatch.extract.component import ExtractionComponent, component
from ghostwatch.extract.incidents import IncidentRules
from ghostwatch.extract.rules import DocIndex, Modality
from ghostwatch.extract.scope import case_filter
from ghostwatch.extract.state import ExtractionState
from ghostwatch.lang import LanguagePack


@dataclass(frozen=True)
class RelevanceFeatures:
    firearm: int
    actions: int
    cooccurrence: int
    events: int
    genre: int

    def as_dict(self) -> dict[str, int]:
        return {
            "firearm": self.firearm,
            "actions": self.actions,
            "cooccurrence": self.cooccurrence,
            "events": self.events,
            "genre": self.genre,
        }


@component("ghostwatch_relevance")
class RelevanceScorer(ExtractionComponent):
    fills = ("relevant", "relevance_score")

    def __init__(self, nlp: Language, name: str, pack: LanguagePack):
        super().__init__(nlp, name, pack)
        config = pack.section("relevance")
        self.incidents = IncidentRules(nlp, pack)
        self.modality = Modality((pack.section("rules") or {}).get("modality") or {})
        self.event_types = frozenset(config.get("firearm_events") or [])
        self.ignored_types = frozenset(config.get("ignored_types") or [])
        self.firearms = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.firearms.add("firearm", list(nlp.tokenizer.pipe(config["firearm"])))
        self.genre = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.genre.add("genre", list(nlp.tokenizer.pipe(config["genre"])))
        scoring = config["scoring"]
        self.bias: float = scoring["bias"]
        self.weights: dict[str, float] = scoring["weights"]
        self.threshold: float = scoring["threshold"]
        self.min_cooccurrence: int = scoring["min_cooccurrence"]

    def features(self, doc: Doc, state: ExtractionState) -> RelevanceFeatures:
        keep = case_filter(state)
        index = DocIndex.of(doc)
        firearm_sentences: set[int] = set()
        firearm = 0
        for _, start, end in self.firearms(doc):
            span = doc[start:end]
            if keep(span) and not self.modality.negated(span.root):
                firearm += 1
                firearm_sentences.add(index.sentence(span).start)
        action_sentences: set[int] = set()
        actions = events = 0
        for hit in self.incidents.hits(doc, state):
            if hit.label in self.ignored_types:
                continue
            actions += 1
            action_sentences.add(hit.sentence.start)
            if hit.label in self.event_types:
                events += 1
                firearm += 1
                firearm_sentences.add(hit.sentence.start)
        cooccurrence = _meetings(index, firearm_sentences, action_sentences)
        genre = len(self.genre(doc))
        return RelevanceFeatures(firearm, actions, cooccurrence, events, genre)

    def fill(self, doc: Doc, state: ExtractionState) -> None:
        found = self.features(doc, state).as_dict()
        logit = self.bias + sum(
            weight * math.log1p(found[name]) for name, weight in self.weights.items()
        )
        score = 1.0 / (1.0 + math.exp(-logit))
        report = state.report
        report.relevance_score = round(score, 4)
        report.relevant = score >= self.threshold and found["cooccurrence"] >= self.min_cooccurrence


def _meetings(index: DocIndex, firearm: set[int], action: set[int]) -> int:
    """Sentences with an action whose own sentence, or a neighbour in the same paragraph, has
    a firearm."""
    sentences = index.sentences
    count = 0
    for position, sentence in enumerate(sentences):
        if sentence.start not in action:
            continue
        near = [sentence]
        for other in (position - 1, position + 1):
            if 0 <= other < len(sentences) and _same_paragraph(index, sentences[other], sentence):
                near.append(sentences[other])
        if any(s.start in firearm for s in near):
            count += 1
    return count


def _same_paragraph(index: DocIndex, first: Span, second: Span) -> bool:
    low, high = sorted((first, second), key=lambda s: s.start)
    return "\n" not in index.text[low.start_char : high.start_char].rstrip()
