from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine, text

from ghostwatch.model import Document
from ghostwatch.store import HIGHLIGHT_END, HIGHLIGHT_START, Store
from ghostwatch.store.search import search_terms


def found(store: Store, query: str) -> list[str]:
    return [hit.document_id for hit in store.search(query)]


@pytest.fixture
def corpus(store: Store, fr_arrest: Document, en_charge: Document) -> Store:
    store.ingest_many([fr_arrest, en_charge])
    return store


def accent_folding_available(engine: Engine) -> bool:
    if engine.dialect.name == "sqlite":
        return True
    with engine.connect() as connection:
        return bool(
            connection.execute(
                text("SELECT count(*) FROM pg_extension WHERE extname = 'unaccent'")
            ).scalar()
        )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("remanded", ["en-leeds-2024-05-02"]),
        ("court appearance", ["en-leeds-2024-05-02"]),
        ("parquet", ["fr-rhone-2024-03-12"]),
        ("imprimante", ["fr-rhone-2024-03-12"]),
        ("Gendarmerie", ["fr-rhone-2024-03-12"]),
        ("VILLEURBANNE", ["fr-rhone-2024-03-12"]),
        ("Rhône", ["fr-rhone-2024-03-12"]),
    ],
)
def test_finds_documents_by_their_words(corpus: Store, query: str, expected: list[str]) -> None:
    assert found(corpus, query) == expected


def test_every_word_must_match(corpus: Store) -> None:
    assert found(corpus, "imprimante Leeds") == []


def test_words_in_the_title_are_searched(corpus: Store) -> None:
    assert found(corpus, "saisie") == ["fr-rhone-2024-03-12"]  # only in the title


@pytest.mark.parametrize("query", ["interpelle", "INTERPELLÉ", "Rhone", "enqueteurs"])
def test_accents_and_case_are_folded(corpus: Store, engine: Engine, query: str) -> None:
    if not accent_folding_available(engine):
        pytest.skip("the PostgreSQL server offers no unaccent extension")
    assert found(corpus, query) == ["fr-rhone-2024-03-12"]


def test_a_title_match_ranks_first(store: Store) -> None:
    in_text = Document(
        id="a-in-text",
        text="Customs officers at Dover stopped a van; a printer was among the goods declared.",
        raw_text="",
        title="Van stopped at Dover",
        published=dt.date(2024, 6, 1),
    )
    in_title = Document(
        id="b-in-title",
        text="Detectives searched a flat in Bristol and took several items away for analysis.",
        raw_text="",
        title="Printer seized in Bristol search",
        published=dt.date(2024, 6, 2),
    )
    store.ingest_many([in_text, in_title])

    hits = store.search("printer")

    assert [hit.document_id for hit in hits] == ["b-in-title", "a-in-text"]
    assert hits[0].rank > hits[1].rank
    assert hits[0].title == "Printer seized in Bristol search"


def test_snippets_highlight_the_matched_words(corpus: Store) -> None:
    (hit,) = corpus.search("munitions")
    assert f"{HIGHLIGHT_START}munitions{HIGHLIGHT_END}" in hit.snippet
    (hit,) = corpus.search("interpelle imprimante")
    assert f"{HIGHLIGHT_START}imprimante{HIGHLIGHT_END}" in hit.snippet


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"gendarmerie"', ["fr-rhone-2024-03-12"]),
        ('"gendarmerie', ["fr-rhone-2024-03-12"]),
        ("(custody)", ["en-leeds-2024-05-02"]),
        ("custody*", ["en-leeds-2024-05-02"]),
        ("police AND", ["en-leeds-2024-05-02"]),  # "and" is a plain word, and in the text
        ("custody NOT", []),  # "not" is a plain word too, and not in the text
        ("police OR gendarmerie", []),
        ("NEAR(police custody)", []),
        ("-police", ["en-leeds-2024-05-02"]),
        ("title:police", []),
        ("'; DROP TABLE documents; --", []),
        ("d'une imprimante", ["fr-rhone-2024-03-12"]),
        ("", []),
        ('  *** () "" ', []),
    ],
)
def test_query_syntax_is_read_as_plain_words(
    corpus: Store, query: str, expected: list[str]
) -> None:
    assert found(corpus, query) == expected
    assert corpus.count_documents() == 2


def test_search_follows_updates_and_deletes(
    corpus: Store, engine: Engine, fr_arrest: Document
) -> None:
    corpus.ingest(fr_arrest.model_copy(update={"text": "Un atelier clandestin a été démantelé."}))
    assert found(corpus, "atelier") == [fr_arrest.id]
    assert found(corpus, "munitions") == []

    with engine.begin() as connection:
        connection.execute(text("DELETE FROM documents WHERE id = :id"), {"id": fr_arrest.id})
    assert found(corpus, "atelier") == []


def test_snippets_are_one_line(store: Store, en_charge: Document) -> None:
    store.ingest(en_charge.model_copy(update={"text": "Police in Leeds.\n\nA man was charged."}))
    (hit,) = store.search("charged")
    # PostgreSQL's headline drops the final full stop; SQLite keeps it.
    assert hit.snippet.startswith(
        f"Police in Leeds. A man was {HIGHLIGHT_START}charged{HIGHLIGHT_END}"
    )
    assert "\n" not in hit.snippet


def test_limit_caps_the_hits(store: Store, en_charge: Document) -> None:
    store.ingest_many([en_charge.model_copy(update={"id": f"en-{n}"}) for n in range(5)])
    assert len(store.search("custody", limit=3)) == 3
    with pytest.raises(ValueError, match="at least 1"):
        store.search("custody", limit=0)


def test_sqlite_search_survives_vacuum(
    store: Store, engine: Engine, fr_arrest: Document, en_charge: Document
) -> None:
    """The FTS5 index points at rowids; VACUUM must not leave it pointing at the wrong rows."""
    if engine.dialect.name != "sqlite":
        pytest.skip("VACUUM renumbering is a SQLite concern")
    filler = [en_charge.model_copy(update={"id": f"filler-{n}"}) for n in range(20)]
    store.ingest_many([*filler, fr_arrest])
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM documents WHERE id LIKE 'filler-%'"))
    raw = engine.raw_connection()  # VACUUM cannot run inside the transaction SQLAlchemy opens
    try:
        raw.execute("VACUUM")
    finally:
        raw.close()

    assert found(store, "imprimante") == [fr_arrest.id]
    assert found(store, "custody") == []


def test_search_terms_keep_words_and_drop_syntax() -> None:
    assert search_terms('"Gendarmerie" (Rhône) NEAR l\'arme* -x_y') == [
        "Gendarmerie",
        "Rhône",
        "NEAR",
        "l",
        "arme",
        "x",
        "y",
    ]
