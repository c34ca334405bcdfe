"""One-to-one matching of one document's gold items with its predicted items.

Every item is used at most once: two gold suspects aged 25 against one predicted 25 give one
match and one miss. When matching is plain equality of keys, counting the minimum of the two
multiplicities per key (a multiset intersection) is the maximum one-to-one matching. When it is
not an equivalence (places match on any shared name or alias, and "a" ~ "a/b" ~ "b" is not
transitive), a greedy pairing can block a better one, so we compute a maximum bipartite matching
(augmenting paths, Kuhn's algorithm; a document has a handful of places, so its O(V·E) cost is
negligible).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TypeVar

from ghostwatch.evaluation.scores import Tally

Item = TypeVar("Item")


def multiset_tally(gold: Iterable[Hashable], predicted: Iterable[Hashable]) -> Tally:
    """Tally items matched by equal keys, each key used as often as it occurs on both sides."""
    gold_counts, predicted_counts = Counter(gold), Counter(predicted)
    matched = sum((gold_counts & predicted_counts).values())
    return Tally(
        tp=matched,
        fp=sum(predicted_counts.values()) - matched,
        fn=sum(gold_counts.values()) - matched,
    )


def bipartite_tally(
    gold: Sequence[Item], predicted: Sequence[Item], matches: Callable[[Item, Item], bool]
) -> Tally:
    """Tally items under a maximum one-to-one matching by `matches(gold_item, predicted_item)`."""
    candidates = [
        [index for index, guess in enumerate(predicted) if matches(truth, guess)] for truth in gold
    ]
    owner: dict[int, int] = {}  # predicted index -> gold index it is matched with

    def augment(truth: int, visited: set[int]) -> bool:
        for guess in candidates[truth]:
            if guess in visited:
                continue
            visited.add(guess)
            if guess not in owner or augment(owner[guess], visited):
                owner[guess] = truth
                return True
        return False

    matched = sum(augment(truth, set()) for truth in range(len(gold)))
    return Tally(tp=matched, fp=len(predicted) - matched, fn=len(gold) - matched)
