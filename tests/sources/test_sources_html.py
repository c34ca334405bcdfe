import datetime as dt
from pathlib import Path

from ghostwatch.model import RawDocument
from ghostwatch.sources import STDIN_LABEL, SourceError
from ghostwatch.sources.html import read

PLAIN_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Cardiff Crown Court sentencing</title></head>
<body>
<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/weather">Weather</a></nav>
<div class="story">
<p>A 33-year-old man from Splott was sentenced to seven years at Cardiff Crown Court on Friday
for possessing a handgun and ammunition with intent to endanger life.</p>
<p>South Wales Police found the weapon hidden in a kitchen cupboard during a search in May.
The judge said the man had shown no remorse.</p>
</div>
<footer>Copyright 2024 Valleys Evening Post. All rights reserved.</footer>
</body></html>
"""


def test_main_text_without_boilerplate(fixtures: Path) -> None:
    path = fixtures / "raid-marseille.html"
    (document,) = read(str(path), path.read_bytes())

    assert isinstance(document, RawDocument)
    assert document.title == "Marseille : un atelier clandestin démantelé dans les quartiers nord"
    assert document.published == dt.date(2024, 6, 18)
    assert document.source == (
        "https://www.gazette-littoral.test/marseille/2024/06/18/atelier-clandestin-demantele"
    )
    assert document.origin == str(path)
    assert document.raw_format == "html"

    text = document.text
    assert "interpellé lundi trois hommes âgés de 22 à 35 ans" in text
    assert "près de 18 000 euros en numéraire" in text
    assert "détention d'armes de catégorie A." in text
    # paragraphs stay on their own lines
    assert "a annoncé mardi le parquet.\nDans un garage loué" in text
    furniture_words = ("Abonnez-vous", "cookies", "Mentions légales", "Tous droits réservés")
    for furniture in (*furniture_words, "À lire aussi", "victoire arrachée", "Sports"):
        assert furniture not in text


def test_page_without_metadata_falls_back_to_path() -> None:
    (document,) = read("saved/cardiff.html", PLAIN_PAGE.encode("utf-8"))

    assert isinstance(document, RawDocument)
    assert document.source == "saved/cardiff.html"
    assert document.title == "Cardiff Crown Court sentencing"
    assert document.published is None
    assert "sentenced to seven years at Cardiff Crown Court" in document.text
    assert "South Wales Police found the weapon" in document.text
    assert "Weather" not in document.text
    assert "All rights reserved" not in document.text


def test_stdin_page_has_no_source() -> None:
    (document,) = read(STDIN_LABEL, PLAIN_PAGE.encode("utf-8"))
    assert isinstance(document, RawDocument)
    assert document.source is None
    assert document.origin == STDIN_LABEL


def test_page_without_text_is_an_error() -> None:
    broken = b"<html><head><title>Loading</title></head><body><script>render()</script><div"
    (error,) = read("broken.html", broken)
    assert isinstance(error, SourceError)
    assert str(error) == "broken.html: no main text found in the HTML"


def test_empty_file_is_an_error() -> None:
    (error,) = read("empty.htm", b"")
    assert isinstance(error, SourceError) and error.path == "empty.htm"
