"""`ghostwatch incidents ...` end to end: real ingest, real models, real databases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ghostwatch.cli import app

pytestmark = pytest.mark.models

runner = CliRunner()

LINES = [
    {
        "id": "raid-en",
        "url": "https://news.example/raid-en",
        "title": "Man held after 3D-printed pistols found in Toulouse",
        "published": "2025-03-12",
        "text": (
            "Police in Toulouse arrested a 26-year-old man on Tuesday and seized three "
            "3D-printed pistols and a 3D printer at his flat in the Mirail district, the "
            "prosecutor's office said. Kevin Dumont is due to appear before a judge on Friday."
        ),
    },
    {
        "id": "raid-fr",
        "url": "https://presse.example/raid-fr",
        "title": "Toulouse : trois pistolets imprimés en 3D saisis au Mirail",
        "published": "2025-03-12",
        "text": (
            "Les policiers ont interpellé mardi à Toulouse un homme de 26 ans, Kevin D., et "
            "saisi trois pistolets imprimés en 3D ainsi qu'une imprimante 3D dans son "
            "appartement du Mirail, a indiqué le parquet."
        ),
    },
    {
        "id": "lookalike",
        "url": "https://news.example/lookalike",
        "title": "Second Toulouse arrest over printed handguns",
        "published": "2025-03-26",
        "text": (
            "Police in Toulouse arrested a 41-year-old man on Tuesday after finding two "
            "3D-printed handguns in a garage in the Rangueil district, prosecutors said."
        ),
    },
    {
        "id": "trial",
        "url": "https://news.example/trial",
        "title": "Toulouse man jailed for printing pistols",
        "published": "2025-11-20",
        "text": (
            "Kevin Dumont, 26, was sentenced to four years in prison on Wednesday by the "
            "Toulouse criminal court for making three 3D-printed pistols seized at his flat "
            "in March."
        ),
    },
]
CASE = {"raid-en", "raid-fr", "trial"}


@pytest.fixture
def ingested(tmp_path: Path, db: str) -> str:
    path = tmp_path / "wire.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in LINES), "utf-8")
    result = runner.invoke(app, ["ingest", str(path), "--db", db])
    assert result.exit_code == 0, result.output
    assert "incidents: 2 reports attached, 2 opened" in flat(result.stderr)
    return db


def flat(text: str) -> str:
    """Console output without the line breaks rich adds at the terminal's width."""
    return " ".join(text.split())


def listed(db: str) -> dict[frozenset[str], int]:
    """Incident ids by the set of their documents, from `incidents list --format json`."""
    result = runner.invoke(app, ["incidents", "list", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    return {frozenset(item["documents"]): item["id"] for item in json.loads(result.stdout)}


def test_list_prints_every_incident_with_its_documents(ingested: str) -> None:
    result = runner.invoke(app, ["incidents", "list", "--db", ingested, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {frozenset(item["documents"]) for item in data} == {
        frozenset(CASE),
        frozenset({"lookalike"}),
    }
    # latest first, by the day each incident began
    assert [item["first"] for item in data] == ["2025-03-25", "2025-03-11"]
    case = next(item for item in data if set(item["documents"]) == CASE)
    assert case["last"] == "2025-11-19"  # its trial

    table = runner.invoke(app, ["incidents", "list", "--db", ingested])
    assert table.exit_code == 0, table.output
    assert "Second Toulouse arrest" in table.stdout


def test_show_prints_the_merged_record(ingested: str) -> None:
    case = listed(ingested)[frozenset(CASE)]
    result = runner.invoke(app, ["incidents", "show", str(case), "--db", ingested])
    assert result.exit_code == 0, result.output
    assert f"incident {case}: 3 reports" in result.stdout
    assert "(follow-up)" in result.stdout
    assert "Toulouse" in result.stdout

    as_json = runner.invoke(
        app, ["incidents", "show", str(case), "--db", ingested, "--format", "json"]
    )
    assert as_json.exit_code == 0, as_json.output
    record = json.loads(as_json.stdout)
    assert record["id"] == case
    assert record["documents"] == ["raid-en", "raid-fr", "trial"]
    assert [entry["follow_up"] for entry in record["timeline"]] == [False, False, True]
    assert record["seized"]["3d_printed_firearm"]["chosen"] == 3
    members = {m["document_id"]: m for m in record["members"]}
    assert set(members) == CASE
    assert members["raid-fr"]["matched"] == "raid-en"


def test_merge_split_and_move(ingested: str) -> None:
    ids = listed(ingested)
    case, other = ids[frozenset(CASE)], ids[frozenset({"lookalike"})]

    merged = runner.invoke(app, ["incidents", "merge", str(case), str(other), "--db", ingested])
    assert merged.exit_code == 0, merged.output
    assert f"incident {other} merged into {case}" in flat(merged.stderr)
    assert listed(ingested) == {frozenset(CASE | {"lookalike"}): case}

    split = runner.invoke(
        app, ["incidents", "split", str(case), "lookalike", "trial", "--db", ingested]
    )
    assert split.exit_code == 0, split.output
    new_id = int(split.stdout.strip())
    assert listed(ingested) == {
        frozenset({"raid-en", "raid-fr"}): case,
        frozenset({"lookalike", "trial"}): new_id,
    }

    moved = runner.invoke(app, ["incidents", "move", "trial", str(case), "--db", ingested])
    assert moved.exit_code == 0, moved.output
    assert f"trial moved to incident {case}" in flat(moved.stderr)
    assert listed(ingested) == {frozenset(CASE): case, frozenset({"lookalike"}): new_id}

    rebuilt = runner.invoke(app, ["incidents", "resolve", "--rebuild", "--db", ingested])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert listed(ingested) == {frozenset(CASE): case, frozenset({"lookalike"}): new_id}


IMPOSSIBLE = [
    (["show", "9999"], "no incident with id 9999"),
    (["merge", "{case}", "9999"], "no incident with id 9999"),
    (["move", "raid-en", "9999"], "no incident with id 9999"),
    (["merge", "{case}", "{case}"], "with itself"),
    (["split", "{case}", "raid-en", "raid-fr", "trial"], "changes nothing"),
    (["move", "raid-en", "{case}"], "already in incident"),
]


def test_impossible_requests_exit_2_with_a_message(ingested: str) -> None:
    before = listed(ingested)
    case = before[frozenset(CASE)]
    for command, message in IMPOSSIBLE:
        args = [part.format(case=case) for part in command]
        result = runner.invoke(app, ["incidents", *args, "--db", ingested])
        assert result.exit_code == 2, (args, result.output)
        assert "error" in result.stderr and message in flat(result.stderr), args
        assert result.exception is None or isinstance(result.exception, SystemExit), args
    assert listed(ingested) == before
