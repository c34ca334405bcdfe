"""What the extraction components share while they work on one document.

Each spaCy `Doc` carries an `ExtractionState` in `doc._.ghostwatch`: the document being read, its
language pack and the report the components fill in, field family by field family.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ghostwatch.lang import LanguagePack
from ghostwatch.model import Document, Report

EXTENSION = "ghostwatch"

if not Doc.has_extension(EXTENSION):
    Doc.set_extension(EXTENSION, default=None)


@dataclass
class ExtractionState:
    document: Document
    pack: LanguagePack
    report: Report
    errors: list[str] = field(default_factory=list)
    #: token index where each background sentence starts (see extract/scope.py)
    background: set[int] = field(default_factory=set)

    def in_case(self, sentence: Span) -> bool:
        """Whether `sentence` speaks of the case rather than of its background."""
        return sentence.start not in self.background

    @classmethod
    def start(cls, document: Document, pack: LanguagePack) -> ExtractionState:
        return cls(document=document, pack=pack, report=Report(document=document.block()))


def state_of(doc: Doc) -> ExtractionState:
    """The state attached to `doc`; components only run on documents the Extractor prepared."""
    state = doc._.get(EXTENSION)
    if state is None:
        raise ValueError("this Doc was not prepared by ghostwatch.extract.Extractor")
    return state
