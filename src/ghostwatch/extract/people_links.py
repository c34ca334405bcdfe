"""Linking mentions into the people of the document.

"Henry Jackson, 18" and later "Jackson" are one person; "two men, aged 25 and 30" are two, and
"The 30-year-old" later is the second of them; "the man", "the suspect" and "he" refer back to
the latest person they fit. A person introduced in the lead without details ("A man has been
remanded") is folded into the one person the body describes in full, when only one fits.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ghostwatch.extract.people_facts import Facts
from ghostwatch.extract.people_lexicon import PeopleLexicon
from ghostwatch.extract.people_mentions import Mention

#: how many sentences back a pronoun may reach for its person
PRONOUN_REACH = 3


@dataclass(eq=False)
class Actor:
    """One person of the document, as its mentions describe them."""

    mentions: list[Mention] = field(default_factory=list)
    age: int | None = None
    name: str | None = None
    gender: str | None = None
    nouns: set[str] = field(default_factory=set)
    sides: Counter[str] = field(default_factory=Counter)
    statuses: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    spans: list[tuple[int, int]] = field(default_factory=list)  # token ranges of evidence
    residence: str | None = None
    nationality: str | None = None
    prior_record: bool | None = None
    sentence_months: int | None = None
    #: the mention stood for several people ("two men, aged 25 and 30")
    shared: bool = False
    attacker: bool = False

    @property
    def first(self) -> Mention:
        """The mention that introduces the person in full: the first with an age or a name."""
        return next((m for m in self.mentions if m.ages or m.name), self.mentions[0])

    @property
    def last_sentence(self) -> int:
        return self.mentions[-1].sentence.start

    @property
    def side(self) -> str | None:
        suspect, victim = self.sides["suspect"], self.sides["victim"]
        if suspect == victim == 0:
            return None
        if suspect > victim:
            return "suspect"
        if victim > suspect:
            return "victim"
        legal = {"arrested", "charged", "remanded", "bailed", "convicted", "wanted"}
        return "suspect" if self.statuses & legal or self.attacker else "victim"

    @property
    def detailed(self) -> bool:
        return self.age is not None or self.name is not None

    def add(self, mention: Mention, facts: Facts) -> None:
        self.mentions.append(mention)
        self.nouns |= mention.nouns
        self.gender = self.gender or mention.gender
        if mention.name and (self.name is None or len(mention.name) > len(self.name)):
            self.name = mention.name
        self.sides.update(facts.sides)
        self.statuses |= facts.statuses
        self.roles |= facts.roles
        self.attacker = self.attacker or facts.attacker
        if mention.kind != "pronoun":
            self._span((mention.start, mention.end))
        for span in facts.spans:
            self._span(span)

    def absorb(self, other: Actor) -> None:
        self.mentions = sorted(self.mentions + other.mentions, key=lambda m: m.start)
        self.nouns |= other.nouns
        self.gender = self.gender or other.gender
        self.name = self.name or other.name
        self.age = self.age if self.age is not None else other.age
        self.sides.update(other.sides)
        self.statuses |= other.statuses
        self.roles |= other.roles
        self.attacker = self.attacker or other.attacker
        for span in other.spans:
            self._span(span)
        self.residence = self.residence or other.residence
        self.nationality = self.nationality or other.nationality
        if self.prior_record is None:
            self.prior_record = other.prior_record
        if self.sentence_months is None:
            self.sentence_months = other.sentence_months

    def _span(self, span: tuple[int, int]) -> None:
        if span not in self.spans:
            self.spans.append(span)


def _surname(name: str) -> str:
    return name.split()[-1].lower().strip(".,")


def _same_person(known: str, named: str) -> bool:
    """ "Jackson" is "Henry Jackson"; "Ryan Doherty" is not "Liam Doherty"."""
    first, second = known.lower().split(), named.lower().split()
    if first == second:
        return True
    if len(second) == 1 and len(first) > 1 and second[0] == first[0]:
        return True  # "Jeremy" after "Jeremy Jones"
    if _surname(known) != _surname(named):
        return False
    return len(first) == 1 or len(second) == 1 or first[0].strip(".") == second[0].strip(".")


class Linker:
    """Keeps the people met so far and finds which one a new mention refers to."""

    def __init__(self, lexicon: PeopleLexicon):
        self.lexicon = lexicon
        self.actors: list[Actor] = []
        self._pending: list[tuple[Mention, Facts]] = []

    def link(self, mention: Mention, facts: Facts) -> list[Actor]:
        """The people `mention` stands for, created when new."""
        if mention.group:
            self._to_group(mention, facts)
            return []
        if mention.count > 1:
            return [self._new(mention, facts, age, shared=True) for age in mention.ages]
        actor = self._antecedent(mention, facts)
        if actor is None:
            if mention.kind == "pronoun":
                self._pending.append((mention, facts))
                return []
            age = mention.ages[0] if mention.ages else None
            return [self._new(mention, facts, age)]
        actor.add(mention, facts)
        if actor.age is None and mention.ages:
            actor.age = mention.ages[0]
        return [actor]

    def _new(self, mention: Mention, facts: Facts, age: int | None, shared: bool = False) -> Actor:
        actor = Actor(age=age, shared=shared)
        actor.add(mention, facts)
        for pending, pending_facts in self._pending:
            if self._fits_pronoun(actor, pending):
                actor.add(pending, pending_facts)
        self._pending = []
        self.actors.append(actor)
        return actor

    def _recent(self) -> list[Actor]:
        return sorted(self.actors, key=lambda actor: actor.mentions[-1].start, reverse=True)

    def _antecedent(self, mention: Mention, facts: Facts) -> Actor | None:
        if mention.kind == "pronoun":
            return self._pronoun_antecedent(mention, facts)
        if mention.name:
            for actor in self._recent():
                if actor.name and _same_person(actor.name, mention.name):
                    return actor
        if not (mention.definite or mention.possessive):
            return None
        return self._rank(mention) or self._described(mention, facts)

    def _described(self, mention: Mention, facts: Facts) -> Actor | None:
        """Who "the 30-year-old", "the woman", "le fabricant", "the suspect" refer back to."""
        recent = self._recent()
        if mention.ages:
            same = [actor for actor in recent if actor.age == mention.ages[0]]
            return same[0] if same and self._fits(same[0], mention, facts) else None
        for actor in recent:
            if actor.nouns & mention.nouns - {"person"} and self._fits(actor, mention, facts):
                return actor
        roles = {role for noun in mention.nouns for role in self._noun_roles(noun)}
        if roles:
            same = [actor for actor in recent if actor.roles & roles]
            return same[0] if same and self._fits(same[0], mention, facts) else None
        if mention.possessive or not mention.nouns & self.lexicon.anaphoric_nouns:
            return None
        fitting = [actor for actor in recent if self._fits(actor, mention, facts)]
        sides = {self.lexicon.side_of_noun(noun) for noun in mention.nouns} - {None}
        for actor in fitting:
            if actor.side in sides:
                return actor  # "the suspect" is the latest suspect, not the latest person
        return fitting[0] if fitting else None

    def _to_group(self, mention: Mention, facts: Facts) -> None:
        """ "The three men remain in custody": the statuses of a counted group go to each of its
        members when the people known so far are exactly that group."""
        if not facts.statuses or facts.sides["victim"] > facts.sides["suspect"]:
            return
        members = [
            actor
            for actor in self.actors
            if actor.side in (None, "suspect")
            and (mention.gender is None or actor.gender in (None, mention.gender))
        ]
        sided = {self.lexicon.side_of_noun(noun) for noun in mention.nouns} - {None}
        if mention.size is None and "suspect" not in sided:
            return
        if mention.size is not None and len(members) != mention.size:
            return
        for actor in members:
            actor.statuses |= facts.statuses
            for span in facts.spans:
                actor.spans.append(span)

    def _rank(self, mention: Mention) -> Actor | None:
        """ "L'aîné", "the younger man": the oldest or youngest of the latest group listed with
        ages ("Deux hommes, âgés de 25 et 30 ans")."""
        words = mention.nouns | {
            token.lower_ for token in mention.sentence.doc[mention.start : mention.end]
        }
        elder = bool(words & self.lexicon.elder_words)
        younger = bool(words & self.lexicon.younger_words)
        if elder == younger:
            return None
        aged = [actor for actor in self._recent() if actor.age is not None]
        if not aged:
            return None
        if aged[0].shared:
            group = [actor for actor in aged if actor.shared and actor.first is aged[0].first]
        else:
            group = aged[:2]  # "a 25-year-old man was arguing with a 34-year-old man"
        if len(group) < 2 or len({actor.age for actor in group}) < 2:
            return None
        pick = max if elder else min
        return pick(group, key=lambda actor: actor.age or 0)

    def _noun_roles(self, noun: str) -> set[str]:
        return {cues.role for cues in self.lexicon.roles if noun in cues.nouns}

    def _fits(self, actor: Actor, mention: Mention, facts: Facts) -> bool:
        if actor.shared and not mention.ages:
            return False
        if mention.gender and actor.gender and mention.gender != actor.gender:
            return False
        if mention.name and actor.name and not _same_person(actor.name, mention.name):
            return False
        side = actor.side
        for noun in mention.nouns:
            noun_side = self.lexicon.side_of_noun(noun)
            if noun_side and side and noun_side != side:
                return False
        return True

    def _fits_pronoun(self, actor: Actor, mention: Mention) -> bool:
        return not actor.shared and (
            actor.gender is None or mention.gender is None or actor.gender == mention.gender
        )

    def _pronoun_antecedent(self, mention: Mention, facts: Facts) -> Actor | None:
        sentences = {m.sentence.start for actor in self.actors for m in actor.mentions}
        reach = sorted(sentences, reverse=True)[: PRONOUN_REACH + 1]
        candidates = [
            actor
            for actor in self._recent()
            if self._fits_pronoun(actor, mention)
            and actor.mentions[-1].sentence.start in reach
            and actor.mentions[-1].start < mention.start
        ]
        if not candidates:
            return None
        wanted = facts.sides.most_common(1)[0][0] if facts.sides else None
        for actor in candidates:
            if wanted is None or actor.side in (None, wanted):
                return actor
        return None  # "charged him" cannot be the man shot dead

    def settle(self) -> list[Actor]:
        """Fold the lead's undetailed people into the detailed person they must be, and a
        person introduced twice ("13-year-old boy" in the headline, "a 13-year-old Puyallup
        boy" in the lead) into one."""
        detailed = self._merge_repeats([actor for actor in self.actors if actor.detailed])
        kept: list[Actor] = []
        for actor in self.actors:
            if actor.detailed or actor.shared:
                kept.append(actor)
                continue
            fitting = [
                other
                for other in detailed
                if not other.shared
                and (other.gender is None or actor.gender is None or other.gender == actor.gender)
                and other.side == actor.side
            ]
            if len(fitting) == 1:
                fitting[0].absorb(actor)
            elif not fitting:
                kept.append(actor)
        return [actor for actor in kept if not actor.detailed or actor in detailed]

    def _merge_repeats(self, actors: list[Actor]) -> list[Actor]:
        kept: list[Actor] = []
        for actor in actors:
            same = next((other for other in kept if self._repeats(other, actor)), None)
            if same is None:
                kept.append(actor)
            else:
                same.absorb(actor)
        return kept

    @staticmethod
    def _repeats(first: Actor, second: Actor) -> bool:
        if first.age is None or first.age != second.age or first.shared or second.shared:
            return False
        if first.gender and second.gender and first.gender != second.gender:
            return False
        if first.name and second.name and not _same_person(first.name, second.name):
            return False
        return first.side is None or second.side is None or first.side == second.side
