"""The generic kinds of field scorer most fields are instances of."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Generic, TypeVar

from ghostwatch.evaluation.matching import bipartite_tally, multiset_tally
from ghostwatch.evaluation.registry import FieldScorer
from ghostwatch.evaluation.scores import FieldScore, Tally
from ghostwatch.model import Report

Item = TypeVar("Item")


class KeyedField(FieldScorer):
    """Items that match when their keys are equal.

    `distinct=True` scores the set of keys (a label listed twice is still one label);
    otherwise the keys form a multiset (two suspects aged 25 are two items).
    """

    def __init__(
        self, name: str, keys: Callable[[Report], Iterable[Hashable]], *, distinct: bool = False
    ) -> None:
        super().__init__(name)
        self.keys = keys
        self.distinct = distinct

    def tally(self, gold: Report, predicted: Report) -> Tally:
        gold_keys, predicted_keys = list(self.keys(gold)), list(self.keys(predicted))
        if self.distinct:
            return multiset_tally(set(gold_keys), set(predicted_keys))
        return multiset_tally(gold_keys, predicted_keys)


class MatchedField(FieldScorer, Generic[Item]):
    """Items matched one-to-one by a predicate that need not be an equivalence (see matching)."""

    def __init__(
        self,
        name: str,
        items: Callable[[Report], Sequence[Item]],
        matches: Callable[[Item, Item], bool],
    ) -> None:
        super().__init__(name)
        self.items = items
        self.matches = matches

    def tally(self, gold: Report, predicted: Report) -> Tally:
        return bipartite_tally(self.items(gold), self.items(predicted), self.matches)


class RelevanceField(FieldScorer):
    """`relevant`, scored as accuracy over documents (see `FieldScore`)."""

    def tally(self, gold: Report, predicted: Report) -> Tally:
        if gold.relevant == predicted.relevant:
            return Tally(tp=1)
        return Tally(fp=1) if predicted.relevant else Tally(fn=1)

    def score(self, total: Tally) -> FieldScore:
        return FieldScore.accuracy(self.name, total)
