"""The command line end to end: real readers, real models, real databases."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from ghostwatch import cli
from ghostwatch.cli import app
from ghostwatch.geo import GazetteerFileError, SqliteGazetteer
from ghostwatch.geo.cache import DATA_DIR_ENV, gazetteer_path
from ghostwatch.store import Store

pytestmark = pytest.mark.models

runner = CliRunner()

GOOD_LINE = {
    "id": "wire-001",
    "url": "https://wire.example.com/001",
    "title": "Two arrested after 3D printer and pistols seized in Leeds",
    "published": "2024-05-02",
    "text": (
        "Police arrested two men on Tuesday after officers raided a flat in Leeds and seized a "
        "3D printer and three handguns, West Yorkshire Police said."
    ),
}
SECOND_LINE = {
    "id": "wire-002",
    "url": "https://wire.example.com/002",
    "title": "Trois hommes interpellés à Toulon",
    "published": "2024-05-03",
    "text": (
        "Les gendarmes ont interpellé trois hommes mardi à Toulon et saisi deux pistolets "
        "imprimés en 3D, a indiqué le parquet."
    ),
}


def write_inputs(folder: Path) -> Path:
    """A folder with good documents and bad ones: a malformed JSONL line and a binary file."""
    folder.mkdir()
    lines = [json.dumps(GOOD_LINE), "{not json", json.dumps(SECOND_LINE)]
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    (folder / "scan.txt").write_bytes(b"\x00\x01\x02binary\x00" * 20)
    (folder / "release.txt").write_text(
        "The gendarmerie seized four rifles and arrested a 41-year-old man in Nice.", "utf-8"
    )
    return folder


def test_ingest_keeps_good_documents_and_names_bad_ones(tmp_path: Path, db: str) -> None:
    inputs = write_inputs(tmp_path / "in")
    result = runner.invoke(app, ["ingest", str(inputs), "--db", db])
    assert result.exit_code == 1
    assert f"{inputs / 'wire.jsonl'}:2" in result.stderr
    assert "scan.txt" in result.stderr
    assert "3 documents (3 new)" in result.stderr
    with Store.open(db) as store:
        assert store.count_documents() == 3
        report = store.get_report("wire-002")
        assert report is not None and report.relevant and report.document.language == "fr"

    again = runner.invoke(app, ["ingest", str(inputs), "--db", db])
    assert "3 documents (3 unchanged)" in again.stderr
    with Store.open(db) as store:
        assert store.count_documents() == 3
        assert store.count_reports() == 3


def test_changed_document_is_replaced(tmp_path: Path, db: str) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text(json.dumps(GOOD_LINE) + "\n", "utf-8")
    assert runner.invoke(app, ["ingest", str(path), "--db", db]).exit_code == 0
    changed = dict(GOOD_LINE, text=GOOD_LINE["text"] + " A third man was arrested on Friday.")
    path.write_text(json.dumps(changed) + "\n", "utf-8")
    result = runner.invoke(app, ["ingest", str(path), "--db", db])
    assert "1 documents (1 updated)" in result.stderr
    with Store.open(db) as store:
        assert store.count_documents() == 1
        report = store.get_report("wire-001")
        assert report is not None and "third man" in report.document.text


def test_extract_seed_is_schema_valid_and_evaluates(
    tmp_path: Path, shared_dir: Path, report_schema: dict
) -> None:
    seed = shared_dir / "examples/seed"
    out = tmp_path / "seed.jsonl"
    result = runner.invoke(
        app, ["extract", str(seed / "article.txt"), "--published", "2024-02-12", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    (line,) = out.read_text("utf-8").splitlines()
    report = json.loads(line)
    jsonschema.validate(report, report_schema)
    assert report["document"]["id"].startswith("sha256:")
    assert report["document"]["published"] == "2024-02-12"
    assert "Also read" not in report["document"]["text"]
    assert report["relevant"] is True

    scored = runner.invoke(app, ["eval", str(seed), str(out), "--json"])
    assert scored.exit_code == 0, scored.output
    scores = json.loads(scored.stdout)
    assert scores["pairing"]["by_text"] == 1
    assert scores["evidence"]["validity"] == 1.0
    assert scores["fields"]["relevant"]["f1"] == 1.0


def test_extract_reads_stdin_and_keeps_input_order(report_schema: dict) -> None:
    stdin = json.dumps(SECOND_LINE) + "\n" + json.dumps(GOOD_LINE) + "\n"
    result = runner.invoke(app, ["extract", "-", "--format", "json"], input=stdin)
    assert result.exit_code == 0, result.output
    reports = json.loads(result.stdout)
    assert [r["document"]["id"] for r in reports] == ["wire-002", "wire-001"]
    for report in reports:
        jsonschema.validate(report, report_schema)


def test_extract_reports_bad_lines_after_the_good_ones(tmp_path: Path) -> None:
    inputs = write_inputs(tmp_path / "in")
    result = runner.invoke(app, ["extract", str(inputs / "wire.jsonl")])
    assert result.exit_code == 1
    ids = [json.loads(line)["document"]["id"] for line in result.stdout.splitlines()]
    assert ids == ["wire-001", "wire-002"]
    assert "wire.jsonl:2" in result.stderr


def test_eval_names_a_broken_gold_file(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"schema": "report/1", "document": {"id": "a", "text": ""}}\n{oops\n', "utf-8")
    result = runner.invoke(app, ["eval", str(gold), str(gold)])
    assert result.exit_code == 2
    assert "gold.jsonl:2" in result.stderr


def test_search_finds_ingested_french_text(tmp_path: Path, db: str) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text(json.dumps(SECOND_LINE) + "\n", "utf-8")
    runner.invoke(app, ["ingest", str(path), "--db", db])
    result = runner.invoke(app, ["search", "pistolets imprimes", "--db", db])
    assert result.exit_code == 0
    assert "wire-002" in result.stdout


def test_demo_prints_one_row_per_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["demo", "--db", str(tmp_path / "demo.db")], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "0 problems" in result.stderr
    for doc_id in ("demo-en-01", "demo-fr-05", "seed"):
        assert doc_id in result.stdout
    with Store.open(str(tmp_path / "demo.db")) as store:
        reports = {r.document.id: r for r in store.iter_reports()}
    assert len(reports) >= 11
    assert reports["demo-fr-05"].relevant is False
    assert reports["demo-en-05"].relevant is False
    assert reports["seed"].relevant is True
    with Store.open(str(tmp_path / "demo.db")) as store:
        incidents = store.incidents.list()
    relevant = sum(r.relevant for r in reports.values())
    assert 0 < len(incidents) <= relevant
    assert f"{len(incidents)} incidents from {relevant} relevant reports" in result.stdout


def test_gazetteer_build_compiles_the_file_even_over_a_broken_one(tmp_path: Path) -> None:
    broken = gazetteer_path(tmp_path)
    broken.write_bytes(b"half a file")
    with pytest.raises(GazetteerFileError, match="ghostwatch gazetteer build"):
        SqliteGazetteer(broken)

    result = runner.invoke(app, ["gazetteer", "build"], env={DATA_DIR_ENV: str(tmp_path)})
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(broken)
    assert "places" in result.stderr
    allemagne = SqliteGazetteer(broken).lookup("Allemagne")[0]
    assert (allemagne.kind, allemagne.country) == ("country", "DE")
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith(".")] == [broken.name]


def test_geocode_shows_the_namesakes_set_aside(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli.out, "width", 200)  # one table row a line, as on a wide terminal
    text = "Police in Paris, Texas, arrested a man with two 3D-printed pistols on Friday."
    result = runner.invoke(app, ["geocode", text])
    assert result.exit_code == 0, result.output
    (row,) = [line for line in result.stdout.splitlines() if "4717560" in line]
    assert "Texas" in row and "US" in row and "incident" in row
    assert "Paris FR (Île-de-France)" in row
    assert "not judged" not in result.stderr

    lines = runner.invoke(app, ["geocode", text, "--json"]).stdout.splitlines()
    (place,) = [json.loads(line) for line in lines]
    assert place["location"]["geonames_id"] == 4717560
    assert place["location"]["evidence"][0]["text"] == "Paris"
    chosen = [c for c in place["candidates"] if c["chosen"]]
    assert [(c["country"], c["admin1"]) for c in chosen] == [("US", "Texas")]
    assert ("FR", "Île-de-France") in {(c["country"], c["admin1"]) for c in place["candidates"]}


def test_geocode_reads_a_french_file_with_a_department_hint(tmp_path: Path) -> None:
    path = tmp_path / "depeche.txt"
    path.write_text(
        "Les gendarmes ont interpellé mardi un homme de 34 ans à Marseille (Bouches-du-Rhône) "
        "et saisi deux pistolets imprimés en 3D, a indiqué le parquet.",
        "utf-8",
    )
    result = runner.invoke(app, ["geocode", str(path), "--published", "2024-05-03", "--json"])
    assert result.exit_code == 0, result.output
    places = [json.loads(line)["location"] for line in result.stdout.splitlines()]
    marseille = next(p for p in places if p["name"] == "Marseille")
    assert (marseille["country"], marseille["kind"]) == ("FR", "city")
    assert marseille["admin1"] == "Provence-Alpes-Côte d'Azur"


def test_geocode_shows_places_of_a_text_that_is_not_a_case() -> None:
    text = "Paris, Texas, held its annual rodeo on Saturday in the town square."
    result = runner.invoke(app, ["geocode", "-", "--language", "en"], input=text)
    assert result.exit_code == 0, result.output
    assert "not judged a firearms case" in result.stderr
    assert "4717560" in result.stdout


def test_geocode_names_bad_input(tmp_path: Path) -> None:
    for blank in ("", "   "):
        empty = runner.invoke(app, ["geocode", blank])
        assert empty.exit_code == 1
        assert "empty text" in empty.stderr
    scan = tmp_path / "scan.txt"
    scan.write_bytes(b"\x00\x01\x02binary\x00" * 20)
    binary = runner.invoke(app, ["geocode", str(scan)])
    assert binary.exit_code == 1
    assert str(scan) in binary.stderr and "binary file" in binary.stderr
