"""Gould–Fernandez brokerage roles: who mediates between whom, and across which groups.

Gould, R. V. & Fernandez, R. M. (1989). "Structures of mediation: A formal approach to brokerage
in transaction networks". Sociological Methodology 19: 89–126.

A broker b sits on an open two-path a → b → c: a reaches c only through b, because there is no
direct tie a → c. Gould and Fernandez classify each such path by the groups of a, b and c, which
tells an analyst what kind of control b holds. In a trafficking network whose groups are the
actors' roles (manufacturer, broker, seller, buyer):

- coordinator (a, b, c in one group): b mediates inside its own group, e.g. a seller who passes
  stock from one fellow seller to another; the group's internal organiser.
- itinerant, the paper's "consultant" (a and c in one group, b in another): an outsider who
  links two members of one group, e.g. a middleman carrying parts between two manufacturers.
- gatekeeper (b and c in one group, a in another): b controls what enters its group, e.g. the
  seller whose contact lets an outside supplier's goods into the seller network.
- representative (a and b in one group, c in another): b carries its group's flow outward, e.g.
  the seller who takes the sellers' stock to the buyers.
- liaison (a, b, c in three groups): b links groups it does not belong to, e.g. a middleman
  between manufacturers and sellers; often the most valuable target, since removing it cuts
  groups apart.

The counts here are raw path counts; the paper's normalisation by the counts expected under
random group assignment is not computed. Removing a high-count gatekeeper or liaison isolates a
group; coordinators matter for a group's inner cohesion.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Final, TypeVar

import networkx as nx

BROKERAGE_ROLES: Final[tuple[str, ...]] = (
    "coordinator",
    "itinerant",
    "gatekeeper",
    "representative",
    "liaison",
)

NodeT = TypeVar("NodeT", bound=Hashable)

# A node's group as compared by the classifier: ("group", name) for a node with a group, or
# ("node", node) for a node without one, so an ungrouped node only ever matches itself.
_GroupKey = tuple[str, Hashable]


def brokerage(graph: nx.DiGraph, group_of: Mapping[NodeT, str]) -> dict[NodeT, dict[str, int]]:
    """Count, for every node, the open two-paths it brokers, by Gould–Fernandez role.

    For each node b, every path a → b → c with a, b, c distinct and no edge a → c counts once,
    under the role given by the groups of a, b and c (see the module docstring). Edges are
    directed because brokerage is about the direction of flow (goods, money, contacts): with the
    direction reversed a gatekeeper becomes a representative. An undirected graph is therefore
    refused rather than read as both directions, which would double every path and blur those
    two roles. In a multigraph, parallel edges count as one tie; self-loops are ignored.

    A node missing from `group_of` is its own one-member group: it is never in the same group as
    another node, so it can broker as itinerant or liaison but never as coordinator, gatekeeper
    or representative. Keys of `group_of` that are not nodes of the graph are ignored.

    Returns a dict with one entry per node of the graph (in the graph's node order), each a dict
    of the five roles of `BROKERAGE_ROLES` (in that order) to counts, zeros included.
    """
    _check_graph(graph)
    _check_groups(group_of)
    keys = {node: _group_key(node, group_of) for node in graph.nodes}
    return {node: _broker_counts(graph, node, keys) for node in graph.nodes}


def brokerage_scores(graph: nx.DiGraph, group_of: Mapping[NodeT, str]) -> dict[NodeT, int]:
    """Total brokerage per node: the open two-paths it mediates, whatever their role.

    A ranking of brokers for an analyst who first wants to know who mediates most; `brokerage`
    says in which way. Same arguments and rules as `brokerage`.
    """
    return {node: sum(roles.values()) for node, roles in brokerage(graph, group_of).items()}


def _check_graph(graph: object) -> None:
    if not isinstance(graph, nx.Graph):
        raise TypeError(f"brokerage needs a networkx DiGraph, got {type(graph).__name__}")
    if not graph.is_directed():
        raise TypeError(
            "brokerage needs a directed graph (nx.DiGraph): its roles depend on the direction of "
            f"each tie, got an undirected {type(graph).__name__}"
        )


def _check_groups(group_of: object) -> None:
    if not isinstance(group_of, Mapping):
        raise TypeError(
            f"group_of must be a mapping of node to group, got {type(group_of).__name__}"
        )
    for node, group in group_of.items():
        if not isinstance(group, str):
            raise TypeError(f"group of node {node!r} must be a str, got {type(group).__name__}")


def _group_key(node: NodeT, group_of: Mapping[NodeT, str]) -> _GroupKey:
    if node in group_of:
        return ("group", group_of[node])
    return ("node", node)


def _broker_counts(
    graph: nx.DiGraph, broker: Hashable, keys: Mapping[Hashable, _GroupKey]
) -> dict[str, int]:
    counts = dict.fromkeys(BROKERAGE_ROLES, 0)
    sources = [node for node in graph.predecessors(broker) if node != broker]
    targets = [node for node in graph.successors(broker) if node != broker]
    for source in sources:
        for target in targets:
            if target == source or graph.has_edge(source, target):
                continue
            counts[_role(keys[source], keys[broker], keys[target])] += 1
    return counts


def _role(source: _GroupKey, broker: _GroupKey, target: _GroupKey) -> str:
    """The Gould–Fernandez role of the broker on a path source → broker → target."""
    if source == broker == target:
        return "coordinator"
    if source == target:
        return "itinerant"
    if broker == target:
        return "gatekeeper"
    if source == broker:
        return "representative"
    return "liaison"
