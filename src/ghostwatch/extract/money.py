"""Amounts of money in a parsed document: "€3,450", "3 450 euros", "$1.5 million", "48 000 $".

A money mention is a number phrase with a currency right before or after it. The currency is
read from the pack's forms and made an ISO 4217 code; forms shared by several countries ("$",
"kroner") take the code of the case's country.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc

from ghostwatch.extract.evidence import doc_text
from ghostwatch.extract.numbers import NumberPhrase
from ghostwatch.extract.seizure_lexicon import SeizureLexicon

#: how far (in characters) a currency form may sit from its figure, spaces included
_REACH = 24


@dataclass(frozen=True)
class Money:
    amount: float
    currency: str  # ISO 4217
    start: int  # first token, the currency symbol when it comes first
    end: int  # token after the last one
    number: NumberPhrase

    def tokens(self) -> range:
        return range(self.start, self.end)


def case_country(countries: Iterable[str], text: str, lexicon: SeizureLexicon) -> str | None:
    """The country deciding ambiguous currencies: the report's first country that has its own
    code for one, else the country whose cues come first in the text."""
    known = {country for table in lexicon.currency_by_country.values() for country in table}
    for country in countries:
        if country in known:
            return country
    first: tuple[int, str] | None = None
    for country, cue in lexicon.country_cues:
        found = cue.search(text)
        if found and (first is None or found.start() < first[0]):
            first = (found.start(), country)
    return first[1] if first else None


def money_mentions(
    doc: Doc, phrases: list[NumberPhrase], lexicon: SeizureLexicon, country: str | None
) -> list[Money]:
    """Every amount of money in `doc`, left to right."""
    mentions = []
    for phrase in phrases:
        mention = _money(doc, phrase, lexicon, country)
        if mention is not None:
            mentions.append(mention)
    return mentions


def _money(
    doc: Doc, phrase: NumberPhrase, lexicon: SeizureLexicon, country: str | None
) -> Money | None:
    span = phrase.span(doc)
    end = phrase.end
    factor = 1.0
    if end < len(doc) and doc[end].lower_ in lexicon.multipliers:
        factor = lexicon.multipliers[doc[end].lower_]
        end += 1
    after = _currency_after(doc, doc[end - 1].idx + len(doc[end - 1].text), lexicon)
    before = _currency_before(doc, span.start_char, lexicon)
    if after is not None:
        code, end = after
        start = phrase.start
    elif before is not None:
        code, start = before
    else:
        return None
    return Money(phrase.value * factor, lexicon.currency_code(code, country), start, end, phrase)


def _currency_after(doc: Doc, char: int, lexicon: SeizureLexicon) -> tuple[str, int] | None:
    """The currency written right after a figure ending at `char`, with its end token."""
    best: tuple[int, str] | None = None
    for currency in lexicon.currencies:
        found = currency.after.match(doc_text(doc), char, char + _REACH)
        if found and found.end() > char and (best is None or found.end() > best[0]):
            best = (found.end(), currency.code)
    if best is None:
        return None
    span = doc.char_span(char, best[0], alignment_mode="expand")
    return (best[1], span.end) if span is not None else None


def _currency_before(doc: Doc, char: int, lexicon: SeizureLexicon) -> tuple[str, int] | None:
    """The currency written right before a figure starting at `char`, with its start token."""
    window = doc_text(doc)[max(0, char - _REACH) : char]
    offset = char - len(window)
    best: tuple[int, str] | None = None
    for currency in lexicon.currencies:
        found = currency.before.search(window)
        if found and (best is None or found.start() < best[0]):
            best = (found.start(), currency.code)
    if best is None:
        return None
    span = doc.char_span(offset + best[0], char, alignment_mode="expand")
    return (best[1], span.start) if span is not None else None
