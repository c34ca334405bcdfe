"""Score incident resolution: B-cubed of the incidents ghostwatch forms against gold incidents.

    python bench/incidents.py set [--db URL]                 # our written set (bench/incidents)
    python bench/incidents.py gva --reports bench/out/gva.jsonl [--db URL]

Reports go through the real path: documents and reports are stored in a fresh SQLite file (or
the database `--db` names, which must be empty), then `store.incidents.resolve_pending()` groups
them, oldest first. `set` extracts its 41 articles; `gva` reuses the reports `bench/evaluate.py
gva` wrote (extracting 2,672 articles takes minutes), and takes its gold incidents from the
document ids (`gva-<GVA incident id>-<hash>`). Only relevant reports are resolved; an article the
extractor calls irrelevant counts as a singleton.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from ghostwatch.evaluation.clustering import bcubed
from ghostwatch.extract import Extractor
from ghostwatch.model import Document, Report
from ghostwatch.store import Store
from ghostwatch.workflow import Problem, ingest, load_documents

BENCH = Path(__file__).resolve().parent
SET = BENCH / "incidents"
GVA_INPUT = BENCH.parent.parent / "shared/corpora/gva/dev-input.jsonl"

console = Console()
app = typer.Typer(add_completion=False)


def _documents(path: Path) -> list[Document]:
    found = []
    for item in load_documents([str(path)]):
        if isinstance(item, Problem):
            sys.exit(f"unreadable input {item}")
        found.append(item)
    return found


def _predicted(store: Store) -> dict[str, object]:
    return {doc: incident.id for incident in store.incidents.list() for doc in incident.documents}


def _score(gold: dict[str, str], store: Store, seconds: float, title: str) -> dict[str, object]:
    predicted = _predicted(store)
    # reports without an incident (not relevant) are singletons of their own
    predicted.update({doc: f"alone:{doc}" for doc in gold if doc not in predicted})
    scores = bcubed(predicted, gold)
    result: dict[str, object] = {
        "reports": len(gold),
        "gold incidents": len(set(gold.values())),
        "predicted incidents": len(set(predicted.values())),
        "B-cubed precision": round(scores.precision, 3),
        "B-cubed recall": round(scores.recall, 3),
        "B-cubed F1": round(scores.f1, 3),
        "resolution seconds": round(seconds, 2),
    }
    table = Table("measure", "value", title=title)
    for name, value in result.items():
        table.add_row(name, str(value))
    console.print(table)
    return result


@app.command()
def main(
    corpus: str = typer.Argument(..., help="set or gva"),
    reports: Path | None = typer.Option(None, help="gva: reports JSONL from bench/evaluate.py"),
    db: str | None = typer.Option(None, help="An empty database URL (default: a temp SQLite)."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    with (
        tempfile.TemporaryDirectory() as folder,
        Store.open(db or str(Path(folder) / "bench.db")) as store,
    ):
        if store.count_documents():
            sys.exit(f"the database {db} is not empty")
        if corpus == "set":
            result = _run_set(store)
        elif corpus == "gva":
            if reports is None:
                sys.exit("gva needs --reports (the output of bench/evaluate.py gva)")
            result = _run_gva(store, reports)
        else:
            sys.exit(f"unknown corpus {corpus!r}: set or gva")
    if as_json:
        print(json.dumps(result, indent=2))


def _run_set(store: Store) -> dict[str, object]:
    gold_data = json.loads((SET / "gold.json").read_text("utf-8"))
    gold = {
        doc: label for label, entry in gold_data["incidents"].items() for doc in entry["documents"]
    }
    documents = _documents(SET / "input.jsonl")
    summary = ingest(documents, store, Extractor())
    # ingest resolved the reports already; resolve them again to time resolution alone
    start = time.perf_counter()
    store.incidents.rebuild()
    seconds = time.perf_counter() - start
    if summary.problems:
        sys.exit(f"problems: {summary.problems}")
    result = _score(gold, store, seconds, "incident resolution, written set")
    predicted = _predicted(store)
    merged = [
        (a, b)
        for a, b, _why in gold_data["lookalikes"]
        if {predicted.get(d) for d in gold_data["incidents"][a]["documents"]}
        & {predicted.get(d) for d in gold_data["incidents"][b]["documents"]} - {None}
    ]
    result["look-alike pairs"] = len(gold_data["lookalikes"])
    result["look-alike pairs merged"] = len(merged)
    console.print(f"look-alike pairs merged: {len(merged)} of {len(gold_data['lookalikes'])}")
    for a, b in merged:
        console.print(f"  merged: {a} + {b}")
    return result


def _run_gva(store: Store, reports_file: Path) -> dict[str, object]:
    documents = {doc.id: doc for doc in _documents(GVA_INPUT)}
    reports = [
        Report.model_validate_json(line)
        for line in reports_file.read_text("utf-8").splitlines()
        if line.strip()
    ]
    store.ingest_many(documents[r.document.id] for r in reports)
    for report in reports:
        store.save_report(report, "bench")
    start = time.perf_counter()
    store.incidents.resolve_pending()
    seconds = time.perf_counter() - start
    gold = {r.document.id: r.document.id.split("-")[1] for r in reports}
    return _score(gold, store, seconds, f"incident resolution, GVA ({reports_file})")


if __name__ == "__main__":
    app()
