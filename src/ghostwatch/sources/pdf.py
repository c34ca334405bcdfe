"""PDF press releases and court communiqués: the text layer of every page, in page order.

pypdf raises many exception types on damaged files and logs warnings for recoverable ones; the
reader turns the first into a `SourceError` with pypdf's reason and silences the second, so a
folder of imperfect PDFs gives a clean report of what could not be read.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from pypdf import PageObject, PasswordType, PdfReader
from pypdf.errors import DependencyError

from ghostwatch.model import RawDocument
from ghostwatch.sources.errors import SourceError
from ghostwatch.sources.registry import Item, register, source_of


@register("pdf", (".pdf",))
def read(path_label: str, data: bytes) -> Iterator[Item]:
    """One document for the whole PDF, plus an error for each page whose text failed."""
    with _quiet_pypdf():
        items = list(_read(path_label, data))
    yield from items


def _read(path_label: str, data: bytes) -> Iterator[Item]:
    opened = _open(data)
    if isinstance(opened, str):
        yield SourceError(path_label, None, opened)
        return
    reader, pages = opened
    texts: list[str] = []
    for number, page in enumerate(pages, start=1):
        try:
            texts.append(page.extract_text().strip())
        except Exception as error:  # damage inside one page: keep the other pages
            yield SourceError(path_label, None, f"page {number}: text not extractable: {error}")
    text = "\n\n".join(page_text for page_text in texts if page_text)
    if not text:
        yield SourceError(path_label, None, "no extractable text in the PDF (a scanned image?)")
        return
    title, created = _metadata(reader)
    yield RawDocument(
        text=text,
        origin=path_label,
        source=source_of(path_label),
        title=title,
        published=created,
        raw_format="pdf",
    )


def _open(data: bytes) -> tuple[PdfReader, list[PageObject]] | str:
    """The reader and its pages, or why the PDF cannot be opened.

    pypdf signals damage with whatever exception the broken structure triggers (PdfReadError,
    ValueError, KeyError, ...), so any exception while opening means "unreadable".
    """
    try:
        reader = PdfReader(io.BytesIO(data))
    except Exception as error:
        return f"corrupt or unreadable PDF: {error}"
    if reader.is_encrypted:
        try:
            decrypted = reader.decrypt("") != PasswordType.NOT_DECRYPTED
        except DependencyError as error:
            return f"encrypted PDF that cannot be decrypted here: {error}"
        if not decrypted:
            return "encrypted PDF, needs a password"
    try:
        return reader, list(reader.pages)
    except Exception as error:
        return f"corrupt or unreadable PDF: {error}"


def _metadata(reader: PdfReader) -> tuple[str | None, dt.date | None]:
    """Title and creation date; a damaged information dictionary just means no metadata."""
    try:
        info = reader.metadata
        title = info.title if info is not None else None
    except Exception:
        return None, None
    try:
        created = info.creation_date if info is not None else None
    except Exception:  # a malformed "D:..." date string
        created = None
    title = title.strip() if isinstance(title, str) else None
    return title or None, created.date() if created is not None else None


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """Mute pypdf's warnings about recoverable damage for the duration of one read."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)
