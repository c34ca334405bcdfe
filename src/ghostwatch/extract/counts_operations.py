"""The size of the operation: places searched, workshops dismantled, officers deployed.

These counts are not people a predicate applies to but things (or officers) counted by a number
on their own noun ("14 search warrants", "deux ateliers clandestins", "around 200 officers"), by
the places a search verb takes ("searched the man's flat and a garage" is two), or by a singular
search the text reports ("Lors de la perquisition" is one).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ghostwatch.extract.counts_lexicon import (
    CountLexicon,
    NounCounts,
    PhraseMatch,
    has_form,
    normal,
)
from ghostwatch.extract.evidence import doc_text
from ghostwatch.extract.numbers import NumberPhrase
from ghostwatch.model import Span as Evidence

_YEARS = range(1900, 2100)
_OBJECT = {"dobj", "obj"}
_PASSIVE_SUBJECT = {"nsubjpass", "nsubj:pass"}


@dataclass(frozen=True)
class Tally:
    """One statement of an operation count."""

    key: str
    value: int
    evidence: tuple[Evidence, ...]


class OperationCounter:
    """Finds the searches, workshops and officers counts stated in one sentence."""

    def __init__(self, doc: Doc, lexicon: CountLexicon, numbers: list[NumberPhrase]):
        self.doc = doc
        self.text = doc_text(doc)
        self.lexicon = lexicon
        self.number_at = {phrase.root: phrase for phrase in numbers}

    def tallies(self, sentence: Span, matches: list[PhraseMatch], people: set[int]) -> list[Tally]:
        """`matches` are the sentence's phrases (the search verbs among them); `people` the
        tokens already counted as people (two officers shot are not a deployment)."""
        return [
            *self._searches(sentence, [m for m in matches if m.key == "searches"]),
            *self._nouns(sentence, "workshops", self.lexicon.workshops, people),
            *self._nouns(sentence, "officers", self.lexicon.officers, people),
        ]

    def _tokens(self, first: int, last: int) -> Evidence:
        start, end = self.doc[first].idx, self.doc[last].idx + len(self.doc[last])
        return Evidence(start=start, end=end, text=self.text[start:end])

    def _number_of(self, noun: Token) -> tuple[int, int] | None:
        """The value and start token of the number counting `noun` ("14 warrants", "une
        quarantaine de policiers")."""
        for child in noun.children:
            phrase = self.number_at.get(child.i)
            counts = child.dep_ in ("nummod", "quantmod") or (
                child.dep_ == "det" and phrase and phrase.value > 1
            )
            if phrase is not None and counts and int(phrase.value) not in _YEARS:
                return int(phrase.value), phrase.start
        head = noun.head
        if noun.dep_ in ("amod", "compound") and head.i > noun.i:
            # a parse that reads "deux ateliers clandestins" as "deux [ateliers] clandestins"
            for child in head.children:
                phrase = self.number_at.get(child.i)
                if phrase is not None and child.dep_ == "nummod" and child.i < noun.i:
                    return int(phrase.value), phrase.start
        phrase = self.number_at.get(head.i)
        if (
            phrase is not None
            and noun.i > head.i
            and (
                noun.dep_ in ("nmod", "pobj") or noun.i == phrase.end  # "douze perquisitions"
            )
        ):
            return int(phrase.value), phrase.start
        if noun.dep_ == "pobj" and head.dep_ == "prep":
            phrase = self.number_at.get(head.head.i)
            if phrase is not None and normal(head.text) == "of":
                return int(phrase.value), phrase.start
        return None

    # -- searches ---------------------------------------------------------------------------

    def _searches(self, sentence: Span, verbs: list[PhraseMatch]) -> list[Tally]:
        found: list[Tally] = []
        for match in verbs:
            verb = self.doc[match.start : match.end].root
            if any(c.dep_ == "neg" for c in verb.children):
                continue
            targets = [c for c in verb.children if c.dep_ in _OBJECT | _PASSIVE_SUBJECT]
            targets += [
                pobj
                for prep in verb.children
                if prep.dep_ == "prep" and normal(prep.text) in ("at", "on", "in", "of")
                for pobj in prep.children
                if pobj.dep_ == "pobj"
            ]
            for target in targets:
                places = self._places(target)
                if places is not None:
                    value, first, last = places
                    span = self._tokens(min(first, verb.i), max(last, verb.i))
                    found.append(Tally("searches", value, (span,)))
        for token in sentence:
            if not self._search_noun(token):
                continue
            number = self._number_of(token)
            if number is not None:
                value, start = number
                span = self._tokens(start, token.i)
                found.append(Tally("searches", value, (span,)))
            elif "Plur" not in token.morph.get("Number") and self._carried_out(token):
                found.append(Tally("searches", 1, (self._tokens(token.i, token.i),)))
        return found

    def _search_noun(self, token: Token) -> bool:
        searches = self.lexicon.searches
        if not has_form(token, searches.nouns):
            return False
        compounds = [c for c in token.children if c.dep_ == "compound"]
        if any(has_form(c, searches.not_search) for c in compounds):
            return False
        if any(has_form(c, searches.not_search) for c in token.children if c.dep_ == "nmod"):
            return False  # "mandat d'arrêt"
        warrant_only = normal(token.lemma_) in ("warrant",) and not compounds
        return not warrant_only or self._carried_out(token)

    def _carried_out(self, noun: Token) -> bool:
        """A search carried out: by an executing verb, "during"/"lors de" it, or of a place."""
        searches = self.lexicon.searches
        head = noun.head
        if has_form(head, searches.executing) and noun.dep_ in _OBJECT | {
            "obl:arg",
            "obl:mod",
            "pobj",
            "nsubjpass",
        }:
            return True
        if head.dep_ == "prep" and has_form(head.head, searches.executing):
            return True
        for child in noun.children:
            complements = [c for c in child.children if c.dep_ == "pobj"] or [child]
            if child.dep_ in ("prep", "nmod") and any(
                has_form(c, searches.places) for c in complements
            ):
                return True
        return False

    def _places(self, target: Token) -> tuple[int, int, int] | None:
        """How many places `target` and its conjuncts name, with the first and last token."""
        total, first, last = 0, target.i, target.i
        for item in [target, *(c for c in target.conjuncts if c.i > target.i)]:
            number = self._number_of(item)
            if number is not None and (
                has_form(item, self.lexicon.searches.places) or item.pos_ == "NUM"
            ):
                total += number[0]
                first = min(first, number[1])
            elif item.pos_ == "NUM" and item.i in self.number_at:
                total += int(self.number_at[item.i].value)
            elif has_form(item, self.lexicon.searches.places):
                if "Plur" in item.morph.get("Number"):
                    return None
                total += 1
            else:
                continue
            last = max(last, item.i)
        return (total, first, last) if total else None

    # -- workshops and officers -------------------------------------------------------------

    def _nouns(self, sentence: Span, key: str, nouns: NounCounts, people: set[int]) -> list[Tally]:
        found: list[Tally] = []
        for token in sentence:
            if not has_form(token, nouns.nouns) or token.i in people:
                continue
            number = self._number_of(token)
            governed = self._governed_by(token, nouns.verbs)
            if number is not None:
                value, start = number
                if start in people or token.head.i in people:
                    continue
                if value >= nouns.min_value or governed:
                    span = self._tokens(start, token.i)
                    found.append(Tally(key, value, (span,)))
        return found

    def _governed_by(self, token: Token, verbs: frozenset[str]) -> bool:
        node = token
        for _ in range(3):
            if node.dep_ == "ROOT":
                return has_form(node, verbs)
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                return has_form(node, verbs)
        return False
