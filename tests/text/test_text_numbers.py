"""Numbers in digits and words, in English and French conventions."""

from __future__ import annotations

import pytest

from ghostwatch.text.numbers import as_int, parse_number


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("24", "en", 24),
        ("1,500", "en", 1500),
        ("18,400", "en", 18400),
        ("1 500", "fr", 1500),
        ("1\u202f500", "fr", 1500),
        ("1.500", "fr", 1500),
        ("1,5", "fr", 1.5),
        ("2.5", "en", 2.5),
        ("twenty-four", "en", 24),
        ("Fourteen", "en", 14),
        ("one hundred and five", "en", 105),
        ("dozen", "en", 12),
        ("quatorze", "fr", 14),
        ("vingt-quatre", "fr", 24),
        ("trois cents", "fr", 300),
        ("mille cinq cents", "fr", 1500),
        ("cinquantaine", "fr", 50),
    ],
)
def test_reads_numbers(text: str, language: str, value: float) -> None:
    assert parse_number(text, language) == value


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("3D", "en"),
        ("", "en"),
        ("police", "en"),
        ("1,5", "en"),
        ("gendarmes", "fr"),
        # plurals are nouns: "loved ones", "hundreds of rounds", "les uns et les autres"
        ("ones", "en"),
        ("hundreds", "en"),
        ("tens", "en"),
        ("uns", "fr"),
    ],
)
def test_rejects_what_is_not_a_number(text: str, language: str) -> None:
    assert parse_number(text, language) is None


def test_as_int_keeps_only_whole_counts() -> None:
    assert as_int(14.0) == 14
    assert as_int(1.5) is None
    assert as_int(None) is None
