"""Seizure triggers: the words of a passage that report a seizure, and where their items are.

"Seized", "found", "ont découvert", "la saisie de", "a parcel containing": the parse tells an
active verb or a noun (its items follow) from a passive verb (its items come first, or follow an
inversion "seized were X"). A trigger seizes nothing when it is negated ("no weapon was
recovered"), reflexive ("ces armes se retrouvent"), intended ("they expected to find"),
hypothetical ("if they discover a gun"), said of a state ("found dead") or of a finder who is not
the authorities ("a 9-year-old girl found her father's gun").
"""

from __future__ import annotations

from enum import Enum

from spacy.tokens import Doc, Token

from ghostwatch.extract.evidence import doc_text
from ghostwatch.extract.seizure_lexicon import SeizureLexicon
from ghostwatch.extract.seizure_passages import Passage

_PASSIVE_CHILDREN = frozenset({"auxpass", "aux:pass", "nsubjpass", "nsubj:pass"})
_AUX_CHILDREN = frozenset({"aux", "aux:tense", "aux:pass", "auxpass"})


class Direction(Enum):
    AFTER = "after"  # active verb or noun: "police seized X", "the seizure of X"
    AROUND = "around"  # passive: "X were seized", "seized were X"


class TriggerFinder:
    """Finds the seizure triggers of one parsed document's passages."""

    def __init__(self, doc: Doc, lexicon: SeizureLexicon):
        self.doc = doc
        self.lexicon = lexicon

    def triggers(self, passage: Passage) -> list[tuple[Token, Direction]]:
        """The trigger words of `passage` and the side their items are on."""
        triggers = []
        for token in passage.span:
            if self.lexicon.is_trigger_word(token):
                if (
                    self._reflexive(token)
                    or self._negated(token)
                    or self._intended(token)
                    or self._found_by_civilian(token)
                    or self._found_in_state(token)
                    or self._hypothetical(token)
                ):
                    continue
                triggers.append((token, self._direction(token)))
            elif self.lexicon.is_contain_word(token) and self._holds_container(token, passage):
                triggers.append((token, Direction.AFTER))
        return triggers

    def phrase_ends(self, passage: Passage) -> list[int]:
        """End tokens of the trigger phrases ("mis la main sur") in `passage`."""
        regex = self.lexicon.trigger_phrases.regex
        if regex is None:
            return []
        span = passage.span
        ends = []
        for found in regex.finditer(doc_text(self.doc), span.start_char, span.end_char):
            chars = self.doc.char_span(found.start(), found.end(), alignment_mode="expand")
            if chars is not None:
                ends.append(chars.end)
        return ends

    def _reflexive(self, token: Token) -> bool:
        """French "se retrouver" (to end up) and "se saisir" (to take up a case) seize nothing."""
        previous = token.nbor(-1) if token.i > 0 else None
        reflexive = {"se", "s'", "s’"}
        return any(
            child.dep_.startswith("expl") or child.lower_ in reflexive for child in token.children
        ) or (previous is not None and previous.lower_ in reflexive)

    def _negated(self, token: Token) -> bool:
        words = self.lexicon.negations
        return any(child.lower_ in words for child in token.children)

    def _intended(self, token: Token) -> bool:
        """ "They expected to find cannabis": a seizure hoped for, not made."""
        intent = self.lexicon.intent_verbs
        if token.head is not token and token.head.lemma_.lower() in intent:
            return True
        return any(child.lemma_.lower() in intent for child in token.children)

    def _hypothetical(self, token: Token) -> bool:
        """ "If they discover a gun", "officers located at the station": no seizure made."""
        lexicon = self.lexicon
        if lexicon.place_senses.match_at(self.doc, token.i) is not None:
            return True
        verb = token
        for _ in range(3):
            if any(
                child.dep_ == "mark" and child.lower_ in lexicon.conditionals
                for child in verb.children
            ):
                return True
            if verb.head is verb or verb.dep_ not in {"conj", "xcomp", "ccomp", "advcl"}:
                return False
            verb = verb.head
        return False

    def _found_in_state(self, token: Token) -> bool:
        """ "Found dead", "found guilty", "found to be a BB gun": no item was seized."""
        states = self.lexicon.found_states
        following = token.nbor(1) if token.i + 1 < len(self.doc) else None
        if following is not None and following.lower_ in states:
            return True
        return any(
            child.dep_ in {"acomp", "oprd", "xcomp", "ccomp"} and child.lemma_.lower() in states
            for child in token.children
        )

    def _found_by_civilian(self, token: Token) -> bool:
        """ "A 9-year-old girl found her father's gun", "she found out": not a seizure."""
        if any(child.dep_ in {"prt", "compound:prt"} for child in token.children):
            return True  # "found out", "turned up"
        finder = self._finder(token)
        if finder is None:
            return False
        named = finder.ent_type_ in {"PERSON", "PER"}  # police are rarely the named finder
        return named or finder.lower_ in self.lexicon.civilians

    def _finder(self, token: Token) -> Token | None:
        """Who found or seized: the subject of the verb (or of the verb it depends on), or
        the agent of a passive one."""
        verb = token
        for _ in range(4):
            subjects = {"nsubj", "obl:agent"}
            if verb is not token:
                subjects |= {"nsubjpass", "nsubj:pass"}  # "a toddler was shot after finding a gun"
            # the subject nearest the verb: a dateline ("LEBANON, Tenn. –") may also be one
            found = [child for child in verb.children if child.dep_ in subjects]
            if found:
                return min(found, key=lambda child: abs(child.i - verb.i))
            for child in verb.children:
                if child.dep_ == "agent":
                    return next((c for c in child.children if c.dep_ == "pobj"), None)
            if verb.dep_ not in {"conj", "advcl", "xcomp", "pcomp", "prep"} or verb.head is verb:
                return None
            verb = verb.head
        return None

    def _direction(self, token: Token) -> Direction:
        if token.pos_ in {"NOUN", "PROPN"}:
            return Direction.AFTER
        if "Pass" in token.morph.get("Voice"):
            return Direction.AROUND
        if any(child.dep_ in _PASSIVE_CHILDREN for child in token.children):
            return Direction.AROUND
        participle = token.tag_ == "VBN" or "Part" in token.morph.get("VerbForm")
        aux = any(child.dep_ in _AUX_CHILDREN for child in token.children)
        if participle and not aux and token.dep_ in {"acl", "amod"}:
            return Direction.AROUND  # "the firearms recovered", "les armes saisies"
        return Direction.AFTER

    def _holds_container(self, token: Token, passage: Passage) -> bool:
        """ "The parcel contained X", "un colis contenant X": a container's content is seized."""
        if self.lexicon.is_container(token.head):
            return True
        if any(self.lexicon.is_container(child) for child in token.children):
            return True
        return any(self.lexicon.is_container(other) for other in self.doc[passage.start : token.i])
