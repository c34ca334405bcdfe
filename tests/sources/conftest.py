"""Fixtures for the reader tests: the hand-written sample files and a PDF maker."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from fpdf import FPDF

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


MakePdf = Callable[..., bytes]


@pytest.fixture(scope="session")
def make_pdf() -> MakePdf:
    """Build a real PDF with fpdf2: one page per string, core font, Latin-1 text."""

    def build(
        pages: list[str], *, title: str | None = None, created: dt.datetime | None = None
    ) -> bytes:
        pdf = FPDF()
        if title is not None:
            pdf.set_title(title)
        pdf.set_creation_date(created or dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
        pdf.set_font("Helvetica", size=11)
        for page in pages:
            pdf.add_page()
            pdf.multi_cell(0, 6, page)
        return bytes(pdf.output())

    return build
