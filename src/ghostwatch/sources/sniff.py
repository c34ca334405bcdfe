"""Which reader fits some bytes: by file suffix when it is known, by content otherwise.

Content sniffing serves stdin and explicitly named files with unfamiliar suffixes. It looks
only at the first bytes and checks the unambiguous signs of each format; anything else is text,
whose reader refuses binary data with a clear error.
"""

from __future__ import annotations

import re

from ghostwatch.sources.jsonl import GZIP_MAGIC
from ghostwatch.sources.registry import format_for_suffix

_HEAD_BYTES = 4096
# What may precede the root element of an XML or HTML document.
_PROLOG = r"(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)*"
_FEED_ROOT = re.compile(_PROLOG + r"<(?:[\w.-]+:)?(?:rss|feed|rdf)\b", re.IGNORECASE | re.DOTALL)
_HTML_ROOT = re.compile(
    r"(?:\s|<\?.*?\?>|<!--.*?-->)*<(?:!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL
)


def detect_format(path_label: str, data: bytes) -> str:
    """The format name whose reader should read `data` (a key of the reader registry)."""
    return format_for_suffix(path_label) or sniff_content(data)


def sniff_content(data: bytes) -> str:
    """The format that the first bytes of `data` show, "text" when they show none."""
    if data.startswith(GZIP_MAGIC):
        return "jsonl"  # the only compressed format we read
    if b"%PDF-" in data[:1024]:
        return "pdf"
    head = data[:_HEAD_BYTES].decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")
    if head.startswith("{"):
        return "jsonl"
    if _FEED_ROOT.match(head):
        return "feed"
    if _HTML_ROOT.match(head):
        return "html"
    return "text"
