"""Methods, motives, weapon models and operation names, from the pack's cue lexicons."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ghostwatch.extract.component import ExtractionComponent
from ghostwatch.extract.state import ExtractionState
from ghostwatch.lang import load_pack


class CueTagger(ExtractionComponent):
    fills = ("methods", "motives", "weapon_models", "operations")

    def fill(self, doc: Doc, state: ExtractionState) -> None:
        pass


@Language.factory("ghostwatch_cues", default_config={"language": "en"})
def make_cues(nlp: Language, name: str, language: str) -> CueTagger:
    return CueTagger(nlp, name, load_pack(language))
