import gzip

import pytest

from ghostwatch.sources import STDIN_LABEL, detect_format
from ghostwatch.sources.registry import FORMATS

RSS = b'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel></channel></rss>'
ATOM = b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- generated -->\n<feed xmlns="http://www.w3.org/2005/Atom">'
RDF = b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
RSS_091 = (
    b'<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"'
    b' "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91">'
)
HTML = b"\n  <!DOCTYPE html>\n<html><head><title>Raid</title></head><body></body></html>"
XHTML = b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>'


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'\n\n  {"id": "a", "text": "Arrest in Lyon."}\n', "jsonl"),
        (gzip.compress(b'{"text": "x"}\n'), "jsonl"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "pdf"),
        (RSS, "feed"),
        (ATOM, "feed"),
        (RDF, "feed"),
        (RSS_091, "feed"),
        (HTML, "html"),
        (b"<!-- saved page --><HTML lang='fr'><body>", "html"),
        (XHTML, "html"),
        ("Communiqué du parquet de Lille.\n".encode(), "text"),
        (b"<p>An HTML fragment is not a page</p>", "text"),
        (b"Reporter's note: the <feed> tag appears mid-text", "text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "text"),  # the text reader refuses it as binary
        (b"", "text"),
    ],
)
def test_content_sniffing_without_a_suffix(data: bytes, expected: str) -> None:
    assert detect_format(STDIN_LABEL, data) == expected
    assert detect_format("download", data) == expected
    assert expected in FORMATS


def test_a_known_suffix_wins_over_content() -> None:
    assert detect_format("article.txt", HTML) == "text"
    assert detect_format("page.html", b'{"text": "x"}') == "html"
    assert detect_format("export.XML", HTML) == "feed"
