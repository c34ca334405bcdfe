"""Item tallies and the scores computed from them.

Conventions for zero denominators (documented here because every field shares them):
- a field with no items on either side (tp = fp = fn = 0) is *empty*: its precision, recall and
  F1 are 1.0 (nothing to get wrong) and it is left out of the macro average;
- otherwise, with tp = 0 (nothing predicted, or nothing right, or items predicted where gold has
  none), precision, recall and F1 are all 0.0;
- otherwise P = tp / (tp + fp), R = tp / (tp + fn), F1 = 2PR / (P + R).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Metric = Literal["f1", "accuracy"]


@dataclass(frozen=True)
class Tally:
    """Matched (tp), predicted-only (fp) and gold-only (fn) items; tallies add up over documents."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def empty(self) -> bool:
        return self.tp == self.fp == self.fn == 0


@dataclass(frozen=True)
class FieldScore:
    """One field's pooled (micro) score.

    For `relevant` (`metric == "accuracy"`) the items are documents: tp counts documents whose
    relevance is right, fp those predicted relevant against gold, fn those predicted not relevant
    against gold; precision, recall and f1 all hold the accuracy tp / support.
    """

    field: str
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float
    support: int
    metric: Metric = "f1"

    @classmethod
    def from_tally(cls, field: str, tally: Tally) -> FieldScore:
        if tally.empty:
            precision = recall = f1 = 1.0
        elif tally.tp == 0:
            precision = recall = f1 = 0.0
        else:
            precision = tally.tp / (tally.tp + tally.fp)
            recall = tally.tp / (tally.tp + tally.fn)
            f1 = 2 * precision * recall / (precision + recall)
        return cls(field, tally.tp, tally.fp, tally.fn, precision, recall, f1, tally.tp + tally.fn)

    @classmethod
    def accuracy(cls, field: str, tally: Tally) -> FieldScore:
        documents = tally.tp + tally.fp + tally.fn
        value = tally.tp / documents if documents else 1.0
        return cls(
            field, tally.tp, tally.fp, tally.fn, value, value, value, documents, metric="accuracy"
        )

    @property
    def in_macro(self) -> bool:
        """Whether the field counts in the macro average (it has items somewhere)."""
        return self.tp + self.fp + self.fn > 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "metric": self.metric,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "support": self.support,
            "in_macro": self.in_macro,
        }
