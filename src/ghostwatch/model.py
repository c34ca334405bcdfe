"""The `report/1` contract and the document types every layer shares.

This module is the bottom of the package: it imports nothing of ours. The pydantic models mirror
`spec/report.schema.json` field for field (a test keeps the two in step), so a report built here
serialises to JSON that validates against the schema.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "report/1"

IncidentType = Literal[
    "investigation",
    "search",
    "arrest",
    "seizure",
    "interception",
    "charge",
    "remand",
    "bail",
    "warrant",
    "extradition",
    "conviction",
    "sentence",
    "manufacture",
    "trafficking",
    "possession",
    "shooting",
    "threat",
]
FirearmKind = Literal[
    "3d_printed", "privately_made", "converted", "conventional", "blank_firing", "imitation"
]
Role = Literal[
    "leader", "manufacturer", "supplier", "broker", "seller", "buyer", "courier", "accomplice"
]
PersonStatus = Literal[
    "arrested",
    "charged",
    "remanded",
    "bailed",
    "released",
    "convicted",
    "acquitted",
    "wanted",
    "extradition_requested",
    "killed",
    "injured",
]
DatePrecision = Literal["day", "week", "month", "year", "range"]
LocationKind = Literal["country", "admin1", "admin2", "city", "place"]
LocationRole = Literal["incident", "residence", "authority", "origin", "destination", "other"]
AgencyKind = Literal[
    "police",
    "gendarmerie",
    "prosecutor",
    "court",
    "customs",
    "border",
    "intelligence",
    "international",
    "military",
    "other",
]
CountKey = Literal[
    "arrested",
    "charged",
    "remanded",
    "bailed",
    "released",
    "convicted",
    "wanted",
    "killed",
    "injured",
    "searches",
    "workshops",
    "officers",
]
SeizedCategory = Literal[
    "3d_printer",
    "3d_printed_firearm",
    "3d_printed_part",
    "firearm",
    "firearm_part",
    "conversion_device",
    "ammunition",
    "magazine",
    "accessory",
    "silencer",
    "explosive",
    "other_weapon",
    "imitation_firearm",
    "drugs",
    "cash",
    "filament",
    "machine_tool",
    "electronics",
    "document",
]
Method = Literal[
    "online_marketplace",
    "darknet",
    "encrypted_messaging",
    "social_media",
    "cryptocurrency",
    "mail_parcels",
    "parts_shipped_separately",
    "imported_parts",
    "file_sharing",
    "workshop",
    "metal_machining",
]
Motive = Literal[
    "profit",
    "ideological",
    "collector",
    "organized_crime",
    "terrorism",
    "self_defense",
    "curiosity",
]


class _Model(BaseModel):
    """Base for report parts: unknown keys are kept (the schema allows them; gold uses some)."""

    model_config = ConfigDict(extra="allow")


class Span(BaseModel):
    """A piece of evidence: `text == document.text[start:end]`."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Evidenced(_Model):
    evidence: list[Span] = Field(default_factory=list)


class Count(Evidenced):
    value: int = Field(ge=0)


class Person(Evidenced):
    label: str | None = None
    name: str | None = None
    age: int | None = None
    gender: Literal["male", "female"] | None = None
    roles: list[Role] = Field(default_factory=list)
    status: list[PersonStatus] = Field(default_factory=list)
    residence: str | None = None
    nationality: str | None = None
    prior_record: bool | None = None
    sentence_months: int | None = None


class DateValue(Evidenced):
    start: dt.date
    end: dt.date
    precision: DatePrecision = "day"
    text: str | None = None


class Location(Evidenced):
    name: str
    kind: LocationKind = "place"
    country: str | None = None
    admin1: str | None = None
    #: the second-level region (county, département) a town lies in, where the gazetteer knows it
    admin2: str | None = None
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    role: LocationRole = "incident"
    #: how sure the extractor is that the text names this place (0 to 1): the reliability of
    #: the mentions' wording times the chosen entry's share among its namesakes
    confidence: float | None = Field(default=None, ge=0, le=1)


class Agency(Evidenced):
    name: str
    kind: AgencyKind
    country: str | None = None


class AgeRange(Evidenced):
    min: int
    max: int


class Seizure(Evidenced):
    category: SeizedCategory
    quantity: int | None = None
    amount: float | None = None
    currency: str | None = None
    qualifier: str | None = None


class Price(Evidenced):
    min: float
    max: float
    currency: str
    item: SeizedCategory | None = None


class NamedValue(Evidenced):
    """A weapon model or an operation name."""

    name: str


class DocumentBlock(_Model):
    """The document as the report carries it: `text` is the cleaned text evidence points into."""

    id: str
    source: str | None = None
    title: str | None = None
    published: dt.date | None = None
    language: str | None = None
    text: str = ""


class Report(_Model):
    """One source document's structured report (`report/1`)."""

    schema_: Literal["report/1"] = Field(default=SCHEMA_VERSION, alias="schema")
    document: DocumentBlock
    relevant: bool = False
    relevance_score: float | None = Field(default=None, ge=0, le=1)
    incident_types: list[IncidentType] = Field(default_factory=list)
    firearm_kinds: list[FirearmKind] = Field(default_factory=list)
    date: DateValue | None = None
    locations: list[Location] = Field(default_factory=list)
    countries: list[str] = Field(default_factory=list)
    agencies: list[Agency] = Field(default_factory=list)
    counts: dict[CountKey, Count] = Field(default_factory=dict)
    suspects: list[Person] = Field(default_factory=list)
    victims: list[Person] = Field(default_factory=list)
    age_range: AgeRange | None = None
    roles: list[Role] = Field(default_factory=list)
    seized: list[Seizure] = Field(default_factory=list)
    prices: list[Price] = Field(default_factory=list)
    methods: list[Method] = Field(default_factory=list)
    motives: list[Motive] = Field(default_factory=list)
    weapon_models: list[NamedValue] = Field(default_factory=list)
    operations: list[NamedValue] = Field(default_factory=list)

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    def to_json_dict(self) -> dict[str, Any]:
        """The report as schema-valid JSON data.

        Unset optional values are left out (the schema types many of them as non-null), except
        the two top-level objects an analyst expects to see even when empty.
        """
        data = self.model_dump(mode="json", by_alias=True, exclude_none=True)
        data.setdefault("date", None)
        data.setdefault("age_range", None)
        return data

    def spans(self) -> list[Span]:
        """Every evidence span in the report, wherever it sits."""
        found: list[Span] = []

        def walk(node: Any) -> None:
            if isinstance(node, Evidenced):
                found.extend(node.evidence)
            if isinstance(node, BaseModel):
                for name in type(node).model_fields:
                    walk(getattr(node, name))
            elif isinstance(node, list):
                for item in node:
                    walk(item)
            elif isinstance(node, dict):
                for item in node.values():
                    walk(item)

        walk(self)
        return found


class RawDocument(BaseModel):
    """A document as a reader found it, before cleaning.

    `origin` names where it came from ("feeds/a.xml", "news.jsonl:12") for error messages.
    """

    text: str
    origin: str
    id: str | None = None
    source: str | None = None
    title: str | None = None
    published: dt.date | None = None
    language: str | None = None
    raw_format: str = "text"


class Document(BaseModel):
    """A cleaned document ready for extraction and storage.

    `text` is the cleaned text; `offsets` maps it back into `raw_text` as runs of
    `(clean_start, raw_start, length)` so evidence can be shown in the original.
    """

    id: str
    text: str
    raw_text: str
    offsets: list[tuple[int, int, int]] = Field(default_factory=list)
    origin: str = ""
    source: str | None = None
    title: str | None = None
    published: dt.date | None = None
    language: str | None = None

    def block(self) -> DocumentBlock:
        """The document as a report carries it."""
        return DocumentBlock.model_validate(
            self.model_dump(include=set(DocumentBlock.model_fields))
        )
