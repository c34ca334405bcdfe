"""Network exports written to files and read back with the libraries analysts' tools rely on."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from followthemoney import model
from network_cases import BREST, RENNES

from ghostwatch.network.export import (
    scalar_graph,
    write_csv,
    write_ftm,
    write_gexf,
    write_graphml,
    write_json,
)
from ghostwatch.network.metrics import analyse

MORVAN = "person:loic morvan"


@pytest.fixture
def analysed(network: nx.MultiDiGraph) -> tuple[nx.MultiDiGraph, dict[str, Any]]:
    return network, analyse(network)


def test_scalar_graph_flattens_lists_and_evidence(network: nx.MultiDiGraph) -> None:
    flat = scalar_graph(network)
    morvan = flat.nodes[MORVAN]
    assert morvan["documents"] == "brest-1; rennes-1"
    assert json.loads(morvan["evidence"]) == network.nodes[MORVAN]["evidence"]
    assert "age" in morvan and "gender" not in morvan  # None values are dropped
    for _, attributes in [*flat.nodes(data=True), *((e[:2], e[2]) for e in flat.edges(data=True))]:
        assert all(isinstance(v, str | int | float | bool) for v in attributes.values())


def test_graphml_reads_back(analysed: tuple[nx.MultiDiGraph, dict], tmp_path: Path) -> None:
    graph, _ = analysed
    path = tmp_path / "network.graphml"
    write_graphml(graph, path)
    back = nx.read_graphml(path, force_multigraph=True)
    assert back.is_directed()
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    assert set(back.nodes) == set(graph.nodes)
    assert back.nodes[MORVAN]["kind"] == "person"
    assert back.nodes[MORVAN]["label"] == "Loic Morvan"
    assert back.nodes[MORVAN]["brokerage_liaison"] == 3
    assert back.nodes[MORVAN]["articulation_point"] is True
    assert back.nodes["place:2983990"]["lat"] == pytest.approx(48.11198)
    evidence = json.loads(back.nodes[MORVAN]["evidence"])
    assert {e["document"] for e in evidence} == {"rennes-1", "brest-1"}
    relations = {(u, v, d["relation"]) for u, v, d in back.edges(data=True)}
    assert relations == set(graph.edges(keys=True))
    sale = next(
        d
        for u, v, d in back.edges(data=True)
        if u == MORVAN and v == "person:paul riou" and d["relation"] == "sells to"
    )
    assert sale["documents"] == "rennes-1"


def test_gexf_reads_back_dynamic(analysed: tuple[nx.MultiDiGraph, dict], tmp_path: Path) -> None:
    graph, _ = analysed
    path = tmp_path / "network.gexf"
    write_gexf(graph, path)
    back = nx.read_gexf(path)
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    assert back.nodes[MORVAN]["kind"] == "person"
    assert back.nodes[MORVAN]["label"] == "Loic Morvan"
    assert sorted(d["relation"] for *_, d in back.edges(data=True)) == sorted(
        k for *_, k in graph.edges(keys=True)
    )
    root = ET.parse(path).getroot()
    (graph_element,) = [e for e in root if e.tag.endswith("graph")]
    assert graph_element.get("mode") == "dynamic"
    assert graph_element.get("timeformat") == "date"
    nodes = {e.get("id"): e for e in graph_element.iter() if e.tag.endswith("}node")}
    # people get the span of their incidents: Morvan's two cases, a Rennes buyer's one
    assert (nodes[MORVAN].get("start"), nodes[MORVAN].get("end")) == ("2025-02-03", "2025-03-07")
    assert nodes["person:paul riou"].get("start") == "2025-02-03"
    assert nodes["incident:2"].get("start") == "2025-03-07"
    for node, attributes in graph.nodes(data=True):
        if attributes["kind"] in ("person", "people", "incident"):
            assert nodes[node].get("start"), node
    edge_ids = [e.get("id") for e in graph_element.iter() if e.tag.endswith("}edge")]
    assert len(edge_ids) == len(set(edge_ids)) == graph.number_of_edges()


def test_csv_files_parse(analysed: tuple[nx.MultiDiGraph, dict], tmp_path: Path) -> None:
    graph, _ = analysed
    nodes_path, edges_path = write_csv(graph, tmp_path / "out")
    assert (nodes_path.name, edges_path.name) == ("nodes.csv", "edges.csv")
    with nodes_path.open(encoding="utf-8", newline="") as stream:
        nodes = list(csv.DictReader(stream))
    with edges_path.open(encoding="utf-8", newline="") as stream:
        edges = list(csv.DictReader(stream))
    assert len(nodes) == graph.number_of_nodes()
    assert len(edges) == graph.number_of_edges()
    by_id = {row["id"]: row for row in nodes}
    assert by_id[MORVAN]["label"] == "Loic Morvan"
    assert by_id[MORVAN]["documents"] == "brest-1; rennes-1"
    assert by_id[MORVAN]["degree"] == "9"
    assert by_id["place:3030300"]["age"] == ""  # a column of people only, empty elsewhere
    assert {(row["source"], row["target"], row["relation"]) for row in edges} == set(
        graph.edges(keys=True)
    )
    quoted = json.loads(by_id[MORVAN]["evidence"])
    texts = {"rennes-1": RENNES, "brest-1": BREST}
    assert all(texts[e["document"]][e["start"] : e["end"]] == e["text"] for e in quoted)


def test_json_has_the_analysis(analysed: tuple[nx.MultiDiGraph, dict]) -> None:
    graph, summary = analysed
    stream = io.StringIO()
    write_json(graph, summary, stream)
    data = json.loads(stream.getvalue())
    assert data["analysis"]["nodes"] == graph.number_of_nodes()
    assert data["analysis"]["brokers"][0]["node"] == MORVAN
    assert len(data["nodes"]) == graph.number_of_nodes()
    assert len(data["edges"]) == graph.number_of_edges()
    assert set(data["graph"]["documents"]) == {"rennes-1", "brest-1"}
    back = nx.node_link_graph(data, edges="edges")
    assert back.is_multigraph() and back.is_directed()
    assert back.nodes[MORVAN]["evidence"] == graph.nodes[MORVAN]["evidence"]


def ftm_lines(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    stream = io.StringIO()
    written = write_ftm(graph, stream)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert written == len(lines)
    return lines


def test_ftm_lines_are_valid_entities(analysed: tuple[nx.MultiDiGraph, dict]) -> None:
    graph, _ = analysed
    for data in ftm_lines(graph):
        proxy = model.get_proxy(data, cleaned=False)
        assert proxy.id == data["id"]
        again = model.make_entity(proxy.schema)
        for prop, values in data["properties"].items():
            for value in values:
                again.add(prop, value)  # raises on a property the schema lacks
            assert sorted(again.get(prop)) == sorted(values), (data["schema"], prop)


def references(lines: list[dict[str, Any]]) -> list[tuple[str, Any, str]]:
    """(schema of the referring entity, property, referenced id) for every entity reference."""
    found = []
    for data in lines:
        proxy = model.get_proxy(data, cleaned=False)
        for prop, value in proxy.itervalues():
            if prop.type.name == "entity":
                found.append((data["schema"], prop, value))
    return found


def test_ftm_references_resolve_to_entities_in_the_file(
    analysed: tuple[nx.MultiDiGraph, dict],
) -> None:
    graph, _ = analysed
    lines = ftm_lines(graph)
    ids = {data["id"] for data in lines}
    assert len(ids) == len(lines)  # ids are unique
    found = references(lines)
    assert found
    for schema, prop, value in found:
        assert value in ids, (schema, prop.name)


def test_ftm_references_point_at_entities_of_the_property_range(
    analysed: tuple[nx.MultiDiGraph, dict],
) -> None:
    # FtM ranges: Documentation.entity is a Thing, Membership.member a LegalEntity...; a link
    # (Membership, UnknownLink) is an Interval, not a Thing, so it cannot be a Documentation's
    # entity (Intervals carry their sources in `proof`)
    graph, _ = analysed
    lines = ftm_lines(graph)
    schemata = {data["id"]: model.get(data["schema"]) for data in lines}
    wrong = sorted(
        {
            f"{schema}.{prop.name} -> {schemata[value].name} (range {prop.range.name})"
            for schema, prop, value in references(lines)
            if not schemata[value].is_a(prop.range)
        }
    )
    assert wrong == []


def test_ftm_holds_people_events_articles_and_their_documentation(
    analysed: tuple[nx.MultiDiGraph, dict],
) -> None:
    graph, _ = analysed
    lines = ftm_lines(graph)
    by_schema: dict[str, list[dict]] = {}
    for data in lines:
        by_schema.setdefault(data["schema"], []).append(data)
    assert len(by_schema["Person"]) == 6
    assert len(by_schema["Event"]) == 2
    assert len(by_schema["Article"]) == 2
    assert len(by_schema["Address"]) == 2
    assert len(by_schema["PublicBody"]) == 3
    names = {p["properties"]["name"][0] for p in by_schema["Person"]}
    assert {"Loic Morvan", "Paul Riou", "22-year-old man (buyer)"} <= names
    memberships = by_schema["Membership"]
    assert sorted(m["properties"]["role"][0] for m in memberships).count("leader") == 1
    links = {link["properties"]["role"][0] for link in by_schema["UnknownLink"]}
    assert links == {"supplies", "sells to", "arrested by"}
    events = {e["properties"]["name"][0]: e for e in by_schema["Event"]}
    rennes = events["incident 1 (2025-02-03)"]
    assert rennes["properties"]["startDate"] == ["2025-02-03"]
    people = {p["id"]: p["properties"]["name"][0] for p in by_schema["Person"]}
    involved = {people[i] for i in rennes["properties"]["involved"] if i in people}
    assert involved == {
        "Yann Le Goff",
        "Erwan Tanguy",
        "Loic Morvan",
        "Paul Riou",
        "22-year-old man (buyer)",
    }
    articles = {a["id"]: a for a in by_schema["Article"]}
    morvan = next(p for p, name in people.items() if name == "Loic Morvan")
    documented = [d for d in by_schema["Documentation"] if d["properties"]["entity"] == [morvan]]
    titles = {
        articles[document]["properties"]["title"][0]
        for d in documented
        for document in d["properties"]["document"]
    }
    assert titles == {"Report rennes-1", "Report brest-1"}
    assert all("Loic Morvan" in d["properties"]["summary"][0] for d in documented)


def test_ftm_ids_are_stable(two_cases: list) -> None:
    from ghostwatch.network.graph import build_graph

    first, second = build_graph(two_cases), build_graph(two_cases)
    analyse(first)
    ids = [data["id"] for data in ftm_lines(first)]
    assert ids == [data["id"] for data in ftm_lines(second)]
    assert len(ids) == len(set(ids))
