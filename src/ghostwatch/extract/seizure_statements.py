"""Seizure statements: the zone of each trigger and the list segments that name its items.

A trigger (see `seizure_triggers`) seizes what follows an active verb or a noun, and what comes
before (and after) a passive one, up to where its clause ends. That zone is cut into list
segments at commas and coordinations ("eight 3D printers, seven complete 3D weapons and
twenty-four conventional weapons"); each segment names one item kind (see `seizure_phrases`),
unless it only adds a subset ("including a Glock-style pistol") or a relative clause ("devices
that convert pistols"). Items brought along ("a handgun loaded with two rounds") are items of
their own; so is money seized ("€3,250 in cash").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Token

from ghostwatch.extract.money import Money
from ghostwatch.extract.seizure_lexicon import SeizureLexicon
from ghostwatch.extract.seizure_passages import Passage, is_bullet, starts_sentence
from ghostwatch.extract.seizure_phrases import (
    ItemMatch,
    ItemPhrases,
    Mention,
    SeizureDocumentReader,
)
from ghostwatch.extract.seizure_triggers import Direction, TriggerFinder

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "nsubj:pass"})
_OBJECTS = frozenset({"dobj", "obj"})
_AUX_CHILDREN = frozenset({"aux", "aux:tense", "aux:pass", "auxpass"})
_MODIFYING_CLAUSES = frozenset({"relcl", "acl", "acl:relcl", "amod", "appos", "advcl", "xcomp"})
_SEPARATOR_PUNCTUATION = frozenset({",", ";", "–", "—", "(", ")", "/", "•"})


@dataclass
class _Segment:
    start: int
    end: int


class SeizureReader(SeizureDocumentReader):
    """Reads the seizure statements of one parsed document."""

    @cached_property
    def phrases(self) -> ItemPhrases:
        return ItemPhrases(self.doc, self.lexicon, self.numbers, self.money, self.items)

    @cached_property
    def triggers(self) -> TriggerFinder:
        return TriggerFinder(self.doc, self.lexicon)

    def mentions(self, passage: Passage, index: int) -> list[Mention]:
        """The items the seizure statements of `passage` list (none in a heading)."""
        if passage.heading:
            return []
        seen: set[tuple[int, int]] = set()
        mentions = []
        for zone in self._zones(passage):
            for segment in self._segments(zone):
                for mention in self._segment_mentions(segment, index):
                    if mention.evidence not in seen:
                        seen.add(mention.evidence)
                        mentions.append(mention)
        return mentions

    def carried(self, passage: Passage, index: int) -> list[Mention]:
        """Items a seized firearm carries, said apart: "it had been fitted with a switch",
        "l'arme était équipée d'un silencieux". Only for a document that seized a firearm."""
        if passage.heading:
            return []
        mentions = []
        for start in range(passage.start, passage.end):
            end = self.lexicon.fitted_with.match_at(self.doc, start)
            if end is None or not self._holds_firearm(self.doc[start]):
                continue
            item = next((m for m in self.items if end <= m.start < end + 4), None)
            if item is None:
                continue
            segment = self._segments((end, passage.end))[0]
            mention = self.phrases.mention(item, end, segment.end, index)
            if mention is not None:
                mentions.append(mention)
        return mentions

    def _holds_firearm(self, participle: Token) -> bool:
        """Whether "fitted"/"équipée" is said of a firearm or of "it" (a seized one)."""
        holders = [child for child in participle.children if child.dep_ in _SUBJECTS]
        if not holders and participle.dep_ in {"acl", "amod"}:
            holders = [participle.head]
        for holder in holders:
            if holder.pos_ == "PRON":
                return True
            item = self.phrases.item_of.get(holder.i)
            if item is not None and item.category == "firearm":
                return True
        return False

    def _zones(self, passage: Passage) -> list[tuple[int, int]]:
        zones = []
        for token, direction in self.triggers.triggers(passage):
            after = self._right_zone(token, passage.end)
            if direction is Direction.AROUND:
                zones.append((self._left_start(token, passage.start), token.i))
            zones.append(after)
        for found in self.triggers.phrase_ends(passage):
            zones.append(self._right_zone(self.doc[found - 1], passage.end))
        return zones

    def _right_zone(self, trigger: Token, end: int) -> tuple[int, int]:
        """From the trigger to where its clause ends."""
        doc = self.doc
        index = trigger.i + 1
        segment_start = True
        free_relative = False
        while index < end:
            token = doc[index]
            ends = token.text in {";", ".", "!", "?"} or starts_sentence(token)
            if ends and not (token.text == ";" and self._bullet_follows(index)):
                break
            if index in self.phrases.item_of:
                index = self.phrases.item_of[index].end
                segment_start = False
                continue
            if self._separator_end(index) is not None:
                index = self._separator_end(index) or index + 1
                segment_start, free_relative = True, False
                continue
            if segment_start and token.lower_ in self.lexicon.free_relatives:
                free_relative = True
            if not free_relative and self._breaks_clause(token, trigger):
                break
            if not (token.is_punct or token.is_space):
                segment_start = False
            index += 1
        return trigger.i + 1, index

    def _bullet_follows(self, index: int) -> bool:
        """Whether a bulleted line comes right after token `index`: a bulleted list whose items
        end in ";" ("- deux pistolets ;\n- une imprimante 3D ;") goes on after each one."""
        doc = self.doc
        line_break = "\n" in doc[index].whitespace_
        index += 1
        while index < len(doc) and doc[index].is_space:
            line_break = line_break or "\n" in doc[index].text
            index += 1
        return line_break and index < len(doc) and is_bullet(doc[index])

    def _left_start(self, trigger: Token, start: int) -> int:
        """Where the clause whose subject a passive trigger seizes starts."""
        index = trigger.i - 1
        while index >= start:
            token = self.doc[index]
            if token.text in {";", ":"} or self._breaks_clause(token, trigger):
                return index + 1
            index -= 1
        return start

    def _breaks_clause(self, token: Token, trigger: Token) -> bool:
        """Whether `token` starts or heads another clause than the trigger's."""
        if token.i in self.phrases.item_of or token.i in self.phrases.money_of:
            return False
        if token.dep_ == "mark" and token.lower_ in self.lexicon.complementizers:
            return True  # "found that a firearm had gone off"
        if self.lexicon.clause_breaks.match_at(self.doc, token.i) is not None and token.pos_ in {
            "SCONJ",
            "ADP",
            "ADV",
            "CCONJ",
            "PRON",
            "VERB",
        }:
            return True
        gerund = token.tag_ == "VBG" or (
            "Part" in token.morph.get("VerbForm") and "Pres" in token.morph.get("Tense")
        )
        if (
            gerund
            and token.dep_ not in {"acl", "relcl", "acl:relcl", "amod"}
            and token.i > trigger.i
            and any(child.dep_ in _OBJECTS for child in token.children)
        ):
            return True  # "recovered video of him standing over the victim and firing a bullet"
        auxiliary = token.pos_ == "AUX" and token.dep_ in _AUX_CHILDREN
        verb = token.head if auxiliary else token  # a copula ("it is unclear") is its own verb
        if token.pos_ not in {"VERB", "AUX"} or verb == trigger:
            return False
        if verb.dep_ in _MODIFYING_CLAUSES:
            return False
        finite = "Fin" in token.morph.get("VerbForm") or token.tag_ in {"VBD", "VBZ", "VBP", "MD"}
        has_aux = any(
            child.dep_ in _AUX_CHILDREN and child.pos_ == "AUX" for child in verb.children
        )
        if verb.dep_ == "conj" and verb.head == trigger and self._after_separator(token):
            return finite or not any(
                child.dep_ in _OBJECTS and child.i in self.phrases.item_of
                for child in verb.children
            )  # "seized X and arrested Y", not "seized X, printed parts"
        return finite or has_aux

    def _after_separator(self, token: Token) -> bool:
        index = token.i - 1
        while index > 0 and (self.doc[index].is_space or self.doc[index].pos_ == "AUX"):
            index -= 1
        return self._separator_end(index) is not None

    def _separator_end(self, index: int) -> int | None:
        """The end of a list separator at `index` (",", "and", "as well as"), or None."""
        doc = self.doc
        token = doc[index]
        if token.text in _SEPARATOR_PUNCTUATION or (token.is_space and "\n" in token.text):
            return index + 1
        end = self.lexicon.separators.match_at(doc, index)
        if end is None:
            return None
        if end - index == 1 and token.pos_ == "CCONJ" and end < len(doc):
            following = doc[end]
            starts_item = end in self.phrases.item_of or end in self.phrases.money_of
            approximate = (
                self.lexicon.approximators.match_at(doc, end) is not None
                or following.lower_ in self.lexicon.vague
            )
            if following.pos_ in {"ADJ", "VERB", "ADV"} and not (starts_item or approximate):
                return None  # "printed and purchased parts": one item
        return end

    def _segments(self, zone: tuple[int, int]) -> list[_Segment]:
        segments = []
        start, end = zone
        index = start
        while index < end:
            if index in self.phrases.item_of:
                index = self.phrases.item_of[index].end
                continue
            separator = self._separator_end(index)
            if separator is not None:
                if index > start:
                    segments.append(_Segment(start, index))
                start = index = separator
                continue
            index += 1
        if start < end:
            segments.append(_Segment(start, min(end, len(self.doc))))
        return segments

    def _content_start(self, start: int, end: int) -> int:
        doc = self.doc
        index = start
        while index < end and (
            doc[index].is_punct
            or doc[index].is_space
            or doc[index].pos_ in {"CCONJ", "SCONJ"}
            or doc[index].lower_ in self.lexicon.linking
        ):
            index += 1
        return index

    def _segment_mentions(self, segment: _Segment, passage: int) -> list[Mention]:
        doc = self.doc
        first = self._content_start(segment.start, segment.end)
        if first >= segment.end:
            return []
        if self.lexicon.subset.match_at(doc, first) is not None or self.phrases.is_relative(
            doc[first]
        ):
            return []
        matches = [
            item for item in self.items if segment.start <= item.start and item.end <= segment.end
        ]
        relative = next(
            (i for i in range(first, segment.end) if self.phrases.is_relative(doc[i])), segment.end
        )
        primary = next(
            (
                item
                for item in matches
                if item.start < relative and not self.phrases.describes_other_noun(item)
            ),
            None,
        )
        mentions: list[Mention] = []
        cash = self._cash(segment, primary, passage)
        if cash is not None:
            mentions.append(cash)
        if primary is None or (primary.category == "cash" and cash is not None):
            return mentions
        starts = [(primary, first)]
        for item in matches:
            if item.start <= primary.start or item.start >= relative:
                continue
            brought = self._brought_along(primary, item)
            if brought is not None:
                starts.append((item, brought))
        for position, (item, start) in enumerate(starts):
            end = starts[position + 1][1] if position + 1 < len(starts) else segment.end
            mention = self.phrases.mention(item, start, min(end, relative), passage)
            if mention is not None:
                mentions.append(mention)
        return mentions

    def _brought_along(self, primary: ItemMatch, item: ItemMatch) -> int | None:
        """Where an item brought along with the primary one starts ("loaded with two rounds")."""
        doc = self.doc
        for index in range(primary.end, item.start):
            if self.lexicon.made_from.match_at(doc, index) is not None:
                return None
            end = self.lexicon.accompanying.match_at(doc, index)
            if end is not None and end <= item.start:
                between = doc[end : item.start]
                if all(token.i not in self.phrases.item_of for token in between):
                    return end
        return None

    def _cash(self, segment: _Segment, primary: ItemMatch | None, passage: int) -> Mention | None:
        """Money seized in a segment ("€3,250 in cash", "3 200 euros en liquide")."""
        doc = self.doc
        lexicon = self.lexicon
        for money in self.money:
            if not (segment.start <= money.start and money.end <= segment.end):
                continue
            if primary is not None and primary.category != "cash" and primary.start < money.start:
                continue  # "cannabis with a street value of €14,000"
            before = doc[segment.start : money.start].text
            after = doc[money.end : min(money.end + 2, len(doc))].text
            exclusions = lexicon.money_exclusions
            if exclusions and (exclusions.search(before) or exclusions.search(after)):
                continue
            if self._priced(money):
                continue
            end = lexicon.cash_markers.match_at(doc, money.end) or money.end
            return Mention(
                "cash",
                None,
                (money.start, end),
                passage,
                amount=money.amount,
                currency=money.currency,
            )
        return None

    def _priced(self, money: Money) -> bool:
        """ "$2,500 each", "for £1,200": a price, not cash."""
        doc = self.doc
        lexicon = self.lexicon
        if lexicon.unit_price.match_at(doc, money.end) is not None:
            return True
        for index in range(max(0, money.start - 3), money.start):
            end = lexicon.price_prepositions.match_at(doc, index)
            opener = lexicon.range_openers.match_at(doc, index)
            if (
                end is not None
                and opener is None
                and _only_approximators(doc, end, money.start, lexicon)
            ):
                return True
        return False


def _only_approximators(doc: Doc, start: int, end: int, lexicon: SeizureLexicon) -> bool:
    """Whether tokens `start`..`end` are nothing but approximators ("around", "environ")."""
    index = start
    while index < end:
        found = lexicon.approximators.match_at(doc, index)
        if found is None:
            return False
        index = found
    return True
