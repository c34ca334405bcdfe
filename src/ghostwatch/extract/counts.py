"""How many were arrested, charged, remanded, killed, injured... attached by the parse."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ghostwatch.extract.component import ExtractionComponent
from ghostwatch.extract.state import ExtractionState
from ghostwatch.lang import load_pack


class CountExtractor(ExtractionComponent):
    fills = ("counts",)

    def fill(self, doc: Doc, state: ExtractionState) -> None:
        pass


@Language.factory("ghostwatch_counts", default_config={"language": "en"})
def make_counts(nlp: Language, name: str, language: str) -> CountExtractor:
    return CountExtractor(nlp, name, load_pack(language))
