import datetime as dt
from pathlib import Path

from ghostwatch.model import RawDocument
from ghostwatch.sources import SourceError
from ghostwatch.sources.feed import read


def test_rss_entries_prefer_full_content(fixtures: Path) -> None:
    path = fixtures / "court-wire.rss"
    leeds, bordeaux, gallery = read(str(path), path.read_bytes())

    assert isinstance(leeds, RawDocument)
    assert leeds.title == "Leeds man remanded after police raid finds handgun & ammunition"
    assert leeds.id == "court-wire-2024-0209"
    assert leeds.source == "https://www.court-wire.test/2024/02/09/leeds-remand"
    # 23:30 in New York: the publisher's date, not the next day in UTC
    assert leeds.published == dt.date(2024, 2, 9)
    assert leeds.origin == f"{path}:1"
    assert leeds.raw_format == "feed"
    assert leeds.text.startswith("A 27-year-old man from Harehills has been remanded")
    assert "found a handgun & 40 rounds" in leeds.text
    assert "Leeds Magistrates’ Court" in leeds.text
    assert "prohibited weapon.\nHe will next appear" in leeds.text  # <br>
    assert "8 March.\n\nDetective Inspector" in leeds.text  # </p><p>
    assert "“Taking this weapon off the streets makes our communities safer.”" in leeds.text
    assert "<p>" not in leeds.text
    assert "has been remanded in custody.</p>" not in leeds.text  # not the summary

    assert isinstance(bordeaux, RawDocument)
    assert bordeaux.title == "Bordeaux : un homme condamné pour trafic d'armes"
    # no guid: the link is the id
    assert (
        bordeaux.id
        == bordeaux.source
        == "https://www.court-wire.test/2024/02/08/bordeaux-condamnation"
    )
    assert bordeaux.published == dt.date(2024, 2, 8)
    assert bordeaux.text == (
        "Le tribunal correctionnel de Bordeaux a condamné jeudi un homme de 45 ans à quatre ans "
        "de prison pour trafic d’armes.\n\nIl revendait des armes de chasse volées."
    )

    assert isinstance(gallery, SourceError)
    assert (gallery.path, gallery.line) == (str(path), 3)
    assert gallery.reason == "entry 3: no text in content or summary"


def test_atom_content_summary_and_xhtml(fixtures: Path) -> None:
    path = fixtures / "justice.atom"
    lyon, toulouse, nice = read(str(path), path.read_bytes())

    assert lyon.title == "Lyon : le procès d'un réseau de trafiquants s’ouvre"
    assert lyon.id == "urn:justice-hebdo:2024-05-22-lyon-proces"
    assert lyon.source == "https://www.justice-hebdo.test/2024/05/22/lyon-proces-reseau"
    assert lyon.published == dt.date(2024, 5, 22)  # published wins over updated
    assert lyon.text.startswith("Six prévenus, âgés de 21 à 40 ans, comparaissent")
    assert "trafic d’armes et de stupéfiants.\n\nLes enquêteurs" in lyon.text
    assert "coup de filet en 2022 & plusieurs kilos" in lyon.text

    # summary only; the id is a URN, not a web address, so there is no source
    assert toulouse.text == (
        "Un homme de 30 ans interpellé à Toulouse après la découverte d'un revolver & de "
        "munitions a vu sa garde à vue prolongée."
    )
    assert toulouse.source is None
    assert toulouse.published == dt.date(2024, 5, 21)

    assert nice.text == (
        "Les douaniers du port de Nice ont découvert deux fusils dans un camion.\n\n"
        "Le chauffeur a été placé en garde à vue."
    )


def test_not_xml_is_an_error() -> None:
    (error,) = read("wire.rss", b"Breaking: police raid in Hull. Not a feed at all.")
    assert isinstance(error, SourceError)
    assert error.line is None
    assert error.reason.startswith("not an RSS, Atom or RDF feed")


def test_xml_that_is_no_feed_is_an_error() -> None:
    sitemap = b'<?xml version="1.0"?><urlset><url><loc>https://news.test/a</loc></url></urlset>'
    (error,) = read("sitemap.xml", sitemap)
    assert isinstance(error, SourceError)
    assert str(error) == "sitemap.xml: not an RSS, Atom or RDF feed"


def test_empty_feed_gives_nothing() -> None:
    empty = b'<rss version="2.0"><channel><title>Quiet week</title></channel></rss>'
    assert list(read("quiet.rss", empty)) == []


def test_broken_feed_without_entries_is_an_error() -> None:
    cut = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</ti'
    (error,) = read("cut.rss", cut)
    assert isinstance(error, SourceError)
    assert error.reason.startswith("broken feed with no entries: ")


def test_broken_feed_with_entries_is_still_read() -> None:
    broken = (
        b'<rss version="2.0"><channel><title>Wire</title><item><title>Arrest in Derby</title>'
        b"<description>Derbyshire police arrested a man in Normanton on Sunday.</description>"
        b"</item><item><title>Unclosed"
    )
    items = list(read("broken.rss", broken))
    assert isinstance(items[0], RawDocument)
    assert items[0].text == "Derbyshire police arrested a man in Normanton on Sunday."
    assert items[0].title == "Arrest in Derby"


def test_rdf_feed_is_read() -> None:
    rdf = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://wire.test/"><title>Wire</title><link>https://wire.test/</link></channel>
<item rdf:about="https://wire.test/2024/01/15/brest">
<title>Brest : un homme interpellé</title><link>https://wire.test/2024/01/15/brest</link>
<description>Un homme a été interpellé lundi à Brest avec un revolver.</description>
<dc:date>2024-01-15T08:00:00+01:00</dc:date>
</item></rdf:RDF>"""
    (document,) = read("wire.rdf.xml", rdf.encode("utf-8"))
    assert document.title == "Brest : un homme interpellé"
    assert document.text == "Un homme a été interpellé lundi à Brest avec un revolver."
    assert document.published == dt.date(2024, 1, 15)
