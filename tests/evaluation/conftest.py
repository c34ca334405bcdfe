"""Builders for hand-made reports: each test states only the fields its rule is about."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from ghostwatch.evaluation import FieldScore, evaluate
from ghostwatch.model import Report


@pytest.fixture
def make_report() -> Callable[..., Report]:
    """`make_report(doc_id="d1", text="", relevant=True, **fields)` -> a validated Report."""

    def build(doc_id: str = "d1", text: str = "", relevant: bool = True, **fields: Any) -> Report:
        data = {"document": {"id": doc_id, "text": text}, "relevant": relevant, **fields}
        return Report.model_validate(data)

    return build


@pytest.fixture
def score_field() -> Callable[[Report, Report, str], FieldScore]:
    """The score of one field for one gold report and its prediction."""

    def score(gold: Report, predicted: Report, field: str) -> FieldScore:
        return evaluate([gold], [predicted]).field(field)

    return score
