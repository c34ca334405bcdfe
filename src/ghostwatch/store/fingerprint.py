"""A fingerprint of what a report is computed from.

A report reads a document's text, title, publication date and source; when any of them changes the
stored report is stale. Hashing exactly those fields (the ones a `DocumentBlock` carries, bar the
language) lets the store tell a re-run of the same input from a corrected document, and check that
a report being saved was made from the document as stored.
"""

from __future__ import annotations

import hashlib
import json

from ghostwatch.model import Document, DocumentBlock


def content_hash(document: Document | DocumentBlock) -> str:
    """Hex sha256 of the document's source, title, publication date and text."""
    published = document.published.isoformat() if document.published else None
    # A JSON array keeps the fields apart: no concatenation of two fields can mimic another pair.
    payload = json.dumps(
        [document.source, document.title, published, document.text], ensure_ascii=False
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
