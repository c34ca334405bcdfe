"""Ages written in the text: "a 26-year-old man", "Jackson, 18,", "aged 25 and 30",
"un homme de 26 ans", "âgés de 19 à 41 ans", "between eighteen and thirty years old".

An age expression is found from the words around number phrases, in both languages. It says
whether it gives one person's age, a list of ages (one per person of an enumeration) or a range
(a group's ages), and which token it describes, so the mention finder can hang it on a person.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Span, Token

from ghostwatch.extract.numbers import NumberPhrase
from ghostwatch.extract.people_lexicon import AgeWords

AgeKind = Literal["single", "list", "range"]
#: quotes that may close a nickname between a name and its age
_CLOSING_QUOTES = frozenset({'"', "”", "’", "'"})


@dataclass(frozen=True)
class AgeExpression:
    values: tuple[int, ...]
    kind: AgeKind
    start: int  # token span of the whole expression (for evidence)
    end: int
    #: the token the parse says the age describes (a noun, a name, or "old" used as a noun)
    target: int | None
    #: the first token of the expression: person mentions are looked for just before it
    anchor: int
    #: the age is written after a comma or bracket, beside what it describes ("Smith, 18,")
    appositive: bool = False
    #: the target comes from the age's own words ("a 26-year-old X"): no guessing by position
    bound: bool = False
    #: one age for each of the people just named ("Smith and Jones, both 19,")
    distributive: bool = False
    #: said of its target by a verb ("the shooter was 11 years old", "Bournes, who was 59,"):
    #: not part of the target's label
    predicative: bool = False


def _age(phrase: NumberPhrase, words: AgeWords) -> int | None:
    value = phrase.value
    if value != int(value) or not words.minimum <= value <= words.maximum:
        return None
    return int(value)


def _lower(doc: Doc, index: int) -> str:
    return doc[index].lower_ if 0 <= index < len(doc) else ""


class AgeReader:
    """Reads the age expressions of one sentence."""

    def __init__(self, doc: Doc, phrases: list[NumberPhrase], words: AgeWords):
        self.doc = doc
        self.words = words
        self.by_start = {phrase.start: phrase for phrase in phrases}

    def read(self, sentence: Span) -> list[AgeExpression]:
        found: list[AgeExpression] = []
        taken: set[int] = set()
        readers = (
            self._aged,
            self._between,
            self._year_old,
            self._years_of,
            self._apposed,
            self._relative,
        )
        for reader in readers:
            for expression in reader(sentence):
                span = set(range(expression.start, expression.end))
                if span & taken:
                    continue
                taken |= span
                found.append(expression)
        return sorted(found, key=lambda expression: expression.start)

    def _phrases_in(self, start: int, end: int) -> list[tuple[int, NumberPhrase]]:
        """The number phrases starting in [start, end), looked up token by token: a sentence's
        readers need not walk the whole document's numbers."""
        return [
            (index, self.by_start[index]) for index in range(start, end) if index in self.by_start
        ]

    # -- lists and ranges of numbers ------------------------------------------------------------

    def _numbers(self, index: int, limit: int) -> tuple[list[int], AgeKind | None, int]:
        """Number phrases from `index`: their ages, list or range, and the index after them."""
        values: list[int] = []
        kind: AgeKind | None = None
        while index < limit and index in self.by_start:
            phrase = self.by_start[index]
            age = _age(phrase, self.words)
            if age is None:
                break
            values.append(age)
            index = phrase.end
            joiner = _lower(self.doc, index)
            if joiner in self.words.range_joiners and index + 1 in self.by_start:
                kind = "range"
                index += 1
            elif joiner in self.words.list_joiners and index + 1 in self.by_start:
                kind = kind or "list"
                index += 1
            elif (
                joiner == ","
                and _lower(self.doc, index + 1) in self.words.list_joiners
                and index + 2 in self.by_start
            ):
                kind = kind or "list"
                index += 2
            else:
                break
        if len(values) == 1:
            kind = "single"
        return values, kind, index

    def _unit_end(self, index: int) -> int:
        """Skip the unit after an age ("ans", "years old", "years of age")."""
        words = self.words
        if _lower(self.doc, index) in words.unit_words:
            index += 1
        if _lower(self.doc, index) in words.year_words:
            index += 1
            if _lower(self.doc, index) in words.old_words:
                index += 1
            elif _lower(self.doc, index) == "of" and _lower(self.doc, index + 1) == "age":
                index += 2
        return index

    def _aged(self, sentence: Span) -> list[AgeExpression]:
        """ "aged 25 and 30", "ages 16 to 20", "âgé de 33 ans", "aged between 18 and 34"."""
        found = []
        for token in sentence:
            if token.lower_ not in self.words.aged_words:
                continue
            index = token.i + 1
            if _lower(self.doc, index) in ("de", "d'", "of", ":", "-"):
                index += 1
            between = _lower(self.doc, index) in self.words.between_words
            if between:
                index += 1
            values, kind, end = self._numbers(index, sentence.end)
            if not values or kind is None:
                continue
            if between and len(values) == 2:
                kind = "range"
            end = self._unit_end(end)
            target = token.head.i if token.dep_ in ("amod", "acl") else None
            found.append(AgeExpression(tuple(values), kind, token.i, end, target, token.i))
        return found

    def _between(self, sentence: Span) -> list[AgeExpression]:
        """ "between eighteen and thirty years old", "entre 18 et 30 ans"."""
        found = []
        for token in sentence:
            if token.lower_ not in self.words.between_words:
                continue
            values, _, end = self._numbers(token.i + 1, sentence.end)
            if len(values) != 2:
                continue
            unit = _lower(self.doc, end)
            if unit not in self.words.range_units and unit not in self.words.unit_words:
                continue
            end = self._unit_end(end)
            found.append(AgeExpression(tuple(values), "range", token.i, end, None, token.i))
        return found

    def _year_old(self, sentence: Span) -> list[AgeExpression]:
        """ "a 26-year-old man", "a 17-year-old", "26 years old"."""
        found = []
        words = self.words
        for start, phrase in self._phrases_in(sentence.start, sentence.end):
            index = phrase.end
            if _lower(self.doc, index) in ("-", "–"):
                index += 1
            if _lower(self.doc, index) not in words.year_words:
                continue
            index += 1
            if _lower(self.doc, index) in ("-", "–"):
                index += 1
            if _lower(self.doc, index) not in words.old_words:
                continue
            age = _age(phrase, words)
            if age is None:
                continue
            old = self.doc[index]
            target = old.head.i if old.dep_ == "amod" and old.head.i != old.i else old.i
            predicative = old.dep_ == "acomp"
            if predicative:  # "the shooter was 11 years old": said of the subject
                target = _subject_of(old.head, target)
            found.append(
                AgeExpression(
                    (age,),
                    "single",
                    start,
                    index + 1,
                    target,
                    start,
                    bound=True,
                    predicative=predicative,
                )
            )
        return found

    def _years_of(self, sentence: Span) -> list[AgeExpression]:
        """ "un homme de 26 ans", "un Carolorégien de 41 ans", "de 19 à 27 ans"."""
        found = []
        if not self.words.unit_words:
            return found
        for token in sentence:
            if token.lower_ not in ("de", "d'") or token.i + 1 not in self.by_start:
                continue
            if _lower(self.doc, token.i - 1) in self.words.aged_words:
                continue
            values, kind, end = self._numbers(token.i + 1, sentence.end)
            if not values or kind is None or _lower(self.doc, end) not in self.words.unit_words:
                continue
            unit = self.doc[end]
            target = unit.head.i if unit.head.i != unit.i and unit.dep_ == "nmod" else None
            if target is None and token.i > sentence.start:
                target = token.i - 1
            found.append(AgeExpression(tuple(values), kind, token.i, end + 1, target, token.i))
        return found

    def _relative(self, sentence: Span) -> list[AgeExpression]:
        """ "Bournes, who was 59, had shot his wife": an age said in a relative clause."""
        found = []
        for start, phrase in self._phrases_in(sentence.start + 2, sentence.end):
            verb, relative = self.doc[start - 1], self.doc[start - 2]
            if verb.lemma_.lower() not in self.words.copulas:
                continue
            if relative.lower_ not in self.words.relatives:
                continue
            if verb.dep_ not in ("relcl", "acl:relcl"):
                continue
            age = _age(phrase, self.words)
            if age is None:
                continue
            end = self._unit_end(phrase.end)
            if self.words.apposition_needs_unit and end == phrase.end:
                continue  # « qui a 34 ans », not « qui a trois enfants »
            closer = _lower(self.doc, end) if end < sentence.end else "."
            if closer not in self.words.apposition_closers:
                continue
            target = verb.head.i
            found.append(
                AgeExpression(
                    (age,),
                    "single",
                    start - 2,
                    end,
                    target,
                    start - 2,
                    bound=True,
                    predicative=True,
                )
            )
        return found

    def _apposed(self, sentence: Span) -> list[AgeExpression]:
        """ "Henry Jackson, 18, of Ardmore", "John Smith (34)", "Maxime Ouellet, 34 ans,"."""
        found = []
        words = self.words
        for start, phrase in self._phrases_in(sentence.start + 1, sentence.end):
            before = start - 1
            if self.doc[before].text in _CLOSING_QUOTES and before - 1 > sentence.start:
                before -= 1  # 'Wilson, aka "Ace," 25': the comma inside the nickname's quotes
            opener = self.doc[before].text
            distributive = opener.lower() in words.distributive_words
            if distributive and before - 1 > sentence.start and self.doc[before - 1].text == ",":
                opener = ","
            elif opener not in (",", "("):
                continue
            else:
                distributive = False
            age = _age(phrase, words)
            if age is None:
                continue
            end = phrase.end
            if not words.apposition_needs_unit and not self.doc[start].is_digit:
                continue  # "Herndon, one of the suspects": a number word is no age here
            if _lower(self.doc, end) in words.unit_words:
                end += 1
            elif words.apposition_needs_unit:
                continue
            closer = _lower(self.doc, end) if end < sentence.end else "."
            if opener == "(" and closer != ")":
                continue
            if closer not in words.apposition_closers and (
                end < sentence.end and self.doc[end].pos_ in ("NOUN", "PROPN", "NUM", "ADJ")
            ):
                continue  # "Jones, 21 Elm Street": an address, not an age
            first = before - 1 if distributive else before
            found.append(
                AgeExpression(
                    (age,),
                    "single",
                    first,
                    end,
                    None,
                    first,
                    appositive=True,
                    distributive=distributive,
                )
            )
        return found


def _subject_of(verb: Token, default: int) -> int:
    """The subject of a copula ("the shooter" in "the shooter was 11 years old")."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubj:pass"):
            return child.i
    return default
