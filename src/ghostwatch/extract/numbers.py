"""Number phrases in a parsed document: where they are and what they are worth.

spaCy splits "twenty-four" into three tokens and French "1 500" into two; this module joins such
tokens back into one phrase and reads its value with `ghostwatch.text.numbers`. Components then
attach the phrases to nouns and verbs through the dependency parse.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from ghostwatch.lang import load_pack
from ghostwatch.text.numbers import parse_number


@dataclass(frozen=True)
class NumberPhrase:
    value: float
    start: int  # token index
    end: int  # token index, exclusive

    def span(self, doc: Doc) -> Span:
        return doc[self.start : self.end]

    @property
    def root(self) -> int:
        """The index of the phrase's last token, the one the parse attaches to its noun."""
        return self.end - 1


@dataclass(frozen=True)
class _Lexicon:
    language: str
    approximate: frozenset[str]
    joiners: frozenset[str]
    one: frozenset[str]

    def is_number_word(self, token: Token) -> bool:
        if token.like_num or token.lower_ in self.approximate:
            return True
        # hyphenated compounds are one token in French ("vingt-quatre")
        word = token.text.replace("-", "").isalpha()
        return word and _word_value(token.lower_, self.language) is not None


@cache
def _word_value(word: str, language: str) -> float | None:
    return parse_number(word, language)


@cache
def _lexicon(language: str) -> _Lexicon:
    section = load_pack(language).section("numbers") or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(word.lower() for word in section.get(key) or [])

    return _Lexicon(
        language, frozenset(section.get("approximate") or {}), words("joiners"), words("one")
    )


def _continues(doc: Doc, index: int, lexicon: _Lexicon) -> bool:
    """Whether the token at `index` extends the number phrase before it."""
    token = doc[index]
    previous = doc[index - 1]
    if token.is_digit and previous.is_digit and len(token.text) == 3 and previous.whitespace_:
        return True  # French thousands grouping: "1 500"
    if token.is_digit or previous.is_digit:
        return False  # "3 4" are two numbers, not one
    if token.lower_ in lexicon.approximate:
        return previous.lower_ in lexicon.one  # "une cinquantaine", "a dozen"
    word = lexicon.is_number_word(token)
    if word and (lexicon.is_number_word(previous) or previous.text == "-"):
        return True
    if word and previous.lower_ in lexicon.joiners:
        return True
    if token.text == "-" and not previous.whitespace_ and index + 1 < len(doc):
        return lexicon.is_number_word(previous) and lexicon.is_number_word(doc[index + 1])
    if token.lower_ in lexicon.joiners and index + 1 < len(doc):
        following = doc[index + 1]
        return (
            lexicon.is_number_word(previous)
            and lexicon.is_number_word(following)
            and not following.is_digit
        )
    return False


def number_phrases(doc: Doc, language: str) -> list[NumberPhrase]:
    """Every number phrase of `doc`, left to right, without overlaps (read once per document:
    counts, people and seizures all need them)."""
    key = f"ghostwatch.numbers.{language}"
    if key not in doc.user_data:
        doc.user_data[key] = tuple(_read_number_phrases(doc, language))
    return list(doc.user_data[key])


def _read_number_phrases(doc: Doc, language: str) -> list[NumberPhrase]:
    lexicon = _lexicon(language)
    phrases: list[NumberPhrase] = []
    index = 0
    while index < len(doc):
        if not lexicon.is_number_word(doc[index]):
            index += 1
            continue
        end = index + 1
        while end < len(doc) and _continues(doc, end, lexicon):
            end += 1
        while doc[end - 1].text == "-" or doc[end - 1].lower_ in lexicon.joiners:
            end -= 1
        value = _phrase_value(doc[index:end], lexicon)
        while value is None and end - index > 1:
            end -= 1
            value = _phrase_value(doc[index:end], lexicon)
        if value is not None:
            phrases.append(NumberPhrase(value, index, end))
        index = end
    return phrases


def _phrase_value(tokens: Span, lexicon: _Lexicon) -> float | None:
    if (
        len(tokens) == 2
        and tokens[0].lower_ in lexicon.one
        and tokens[1].lower_ in lexicon.approximate
    ):
        tokens = tokens[1:]  # "une cinquantaine" is worth "cinquantaine"
    return parse_number(tokens.text, lexicon.language)
