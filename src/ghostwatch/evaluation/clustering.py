"""B-cubed scores of a clustering (reports grouped into incidents) against gold groups.

B-cubed (Bagga and Baldwin 1998) scores each item: precision is the share of its predicted
cluster that shares its gold cluster, recall the share of its gold cluster found in its predicted
cluster; both are averaged over items. Unlike pair counting, it does not let one big cluster
dominate, and a singleton put alone scores 1 on both.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class BCubed:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 0.0 if total == 0 else 2 * self.precision * self.recall / total


def bcubed(predicted: Mapping[str, object], gold: Mapping[str, object]) -> BCubed:
    """Scores of `predicted` (item -> cluster label) against `gold`, over gold's items.

    Raises ValueError when an item of gold has no predicted cluster: a missing report is an
    error of the run, not a singleton.
    """
    missing = sorted(set(gold) - set(predicted))
    if missing:
        raise ValueError(f"{len(missing)} gold items have no predicted cluster: {missing[:5]}")
    items = list(gold)
    by_predicted: dict[object, set[str]] = {}
    by_gold: dict[object, set[str]] = {}
    for item in items:
        by_predicted.setdefault(predicted[item], set()).add(item)
        by_gold.setdefault(gold[item], set()).add(item)
    precision = recall = 0.0
    for item in items:
        same_predicted = by_predicted[predicted[item]]
        same_gold = by_gold[gold[item]]
        both = len(same_predicted & same_gold)
        precision += both / len(same_predicted)
        recall += both / len(same_gold)
    if not items:
        return BCubed(0.0, 0.0)
    return BCubed(precision / len(items), recall / len(items))
