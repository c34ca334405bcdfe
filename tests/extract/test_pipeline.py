"""The extractor runs real spaCy models with the real language packs."""

from __future__ import annotations

import json

import jsonschema
import pytest
from spacy.language import Language

from ghostwatch.extract import COMPONENTS, Extractor
from ghostwatch.extract.component import ExtractionComponent
from ghostwatch.lang import load_pack
from ghostwatch.model import Document

pytestmark = pytest.mark.models

RAID_EN = (
    "Police arrested two men on Tuesday after officers raided a flat in Leeds and seized "
    "a 3D printer and three handguns, West Yorkshire Police said."
)
RAID_FR = (
    "Les gendarmes ont interpellé trois hommes mardi à Toulon et saisi deux pistolets "
    "imprimés en 3D, a indiqué le parquet."
)
POOL_FR = "Le conseil municipal a voté le budget de la nouvelle piscine intercommunale."


def document(doc_id: str, text: str, language: str | None) -> Document:
    return Document(id=doc_id, text=text, raw_text=text, language=language)


def test_reports_keep_input_order_across_languages(extractor: Extractor) -> None:
    docs = [
        document("a", RAID_EN, "en"),
        document("b", POOL_FR, "fr"),
        document("c", RAID_FR, "fr"),
        document("d", RAID_EN, "en"),
    ]
    reports = [extraction.report for extraction in extractor.pipe(docs)]
    assert [r.document.id for r in reports] == ["a", "b", "c", "d"]
    assert [r.relevant for r in reports] == [True, False, True, True]


def test_reports_are_schema_valid(extractor: Extractor, report_schema: dict) -> None:
    for extraction in extractor.pipe([document("a", RAID_EN, "en"), document("b", POOL_FR, "fr")]):
        data = extraction.report.to_json_dict()
        jsonschema.validate(data, report_schema)
        assert json.loads(json.dumps(data)) == data


def test_language_without_pack_is_not_extracted(extractor: Extractor) -> None:
    extraction = extractor.extract(document("de", "Die Polizei nahm zwei Männer fest.", "de"))
    assert extraction.report.relevant is False
    assert extraction.report.relevance_score is None
    assert "no language pack for 'de'" in extraction.errors[0]


def test_unidentified_language_falls_back_to_english(extractor: Extractor) -> None:
    assert extractor.extract(document("x", RAID_EN, None)).report.relevant is True


def test_batches_smaller_than_input() -> None:
    small = Extractor(batch_size=2)
    ids = [f"d{i}" for i in range(5)]
    reports = [e.report for e in small.pipe(document(i, RAID_FR, "fr") for i in ids)]
    assert [r.document.id for r in reports] == ids


class FailsOnKeyword(ExtractionComponent):
    """A component that raises on one document, to check the batch survives it."""

    def fill(self, doc, state) -> None:
        if "explode" in doc.text:
            raise RuntimeError("boom")
        state.report.countries.append("XX")


@Language.factory("test_fails_on_keyword", default_config={"language": "en"})
def make_fails_on_keyword(nlp: Language, name: str, language: str) -> FailsOnKeyword:
    return FailsOnKeyword(nlp, name, load_pack(language))


def test_a_failing_component_costs_only_its_own_document() -> None:
    extractor = Extractor(components=(*COMPONENTS, "test_fails_on_keyword"))
    docs = [
        document("before", RAID_EN, "en"),
        document("bad", RAID_EN + " explode", "en"),
        document("after", RAID_EN, "en"),
    ]
    extractions = list(extractor.pipe(docs))
    assert [e.report.document.id for e in extractions] == ["before", "bad", "after"]
    assert extractions[1].errors == ["test_fails_on_keyword: RuntimeError: boom"]
    assert extractions[0].errors == extractions[2].errors == []
    assert "XX" in extractions[0].report.countries
    assert extractions[1].report.relevant is True
