"""Pairing gold reports with predicted reports.

Pairs are made by `document.id` first. A prediction made from a plain text file has the id
"sha256:<hex digest of its cleaned text>", so a gold report left unpaired is then paired with the
unpaired prediction whose id is that digest of the gold text run through `align_text` (the
project's cleaner). A gold report with no prediction is scored against an empty, not relevant
report: all its items are misses. Predictions matching no gold report are not scored, only
counted; a second prediction for an already paired id counts among them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from ghostwatch.model import DocumentBlock, Report

TEXT_ID_PREFIX = "sha256:"


@dataclass(frozen=True)
class Alignment:
    pairs: list[tuple[Report, Report]]
    """(gold, prediction) in gold order; a missing prediction is an empty report."""
    by_id: int
    by_text: int
    missing: int
    unmatched: int


class DuplicateGoldError(ValueError):
    """Two gold reports share a document id, so a prediction could not be scored unambiguously."""


def text_id(text: str) -> str:
    """The id a prediction made from `text` (already cleaned) carries."""
    return TEXT_ID_PREFIX + hashlib.sha256(text.encode("utf-8")).hexdigest()


def empty_prediction(gold: Report) -> Report:
    """What a missing prediction counts as: not relevant, nothing coded."""
    return Report(document=DocumentBlock(id=gold.document.id))


def align(
    gold: list[Report],
    predicted: list[Report],
    align_text: Callable[[str], str] | None = None,
) -> Alignment:
    """Pair every gold report with its prediction (or an empty one); see the module docstring."""
    _check_unique_ids(gold)
    unpaired: dict[str, Report] = {}
    duplicates = 0
    for report in predicted:
        if report.document.id in unpaired:
            duplicates += 1
        else:
            unpaired[report.document.id] = report

    found: list[Report | None] = [unpaired.pop(report.document.id, None) for report in gold]
    by_id = sum(match is not None for match in found)
    by_text = 0
    if align_text is not None:
        for index, report in enumerate(gold):
            if found[index] is None and report.document.text:
                found[index] = unpaired.pop(text_id(align_text(report.document.text)), None)
                by_text += found[index] is not None

    pairs = [
        (report, match if match is not None else empty_prediction(report))
        for report, match in zip(gold, found, strict=True)
    ]
    return Alignment(
        pairs=pairs,
        by_id=by_id,
        by_text=by_text,
        missing=len(gold) - by_id - by_text,
        unmatched=len(unpaired) + duplicates,
    )


def _check_unique_ids(gold: list[Report]) -> None:
    seen: set[str] = set()
    for report in gold:
        if report.document.id in seen:
            raise DuplicateGoldError(
                f"two gold reports have the document id {report.document.id!r}"
            )
        seen.add(report.document.id)
