"""The actors' network: people, groups, agencies, places and incidents, with typed edges.

Built from merged incident records (`incidents.record`), so a person named by three outlets is one
node, with every report that mentions them. Every node and edge keeps the documents it comes from
and its evidence spans, so an analyst can go from a line in Gephi back to the sentence.

Edges follow what reports state. Roles give directions only where the trade has one: a
manufacturer or supplier supplies the brokers, sellers and couriers of the same case; a seller or
broker sells to its buyers (a buyer with no seller in the case buys from the supplier). Each case
with several suspects is a group: its suspects are members, its leader leads it. Arrested people
are linked to the police or gendarmerie units the reports name; incidents to their places.

Named people are one node across incidents (same folded name); unnamed people ("a 26-year-old
man") are nodes of their incident only: nothing says two unnamed men are one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from ghostwatch.incidents.profile import common_capitalised, fold
from ghostwatch.incidents.record import Claim, IncidentRecord, MergedPerson, Source

#: roles whose holders pass goods on, and to whom (the trade's direction)
SUPPLY_ROLES = frozenset({"manufacturer", "supplier"})
MIDDLE_ROLES = frozenset({"broker", "seller", "courier"})
SALE_ROLES = frozenset({"seller", "broker"})
#: agency kinds that arrest people
ARRESTING_KINDS = frozenset({"police", "gendarmerie", "customs", "border"})
#: how a collective node of one role is labelled
ROLE_PLURALS = {
    "manufacturer": "manufacturers",
    "supplier": "suppliers",
    "broker": "brokers",
    "seller": "sellers",
    "buyer": "buyers",
    "courier": "couriers",
    "accomplice": "accomplices",
}
#: the group a node counts in for brokerage: its main role (the first that applies, in this order)
ROLE_ORDER = ("leader", "manufacturer", "supplier", "broker", "seller", "courier", "buyer")


@dataclass
class Provenance:
    """The documents and evidence behind a node or an edge."""

    documents: set[str] = field(default_factory=set)
    evidence: list[dict[str, Any]] = field(default_factory=list)

    def add(self, sources: Iterable[Source]) -> None:
        for source in sources:
            self.documents.add(source.document_id)
            for span in source.evidence:
                item = {"document": source.document_id, **span.model_dump()}
                if item not in self.evidence:
                    self.evidence.append(item)


def build_graph(records: Iterable[IncidentRecord]) -> nx.MultiDiGraph:
    """The network of these incidents. Node and edge attributes are plain values (for exports):
    `kind`, `label`, and lists under `documents` and `evidence`; `graph.graph["documents"]`
    holds each source document's title, address, publication date and language."""
    builder = _Builder()
    for record in records:
        builder.add_incident(record)
    return builder.finish()


class _Builder:
    def __init__(self) -> None:
        self.graph = nx.MultiDiGraph()
        self.provenance: dict[Any, Provenance] = {}

    def finish(self) -> nx.MultiDiGraph:
        for key, provenance in self.provenance.items():
            attributes = (
                self.graph.nodes[key] if not isinstance(key, tuple) else self.graph.edges[key]
            )
            attributes["documents"] = sorted(provenance.documents)
            attributes["evidence"] = provenance.evidence
        return self.graph

    def node(self, node: str, sources: Iterable[Source], **attributes: Any) -> str:
        if node not in self.graph:
            self.graph.add_node(node, **attributes)
        else:
            for name, value in attributes.items():
                self.graph.nodes[node].setdefault(name, value)
        self.provenance.setdefault(node, Provenance()).add(sources)
        return node

    def edge(self, source: str, target: str, relation: str, sources: Iterable[Source]) -> None:
        if not self.graph.has_edge(source, target, key=relation):
            self.graph.add_edge(source, target, key=relation, relation=relation)
        self.provenance.setdefault((source, target, relation), Provenance()).add(sources)

    def add_incident(self, record: IncidentRecord) -> None:
        documents = self.graph.graph.setdefault("documents", {})
        for entry in record.timeline:
            documents[entry.document_id] = {
                "title": entry.title,
                "source": entry.source,
                "published": entry.published.isoformat() if entry.published else None,
                "language": entry.language,
            }
        every_source = [Source(document_id=document, evidence=[]) for document in record.documents]
        start, end = _dates(record)
        incident = self.node(
            f"incident:{record.id}",
            every_source,
            kind="incident",
            label=f"incident {record.id}" + (f" ({start})" if start else ""),
            start=start.isoformat() if start else None,
            end=end.isoformat() if end else None,
            countries=[claim.value for claim in record.countries],
            actions=[claim.value for claim in record.incident_types],
        )
        for claim in record.locations:
            place = self._place(claim)
            self.edge(incident, place, "located in", claim.sources)
        police = []
        for claim in record.agencies:
            agency = self._agency(record.id, claim)
            self.edge(agency, incident, "involved in", claim.sources)
            if self.graph.nodes[agency].get("agency_kind") in ARRESTING_KINDS:
                police.append((agency, claim))
        suspects = [
            self._person(record.id, person, "suspect", index)
            for index, person in enumerate(record.suspects)
        ]
        suspects += self._collectives(record, suspects, every_source)
        victims = [
            self._person(record.id, person, "victim", index)
            for index, person in enumerate(record.victims)
        ]
        for node, person in [*suspects, *victims]:
            self.edge(node, incident, "involved in", _person_sources(person))
        if len(suspects) > 1:
            group = self.node(
                f"group:{record.id}",
                every_source,
                kind="group",
                label=f"network of incident {record.id}",
                start=start.isoformat() if start else None,
                end=end.isoformat() if end else None,
            )
            for node, person in suspects:
                self.edge(node, group, "member of", _person_sources(person))
                if "leader" in person.roles:
                    self.edge(node, group, "leads", _person_sources(person))
        self._trade_edges(suspects)
        for node, person in suspects:
            if "arrested" in person.status:
                for agency, claim in police:
                    self.edge(node, agency, "arrested by", [*_person_sources(person)])
                    self.provenance[(node, agency, "arrested by")].add(claim.sources)

    def _trade_edges(self, suspects: list[tuple[str, MergedPerson]]) -> None:
        def holders(roles: frozenset[str]) -> list[tuple[str, MergedPerson]]:
            return [(node, p) for node, p in suspects if set(p.roles) & roles]

        suppliers, middle = holders(SUPPLY_ROLES), holders(MIDDLE_ROLES)
        sellers, buyers = holders(SALE_ROLES), holders(frozenset({"buyer"}))
        for source, supplier in suppliers:
            for target, other in middle:
                if source != target:
                    self.edge(source, target, "supplies", _person_sources(supplier, other))
        for source, seller in sellers:
            for target, buyer in buyers:
                if source != target:
                    self.edge(source, target, "sells to", _person_sources(seller, buyer))
        if not sellers:
            for source, buyer in buyers:
                for target, supplier in suppliers:
                    if source != target:
                        self.edge(source, target, "buys from", _person_sources(buyer, supplier))

    def _collectives(
        self,
        record: IncidentRecord,
        suspects: list[tuple[str, MergedPerson]],
        sources: list[Source],
    ) -> list[tuple[str, MergedPerson]]:
        """Nodes for the roles a case has but no described person holds ("some produced the
        weapons, others acted as middlemen"): the people of that role, as one node."""
        held = {role for _, person in suspects for role in person.roles}
        found = []
        for claim in record.roles:
            role = claim.value
            if role in held or role == "leader":
                continue
            node = self.node(
                f"people:{record.id}:{role}",
                claim.sources or sources,
                kind="people",
                label=f"{ROLE_PLURALS.get(role, role)} (incident {record.id})",
                roles=[role],
                role_group=role,
            )
            found.append((node, MergedPerson(roles=[role])))
        return found

    def _person(
        self, incident_id: int, person: MergedPerson, side: str, index: int
    ) -> tuple[str, MergedPerson]:
        sources = _person_sources(person)
        if person.name:
            key = f"person:{fold(person.name)}"
        else:  # the record's people are distinct: their place in it tells them apart
            key = f"person:{incident_id}:{side}:{index}"
        label = person.name or _description(person)
        node = self.node(
            key,
            sources,
            kind="person",
            label=label,
            named=bool(person.name),
            side=side,
            age=person.age,
            gender=person.gender,
        )
        attributes = self.graph.nodes[node]
        attributes["roles"] = sorted(set(attributes.get("roles", [])) | set(person.roles))
        attributes["status"] = sorted(set(attributes.get("status", [])) | set(person.status))
        attributes["role_group"] = main_role(attributes["roles"]) or side
        return node, person

    def _place(self, claim: Claim) -> str:
        value = claim.value
        key = value.get("geonames_id") or fold(value["name"])
        return self.node(
            f"place:{key}",
            claim.sources,
            kind="place",
            label=value["name"],
            place_kind=value.get("kind"),
            country=value.get("country"),
            lat=value.get("lat"),
            lon=value.get("lon"),
        )

    def _agency(self, incident_id: int, claim: Claim) -> str:
        """A named unit is one node across cases; "police" or "les gendarmes" is only the
        unit of this case (otherwise every case would meet at one "police" node)."""
        value = claim.value
        name = fold(value["name"])
        key = (
            f"agency:{name}" if is_specific_name(value["name"]) else f"agency:{incident_id}:{name}"
        )
        return self.node(
            key,
            claim.sources,
            kind="agency",
            label=value["name"],
            agency_kind=value.get("kind"),
            country=value.get("country"),
        )


def main_role(roles: Iterable[str]) -> str | None:
    """The role a person counts under when roles are groups (brokerage, colours)."""
    held = set(roles)
    return next((role for role in ROLE_ORDER if role in held), None)


def is_specific_name(name: str) -> bool:
    """Whether a name names one body ("Metropolitan Police", "parquet de Lyon", "OFAST") rather
    than a kind of body ("Police", "les policiers"): it has an acronym, or a capitalised word that
    is not one of the language packs' common capitalised words."""
    if re.search(r"\b[A-Z]{2,}\b", name):
        return True
    capitalised = [
        fold(word) for word in re.findall(r"\b[^\W\d_][\w'’-]*", name) if word[0].isupper()
    ]
    return any(word not in common_capitalised(None) for word in capitalised)


def _person_sources(*people: MergedPerson) -> list[Source]:
    return [source for person in people for m in person.mentions for source in m.sources]


def _description(person: MergedPerson) -> str:
    words = []
    if person.age is not None:
        words.append(f"{person.age}-year-old")
    words.append({"male": "man", "female": "woman"}.get(person.gender or "", "person"))
    if person.roles:
        words.append(f"({', '.join(person.roles)})")
    return " ".join(words)


def _dates(record: IncidentRecord) -> tuple[dt.date | None, dt.date | None]:
    days = [entry.date for entry in record.timeline if entry.date]
    if record.date is not None:
        days += [record.date.chosen["start"], record.date.chosen["end"]]
    days = [dt.date.fromisoformat(d) if isinstance(d, str) else d for d in days]
    return (min(days), max(days)) if days else (None, None)
