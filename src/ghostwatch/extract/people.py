"""The people the document singles out, with ages, roles and statuses, and the case's roles."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ghostwatch.extract.component import ExtractionComponent
from ghostwatch.extract.state import ExtractionState
from ghostwatch.lang import load_pack


class PeopleExtractor(ExtractionComponent):
    fills = ("suspects", "victims", "age_range", "roles")

    def fill(self, doc: Doc, state: ExtractionState) -> None:
        pass


@Language.factory("ghostwatch_people", default_config={"language": "en"})
def make_people(nlp: Language, name: str, language: str) -> PeopleExtractor:
    return PeopleExtractor(nlp, name, load_pack(language))
