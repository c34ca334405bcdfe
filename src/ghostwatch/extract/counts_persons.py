"""People met one by one: who a noun phrase names, and what tells two of them apart.

"A man was arrested" counts one; so does "Kevin Morales, 19, was arrested" and, later, "He was
remanded". A document's totals must not count the same person twice, nor merge two people: the
age, the name and the gender a phrase gives tell them apart, "another" introduces someone new,
and "he" or "the victim" point back to someone met before.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ghostwatch.extract.counts_lexicon import CountLexicon, has_form, normal
from ghostwatch.extract.evidence import entities_in
from ghostwatch.extract.numbers import NumberPhrase

#: relations that stay inside a person's noun phrase (where the age and the name are)
_PHRASE_PARTS = {
    "nummod",
    "amod",
    "appos",
    "npadvmod",
    "compound",
    "nmod",
    "acl",
    "flat",
    "flat:name",
    "det",
    "poss",
    "quantmod",
    "punct",
    "obl:arg",
    "obl:mod",
    "case",
}
#: entity labels that are not people (small models often take a surname for an organisation,
#: so ORG is not among them)
_NOT_PEOPLE = {
    "GPE",
    "LOC",
    "FAC",
    "DATE",
    "TIME",
    "MONEY",
    "PRODUCT",
    "EVENT",
    "WORK_OF_ART",
    "LAW",
    "CARDINAL",
    "ORDINAL",
    "QUANTITY",
}
_PERSON_LABELS = {"PERSON", "PER"}
#: how many numbers and joiners may stand between an age and its unit ("16 and 17-year-old")
_AGE_LIST_REACH = 4


@dataclass(frozen=True)
class Person:
    """What tells one person from another in a document; unknowns are compatible with anything."""

    age: int | None = None
    name: frozenset[str] = frozenset()  # the words of the name ("jacob", "stahl")
    gender: str | None = None
    distinct: bool = False  # "another man": someone not met before
    anaphoric: bool = False  # "he", "the victim": someone already met, not a new person

    def compatible(self, other: Person) -> bool:
        """Whether `other`, met after this person, may be the same one: "another man" is
        someone new, but whoever comes after him may point back to him."""
        if other.distinct and not self._same_details(other):
            return False
        if self.name and other.name and not self.name & other.name:
            return False
        return all(
            mine is None or theirs is None or mine == theirs
            for mine, theirs in ((self.age, other.age), (self.gender, other.gender))
        )

    def _same_details(self, other: Person) -> bool:
        """The same age or name: a headline and its lead may both say "another"."""
        return bool(self.name & other.name) or (self.age is not None and self.age == other.age)

    def merged(self, other: Person) -> Person:
        return Person(
            self.age if self.age is not None else other.age,
            self.name | other.name,
            self.gender or other.gender,
            False,
            self.anaphoric and other.anaphoric,
        )


class PersonReader:
    """Reads people, ages and names off the noun phrases of one parsed document."""

    def __init__(self, doc: Doc, lexicon: CountLexicon, number_at: dict[int, NumberPhrase]):
        self.doc = doc
        self.lexicon = lexicon
        self.number_at = number_at
        #: each word of the full names the recogniser tagged as people, with the full names it
        #: belongs to: a later bare "Madueno" it takes for a place is still that person, and
        #: "Aleigha" and "Hawkingberry" are one person when the text says "Aleigha Hawkingberry"
        self.full_names: dict[str, set[frozenset[str]]] = {}
        for entity in entities_in(doc):
            if entity.label_ in _PERSON_LABELS:
                words = frozenset(normal(t.text) for t in entity if len(t.text) > 2)
                for word in words:
                    self.full_names.setdefault(word, set()).add(words)

    def person(self, token: Token) -> Person | None:
        """One person, when `token` names or stands for a single person."""
        persons = self.lexicon.persons
        named = self._named(token)
        if not named:
            if "Plur" in token.morph.get("Number"):
                return None
            if has_form(token, self.lexicon.distinct):
                # "three were killed and another was wounded", "un autre a été blessé"
                return Person(distinct=True)
            if token.pos_ == "PRON":
                if not has_form(token, persons.pronouns):
                    return None
            elif token.pos_ == "PROPN":
                if token.ent_type_ in _NOT_PEOPLE or (token.is_upper and len(token.text) > 1):
                    return None  # a place, or a dateline in capitals ("HARRIS COUNTY, Texas -")
            elif not has_form(token, self.lexicon.people) and self.age(token) is None:
                return None
        return Person(
            age=self.age(token),
            name=self._name(token),
            gender=self._gender(token),
            distinct=self._distinct(token),
            anaphoric=self._anaphoric(token),
        )

    def _distinct(self, token: Token) -> bool:
        """ "Another man", "a second victim": someone not met before."""
        modifiers = [c for c in token.children if c.dep_ in ("amod", "det", "advmod", "nummod")]
        if any(has_form(c, self.lexicon.distinct) for c in modifiers):
            return True
        return self.indefinite(token) and any(
            has_form(c, self.lexicon.distinct_ordinals) for c in modifiers
        )

    def indefinite(self, token: Token, numbers: bool = False) -> bool:
        """ "a woman", "une femme" (the parse may take "une" for a number: `numbers`)."""
        relations = ("det", "nummod") if numbers else ("det",)
        return any(
            c.dep_ in relations and has_form(c, self.lexicon.indefinite) for c in token.children
        )

    def people_noun(self, token: Token) -> bool:
        """Whether a number on `token` counts people ("two men", "trois suspects")."""
        if has_form(token, self.lexicon.people):
            return True
        return token.pos_ == "PROPN" and token.ent_type_ in _PERSON_LABELS

    def plural_people(self, token: Token) -> bool:
        return self.people_noun(token) and "Plur" in token.morph.get("Number")

    def is_age(self, phrase: NumberPhrase) -> bool:
        """ "15 year-old", "19 ans", "Eric Wright, 26,", "16 and 17-year-old": an age (or "7
        a.m.", a time), not a count."""
        persons = self.lexicon.persons
        end = phrase.end
        while (
            end + 1 < len(self.doc)
            and end < phrase.end + _AGE_LIST_REACH
            and has_form(self.doc[end], persons.age_list_joiners)
            and self.doc[end + 1].like_num
        ):
            end += 2  # "16 and 17-year-old", "15, 16 and 17 years old"; not "three 28-year-old men"
        following = self.doc[end : end + 2]
        if any(has_form(t, persons.age_words) for t in following):
            return True
        following = self.doc[phrase.end : phrase.end + 2]
        if following and has_form(following[0], persons.time_words):
            return True
        if self._in_age_range(phrase.start):
            return True
        if phrase.start < 2 or self.doc[phrase.start - 1].text != ",":
            return False
        named = self.doc[phrase.start - 2]
        closed = phrase.end < len(self.doc) and self.doc[phrase.end].text == ","
        return (
            named.pos_ == "PROPN"
            or named.ent_type_ in _PERSON_LABELS
            or self.doc[phrase.root].dep_ == "appos"
            or (closed and has_form(named, self.lexicon.people))  # "the other, 20, is ..."
        )

    def _in_age_range(self, start: int) -> bool:
        """Whether the number starting at `start` follows a word of ages, over other numbers
        and the range's links: "ages 20-27", "between the ages of 18 and 23", "aged between 20
        and 37"."""
        persons = self.lexicon.persons
        first = max(self.doc[start].sent.start, start - 2 * _AGE_LIST_REACH)
        for position in range(start - 1, first - 1, -1):
            token = self.doc[position]
            if has_form(token, persons.age_range_heads):
                return True
            if not (token.like_num or has_form(token, persons.age_range_links)):
                return False
        return False

    def age(self, token: Token) -> int | None:
        """The age given in the person's own phrase: "a 19-year-old", "Morales, 19", "de 23 ans"."""
        words = self.lexicon.persons.age_words
        for part in self._phrase_parts(token):
            phrase = self.number_at.get(part.i)
            if phrase is None or not 0 < phrase.value < 120:
                continue
            following = self.doc[phrase.end : phrase.end + 3]
            if (
                any(has_form(t, words) for t in following)
                or part.dep_ == "appos"
                or has_form(part.head, words)
            ):
                return int(phrase.value)
        return None

    def _phrase_parts(self, token: Token, depth: int = 0) -> list[Token]:
        parts: list[Token] = []
        for child in token.children:
            if child.dep_ in _PHRASE_PARTS:
                parts.append(child)
                if depth < 2:
                    parts += self._phrase_parts(child, depth + 1)
        return parts

    def _anaphoric(self, token: Token) -> bool:
        """ "he", "the victim", "the girl": pointing back to someone met before."""
        persons = self.lexicon.persons
        if token.pos_ == "PRON":
            return has_form(token, persons.anaphoric)
        if self.age(token) is not None or self._name(token):
            return False
        return any(c.dep_ == "det" and has_form(c, persons.definite) for c in token.children)

    def _named(self, token: Token) -> bool:
        if token.ent_type_ in _PERSON_LABELS:
            return True
        return token.pos_ == "PROPN" and normal(token.text) in self.full_names

    def _name(self, token: Token) -> frozenset[str]:
        """The words of the person's name when `token` is in one ("Jacob A. Stahl"); a name of
        one word is completed by the full names it is part of ("Madueno", "Malik")."""
        if not self._named(token):
            return frozenset()
        start, end = token.i, token.i + 1
        if token.ent_type_ in _PERSON_LABELS:
            while start > 0 and self.doc[start].ent_iob_ == "I":
                start -= 1
            while end < len(self.doc) and self.doc[end].ent_iob_ == "I":
                end += 1
        words = frozenset(normal(t.text) for t in self.doc[start:end] if len(t.text) > 2)
        if len(words) == 1:
            (word,) = words
            return words.union(*self.full_names.get(word, ()))
        return words

    def _gender(self, token: Token) -> str | None:
        persons = self.lexicon.persons
        if has_form(token, persons.male):
            return "male"
        if has_form(token, persons.female):
            return "female"
        return None
