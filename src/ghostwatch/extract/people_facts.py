"""What the text says of one person mention: side, statuses and roles from its predicates.

The frames of `people_frames` are matched against the pack's predicate table ("X was arrested":
suspect, arrested; "X was shot dead": victim, killed), its side nouns ("the suspect", "the
victim") and its role words ("suspected of converting and selling the pistols": manufacturer,
seller). Each fact keeps the token range that states it, for evidence.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Token

from ghostwatch.extract.people_frames import (
    OBJECTS,
    SUBJECTS,
    Frame,
    FrameReader,
    has_object,
    is_passive,
)
from ghostwatch.extract.people_lexicon import PeopleLexicon, RoleCues


def _partitive(token: Token) -> bool:
    """French "des armes" read as an oblique: "vendu des armes" is the object all the same."""
    return token.dep_ in ("obl", "obl:arg", "obl:mod", "nmod") and any(
        child.dep_ == "case" and child.lower_ in ("des", "de", "d'", "du")
        for child in token.children
    )


#: relative pronouns standing for the noun a clause hangs on
RELATIVES = frozenset({"that", "which", "who", "whom", "que", "qu'", "qui", "lequel", "laquelle"})
#: votes of a noun naming the side ("the suspect") against those of a predicate ("was shot")
NOUN_WEIGHT = 2
PREDICATE_WEIGHT = 1
#: harm done to oneself ("then shot himself"): a victim only when nothing else says a side, so
#: that a gunman who killed himself stays a suspect
SELF_HARM_WEIGHT = 0.5
#: dependency labels through which a role verb stays the mention's own action
ROLE_PATH = frozenset(
    {
        "pcomp",
        "xcomp",
        "conj",
        "prep",
        "acl",
        "advcl",
        "obl",
        "obl:arg",
        "obl:mod",
        "ccomp",
        "mark",
        "case",
        "nmod",
    }
)


@dataclass
class Facts:
    """Facts about one mention, with the token ranges that state them."""

    sides: Counter[str] = field(default_factory=Counter)
    statuses: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    spans: list[tuple[int, int]] = field(default_factory=list)
    #: the person did something to someone ("shot his cousin"): a suspect when votes tie
    attacker: bool = False

    def add_span(self, token: Token) -> None:
        indexes = [token.i] + [
            t.i
            for child in token.children
            if child.dep_ not in _OUTSIDE_SPAN
            for t in child.subtree
        ]
        span = (min(indexes), max(indexes) + 1)
        if span not in self.spans:
            self.spans.append(span)


_OUTSIDE_SPAN = frozenset(
    {
        "conj",
        "cc",
        "advcl",
        "ccomp",
        "parataxis",
        "relcl",
        "acl:relcl",
        "punct",
        "mark",
        "nsubj",
        "nsubjpass",
        "nsubj:pass",
        "appos",
        "dep",
    }
)


class FactReader:
    def __init__(self, lexicon: PeopleLexicon):
        self.lexicon = lexicon
        self.frames = FrameReader(lexicon)
        #: verbs that harm whoever undergoes them: without an object, their subject is harmed
        self.harm_lemmas = frozenset(
            lemma
            for predicate in lexicon.predicates
            if predicate.patient is not None and predicate.patient.side == "victim"
            for lemma in predicate.lemmas
        )

    def read(self, nouns: set[str], frames: list[Frame]) -> Facts:
        facts = Facts()
        for noun in nouns:
            side = self.lexicon.side_of_noun(noun)
            if side:
                facts.sides[side] += NOUN_WEIGHT
            facts.roles |= self.noun_roles(noun)
        for frame in frames:
            if frame.negated:
                continue
            if frame.voice == "noun":
                side = self.lexicon.side_of_noun(frame.words)
                if side:
                    facts.sides[side] += NOUN_WEIGHT
                facts.roles |= self.noun_roles(frame.words)
            elif frame.voice == "event":
                self._event(frame, facts)
            else:
                self._predicate(frame, facts)
                self._roles(frame, facts)
        if facts.roles:
            facts.sides["suspect"] += PREDICATE_WEIGHT  # whoever plays a role is a suspect
        return facts

    def noun_roles(self, noun: str) -> set[str]:
        return {cues.role for cues in self.lexicon.roles if noun in cues.nouns}

    def _event(self, frame: Frame, facts: Facts) -> None:
        status = self.lexicon.victim_events.get(frame.words)
        if status:
            facts.sides["victim"] += NOUN_WEIGHT  # "the shooting death of X" says who died
            facts.statuses.add(status)
            facts.add_span(frame.token)
        elif frame.words in self.lexicon.suspect_events:
            facts.sides["suspect"] += PREDICATE_WEIGHT

    def _predicate(self, frame: Frame, facts: Facts) -> None:
        verb = frame.token
        if any(child.lower_ in self.lexicon.prior_markers for child in verb.children):
            return  # "previously convicted", "déjà condamné": the prior record, not this case
        lemma, lower = verb.lemma_.lower(), verb.lower_
        voice = frame.voice
        unaimed = not has_object(verb) and "fire" not in frame.words
        if voice == "agent" and lemma in self.harm_lemmas and unaimed:
            voice = "patient"  # "a 36-year-old male struck in the thigh"
        for predicate in self.lexicon.predicates:
            if not predicate.fires_on(lemma, lower):
                continue
            if predicate.with_words is not None and not predicate.with_words.search(frame.words):
                continue
            if predicate.unless is not None and predicate.unless.search(frame.words):
                continue
            effect = predicate.patient if voice == "patient" else predicate.agent
            if voice == "oblique":
                effect = predicate.oblique
            if effect is not None and effect.side == "suspect" and voice == "agent":
                facts.attacker = True
            if effect is None:
                continue
            side = effect.side
            if side == "victim" and voice == "patient" and self._by_police(verb):
                side = "suspect"  # shot by police: the subject of a police shooting
            if side:
                reflexive = frame.reflexive and side == "victim"
                facts.sides[side] += SELF_HARM_WEIGHT if reflexive else PREDICATE_WEIGHT
            if effect.status:
                facts.statuses.add(effect.status)
                facts.add_span(verb)

    def knows(self, verb: Token) -> bool:
        """Whether the pack has anything to say about this verb."""
        lemma, lower = verb.lemma_.lower(), verb.lower_
        return any(
            predicate.fires_on(lemma, lower) for predicate in self.lexicon.predicates
        ) or any(cues.verb_fires(lemma, lower) for cues in self.lexicon.roles)

    def _by_police(self, verb: Token) -> bool:
        """ "shot by officers", "police shot and killed him"."""
        lexicon = self.lexicon
        forces = lexicon.investigator_nouns | lexicon.official_words
        candidates = [child for child in verb.children if child.dep_ in SUBJECTS]
        for child in verb.children:
            if child.dep_ in ("agent", "obl:agent") or (
                child.dep_ == "prep" and child.lower_ == "by"
            ):
                candidates.extend(grand for grand in child.children if grand.dep_ == "pobj")
                if child.dep_ == "obl:agent":
                    candidates.append(child)
        return any(
            candidate.lemma_.lower() in forces or candidate.lower_ in forces
            for candidate in candidates
            if candidate.dep_ not in ("nsubjpass", "nsubj:pass")
        )

    # -- roles ---------------------------------------------------------------------------------

    def _roles(self, frame: Frame, facts: Facts) -> None:
        """Role verbs the person does ("converting and selling the pistols") and role nouns it
        is given ("described as the group's leader", "soupçonné d'être le fabricant")."""
        verb = frame.token
        lexicon = self.lexicon
        words = set(frame.words.split())
        designation = verb.lemma_.lower() in lexicon.role_designations
        for cues in lexicon.roles:
            if any(pattern.search(frame.words) for pattern in cues.phrases):
                facts.roles.add(cues.role)
        excluded = words & lexicon.role_excluded_objects
        for cues in lexicon.roles:
            if designation and not excluded and any(noun in words for noun in cues.nouns):
                facts.roles.add(cues.role)
        for token in self._own_actions(verb, frame.voice):
            if token.i != verb.i and self.frames.negated(token):
                continue  # "il lui est interdit d'acheter", "never sold"
            for cues in lexicon.roles:
                if cues.verb_fires(token.lemma_.lower(), token.lower_) and self._acts_on(
                    token, cues
                ):
                    facts.roles.add(cues.role)
                    facts.add_span(token)

    def _acts_on(self, verb: Token, cues: RoleCues) -> bool:
        """The verb's thing fits the role: its object, or its subject when passive ("the
        weapons were made by X")."""
        if is_passive(verb):
            subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
            if subject is None or not cues.passive:
                return False
            words = {subject.lemma_.lower(), subject.lower_}
            if words & self.lexicon.role_excluded_objects:
                return False
            return any(
                words & self.lexicon.role_objects.get(kind, frozenset()) for kind in cues.objects
            )
        return self.object_fits(verb, cues)

    def _own_actions(self, verb: Token, voice: str) -> list[Token]:
        """The verbs the person does: the verb itself when they are its agent, and the
        gerunds and infinitives under it that have no subject of their own."""
        found = [verb] if voice == "agent" else []
        for token in verb.subtree:
            if token.i == verb.i or token.pos_ not in ("VERB", "AUX"):
                continue
            if any(child.dep_ in SUBJECTS for child in token.children):
                continue
            node, ok = token, True
            while node.i != verb.i:
                if node.dep_ not in ROLE_PATH or any(
                    child.dep_ in SUBJECTS for child in node.head.children if node.head.i != verb.i
                ):
                    ok = False
                    break
                node = node.head
            if ok:
                found.append(token)
        return found

    def objects_of(self, verb: Token) -> list[Token]:
        """The things a verb acts on: its object; the noun a relative clause hangs on ("parts
        that he ordered"); the object of a coordinated verb ("converting and selling the
        pistols"); the noun after "of" in "two of the pistols"."""
        objects = [child for child in verb.children if child.dep_ in OBJECTS or _partitive(child)]
        if not objects:
            objects = [
                grand
                for child in verb.children
                if child.dep_ == "prep" and child.lower_ in ("of",)
                for grand in child.children
            ]
        if not objects or all(thing.lower_ in RELATIVES for thing in objects):
            relative_subject = any(
                child.dep_ in SUBJECTS and child.lower_ in RELATIVES for child in verb.children
            )
            if verb.dep_ in ("relcl", "acl:relcl") and not relative_subject:
                objects = [verb.head]  # "parts that the man had ordered"
            else:
                objects = [thing for thing in objects if thing.lower_ not in RELATIVES]
        if not objects:
            for child in verb.children:
                if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
                    objects = [c for c in child.children if c.dep_ in OBJECTS or _partitive(c)]
                    if objects:
                        break
        expanded = []
        for thing in objects:
            expanded.append(thing)
            if not (thing.like_num or thing.lemma_.lower() in self.lexicon.quantifiers):
                continue
            expanded.extend(  # "two of the pistols", "une quinzaine d'armes"
                grand
                for child in thing.children
                if child.dep_ == "prep" and child.lower_ in ("of",)
                for grand in child.children
            )
            expanded.extend(child for child in thing.children if _partitive(child))
        return expanded

    def object_fits(self, verb: Token, cues: RoleCues) -> bool:
        """Whether the verb's object is a thing of the role (weapons, parts, materials)."""
        lexicon = self.lexicon
        objects = self.objects_of(verb)
        if not objects:
            return False
        for thing in objects:
            words = {thing.lemma_.lower(), thing.lower_} | {
                child.lemma_.lower() for child in thing.children if child.dep_ == "compound"
            }
            if words & lexicon.role_excluded_objects:
                return False
            for kind in cues.objects:
                if words & lexicon.role_objects.get(kind, frozenset()):
                    return True
        return False
