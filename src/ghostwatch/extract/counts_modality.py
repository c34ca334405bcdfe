"""Whether a count predicate reports what happened to the case's people.

News states what did not happen as often as what did: "was not charged", "could be charged",
"is expected to be charged", "if convicted", "previously convicted", "the attempted murders",
"almost lost her life", "a gunman shot at officers" (and missed). These checks read the
predicate's own dependents and what governs it in the parse; the words come from the pack's
`counts.yaml` (`modality`).
"""

from __future__ import annotations

from spacy.tokens import Token

from ghostwatch.extract.counts_lexicon import CountLexicon, PhraseMatch, has_form

_SUBJECT = {"nsubj", "nsubjpass", "nsubj:pass"}
_OBJECT = {"dobj", "obj"}
_AUXILIARY = {"aux", "aux:tense", "aux:pass", "auxpass"}
#: parts of speech of predicates coordinated with each other ("dead or injured")
_PREDICATIVE = {"VERB", "AUX", "ADJ"}
#: how far up through xcomp/conj a predicate inherits the modality of what governs it
_CLIMB = 3


class FactCheck:
    def __init__(self, lexicon: CountLexicon):
        self.lexicon = lexicon
        self.modality = lexicon.modality

    def well_formed(self, match: PhraseMatch, anchor: Token) -> bool:
        """A verbal predicate must be a verb or participle ("eight murders" is no "murder")."""
        if match.role not in ("patient", "passive", "subject"):
            return True
        return anchor.pos_ in ("VERB", "AUX", "ADJ")

    def factual(self, match: PhraseMatch, anchor: Token) -> bool:
        """Not negated, hypothetical, attempted, earlier, or a shot that missed."""
        if match.role in ("noun", "event") and (
            has_form(anchor.head, self.modality.attempt)
            or any(has_form(c, self.modality.attempt) for c in anchor.children)
        ):
            return False
        if match.key == "shot" and self._aimed(anchor):
            return False
        if self._alternative(anchor):
            return False
        node = anchor
        for _ in range(_CLIMB + 1):
            if not self._plain(node):
                return False
            relation = node.dep_
            if relation in ("xcomp", "ccomp") and has_form(node.head, self.modality.irrealis):
                return False  # "expected to be charged", "threatened to kill"
            climbs = relation in ("xcomp", "conj") or (
                match.role == "state" and node is anchor and relation != "ROOT"
            )
            own_subject = any(c.dep_ in _SUBJECT for c in node.children)
            if not climbs or (relation == "conj" and own_subject):
                return True
            node = node.head
        return True

    def fatal_result(self, verb: Token) -> bool:
        """ "Shot X dead", "shot X to death": the shooting killed."""
        results = self.lexicon.fatal_results
        for child in verb.children:
            if child.dep_ == "prep":
                if any(has_form(c, results) for c in child.children if c.dep_ == "pobj"):
                    return True
            elif child.dep_ in ("oprd", "acomp", "xcomp", "advmod") and has_form(child, results):
                return True
        return False

    def _alternative(self, verb: Token) -> bool:
        """ "Killed or injured", "blessés ou tués": one of two predicates, neither stated as a
        fact ("the eighth child this year to be injured or killed")."""
        if verb.dep_ == "conj":
            verb = verb.head
        alternative = self.lexicon.alternative
        for conjunct in verb.children:
            if conjunct.dep_ != "conj" or conjunct.pos_ not in _PREDICATIVE:
                continue
            # English hangs the conjunction on the first conjunct, UD French on the second
            between = [*verb.children, *conjunct.children]
            if any(
                c.dep_ == "cc" and verb.i < c.i < conjunct.i and has_form(c, alternative)
                for c in between
            ):
                return True
        return False

    def _plain(self, node: Token) -> bool:
        """No negation, modal, condition or "previously" on `node` itself."""
        modality = self.modality
        for child in node.children:
            relation = child.dep_
            if relation == "neg" or (
                relation in _AUXILIARY | {"advmod"} and has_form(child, modality.negation)
            ):
                return False
            if relation in ("aux", "aux:tense") and has_form(child, modality.modal):
                return False
            if relation in ("mark", "advmod") and has_form(child, modality.conditional):
                return False
            if relation == "advmod" and child.i < node.i and has_form(child, modality.prior):
                return False  # "once convicted"; "hit once" is a count of shots
        return True

    def _aimed(self, verb: Token) -> bool:
        """ "Shot at": fired at, not hit ("was shot at", "a man shot at officers"); "shot at a
        party" is a hit in a place."""
        at = [c for c in verb.children if c.dep_ == "prep" and has_form(c, self.lexicon.aimed)]
        if not at:
            return False
        passive = any(c.dep_ in ("auxpass", "aux:pass") for c in verb.children)
        stranded = any(not any(g.dep_ == "pobj" for g in p.children) for p in at)
        return stranded or not (passive or any(c.dep_ in _OBJECT for c in verb.children))
