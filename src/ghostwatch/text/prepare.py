"""Turn a reader's `RawDocument` into the cleaned `Document` that extraction and storage use."""

from __future__ import annotations

import datetime as dt
import hashlib

from ghostwatch.model import Document, RawDocument
from ghostwatch.text.clean import clean_text
from ghostwatch.text.language import identify_language


class EmptyDocumentError(ValueError):
    """A document with no text left after cleaning; the message names where it came from."""

    def __init__(self, origin: str):
        super().__init__(f"{origin}: document has no text after cleaning")
        self.origin = origin


def prepare_document(
    raw: RawDocument,
    *,
    default_published: dt.date | None = None,
    default_language: str | None = None,
) -> Document:
    """Clean `raw` and fill in what the reader could not say.

    The id is the reader's id when it gave one, otherwise a hash of the cleaned text, so the
    same article read twice (or from two feeds) gets the same id and is stored once.
    """
    cleaned = clean_text(raw.text)
    if not cleaned.text:
        raise EmptyDocumentError(raw.origin)
    given_id = (raw.id or "").strip()
    return Document(
        id=given_id or "sha256:" + hashlib.sha256(cleaned.text.encode("utf-8")).hexdigest(),
        text=cleaned.text,
        raw_text=raw.text,
        offsets=cleaned.offsets.runs,
        origin=raw.origin,
        source=raw.source,
        title=raw.title,
        published=raw.published or default_published,
        language=raw.language or identify_language(cleaned.text) or default_language,
    )
