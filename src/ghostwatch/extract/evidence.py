"""Evidence spans: every value a component reports points at the text that states it.

The spaCy `Doc` is made from `document.text` itself, so its character offsets are offsets into the
text the report carries, and a span's text is always `document.text[start:end]`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ghostwatch.model import Span as Evidence


def evidence_chars(doc: Doc, start: int, end: int) -> Evidence:
    return Evidence(start=start, end=end, text=doc.text[start:end])


def evidence_of(part: Span | Token) -> Evidence:
    """The evidence for a token or a span of tokens."""
    if isinstance(part, Token):
        return evidence_chars(part.doc, part.idx, part.idx + len(part.text))
    return evidence_chars(part.doc, part.start_char, part.end_char)


def evidence_between(first: Token, last: Token) -> Evidence:
    """The evidence from `first` to `last` inclusive, whichever comes first in the text."""
    if first.i > last.i:
        first, last = last, first
    return evidence_chars(first.doc, first.idx, last.idx + len(last.text))
