"""The merged record of one incident: every fact with the reports that state it.

Outlets disagree ("14 arrested" against "15 arrested"), and update each other as a case moves on.
The record keeps every stated value side by side with its sources and evidence, and picks one by a
named rule: the latest official source (a police, prosecutor or ministry release) when one states
the fact, else the value most reports give, ties going to the latest report. Facts that add up
rather than conflict (places, agencies, kinds of action) are listed with their sources.

People are merged across reports: the same name is the same person; unnamed, "a 26-year-old man"
and "the 26-year-old" are one person by age; "the leader" joins the one person with that role.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Sequence
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, Field

from ghostwatch.incidents.profile import fold, is_judicial, name_words
from ghostwatch.model import Person, Report, Span


class Source(BaseModel):
    """One report behind a value, with the evidence it gives."""

    document_id: str
    source: str | None = None
    published: dt.date | None = None
    official: bool = False
    evidence: list[Span] = Field(default_factory=list)


class Claim(BaseModel):
    value: Any
    sources: list[Source]


class MergedValue(BaseModel):
    """A fact the reports may disagree on: the chosen value, why, and every value stated."""

    chosen: Any
    rule: str
    claims: list[Claim]
    #: an analyst's verdict on the chosen value: "confirmed" or "rejected"
    review: str | None = None

    @property
    def conflicting(self) -> bool:
        return len(self.claims) > 1


class MergedPerson(BaseModel):
    name: str | None = None
    age: int | None = None
    gender: str | None = None
    roles: list[str] = Field(default_factory=list)
    status: list[str] = Field(default_factory=list)
    #: how each report refers to this person
    mentions: list[Claim] = Field(default_factory=list)


class TimelineEntry(BaseModel):
    date: dt.date | None
    document_id: str
    source: str | None = None
    title: str | None = None
    published: dt.date | None = None
    language: str | None = None
    incident_types: list[str] = Field(default_factory=list)
    #: a report of charges, a trial or a sentence rather than of the action itself
    follow_up: bool = False


class IncidentRecord(BaseModel):
    id: int
    documents: list[str]
    date: MergedValue | None = None
    counts: dict[str, MergedValue] = Field(default_factory=dict)
    seized: dict[str, MergedValue] = Field(default_factory=dict)
    #: places as the reports give them (name, kind, country, admin1, geonames_id, lat, lon, role)
    locations: list[Claim] = Field(default_factory=list)
    countries: list[Claim] = Field(default_factory=list)
    #: agencies as the reports name them (name, kind, country)
    agencies: list[Claim] = Field(default_factory=list)
    incident_types: list[Claim] = Field(default_factory=list)
    firearm_kinds: list[Claim] = Field(default_factory=list)
    methods: list[Claim] = Field(default_factory=list)
    #: roles the reports say the case's network has (also those no one person is given)
    roles: list[Claim] = Field(default_factory=list)
    operations: list[Claim] = Field(default_factory=list)
    prices: list[Claim] = Field(default_factory=list)
    suspects: list[MergedPerson] = Field(default_factory=list)
    victims: list[MergedPerson] = Field(default_factory=list)
    timeline: list[TimelineEntry] = Field(default_factory=list)


def build_record(incident_id: int, reports: Sequence[Report]) -> IncidentRecord:
    """Merge the reports of one incident (in any order) into its record."""
    reports = sorted(reports, key=_report_order)
    judicial = {r.document.id: is_judicial(r) for r in reports}
    action = [r for r in reports if not judicial[r.document.id]] or list(reports)
    count_keys = sorted({key for r in reports for key in r.counts})
    categories = sorted({item.category for r in reports for item in r.seized if item.quantity})
    return IncidentRecord(
        id=incident_id,
        documents=[r.document.id for r in reports],
        date=_merge_one(
            action,
            lambda r: [] if r.date is None else [((r.date.start, r.date.end), r.date.evidence)],
            lambda value: {"start": value[0], "end": value[1]},
        ),
        counts={
            key: merged
            for key in count_keys
            if (
                merged := _merge_one(
                    reports,
                    lambda r, key=key: (
                        [(r.counts[key].value, r.counts[key].evidence)] if key in r.counts else []
                    ),
                )
            )
        },
        seized={
            category: merged
            for category in categories
            if (merged := _merge_one(reports, lambda r, c=category: _seized_total(r, c)))
        },
        locations=_union(
            reports,
            lambda r: [
                (
                    (p.geonames_id or fold(p.name)),
                    p.model_dump(mode="json", exclude={"evidence", "confidence"}),
                    p.evidence,
                )
                for p in r.locations
                if p.role != "other"
            ],
        ),
        countries=_union(reports, lambda r: [(c, c, []) for c in r.countries]),
        agencies=_union(
            reports,
            lambda r: [
                (fold(a.name), a.model_dump(mode="json", exclude={"evidence"}), a.evidence)
                for a in r.agencies
            ],
        ),
        incident_types=_union(reports, lambda r: [(t, t, []) for t in r.incident_types]),
        firearm_kinds=_union(reports, lambda r: [(k, k, []) for k in r.firearm_kinds]),
        methods=_union(reports, lambda r: [(m, m, []) for m in r.methods]),
        roles=_union(reports, lambda r: [(role, role, []) for role in r.roles]),
        operations=_union(
            reports, lambda r: [(fold(o.name), o.name, o.evidence) for o in r.operations]
        ),
        prices=_union(
            reports,
            lambda r: [
                ((p.min, p.max, p.currency), f"{p.min:g}–{p.max:g} {p.currency}", p.evidence)
                for p in r.prices
            ],
        ),
        suspects=merge_people(reports, lambda r: r.suspects),
        victims=merge_people(reports, lambda r: r.victims),
        timeline=[
            TimelineEntry(
                date=r.date.start if r.date else r.document.published,
                document_id=r.document.id,
                source=r.document.source,
                title=r.document.title,
                published=r.document.published,
                language=r.document.language,
                incident_types=list(r.incident_types),
                follow_up=judicial[r.document.id],
            )
            for r in sorted(reports, key=_action_order)
        ],
    )


def _report_order(report: Report) -> tuple[dt.date, str]:
    return (report.document.published or dt.date.min, report.document.id)


def _action_order(report: Report) -> tuple[dt.date, str]:
    day = report.date.start if report.date else report.document.published
    return (day or dt.date.min, report.document.id)


def _seized_total(report: Report, category: str) -> list[tuple[int, list[Span]]]:
    items = [item for item in report.seized if item.category == category and item.quantity]
    if not items:
        return []
    return [(sum(item.quantity or 0 for item in items), [s for i in items for s in i.evidence])]


def _merge_one(
    reports: Sequence[Report],
    stated: Callable[[Report], list[tuple[Hashable, list[Span]]]],
    shown: Callable[[Any], Any] = lambda value: value,
) -> MergedValue | None:
    """One value from many reports, by the rule in the module's docstring."""
    claims: dict[Hashable, list[Source]] = {}
    latest_official: Hashable | None = None
    for report in reports:  # oldest first, so later reports overwrite `latest_official`
        for value, evidence in stated(report):
            source = _source(report, evidence)
            claims.setdefault(value, []).append(source)
            if source.official:
                latest_official = value
    if not claims:
        return None
    if latest_official is not None and len(claims) > 1:
        chosen, rule = latest_official, "latest official source"
    elif len(claims) == 1:
        chosen, rule = next(iter(claims)), "all sources agree"
    else:
        # most sources; among equals, the value of the latest report
        last_seen = {value: max(_order(s) for s in sources) for value, sources in claims.items()}
        chosen = max(claims, key=lambda value: (len(claims[value]), last_seen[value]))
        rule = "most sources"
    return MergedValue(
        chosen=shown(chosen),
        rule=rule,
        claims=[Claim(value=shown(value), sources=sources) for value, sources in claims.items()],
    )


def _order(source: Source) -> tuple[dt.date, str]:
    return (source.published or dt.date.min, source.document_id)


def _union(
    reports: Sequence[Report],
    stated: Callable[[Report], Iterable[tuple[Hashable, Any, list[Span]]]],
) -> list[Claim]:
    """Values that add up across reports, each with every report stating it, most cited first."""
    found: dict[Hashable, Claim] = {}
    for report in reports:
        for key, shown, evidence in stated(report):
            claim = found.setdefault(key, Claim(value=shown, sources=[]))
            if all(s.document_id != report.document.id for s in claim.sources):
                claim.sources.append(_source(report, evidence))
    return sorted(found.values(), key=lambda claim: -len(claim.sources))


def merge_people(
    reports: Sequence[Report], people_of: Callable[[Report], list[Person]]
) -> list[MergedPerson]:
    """The distinct people of an incident's reports (see the module docstring for the rules).

    Mentions are linked in passes, strongest evidence first (names, then ages, then roles), so
    "Kevin Dumont, 26" joins both "Kevin D." by name and "a 26-year-old man" by age. Two
    mentions from one report are never linked: the extractor already told them apart.
    """
    mentions = [(report, person) for report in reports for person in people_of(report)]
    groups = _Groups([report.document.id for report, _ in mentions])
    people = [person for _, person in mentions]
    pairs = [(i, j) for i in range(len(people)) for j in range(i + 1, len(people))]
    for i, j in pairs:
        a, b = people[i], people[j]
        if a.name and b.name and set(name_words(a.name)) & set(name_words(b.name)):
            groups.join(i, j)
    for i, j in pairs:
        a, b = people[i], people[j]
        if a.age is not None and a.age == b.age and _compatible(a, b):
            groups.join(i, j)
    for i, person in enumerate(people):
        if person.name or person.age is not None or not person.roles:
            continue
        holders = {
            groups.find(j)
            for j, other in enumerate(people)
            if j != i and set(other.roles) & set(person.roles) and _compatible(person, other)
        } - {groups.find(i)}
        if len(holders) == 1:
            groups.join(i, holders.pop())
    merged: dict[int, MergedPerson] = {}
    for i, (report, person) in enumerate(mentions):
        _absorb(merged.setdefault(groups.find(i), MergedPerson()), person, report)
    return list(merged.values())


def _compatible(a: Person, b: Person) -> bool:
    """Nothing says these are two people: no two genders, no two names without a shared word."""
    if a.gender and b.gender and a.gender != b.gender:
        return False
    return not (a.name and b.name and not set(name_words(a.name)) & set(name_words(b.name)))


class _Groups:
    """Union-find over mentions that refuses to join two mentions of one report."""

    def __init__(self, documents: list[str]) -> None:
        self._parent = list(range(len(documents)))
        self._documents = [{document} for document in documents]

    def find(self, item: int) -> int:
        while self._parent[item] != item:
            self._parent[item] = self._parent[self._parent[item]]
            item = self._parent[item]
        return item

    def join(self, a: int, b: int) -> None:
        root_a, root_b = sorted((self.find(a), self.find(b)))
        if root_a == root_b or self._documents[root_a] & self._documents[root_b]:
            return
        self._parent[root_b] = root_a
        self._documents[root_a] |= self._documents[root_b]


def _absorb(merged: MergedPerson, person: Person, report: Report) -> None:
    merged.name = merged.name or person.name
    merged.age = merged.age if merged.age is not None else person.age
    merged.gender = merged.gender or person.gender
    merged.roles = sorted(set(merged.roles) | set(person.roles))
    merged.status = sorted(set(merged.status) | set(person.status))
    label = person.name or person.label or "?"
    merged.mentions.append(Claim(value=label, sources=[_source(report, person.evidence)]))


def _source(report: Report, evidence: list[Span]) -> Source:
    return Source(
        document_id=report.document.id,
        source=report.document.source,
        published=report.document.published,
        official=is_official(report.document.source),
        evidence=list(evidence),
    )


def is_official(address: str | None) -> bool:
    """Whether a source address is an authority's own site (police, prosecutor, ministry)."""
    if not address:
        return False
    host = (urlsplit(address).hostname or address).casefold()
    markers = _official_markers()
    labels = host.split(".")
    return any(label in markers["labels"] for label in labels) or any(
        host.endswith(suffix) for suffix in markers["suffixes"]
    )


@cache
def _official_markers() -> dict[str, frozenset[str]]:
    data = yaml.safe_load(
        resources.files("ghostwatch.incidents").joinpath("official_sources.yaml").read_text("utf-8")
    )
    return {key: frozenset(values) for key, values in data.items()}
