"""`ghostwatch network export` end to end: news ingested into a SQLite file by `ghostwatch ingest`
(real extraction, real incident resolution), then the network written in every format and read
back."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import networkx as nx
import pytest
from followthemoney import model
from typer.testing import CliRunner

from ghostwatch.cli import app
from ghostwatch.pseudonyms import KEY_ENV
from ghostwatch.store import Store

pytestmark = pytest.mark.models

runner = CliRunner()

LINES = [
    {
        "id": "grenoble-ring",
        "url": "https://news.example/grenoble-ring",
        "title": "Marc Vidal and three others held over 3D-printed pistols in Grenoble",
        "published": "2025-04-10",
        "language": "en",
        "text": (
            "Police in Grenoble arrested four men on Tuesday over a network selling 3D-printed "
            "pistols, prosecutors said. Marc Vidal, 38, the leader of the ring, and Lucas "
            "Ferrand, 27, who printed the weapons in his garage, were held alongside Hugo "
            "Besson, 24, who sold them on Telegram. A 19-year-old man who bought two of the "
            "pistols was also arrested. Officers seized five 3D-printed pistols and two 3D "
            "printers."
        ),
    },
    {
        "id": "valence-vendeur",
        "url": "https://presse.example/valence-vendeur",
        "title": "Valence : Théo Girard, vendeur présumé de pistolets imprimés en 3D, interpellé",
        "published": "2025-05-09",
        "language": "fr",
        "text": (
            "Les gendarmes de la brigade de recherches de Valence ont interpellé jeudi Théo "
            "Girard, 31 ans, soupçonné d'avoir vendu des pistolets imprimés en 3D sur Telegram. "
            "Un homme de 19 ans qui lui en avait acheté un a également été interpellé. Trois "
            "pistolets imprimés en 3D ont été saisis, a indiqué le parquet."
        ),
    },
]
NAME_WORDS = ["Marc", "Vidal", "Lucas", "Ferrand", "Hugo", "Besson", "Théo", "Girard"]
KEY = "a team key for the network command tests"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("network-cli")
    news = folder / "news.jsonl"
    news.write_text("\n".join(json.dumps(line) for line in LINES) + "\n", "utf-8")
    path = str(folder / "ghostwatch.db")
    result = runner.invoke(app, ["ingest", str(news), "--db", path])
    assert result.exit_code == 0, result.output
    return path


def incident_ids(db: str) -> dict[str, int]:
    with Store.open(db) as store:
        return {document: s.id for s in store.incidents.list() for document in s.documents}


def network(db: str, *args: str) -> str:
    """Runs `network export` and returns its stderr summary."""
    result = runner.invoke(app, ["network", "export", "--db", db, *args])
    assert result.exit_code == 0, result.output
    return " ".join(result.stderr.split())


def leaked(text: str) -> set[str]:
    return {w for w in NAME_WORDS if re.search(rf"(?<!\w){w}(?!\w)", text, re.IGNORECASE)}


def test_two_stories_make_two_incidents(db: str) -> None:
    ids = incident_ids(db)
    assert set(ids) == {"grenoble-ring", "valence-vendeur"}
    assert ids["grenoble-ring"] != ids["valence-vendeur"]


def test_graphml_and_gexf_files(db: str, tmp_path: Path) -> None:
    graphml, gexf = tmp_path / "n.graphml", tmp_path / "n.gexf"
    summary = network(db, "--format", "graphml", "-o", str(graphml))
    assert "from 2 incidents" in summary
    assert "top brokers: Hugo Besson" in summary
    network(db, "--format", "gexf", "-o", str(gexf))
    first = nx.read_graphml(graphml, force_multigraph=True)
    second = nx.read_gexf(gexf)
    assert first.number_of_nodes() == second.number_of_nodes()
    assert first.number_of_edges() == second.number_of_edges()
    nodes, edges = re.search(r"(\d+) nodes, (\d+) edges", summary).groups()  # type: ignore[union-attr]
    assert (first.number_of_nodes(), first.number_of_edges()) == (int(nodes), int(edges))
    besson = first.nodes["person:hugo besson"]
    assert besson["label"] == "Hugo Besson"
    assert besson["brokerage_liaison"] == 1  # maker → seller → buyer
    girard = "person:theo girard"
    arrests = {v for u, v, d in first.edges(data=True) if d["relation"] == "arrested by"}
    assert {first.nodes[a]["agency_kind"] for a in arrests} == {"police", "gendarmerie"}
    assert any(u == girard and d["relation"] == "arrested by" for u, _, d in first.edges(data=True))
    assert besson["documents"] == "grenoble-ring"
    assert first.nodes["person:theo girard"]["documents"] == "valence-vendeur"
    assert {d["relation"] for *_, d in first.edges(data=True)} >= {
        "supplies",
        "sells to",
        "member of",
        "leads",
        "arrested by",
        "located in",
        "involved in",
    }


def test_graphml_on_stdout(db: str) -> None:
    result = runner.invoke(app, ["network", "export", "--db", db, "--format", "graphml"])
    assert result.exit_code == 0, result.output
    assert result.stdout.lstrip().startswith("<?xml")
    assert "person:hugo besson" in result.stdout


def test_csv_json_and_ftm(db: str, tmp_path: Path) -> None:
    network(db, "--format", "csv", "-o", str(tmp_path / "csv"))
    with (tmp_path / "csv" / "nodes.csv").open(encoding="utf-8", newline="") as stream:
        nodes = list(csv.DictReader(stream))
    with (tmp_path / "csv" / "edges.csv").open(encoding="utf-8", newline="") as stream:
        edges = list(csv.DictReader(stream))
    network(db, "--format", "json", "-o", str(tmp_path / "n.json"))
    data = json.loads((tmp_path / "n.json").read_text("utf-8"))
    assert len(nodes) == len(data["nodes"]) == data["analysis"]["nodes"]
    assert len(edges) == len(data["edges"]) == data["analysis"]["edges"]
    assert data["analysis"]["brokers"][0]["node"] == "person:hugo besson"
    network(db, "--format", "ftm", "-o", str(tmp_path / "n.ftm.json"))
    lines = [json.loads(line) for line in (tmp_path / "n.ftm.json").read_text("utf-8").splitlines()]
    schemata = {model.get_proxy(line, cleaned=False).schema.name for line in lines}
    assert {"Person", "Event", "Article", "Documentation", "Address", "PublicBody"} <= schemata
    assert sum(line["schema"] == "Event" for line in lines) == 2
    again = tmp_path / "again.ftm.json"
    network(db, "--format", "ftm", "-o", str(again))
    assert [json.loads(line)["id"] for line in again.read_text("utf-8").splitlines()] == [
        line["id"] for line in lines
    ]


def test_one_incident(db: str, tmp_path: Path) -> None:
    valence = incident_ids(db)["valence-vendeur"]
    path = tmp_path / "one.json"
    summary = network(db, "--format", "json", "--incident", str(valence), "-o", str(path))
    assert "from 1 incidents" in summary
    data = json.loads(path.read_text("utf-8"))
    incidents = [n["id"] for n in data["nodes"] if n["kind"] == "incident"]
    assert incidents == [f"incident:{valence}"]
    assert set(data["graph"]["documents"]) == {"valence-vendeur"}
    names = {n["label"] for n in data["nodes"] if n["kind"] == "person" and n["named"]}
    assert names == {"Théo Girard"}


def test_pseudonymised_exports_name_nobody(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = tmp_path / "plain.json"
    network(db, "--format", "json", "-o", str(plain))
    assert leaked(plain.read_text("utf-8")) == set(NAME_WORDS)
    monkeypatch.setenv(KEY_ENV, KEY)
    outputs = {}
    for output_format, name in [
        ("graphml", "p.graphml"),
        ("gexf", "p.gexf"),
        ("json", "p.json"),
        ("ftm", "p.ftm.json"),
        ("csv", "p-csv"),
    ]:
        path = tmp_path / name
        summary = network(db, "--format", output_format, "--pseudonymise", "-o", str(path))
        assert "names pseudonymised" in summary
        assert "Besson" not in summary
        files = sorted(path.iterdir()) if path.is_dir() else [path]
        text = "".join(f.read_text("utf-8") for f in files)
        assert leaked(text) == set(), output_format
        outputs[output_format] = text
    data = json.loads(outputs["json"])
    named = [n for n in data["nodes"] if n["kind"] == "person" and n["named"]]
    assert len(named) == 4  # still four named people, each with their own pseudonym
    assert len({n["label"] for n in named}) == 4
    again = tmp_path / "again.json"
    network(db, "--format", "json", "--pseudonymise", "-o", str(again))
    assert again.read_text("utf-8") == outputs["json"]


def test_csv_needs_a_folder(db: str) -> None:
    result = runner.invoke(app, ["network", "export", "--db", db, "--format", "csv"])
    assert result.exit_code == 2
    assert "--output" in " ".join(result.stderr.split())


def test_unknown_incident_exits_2(db: str, tmp_path: Path) -> None:
    path = tmp_path / "none.json"
    result = runner.invoke(
        app, ["network", "export", "--db", db, "--format", "json", "--incident", "999999"]
    )
    assert result.exit_code == 2
    assert "999999" in result.stderr
    assert not path.exists()
