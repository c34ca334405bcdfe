"""The incident list API with 100,000 incidents stored: latency of filtered queries.

    python bench/web_list.py --db postgresql://postgres@127.0.0.1:5432/gw_bench [--count 100000]
        [--queries 200]

Fills an empty database (created if the server allows) with `--count` incidents, each with one
short document, its report, membership and summary row, written in bulk with the store's own
tables; the incidents' facts are drawn from the written set's reports (dates over six years,
their countries, regions, kinds and seized items). Then asks `GET /api/incidents` through the real
app (`create_app`, in process, with an analyst's API token) a mix of filtered queries: a country,
a region, a kind of firearm, a seized item, a date range, words of the sources, and combinations,
sorted and paged as the incidents page asks them. Prints p50, p95 and max per query kind.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import typer
from fastapi.testclient import TestClient
from sqlalchemy import func, insert, select

from ghostwatch.extract import Extractor
from ghostwatch.incidents import build_record
from ghostwatch.model import Report
from ghostwatch.store import Store, database_url
from ghostwatch.store.database import open_engine, transaction
from ghostwatch.store.fingerprint import content_hash
from ghostwatch.store.incident_summaries import TAGGED, summary_values
from ghostwatch.store.tables import (
    documents,
    incident_members,
    incident_summaries,
    incident_tags,
    incidents,
    reports,
)
from ghostwatch.web.app import create_app
from ghostwatch.workflow import Problem, load_documents

BENCH = Path(__file__).resolve().parent
WORDS = ["pistolet", "imprimante", "Telegram", "atelier", "munitions", "saisie", "réseau"]
app = typer.Typer(add_completion=False)


def _bases() -> list[Report]:
    """The written incident set's reports (extracted once, kept in bench/out/)."""
    path = BENCH / "out" / "incidents-reports.jsonl"
    if not path.exists():
        found = [d for d in load_documents([str(BENCH / "incidents" / "input.jsonl")])]
        extracted = Extractor().pipe(d for d in found if not isinstance(d, Problem))
        path.parent.mkdir(exist_ok=True)
        path.write_text(
            "".join(e.report.model_dump_json(by_alias=True) + "\n" for e in extracted), "utf-8"
        )
    return [
        report
        for line in path.read_text("utf-8").splitlines()
        if (report := Report.model_validate_json(line)).relevant
    ]


def fill(store_url: str, count: int, seed: int = 5) -> None:
    bases = _bases()
    rng = random.Random(seed)
    engine = open_engine(store_url)
    now = dt.datetime.now(dt.UTC)
    batch = 2000
    for start in range(0, count, batch):
        rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for number in range(start, min(count, start + batch)):
            base = rng.choice(bases)
            shift = dt.timedelta(days=rng.randint(-3 * 365, 3 * 365))
            data = json.loads(base.model_dump_json(by_alias=True))
            doc_id = f"bench-{number:07d}"
            words = " ".join(rng.sample(WORDS, 3))
            text = f"Article {number}: {words}. {base.document.text[:300]}"
            published = (base.document.published or dt.date(2025, 1, 1)) + shift
            data["document"].update(id=doc_id, text=text, published=published.isoformat())
            if data.get("date"):
                data["date"]["start"] = (base.date.start + shift).isoformat()  # type: ignore[union-attr]
                data["date"]["end"] = (base.date.end + shift).isoformat()  # type: ignore[union-attr]
            report = Report.model_validate(data)
            document = {
                "id": doc_id,
                "source": None,
                "title": base.document.title,
                "published": published,
                "language": base.document.language,
                "text": text,
                "raw_text": text,
                "offsets": [],
                "origin": "bench",
            }
            rows["documents"].append(
                {
                    **document,
                    "content_hash": content_hash(report.document),
                    "created_at": now,
                    "updated_at": now,
                }
            )
            rows["reports"].append(
                {
                    "document_id": doc_id,
                    "schema": "report/1",
                    "relevant": True,
                    "relevance_score": 1.0,
                    "data": report.to_json_dict(),
                    "extractor": "bench",
                    "created_at": now,
                }
            )
            incident_id = number + 1
            rows["incidents"].append({"id": incident_id, "created_at": now, "updated_at": now})
            rows["members"].append(
                {
                    "document_id": doc_id,
                    "incident_id": incident_id,
                    "pinned": False,
                    "score": None,
                    "matched": None,
                    "reasons": [],
                    "profile": {},
                    "updated_at": now,
                }
            )
            summary = summary_values(build_record(incident_id, [report]))
            rows["summaries"].append(summary)
            rows["tags"] += [
                {"kind": kind, "value": value, "incident_id": incident_id}
                for kind, column in TAGGED.items()
                for value in summary[column].split("|")
                if value
            ]
        with transaction(engine, writes=True) as connection:
            connection.execute(insert(documents), rows["documents"])
            connection.execute(insert(reports), rows["reports"])
            connection.execute(insert(incidents), rows["incidents"])
            connection.execute(insert(incident_members), rows["members"])
            connection.execute(insert(incident_summaries), rows["summaries"])
            connection.execute(insert(incident_tags), rows["tags"])
        print(f"{min(count, start + batch):,} incidents written", file=sys.stderr)
    if engine.dialect.name == "postgresql":
        # what autovacuum does to a table that stopped changing: planner statistics, and the
        # visibility map that lets the tag index answer counts alone
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM ANALYZE")
    engine.dispose()


QUERIES: dict[str, dict[str, str]] = {
    "no filter": {},
    "country": {"country": "FR"},
    "region": {"region": "Occitanie"},
    "firearm kind": {"firearm_kind": "3d_printed"},
    "seized item": {"seized": "3d_printer"},
    "date range": {"date_from": "2025-01-01", "date_to": "2025-06-30"},
    "text": {"q": "Telegram"},
    "combined": {"country": "BE", "firearm_kind": "3d_printed", "date_from": "2024-01-01"},
}


@app.command()
def main(
    db: str = typer.Option(..., help="An empty PostgreSQL (or SQLite) database."),
    count: int = typer.Option(100_000),
    queries: int = typer.Option(200, help="Requests per query kind."),
) -> None:
    with Store.open(db) as store:
        stored = store.count_documents()
        if stored not in (0, count):
            sys.exit(f"{db} holds {stored} documents: give an empty database")
        if stored == 0:
            began = time.perf_counter()
            fill(database_url(db), count)
            print(f"filled in {time.perf_counter() - began:.0f} s", file=sys.stderr)
        if store.users.get("bench") is None:
            store.users.add("bench", "bench password", "analyst")
        token = store.users.create_token("bench", "web_list bench")
        with transaction(store._engine, writes=False) as connection:
            total = connection.execute(select(func.count()).select_from(incident_summaries))
            print(f"{total.scalar_one():,} incidents stored", file=sys.stderr)
    client = TestClient(create_app(db))
    headers = {"Authorization": f"Bearer {token}"}
    rng = random.Random(11)
    results: dict[str, dict[str, float]] = {}
    for name, params in QUERIES.items():
        timings = []
        for _ in range(queries):
            page = {"page": str(rng.randint(1, 5)), "sort": rng.choice(["-date", "date"])}
            began = time.perf_counter()
            answer = client.get("/api/incidents", params={**params, **page}, headers=headers)
            timings.append((time.perf_counter() - began) * 1000)
            if answer.status_code != 200:
                sys.exit(f"{name}: HTTP {answer.status_code} {answer.text[:200]}")
        timings.sort()
        results[name] = {
            "p50 ms": round(statistics.median(timings), 1),
            "p95 ms": round(timings[int(0.95 * len(timings)) - 1], 1),
            "max ms": round(timings[-1], 1),
            "total": answer.json()["total"],
        }
        print(name, results[name], file=sys.stderr)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    app()
