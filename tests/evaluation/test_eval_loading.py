"""Reading reports from folders, JSON and JSONL files, with errors that name file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ghostwatch.evaluation import ReportFileError, load_reports


def _report(doc_id: str) -> dict:
    return {
        "schema": "report/1",
        "document": {"id": doc_id},
        "relevant": True,
        "incident_types": ["arrest"],
    }


def test_folder_reads_every_json_below_it_in_path_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "gold.json").write_text(json.dumps(_report("b")), "utf-8")
    (tmp_path / "b" / "article.txt").write_text("Police arrested a man on Monday.", "utf-8")
    (tmp_path / "a.json").write_text(json.dumps([_report("a1"), _report("a2")]), "utf-8")
    (tmp_path / "notes.md").write_text("not a report", "utf-8")

    reports = load_reports(tmp_path)

    assert [report.document.id for report in reports] == ["a1", "a2", "b"]


def test_seed_folder_gives_its_one_report(shared_dir: Path) -> None:
    reports = load_reports(shared_dir / "examples/seed")
    assert [report.document.id for report in reports] == ["seed"]


def test_json_file_with_one_report(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps(_report("x")), "utf-8")
    assert [report.document.id for report in load_reports(str(path))] == ["x"]


def test_jsonl_skips_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "preds.jsonl"
    path.write_text(json.dumps(_report("x")) + "\n\n" + json.dumps(_report("y")) + "\n", "utf-8")
    assert [report.document.id for report in load_reports(path)] == ["x", "y"]


def test_jsonl_bad_json_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "preds.jsonl"
    path.write_text(json.dumps(_report("x")) + "\n\n" + '{"document": \n', "utf-8")
    with pytest.raises(ReportFileError) as caught:
        load_reports(path)
    assert caught.value.line == 3
    assert str(caught.value).startswith(f"{path}:3: invalid JSON")


def test_jsonl_invalid_report_names_line_and_field(tmp_path: Path) -> None:
    bad = _report("y") | {"incident_types": ["picnic"]}
    path = tmp_path / "preds.jsonl"
    path.write_text(json.dumps(_report("x")) + "\n" + json.dumps(bad) + "\n", "utf-8")
    with pytest.raises(ReportFileError) as caught:
        load_reports(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:2: not a valid report: incident_types.0:")


def test_many_validation_problems_are_summarised(tmp_path: Path) -> None:
    bad = _report("y") | {"incident_types": ["a", "b", "c", "d", "e"]}
    path = tmp_path / "preds.jsonl"
    path.write_text(json.dumps(bad) + "\n", "utf-8")
    with pytest.raises(ReportFileError, match=r"and 2 more$"):
        load_reports(path)


def test_jsonl_line_that_is_not_an_object(tmp_path: Path) -> None:
    path = tmp_path / "preds.jsonl"
    path.write_text("[1, 2]\n", "utf-8")
    with pytest.raises(
        ReportFileError, match=r"preds\.jsonl:1: expected a report object, got list"
    ):
        load_reports(path)


def test_json_list_item_that_fails_validation_is_named(tmp_path: Path) -> None:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps([_report("x"), {"relevant": True}]), "utf-8")
    with pytest.raises(
        ReportFileError,
        match=r"gold\.json: list item 2: not a valid report: "
        r"document: Field required",
    ):
        load_reports(path)


def test_jsonl_content_in_a_json_file_gets_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "preds.json"
    path.write_text(json.dumps(_report("x")) + "\n" + json.dumps(_report("y")) + "\n", "utf-8")
    with pytest.raises(ReportFileError, match=r"preds\.json:2: invalid JSON: Extra data \(one "):
        load_reports(path)


def test_bad_json_inside_a_folder_names_that_file(tmp_path: Path) -> None:
    (tmp_path / "ok.json").write_text(json.dumps(_report("x")), "utf-8")
    (tmp_path / "broken.json").write_text('{"document": {"id": ', "utf-8")
    with pytest.raises(ReportFileError) as caught:
        load_reports(tmp_path)
    assert caught.value.path == tmp_path / "broken.json"


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(ReportFileError, match="no such file or folder"):
        load_reports(tmp_path / "nowhere.jsonl")


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(json.dumps(_report("Besançon")).encode("utf-8").replace(b"\\u00e7", b"\xe7"))
    with pytest.raises(ReportFileError, match="not UTF-8 text"):
        load_reports(path)


def test_unreadable_file() -> None:
    unreadable = Path("/proc/self/mem")  # exists, but reading it sequentially fails with EIO
    if not unreadable.exists():
        pytest.skip("needs Linux /proc")
    with pytest.raises(ReportFileError, match="cannot read"):
        load_reports(unreadable)
