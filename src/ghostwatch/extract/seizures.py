"""What was seized and how much, and the prices the case's goods sold for."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ghostwatch.extract.component import ExtractionComponent
from ghostwatch.extract.state import ExtractionState
from ghostwatch.lang import load_pack


class SeizureExtractor(ExtractionComponent):
    fills = ("seized", "prices")

    def fill(self, doc: Doc, state: ExtractionState) -> None:
        pass


@Language.factory("ghostwatch_seizures", default_config={"language": "en"})
def make_seizures(nlp: Language, name: str, language: str) -> SeizureExtractor:
    return SeizureExtractor(nlp, name, load_pack(language))
