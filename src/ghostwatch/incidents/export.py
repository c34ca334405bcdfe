"""Exports of incident records for the tools analysts already use: CSV, JSON lines, GeoJSON.

Pure functions over `IncidentRecord`s (no database): `incident_row` flattens a record into one row
of chosen values; `write_csv`, `write_jsonl` and `write_geojson` stream records to a text stream
and return how many they wrote.

- CSV: one row per incident, the columns of `CSV_COLUMNS` in that order (every count key and every
  seized category of the `report/1` contract, empty where the incident has none); lists are joined
  with "; ". Open files with `newline=""` (the csv module writes its own line ends).
- JSON lines: the full merged record per line (`IncidentRecord.model_dump(mode="json")`), every
  value with its claims, sources and evidence; `IncidentRecord.model_validate` reads a line back.
- GeoJSON (RFC 7946): a FeatureCollection with one Feature per incident, a Point at the primary
  place ([longitude, latitude], WGS 84) or a null geometry when no place has coordinates, and the
  flat row as properties (lists as arrays). No "crs" member: RFC 7946 coordinates are WGS 84.

Pseudonymised exports (every writer takes an optional `Pseudonymiser`, see `pseudonymised`):
people's names become stable pseudonyms in
- `suspects[].name` and `victims[].name` (the merged person's name),
- `suspects[].mentions[].value` and `victims[].mentions[].value` where the report named the
  person ("Kevin D."); descriptions ("a 26-year-old man") stay, with any name word inside them
  replaced,
- the free text that may quote a name: every evidence span's `text` (which then no longer equals
  the document's characters at its offsets), timeline titles, and source addresses (URL slugs
  often carry names), where the people's full names and name words are replaced.
Document ids, places, agencies and operation names are kept as they are. The flat row (CSV,
GeoJSON) carries people only in its `suspects` and `victims` columns.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from typing import Any, TextIO, get_args

from ghostwatch.incidents.profile import common_capitalised, fold
from ghostwatch.incidents.record import Claim, IncidentRecord, MergedPerson, MergedValue
from ghostwatch.model import CountKey, SeizedCategory
from ghostwatch.pseudonyms import Pseudonymiser, normalise

COUNT_KEYS: tuple[str, ...] = get_args(CountKey)
SEIZED_CATEGORIES: tuple[str, ...] = get_args(SeizedCategory)

#: the columns of the flat row, in the order of the CSV export
CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "reports",
    "documents",
    "first_date",
    "last_date",
    "date_start",
    "date_end",
    "place_name",
    "place_country",
    "place_admin1",
    "place_lat",
    "place_lon",
    "countries",
    "agencies",
    "incident_types",
    "firearm_kinds",
    "methods",
    "operations",
    "suspects",
    "victims",
    *(f"count_{key}" for key in COUNT_KEYS),
    *(f"seized_{category}" for category in SEIZED_CATEGORIES),
    "conflicts",
)

#: how lists are written in a CSV cell
LIST_SEPARATOR = "; "


def incident_row(
    record: IncidentRecord, pseudonymiser: Pseudonymiser | None = None
) -> dict[str, Any]:
    """One incident as a flat row of JSON values (dates as ISO strings, lists of strings),
    keyed by `CSV_COLUMNS`: the chosen value of every merged fact, never the alternatives.

    `first_date`/`last_date` span the timeline (the action of every report, follow-ups such as
    a trial included); `date_start`/`date_end` are the chosen date of the action itself;
    `conflicts` counts the merged facts on which reports disagree.
    """
    if pseudonymiser is not None:
        record = pseudonymised(record, pseudonymiser)
    days = sorted(entry.date for entry in record.timeline if entry.date is not None)
    date = record.date.chosen if record.date else None
    place = primary_place(record) or {}
    row: dict[str, Any] = {
        "id": record.id,
        "reports": len(record.documents),
        "documents": list(record.documents),
        "first_date": days[0].isoformat() if days else None,
        "last_date": days[-1].isoformat() if days else None,
        "date_start": _iso(date["start"]) if date else None,
        "date_end": _iso(date["end"]) if date else None,
        "place_name": place.get("name"),
        "place_country": place.get("country"),
        "place_admin1": place.get("admin1"),
        "place_lat": place.get("lat"),
        "place_lon": place.get("lon"),
        "countries": _values(record.countries),
        "agencies": _values(record.agencies),
        "incident_types": _values(record.incident_types),
        "firearm_kinds": _values(record.firearm_kinds),
        "methods": _values(record.methods),
        "operations": _values(record.operations),
        "suspects": [_person_text(p) for p in record.suspects],
        "victims": [_person_text(p) for p in record.victims],
    }
    for key in COUNT_KEYS:
        row[f"count_{key}"] = _chosen(record.counts.get(key))
    for key in sorted(set(record.counts) - set(COUNT_KEYS)):
        row[f"count_{key}"] = _chosen(record.counts[key])
    for category in SEIZED_CATEGORIES:
        row[f"seized_{category}"] = _chosen(record.seized.get(category))
    for category in sorted(set(record.seized) - set(SEIZED_CATEGORIES)):
        row[f"seized_{category}"] = _chosen(record.seized[category])
    merged = [record.date, *record.counts.values(), *record.seized.values()]
    row["conflicts"] = sum(1 for value in merged if value is not None and value.conflicting)
    return row


def primary_place(record: IncidentRecord) -> dict[str, Any] | None:
    """The place an incident is mapped at: the most cited place with the role "incident" that
    has coordinates, else the most cited place of any role with coordinates, else None."""
    located = [
        claim.value
        for claim in record.locations  # most cited first
        if isinstance(claim.value, dict)
        and claim.value.get("lat") is not None
        and claim.value.get("lon") is not None
    ]
    incident = [place for place in located if place.get("role") == "incident"]
    return (incident or located or [None])[0]


def write_csv(
    records: Iterable[IncidentRecord],
    stream: TextIO,
    pseudonymiser: Pseudonymiser | None = None,
) -> int:
    """One row per incident under a header of `CSV_COLUMNS`; returns the number of rows."""
    writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    written = 0
    for record in records:
        writer.writerow({k: csv_cell(v) for k, v in incident_row(record, pseudonymiser).items()})
        written += 1
    return written


def csv_cell(value: Any) -> str:
    """A row value as the CSV export writes it: lists joined, nothing as an empty cell."""
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(csv_cell(item) for item in value)
    return str(value)


def write_jsonl(
    records: Iterable[IncidentRecord],
    stream: TextIO,
    pseudonymiser: Pseudonymiser | None = None,
) -> int:
    """The full merged record of each incident, one JSON object per line."""
    written = 0
    for record in records:
        if pseudonymiser is not None:
            record = pseudonymised(record, pseudonymiser)
        stream.write(json.dumps(record.model_dump(mode="json"), ensure_ascii=False) + "\n")
        written += 1
    return written


def write_geojson(
    records: Iterable[IncidentRecord],
    stream: TextIO,
    pseudonymiser: Pseudonymiser | None = None,
) -> int:
    """An RFC 7946 FeatureCollection of the incidents, written feature by feature."""
    stream.write('{"type": "FeatureCollection", "features": [')
    written = 0
    for record in records:
        feature = incident_feature(record, pseudonymiser)
        stream.write(("\n" if written == 0 else ",\n") + json.dumps(feature, ensure_ascii=False))
        written += 1
    stream.write("\n]}\n")
    return written


def incident_feature(
    record: IncidentRecord, pseudonymiser: Pseudonymiser | None = None
) -> dict[str, Any]:
    """One incident as a GeoJSON Feature (geometry null when no place has valid coordinates)."""
    row = incident_row(record, pseudonymiser)
    lat, lon = row["place_lat"], row["place_lon"]
    geometry = None
    if _is_number(lat) and _is_number(lon) and -90 <= lat <= 90 and -180 <= lon <= 180:
        geometry = {"type": "Point", "coordinates": [float(lon), float(lat)]}
    return {"type": "Feature", "id": record.id, "geometry": geometry, "properties": row}


# pseudonyms


def pseudonymised(record: IncidentRecord, pseudonymiser: Pseudonymiser) -> IncidentRecord:
    """A copy of the record with people's names replaced (the fields are listed in the module's
    docstring)."""
    redactor = _Redactor.of(record, pseudonymiser)
    data = record.model_dump(mode="json")
    for key in ("suspects", "victims"):
        for person in data[key]:
            real = person["name"]
            if real:
                person["name"] = pseudonymiser.name(real)
            for mention in person["mentions"]:
                value = mention["value"]
                if real and _is_name(value, real):
                    mention["value"] = pseudonymiser.name(value)
                elif isinstance(value, str):
                    mention["value"] = redactor.text(value)
    _redact_free_text(data, redactor)
    return IncidentRecord.model_validate(data)


def _is_name(mention: str, name: str) -> bool:
    """Whether a mention of a named person is a name rather than a description.

    A person's mentions are their names where the reports named them, else their descriptions
    ("a 26-year-old man"); the record keeps no flag, so: the merged name itself, a mention
    sharing a full word with it ("Kevin D.", "M. Dumont"), or a run of capitalised words.
    """
    if mention == name or set(_name_words(mention)) & set(_name_words(name)):
        return True
    words = re.findall(r"[^\W\d_][\w'’.-]*", mention)
    return bool(words) and all(word[0].isupper() for word in words)


def _name_words(name: str) -> list[str]:
    """The words of a name worth replacing wherever they occur: three letters or more, not a
    title or another common capitalised word ("M.", "Mr", "Police")."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]+", name) if len(w) > 2]
    return [w for w in words if fold(w) not in common_capitalised(None)]


class _Redactor:
    """Replaces people's full names and name words in free text, in one pass."""

    def __init__(self, replacements: dict[str, str], forms: Iterable[str] = ()) -> None:
        # keys are normalised names: a text matches a name as the reports spell it (`forms`)
        # or without its accents, in any case
        self._replacements = replacements
        alternatives = sorted(set(replacements) | set(forms), key=len, reverse=True)
        self._pattern = (
            re.compile(
                r"(?<!\w)(?:"
                + "|".join(r"[\s_-]+".join(map(re.escape, a.split())) for a in alternatives)
                + r")(?!\w)",
                re.IGNORECASE,
            )
            if alternatives
            else None
        )

    @classmethod
    def of(cls, record: IncidentRecord, pseudonymiser: Pseudonymiser) -> _Redactor:
        full: dict[str, str] = {}
        words: dict[str, set[str]] = {}
        forms: set[str] = set()
        for person in [*record.suspects, *record.victims]:
            if not person.name:
                continue
            own = pseudonymiser.name(person.name)
            names = [person.name] + [
                m.value
                for m in person.mentions
                if isinstance(m.value, str) and _is_name(m.value, person.name)
            ]
            for name in names:
                full.setdefault(normalise(name), pseudonymiser.name(name))
                forms.add(name)
                for word in _name_words(name):
                    words.setdefault(normalise(word), set()).add(own)
                    forms.add(word)
        replacements = {
            # a word two people share ("Roux" of two brothers) names neither of them
            word: owners.pop() if len(owners) == 1 else "[name]"
            for word, owners in words.items()
        }
        replacements.update(full)
        return cls(replacements, forms)

    def text(self, text: str, *, slug: bool = False) -> str:
        if self._pattern is None:
            return text

        def replace(match: re.Match[str]) -> str:
            key = normalise(re.sub(r"[\s_-]+", " ", match.group()))
            pseudonym = self._replacements.get(key, "[name]")
            return pseudonym.replace(" ", "-").lower() if slug else pseudonym

        return self._pattern.sub(replace, text)


def _redact_free_text(node: Any, redactor: _Redactor) -> None:
    """Evidence texts, titles and source addresses anywhere in a dumped record, in place."""
    if isinstance(node, list):
        for item in node:
            _redact_free_text(item, redactor)
        return
    if not isinstance(node, dict):
        return
    for key, value in node.items():
        if key == "evidence" and isinstance(value, list):
            for span in value:
                if isinstance(span, dict) and isinstance(span.get("text"), str):
                    span["text"] = redactor.text(span["text"])
        elif key == "title" and isinstance(value, str):
            node[key] = redactor.text(value)
        elif key == "source" and isinstance(value, str):
            node[key] = redactor.text(value, slug=True)
        else:
            _redact_free_text(value, redactor)


# helpers


def _values(claims: list[Claim]) -> list[str]:
    """Claimed values as text: a named thing (an agency, an operation) by its name."""
    return [
        str(c.value["name"] if isinstance(c.value, dict) and "name" in c.value else c.value)
        for c in claims
    ]


def _chosen(merged: MergedValue | None) -> Any:
    return None if merged is None else merged.chosen


def _person_text(person: MergedPerson) -> str:
    """A person as a row lists them: the name, else how the first report described them."""
    if person.name:
        return person.name
    return str(person.mentions[0].value) if person.mentions else "?"


def _iso(value: Any) -> str | None:
    return None if value is None else value if isinstance(value, str) else value.isoformat()


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value == value
