"""Every scored field of ANNOTATION.md's comparison table, registered in the table's order.

Enum labels are compared as they are (the schema fixes their spelling); free strings (country
codes, currencies, model and operation names) are normalised first.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable

from ghostwatch.evaluation.dates import DateField
from ghostwatch.evaluation.normalise import normalise, normalise_optional
from ghostwatch.evaluation.places import location_items, region_items, same_place
from ghostwatch.evaluation.registry import FieldRegistry
from ghostwatch.evaluation.scorers import KeyedField, MatchedField, RelevanceField
from ghostwatch.model import Report

LABEL_FIELDS = ("incident_types", "firearm_kinds", "roles", "methods", "motives")
NAME_FIELDS = ("weapon_models", "operations")


def _labels(field: str) -> Callable[[Report], Iterable[Hashable]]:
    return lambda report: getattr(report, field)


def _names(field: str) -> Callable[[Report], Iterable[Hashable]]:
    return lambda report: (normalise(value.name) for value in getattr(report, field))


def _countries(report: Report) -> Iterable[Hashable]:
    return (normalise(code) for code in report.countries)


def _agencies(report: Report) -> Iterable[Hashable]:
    """Names vary too much between wordings: an agency is its kind and country."""
    return ((agency.kind, normalise_optional(agency.country)) for agency in report.agencies)


def _counts(report: Report) -> Iterable[Hashable]:
    return ((key, count.value) for key, count in report.counts.items())


def _seized(report: Report) -> Iterable[Hashable]:
    return ((item.category, item.quantity) for item in report.seized)


def _seized_categories(report: Report) -> Iterable[Hashable]:
    return (item.category for item in report.seized)


def _suspect_ages(report: Report) -> Iterable[Hashable]:
    return (person.age for person in report.suspects if person.age is not None)


def _prices(report: Report) -> Iterable[Hashable]:
    return ((price.min, price.max, normalise(price.currency)) for price in report.prices)


def _registry() -> FieldRegistry:
    fields = FieldRegistry()
    fields.register(RelevanceField("relevant"))
    for name in LABEL_FIELDS:
        fields.register(KeyedField(name, _labels(name), distinct=True))
    fields.register(KeyedField("countries", _countries, distinct=True))
    fields.register(DateField("date"))
    fields.register(MatchedField("locations", location_items, same_place))
    fields.register(MatchedField("regions", region_items, same_place))
    fields.register(KeyedField("agencies", _agencies))
    fields.register(KeyedField("counts", _counts))
    fields.register(KeyedField("seized", _seized))
    fields.register(KeyedField("seized_categories", _seized_categories, distinct=True))
    fields.register(KeyedField("suspect_ages", _suspect_ages))
    fields.register(KeyedField("prices", _prices))
    for name in NAME_FIELDS:
        fields.register(KeyedField(name, _names(name), distinct=True))
    return fields


FIELDS = _registry()
"""The scored fields, in the order of ANNOTATION.md's comparison table."""
