"""The roles the case's actors play, named or not: the report-level `roles` field.

Roles come from role nouns ("middlemen and resellers", "les acheteurs", "the group's leader"),
role phrases ("at the head of this network", "led by"), and role verbs whose object is a firearm
thing ("printed the guns", "were sold to gang members", "charged with manufacturing a prohibited
weapon"). A verb said of no one ("a firearm assembled from a kit") or negated ("did not appear to
have sold any weapons") plays no role.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ghostwatch.extract.people_facts import RELATIVES, FactReader
from ghostwatch.extract.people_frames import (
    CLAUSES,
    OBJECTS,
    PASSIVE_AUX,
    SUBJECTS,
    FrameReader,
    is_passive,
)
from ghostwatch.extract.people_lexicon import PeopleLexicon, RoleCues

#: how far before a handled noun ("géraient la boutique et les expéditions") its verb may be
HANDLER_WINDOW = 5
#: how far after a selling verb its recipients ("to gang members") may come
RECIPIENT_WINDOW = 14
#: how far after a nominal cue ("production", "fabrication") its firearm object may come
NOUN_OBJECT_WINDOW = 6


class RoleReader:
    def __init__(self, lexicon: PeopleLexicon):
        self.lexicon = lexicon
        self.frames = FrameReader(lexicon)
        self.facts = FactReader(lexicon)
        #: one-word role nouns to their roles; several-word nouns are searched in the text
        self.noun_roles: dict[str, frozenset[str]] = {}
        for cues in lexicon.roles:
            for noun in cues.nouns:
                if " " not in noun:
                    self.noun_roles[noun] = self.noun_roles.get(noun, frozenset()) | {cues.role}

    def read(self, sentence: Span) -> set[str]:
        roles: set[str] = set()
        text = sentence.text
        lowered = text.lower()
        for cues in self.lexicon.roles:
            if any(pattern.search(text) for pattern in cues.phrases):
                roles.add(cues.role)
            if any(" " in noun and noun in lowered for noun in cues.nouns):
                roles.add(cues.role)
        for token in sentence:
            roles |= self._noun(token)
            roles |= self._verb(token)
        return roles

    # -- nouns ---------------------------------------------------------------------------------

    def _noun(self, token: Token) -> set[str]:
        if token.pos_ not in ("NOUN", "PROPN"):
            return set()
        words = {token.lemma_.lower(), token.lower_}
        roles = {role for word in words for role in self.noun_roles.get(word, ())}
        if not roles or self._noun_negated(token) or self._blocked(token):
            return set()
        if self._excluded_thing(token):
            return set()
        lemma = token.lemma_.lower()
        if lemma in self.lexicon.activity_nouns and not self._firearm_after(token):
            return set()
        if words & self.lexicon.handled_nouns and not self._handled(token):
            return set()
        if any(child.dep_ == "poss" or "Poss=Yes" in str(child.morph) for child in token.children):
            roles -= self.lexicon.possessed_role_exceptions
        return roles

    def _handled(self, token: Token) -> bool:
        """ "handled the shipping", "se chargeaient des envois": someone does the activity."""
        before = token.doc[max(token.i - HANDLER_WINDOW, token.sent.start) : token.i]
        for word in before:
            lemma = word.lemma_.lower()
            if lemma in self.lexicon.handler_verbs:
                return True
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head  # "géraient la boutique et les expéditions"
        governor = token.head
        if token.dep_ in OBJECTS:
            pass
        elif token.dep_ == "pobj" and governor.lower_ in ("of",):
            governor = governor.head
        elif token.dep_ in ("obl", "obl:arg", "obl:mod", "nmod") and any(
            child.dep_ == "case" and child.lower_ in ("de", "des", "du", "d'")
            for child in token.children
        ):
            pass
        else:
            return False
        lemma = governor.lemma_.lower()
        return lemma in self.lexicon.role_designations or any(
            cues.role == "courier" and cues.verb_fires(lemma, governor.lower_)
            for cues in self.lexicon.roles
        )

    def _blocked(self, token: Token) -> bool:
        """ "la lutte contre le trafic d'armes", "the fight against gun trafficking"."""
        before = token.doc[max(token.i - 4, token.sent.start) : token.i]
        return any(word.lemma_.lower() in self.lexicon.role_noun_blockers for word in before)

    def _noun_negated(self, token: Token) -> bool:
        node = token
        for _ in range(3):
            if node.head.i == node.i:
                return False
            node = node.head
            if node.pos_ in ("VERB", "AUX") and self.frames.negated(node):
                return True
        return False

    def _excluded_thing(self, token: Token) -> bool:
        """ "drug trafficking", "trafiquants de stupéfiants": not a firearm role."""
        excluded = self.lexicon.role_excluded_objects
        for child in token.children:
            if child.dep_ in ("compound", "amod", "nmod") and child.lemma_.lower() in excluded:
                return True
            if child.dep_ == "prep" and any(
                grand.lemma_.lower() in excluded for grand in child.children
            ):
                return True
        following = token.doc[token.i + 1 : min(token.i + 3, token.sent.end)]
        return any(word.lemma_.lower() in excluded for word in following)

    def _firearm_after(self, token: Token) -> bool:
        objects = self.lexicon.role_objects
        things = objects.get("weapons", frozenset()) | objects.get("parts", frozenset())
        end = min(token.i + NOUN_OBJECT_WINDOW + 1, token.sent.end)
        window = list(token.doc[token.i + 1 : end]) + [
            child for child in token.children if child.dep_ in ("compound", "amod")
        ]
        for word in window:
            if word.text in (".", ";", ":"):
                break
            if word.lemma_.lower() in things or word.lower_ in things:
                return True
        return False

    # -- verbs ---------------------------------------------------------------------------------

    def _verb(self, token: Token) -> set[str]:
        if token.pos_ not in ("VERB", "AUX", "ADJ"):
            return set()
        lemma, lower = token.lemma_.lower(), token.lower_
        fired = [cues for cues in self.lexicon.roles if cues.verb_fires(lemma, lower)]
        if not fired or self.frames.negated(token):
            return set()
        roles: set[str] = set()
        for cues in fired:
            if self._cancelled(token, cues) or token.pos_ == "ADJ":
                continue
            if self._done_by_someone(token, cues):
                roles.add(cues.role)
        for cues in self.lexicon.roles:
            if lemma in cues.recipients_of and self._has_recipient(token):
                roles.add(cues.role)
        return roles

    def _cancelled(self, verb: Token, cues: RoleCues) -> bool:
        """ "bought legally", "achetaient ... dans le commerce": not the case's illicit role."""
        window = verb.doc[max(verb.i - 3, verb.sent.start) : min(verb.i + 8, verb.sent.end)]
        return any(pattern.search(window.text) for pattern in cues.cancelled_by)

    def _done_by_someone(self, verb: Token, cues: RoleCues) -> bool:
        """An actor does it: active with a subject that is not the police, a gerund under a
        charge, or a finite passive whose subject is a firearm thing."""
        subject = next((child for child in verb.children if child.dep_ in SUBJECTS), None)
        if subject is not None and subject.lower_ in RELATIVES and verb.dep_ in CLAUSES:
            subject = verb.head  # "devices which convert pistols": the devices do it
        if is_passive(verb):
            finite = any(child.dep_ in PASSIVE_AUX for child in verb.children)
            if not cues.passive or not finite or subject is None:
                return False  # "a firearm assembled from a kit": said of no one
            return self._thing_fits(subject, cues)
        if verb.dep_ in CLAUSES and subject is None and verb.tag_ == "VBN":
            return False
        if any(
            child.dep_ in ("ccomp", "xcomp") and child.pos_ == "VERB" for child in verb.children
        ):
            return False  # "makes a pistol fire automatically": causative, not manufacture
        if subject is not None:
            words = {subject.lemma_.lower(), subject.lower_}
            if words & (self.lexicon.official_words | self.lexicon.investigator_nouns):
                return False
            if any(words & things for things in self.lexicon.role_objects.values()):
                return False
        return self.facts.object_fits(verb, cues)

    def _thing_fits(self, thing: Token, cues: RoleCues) -> bool:
        words = {thing.lemma_.lower(), thing.lower_}
        if words & self.lexicon.role_excluded_objects:
            return False
        return any(
            words & self.lexicon.role_objects.get(kind, frozenset()) for kind in cues.objects
        )

    def _has_recipient(self, verb: Token) -> bool:
        """ "sold to gang members", "revendu ..., pour 1500 francs chacun, à des connaissances":
        the recipients are buyers. Read in the words after the verb, as the parse often hangs
        the French "à des ..." elsewhere."""
        doc = verb.doc
        end = min(verb.i + RECIPIENT_WINDOW, verb.sent.end, len(doc))
        for index in range(verb.i + 1, end):
            token = doc[index]
            if token.text in (".", ";") or (token.pos_ == "VERB" and token.dep_ != "acl"):
                return False
            if token.lower_ not in self.lexicon.recipient_prepositions:
                continue
            following = doc[index + 1 : min(index + 3, len(doc))]
            noun = next((t for t in following if t.pos_ != "DET"), None)
            if noun is None or noun.pos_ not in ("NOUN", "PRON") or noun.ent_type_:
                continue
            if noun.lemma_.lower() not in self.lexicon.non_recipients:
                return True
        return False
