import datetime as dt
import io
import logging

import pytest
from pypdf import PdfReader, PdfWriter

from ghostwatch.model import RawDocument
from ghostwatch.sources import SourceError
from ghostwatch.sources.pdf import read

PAGE_ONE = (
    "COMMUNIQUE DU PARQUET DE VALENCE\n"
    "Le tribunal correctionnel de Valence a condamné mardi un homme de 36 ans "
    "à trois ans d'emprisonnement pour détention illégale d'armes."
)
PAGE_TWO = "Les armes saisies lors de la perquisition de février ont été confisquées."


@pytest.fixture
def release(make_pdf) -> bytes:
    return make_pdf(
        [PAGE_ONE, PAGE_TWO],
        title="Communiqué : condamnation à Valence",
        created=dt.datetime(2024, 2, 27, 16, 30, tzinfo=dt.UTC),
    )


def test_text_of_all_pages_with_metadata(release: bytes) -> None:
    (document,) = read("releases/valence.pdf", release)

    assert isinstance(document, RawDocument)
    assert document.title == "Communiqué : condamnation à Valence"
    assert document.published == dt.date(2024, 2, 27)
    assert (document.source, document.origin) == ("releases/valence.pdf", "releases/valence.pdf")
    assert document.raw_format == "pdf"
    first, second = document.text.split("\n\n")
    assert first.startswith("COMMUNIQUE DU PARQUET DE VALENCE")
    assert "homme de 36 ans" in first
    assert second == PAGE_TWO


def test_pdf_without_title(make_pdf) -> None:
    (document,) = read("court.pdf", make_pdf(["Hearing adjourned at Bristol Crown Court."]))
    assert document.title is None
    assert document.text == "Hearing adjourned at Bristol Crown Court."


def test_truncated_pdf_is_an_error(release: bytes) -> None:
    (error,) = read("cut.pdf", release[: len(release) // 3])
    assert isinstance(error, SourceError)
    assert error.path == "cut.pdf" and error.line is None
    assert error.reason.startswith("corrupt or unreadable PDF")


def test_garbage_with_pdf_header_is_an_error() -> None:
    (error,) = read("junk.pdf", b"%PDF-1.7\nthis is not a pdf at all")
    assert isinstance(error, SourceError)
    assert error.reason.startswith("corrupt or unreadable PDF")


def test_encrypted_pdf_without_password(release: bytes) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(release)))
    writer.encrypt("secret-password")
    out = io.BytesIO()
    writer.write(out)

    (error,) = read("locked.pdf", out.getvalue())
    assert isinstance(error, SourceError)
    assert str(error) == "locked.pdf: encrypted PDF, needs a password"


def test_pdf_encrypted_only_against_editing_is_read(release: bytes) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(release)))
    writer.encrypt("", owner_password="owner-secret")
    out = io.BytesIO()
    writer.write(out)

    (document,) = read("restricted.pdf", out.getvalue())
    assert isinstance(document, RawDocument)
    assert "homme de 36 ans" in document.text


def test_pdf_without_text_is_an_error(make_pdf) -> None:
    (error,) = read("scan.pdf", make_pdf([""]))
    assert isinstance(error, SourceError)
    assert "no extractable text" in error.reason


def test_pypdf_warnings_are_silenced(release: bytes, caplog) -> None:
    damaged = release[: len(release) // 3]
    with caplog.at_level(logging.DEBUG, logger="pypdf"):
        with pytest.raises(Exception):  # noqa: B017 - whatever pypdf raises here
            PdfReader(io.BytesIO(damaged))
        assert any(record.name.startswith("pypdf") for record in caplog.records)
        caplog.clear()

        list(read("cut.pdf", damaged))
        assert not [record for record in caplog.records if record.name.startswith("pypdf")]
        assert logging.getLogger("pypdf").level == logging.DEBUG  # restored after the read
