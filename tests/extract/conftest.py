"""Fixtures shared by the extraction tests: the extractor (or bare models) a module asks for and
the ways a test reads one text through it.

Every helper builds the document the same way (the text is both cleaned and raw, so evidence
offsets point into the text the test wrote) and fails on any error a component reported, so a
broken component cannot pass for an empty field. Building extractors per module costs nothing:
pipelines are cached per (language, components) in ghostwatch.extract.pipeline.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import NamedTuple

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from ghostwatch.extract import Extractor
from ghostwatch.extract.state import state_of
from ghostwatch.model import Document, Report


@pytest.fixture(scope="module")
def extractor(request: pytest.FixtureRequest) -> Extractor:
    """The extractor of the requesting module: only the components it names in `COMPONENTS`
    (a component's tests then see its own work, not its neighbours'), else the whole pipeline."""
    components = getattr(request.module, "COMPONENTS", None)
    return Extractor() if components is None else Extractor(components=components)


@pytest.fixture(scope="module")
def models() -> dict[str, Language]:
    """The bare spaCy models of English and French, for tests of the helpers that read a parse
    directly rather than through a component."""
    extractor = Extractor(components=())
    return {code: extractor.pipeline(code) for code in ("en", "fr")}


def document(
    text: str,
    language: str = "en",
    *,
    published: dt.date | None = None,
    title: str | None = None,
    source: str | None = None,
) -> Document:
    """A test document: `text` is both its cleaned and its raw text. The fixtures below pass
    their keywords on here, so `published`, `title` and `source` (its address) are the only
    ones they take."""
    return Document(
        id="t",
        text=text,
        raw_text=text,
        language=language,
        published=published,
        title=title,
        source=source,
    )


class Parsed(NamedTuple):
    """A parsed text: the report as the components filled it, and the Doc their evidence is
    recorded on (`report, doc = parsed(text)`)."""

    report: Report
    doc: Doc


@pytest.fixture(scope="module")
def parsed(extractor: Extractor) -> Callable[..., Parsed]:
    """`parsed(text, language="en", *, published=None, title=None)`: the components' report
    before relevance empties it, with its Doc. A component's tests want its work on any text,
    whether or not the whole text reads as a firearms case."""

    def parse(text: str, language: str = "en", **metadata: dt.date | str | None) -> Parsed:
        doc = extractor.parse(document(text, language, **metadata))
        state = state_of(doc)
        assert state.errors == []
        return Parsed(state.report, doc)

    return parse


@pytest.fixture(scope="module")
def parsed_report(parsed: Callable[..., Parsed]) -> Callable[..., Report]:
    """`parsed_report(text, language="en", *, published=None, title=None)`: the report of
    `parsed` alone, for the tests that read no recorded evidence off the Doc."""

    def report(text: str, language: str = "en", **metadata: dt.date | str | None) -> Report:
        return parsed(text, language, **metadata).report

    return report


@pytest.fixture(scope="module")
def final_report(extractor: Extractor) -> Callable[..., Report]:
    """`final_report(text, language="en", *, published=None, title=None)`: the report as
    `Extractor.extract` hands it out, relevance applied: what users of the extractor get."""

    def report(text: str, language: str = "en", **metadata: dt.date | str | None) -> Report:
        extraction = extractor.extract(document(text, language, **metadata))
        assert extraction.errors == []
        return extraction.report

    return report


@pytest.fixture(scope="module")
def case_report(final_report: Callable[..., Report]) -> Callable[..., Report]:
    """`case_report(text, language="en", *, published=None, title=None)`: the `final_report` of
    a text that must read as a firearms case. A fact field is empty in a report found not
    relevant, so without this check such a text would pass every test expecting no fact."""

    def report(text: str, language: str = "en", **metadata: dt.date | str | None) -> Report:
        result = final_report(text, language, **metadata)
        assert result.relevant, "the test text must read as a firearms case"
        return result

    return report
