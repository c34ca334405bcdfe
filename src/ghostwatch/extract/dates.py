"""The date of the case's main action, resolved against the publication date."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ghostwatch.extract.component import ExtractionComponent
from ghostwatch.extract.state import ExtractionState
from ghostwatch.lang import load_pack


class DateResolver(ExtractionComponent):
    fills = ("date",)

    def fill(self, doc: Doc, state: ExtractionState) -> None:
        pass


@Language.factory("ghostwatch_dates", default_config={"language": "en"})
def make_dates(nlp: Language, name: str, language: str) -> DateResolver:
    return DateResolver(nlp, name, load_pack(language))
