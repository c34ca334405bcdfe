"""B-cubed scores of incident clusterings on small hand-made groupings."""

from __future__ import annotations

import pytest

from ghostwatch.evaluation.clustering import bcubed

GOLD = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2, "f": 3}


def test_a_perfect_clustering_scores_one_whatever_its_labels() -> None:
    predicted = {"a": "x", "b": "x", "c": "x", "d": "y", "e": "y", "f": "z"}
    scores = bcubed(predicted, GOLD)
    assert (scores.precision, scores.recall, scores.f1) == (1.0, 1.0, 1.0)


def test_everything_in_one_cluster() -> None:
    scores = bcubed(dict.fromkeys(GOLD, 0), GOLD)
    assert scores.recall == 1.0
    # a, b, c see 3 of 6; d, e see 2 of 6; f sees 1 of 6
    assert scores.precision == pytest.approx((3 * 3 / 6 + 2 * 2 / 6 + 1 / 6) / 6)
    assert scores.f1 == pytest.approx(2 * scores.precision / (scores.precision + 1.0))


def test_every_item_alone() -> None:
    scores = bcubed({item: item for item in GOLD}, GOLD)
    assert scores.precision == 1.0
    assert scores.recall == pytest.approx((3 * 1 / 3 + 2 * 1 / 2 + 1) / 6)


def test_one_wrong_merge_costs_precision_only() -> None:
    predicted = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2, "f": 2}
    scores = bcubed(predicted, GOLD)
    assert scores.recall == 1.0
    assert scores.precision == pytest.approx((3 + 2 * 2 / 3 + 1 / 3) / 6)


def test_a_gold_item_without_a_predicted_cluster_is_an_error() -> None:
    predicted = {item: cluster for item, cluster in GOLD.items() if item != "f"}
    with pytest.raises(ValueError, match=r"1 gold items .*\['f'\]"):
        bcubed(predicted, GOLD)


def test_predicted_items_outside_gold_are_ignored() -> None:
    predicted = {item: cluster for item, cluster in GOLD.items()} | {"extra": 1}
    assert bcubed(predicted, GOLD).precision == 1.0


def test_nothing_to_score() -> None:
    scores = bcubed({}, {})
    assert (scores.precision, scores.recall, scores.f1) == (0.0, 0.0, 0.0)
