"""The base of every extraction component.

A component fills one family of report fields. It is a spaCy pipeline component (registered as a
spaCy factory by the `component` decorator), so the whole extraction runs in one `nlp.pipe` over
parsed documents. A failure on one document is recorded on that document's state and never stops
the batch.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from ghostwatch.extract.state import ExtractionState, state_of
from ghostwatch.lang import LanguagePack, load_pack


class ExtractionComponent:
    """Subclasses implement `fill(doc, state)`; the pack is the language's YAML data."""

    #: fields of the report this component fills (documentation and tests read it)
    fills: tuple[str, ...] = ()

    def __init__(self, nlp: Language, name: str, pack: LanguagePack):
        self.name = name
        self.pack = pack

    def __call__(self, doc: Doc) -> Doc:
        state = state_of(doc)
        try:
            self.fill(doc, state)
        except Exception as error:  # one bad document must not stop the batch
            state.errors.append(f"{self.name}: {type(error).__name__}: {error}")
        return doc

    def fill(self, doc: Doc, state: ExtractionState) -> None:
        raise NotImplementedError


Component = TypeVar("Component", bound=type[ExtractionComponent])


def component(name: str) -> Callable[[Component], Component]:
    """Register the decorated class as spaCy factory `name`, configured by a language code:
    `nlp.add_pipe(name, config={"language": "fr"})` builds it with the French pack."""

    def register(cls: Component) -> Component:
        def make(nlp: Language, name: str, language: str) -> ExtractionComponent:
            return cls(nlp, name, load_pack(language))

        Language.factory(name, default_config={"language": "en"}, func=make)
        return cls

    return register
