"""Field scorers and the registry that names them.

Each scored field of ANNOTATION.md's comparison table is one `FieldScorer` registered under the
field's name. Scoring walks the registry, so adding a field means registering one scorer, and
the order of registration is the order fields are reported in.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from typing import TypeVar

from ghostwatch.evaluation.scores import FieldScore, Tally
from ghostwatch.model import Report


class FieldScorer(ABC):
    """Scores one field: tallies one document pair, then turns the pooled tally into a score."""

    def __init__(self, name: str) -> None:
        self.name = name

    @abstractmethod
    def tally(self, gold: Report, predicted: Report) -> Tally:
        """Matched, predicted-only and gold-only items of this field in one document."""

    def score(self, total: Tally) -> FieldScore:
        return FieldScore.from_tally(self.name, total)


Scorer = TypeVar("Scorer", bound=FieldScorer)


class FieldRegistry:
    """Field scorers by name, in registration order."""

    def __init__(self) -> None:
        self._scorers: dict[str, FieldScorer] = {}

    def register(self, scorer: Scorer) -> Scorer:
        if scorer.name in self._scorers:
            raise ValueError(f"field {scorer.name!r} is already registered")
        self._scorers[scorer.name] = scorer
        return scorer

    def __getitem__(self, name: str) -> FieldScorer:
        return self._scorers[name]

    def __iter__(self) -> Iterator[FieldScorer]:
        return iter(self._scorers.values())

    def names(self) -> list[str]:
        return list(self._scorers)
