"""Amounts of money and their currencies, on real parses."""

from __future__ import annotations

import pytest
from spacy.language import Language

from ghostwatch.extract.money import case_country, money_mentions
from ghostwatch.extract.numbers import number_phrases
from ghostwatch.extract.seizure_lexicon import seizure_lexicon

pytestmark = pytest.mark.models


def amounts(nlp: Language, language: str, text: str, country: str | None = None) -> list:
    doc = nlp(text)
    lexicon = seizure_lexicon(language)
    found = money_mentions(doc, number_phrases(doc, language), lexicon, country)
    return [(doc[m.start : m.end].text, m.amount, m.currency) for m in found]


def test_english_amounts_before_and_after_their_figure(models: dict[str, Language]) -> None:
    text = (
        "Officers seized €3,450 in cash, £2,000, 85,000 kronor and $1.5 million, but not "
        "five pounds of cannabis or 200 rounds."
    )
    assert amounts(models["en"], "en", text) == [
        ("€3,450", 3450, "EUR"),
        ("£2,000", 2000, "GBP"),
        ("85,000 kronor", 85000, "SEK"),
        ("$1.5 million", 1500000, "USD"),
    ]


def test_french_grouping_and_symbols_after_the_figure(models: dict[str, Language]) -> None:
    text = "Ils ont saisi 3 450 euros en liquide, 48 000 $ et 1500 francs suisses."
    assert amounts(models["fr"], "fr", text, country="CA") == [
        ("3 450 euros", 3450, "EUR"),
        ("48 000 $", 48000, "CAD"),
        ("1500 francs suisses", 1500, "CHF"),
    ]


def test_the_dollar_follows_the_case_country() -> None:
    lexicon = seizure_lexicon("en")
    assert case_country(["FR", "CA"], "", lexicon) == "CA"
    assert case_country([], "The RCMP said officers in Ontario seized $8,600.", lexicon) == "CA"
    assert case_country([], "Police in Leeds seized £2,000.", lexicon) is None
    assert lexicon.currency_code("dollar", "AU") == "AUD"
    assert lexicon.currency_code("dollar", None) == "USD"
