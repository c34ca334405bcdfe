"""JSON Lines: one article object per line, the format of scraped corpora and of our demo data.

Each line stands alone, so a bad line becomes a `SourceError` naming its line number and the
lines around it are still read. Gzip-compressed files are read the same way.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from typing import Any

from ghostwatch.model import RawDocument
from ghostwatch.sources.dates import parse_iso_date
from ghostwatch.sources.errors import SourceError
from ghostwatch.sources.registry import Item, register

GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1 << 16
_OPTIONAL_TEXT_FIELDS = ("url", "title", "published", "language")


@register("jsonl", (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz"))
def read(path_label: str, data: bytes) -> Iterator[Item]:
    """One document per non-blank line; errors for bad lines and for a broken gzip stream."""
    gzip_failure: str | None = None
    if data.startswith(GZIP_MAGIC):
        data, gzip_failure = _gunzip(data)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for number, line in enumerate(data.split(b"\n"), start=1):
        if line.strip():
            yield _read_line(path_label, number, line)
    if gzip_failure is not None:
        yield SourceError(path_label, None, gzip_failure)


def _gunzip(data: bytes) -> tuple[bytes, str | None]:
    """The decompressed bytes, and why decompression stopped early (a truncated download).

    Data is inflated chunk by chunk, so what came before the damage is kept and the complete
    lines in it are not lost. Concatenated gzip members are read one after the other.
    """
    out = bytearray()
    rest = data
    while rest:
        inflater = zlib.decompressobj(wbits=31)  # 31: gzip header and trailer
        position = 0
        try:
            while position < len(rest) and not inflater.eof:
                out += inflater.decompress(rest[position : position + _CHUNK])
                position += _CHUNK
        except zlib.error as error:
            return bytes(out), f"gzip data is corrupt: {error}"
        if not inflater.eof:
            return bytes(out), "gzip data is truncated"
        rest = inflater.unused_data + rest[position:]
    return bytes(out), None


def _read_line(path_label: str, number: int, line: bytes) -> Item:
    def fail(reason: str) -> SourceError:
        return SourceError(path_label, number, reason)

    try:
        decoded = line.decode("utf-8")
    except UnicodeDecodeError as error:
        return fail(f"not valid UTF-8 (byte {error.start + 1} of the line)")
    try:
        record = json.loads(decoded)
    except json.JSONDecodeError as error:
        return fail(f"malformed JSON: {error.msg} at column {error.colno}")
    if not isinstance(record, dict):
        return fail(f"expected a JSON object, found {_json_type(record)}")

    text = record.get("text")
    if text is not None and not isinstance(text, str):
        return fail(f"'text' must be a string, found {_json_type(text)}")
    if not text or not text.strip():
        return fail("missing or empty 'text'")
    for field in _OPTIONAL_TEXT_FIELDS:
        value = record.get(field)
        if value is not None and not isinstance(value, str):
            return fail(f"'{field}' must be a string, found {_json_type(value)}")
    doc_id = record.get("id")
    if doc_id is not None and (isinstance(doc_id, bool) or not isinstance(doc_id, str | int)):
        return fail(f"'id' must be a string or an integer, found {_json_type(doc_id)}")

    published = None
    if written := (record.get("published") or "").strip():
        try:
            published = parse_iso_date(written)
        except ValueError:
            return fail(f"bad 'published' date {written!r}: expected an ISO date or datetime")

    return RawDocument(
        text=text,
        origin=f"{path_label}:{number}",
        id=None if doc_id is None else str(doc_id),
        source=_blank_to_none(record.get("url")),
        title=_blank_to_none(record.get("title")),
        published=published,
        language=_blank_to_none(record.get("language")),
        raw_format="jsonl",
    )


def _blank_to_none(value: Any) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    return names.get(type(value), "a number")
