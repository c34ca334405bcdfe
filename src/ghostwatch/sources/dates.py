"""Publication dates as the sources write them, reduced to the calendar date the source meant.

A datetime keeps the date written in it, in its own time zone: an article stamped
"2024-03-01T00:30:00+01:00" was published on 1 March where it was written, even though that is
29 February in UTC.
"""

from __future__ import annotations

import datetime as dt
from email.utils import parsedate_to_datetime


def parse_iso_date(value: str) -> dt.date:
    """The date of an ISO 8601 date or datetime string; ValueError if it is neither."""
    text = value.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return dt.datetime.fromisoformat(text).date()


def parse_feed_date(value: str) -> dt.date | None:
    """The date of an RFC 822 (RSS) or ISO 8601 (Atom) timestamp, or None if it is neither."""
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return parse_iso_date(value)
    except ValueError:
        return None
