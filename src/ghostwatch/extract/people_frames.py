"""The predicates that govern a person mention, read from the dependency parse.

"Henry Jackson, 18, was arrested and charged": Jackson is the patient of "arrested" and of
"charged". "Police say Smith shot his cousin": Smith is the agent of "shot", the cousin its patient.
"A boy arrested on a murder charge", "a man who was shot in the leg": the participle or relative
clause hung on the noun is a predicate too. `people_facts` turns these frames into sides,
statuses and roles with the pack's tables.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Literal

from spacy.tokens import Span, Token

from ghostwatch.extract.people_lexicon import PeopleLexicon

Voice = Literal["agent", "patient", "oblique", "event", "noun"]

SUBJECTS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "csubj", "expl:subj"})
OBJECTS = frozenset({"dobj", "obj", "iobj", "dative"})
CLAUSES = frozenset({"acl", "relcl", "acl:relcl"})
#: children that start another clause or belong to the subject: not part of the predicate's words
OUTSIDE = frozenset(
    {
        "conj",
        "cc",
        "advcl",
        "ccomp",
        "parataxis",
        "relcl",
        "acl:relcl",
        "mark",
        "punct",
        "nsubj",
        "nsubjpass",
        "nsubj:pass",
        "csubj",
        "appos",
        "dep",
        "list",
    }
)
PASSIVE_AUX = frozenset({"auxpass", "aux:pass"})
#: how many words before a verb its negation may stand ("n'avoir jamais vendu")
NEGATION_REACH = 3
#: clauses through which a negation or a question above reaches a predicate
NOT_ASSERTED_PATH = frozenset({"xcomp", "ccomp", "acl", "conj", "csubj", "relcl", "advcl"})
#: reflexive objects: who does it to themselves undergoes it
REFLEXIVES = frozenset({"himself", "herself", "themselves", "myself", "yourself", "self"})
#: prepositions that aim an act at someone ("fired at", "opened fire on")
AIMED = frozenset({"at", "on", "into", "toward", "towards", "sur"})
RELATIVE_PRONOUNS = frozenset(
    {"who", "whom", "that", "which", "qui", "que", "qu'", "dont", "lequel"}
)


@dataclass(frozen=True)
class Frame:
    """One predicate of a mention: `token` is a verb, an event noun or a noun said of it."""

    token: Token
    voice: Voice
    words: str  # the predicate's own words, lower-case, for the pack's `with` patterns
    negated: bool
    #: done to oneself ("shot himself"): the person undergoes it without being anyone's victim
    reflexive: bool = False


def is_passive(verb: Token) -> bool:
    if any(child.dep_ in PASSIVE_AUX for child in verb.children):
        return True
    return verb.morph.get("Voice") == ["Pass"]


def is_participle(verb: Token) -> bool:
    return verb.tag_ == "VBN" or (
        verb.morph.get("VerbForm") == ["Part"] and verb.morph.get("Tense") == ["Past"]
    )


def _reflexive_object(verb: Token) -> bool:
    return any(child.dep_ in OBJECTS and child.lower_ in REFLEXIVES for child in verb.children)


def has_object(verb: Token) -> bool:
    """Whether the verb, or a verb coordinated with it, acts on something ("shot and killed
    his wife", "fired at officers")."""
    verbs = [verb] + [child for child in verb.children if child.dep_ == "conj"]
    if verb.dep_ == "conj":
        verbs.append(verb.head)
    for candidate in verbs:
        for child in candidate.children:
            if child.dep_ in OBJECTS:
                return True
            if child.dep_ == "prep" and child.lower_ in AIMED:
                return True
    return False


def predicate_words(verb: Token, with_subject: bool = False, without: Token | None = None) -> str:
    """The verb with its own complements and modifiers, without other clauses, as written
    (lower-case); the subject is included for obliques ("a warrant was issued against him");
    `without` leaves out the mention's own phrase ("X was the shooter" reads "was the
    shooter")."""
    tokens = [verb]
    for child in verb.children:
        if without is not None and child.i == without.i:
            continue
        if child.dep_ not in OUTSIDE or (with_subject and child.dep_ in SUBJECTS):
            tokens.extend(child.subtree)
    tokens.sort(key=lambda token: token.i)
    return words_of(tokens)


def words_of(tokens: list[Token]) -> str:
    """Tokens as written, with a space where the text skips words."""
    parts = []
    for index, token in enumerate(tokens):
        parts.append(token.lower_)
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if following is not None and (token.whitespace_ or following.i != token.i + 1):
            parts.append(" ")
    return "".join(parts)


class FrameReader:
    def __init__(self, lexicon: PeopleLexicon):
        self.lexicon = lexicon

    def negated(self, verb: Token) -> bool:
        """Negated or not asserted: "was not charged", "no evidence that he sold", "whether"."""
        doc = verb.doc
        before = doc[max(verb.i - NEGATION_REACH, verb.sent.start) : verb.i]
        if any(token.lower_ in self.lexicon.negations for token in before):
            return True  # "did not sell", "n'avoir jamais vendu"
        node = verb
        for step in range(5):
            if step and node.lemma_.lower() in self.lexicon.non_factual:
                return True  # "il lui est interdit d'acheter": not done
            for child in node.children:
                if child.lower_ in self.lexicon.negations and child.dep_ not in ("prep", "case"):
                    return True
                if child.dep_ in ("mark", "advmod") and child.lower_ in self.lexicon.non_factual:
                    return True
                if child.dep_ in ("det", "neg") and child.lower_ in ("no", "aucun", "aucune"):
                    return True
            if node.dep_ == "ccomp" and any(
                child.lower_ in self.lexicon.question_words
                for child in node.children
                if child.dep_ in ("advmod", "mark", "obl", "obl:mod")
            ):
                return True  # "trying to establish where it had been made"
            if node.dep_ not in NOT_ASSERTED_PATH or node.head.i == node.i:
                break
            node = node.head
        return False

    def frames(self, heads: list[Token], unit: Span | None = None) -> list[Frame]:
        """The frames of a mention; with `unit`, only those inside that sentence unit (the
        parse may hang a mention on another sentence's verb)."""
        found: list[Frame] = []
        for head in heads:
            found.extend(self._dependents(head))
        found.extend(self._governors(heads[0]))
        if unit is not None:
            found = [frame for frame in found if unit.start <= frame.token.i < unit.end]
        return found

    def unit_frames(self, unit: Span) -> list[Frame]:
        """What the unit's predicates without a person of their own as subject do to someone,
        for mentions the parse did not hang on any: passives ("Arrested and charged were a
        34-year-old man; ...", a French subject the parser lost) and acts of institutions ("Le
        tribunal a condamné jeudi un homme de 31 ans", where the parser lost the object)."""
        found = []
        for token in unit:
            if token.pos_ not in ("VERB", "AUX", "ADJ"):
                continue
            if any(
                child.dep_ in SUBJECTS and (self._person_like(child) or child.pos_ == "PRON")
                for child in token.children
            ):
                continue
            own_aux = any(child.lemma_.lower() in ("have", "avoir") for child in token.children)
            subject = next((child for child in token.children if child.dep_ in SUBJECTS), None)
            if is_passive(token) or (is_participle(token) and not own_aux and subject is None):
                found.append(self._frame(token, "patient"))
            elif subject is not None and subject.pos_ in ("NOUN", "PROPN"):
                # "Le tribunal a condamné jeudi un homme ...": an institution acts on the person
                found.append(self._frame(token, "patient"))
        return found

    def _frame(self, verb: Token, voice: Voice) -> Frame:
        words = predicate_words(verb, with_subject=voice == "oblique")
        return Frame(verb, voice, words, self.negated(verb))

    def _with_conjuncts(
        self, verb: Token, voice: Voice, as_object: bool = False
    ) -> Iterator[Frame]:
        """The verb and the verbs coordinated with it that share its subject; for an object,
        only those with no object of their own ("approached X and shot him": X is not shot)."""
        reflexive = voice == "agent" and _reflexive_object(verb)
        if reflexive:
            voice = "patient"  # "accidentally shot himself"
        yield replace(self._frame(verb, voice), reflexive=reflexive)
        passive = voice == "patient"
        for child in verb.children:
            if child.dep_ != "conj" or any(grand.dep_ in SUBJECTS for grand in child.children):
                continue
            if as_object:
                if not any(grand.dep_ in OBJECTS for grand in child.children):
                    yield self._frame(child, "patient")
                continue
            if child.pos_ not in ("VERB", "AUX", "ADJ", "NOUN"):
                continue
            own = "patient" if is_passive(child) else None
            if own is None:
                own = "patient" if passive and is_participle(child) else "agent"
            if voice == "patient" and child.pos_ in ("NOUN", "ADJ"):
                own = "patient"
            yield from self._with_conjuncts(child, own)

    def _dependents(self, head: Token) -> Iterator[Frame]:
        """Participles and relative clauses hung on the noun ("a boy arrested on ...")."""
        for child in head.children:
            if child.dep_ not in CLAUSES or child.pos_ not in ("VERB", "AUX", "ADJ"):
                continue
            voice = self._relative_voice(child)
            if voice is not None:
                yield from self._with_conjuncts(child, voice)

    def _relative_voice(self, verb: Token) -> Voice | None:
        relative = next(
            (
                child
                for child in verb.children
                if child.lower_ in RELATIVE_PRONOUNS and child.dep_ not in ("mark",)
            ),
            None,
        )
        if relative is not None:
            if relative.dep_ in SUBJECTS:
                return "patient" if is_passive(verb) else "agent"
            if relative.dep_ in OBJECTS:
                return "patient"
            return None
        if any(child.dep_ in SUBJECTS for child in verb.children):
            return None  # "the man police arrested": handled as the object? no subject of ours
        if verb.tag_ == "VBG":
            return "agent"
        if is_participle(verb) or is_passive(verb) or verb.pos_ == "ADJ":
            return "patient"
        return None

    def _governors(self, head: Token) -> Iterator[Frame]:
        node = head
        for _ in range(6):
            climbs = node.dep_ in ("conj", "flat", "flat:name", "compound") or (
                node.dep_ == "appos" and self._person_like(node.head)
            )
            if climbs and node.head.i != node.i:
                node = node.head
                continue
            if node.dep_ == "appos":
                return
            as_word = node.head if node.dep_ == "pobj" else None
            if as_word is not None and as_word.lower_ == "as" and as_word.head.pos_ == "VERB":
                verb = as_word.head  # "identified as X": X is who the verb's noun is
                yield self._frame(verb, "patient")
                if verb.dep_ in CLAUSES:
                    node = verb.head
                    yield Frame(node, "noun", node.lemma_.lower(), False)
                    continue
                named = [c for c in verb.children if c.dep_ in OBJECTS] + [
                    c for c in verb.children if c.dep_ in SUBJECTS
                ]  # "identified the victims as X": X is one of the victims
                if named:
                    yield Frame(named[0], "noun", named[0].lemma_.lower(), False)
                return
            break
        yield from self._relation(node)

    def _person_like(self, token: Token) -> bool:
        lemma = token.lemma_.lower()
        return (
            token.pos_ == "PROPN"
            or token.ent_type_ in ("PERSON", "PER")
            or lemma in self.lexicon.person_nouns
            or token.lower_ in self.lexicon.person_nouns
            or token.lower_ in self.lexicon.ages.old_words
        )

    def _relation(self, node: Token) -> Iterator[Frame]:
        dep = node.dep_
        governor = node.head
        if governor.i == node.i:
            return
        if dep in SUBJECTS:
            if governor.lemma_.lower() in ("be", "être"):
                yield from self._copula(governor, node)
                return
            voice: Voice = "patient" if dep.endswith("pass") or is_passive(governor) else "agent"
            yield from self._with_conjuncts(governor, voice)
        elif dep in OBJECTS:
            yield from self._with_conjuncts(governor, "patient", as_object=True)
        elif dep == "attr":
            if governor.dep_ in PASSIVE_AUX and governor.head.i != governor.i:
                # "Arrested and charged were a 34-year-old man": the inverted passive subject
                yield from self._with_conjuncts(governor.head, "patient")
                return
            subject = next((c for c in governor.children if c.dep_ in SUBJECTS), None)
            if subject is not None:
                yield Frame(subject, "noun", subject.lemma_.lower(), False)
            words = predicate_words(governor, without=node)
            yield Frame(governor, "agent", words, self.negated(governor))
        elif dep == "obl:agent" or (dep == "pobj" and governor.lower_ in ("by", "par")):
            verb = governor.head if dep == "pobj" else governor
            if is_passive(verb) or is_participle(verb):
                yield from self._with_conjuncts(verb, "agent")
        elif dep in ("pobj", "nmod", "obl", "obl:arg", "obl:mod"):
            noun = governor.head if dep == "pobj" else governor
            preposition = (
                governor.lower_
                if dep == "pobj"
                else next((c.lower_ for c in node.children if c.dep_ == "case"), "")
            )
            if preposition in ("of", "de", "d'") and noun.pos_ == "NOUN":
                yield Frame(noun, "event", noun.lemma_.lower(), False)
            elif noun.pos_ in ("VERB", "AUX", "NOUN"):
                yield self._frame(noun, "oblique")
        elif dep == "poss":
            yield Frame(governor, "event", governor.lemma_.lower(), False)

    def _copula(self, verb: Token, subject: Token) -> Iterator[Frame]:
        """ "X was the shooter", "X is in critical condition"."""
        for child in verb.children:
            if child.dep_ in ("attr", "acomp") and child.pos_ in ("NOUN", "PROPN"):
                yield Frame(child, "noun", child.lemma_.lower(), False)
        yield self._frame(verb, "agent")
