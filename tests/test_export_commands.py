"""`ghostwatch export incidents` end to end: real extraction, real databases, files read back.

The commands are invoked through `export_app` itself (the main app adds it as `export`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import stat
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ghostwatch.export_commands import export_app
from ghostwatch.extract import Extractor
from ghostwatch.incidents import IncidentRecord
from ghostwatch.model import Document, Report
from ghostwatch.pseudonyms import KEY_ENV, KEY_FILE, Pseudonymiser
from ghostwatch.store import Store

pytestmark = pytest.mark.models

runner = CliRunner()

DOCUMENTS = [
    Document(
        id="lyon-en",
        source="https://news.example/lyon-raid",
        title="Two held in Lyon over 3D-printed pistols",
        published=dt.date(2025, 6, 3),
        language="en",
        text=(
            text := "Police in Lyon arrested two men on Monday and seized four 3D-printed "
            "pistols and two 3D printers at a flat in the Croix-Rousse district, prosecutors "
            "said. Julien Marchetti, 34, and Bastien Roux, 29, are suspected of selling the "
            "weapons on an encrypted messaging app."
        ),
        raw_text=text,
    ),
    Document(
        id="lyon-fr",
        source="https://presse.example/lyon-croix-rousse",
        title="Lyon : deux hommes interpellés, quatre pistolets imprimés en 3D saisis",
        published=dt.date(2025, 6, 3),
        language="fr",
        text=(
            text := "Les policiers ont interpellé lundi à Lyon deux hommes, Julien Marchetti, "
            "34 ans, et Bastien Roux, 29 ans, et saisi quatre pistolets imprimés en 3D ainsi "
            "que deux imprimantes 3D dans un appartement de la Croix-Rousse, a indiqué le "
            "parquet."
        ),
        raw_text=text,
    ),
    Document(
        id="leeds-en",
        source="https://news.example/leeds/connor-ashby-charged",
        title="Connor Ashby held after Leeds shooting",
        published=dt.date(2025, 9, 18),
        language="en",
        text=(
            text := "A man was injured in a shooting in Leeds on Wednesday night. West "
            "Yorkshire Police arrested Connor Ashby, 23, and seized a 3D-printed handgun at his "
            "home. The victim, Marcus Hale, 30, was taken to hospital."
        ),
        raw_text=text,
    ),
]
NAME_WORDS = ["Julien", "Marchetti", "Bastien", "Roux", "Connor", "Ashby", "Marcus", "Hale"]
KEY = "a team key for the export command tests"


@pytest.fixture(scope="module")
def reports() -> list[Report]:
    extractor = Extractor()
    extracted = [extractor.extract(document) for document in DOCUMENTS]
    assert all(e.errors == [] and e.report.relevant for e in extracted)
    return [e.report for e in extracted]


@pytest.fixture
def stored(db: str, reports: list[Report]) -> str:
    """The database with the documents, their reports and their incidents."""
    with Store.open(db) as store:
        store.ingest_many(DOCUMENTS)
        for report in reports:
            store.save_report(report, "test")
        store.incidents.resolve_pending()
    return db


def incidents_of(db: str) -> dict[frozenset[str], int]:
    with Store.open(db) as store:
        return {frozenset(s.documents): s.id for s in store.incidents.list()}


def flat(text: str) -> str:
    return " ".join(text.split())


def leaked(text: str) -> set[str]:
    return {w for w in NAME_WORDS if re.search(rf"(?<!\w){w}(?!\w)", text, re.IGNORECASE)}


def export(db: str, *args: str) -> Any:
    result = runner.invoke(export_app, ["incidents", "--db", db, *args])
    assert result.exit_code == 0, result.output
    return result


def test_csv_on_stdout_has_a_row_per_incident(stored: str) -> None:
    incidents = incidents_of(stored)
    assert frozenset({"lyon-en", "lyon-fr"}) in incidents  # one case told in two languages
    result = export(stored, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {frozenset(row["documents"].split("; ")): int(row["id"]) for row in rows} == incidents
    lyon = next(row for row in rows if row["documents"] == "lyon-en; lyon-fr")
    assert (lyon["place_name"], lyon["seized_3d_printed_firearm"]) == ("Lyon", "4")
    assert "Bastien Roux" in lyon["suspects"]
    assert f"{len(incidents)} incidents written to stdout as csv" in flat(result.stderr)


def test_geojson_to_a_file_is_rfc7946(stored: str, tmp_path: Path) -> None:
    path = tmp_path / "incidents.geojson"
    result = export(stored, "--format", "geojson", "-o", str(path))
    assert result.stdout == ""
    assert str(path) in flat(result.stderr)
    data = json.loads(path.read_text("utf-8"), parse_constant=pytest.fail)
    # RFC 7946: a FeatureCollection of Features, WGS 84 positions longitude first, no crs
    assert data["type"] == "FeatureCollection" and "crs" not in data
    assert len(data["features"]) == len(incidents_of(stored))
    for feature in data["features"]:
        assert feature["type"] == "Feature" and "crs" not in feature
        assert isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        assert geometry["type"] == "Point" and "crs" not in geometry
        lon, lat = geometry["coordinates"]
        assert all(isinstance(n, float) for n in (lon, lat))
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert (lat, lon) == (
            feature["properties"]["place_lat"],
            feature["properties"]["place_lon"],
        )
    leeds = next(f for f in data["features"] if f["properties"]["place_name"] == "Leeds")
    assert leeds["geometry"]["coordinates"][0] < 0  # west of Greenwich: longitude comes first
    assert not list(tmp_path.glob(".*partial"))


def test_jsonl_lines_are_the_stored_records(stored: str) -> None:
    result = export(stored, "--format", "jsonl")
    records = [IncidentRecord.model_validate_json(line) for line in result.stdout.splitlines()]
    with Store.open(stored) as store:
        expected = {
            s.id: store.incidents.record(s.id).model_dump(mode="json")
            for s in store.incidents.list()
        }
    assert {r.id: r.model_dump(mode="json") for r in records} == expected


def test_pseudonymised_exports_name_nobody(
    stored: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert leaked(export(stored, "--format", "jsonl").stdout) == set(NAME_WORDS)
    monkeypatch.setenv(KEY_ENV, KEY)
    pseudonym = Pseudonymiser(KEY.encode()).name("Bastien Roux")
    outputs = {}
    for output_format in ("csv", "jsonl", "geojson"):
        result = export(stored, "--format", output_format, "--pseudonymise")
        assert "names pseudonymised" in flat(result.stderr)
        assert leaked(result.stdout) == set(), output_format
        assert pseudonym in result.stdout
        outputs[output_format] = result.stdout
    # a second export with the same key gives the same pseudonyms
    again = export(stored, "--format", "jsonl", "--pseudonymise").stdout
    assert again == outputs["jsonl"]
    # without the variable, the key is made once in the data directory
    monkeypatch.delenv(KEY_ENV)
    monkeypatch.setenv("GHOSTWATCH_DATA_DIR", str(tmp_path / "data"))
    first = export(stored, "--format", "csv", "--pseudonymise").stdout
    key_file = tmp_path / "data" / KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert leaked(first) == set() and first != outputs["csv"]
    assert export(stored, "--format", "csv", "--pseudonymise").stdout == first


def test_an_empty_store_exports_no_rows(db: str) -> None:
    result = export(db, "--format", "csv")
    assert list(csv.DictReader(io.StringIO(result.stdout))) == []
    assert result.stdout.startswith("id,reports,documents,")
    assert "0 incidents written" in flat(result.stderr)
    assert "no incidents stored" in flat(result.stderr)
    geojson = export(db, "--format", "geojson")
    assert json.loads(geojson.stdout) == {"type": "FeatureCollection", "features": []}


def test_the_format_is_required(db: str) -> None:
    result = runner.invoke(export_app, ["incidents", "--db", db])
    assert result.exit_code == 2
    assert "--format" in result.output
