"""Who matters in the network: centrality, communities, cut points and brokers.

Structural measures run on the undirected simple graph of all nodes (an arrest links a person to
a unit as much as a sale links two people), since a broker between two cells is a broker whatever
the edge type. Brokerage roles (Gould and Fernandez) need directions and groups: they run on the
people's trade edges (supplies, sells to, buys from), with each person's main role as
their group. Results are written on the nodes as attributes, so every export carries them.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
from networkx.algorithms.community import greedy_modularity_communities

from ghostwatch.network.brokerage import BROKERAGE_ROLES, brokerage

#: person-to-person relations that carry goods or orders, in their direction
TRADE_RELATIONS = frozenset({"supplies", "sells to", "buys from"})
#: node kinds standing for people: one person, or the unnamed people of one role
PEOPLE_KINDS = frozenset({"person", "people"})


def analyse(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """Compute the measures, store them on `graph`'s nodes, and return a summary."""
    simple = nx.Graph(graph.to_undirected())
    betweenness = nx.betweenness_centrality(simple) if simple.number_of_nodes() > 2 else {}
    communities = list(greedy_modularity_communities(simple)) if simple.number_of_edges() else []
    community_of = {node: index for index, members in enumerate(communities) for node in members}
    cut_points = set(nx.articulation_points(simple))
    trade = trade_graph(graph)
    roles = brokerage(trade, {n: graph.nodes[n].get("role_group", "") for n in trade})
    for node, attributes in graph.nodes(data=True):
        attributes["degree"] = graph.degree(node)
        attributes["in_degree"] = graph.in_degree(node)
        attributes["out_degree"] = graph.out_degree(node)
        attributes["betweenness"] = round(betweenness.get(node, 0.0), 6)
        attributes["community"] = community_of.get(node, -1)
        attributes["articulation_point"] = node in cut_points
        for role in BROKERAGE_ROLES:
            attributes[f"brokerage_{role}"] = roles.get(node, {}).get(role, 0)
    brokers = sorted(
        (node for node in roles if sum(roles[node].values())),
        key=lambda node: (-sum(roles[node].values()), node),
    )
    return {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "communities": len(communities),
        "articulation_points": sorted(cut_points),
        "brokers": [{"node": node, **roles[node]} for node in brokers],
    }


def trade_graph(graph: nx.MultiDiGraph) -> nx.DiGraph:
    """People and the trade edges between them, as a simple directed graph."""
    trade = nx.DiGraph()
    for source, target, relation in graph.edges(keys=True):
        if relation in TRADE_RELATIONS and graph.nodes[target].get("kind") in PEOPLE_KINDS:
            trade.add_edge(source, target)
    return trade
