"""Relevance: does the document report a concrete firearms case?

A transparent lexical score from the language pack's `relevance.yaml`: cue groups (firearm words,
case actions) counted with a PhraseMatcher, combined by a logistic function whose weights are data.
A document needs cues of every group to be relevant: "guns" alone is policy or opinion, "arrested"
alone is some other crime.
"""

from __future__ import annotations

import math
from collections import Counter

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ghostwatch.extract.component import ExtractionComponent
from ghostwatch.extract.state import ExtractionState
from ghostwatch.lang import LanguagePack, load_pack


class RelevanceScorer(ExtractionComponent):
    fills = ("relevant", "relevance_score")

    def __init__(self, nlp: Language, name: str, pack: LanguagePack):
        super().__init__(nlp, name, pack)
        config = pack.section("relevance")
        self.groups: dict[str, list[str]] = config["groups"]
        scoring = config["scoring"]
        self.bias: float = scoring["bias"]
        self.weights: dict[str, float] = scoring["weights"]
        self.threshold: float = scoring["threshold"]
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for group, terms in self.groups.items():
            self.matcher.add(group, [nlp.make_doc(term) for term in terms])

    def fill(self, doc: Doc, state: ExtractionState) -> None:
        hits = Counter(doc.vocab.strings[match_id] for match_id, _, _ in self.matcher(doc))
        logit = self.bias + sum(
            weight * math.log1p(hits[group]) for group, weight in self.weights.items()
        )
        score = 1.0 / (1.0 + math.exp(-logit))
        report = state.report
        report.relevance_score = round(score, 4)
        report.relevant = score >= self.threshold and all(hits[group] for group in self.groups)


@Language.factory("ghostwatch_relevance", default_config={"language": "en"})
def make_relevance(nlp: Language, name: str, language: str) -> RelevanceScorer:
    return RelevanceScorer(nlp, name, load_pack(language))
