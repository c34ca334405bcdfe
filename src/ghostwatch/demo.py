"""The demo: a bundled sample corpus, plus the project's seed example when it is at hand.

The sample corpus (`data/demo/`) holds articles written for ghostwatch in English and French, in
every input format. The seed article is third-party text, so it is not copied into the package:
when the shared folder of the project sits beside the repository (as in development and CI), the
demo reads it from there with the metadata of its gold file.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from ghostwatch.model import Report

SEED_RELATIVE = Path("shared/examples/seed")


def find_seed() -> Path | None:
    """The seed folder: $GHOSTWATCH_SHARED/examples/seed, or ../shared beside the repository."""
    candidates = []
    if shared := os.environ.get("GHOSTWATCH_SHARED"):
        candidates.append(Path(shared) / "examples/seed")
    candidates.append(Path.cwd().parent / SEED_RELATIVE)
    candidates.append(Path(__file__).resolve().parents[3] / SEED_RELATIVE)
    for folder in candidates:
        if (folder / "article.txt").is_file() and (folder / "gold.json").is_file():
            return folder
    return None


def seed_line(folder: Path) -> dict[str, object]:
    """The seed article as a JSONL record carrying its gold file's document metadata."""
    document = json.loads((folder / "gold.json").read_text("utf-8"))["document"]
    return {
        "id": document["id"],
        "url": document.get("source"),
        "title": document.get("title"),
        "published": document.get("published"),
        "language": document.get("language"),
        "text": (folder / "article.txt").read_text("utf-8"),
    }


@contextmanager
def demo_inputs() -> Iterator[tuple[list[str], list[str]]]:
    """Paths to ingest for the demo, and notes for the user about what was found."""
    with resources.as_file(resources.files("ghostwatch") / "data/demo") as corpus:
        # every file of the corpus but its README, which describes the articles
        inputs = sorted(str(path) for path in corpus.iterdir() if path.name != "README.md")
        notes = []
        seed = find_seed()
        with tempfile.TemporaryDirectory(prefix="ghostwatch-demo-") as scratch:
            if seed is None:
                notes.append("seed example not found (set GHOSTWATCH_SHARED); sample corpus only")
            else:
                path = Path(scratch) / "seed.jsonl"
                path.write_text(json.dumps(seed_line(seed), ensure_ascii=False) + "\n", "utf-8")
                inputs.append(str(path))
                notes.append(f"with the seed example from {seed}")
            yield inputs, notes


def _place(report: Report) -> str:
    incident = [loc for loc in report.locations if loc.role == "incident"] or report.locations
    if incident:
        return ", ".join(dict.fromkeys(loc.name for loc in incident[:3]))
    return ", ".join(report.countries)


def _date(report: Report) -> str:
    if report.date is None:
        return ""
    start, end = report.date.start.isoformat(), report.date.end.isoformat()
    return start if start == end else f"{start}..{end}"


def _seized(report: Report) -> str:
    parts = []
    for item in report.seized:
        quantity = "" if item.quantity is None else f"{item.quantity} "
        parts.append(f"{quantity}{item.category}")
    return ", ".join(parts)


def summary_rows(reports: list[Report]) -> list[tuple[str, ...]]:
    """One readable row per report: what an analyst checks first."""
    rows = []
    for report in sorted(reports, key=lambda r: r.document.id):
        arrested = report.counts.get("arrested")
        rows.append(
            (
                report.document.id,
                report.document.language or "",
                "yes" if report.relevant else "no",
                _date(report),
                _place(report),
                "" if arrested is None else str(arrested.value),
                _seized(report),
            )
        )
    return rows
