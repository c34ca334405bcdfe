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
from spacy.tokens import Doc

# importing the component modules registers their spaCy factories
import ghostwatch.extract.agencies
import ghostwatch.extract.counts
import ghostwatch.extract.cues
import ghostwatch.extract.dates
import ghostwatch.extract.incidents
import ghostwatch.extract.people
import ghostwatch.extract.places
import ghostwatch.extract.relevance
import ghostwatch.extract.scope
import ghostwatch.extract.seizures  # noqa: F401
from ghostwatch import __version__
from ghostwatch.extract.models import installed_model, load_model
from ghostwatch.extract.state import EXTENSION, ExtractionState
from ghostwatch.lang import LanguagePack, available_languages, load_pack
from ghostwatch.model import Document, Report

#: the components every language pipeline runs, in order
COMPONENTS: tuple[str, ...] = (
    "ghostwatch_scope",
    "ghostwatch_relevance",
    "ghostwatch_incident_types",
    "ghostwatch_dates",
    "ghostwatch_places",
    "ghostwatch_agencies",
    "ghostwatch_counts",
    "ghostwatch_people",
    "ghostwatch_seizures",
    "ghostwatch_cues",
)

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

    def pipe_parsed(self, pairs: Iterable[tuple[Document, Doc]]) -> Iterator[Extraction]:
        """Extract from documents whose spaCy models already ran (benchmarks reuse their parses).

        Each `Doc` must come from the same model on `document.text`; only our components run.
        """
        for document, doc in pairs:
            language = self._language_of(document)
            if language is None:
                yield self._unsupported(document)
                continue
            nlp = self.pipeline(language)
            with nlp.select_pipes(enable=list(self.components)):
                (result,) = self._run(nlp, language, [document], [doc])
            yield result

    def parse(self, document: Document) -> Doc:
        """Run the pipeline on one document; the `Doc` carries its `ExtractionState`.

        The state's report is as the components left it, before `finish` empties non-relevant
        reports: what tests and debugging want to see of one component's work.
        """
        language = self._language_of(document)
        if language is None:
            raise ValueError(f"no language pack for {document.language!r}")
        nlp = self.pipeline(language)
        return nlp(attach_state(nlp.make_doc(document.text), document, load_pack(language)))

    def _unsupported(self, document: Document) -> Extraction:
        return Extraction(
            Report(document=document.block()),
            [f"no language pack for {document.language!r}; document not extracted"],
        )

    def _extract_batch(self, batch: list[Document]) -> list[Extraction]:
        results: list[Extraction | None] = [None] * len(batch)
        groups: dict[str, list[int]] = {}
        for index, document in enumerate(batch):
            language = self._language_of(document)
            if language is None:
                results[index] = self._unsupported(document)
            else:
                groups.setdefault(language, []).append(index)
        for language, indexes in groups.items():
            nlp = self.pipeline(language)
            documents = [batch[index] for index in indexes]
            docs = [nlp.make_doc(document.text) for document in documents]
            for index, result in zip(
                indexes, self._run(nlp, language, documents, docs), strict=True
            ):
                results[index] = result
        return [result for result in results if result is not None]

    @staticmethod
    def _run(
        nlp: Language, language: str, documents: list[Document], docs: list[Doc]
    ) -> list[Extraction]:
        pack = load_pack(language)
        for document, doc in zip(documents, docs, strict=True):
            attach_state(doc, document, pack)
        results = []
        for doc in nlp.pipe(docs):
            state: ExtractionState = doc._.get(EXTENSION)
            results.append(Extraction(finish(state.report), state.errors))
        return results


def attach_state(doc: Doc, document: Document, pack: LanguagePack) -> Doc:
    """Give `doc` the fresh state the components fill for `document`."""
    doc._.set(EXTENSION, ExtractionState.start(document, pack))
    return doc


def finish(report: Report) -> Report:
    """Enforce the contract's rule that a non-relevant report states no facts."""
    if report.relevant:
        return report
    return Report(document=report.document, relevant=False, relevance_score=report.relevance_score)
