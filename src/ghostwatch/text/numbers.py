"""Reading numbers written in digits or words, in the conventions of each language.

"1,500" (English grouping), "1 500" and "1.500" (French grouping), "1,5" (French decimal),
"twenty-four", "vingt-quatre", "trois cents", "une cinquantaine". Words are read by `text2num`;
what it does not cover (approximate nouns, "a dozen") comes from the pack's `numbers.yaml`.
"""

from __future__ import annotations

import re
from functools import cache

from text_to_num import text2num

from ghostwatch.lang import load_pack

_SPACES = "\u00a0\u202f\u2009 "
_DIGITS = re.compile(r"^\d+(?:[.,]\d+)?$")
_GROUPED_COMMA = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_GROUPED_DOT = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_GROUPED_SPACE = re.compile(rf"^\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?:,\d+)?$")


@cache
def _section(language: str) -> dict:
    try:
        return load_pack(language).section("numbers") or {}
    except KeyError:
        return {}


@cache
def _approximate(language: str) -> dict[str, int]:
    table = _section(language).get("approximate") or {}
    return {word.lower(): value for word, value in table.items()}


@cache
def _plural_nouns(language: str) -> frozenset[str]:
    return frozenset(word.lower() for word in _section(language).get("plural_nouns") or [])


def parse_digits(text: str, language: str = "en") -> float | None:
    """A number written with digits, with the language's grouping and decimal marks."""
    value = text.strip()
    if _GROUPED_COMMA.match(value):
        return float(value.replace(",", ""))
    if _GROUPED_DOT.match(value) and language != "en":
        return float(value.replace(".", "").replace(",", "."))
    if _GROUPED_SPACE.match(value):
        return float(re.sub(rf"[{_SPACES}]", "", value).replace(",", "."))
    if _DIGITS.match(value):
        if "," in value:
            # "1,5" is a decimal in French; in English a lone comma group was handled above
            return float(value.replace(",", ".")) if language != "en" else None
        return float(value)
    return None


def parse_number(text: str, language: str = "en") -> float | None:
    """The value of a number phrase ("24", "1 500", "twenty-four", "cinquantaine"), or None."""
    phrase = " ".join(text.split())
    if not phrase:
        return None
    digits = parse_digits(phrase, language)
    if digits is not None:
        return digits
    lowered = phrase.lower()
    if _plural_nouns(language) & set(lowered.split()):
        return None
    approximate = _approximate(language)
    if lowered in approximate:
        return float(approximate[lowered])
    try:
        return float(text2num(lowered, language))
    except (ValueError, KeyError, IndexError):
        return None


def as_int(value: float | None) -> int | None:
    """An integral count, or None for fractions and missing values."""
    if value is None or value != int(value) or value < 0:
        return None
    return int(value)
