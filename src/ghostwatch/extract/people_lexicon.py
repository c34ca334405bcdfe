"""The people lexicon of one language: the `people.yaml` section, read once into typed tables.

Every word the people extraction relies on (person nouns, officials' titles, the predicates that
say who was arrested or shot, role words, demonyms) lives in the language pack; this module only
gives it a shape the other `people_*` modules can use without re-reading YAML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from ghostwatch.lang import load_pack


@dataclass(frozen=True)
class Effect:
    """What a predicate says about the person it governs."""

    side: str | None
    status: str | None


@dataclass(frozen=True)
class Predicate:
    """One predicate entry: the lemmas or word forms it fires on and its effect by voice."""

    lemmas: frozenset[str]
    with_words: re.Pattern[str] | None
    unless: re.Pattern[str] | None
    patient: Effect | None
    agent: Effect | None
    oblique: Effect | None

    def fires_on(self, lemma: str, lower: str) -> bool:
        return lemma in self.lemmas or lower in self.lemmas


@dataclass(frozen=True)
class RoleCues:
    """The words of one role."""

    role: str
    nouns: tuple[str, ...]
    phrases: tuple[re.Pattern[str], ...]
    verbs: frozenset[str]
    objects: frozenset[str]  # object classes the verb needs ("weapons", "parts", "materials")
    passive: bool
    recipients_of: frozenset[str]
    cancelled_by: tuple[re.Pattern[str], ...]

    def verb_fires(self, lemma: str, lower: str) -> bool:
        return lemma in self.verbs or lower in self.verbs


@dataclass(frozen=True)
class AgeWords:
    year_words: frozenset[str]
    old_words: frozenset[str]
    aged_words: frozenset[str]
    list_joiners: frozenset[str]
    range_joiners: frozenset[str]
    between_words: frozenset[str]
    range_units: frozenset[str]
    minimum: int
    maximum: int
    apposition_closers: frozenset[str]
    apposition_needs_unit: bool
    distributive_words: frozenset[str]
    nickname_words: frozenset[str]
    # French: the noun of years after the number ("26 ans")
    unit_words: frozenset[str]
    # "Bournes, who was 59,": a relative pronoun and a copula before an age
    relatives: frozenset[str] = frozenset()
    copulas: frozenset[str] = frozenset()


@dataclass(frozen=True)
class SentenceWords:
    verbs: frozenset[str]
    excluded: tuple[re.Pattern[str], ...]
    units: dict[str, int]


@dataclass(frozen=True)
class PeopleLexicon:
    language: str
    person_nouns: dict[str, str | None]
    decade_nouns: frozenset[str]
    demonym_person: re.Pattern[str] | None
    side_nouns: dict[str, frozenset[str]]
    official_words: frozenset[str]
    non_person_nouns: frozenset[str]
    not_names: frozenset[str]
    place_prepositions: frozenset[str]
    titles: dict[str, frozenset[str]]
    pronouns: dict[str, frozenset[str]]
    definite_determiners: frozenset[str]
    ages: AgeWords
    predicates: tuple[Predicate, ...]
    victim_events: dict[str, str]
    suspect_events: frozenset[str]
    negations: frozenset[str]
    prior_markers: frozenset[str]
    anaphoric_nouns: frozenset[str]
    elder_words: frozenset[str]
    both_words: frozenset[str]
    younger_words: frozenset[str]
    non_factual: frozenset[str]
    question_words: frozenset[str]
    roles: tuple[RoleCues, ...]
    role_designations: frozenset[str]
    activity_nouns: frozenset[str]
    handled_nouns: frozenset[str]
    possessed_role_exceptions: frozenset[str]
    investigator_nouns: frozenset[str]
    non_recipients: frozenset[str]
    recipient_prepositions: frozenset[str]
    handler_verbs: frozenset[str]
    role_objects: dict[str, frozenset[str]]
    role_excluded_objects: frozenset[str]
    quantifiers: frozenset[str]
    role_noun_blockers: frozenset[str]
    residence_prepositions: frozenset[str]
    residence_phrases: tuple[re.Pattern[str], ...]
    sentence_residence_phrases: tuple[re.Pattern[str], ...]
    institution_words: frozenset[str]
    name_connectors: frozenset[str]
    city_demonyms: dict[str, str]
    nationalities: dict[str, str]
    nationality_nouns: frozenset[str]
    prior_yes: tuple[re.Pattern[str], ...]
    prior_no: tuple[re.Pattern[str], ...]
    sentences: SentenceWords
    other_case: tuple[str, ...]

    @cached_property
    def multiword_person_nouns(self) -> tuple[str, ...]:
        return tuple(noun for noun in self.person_nouns if " " in noun)

    def gender_of_pronoun(self, lower: str) -> str | None:
        for gender, words in self.pronouns.items():
            if lower in words:
                return gender
        return None

    def side_of_noun(self, lemma: str) -> str | None:
        for side, words in self.side_nouns.items():
            if lemma in words:
                return side
        return None


def _words(values: Any) -> frozenset[str]:
    return frozenset(str(value).lower() for value in values or [])


def _patterns(values: Any) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(str(value), re.I) for value in values or [])


def _effect(data: dict[str, Any] | None) -> Effect | None:
    if not data:
        return None
    return Effect(side=data.get("side"), status=data.get("status"))


def _predicate(entry: dict[str, Any]) -> Predicate:
    pattern = entry.get("with")
    unless = entry.get("unless")
    return Predicate(
        lemmas=_words(entry.get("lemmas")),
        with_words=re.compile(pattern, re.I) if pattern else None,
        unless=re.compile(unless, re.I) if unless else None,
        patient=_effect(entry.get("patient")),
        agent=_effect(entry.get("agent")),
        oblique=_effect(entry.get("oblique")),
    )


def _role(role: str, entry: dict[str, Any]) -> RoleCues:
    return RoleCues(
        role=role,
        nouns=tuple(str(noun).lower() for noun in entry.get("nouns") or []),
        phrases=_patterns(entry.get("phrases")),
        verbs=_words(entry.get("verbs")),
        objects=_words(entry.get("objects") or ["weapons", "parts", "materials"]),
        passive=bool(entry.get("passive")),
        recipients_of=_words(entry.get("recipients_of")),
        cancelled_by=_patterns(entry.get("cancelled_by")),
    )


def _ages(data: dict[str, Any]) -> AgeWords:
    return AgeWords(
        year_words=_words(data.get("year_words")),
        old_words=_words(data.get("old_words")),
        aged_words=_words(data.get("aged_words")),
        list_joiners=_words(data.get("list_joiners")),
        range_joiners=_words(data.get("range_joiners")),
        between_words=_words(data.get("between_words")),
        range_units=_words(data.get("range_units")),
        minimum=int(data.get("minimum", 1)),
        maximum=int(data.get("maximum", 105)),
        apposition_closers=_words(data.get("apposition_closers")),
        apposition_needs_unit=bool(data.get("apposition_needs_unit")),
        distributive_words=_words(data.get("distributive_words")),
        nickname_words=_words(data.get("nickname_words")),
        unit_words=_words(data.get("unit_words")),
        relatives=_words(data.get("relatives")),
        copulas=_words(data.get("copulas")),
    )


def _sentences(data: dict[str, Any]) -> SentenceWords:
    return SentenceWords(
        verbs=_words(data.get("verbs")),
        excluded=_patterns(data.get("excluded")),
        units={str(k).lower(): int(v) for k, v in (data.get("units") or {}).items()},
    )


@cache
def people_lexicon(language: str) -> PeopleLexicon:
    """The lexicon of `language`, from its pack's `people` section."""
    data: dict[str, Any] = load_pack(language).section("people") or {}
    residence = data.get("residence") or {}
    prior = data.get("prior_record") or {}
    return PeopleLexicon(
        language=language,
        person_nouns={str(k).lower(): v for k, v in (data.get("person_nouns") or {}).items()},
        decade_nouns=_words(data.get("decade_nouns")),
        demonym_person=(re.compile(data["demonym_person"]) if data.get("demonym_person") else None),
        side_nouns={side: _words(words) for side, words in (data.get("side_nouns") or {}).items()},
        official_words=_words(data.get("official_words")),
        non_person_nouns=_words(data.get("non_person_nouns")),
        not_names=_words(data.get("not_names")),
        place_prepositions=_words(data.get("place_prepositions")),
        titles={gender: _words(words) for gender, words in (data.get("titles") or {}).items()},
        pronouns={gender: _words(words) for gender, words in (data.get("pronouns") or {}).items()},
        definite_determiners=_words(data.get("definite_determiners")),
        ages=_ages(data.get("ages") or {}),
        predicates=tuple(_predicate(entry) for entry in data.get("predicates") or []),
        victim_events={str(k).lower(): v for k, v in (data.get("victim_events") or {}).items()},
        suspect_events=_words(data.get("suspect_events")),
        negations=_words(data.get("negations")),
        prior_markers=_words(data.get("prior_markers")),
        anaphoric_nouns=_words(data.get("anaphoric_nouns")),
        elder_words=_words(data.get("elder_words")),
        both_words=_words(data.get("both_words")),
        younger_words=_words(data.get("younger_words")),
        non_factual=_words(data.get("non_factual")),
        question_words=_words(data.get("question_words")),
        roles=tuple(_role(role, entry) for role, entry in (data.get("roles") or {}).items()),
        role_designations=_words(data.get("role_designations")),
        activity_nouns=_words(data.get("activity_nouns")),
        handled_nouns=_words(data.get("handled_nouns")),
        possessed_role_exceptions=_words(data.get("possessed_role_exceptions")),
        investigator_nouns=_words(data.get("investigator_nouns")),
        non_recipients=_words(data.get("non_recipients")),
        recipient_prepositions=_words(data.get("recipient_prepositions")),
        handler_verbs=_words(data.get("handler_verbs")),
        role_objects={
            kind: _words(words) for kind, words in (data.get("role_objects") or {}).items()
        },
        role_excluded_objects=_words(data.get("role_excluded_objects")),
        quantifiers=_words(data.get("quantifiers")),
        role_noun_blockers=_words(data.get("role_noun_blockers")),
        residence_prepositions=_words(residence.get("prepositions")),
        residence_phrases=_patterns(residence.get("phrases")),
        sentence_residence_phrases=_patterns(residence.get("sentence_phrases")),
        institution_words=_words(residence.get("institution_words")),
        name_connectors=_words(residence.get("name_connectors")),
        city_demonyms={
            str(k).lower(): str(v) for k, v in (data.get("city_demonyms") or {}).items()
        },
        nationalities={
            str(k).lower(): str(v) for k, v in (data.get("nationalities") or {}).items()
        },
        nationality_nouns=_words(data.get("nationality_nouns")),
        prior_yes=_patterns(prior.get("yes")),
        prior_no=_patterns(prior.get("no")),
        sentences=_sentences(data.get("sentences") or {}),
        other_case=tuple(str(pattern) for pattern in data.get("other_case") or []),
    )
