"""Plain text from the HTML fragments that feeds carry as entry content.

Full-page extractors need a whole page and drop short fragments as boilerplate, so feed content
is converted directly: block elements become paragraphs (a blank line), <br> a line break,
scripts and comments disappear, entities are decoded, and source-code whitespace is folded the
way a browser folds it.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

_BLOCKS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    }
)
_DROPPED = ("script", "style", "template", "noscript")
_PARAGRAPH = "\n\n"
_SPACES = re.compile(r"[^\S\n]+")
_SPACE_RUNS = re.compile(r"\s+")
_EXTRA_BREAKS = re.compile(r"\n{3,}")


def html_to_text(markup: str) -> str:
    """The text of an HTML fragment with paragraph breaks kept; "" when it has none."""
    if not markup.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except etree.ParserError:  # nothing but comments or whitespace
        return ""
    for element in list(root.iter(*_DROPPED, etree.Comment, etree.ProcessingInstruction)):
        element.drop_tree()
    pieces: list[str] = []
    _collect(root, pieces)
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(pieces).split("\n"))
    return _EXTRA_BREAKS.sub(_PARAGRAPH, "\n".join(lines)).strip()


def _collect(element: lxml.html.HtmlElement, pieces: list[str]) -> None:
    """Append the element's text to `pieces`, with breaks where its layout makes them."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag == "br":
        pieces.append("\n")
    block = tag in _BLOCKS
    if block:
        pieces.append(_PARAGRAPH)
    if element.text:
        pieces.append(_SPACE_RUNS.sub(" ", element.text))
    for child in element:
        _collect(child, pieces)
        if child.tail:
            pieces.append(_SPACE_RUNS.sub(" ", child.tail))
    if block:
        pieces.append(_PARAGRAPH)
