"""The `date` field: one item per document, matched with the guide's tolerances."""

from __future__ import annotations

from ghostwatch.evaluation.registry import FieldScorer
from ghostwatch.evaluation.scores import Tally
from ghostwatch.model import DateValue, Report

DAY_TOLERANCE_DAYS = 1
"""A gold date of day precision accepts predicted ends at most this many days away."""

INTERVAL_TOLERANCE_DAYS = 31
"""Any other gold date accepts an overlapping interval whose ends are at most this far away."""


def date_matches(gold: DateValue, predicted: DateValue) -> bool:
    """Whether `predicted` matches `gold` by ANNOTATION.md.

    Day precision in gold: each end of the predicted interval within 1 day of the gold day
    (a predicted week around the day does not match). Otherwise the intervals overlap and each
    predicted end is within 31 days of the gold end on the same side.
    """
    start_gap = abs((predicted.start - gold.start).days)
    end_gap = abs((predicted.end - gold.end).days)
    if gold.precision == "day":
        return start_gap <= DAY_TOLERANCE_DAYS and end_gap <= DAY_TOLERANCE_DAYS
    overlap = predicted.start <= gold.end and gold.start <= predicted.end
    return overlap and start_gap <= INTERVAL_TOLERANCE_DAYS and end_gap <= INTERVAL_TOLERANCE_DAYS


class DateField(FieldScorer):
    """A wrong date is both a false positive and a miss, like any unmatched item."""

    def tally(self, gold: Report, predicted: Report) -> Tally:
        if gold.date is None or predicted.date is None:
            return Tally(fp=int(predicted.date is not None), fn=int(gold.date is not None))
        if date_matches(gold.date, predicted.date):
            return Tally(tp=1)
        return Tally(fp=1, fn=1)
