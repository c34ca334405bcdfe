"""From a reader's RawDocument to a cleaned Document: ids, defaults, language, offsets, errors."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from ghostwatch.model import RawDocument
from ghostwatch.text.offsets import OffsetMap
from ghostwatch.text.prepare import EmptyDocumentError, prepare_document

ARTICLE = (
    "Advertisement\r\n"
    "Police arrested two men on Tuesday after officers raided a flat in Leeds.\r\n"
    "\r\n"
    "Officers seized a 3D printer and three handguns, West Yorkshire Police said.\r\n"
)
CLEANED = (
    "Police arrested two men on Tuesday after officers raided a flat in Leeds.\n\n"
    "Officers seized a 3D printer and three handguns, West Yorkshire Police said."
)


def test_cleans_text_and_keeps_the_raw_with_offsets() -> None:
    document = prepare_document(RawDocument(text=ARTICLE, origin="news.jsonl:1", id="leeds-1"))
    assert document.text == CLEANED
    assert document.raw_text == ARTICLE
    assert document.origin == "news.jsonl:1"
    offsets = OffsetMap(document.offsets)
    start = document.text.index("3D printer")
    raw_start, raw_end = offsets.raw_span(start, start + len("3D printer"))
    assert ARTICLE[raw_start:raw_end] == "3D printer"


def test_given_id_is_kept_stripped() -> None:
    document = prepare_document(RawDocument(text=ARTICLE, origin="a.txt", id="  leeds-1 "))
    assert document.id == "leeds-1"


def test_missing_id_is_the_hash_of_the_cleaned_text() -> None:
    expected = "sha256:" + hashlib.sha256(CLEANED.encode("utf-8")).hexdigest()
    first = prepare_document(RawDocument(text=ARTICLE, origin="a.txt"))
    blank_id = prepare_document(RawDocument(text=ARTICLE, origin="b.txt", id="   "))
    # the same article with other line endings and furniture is the same document
    reformatted = prepare_document(
        RawDocument(text="Share this article\n" + ARTICLE.replace("\r\n", "\n"), origin="c.txt")
    )
    assert first.id == blank_id.id == reformatted.id == expected


def test_metadata_and_defaults() -> None:
    raw = RawDocument(
        text=ARTICLE,
        origin="feed.xml",
        source="https://example.org/leeds",
        title="Two arrested in Leeds raid",
        published=dt.date(2024, 3, 5),
        language="en",
    )
    document = prepare_document(raw, default_published=dt.date(2000, 1, 1), default_language="fr")
    assert document.published == dt.date(2024, 3, 5)
    assert document.language == "en"
    assert document.source == "https://example.org/leeds"
    assert document.title == "Two arrested in Leeds raid"

    bare = prepare_document(
        RawDocument(text=ARTICLE, origin="x.txt"), default_published=dt.date(2024, 3, 6)
    )
    assert bare.published == dt.date(2024, 3, 6)
    assert bare.language == "en"  # identified from the text


def test_french_is_identified() -> None:
    raw = RawDocument(
        text="Les gendarmes ont interpellé trois hommes mardi à Toulon et saisi deux pistolets "
        "imprimés en 3D, a indiqué le parquet.",
        origin="fr.txt",
    )
    assert prepare_document(raw, default_language="en").language == "fr"


def test_default_language_when_identification_fails() -> None:
    raw = RawDocument(text="Toulon, 12/03", origin="short.txt")
    assert prepare_document(raw).language is None
    assert prepare_document(raw, default_language="fr").language == "fr"


@pytest.mark.parametrize("text", ["", "  \n\t\r\n", "Advertisement\nShare this article\n© AFP"])
def test_empty_document_error_names_the_origin(text: str) -> None:
    with pytest.raises(EmptyDocumentError, match=r"^news\.jsonl:3: document has no text") as info:
        prepare_document(RawDocument(text=text, origin="news.jsonl:3"))
    assert isinstance(info.value, ValueError)
    assert info.value.origin == "news.jsonl:3"
