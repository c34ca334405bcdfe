"""Hand-built reports for the network tests, where a test needs exact inputs: two trafficking
cases sharing a named seller.

`person(...)` and `report(...)` build `report/1` objects whose evidence spans point into the
report's own text, so provenance can be checked against `text[start:end]`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ghostwatch.model import Agency, DateValue, DocumentBlock, Location, Person, Report, Span


def span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start=start, end=start + len(part), text=part)


def person(text: str, part: str, **fields: Any) -> Person:
    return Person(label=part, evidence=[span(text, part)], **fields)


def report(
    document_id: str,
    text: str,
    *,
    published: dt.date,
    language: str = "en",
    suspects: list[Person] = (),  # type: ignore[assignment]
    victims: list[Person] = (),  # type: ignore[assignment]
    agencies: list[tuple[str, str]] = (),  # type: ignore[assignment]
    place: tuple[str, int | None, float | None, float | None] | None = None,
    roles: list[str] = (),  # type: ignore[assignment]
    title: str | None = None,
) -> Report:
    locations = []
    if place is not None:
        name, geonames_id, lat, lon = place
        locations.append(
            Location(
                name=name,
                kind="city",
                country="FR",
                geonames_id=geonames_id,
                lat=lat,
                lon=lon,
                evidence=[span(text, name)],
            )
        )
    return Report(
        document=DocumentBlock(
            id=document_id,
            source=f"https://news.example/{document_id}",
            title=title or f"Report {document_id}",
            published=published,
            language=language,
            text=text,
        ),
        relevant=True,
        incident_types=["arrest"],
        date=DateValue(start=published - dt.timedelta(1), end=published - dt.timedelta(1)),
        locations=locations,
        countries=["FR"],
        agencies=[
            Agency(name=name, kind=kind, country="FR", evidence=[span(text, name)])
            for name, kind in agencies
        ],
        suspects=list(suspects),
        victims=list(victims),
        roles=sorted({*roles, *(r for p in suspects for r in p.roles)}),
    )


# Case 1 (Rennes): a leader, a manufacturer, a seller and two buyers; police arrest three, the
# prosecutor speaks. Case 2 (Brest): the same named seller again, with an unnamed buyer of the
# same age as case 1's unnamed buyer, arrested by the gendarmerie.
RENNES = (
    "Police in Rennes arrested Yann Le Goff, 41, the head of the ring, on Monday. Erwan Tanguy, "
    "30, printed the weapons in a shed. Loic Morvan, 25, sold them on Telegram to a 22-year-old "
    "man and to Paul Riou, 33. The Rennes prosecutor said the buyers were arrested."
)
BREST = (
    "Gendarmerie de Brest officers arrested Loic Morvan, 25, on Friday. A 22-year-old man who "
    "bought a pistol from him was also held."
)


def rennes_report() -> Report:
    t = RENNES
    return report(
        "rennes-1",
        t,
        published=dt.date(2025, 2, 4),
        agencies=[("Police in Rennes", "police"), ("Rennes prosecutor", "prosecutor")],
        place=("Rennes", 2983990, 48.11198, -1.67429),
        suspects=[
            person(t, "Yann Le Goff, 41", name="Yann Le Goff", age=41, roles=["leader"],
                   status=["arrested"]),
            person(t, "Erwan Tanguy", name="Erwan Tanguy", age=30, roles=["manufacturer"]),
            person(t, "Loic Morvan, 25", name="Loic Morvan", age=25, roles=["seller"]),
            person(t, "a 22-year-old man", age=22, gender="male", roles=["buyer"],
                   status=["arrested"]),
            person(t, "Paul Riou, 33", name="Paul Riou", age=33, roles=["buyer"],
                   status=["arrested"]),
        ],
    )  # fmt: skip


def brest_report() -> Report:
    t = BREST
    return report(
        "brest-1",
        t,
        published=dt.date(2025, 3, 8),
        agencies=[("Gendarmerie de Brest", "gendarmerie")],
        place=("Brest", 3030300, 48.39029, -4.48628),
        suspects=[
            person(t, "Loic Morvan, 25", name="Loic Morvan", age=25, roles=["seller"],
                   status=["arrested"]),
            person(t, "A 22-year-old man", age=22, gender="male", roles=["buyer"],
                   status=["arrested"]),
        ],
    )  # fmt: skip
