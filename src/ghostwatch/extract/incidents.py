"""What happened in the case (raid, arrest, seizure...) and which kinds of firearms."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ghostwatch.extract.component import ExtractionComponent
from ghostwatch.extract.state import ExtractionState
from ghostwatch.lang import load_pack


class IncidentTypeTagger(ExtractionComponent):
    fills = ("incident_types", "firearm_kinds")

    def fill(self, doc: Doc, state: ExtractionState) -> None:
        pass


@Language.factory("ghostwatch_incident_types", default_config={"language": "en"})
def make_incidents(nlp: Language, name: str, language: str) -> IncidentTypeTagger:
    return IncidentTypeTagger(nlp, name, load_pack(language))
