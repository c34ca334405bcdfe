"""Measures of the network written on its nodes: degree, cut points, communities, brokerage."""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pytest
from network_cases import person, report

from ghostwatch.incidents import build_record
from ghostwatch.incidents.profile import fold
from ghostwatch.network.brokerage import BROKERAGE_ROLES, brokerage
from ghostwatch.network.graph import build_graph
from ghostwatch.network.metrics import analyse, trade_graph


def node_of(name: str) -> str:
    return f"person:{fold(name)}"


def test_brokerage_on_nodes_matches_brokerage_of_the_trade_graph(
    network: nx.MultiDiGraph,
) -> None:
    summary = analyse(network)
    trade = trade_graph(network)
    # the trade graph holds the people and only the trade edges
    assert set(trade.edges) == {
        (u, v) for u, v, k in network.edges(keys=True) if k in ("supplies", "sells to")
    }
    expected = brokerage(trade, {n: network.nodes[n]["role_group"] for n in trade})
    for node, attributes in network.nodes(data=True):
        counts = expected.get(node, dict.fromkeys(BROKERAGE_ROLES, 0))
        assert {role: attributes[f"brokerage_{role}"] for role in BROKERAGE_ROLES} == counts
    # hand count: Tanguy (manufacturer) → Morvan (seller) → three buyers, all open paths
    morvan = node_of("Loic Morvan")
    assert expected[morvan]["liaison"] == 3
    assert sum(expected[morvan].values()) == 3
    assert summary["brokers"] == [{"node": morvan, **expected[morvan]}]


def test_degrees_count_every_edge(network: nx.MultiDiGraph) -> None:
    analyse(network)
    le_goff = network.nodes[node_of("Yann Le Goff")]
    # involved in, member of, leads, arrested by
    assert (le_goff["degree"], le_goff["in_degree"], le_goff["out_degree"]) == (4, 0, 4)
    morvan = network.nodes[node_of("Loic Morvan")]
    # two cases × (involved in, member of), 1 supplies in, 3 sells to, 1 arrested by
    assert (morvan["degree"], morvan["in_degree"], morvan["out_degree"]) == (9, 1, 8)
    place = network.nodes["place:2983990"]
    assert (place["degree"], place["in_degree"], place["out_degree"]) == (1, 1, 0)


def test_cut_points_and_communities(network: nx.MultiDiGraph) -> None:
    summary = analyse(network)
    morvan = node_of("Loic Morvan")
    # the seller alone ties the two cases; each incident alone ties its place
    assert {morvan, "incident:1", "incident:2"} <= set(summary["articulation_points"])
    assert network.nodes[morvan]["articulation_point"] is True
    assert network.nodes["place:2983990"]["articulation_point"] is False
    assert network.nodes[node_of("Paul Riou")]["articulation_point"] is False
    communities = {attributes["community"] for _, attributes in network.nodes(data=True)}
    assert -1 not in communities
    assert len(communities) == summary["communities"] >= 2
    # the two Brest nodes that hang on its incident share its community
    brest = network.nodes["incident:2"]["community"]
    assert network.nodes["place:3030300"]["community"] == brest
    assert network.nodes["place:2983990"]["community"] == network.nodes["incident:1"]["community"]
    assert summary["nodes"] == network.number_of_nodes()
    assert summary["edges"] == network.number_of_edges()


def test_betweenness_is_highest_at_the_bridge(network: nx.MultiDiGraph) -> None:
    analyse(network)
    betweenness = nx.get_node_attributes(network, "betweenness")
    people = [n for n, d in network.nodes(data=True) if d["kind"] == "person"]
    assert max(people, key=betweenness.get) == node_of("Loic Morvan")
    assert betweenness["place:2983990"] == 0.0
    assert all(0.0 <= value <= 1.0 for value in betweenness.values())


def test_two_middlemen_each_liaise_between_maker_and_buyer() -> None:
    # a broker and a seller: both are supplied by the maker (middle roles get no edges between
    # them) and both sell to the buyer
    text = "Ewen Floch printed them, Gael Cozic brokered, Anne Le Bihan sold to Yves Pape."
    case = report(
        "g",
        text,
        published=dt.date(2025, 1, 2),
        suspects=[
            person(text, "Ewen Floch", name="Ewen Floch", roles=["manufacturer"]),
            person(text, "Gael Cozic", name="Gael Cozic", roles=["broker"]),
            person(text, "Anne Le Bihan", name="Anne Le Bihan", roles=["seller"]),
            person(text, "Yves Pape", name="Yves Pape", roles=["buyer"]),
        ],
    )
    graph = build_graph([build_record(4, [case])])
    summary = analyse(graph)
    floch, cozic, bihan, pape = map(
        node_of, ("Ewen Floch", "Gael Cozic", "Anne Le Bihan", "Yves Pape")
    )
    assert set(trade_graph(graph).edges) == {
        (floch, cozic),
        (floch, bihan),
        (cozic, pape),
        (bihan, pape),
    }
    for middle in (cozic, bihan):
        assert graph.nodes[middle]["brokerage_liaison"] == 1  # maker → middle → buyer, open
    assert graph.nodes[floch]["brokerage_liaison"] == 0
    assert {b["node"] for b in summary["brokers"]} == {cozic, bihan}
    # everyone is tied to the incident and the group (no place, no agency): no cut point
    assert summary["articulation_points"] == []
    assert not any(d["articulation_point"] for _, d in graph.nodes(data=True))


@pytest.mark.parametrize("nodes", [0, 1])
def test_tiny_graphs_analyse_without_error(nodes: int) -> None:
    graph = nx.MultiDiGraph()
    for index in range(nodes):
        graph.add_node(f"incident:{index}", kind="incident", label="x")
    summary = analyse(graph)
    assert summary["communities"] == 0 and summary["brokers"] == []
    assert all(d["community"] == -1 and d["degree"] == 0 for _, d in graph.nodes(data=True))
