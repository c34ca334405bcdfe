"""scripts/render_network.py draws a GraphML export into a PNG (the picture in docs/network.md)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import networkx as nx
from PIL import Image

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "render_network.py"


def test_a_graphml_export_becomes_a_picture(tmp_path: Path) -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("incident:1", kind="incident", label="incident 1 (2025-03-11)")
    graph.add_node("people:1:seller", kind="people", label="sellers", brokerage_liaison=1)
    graph.add_node("place:1", kind="place", label="Île-de-France")
    graph.add_edge("people:1:seller", "incident:1", key="involved in")
    graph.add_edge("incident:1", "place:1", key="located in")
    source, picture = tmp_path / "net.graphml", tmp_path / "out" / "net.png"
    nx.write_graphml(graph, source)

    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(source), str(picture), "--width", "600"],
        capture_output=True,
        text=True,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    with Image.open(picture) as image:
        assert image.size == (600, 432)
        # something was drawn: not a blank white page
        assert len(image.getcolors(maxcolors=100_000) or []) > 10
