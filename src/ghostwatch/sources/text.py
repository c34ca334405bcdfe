"""Plain text and Markdown files: the whole file is one document (a press release, a transcript).

Old press releases are often Windows-1252, so that is the fallback when the bytes are not UTF-8.
Binary files named .txt (or piped in by mistake) are refused rather than decoded into noise.
"""

from __future__ import annotations

import codecs
import unicodedata
from collections.abc import Iterator

from ghostwatch.model import RawDocument
from ghostwatch.sources.errors import SourceError
from ghostwatch.sources.registry import Item, register, source_of

# Above this share of control characters (other than whitespace) the data is not text.
_MAX_CONTROL_SHARE = 0.05
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@register("text", (".txt", ".text", ".md"))
def read(path_label: str, data: bytes) -> Iterator[Item]:
    """The file as one document, or one error saying why it is not readable text."""
    text = _decode_text(data)
    if text is None or _mostly_control(text):
        yield SourceError(path_label, None, "binary file, not text")
    elif not text.strip():
        yield SourceError(path_label, None, "empty file, no text")
    else:
        yield RawDocument(
            text=text, origin=path_label, source=source_of(path_label), raw_format="text"
        )


def _decode_text(data: bytes) -> str | None:
    """The text in `data`, or None when it is binary or in no encoding we accept.

    A byte-order mark decides the encoding; otherwise UTF-8, then Windows-1252, which decodes
    almost any byte string and so is tried only when there are no NUL bytes (binary data).
    """
    if data.startswith(codecs.BOM_UTF8):
        return _decode(data[len(codecs.BOM_UTF8) :], "utf-8")
    if data.startswith(_UTF16_BOMS):
        return _decode(data, "utf-16")
    text = _decode(data, "utf-8")
    if text is None and b"\x00" not in data:
        text = _decode(data, "cp1252")
    return None if text is None or "\x00" in text else text


def _decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _mostly_control(text: str) -> bool:
    sample = text[:65536]
    controls = sum(
        1 for char in sample if char not in _TEXT_CONTROLS and unicodedata.category(char) == "Cc"
    )
    return controls > _MAX_CONTROL_SHARE * len(sample)
