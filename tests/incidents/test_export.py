"""Exports of incident records (CSV, JSON lines, GeoJSON), plain and pseudonymised.

The records are merged from reports the real extractor made of short news texts (fictional
people, real towns); a few units use reports built by hand where they need exact inputs.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import re
import unicodedata
from typing import Any

import pytest

from ghostwatch.incidents import IncidentRecord, build_record
from ghostwatch.incidents.export import (
    CSV_COLUMNS,
    incident_row,
    primary_place,
    write_csv,
    write_geojson,
    write_jsonl,
)
from ghostwatch.model import Count, DocumentBlock, Location, Person, Report, Span
from ghostwatch.pseudonyms import Pseudonymiser, is_pseudonym

pytestmark = pytest.mark.models

LYON_EN = (
    "Police in Lyon arrested two men on Monday and seized four 3D-printed pistols and two 3D "
    "printers at a flat in the Croix-Rousse district, prosecutors said. Julien Marchetti, 34, "
    "and Bastien Roux, 29, are suspected of selling the weapons on an encrypted messaging app."
)
LYON_FR = (
    "Les policiers ont interpellé lundi à Lyon deux hommes, Julien Marchetti, 34 ans, et "
    "Bastien Roux, 29 ans, et saisi quatre pistolets imprimés en 3D ainsi que deux imprimantes "
    "3D dans un appartement de la Croix-Rousse, a indiqué le parquet."
)
LEEDS_EN = (
    "A man was injured in a shooting in Leeds on Wednesday night. West Yorkshire Police "
    "arrested Connor Ashby, 23, and seized a 3D-printed handgun and 40 rounds of ammunition at "
    "his home. The victim, Marcus Hale, 30, was taken to hospital."
)
MARSEILLE_FR = (
    "Les gendarmes ont interpellé jeudi à Marseille Sofiane Belkacem, 27 ans, soupçonné d'avoir "
    "fabriqué deux pistolets imprimés en 3D. Une imprimante 3D a été saisie à son domicile, a "
    "précisé le parquet de Marseille."
)
#: every name the texts give: none of their words may appear in a pseudonymised export
NAMES = ["Julien Marchetti", "Bastien Roux", "Connor Ashby", "Marcus Hale", "Sofiane Belkacem"]
KEY = b"test key of the export tests"


@pytest.fixture(scope="module")
def records(news) -> list[IncidentRecord]:
    lyon_en = news("lyon-en", LYON_EN, "en", dt.date(2025, 6, 3), "https://news.example/lyon")
    lyon_fr = news("lyon-fr", LYON_FR, "fr", dt.date(2025, 6, 3), "https://presse.example/lyon")
    leeds = news(
        "leeds-en",
        LEEDS_EN,
        "en",
        dt.date(2025, 9, 18),
        "https://news.example/leeds/connor-ashby-arrested",
        "Connor Ashby arrested after Leeds shooting",
    )
    marseille = news("marseille-fr", MARSEILLE_FR, "fr", dt.date(2025, 10, 3))
    return [
        build_record(1, [lyon_en, lyon_fr]),
        build_record(2, [leeds]),
        build_record(3, [marseille]),
    ]


def by_id(rows: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    return {int(row["id"]): row for row in rows}


def test_a_row_holds_the_chosen_facts_of_an_incident(records: list[IncidentRecord]) -> None:
    rows = by_id([incident_row(record) for record in records])
    assert all(list(row) == list(CSV_COLUMNS) for row in rows.values())
    lyon = rows[1]
    assert lyon["documents"] == ["lyon-en", "lyon-fr"]
    assert lyon["reports"] == 2
    assert (lyon["date_start"], lyon["date_end"]) == ("2025-06-02", "2025-06-02")  # Monday
    assert (lyon["first_date"], lyon["last_date"]) == ("2025-06-02", "2025-06-02")
    assert (lyon["place_name"], lyon["place_country"]) == ("Lyon", "FR")
    assert math.isclose(lyon["place_lat"], 45.75, abs_tol=0.1)
    assert math.isclose(lyon["place_lon"], 4.85, abs_tol=0.1)
    assert lyon["countries"] == ["FR"]
    assert lyon["seized_3d_printed_firearm"] == 4
    assert lyon["seized_3d_printer"] == 2
    assert lyon["seized_ammunition"] is None
    assert lyon["count_arrested"] == 2
    assert "3d_printed" in lyon["firearm_kinds"]
    assert "arrest" in lyon["incident_types"]
    assert {"Julien Marchetti", "Bastien Roux"} <= set(lyon["suspects"])
    assert lyon["conflicts"] == 0

    leeds = rows[2]
    assert (leeds["place_name"], leeds["place_country"]) == ("Leeds", "GB")
    assert leeds["place_lon"] < 0 < leeds["place_lat"]
    assert leeds["count_injured"] == 1
    assert "shooting" in leeds["incident_types"]
    assert "Marcus Hale" in leeds["victims"]
    assert rows[3]["place_name"] == "Marseille"


def test_conflicting_facts_are_counted(records: list[IncidentRecord]) -> None:
    def counted(document_id: str, published: dt.date, arrested: int) -> Report:
        return Report(
            document=DocumentBlock(id=document_id, published=published, language="en"),
            relevant=True,
            incident_types=["arrest"],
            counts={"arrested": Count(value=arrested)},
        )

    record = build_record(
        7,
        [counted("a", dt.date(2025, 4, 2), 14), counted("b", dt.date(2025, 4, 3), 15)],
    )
    row = incident_row(record)
    assert row["conflicts"] == 1
    assert row["count_arrested"] == 15  # the tie goes to the latest report
    assert row["place_name"] is None and row["date_start"] is None


def located(document_id: str, *places: tuple[str, str, float | None, float | None]) -> Report:
    return Report(
        document=DocumentBlock(id=document_id, published=dt.date(2025, 5, 1), language="en"),
        relevant=True,
        incident_types=["seizure"],
        locations=[
            Location(name=name, kind="city", country="FR", role=role, lat=lat, lon=lon)
            for name, role, lat, lon in places
        ],
    )


def test_the_primary_place_is_the_most_cited_incident_place_with_coordinates() -> None:
    reports = [
        located("a", ("Nîmes", "residence", 43.84, 4.36), ("Somewhere", "incident", None, None)),
        located("b", ("Nîmes", "residence", 43.84, 4.36), ("Somewhere", "incident", None, None)),
        located("c", ("Alès", "incident", 44.12, 4.08)),
    ]
    assert primary_place(build_record(1, reports))["name"] == "Alès"
    # without an incident place with coordinates, any place with coordinates
    only_residence = build_record(2, reports[:2])
    assert primary_place(only_residence)["name"] == "Nîmes"
    assert incident_row(only_residence)["place_lat"] == 43.84
    # without coordinates at all, no place (and a null geometry)
    nowhere = build_record(3, [located("d", ("Somewhere", "incident", None, None))])
    assert primary_place(nowhere) is None
    stream = io.StringIO()
    write_geojson([nowhere], stream)
    check_rfc7946(stream.getvalue())
    assert json.loads(stream.getvalue())["features"][0]["geometry"] is None


# GeoJSON: the rules of RFC 7946 this export must keep


def check_rfc7946(text: str) -> dict[str, Any]:
    """Parse `text` as strict JSON and check it is an RFC 7946 FeatureCollection of Features
    with Point or null geometries; returns the parsed object."""

    def refuse(constant: str) -> None:
        raise AssertionError(f"not JSON: {constant}")

    data = json.loads(text, parse_constant=refuse)
    assert isinstance(data, dict) and data.get("type") == "FeatureCollection"
    assert isinstance(data.get("features"), list)
    assert "crs" not in data  # RFC 7946 §4: coordinates are WGS 84, no crs member
    for feature in data["features"]:
        assert isinstance(feature, dict) and feature.get("type") == "Feature"  # §3.2
        assert "geometry" in feature and "properties" in feature
        assert "crs" not in feature
        if "id" in feature:
            assert isinstance(feature["id"], str | int | float)
            assert not isinstance(feature["id"], bool)
        properties = feature["properties"]
        assert properties is None or isinstance(properties, dict)
        geometry = feature["geometry"]
        if geometry is None:
            continue
        assert isinstance(geometry, dict) and geometry.get("type") == "Point"  # §3.1.2
        assert "crs" not in geometry
        position = geometry["coordinates"]
        assert isinstance(position, list) and len(position) in (2, 3)  # §3.1.1
        assert all(isinstance(n, int | float) and not isinstance(n, bool) for n in position)
        longitude, latitude = position[0], position[1]  # longitude first
        assert -180 <= longitude <= 180 and -90 <= latitude <= 90
    return data


def test_geojson_is_an_rfc7946_feature_collection(records: list[IncidentRecord]) -> None:
    stream = io.StringIO()
    assert write_geojson(records, stream) == 3
    data = check_rfc7946(stream.getvalue())
    features = {feature["id"]: feature for feature in data["features"]}
    assert set(features) == {1, 2, 3}
    lon, lat = features[2]["geometry"]["coordinates"]  # Leeds: west of Greenwich
    assert math.isclose(lon, -1.55, abs_tol=0.1) and math.isclose(lat, 53.8, abs_tol=0.1)
    assert features[2]["properties"] == incident_row(records[1])


def test_csv_parses_back_into_the_same_rows(records: list[IncidentRecord]) -> None:
    stream = io.StringIO(newline="")
    assert write_csv(records, stream) == 3
    stream.seek(0)
    reader = csv.DictReader(stream)
    assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
    parsed = list(reader)

    def cell(value: Any) -> str:
        if value is None:
            return ""
        return "; ".join(map(str, value)) if isinstance(value, list) else str(value)

    expected = [{key: cell(value) for key, value in incident_row(r).items()} for r in records]
    assert parsed == expected
    assert parsed[0]["documents"] == "lyon-en; lyon-fr"


def test_jsonl_holds_the_full_record_per_line(records: list[IncidentRecord]) -> None:
    stream = io.StringIO()
    assert write_jsonl(records, stream) == 3
    lines = stream.getvalue().splitlines()
    assert len(lines) == 3
    for line, record in zip(lines, records, strict=True):
        back = IncidentRecord.model_validate_json(line)
        assert back.model_dump(mode="json") == record.model_dump(mode="json")
    assert "Julien Marchetti" in stream.getvalue()  # so the check below can fail


# pseudonymised exports


def leaked(text: str) -> set[str]:
    """The words of the texts' names found in `text`, in any case, with or without accents."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    words = {word for name in NAMES for word in name.split()}
    return {w for w in words if re.search(rf"(?<!\w){w}(?!\w)", plain, re.IGNORECASE)}


def exported(records: list[IncidentRecord], writer, pseudonymiser: Pseudonymiser | None) -> str:
    stream = io.StringIO(newline="")
    writer(records, stream, pseudonymiser)
    return stream.getvalue()


@pytest.mark.parametrize("writer", [write_csv, write_jsonl, write_geojson])
def test_pseudonymised_exports_hold_no_real_name(records: list[IncidentRecord], writer) -> None:
    assert leaked(exported(records, writer, None))  # the plain export does name them
    text = exported(records, writer, Pseudonymiser(KEY))
    assert leaked(text) == set()
    # the same name gets the same pseudonym in another export with the same key
    assert text == exported(records, writer, Pseudonymiser(KEY))
    assert Pseudonymiser(KEY).name("Bastien Roux") in text
    assert Pseudonymiser(KEY).name("Marcus Hale") in text
    if writer is write_geojson:
        check_rfc7946(text)


def test_pseudonymised_records_keep_their_structure(records: list[IncidentRecord]) -> None:
    pseudonyms = Pseudonymiser(KEY)
    lines = exported(records, write_jsonl, pseudonyms).splitlines()
    back = [IncidentRecord.model_validate_json(line) for line in lines]
    for plain, hidden in zip(records, back, strict=True):
        assert hidden.documents == plain.documents
        assert hidden.counts.keys() == plain.counts.keys()
        assert [c.value for c in hidden.locations] == [c.value for c in plain.locations]
        for people, shown in ((plain.suspects, hidden.suspects), (plain.victims, hidden.victims)):
            assert [pseudonyms.name(p.name) if p.name else None for p in people] == [
                p.name for p in shown
            ]
    leeds = back[1]
    assert (
        leeds.timeline[0].title
        == f"{pseudonyms.name('Connor Ashby')} arrested after Leeds shooting"
    )
    assert "connor" not in (leeds.timeline[0].source or "").casefold()
    # evidence keeps its words around the name
    victim_evidence = [
        s.text for m in leeds.victims[0].mentions for src in m.sources for s in src.evidence
    ]
    assert any(pseudonyms.name("Marcus Hale") in text for text in victim_evidence)


def test_partial_names_and_descriptions_of_a_named_person() -> None:
    def told(document_id: str, day: int, person: Person, title: str, source: str) -> Report:
        return Report(
            document=DocumentBlock(
                id=document_id, published=dt.date(2025, 3, day), title=title, source=source
            ),
            relevant=True,
            incident_types=["arrest"],
            suspects=[person],
        )

    reports = [
        told(
            "a",
            12,
            Person(
                name="Kévin Dumont",
                age=26,
                evidence=[Span(start=0, end=16, text="Kévin Dumont, 26")],
            ),
            "Kévin Dumont held in Toulouse",
            "https://news.example/kevin-dumont-held",
        ),
        told("b", 13, Person(name="Kevin D.", age=26), "Un Toulousain interpellé", "b.example"),
        told(
            "c",
            14,
            Person(
                label="a 26-year-old man",
                age=26,
                evidence=[Span(start=4, end=30, text="Dumont's 26-year-old friend")],
            ),
            "Dumont to face judge",
            "c.example",
        ),
    ]
    record = build_record(5, reports)
    assert len(record.suspects) == 1
    pseudonyms = Pseudonymiser(KEY)
    stream = io.StringIO()
    write_jsonl([record], stream, pseudonyms)
    text = stream.getvalue()
    assert not re.search(r"k[eé]vin|dumont", text, re.IGNORECASE), text
    hidden = IncidentRecord.model_validate_json(text)
    (person,) = hidden.suspects
    assert person.name == pseudonyms.name("Kevin Dumont")
    mentions = [m.value for m in person.mentions]
    assert mentions == [
        pseudonyms.name("Kevin Dumont"),
        pseudonyms.name("Kevin D."),
        "a 26-year-old man",
    ]
    assert all(is_pseudonym(m) for m in mentions[:2])
    assert hidden.timeline[2].title == f"{pseudonyms.name('Kevin Dumont')} to face judge"
    assert hidden.timeline[1].title == "Un Toulousain interpellé"
