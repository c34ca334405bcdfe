"""Sentences as the text writes them, and the headings that cut a document into sections.

The parser sometimes cuts a long list in two ("... 13 armes de poing conventionnelles," / "cinq
imprimantes 3D, ..."), which would separate seized items from their verb; a passage joins spaCy
sentences back until real end punctuation or a line break. A line without end punctuation is a
title or a heading: it states no seizure itself, and headings after the main story (a roundup's
other cases, a press release's "Quick facts") mark where the main case ends.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ghostwatch.extract.evidence import doc_text, sentences

_END_PUNCTUATION = frozenset(".!?…")
_CLOSERS = frozenset("\"'”’»)]")
_BULLETS = frozenset("-–—•·*▪►")
_ITEM_ENDS = frozenset({";", ","})


@dataclass(frozen=True)
class Passage:
    span: Span
    parts: tuple[Span, ...]  # the spaCy sentences it joins
    heading: bool  # a line of its own without end punctuation (title, subheading)

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end


def _first(span: Span) -> Token | None:
    """The span's first token that is not white space (scanning from the edge: these tests run
    on every sentence piece several times, and pieces are long)."""
    for token in span:
        if not token.is_space:
            return token
    return None


def _last(span: Span, skipped: frozenset[str] = frozenset()) -> Token | None:
    """The span's last token that is neither white space nor one of `skipped`."""
    doc = span.doc
    for index in range(span.end - 1, span.start - 1, -1):
        token = doc[index]
        if not token.is_space and token.text not in skipped:
            return token
    return None


def _ends_sentence(sentence: Span) -> bool:
    last = _last(sentence, _CLOSERS)
    return last is not None and last.text[-1] in _END_PUNCTUATION


def _ends_with_colon(sentence: Span) -> bool:
    last = _last(sentence)
    return last is not None and last.text == ":"


def _ends_list_item(sentence: Span) -> bool:
    """Ends in ";" or ",": a list item with more to come ("- une imprimante 3D ;")."""
    last = _last(sentence)
    return last is not None and last.text in _ITEM_ENDS


def is_bullet(token: Token) -> bool:
    """Whether `token` is a list bullet ("-", "•", "*"...)."""
    return token.text[0] in _BULLETS


def _starts_with_bullet(sentence: Span) -> bool:
    first = _first(sentence)
    return first is not None and is_bullet(first)


def _line_break_between(doc: Doc, first: Span, second: Span) -> bool:
    end = _last(first) or first[-1]
    start = _first(second) or second[0]
    return "\n" in doc_text(doc)[end.idx + len(end.text) : start.idx]


def _lines(sentence: Span) -> list[Span]:
    """A spaCy sentence cut at its line breaks ("Bolton\n\nThe most serious came...")."""
    pieces = []
    start = sentence.start
    for token in sentence:
        if token.is_space and "\n" in token.text:
            if start < token.i:
                pieces.append(sentence.doc[start : token.i])
            start = token.i + 1
        elif "\n" in token.whitespace_:
            pieces.append(sentence.doc[start : token.i + 1])
            start = token.i + 1
    if start < sentence.end:
        pieces.append(sentence.doc[start : sentence.end])
    return [piece for piece in pieces if _first(piece) is not None]


def _wrapped(doc: Doc, previous: Span, piece: Span) -> bool:
    """A line broken inside a sentence: one newline, and the next line goes on in lower case."""
    end = _last(previous)
    start = _first(piece)
    assert end is not None and start is not None  # pieces hold content (see _lines)
    between = doc_text(doc)[end.idx + len(end.text) : start.idx]
    return between.count("\n") == 1 and start.text[:1].islower()


def passages(doc: Doc) -> list[Passage]:
    """The document's sentences, spaCy's pieces joined where the text did not end a sentence."""
    groups: list[list[Span]] = []
    for sentence in sentences(doc):
        for piece in _lines(sentence):
            if groups:
                previous = groups[-1][-1]
                open_sentence = not _ends_sentence(previous)
                same_line = not _line_break_between(doc, previous, piece)
                broken = open_sentence and (same_line or _wrapped(doc, previous, piece))
                listed = _starts_with_bullet(piece) and (
                    _ends_with_colon(previous)
                    or _starts_with_bullet(previous)
                    or _ends_list_item(previous)
                )
                if broken or listed:
                    groups[-1].append(piece)
                    continue
            groups.append([piece])
    return [_passage(doc, group) for group in groups]


def _passage(doc: Doc, group: list[Span]) -> Passage:
    span = doc[group[0].start : group[-1].end]
    first, last = _first(span), _last(span)
    heading = len(group) == 1 and (
        not _ends_sentence(group[-1])
        and not _ends_with_colon(group[-1])
        and not _starts_with_bullet(group[0])
        and first is not None
        and last is not None
        and _whole_line(doc, first, last)
    )
    return Passage(span, tuple(group), heading)


def _whole_line(doc: Doc, first: Token, last: Token) -> bool:
    before = doc_text(doc)[: first.idx].rstrip(" \t")
    after = doc_text(doc)[last.idx + len(last.text) :].lstrip(" \t")
    return (not before or before.endswith("\n")) and (not after or after.startswith("\n"))


def starts_sentence(token: Token) -> bool:
    """A sentence start after end punctuation the tokenizer kept in a word ("en 3D.")."""
    doc = token.doc
    return token.is_sent_start and token.i > 0 and doc[token.i - 1].text[-1] in ".!?"
