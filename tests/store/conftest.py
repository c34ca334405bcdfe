"""Store fixtures: engines and stores on the `db` / `empty_db` databases of tests/conftest.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from ghostwatch.model import Document
from ghostwatch.store import Store, database_url
from ghostwatch.store.database import open_engine


def _engine(db: str) -> Iterator[Engine]:
    raw = open_engine(database_url(db))
    yield raw
    raw.dispose()


@pytest.fixture
def engine(db: str) -> Iterator[Engine]:
    """A raw engine on `db`, for looking at what the store wrote."""
    yield from _engine(db)


@pytest.fixture
def empty_engine(empty_db: str) -> Iterator[Engine]:
    yield from _engine(empty_db)


@pytest.fixture
def store(db: str) -> Iterator[Store]:
    with Store.open(db) as opened:
        yield opened


@pytest.fixture
def fr_arrest() -> Document:
    text = (
        "La gendarmerie du Rhône a interpellé mardi trois hommes à Villeurbanne. "
        "Les enquêteurs ont saisi une imprimante 3D, deux pistolets inachevés et des munitions. "
        "Le parquet de Lyon a ouvert une information judiciaire."
    )
    return Document(
        id="fr-rhone-2024-03-12",
        text=text,
        raw_text="<p>" + text + "</p>",
        offsets=[(0, 3, len(text))],
        origin="tests/fr.html",
        source="presse-locale.example",
        title="Trois hommes interpellés après la saisie d'une imprimante 3D",
        published=dt.date(2024, 3, 12),
        language="fr",
    )


@pytest.fixture
def en_charge() -> Document:
    text = (
        "Police in Leeds arrested a 28-year-old man on Tuesday. Officers seized printed "
        "firearm components and a quantity of cash. He has been charged and remanded in "
        "custody ahead of a court appearance."
    )
    return Document(
        id="en-leeds-2024-05-02",
        text=text,
        raw_text=text,
        offsets=[(0, 0, len(text))],
        origin="tests/en.txt",
        source="regional-news.example",
        title="Man charged after police find gun parts",
        published=dt.date(2024, 5, 2),
        language="en",
    )
