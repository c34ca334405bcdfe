"""The count vocabulary of one language, compiled from its pack's `counts.yaml`.

The YAML says which phrases report an arrest, a charge, a death..., in which role they take the
people they count, and which words name people, places searched or officers. This module only
compiles that data: predicate phrases into a token-slot index that finds them in a parsed
sentence, word lists into sets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from ghostwatch.lang import load_pack

#: roles a predicate phrase can give the people it counts (see counts.yaml)
ROLES = ("patient", "passive", "subject", "state", "noun", "event")
#: most tokens a "*" slot lets stand between two words of a phrase
GAP = 3
#: a phrase slot: words split after apostrophes, as spaCy tokenises "d'arrêt"
_WORD = re.compile(r"\*|[^\s'’]+['’]?|['’]")


def normal(text: str) -> str:
    """Lower case with typographic apostrophes made plain, the form lexicon words are written in."""
    return text.lower().replace("’", "'")


_FORMS_KEY = "ghostwatch.count_forms"


def forms(token: Token) -> tuple[str, str]:
    """The two forms a lexicon word may match: the token's lower-cased text and its lemma.

    Read from one list per document: the count readers ask for the same tokens' forms hundreds
    of times, and each spaCy attribute access builds a new Python string."""
    doc = token.doc
    table = doc.user_data.get(_FORMS_KEY)
    if table is None:
        table = doc.user_data[_FORMS_KEY] = [(normal(t.text), normal(t.lemma_)) for t in doc]
    return table[token.i]


def has_form(token: Token, words: frozenset[str]) -> bool:
    lower, lemma = forms(token)
    return lower in words or lemma in words


@dataclass(frozen=True)
class Phrase:
    """A predicate phrase: slots of alternative words, `None` for a gap of up to `GAP` tokens."""

    key: str
    role: str
    slots: tuple[frozenset[str] | None, ...]

    @classmethod
    def parse(cls, key: str, role: str, text: str) -> Phrase:
        slots: list[frozenset[str] | None] = []
        for word in _WORD.findall(normal(text)):
            slots.append(None if word == "*" else frozenset(word.split("|")))
        if not slots or slots[0] is None or slots[-1] is None:
            raise ValueError(f"counts.yaml: phrase {text!r} must start and end with a word")
        return cls(key, role, tuple(slots))

    def end_at(self, words: list[tuple[str, str]], doc: Doc, index: int, end: int) -> int | None:
        """The end (exclusive) of this phrase starting at token `index`, or None; `words` are
        the document's token forms and `end` the end of the sentence."""
        return self._match(words, doc, index, end, 0)

    def _match(
        self, words: list[tuple[str, str]], doc: Doc, index: int, end: int, slot: int
    ) -> int | None:
        if slot == len(self.slots):
            return index
        allowed = self.slots[slot]
        if allowed is None:
            position, skipped = index, 0
            while True:
                found = self._match(words, doc, position, end, slot + 1)
                if found is not None or position >= end:
                    return found
                token = doc[position]
                if token.is_punct and token.text != "-":
                    return None
                skipped += not _hyphen_joined(doc, position)
                if skipped > GAP:
                    return None
                position += 1
        if index >= end:
            return None
        lower, lemma = words[index]
        if lower not in allowed and lemma not in allowed:
            return None
        return self._match(words, doc, index + 1, end, slot + 1)


def _hyphen_joined(doc: Doc, index: int) -> bool:
    """Whether token `index` is a hyphen or the part after one of a hyphenated word: a gap
    counts "non-life-threatening" (five tokens) as one word."""
    if doc[index].text == "-":
        return True
    return index > 0 and doc[index - 1].text == "-" and not doc[index - 1].whitespace_


@dataclass(frozen=True)
class PhraseMatch:
    """A phrase found in a sentence; `start` and `end` are token indexes into the document."""

    key: str
    role: str
    start: int
    end: int

    @property
    def length(self) -> int:
        return self.end - self.start

    def overlaps(self, other: PhraseMatch) -> bool:
        return self.start < other.end and other.start < self.end


class PhraseIndex:
    """Finds predicate phrases in a sentence, looked up by the words their first slot allows."""

    def __init__(self, phrases: Iterable[Phrase]):
        self.by_first: dict[str, list[Phrase]] = {}
        for phrase in phrases:
            first = phrase.slots[0]
            assert first is not None
            for word in first:
                self.by_first.setdefault(word, []).append(phrase)

    def find(self, sentence: Span, words: list[tuple[str, str]]) -> list[PhraseMatch]:
        """Every phrase found in `sentence`; `words` are the forms of the document's tokens."""
        found: list[PhraseMatch] = []
        doc = sentence.doc
        for index in range(sentence.start, sentence.end):
            lower, lemma = words[index]
            candidates = self.by_first.get(lower, [])
            if lemma != lower:
                candidates = candidates + self.by_first.get(lemma, [])
            for phrase in candidates:
                end = phrase.end_at(words, doc, index, sentence.end)
                if end is not None:
                    found.append(PhraseMatch(phrase.key, phrase.role, index, end))
        return found


def document_forms(doc: Doc) -> list[tuple[str, str]]:
    """The forms of every token of `doc`, computed once for all phrase look-ups."""
    return [forms(token) for token in doc]


def longest_first(matches: Iterable[PhraseMatch]) -> list[PhraseMatch]:
    """Overlapping matches reduced to the longest (then earliest); equal spans are all kept."""
    kept: list[PhraseMatch] = []
    for match in sorted(matches, key=lambda m: (-m.length, m.start)):
        if all(
            not match.overlaps(other) or (match.start, match.end) == (other.start, other.end)
            for other in kept
        ):
            kept.append(match)
    return sorted(kept, key=lambda m: (m.start, m.end))


def _words(values: Any) -> frozenset[str]:
    words = list(values or [])
    if any(isinstance(value, bool) for value in words):
        raise ValueError(f"counts.yaml: quote the words YAML reads as booleans in {words}")
    return frozenset(normal(str(value)) for value in words)


@dataclass(frozen=True)
class Persons:
    pronouns: frozenset[str]
    male: frozenset[str]
    female: frozenset[str]
    anaphoric: frozenset[str]
    reflexive: frozenset[str]
    definite: frozenset[str]
    time_words: frozenset[str]
    age_words: frozenset[str]
    age_list_joiners: frozenset[str]
    #: "ages 14 to 52", "between the ages of 18 and 23": words a range of ages follows, and the
    #: words that may stand between them and its numbers
    age_range_heads: frozenset[str]
    age_range_links: frozenset[str]


@dataclass(frozen=True)
class Modality:
    negation: frozenset[str]
    modal: frozenset[str]
    conditional: frozenset[str]
    irrealis: frozenset[str]
    prior: frozenset[str]
    negative_people: frozenset[str]
    negative_determiners: frozenset[str]
    attempt: frozenset[str]


@dataclass(frozen=True)
class PlaceCounts:
    """What counts places searched: nouns of searching, place nouns (the verbs are phrases)."""

    places: frozenset[str]
    nouns: frozenset[str]
    executing: frozenset[str]
    not_search: frozenset[str]
    bare_nouns: frozenset[str]
    place_markers: frozenset[str]


@dataclass(frozen=True)
class NounCounts:
    """Nouns counted by their number (workshops, officers) and the verbs that make them count."""

    nouns: frozenset[str]
    verbs: frozenset[str]
    min_value: int


@dataclass(frozen=True)
class CountLexicon:
    #: every phrase: the keys' predicates, `block` phrases (which veto their key's predicates
    #: where they overlap), and the search verbs (key `searches`)
    phrases: PhraseIndex
    modality: Modality
    people: frozenset[str]
    collective: dict[str, int]
    other: frozenset[str]
    alternative: frozenset[str]
    distinct: frozenset[str]
    distinct_ordinals: frozenset[str]
    additive: frozenset[str]
    #: "a third suspect": the rank that is the key's total so far, for `ordinal_keys`
    ordinals: dict[str, int]
    ordinal_keys: frozenset[str]
    relative: frozenset[str]
    persons: Persons
    fatal: frozenset[str]
    fatal_results: frozenset[str]
    aimed: frozenset[str]
    made: frozenset[str]
    event_markers: frozenset[str]
    event_verb_markers: frozenset[str]
    possessed_events: frozenset[str]
    indefinite: frozenset[str]
    partitive: frozenset[str]
    #: key -> keys it is at least as large as (people charged have been arrested)
    at_least: dict[str, tuple[str, ...]]
    #: keys whose figures are statistics in a sentence counting over a period
    statistics_keys: frozenset[str]
    statistics_periods: re.Pattern[str] | None
    searches: PlaceCounts
    workshops: NounCounts
    officers: NounCounts


def _phrases(key: str, section: dict[str, Any]) -> Iterable[Phrase]:
    unknown = set(section) - {*ROLES, "block"}
    if unknown:
        raise ValueError(f"counts.yaml: unknown role(s) {sorted(unknown)} under {key!r}")
    for role in (*ROLES, "block"):
        for text in section.get(role) or []:
            yield Phrase.parse(key, role, str(text))


@cache
def count_lexicon(language: str) -> CountLexicon:
    """The compiled `counts` section of `language`'s pack."""
    data = load_pack(language).section("counts")
    if not data:
        raise KeyError(f"language pack {language!r} has no counts.yaml")
    phrases = [
        phrase
        for key, section in (data.get("predicates") or {}).items()
        for phrase in _phrases(key, section or {})
    ]
    modality = data.get("modality") or {}
    persons = data.get("persons") or {}
    searches = data.get("searches") or {}
    statistics = data.get("statistics") or {}
    periods = [str(pattern) for pattern in statistics.get("periods") or []]
    return CountLexicon(
        phrases=PhraseIndex(
            [
                *phrases,
                *(
                    Phrase.parse("searches", "patient", str(text))
                    for text in searches.get("verbs") or []
                ),
            ]
        ),
        modality=Modality(
            **{name: _words(modality.get(name)) for name in Modality.__dataclass_fields__}
        ),
        people=_words(data.get("people")),
        collective={normal(k): int(v) for k, v in (data.get("collective") or {}).items()},
        other=_words(data.get("other")),
        alternative=_words(data.get("alternative")),
        distinct=_words(data.get("distinct")),
        distinct_ordinals=_words(data.get("distinct_ordinals")),
        additive=_words(data.get("additive")),
        ordinals={normal(k): int(v) for k, v in (data.get("ordinals") or {}).items()},
        ordinal_keys=_words(data.get("ordinal_keys")),
        relative=_words(data.get("relative")),
        persons=Persons(
            **{name: _words(persons.get(name)) for name in Persons.__dataclass_fields__}
        ),
        fatal=_words(data.get("fatal")),
        fatal_results=_words(data.get("fatal_results")),
        aimed=_words(data.get("aimed")),
        made=_words(data.get("made")),
        event_markers=_words(data.get("event_markers")),
        event_verb_markers=_words(data.get("event_verb_markers")),
        possessed_events=_words(data.get("possessed_events")),
        indefinite=_words(data.get("indefinite")),
        partitive=_words(data.get("partitive")),
        at_least={
            str(key): tuple(str(k) for k in keys or [])
            for key, keys in (data.get("at_least") or {}).items()
        },
        statistics_keys=_words(statistics.get("keys")),
        statistics_periods=re.compile("|".join(periods)) if periods else None,
        searches=PlaceCounts(
            places=_words(searches.get("places")),
            nouns=_words(searches.get("nouns")),
            executing=_words(searches.get("executing")),
            not_search=_words(searches.get("not_search")),
            bare_nouns=_words(searches.get("bare_nouns")),
            place_markers=_words(searches.get("place_markers")),
        ),
        workshops=_noun_counts(data.get("workshops") or {}),
        officers=_noun_counts(data.get("officers") or {}),
    )


def _noun_counts(section: dict[str, Any]) -> NounCounts:
    return NounCounts(
        _words(section.get("nouns")), _words(section.get("verbs")), int(section.get("min_value", 1))
    )
