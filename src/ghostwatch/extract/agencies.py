"""The organisations acting in the case: police, gendarmerie, prosecutors, courts, customs."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ghostwatch.extract.component import ExtractionComponent
from ghostwatch.extract.state import ExtractionState
from ghostwatch.lang import load_pack


class AgencyTagger(ExtractionComponent):
    fills = ("agencies",)

    def fill(self, doc: Doc, state: ExtractionState) -> None:
        pass


@Language.factory("ghostwatch_agencies", default_config={"language": "en"})
def make_agencies(nlp: Language, name: str, language: str) -> AgencyTagger:
    return AgencyTagger(nlp, name, load_pack(language))
