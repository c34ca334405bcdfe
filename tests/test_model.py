"""The pydantic contract matches the shared schema and round-trips the worked example."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from ghostwatch.model import Report


def test_package_schema_equals_the_shared_one(report_schema: dict, shared_dir: Path) -> None:
    shared = json.loads((shared_dir / "spec/report.schema.json").read_text("utf-8"))
    assert report_schema == shared


def test_seed_gold_round_trips_and_validates(report_schema: dict, shared_dir: Path) -> None:
    gold = json.loads((shared_dir / "examples/seed/gold.json").read_text("utf-8"))
    report = Report.model_validate(gold)
    data = report.to_json_dict()
    jsonschema.validate(data, report_schema)
    assert data["counts"]["arrested"]["value"] == 14
    assert data["locations"][1]["aliases"] == ["Ile-de-France"]  # extra keys are kept
    assert Report.model_validate(data) == report


def test_every_span_is_found(shared_dir: Path) -> None:
    gold = json.loads((shared_dir / "examples/seed/gold.json").read_text("utf-8"))
    report = Report.model_validate(gold)
    text = report.document.text
    spans = report.spans()
    assert len(spans) == 22
    assert all(text[s.start : s.end] == s.text for s in spans)


def test_empty_report_is_schema_valid(report_schema: dict) -> None:
    report = Report.model_validate({"document": {"id": "x", "text": ""}})
    data = report.to_json_dict()
    jsonschema.validate(data, report_schema)
    assert data["schema"] == "report/1"
    assert data["date"] is None
    assert data["relevant"] is False
