import pytest

from ghostwatch.sources.fragment import html_to_text


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        (
            "<p>Raid in Hull &amp; Grimsby</p><p>Two arrested.</p>",
            "Raid in Hull & Grimsby\n\nTwo arrested.",
        ),
        ("Plain words with &eacute;t&eacute; entities", "Plain words with été entities"),
        ("<p>Line one<br/>line two</p>", "Line one\nline two"),
        ("<p>Source\n   code   spaces\tfolded</p>", "Source code spaces folded"),
        ("<ul><li>Pistol</li><li>Cartridges</li></ul>", "Pistol\n\nCartridges"),
        (
            "<p>Kept</p><script>track()</script><style>p{}</style><!-- note --><p>Also kept</p>",
            "Kept\n\nAlso kept",
        ),
        ("<div><p>Nested <em>emphasis</em>.</p></div>Tail text", "Nested emphasis.\n\nTail text"),
        ("<p></p><p>  </p>", ""),
        ("   ", ""),
        ("<!-- only a comment -->", ""),
    ],
)
def test_html_to_text(markup: str, expected: str) -> None:
    assert html_to_text(markup) == expected
