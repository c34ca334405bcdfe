"""Incident resolution at scale: 100,000 reports made by perturbing real ones.

    python bench/incidents_scale.py --reports bench/out/gva.jsonl [--reports more.jsonl]
        [--count 100000] [--db URL] [--memory-only]

Each generated case starts from a real report (GVA's shooting reports, our written set) and moves
it: another date within six years, the town of another report half the time, other names, other
ages, counts and seized quantities, and the text's names and numbers replaced by the case's own
(so two cases grown from one article share no anchors by accident). A case has one to five
reports, as outlets report it, each with small disagreements (a count off by one). The generated
cases are the gold.

Measured, in one run:
1. `MemoryIndex` (the batch path): time to resolve every report, and B-cubed against the cases;
2. the store (a fresh SQLite file, or `--db`): time to resolve the same reports through
   `store.incidents.resolve`, then the time to attach one new report with them all stored
   (median and worst of 50 new reports, each its own ingest).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import track

from ghostwatch.evaluation.clustering import bcubed
from ghostwatch.incidents import MemoryIndex, profile_of
from ghostwatch.model import Document, Report
from ghostwatch.store import Store

console = Console(stderr=True)
app = typer.Typer(add_completion=False)

SYLLABLES = ["ka", "ro", "mi", "tel", "bor", "san", "vek", "lu", "dar", "ni", "gos", "fen", "ar"]
_NAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+")
_NUMBER = re.compile(r"\d[\d,]*")
TEXT_CHARS = 1200


def _pseudo(rng: random.Random) -> str:
    """A made-up name word: 13**5 of them, so two cases rarely share one by chance (real
    family names are shared far more often: GVA's real texts measure that)."""
    return "".join(rng.choice(SYLLABLES) for _ in range(5)).capitalize()


def _case_reports(
    base: Report, where: Report, case: int, rng: random.Random, cache: dict[str, str]
) -> list[Report]:
    """The reports of one generated case grown from `base`, placed where `where` happened."""
    shift = dt.timedelta(days=rng.randint(-3 * 365, 3 * 365))
    names: dict[str, str] = {}
    numbers: dict[str, str] = {}
    text = base.document.text[:TEXT_CHARS]
    text = _NAME.sub(lambda m: names.setdefault(m.group(), _pseudo(rng)), text)
    text = _NUMBER.sub(lambda m: numbers.setdefault(m.group(), str(rng.randint(2, 999))), text)
    published = (base.document.published or dt.date(2016, 1, 1)) + shift
    # the case's own facts: other ages, counts and quantities than the article it grew from
    ages = {id(p): rng.randint(14, 70) for p in [*base.suspects, *base.victims]}
    counts = {key: rng.choice((1, 1, 1, 2, 2, 3, 4, 6)) for key in base.counts}
    quantities = [rng.randint(1, 40) for _ in base.seized]
    key = base.document.id
    if key not in cache:
        cache[key] = base.model_dump_json(by_alias=True)
    made = []
    for outlet in range(min(5, 1 + int(rng.expovariate(1.2)))):
        data = json.loads(cache[key])
        data["document"].update(
            id=f"case{case:06d}-{outlet}",
            text=text,
            published=(published + dt.timedelta(days=rng.randint(0, 4))).isoformat(),
        )
        if base.date is not None:
            data["date"].update(
                start=(base.date.start + shift).isoformat(),
                end=(base.date.end + shift).isoformat(),
                evidence=[],
            )
        data["locations"] = [{**p.model_dump(mode="json"), "evidence": []} for p in where.locations]
        data["countries"] = list(where.countries)
        for person, original in zip(
            data["suspects"] + data["victims"], [*base.suspects, *base.victims], strict=True
        ):
            if person.get("age") is not None:
                person["age"] = ages[id(original)]
            if person.get("name"):
                person["name"] = names.setdefault(person["name"], _pseudo(rng))
            person["evidence"] = []
        for name, count in data["counts"].items():
            # outlets disagree now and then by one
            count["value"] = max(
                0, counts[name] + (rng.choice((-1, 1)) if rng.random() < 0.15 else 0)
            )
            count["evidence"] = []
        for item, quantity in zip(data["seized"], quantities, strict=True):
            if item.get("quantity") is not None:
                item["quantity"] = quantity
        for field in ("seized", "agencies", "operations", "prices", "weapon_models"):
            for item in data.get(field) or []:
                item["evidence"] = []
        made.append(Report.model_validate(data))
    return made


def generate(bases: list[Report], count: int, seed: int = 7) -> Iterator[tuple[int, Report]]:
    """(case, report) pairs until `count` reports, the same for the same seed."""
    rng = random.Random(seed)
    cache: dict[str, str] = {}
    made = case = 0
    while made < count:
        base = rng.choice(bases)
        where = base if rng.random() < 0.5 else rng.choice(bases)
        for report in _case_reports(base, where, case, rng, cache)[: count - made]:
            made += 1
            yield case, report
        case += 1


def _document(report: Report) -> Document:
    block = report.document
    return Document(
        id=block.id,
        text=block.text,
        raw_text=block.text,
        source=block.source,
        title=block.title,
        published=block.published,
        language=block.language,
        origin="bench/incidents_scale.py",
    )


@app.command()
def main(
    reports: list[Path] = typer.Option(..., help="Real reports to grow cases from (JSONL)."),
    count: int = typer.Option(100_000),
    db: str | None = typer.Option(None, help="An empty database (default: a temp SQLite)."),
    memory_only: bool = typer.Option(False, help="Skip the store measurements."),
    store_only: bool = typer.Option(False, help="Skip the in-memory measurements."),
) -> None:
    bases = [
        report
        for path in reports
        for line in path.read_text("utf-8").splitlines()
        if line.strip() and (report := Report.model_validate_json(line)).relevant
    ]
    console.print(f"{len(bases)} relevant base reports")
    result: dict[str, object] = {"reports": count}

    if not store_only:
        index = MemoryIndex()
        gold: dict[str, int] = {}
        predicted: dict[str, int] = {}
        start = time.perf_counter()
        for case, report in track(generate(bases, count), total=count, console=console):
            gold[report.document.id] = case
            attachment = index.resolve(profile_of(report))
            predicted[report.document.id] = attachment.incident_id or 0
        result["memory: seconds to resolve"] = round(time.perf_counter() - start, 1)
        scores = bcubed(predicted, gold)
        result["cases"] = len(set(gold.values()))
        result["B-cubed P/R/F1"] = [
            round(scores.precision, 3),
            round(scores.recall, 3),
            round(scores.f1, 3),
        ]
        console.print(result)
    if memory_only:
        print(json.dumps(result, indent=2))
        return

    with tempfile.TemporaryDirectory() as folder, Store.open(db or f"{folder}/scale.db") as store:
        if store.count_documents():
            sys.exit(f"the database {db} is not empty")
        batch: list[Report] = []
        stored_seconds = 0.0

        def flush() -> float:
            store.ingest_many(_document(r) for r in batch)
            for r in batch:
                store.save_report(r, "bench")
            began = time.perf_counter()
            store.incidents.resolve([r.document.id for r in batch])
            batch.clear()
            return time.perf_counter() - began

        for _case, report in track(generate(bases, count), total=count, console=console):
            batch.append(report)
            if len(batch) == 1000:
                stored_seconds += flush()
        stored_seconds += flush()
        result["store: seconds to resolve"] = round(stored_seconds, 1)
        result["store: incidents"] = len(store.incidents.list())

        timings = []
        for _case, report in list(generate(bases, 50, seed=99)):
            report.document.id = "new-" + report.document.id
            store.ingest(_document(report))
            store.save_report(report, "bench")
            began = time.perf_counter()
            store.incidents.resolve([report.document.id])
            timings.append((time.perf_counter() - began) * 1000)
        result["store: attach one new report, ms (median, p95, max)"] = [
            round(statistics.median(timings), 1),
            round(sorted(timings)[int(0.95 * len(timings)) - 1], 1),
            round(max(timings), 1),
        ]
        result["store: attach timings in order, ms"] = [round(t, 1) for t in timings]
        result["database"] = "PostgreSQL" if db and "://" in db else "SQLite"
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    app()
