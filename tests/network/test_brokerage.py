"""Gould–Fernandez brokerage on hand-made graphs whose answers are counted by hand."""

from __future__ import annotations

from collections.abc import Hashable

import networkx as nx
import pytest

from ghostwatch.network.brokerage import BROKERAGE_ROLES, brokerage, brokerage_scores

ZERO = dict.fromkeys(BROKERAGE_ROLES, 0)


def roles(**counts: int) -> dict[str, int]:
    """All five roles, zeros for those not named."""
    assert set(counts) <= set(BROKERAGE_ROLES)
    return {role: counts.get(role, 0) for role in BROKERAGE_ROLES}


def chain(*nodes: Hashable) -> nx.DiGraph:
    graph = nx.DiGraph()
    nx.add_path(graph, nodes)
    return graph


@pytest.mark.parametrize(
    ("groups", "role"),
    [
        ({"a": "seller", "b": "seller", "c": "seller"}, "coordinator"),
        ({"a": "manufacturer", "b": "broker", "c": "manufacturer"}, "itinerant"),
        ({"a": "broker", "b": "seller", "c": "seller"}, "gatekeeper"),
        ({"a": "seller", "b": "seller", "c": "buyer"}, "representative"),
        ({"a": "manufacturer", "b": "broker", "c": "seller"}, "liaison"),
    ],
)
def test_open_triad_gives_the_broker_one_path_of_its_role(
    groups: dict[str, str], role: str
) -> None:
    result = brokerage(chain("a", "b", "c"), groups)

    assert result == {"a": ZERO, "b": roles(**{role: 1}), "c": ZERO}


def test_roles_are_listed_in_the_papers_order() -> None:
    assert BROKERAGE_ROLES == (
        "coordinator",
        "itinerant",
        "gatekeeper",
        "representative",
        "liaison",
    )
    result = brokerage(chain("a", "b", "c"), {"a": "x", "b": "y", "c": "z"})
    assert list(result["b"]) == list(BROKERAGE_ROLES)


@pytest.mark.parametrize(
    "groups",
    [
        {"a": "seller", "b": "seller", "c": "seller"},
        {"a": "manufacturer", "b": "broker", "c": "seller"},
    ],
)
def test_closed_triad_counts_nothing(groups: dict[str, str]) -> None:
    graph = chain("a", "b", "c")
    graph.add_edge("a", "c")

    assert brokerage(graph, groups) == {"a": ZERO, "b": ZERO, "c": ZERO}


def test_reverse_tie_does_not_close_the_path() -> None:
    # c → a gives no direct route from a to c: b still brokers a → b → c (and, being in the
    # middle of c → a → b too, a now brokers c → a → b).
    graph = chain("a", "b", "c")
    graph.add_edge("c", "a")
    groups = {"a": "broker", "b": "seller", "c": "seller"}

    result = brokerage(graph, groups)

    assert result["b"] == roles(gatekeeper=1)
    assert result["a"] == roles(itinerant=1)  # c and b are sellers, a the broker between them
    assert result["c"] == roles(representative=1)  # b → c → a: seller, seller, broker


def test_direction_separates_gatekeeper_from_representative() -> None:
    groups = {"a": "broker", "b": "seller", "c": "seller"}

    assert brokerage(chain("a", "b", "c"), groups)["b"] == roles(gatekeeper=1)
    assert brokerage(chain("c", "b", "a"), groups)["b"] == roles(representative=1)


def test_trafficking_network_matches_hand_count() -> None:
    # Manufacturers M1, M2; broker B; sellers S1, S2, S3; buyers U1, U2, U3.
    # M1 hands parts to B, who carries them to M2; M2 returns finished items to B; B supplies S1;
    # stock flows S1 → S2 → S3 between sellers; sellers sell to buyers.
    graph = nx.DiGraph(
        [
            ("M1", "B"),
            ("B", "M2"),
            ("M2", "B"),
            ("B", "S1"),
            ("S1", "S2"),
            ("S2", "S3"),
            ("S1", "U1"),
            ("S1", "U2"),
            ("S2", "U2"),
            ("S2", "U3"),
            ("S3", "U3"),
        ]
    )
    groups = {
        "M1": "manufacturer",
        "M2": "manufacturer",
        "B": "broker",
        "S1": "seller",
        "S2": "seller",
        "S3": "seller",
        "U1": "buyer",
        "U2": "buyer",
        "U3": "buyer",
    }
    # Hand count, node by node (predecessors × successors, a ≠ c, open when there is no a → c):
    # M1: no predecessor → nothing.
    # M2: only B → M2 → B, where a = c → nothing.
    # B:  M1 → B → M2   open; manufacturer, broker, manufacturer    → itinerant
    #     M1 → B → S1   open; manufacturer, broker, seller          → liaison
    #     M2 → B → M2   a = c, not a path
    #     M2 → B → S1   open; manufacturer, broker, seller          → liaison
    # S1: B → S1 → S2   open; broker, seller, seller                → gatekeeper
    #     B → S1 → U1   open; broker, seller, buyer                 → liaison
    #     B → S1 → U2   open; broker, seller, buyer                 → liaison
    # S2: S1 → S2 → S3  open; seller, seller, seller                → coordinator
    #     S1 → S2 → U2  closed by S1 → U2
    #     S1 → S2 → U3  open; seller, seller, buyer                 → representative
    # S3: S2 → S3 → U3  closed by S2 → U3
    # U1, U2, U3: no successor → nothing.
    expected = {
        "M1": ZERO,
        "B": roles(itinerant=1, liaison=2),
        "M2": ZERO,
        "S1": roles(gatekeeper=1, liaison=2),
        "S2": roles(coordinator=1, representative=1),
        "S3": ZERO,
        "U1": ZERO,
        "U2": ZERO,
        "U3": ZERO,
    }

    assert brokerage(graph, groups) == expected
    assert brokerage_scores(graph, groups) == {
        "M1": 0,
        "B": 3,
        "M2": 0,
        "S1": 3,
        "S2": 2,
        "S3": 0,
        "U1": 0,
        "U2": 0,
        "U3": 0,
    }
    assert list(brokerage(graph, groups)) == list(graph.nodes)


def test_ungrouped_broker_between_one_group_is_itinerant() -> None:
    result = brokerage(chain("a", "b", "c"), {"a": "seller", "c": "seller"})

    assert result["b"] == roles(itinerant=1)


def test_ungrouped_nodes_are_each_their_own_group() -> None:
    # a and b both lack a group: that is not a shared group, so b is a liaison, not a
    # representative; likewise two ungrouped ends do not make an itinerant.
    assert brokerage(chain("a", "b", "c"), {"c": "buyer"})["b"] == roles(liaison=1)
    assert brokerage(chain("a", "b", "c"), {"b": "broker"})["b"] == roles(liaison=1)
    no_groups: dict[str, str] = {}
    assert brokerage(chain("a", "b", "c"), no_groups)["b"] == roles(liaison=1)


def test_ungrouped_node_never_matches_a_group_named_like_it() -> None:
    # Node "seller" has no group; the group "seller" of a and c is not its group.
    result = brokerage(chain("a", "seller", "c"), {"a": "seller", "c": "seller"})

    assert result["seller"] == roles(itinerant=1)


def test_every_node_appears_and_extra_group_keys_are_ignored() -> None:
    graph = chain("a", "b", "c")
    graph.add_node("isolated")

    result = brokerage(graph, {"a": "x", "b": "x", "c": "x", "not in graph": "x"})

    assert result == {"a": ZERO, "b": roles(coordinator=1), "c": ZERO, "isolated": ZERO}


def test_empty_graph_gives_empty_result() -> None:
    assert brokerage(nx.DiGraph(), {}) == {}


def test_multigraph_counts_parallel_ties_once_and_ignores_self_loops() -> None:
    graph = nx.MultiDiGraph()
    graph.add_edges_from([("a", "b"), ("a", "b"), ("b", "c"), ("b", "c"), ("b", "b")])

    result = brokerage(graph, {"a": "x", "b": "y", "c": "z"})

    assert result == {"a": ZERO, "b": roles(liaison=1), "c": ZERO}


def test_undirected_graph_is_refused() -> None:
    graph = nx.Graph([("a", "b"), ("b", "c")])

    with pytest.raises(TypeError, match="directed"):
        brokerage(graph, {"a": "x", "b": "y", "c": "z"})
    with pytest.raises(TypeError, match="directed"):
        brokerage_scores(graph, {})


def test_non_graph_is_refused() -> None:
    with pytest.raises(TypeError, match="DiGraph"):
        brokerage([("a", "b"), ("b", "c")], {})  # type: ignore[arg-type]


def test_groups_must_be_a_mapping_of_strings() -> None:
    graph = chain("a", "b", "c")

    with pytest.raises(TypeError, match="mapping"):
        brokerage(graph, [("a", "x")])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="'b'"):
        brokerage(graph, {"a": "x", "b": None})  # type: ignore[dict-item]
