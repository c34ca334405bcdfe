from pathlib import Path

from ghostwatch.model import RawDocument
from ghostwatch.sources import SourceError
from ghostwatch.sources.text import read

RELEASE = (
    "PARQUET DE DOUAI\n\n"
    "Un homme de 41 ans a été condamné lundi à deux ans de prison ferme par le tribunal "
    "correctionnel de Douai pour détention d'armes — « une affaire sérieuse », selon le parquet.\n"
)


def test_whole_file_is_one_document(fixtures: Path) -> None:
    path = fixtures / "communique.txt"
    (document,) = read(str(path), path.read_bytes())

    assert isinstance(document, RawDocument)
    assert document.text.startswith("PARQUET DE LA RÉPUBLIQUE DE NANTES\n\nCommuniqué de presse")
    assert "trois ans d'emprisonnement" in document.text
    assert document.text.endswith("la confiscation des armes saisies.\n")
    assert (document.origin, document.source) == (str(path), str(path))
    assert (document.id, document.title, document.published) == (None, None, None)
    assert document.raw_format == "text"


def test_utf8_bom_is_dropped() -> None:
    (document,) = read("release.txt", b"\xef\xbb\xbf" + RELEASE.encode("utf-8"))
    assert document.text == RELEASE


def test_windows_1252_fallback() -> None:
    (document,) = read("release.txt", RELEASE.encode("cp1252"))
    assert document.text == RELEASE
    assert "« une affaire sérieuse »" in document.text


def test_utf16_with_bom() -> None:
    (document,) = read("release.txt", RELEASE.encode("utf-16"))
    assert document.text == RELEASE


def test_binary_content_is_refused() -> None:
    png_like = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256))
    (error,) = read("photo.txt", png_like)
    assert isinstance(error, SourceError)
    assert str(error) == "photo.txt: binary file, not text"


def test_control_characters_without_nul_are_binary() -> None:
    noise = bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17]) * 20 + b"some words"
    (error,) = read("dump.txt", noise)
    assert isinstance(error, SourceError) and error.reason == "binary file, not text"


def test_empty_file_is_an_error() -> None:
    (error,) = read("empty.md", b" \n\n\t\n")
    assert isinstance(error, SourceError)
    assert error.reason == "empty file, no text"
