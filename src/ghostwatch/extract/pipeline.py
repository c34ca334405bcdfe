"""The extractor: one spaCy pass per document, components filling the report field by field.

Components are spaCy factories named in `COMPONENTS`; each language gets its own model with the
same components configured with that language's pack. Documents keep their input order even
though they are processed in per-language groups.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import islice

from spacy.language import Language

import ghostwatch.extract.relevance  # noqa: F401  (registers the component factory)
from ghostwatch import __version__
from ghostwatch.extract.models import installed_model, load_model
from ghostwatch.extract.state import EXTENSION, ExtractionState
from ghostwatch.lang import available_languages, load_pack
from ghostwatch.model import Document, Report

#: the components every language pipeline runs, in order
COMPONENTS: tuple[str, ...] = ("ghostwatch_relevance",)

#: language assumed when identification gave nothing (short or odd texts)
FALLBACK_LANGUAGE = "en"

#: built pipelines, shared by extractors with the same components (models load once a process)
_PIPELINES: dict[tuple[str, tuple[str, ...]], Language] = {}


@dataclass
class Extraction:
    """One document's report, with the problems met on the way (empty when all went well)."""

    report: Report
    errors: list[str] = field(default_factory=list)


class Extractor:
    """Turns `Document`s into `report/1` reports."""

    def __init__(self, components: Sequence[str] = COMPONENTS, batch_size: int = 64):
        self.components = tuple(components)
        self.batch_size = batch_size

    @cached_property
    def languages(self) -> list[str]:
        return available_languages()

    @property
    def name(self) -> str:
        """Names the extractor and its models, stored with every report it makes."""
        models = ",".join(installed_model(load_pack(code)) for code in self.languages)
        return f"ghostwatch/{__version__} ({models})"

    def pipeline(self, language: str) -> Language:
        """The spaCy pipeline for `language`, built on first use in this process."""
        key = (language, self.components)
        if key not in _PIPELINES:
            nlp = load_model(load_pack(language))
            for component in self.components:
                nlp.add_pipe(component, config={"language": language})
            _PIPELINES[key] = nlp
        return _PIPELINES[key]

    def extract(self, document: Document) -> Extraction:
        return next(self.pipe([document]))

    def pipe(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        """Extract reports lazily, in input order, in batches of `batch_size`."""
        iterator = iter(documents)
        while batch := list(islice(iterator, self.batch_size)):
            yield from self._extract_batch(batch)

    def _language_of(self, document: Document) -> str | None:
        language = document.language or FALLBACK_LANGUAGE
        return language if language in self.languages else None

    def _extract_batch(self, batch: list[Document]) -> list[Extraction]:
        results: list[Extraction | None] = [None] * len(batch)
        groups: dict[str, list[int]] = {}
        for index, document in enumerate(batch):
            language = self._language_of(document)
            if language is None:
                results[index] = Extraction(
                    Report(document=document.block()),
                    [f"no language pack for {document.language!r}; document not extracted"],
                )
            else:
                groups.setdefault(language, []).append(index)
        for language, indexes in groups.items():
            nlp = self.pipeline(language)
            pack = load_pack(language)
            docs = []
            for index in indexes:
                doc = nlp.make_doc(batch[index].text)
                doc._.set(EXTENSION, ExtractionState.start(batch[index], pack))
                docs.append(doc)
            for index, doc in zip(indexes, nlp.pipe(docs), strict=True):
                state: ExtractionState = doc._.get(EXTENSION)
                results[index] = Extraction(finish(state.report), state.errors)
        return [result for result in results if result is not None]


def finish(report: Report) -> Report:
    """Enforce the contract's rule that a non-relevant report states no facts."""
    if report.relevant:
        return report
    return Report(document=report.document, relevant=False, relevance_score=report.relevance_score)
