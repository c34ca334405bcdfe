"""Case or background: which sentences speak of the case the document reports.

News pieces wrap the case in trend paragraphs ("the phenomenon is growing in Europe"),
comparisons ("cheaper than a Kalashnikov") and other cases mentioned in passing. Facts found there
are not the case's facts. This component marks such sentences from the pack's `scope.yaml` cues;
the other components read `state.in_case(sentence)` before taking a fact.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ghostwatch.extract.component import ExtractionComponent
from ghostwatch.extract.state import ExtractionState
from ghostwatch.lang import LanguagePack, load_pack


class CaseScope(ExtractionComponent):
    fills = ()

    def __init__(self, nlp: Language, name: str, pack: LanguagePack):
        super().__init__(nlp, name, pack)
        config = pack.section("scope") or {}
        patterns = config.get("background_sentence") or []
        self.background = (
            re.compile("|".join(f"(?:{p})" for p in patterns), re.I) if patterns else None
        )

    def fill(self, doc: Doc, state: ExtractionState) -> None:
        if self.background is None:
            return
        for sentence in doc.sents:
            if self.background.search(sentence.text):
                state.background.add(sentence.start)


@Language.factory("ghostwatch_scope", default_config={"language": "en"})
def make_scope(nlp: Language, name: str, language: str) -> CaseScope:
    return CaseScope(nlp, name, load_pack(language))
