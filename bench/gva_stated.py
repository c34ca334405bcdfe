"""GVA casualty counts scored only where the article's text states the gold figure.

    python bench/gva_stated.py [PREDICTIONS]   (default: bench/out/gva.jsonl from evaluate.py)

The GVA gold counts come from several sources, so some articles never state them: an article
written the night of a shooting cannot know that a victim died two days later. This script
scores `killed` and `injured` twice: on every document, as `bench/evaluate.py gva` does, and on
the documents whose text contains the gold figure somewhere (in digits or words; a figure of one
needs no number word: "a man was shot"). The gap between the two is the share of the error that
no reading of the text could remove. A loose test on purpose: a figure anywhere in the text keeps
the document, so the second score is not flattered by dropping hard documents.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from ghostwatch.text.numbers import parse_number

ROOT = Path(__file__).resolve().parents[1]
GVA = ROOT.parent / "shared/corpora/gva"
KEYS = ("killed", "injured")
_WORDS = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)?|\d+")


def _by_id(path: Path, key: str) -> dict[str, dict]:
    with path.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    return {(row["document"]["id"] if key == "report" else row["id"]): row for row in rows}


def _count(report: dict | None, key: str) -> int | None:
    return ((report or {}).get("counts") or {}).get(key, {}).get("value")


def states(text: str, value: int) -> bool:
    """Whether `text` holds the figure `value` in digits or number words."""
    return value == 1 or any(parse_number(word) == value for word in set(_WORDS.findall(text)))


def _f1(pairs: list[tuple[int | None, int | None]]) -> tuple[float, float, float]:
    tp = sum(1 for gold, found in pairs if gold is not None and gold == found)
    fp = sum(1 for gold, found in pairs if found is not None and gold != found)
    fn = sum(1 for gold, found in pairs if gold is not None and gold != found)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main(predictions: Path = typer.Argument(ROOT / "bench/out/gva.jsonl")) -> None:
    texts = {key: row["text"] for key, row in _by_id(GVA / "dev-input.jsonl", "input").items()}
    gold = _by_id(GVA / "dev-gold.jsonl", "report")
    found = _by_id(predictions, "report")
    table = Table("count", "documents", "precision", "recall", "F1")
    for key in KEYS:
        everywhere, stated = [], []
        for doc_id, report in gold.items():
            pair = (_count(report, key), _count(found.get(doc_id), key))
            everywhere.append(pair)
            if pair[0] is None or states(texts[doc_id], pair[0]):
                stated.append(pair)
        for label, pairs in ((key, everywhere), (f"{key}, figure in the text", stated)):
            precision, recall, f1 = _f1(pairs)
            table.add_row(label, str(len(pairs)), f"{precision:.3f}", f"{recall:.3f}", f"{f1:.3f}")
    Console().print(table)


if __name__ == "__main__":
    typer.run(main)
