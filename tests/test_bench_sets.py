"""The hand-coded evaluation sets under bench/: every gold report fits the contract and its text.

A gold file that drifted from its article (an edited text, a stale span) would silently lower
every score measured on it, so the sets are checked like code.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from ghostwatch.model import Report

BENCH = Path(__file__).resolve().parents[1] / "bench"
SETS = [BENCH / name / language for name in ("devset", "heldout") for language in ("en", "fr")]


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("folder", SETS, ids=lambda path: f"{path.parent.name}-{path.name}")
def test_gold_matches_inputs_schema_and_text(folder: Path, report_schema: dict) -> None:
    inputs = _lines(folder / "input.jsonl")
    golds = _lines(folder / "gold.jsonl")
    assert [item["id"] for item in inputs] == [gold["document"]["id"] for gold in golds]
    for item, gold in zip(inputs, golds, strict=True):
        jsonschema.validate(gold, report_schema)
        report = Report.model_validate(gold)
        text = item["text"]
        assert report.document.text == text
        assert (folder / "articles" / f"{_article_name(item['id'])}.txt").read_text("utf-8") == text
        for span in report.spans():
            assert text[span.start : span.end] == span.text, (item["id"], span)
        if not report.relevant:
            assert not report.incident_types and not report.locations and not report.seized


def _article_name(document_id: str) -> str:
    """ "dev-en-03" and "heldout-fr-11" are stored as articles/en-03.txt and fr-11.txt."""
    return "-".join(document_id.split("-")[-2:])


def test_incident_set_gold_covers_every_document_once() -> None:
    folder = BENCH / "incidents"
    ids = [item["id"] for item in _lines(folder / "input.jsonl")]
    gold = json.loads((folder / "gold.json").read_text("utf-8"))
    placed = [doc for entry in gold["incidents"].values() for doc in entry["documents"]]
    assert len(ids) == len(set(ids)) >= 30
    assert sorted(placed) == sorted(ids)
    assert len(gold["incidents"]) >= 10
    for first, second, _why in gold["lookalikes"]:
        assert first in gold["incidents"] and second in gold["incidents"] and first != second
