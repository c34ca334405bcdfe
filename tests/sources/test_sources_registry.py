import re

import pytest

from ghostwatch.sources import supported_suffixes
from ghostwatch.sources.registry import FORMATS, format_for_suffix, register


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("news.jsonl", "jsonl"),
        ("news.NDJSON", "jsonl"),
        ("archive/news.jsonl.gz", "jsonl"),
        ("communique.txt", "text"),
        ("notes.md", "text"),
        ("page.HTM", "html"),
        ("page.xhtml", "html"),
        ("release.pdf", "pdf"),
        ("wire.rss", "feed"),
        ("wire.atom", "feed"),
        ("wire.xml", "feed"),
        ("data.csv", None),
        ("backup.gz", None),
        ("folder.txt/README", None),
    ],
)
def test_format_for_suffix(name: str, expected: str | None) -> None:
    assert format_for_suffix(name) == expected


def test_every_format_has_a_reader_and_suffixes() -> None:
    assert set(FORMATS) == {"jsonl", "text", "html", "pdf", "feed"}
    suffixes = supported_suffixes()
    assert suffixes == sorted(suffixes)
    assert {".jsonl", ".jsonl.gz", ".txt", ".html", ".pdf", ".rss", ".atom", ".xml"} <= set(
        suffixes
    )


def test_a_format_or_suffix_cannot_be_registered_twice() -> None:
    def reader(path_label: str, data: bytes):  # pragma: no cover - never called
        yield from ()

    with pytest.raises(ValueError, match="format 'pdf'"):
        register("pdf", (".pdf2",))(reader)
    with pytest.raises(ValueError, match=re.escape("'.txt' already belongs to 'text'")):
        register("notes", (".txt",))(reader)
    with pytest.raises(ValueError, match="lower-case"):
        register("shout", (".TXT2",))(reader)
    assert "notes" not in FORMATS
    assert "shout" not in FORMATS
