"""The `date` field: ±1 day for a day in gold, overlap and 31-day ends otherwise."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ghostwatch.evaluation import FieldScore
from ghostwatch.model import Report

MakeReport = Callable[..., Report]
ScoreField = Callable[[Report, Report, str], FieldScore]


def _date(start: str, end: str | None = None, precision: str = "day") -> dict:
    return {"start": start, "end": end or start, "precision": precision}


@pytest.mark.parametrize(
    ("predicted", "matches"),
    [
        (_date("2024-03-10"), True),
        (_date("2024-03-11"), True),
        (_date("2024-03-09"), True),
        (_date("2024-03-12"), False),
        (_date("2024-03-08"), False),
        (_date("2024-03-09", "2024-03-11", "range"), True),
        (_date("2024-03-04", "2024-03-10", "week"), False),
        (_date("2024-03-01", "2024-03-31", "month"), False),
    ],
)
def test_day_in_gold(
    make_report: MakeReport, score_field: ScoreField, predicted: dict, matches: bool
) -> None:
    gold = make_report(date=_date("2024-03-10"))
    score = score_field(gold, make_report(date=predicted), "date")
    assert (score.tp, score.fp, score.fn) == ((1, 0, 0) if matches else (0, 1, 1))


@pytest.mark.parametrize(
    ("predicted", "matches"),
    [
        (_date("2024-01-21", "2024-01-31", "range"), True),
        (_date("2024-01-01", "2024-01-31", "month"), True),
        (_date("2024-01-25"), True),
        (_date("2024-01-21", "2024-03-02", "range"), True),  # end 31 days after gold's
        (_date("2024-01-21", "2024-03-03", "range"), False),  # end 32 days after gold's
        (_date("2023-12-21", "2024-01-21", "range"), True),  # start 31 days before, overlaps 1 day
        (_date("2023-12-20", "2024-01-21", "range"), False),  # start 32 days before
        (_date("2024-02-01", "2024-02-29", "month"), False),  # ends within 31 days, no overlap
        (_date("2024-01-20"), False),  # the day before the range: no overlap
    ],
)
def test_range_in_gold(
    make_report: MakeReport, score_field: ScoreField, predicted: dict, matches: bool
) -> None:
    gold = make_report(date=_date("2024-01-21", "2024-01-31", "range"))
    score = score_field(gold, make_report(date=predicted), "date")
    assert score.tp == int(matches)


def test_missing_and_extra_dates(make_report: MakeReport, score_field: ScoreField) -> None:
    dated, undated = make_report(date=_date("2024-03-10")), make_report()
    missed = score_field(dated, undated, "date")
    extra = score_field(undated, dated, "date")
    assert (missed.tp, missed.fp, missed.fn) == (0, 0, 1)
    assert (extra.tp, extra.fp, extra.fn) == (0, 1, 0)
    assert not score_field(undated, undated, "date").in_macro
