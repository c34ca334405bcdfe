"""RSS, Atom and RDF feeds: each entry is one document.

feedparser reads all three dialects and tolerates the broken markup many feeds have, so a feed
is rejected only when it yields no entries and is not recognisably a feed. Entries prefer the full
`content` over the teaser `summary`, and their HTML is flattened to text with paragraphs kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import feedparser

from ghostwatch.model import RawDocument
from ghostwatch.sources.dates import parse_feed_date
from ghostwatch.sources.errors import SourceError
from ghostwatch.sources.fragment import html_to_text
from ghostwatch.sources.registry import Item, register

_HTML_TYPES = ("text/html", "application/xhtml+xml")


@register("feed", (".rss", ".atom", ".xml"))
def read(path_label: str, data: bytes) -> Iterator[Item]:
    """One document per entry; an error per entry without text, or for data that is no feed."""
    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.version and not parsed.bozo:
            return  # a well-formed feed with nothing in it this time
        reason = "broken feed with no entries" if parsed.version else "not an RSS, Atom or RDF feed"
        if parsed.bozo:
            reason += f": {parsed.get('bozo_exception')}"
        yield SourceError(path_label, None, reason)
        return
    for index, entry in enumerate(parsed.entries, start=1):
        yield _document(path_label, index, entry)


def _document(path_label: str, index: int, entry: Any) -> Item:
    text = _entry_text(entry)
    if not text:
        return SourceError(path_label, index, f"entry {index}: no text in content or summary")
    link = _web_link(entry)
    return RawDocument(
        text=text,
        origin=f"{path_label}:{index}",
        id=entry.get("id") or link,
        source=link,
        title=_plain(entry.get("title_detail")) or None,
        published=_entry_date(entry),
        raw_format="feed",
    )


def _web_link(entry: Any) -> str | None:
    """The entry's web address; feedparser falls back to the id, which may be a "urn:"."""
    link = entry.get("link") or ""
    return link if link.startswith(("http://", "https://")) else None


def _entry_text(entry: Any) -> str:
    """The longest text among the entry's full contents, else its summary's text."""
    contents = [_plain(content) for content in entry.get("content", [])]
    return max(contents, key=len, default="") or _plain(entry.get("summary_detail"))


def _plain(detail: Any) -> str:
    """The text of a feedparser text construct (its value plus content type)."""
    if not detail:
        return ""
    value = detail.get("value") or ""
    if detail.get("type") in _HTML_TYPES:
        return html_to_text(value)
    return value.strip()


def _entry_date(entry: Any) -> dt.date | None:
    """Publication (else update) date, as written where possible.

    feedparser's *_parsed times are converted to UTC, which moves late-evening articles to the
    next day; the written timestamp keeps the publisher's own date, so it is read first.
    """
    for key in ("published", "updated"):
        written = entry.get(key)
        if written and (date := parse_feed_date(written)) is not None:
            return date
        if parsed := entry.get(f"{key}_parsed"):
            return dt.date(*parsed[:3])
    return None
