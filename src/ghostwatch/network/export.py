"""Write the network for the tools analysts already use.

- GraphML (Cytoscape, Gephi, yEd) and GEXF (Gephi; incidents, groups and people carry the time
  interval of their incidents, so Gephi's timeline can replay the network);
- CSV: `nodes.csv` and `edges.csv`, for spreadsheets and any graph tool;
- JSON: networkx node-link data with the analysis summary;
- FollowTheMoney entities as JSON lines, which Aleph loads (needs the `ftm` extra).

GraphML and GEXF hold only scalar attributes: lists are joined with "; " and evidence (a list of
spans) is written as JSON text.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import networkx as nx

EXPORT_FORMATS = ("graphml", "gexf", "csv", "json", "ftm")


def scalar_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes GraphML and GEXF can store (no lists, dicts or None)."""
    flat = nx.MultiDiGraph()
    for node, attributes in graph.nodes(data=True):
        flat.add_node(node, **_scalars(attributes))
    for source, target, key, attributes in graph.edges(keys=True, data=True):
        flat.add_edge(source, target, key=key, **_scalars(attributes))
    return flat


def _scalars(attributes: dict[str, Any]) -> dict[str, str | int | float | bool]:
    flat: dict[str, str | int | float | bool] = {}
    for name, value in attributes.items():
        if value is None:
            continue
        if name == "evidence":
            flat[name] = json.dumps(value, ensure_ascii=False)
        elif isinstance(value, list | tuple | set):
            flat[name] = "; ".join(str(item) for item in value)
        elif isinstance(value, str | int | float | bool):
            flat[name] = value
        else:
            flat[name] = str(value)
    return flat


def write_graphml(graph: nx.MultiDiGraph, path: Path) -> None:
    nx.write_graphml(scalar_graph(graph), path)


def write_gexf(graph: nx.MultiDiGraph, path: Path) -> None:
    """GEXF 1.2 with time intervals: a node's `start`/`end` are ISO dates (people get those of
    their incidents), which makes the file dynamic for Gephi."""
    flat = scalar_graph(graph)
    for node, attributes in flat.nodes(data=True):
        if attributes.get("kind") in ("person", "people"):
            days = [
                (flat.nodes[target].get("start"), flat.nodes[target].get("end"))
                for _, target, relation in flat.out_edges(node, keys=True)
                if relation == "involved in"
            ]
            starts = [start for start, _ in days if start]
            ends = [end for _, end in days if end]
            if starts:
                attributes["start"] = min(starts)
            if ends:
                attributes["end"] = max(ends)
    # GEXF edge ids must be unique in the file; a relation name is unique only per node pair
    relabelled = nx.MultiDiGraph()
    relabelled.add_nodes_from(flat.nodes(data=True))
    for index, (source, target, _key, attributes) in enumerate(flat.edges(keys=True, data=True)):
        relabelled.add_edge(source, target, key=index, id=str(index), **attributes)
    nx.write_gexf(relabelled, path, version="1.2draft")


def write_csv(graph: nx.MultiDiGraph, folder: Path) -> tuple[Path, Path]:
    """`nodes.csv` (id and attributes) and `edges.csv` (source, target, relation, attributes)."""
    folder.mkdir(parents=True, exist_ok=True)
    flat = scalar_graph(graph)
    nodes_path, edges_path = folder / "nodes.csv", folder / "edges.csv"
    node_columns = _columns(attributes for _, attributes in flat.nodes(data=True))
    with nodes_path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, ["id", *node_columns])
        writer.writeheader()
        for node, attributes in flat.nodes(data=True):
            writer.writerow({"id": node, **attributes})
    edge_columns = _columns(attributes for *_, attributes in flat.edges(data=True))
    edge_columns = [c for c in edge_columns if c != "relation"]
    with edges_path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, ["source", "target", "relation", *edge_columns])
        writer.writeheader()
        for source, target, key, attributes in flat.edges(keys=True, data=True):
            writer.writerow({"source": source, "target": target, "relation": key, **attributes})
    return nodes_path, edges_path


def _columns(rows: Any) -> list[str]:
    seen: dict[str, None] = {}
    for attributes in rows:
        seen.update(dict.fromkeys(attributes))
    return list(seen)


def write_json(graph: nx.MultiDiGraph, summary: dict[str, Any], stream: IO[str]) -> None:
    data = nx.node_link_data(graph, edges="edges")
    data["analysis"] = summary
    json.dump(data, stream, ensure_ascii=False, indent=1, default=str)
    stream.write("\n")


def write_ftm(graph: nx.MultiDiGraph, stream: IO[str]) -> int:
    """FollowTheMoney entities, one JSON object per line; returns how many were written."""
    from ghostwatch.network.ftm import ftm_entities  # the optional extra loads only here

    written = 0
    for entity in ftm_entities(graph):
        stream.write(json.dumps(entity, ensure_ascii=False, sort_keys=True) + "\n")
        written += 1
    return written


#: writers that take a file path (the others write to a stream)
PATH_WRITERS: dict[str, Callable[[nx.MultiDiGraph, Path], Any]] = {
    "graphml": write_graphml,
    "gexf": write_gexf,
    "csv": write_csv,
}
