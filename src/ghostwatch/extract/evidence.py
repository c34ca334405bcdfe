"""Evidence spans: every value a component reports points at the text that states it.

The spaCy `Doc` is made from `document.text` itself, so its character offsets are offsets into the
text the report carries, and a span's text is always `document.text[start:end]`.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from ghostwatch.model import Span as Evidence

_TEXT_KEY = "ghostwatch.text"
_SENTENCES_KEY = "ghostwatch.sentences"
_ENTITIES_KEY = "ghostwatch.entities"


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per document: spaCy joins every token again on each access."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def sentences(doc: Doc) -> list[Span]:
    """`doc.sents` as a list built once per document: the components all read sentences, and
    spaCy walks every token's sentence-start flag again on each iteration."""
    found = doc.user_data.get(_SENTENCES_KEY)
    if found is None:
        found = doc.user_data[_SENTENCES_KEY] = list(doc.sents)
    return found


def entities_in(part: Doc | Span) -> list[Span]:
    """The named entities inside `part` (a Doc or a sentence), as spaCy's `Span.ents` gives
    them, from one list built per document: `Span.ents` rebuilds the whole list on each access."""
    doc = part if isinstance(part, Doc) else part.doc
    cached = doc.user_data.get(_ENTITIES_KEY)
    if cached is None:
        entities = list(doc.ents)
        cached = doc.user_data[_ENTITIES_KEY] = (entities, [e.start for e in entities])
    entities, starts = cached
    if part is doc:
        return entities
    inside = []
    for entity in entities[bisect_left(starts, part.start) :]:
        if entity.start >= part.end:
            break
        if entity.end <= part.end:
            inside.append(entity)
    return inside


def evidence_chars(doc: Doc, start: int, end: int) -> Evidence:
    return Evidence(start=start, end=end, text=doc_text(doc)[start:end])


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
