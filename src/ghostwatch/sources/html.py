"""Saved web pages: the article's main text without menus, footers and comments.

trafilatura finds the main text and reads the page's metadata (title, canonical URL, and the
publication date through htmldate). Precision is favoured so navigation and "related articles"
blocks stay out of the text; if that leaves nothing, the default balance is tried before
giving up, because a short article is still worth reading.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import trafilatura
from trafilatura.settings import Document as Extraction

from ghostwatch.model import RawDocument
from ghostwatch.sources.dates import parse_iso_date
from ghostwatch.sources.errors import SourceError
from ghostwatch.sources.registry import Item, register, source_of

# Only dates the page states about itself: no guessing from URLs or copyright lines.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


@register("html", (".html", ".htm", ".xhtml"))
def read(path_label: str, data: bytes) -> Iterator[Item]:
    """The page's main text as one document, or an error when no text can be found."""
    extracted = _extract(data, favor_precision=True) or _extract(data, favor_precision=False)
    if extracted is None:
        yield SourceError(path_label, None, "no main text found in the HTML")
        return
    yield RawDocument(
        text=extracted.text,
        origin=path_label,
        source=extracted.url or source_of(path_label),
        title=extracted.title or None,
        published=_date(extracted.date),
        raw_format="html",
    )


def _extract(data: bytes, *, favor_precision: bool) -> Extraction | None:
    """trafilatura's result when it has text; paragraphs come out one per line."""
    result = trafilatura.bare_extraction(
        data,
        with_metadata=True,
        include_comments=False,
        favor_precision=favor_precision,
        date_extraction_params=_DATE_PARAMS,
    )
    if result is None or not (result.text or "").strip():
        return None
    return result


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return parse_iso_date(value)
    except ValueError:
        return None
