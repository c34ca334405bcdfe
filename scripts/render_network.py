"""Draw a network exported as GraphML into a PNG, for documentation and quick looks.

    python scripts/render_network.py network.graphml picture.png [--width 1400]

Analysts open the GraphML in Gephi or Cytoscape; this picture only shows what the export holds
(node kinds by colour, relations on the arrows, brokers ringed) without either tool. It reads the
export back, so the picture is proof the file carries the network. Needs Pillow (a dev
dependency).
"""

from __future__ import annotations

import math
from pathlib import Path

import networkx as nx
import typer
from PIL import Image, ImageDraw, ImageFont

COLOURS = {
    "incident": (214, 39, 40),
    "person": (31, 119, 180),
    "people": (114, 158, 206),
    "group": (148, 103, 189),
    "agency": (44, 160, 44),
    "place": (255, 127, 14),
}
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
BROKERAGE = ("coordinator", "itinerant", "gatekeeper", "representative", "liaison")

app = typer.Typer(add_completion=False)


@app.command()
def main(graphml: Path, picture: Path, width: int = 1400, seed: int = 3) -> None:
    graph = nx.read_graphml(graphml, force_multigraph=True)
    height = int(width * 0.72)
    layout = nx.spring_layout(nx.Graph(graph.to_undirected()), seed=seed, k=1.6, iterations=200)
    xs = [x for x, _ in layout.values()]
    ys = [y for _, y in layout.values()]
    margin = 150

    def at(node: str) -> tuple[float, float]:
        x, y = layout[node]
        span_x = (max(xs) - min(xs)) or 1
        span_y = (max(ys) - min(ys)) or 1
        return (  # labels run right of their node: leave room there
            margin / 2 + (x - min(xs)) / span_x * (width - 2.5 * margin),
            margin + (y - min(ys)) / span_y * (height - 2 * margin),
        )

    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    font, small = _font(15), _font(12)
    radius = 13
    for source, target, key in graph.edges(keys=True):
        (x1, y1), (x2, y2) = at(source), at(target)
        angle = math.atan2(y2 - y1, x2 - x1)
        end = (x2 - radius * math.cos(angle), y2 - radius * math.sin(angle))
        draw.line([(x1, y1), end], fill=(150, 150, 150), width=2)
        for side in (-0.4, 0.4):
            draw.line(
                [end, (end[0] - 12 * math.cos(angle + side), end[1] - 12 * math.sin(angle + side))],
                fill=(110, 110, 110),
                width=2,
            )
        draw.text(((x1 + x2) / 2, (y1 + y2) / 2), key, fill=(90, 90, 90), font=small)
    for node, attributes in graph.nodes(data=True):
        x, y = at(node)
        colour = COLOURS.get(attributes.get("kind", ""), (127, 127, 127))
        brokered = sum(int(attributes.get(f"brokerage_{role}", 0)) for role in BROKERAGE)
        if brokered:
            draw.ellipse(
                [x - radius - 6, y - radius - 6, x + radius + 6, y + radius + 6],
                outline=(0, 0, 0),
                width=3,
            )
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=colour)
        label = str(attributes.get("label", node))
        draw.text((x + radius + 4, y - 8), label, fill=(0, 0, 0), font=font)
    legend_y = 12
    for kind, colour in COLOURS.items():
        draw.ellipse([12, legend_y, 26, legend_y + 14], fill=colour)
        draw.text((32, legend_y - 1), kind, fill=(0, 0, 0), font=font)
        legend_y += 20
    draw.text((12, legend_y + 4), "ringed: broker (Gould-Fernandez)", fill=(0, 0, 0), font=font)
    picture.parent.mkdir(parents=True, exist_ok=True)
    image.save(picture)
    print(picture)


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """DejaVu Sans where the system has it (accents: "Île-de-France"), else Pillow's own."""
    for path in (DEJAVU, Path("/usr/share/fonts/dejavu/DejaVuSans.ttf")):
        if path.is_file():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size=size)


if __name__ == "__main__":
    app()
