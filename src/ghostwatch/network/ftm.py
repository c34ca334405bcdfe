"""The network as FollowTheMoney entities, the data model of Aleph and OpenSanctions.

Mapping: a person is a `Person`; a case's group an `Organization`; an agency a `PublicBody`; a
place an `Address`; an incident an `Event` (dates, country, address, people involved); each source
document an `Article`, tied to every entity it supports by a `Documentation` (so in Aleph every
fact leads back to its article). Membership and leadership of a group are `Membership`s; every
other relation (supplies, sells to, arrested by...) is an `UnknownLink` whose role names it;
relations cite their articles as `proof`.
Entity ids are derived from our node ids, so exporting twice gives the same ids.

`followthemoney` is an optional extra (`pip install ghostwatch[ftm]`): importing this module
without it raises an ImportError that says so.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import networkx as nx

try:
    from followthemoney import model
    from followthemoney.proxy import EntityProxy
except ImportError as error:  # pragma: no cover - depends on the environment
    raise ImportError(
        "the FollowTheMoney export needs the followthemoney package: pip install 'ghostwatch[ftm]'"
    ) from error

#: our node kinds and the FtM schema each becomes
SCHEMATA = {
    "person": "Person",
    "group": "Organization",
    "people": "Organization",
    "agency": "PublicBody",
    "place": "Address",
    "incident": "Event",
}
MEMBERSHIP_RELATIONS = {"member of": "member", "leads": "leader"}
NAMESPACE = "ghostwatch"


def ftm_entities(graph: nx.MultiDiGraph) -> Iterator[dict[str, Any]]:
    """Every entity of the network, as FtM JSON dictionaries (schema, id, properties)."""
    articles = {
        document: _article(document, info)
        for document, info in graph.graph.get("documents", {}).items()
    }
    node_entities: dict[str, EntityProxy] = {}
    for node, attributes in graph.nodes(data=True):
        entity = _node_entity(node, attributes)
        node_entities[node] = entity
    for source, target, relation in graph.edges(keys=True):
        if relation == "located in" and graph.nodes[source].get("kind") == "incident":
            node_entities[source].add("addressEntity", node_entities[target].id)
        if relation == "involved in" and graph.nodes[target].get("kind") == "incident":
            node_entities[target].add("involved", node_entities[source].id)
    yield from (article.to_dict() for article in articles.values())
    for node, entity in node_entities.items():
        yield entity.to_dict()
        yield from _documentation(entity, graph.nodes[node], articles)
    for source, target, relation, attributes in graph.edges(keys=True, data=True):
        if relation in ("located in", "involved in") and {
            graph.nodes[source].get("kind"),
            graph.nodes[target].get("kind"),
        } & {"incident"}:
            continue  # carried by the Event's own properties
        link = _link(node_entities[source], node_entities[target], relation)
        # a relation is an Interval, which FtM documents by `proof`, not by Documentation
        for document in attributes.get("documents", []):
            if document in articles:
                link.add("proof", articles[document].id)
        yield link.to_dict()


def _node_entity(node: str, attributes: dict[str, Any]) -> EntityProxy:
    schema = SCHEMATA[attributes["kind"]]
    entity = model.make_entity(schema)
    entity.make_id(NAMESPACE, node)
    label = attributes.get("label") or node
    if schema == "Address":
        entity.add("full", label)
        entity.add("city", label)
        entity.add("country", attributes.get("country"))
        if attributes.get("lat") is not None:
            entity.add("latitude", attributes["lat"])
            entity.add("longitude", attributes["lon"])
    else:
        entity.add("name", label)
    if schema == "Person":
        entity.add("gender", attributes.get("gender"))
        details = [*attributes.get("roles", []), *attributes.get("status", [])]
        if attributes.get("age") is not None:
            details.append(f"age {attributes['age']} as reported")
        entity.add("description", ", ".join(details) or None)
    if schema == "PublicBody":
        entity.add("country", attributes.get("country"))
        entity.add("sector", attributes.get("agency_kind"))
    if schema == "Event":
        entity.add("startDate", attributes.get("start"))
        entity.add("endDate", attributes.get("end"))
        entity.add("country", attributes.get("countries"))
        entity.add("summary", ", ".join(attributes.get("actions", [])) or None)
    if attributes["kind"] == "group":
        entity.add("description", "suspects of one case, as grouped by ghostwatch")
    if attributes["kind"] == "people":
        entity.add("description", "the unnamed people of one role in a case")
    return entity


def _link(subject: EntityProxy, target: EntityProxy, relation: str) -> EntityProxy:
    if relation in MEMBERSHIP_RELATIONS and target.schema.name == "Organization":
        link = model.make_entity("Membership")
        link.make_id(NAMESPACE, "membership", subject.id, target.id, relation)
        link.add("member", subject.id)
        link.add("organization", target.id)
        link.add("role", MEMBERSHIP_RELATIONS[relation])
        return link
    link = model.make_entity("UnknownLink")
    link.make_id(NAMESPACE, "link", subject.id, target.id, relation)
    link.add("subject", subject.id)
    link.add("object", target.id)
    link.add("role", relation)
    return link


def _article(document: str, info: dict[str, Any]) -> EntityProxy:
    article = model.make_entity("Article")
    article.make_id(NAMESPACE, "document", document)
    article.add("title", info.get("title") or document)
    article.add("sourceUrl", info.get("source"))
    article.add("publishedAt", info.get("published"))
    article.add("language", info.get("language"))
    return article


def _documentation(
    entity: EntityProxy, attributes: dict[str, Any], articles: dict[str, EntityProxy]
) -> Iterator[dict[str, Any]]:
    """One `Documentation` per source document of an entity, quoting its evidence."""
    for document in attributes.get("documents", []):
        article = articles.get(document)
        if article is None:
            continue
        quotes = [
            e.get("text") for e in attributes.get("evidence", []) if e.get("document") == document
        ]
        link = model.make_entity("Documentation")
        link.make_id(NAMESPACE, "documentation", entity.id, article.id)
        link.add("document", article.id)
        link.add("entity", entity.id)
        link.add("role", "source")
        link.add("summary", " … ".join(q for q in quotes if q) or None)
        yield link.to_dict()
