"""Where the case happened, where suspects live, and the authority's seat, geocoded offline."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ghostwatch.extract.component import ExtractionComponent
from ghostwatch.extract.state import ExtractionState
from ghostwatch.lang import load_pack


class PlaceResolver(ExtractionComponent):
    fills = ("locations", "countries")

    def fill(self, doc: Doc, state: ExtractionState) -> None:
        pass


@Language.factory("ghostwatch_places", default_config={"language": "en"})
def make_places(nlp: Language, name: str, language: str) -> PlaceResolver:
    return PlaceResolver(nlp, name, load_pack(language))
