"""Item noun phrases: what a phrase of a seizure list seized, and how many.

Item nouns come from the pack's lexicon ("3D printers", "armes de poing", "auto sears"). Around
each, the phrase says the count ("twenty-four", "une cinquantaine de", "more than 440", "a" for
one, nothing for a plural), the weight of drugs ("1.2kg of cocaine"), whether the item is printed
or conventional ("seven complete 3D weapons", "twenty-four conventional weapons") and what the
analyst keeps as its qualifier. A noun that only describes another one ("a gun safe", "un atelier
d'armes", "printed components for a firearm") is not an item of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Token

from ghostwatch.extract.evidence import doc_text
from ghostwatch.extract.money import Money
from ghostwatch.extract.numbers import NumberPhrase
from ghostwatch.extract.seizure_lexicon import SeizureLexicon
from ghostwatch.extract.seizure_passages import starts_sentence
from ghostwatch.text.anchors import may_match
from ghostwatch.text.numbers import as_int

#: category of a firearm noun the phrase leaves open ("four pistols"): decided per document
UNDECIDED_FIREARM = "firearm?"

_QUOTES = frozenset({'"', "“", "”", "«", "»"})
_NOT_COUNTED_ENTITIES = frozenset({"DATE", "TIME", "PERCENT"})
#: dependencies of a noun modifying the next noun ("3D" in "3D-printed", "pistol" in "pistol frame")
_NOUN_MODIFIERS = frozenset({"compound", "npadvmod", "amod", "nmod:poss"})


@dataclass(frozen=True)
class ItemMatch:
    category: str  # the lexicon's category (firearm, generic_part, drugs...)
    start: int
    end: int


@dataclass
class Mention:
    """One item kind as one segment of a seizure statement names it."""

    category: str
    quantity: int | None
    evidence: tuple[int, int]  # token range
    passage: int
    qualifier: str | None = None
    amount: float | None = None
    currency: str | None = None
    definite: bool = False  # "the pistol": probably an item already counted
    head: str = ""  # lemma of the item noun, for "the devices" in a price sentence


def item_matches(doc: Doc, lexicon: SeizureLexicon) -> list[ItemMatch]:
    """Item nouns of the lexicon in `doc`, longest first where they overlap."""
    found: list[tuple[int, int, str]] = []
    text = doc_text(doc)
    lowered = text.lower()
    for pattern in lexicon.items:
        if not may_match(pattern.anchors, lowered):
            continue
        for match in pattern.regex.finditer(text):
            found.append((match.start(), match.end(), pattern.category))
    found.sort(key=lambda item: (item[0], item[0] - item[1]))
    matches: list[ItemMatch] = []
    taken_until = -1
    for start, end, category in found:
        if start < taken_until:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or (matches and span.start < matches[-1].end):
            continue
        matches.append(ItemMatch(category, span.start, span.end))
        taken_until = end
    return matches


@dataclass(frozen=True)
class _Count:
    quantity: int | None
    start: int  # first token of the item's phrase: figure, approximator or determiner
    weight: str | None = None  # "1.2kg", "250 grammes": a weighed item is not counted
    definite: bool = False


class SeizureDocumentReader:
    """What every seizure reader of one document starts from: the parse, the lexicon, and the
    numbers, money and item nouns found in it (read once by the component), with the item and
    the money mention each token belongs to."""

    def __init__(
        self,
        doc: Doc,
        lexicon: SeizureLexicon,
        numbers: list[NumberPhrase],
        money: list[Money],
        items: list[ItemMatch],
    ):
        self.doc = doc
        self.lexicon = lexicon
        self.numbers = numbers
        self.money = money
        self.items = items
        self.item_of: dict[int, ItemMatch] = {
            index: item for item in items for index in range(item.start, item.end)
        }
        self.money_of: dict[int, Money] = {
            index: mention for mention in money for index in mention.tokens()
        }


class ItemPhrases(SeizureDocumentReader):
    """Reads the item phrases of one parsed document."""

    @cached_property
    def printed_theme(self) -> bool:
        """Whether the document speaks of printed firearms at all (decides undecided nouns)."""
        theme = self.lexicon.printed_theme
        return bool(theme and theme.search(doc_text(self.doc)))

    def describes_other_noun(self, item: ItemMatch) -> bool:
        """ "a gun factory", "un atelier d'armes", "weapons seizures": the item word qualifies
        another noun, which is not a seized item."""
        doc = self.doc
        root = doc[item.start : item.end].root
        if (
            root.dep_ in {"compound", "nmod:poss"}
            and not (item.start <= root.head.i < item.end)
            and root.head.pos_ in {"NOUN", "PROPN"}
        ):
            return True  # "a gun safe", "handgun rounds": the head noun is what was seized
        after = item.end
        while after < len(doc) and after not in self.item_of and _modifies_noun(doc[after]):
            after += 1
        if after < len(doc) and after in self.item_of and doc[after - 1].text not in {",", "-"}:
            return True  # "AR-15 lower receiver", "printer filament": the last noun is the item
        before = item.start - 1
        while before > 0 and _modifies_noun(doc[before]):
            before -= 1
        if before < 1 or doc[before].lower_ not in self.lexicon.linking:
            return False
        noun = doc[before - 1]
        if noun.pos_ not in {"NOUN", "PROPN"} or noun.i in self.item_of:
            return False
        word = noun.lower_
        lexicon = self.lexicon
        counted = word in lexicon.measures or word in lexicon.vague or noun.like_num
        return not (counted or word in lexicon.approximate or lexicon.is_trigger_word(noun))

    def mention(self, item: ItemMatch, start: int, end: int, passage: int) -> Mention | None:
        doc = self.doc
        phrase_text = doc[start:end].text
        category = self.category(item, phrase_text)
        if category is None or self._negative(start, item):
            return None
        count = self._count(start, item)
        root = doc[item.start : item.end].root
        qualifier = self._qualifier(category, item, phrase_text, count.weight)
        return Mention(
            category,
            count.quantity,
            (count.start, self._evidence_end(count.start, item, end)),
            passage,
            qualifier=qualifier,
            definite=count.definite,
            head=root.lemma_.lower(),
        )

    def _negative(self, start: int, item: ItemMatch) -> bool:
        words = self.lexicon.negations
        return any(token.lower_ in words for token in self.doc[start : item.start])

    def category(self, item: ItemMatch, phrase: str) -> str | None:
        """The seized category of an item noun, from the markers of its phrase."""
        lexicon = self.lexicon

        def has(marker) -> bool:
            return bool(marker and marker.search(phrase))

        printed = has(lexicon.printed)
        if item.category == "firearm":
            if has(lexicon.imitation):
                return "imitation_firearm"
            if printed:
                return "3d_printed_firearm"
            return "firearm" if has(lexicon.not_printed) else UNDECIDED_FIREARM
        if item.category == "firearm_part":
            return "3d_printed_part" if printed else "firearm_part"
        if item.category == "generic_part":
            if printed:
                return "3d_printed_part"
            if has(lexicon.firearm_words):
                return "firearm_part"
            return "3d_printed_part" if self.printed_theme else None
        return item.category

    def _count(self, start: int, item: ItemMatch) -> _Count:
        """How many of the item the phrase from `start` says, and where the phrase starts."""
        doc = self.doc
        lexicon = self.lexicon
        candidates = [
            phrase
            for phrase in self.numbers
            if start <= phrase.start and phrase.end <= item.start and self._counts(phrase)
        ]
        if candidates:
            phrase = candidates[-1]
            phrase_start = self._approximated(phrase.start, start)
            following = doc[phrase.end] if phrase.end < len(doc) else None
            if following is not None and following.lower_ in lexicon.weights:
                weight = doc[phrase.start : phrase.end + 1].text
                return _Count(None, phrase_start, weight=weight)
            if self._attaches(phrase, item):
                before = doc[phrase.start - 1] if phrase.start > start else None
                words = phrase.span(doc).text.replace("-", "").replace(" ", "").isalpha()
                if before is not None and before.lower_ in lexicon.vague and words:
                    return _Count(None, before.i)  # "several hundred rounds"
                return _Count(as_int(phrase.value), phrase_start)
        vague = [i for i in range(start, item.start) if doc[i].lower_ in lexicon.vague]
        if vague:
            first = vague[-1]
            while first - 1 >= start and doc[first - 1].lower_ in lexicon.vague:
                first -= 1
            return _Count(None, first)
        measured = self._measured(start, item)
        if measured is not None:
            return measured
        determiner = self._determiner(start, item)
        if determiner is None:
            return _Count(None, self._modifiers_start(start, item.start))
        word = doc[determiner].lower_
        root = doc[item.start : item.end].root
        plural = "Plur" in root.morph.get("Number") or root.tag_ in {"NNS", "NNPS"}
        quantity = 1 if word in lexicon.singular and not plural else None
        return _Count(quantity, determiner, definite=word in lexicon.definite)

    def _measured(self, start: int, item: ItemMatch) -> _Count | None:
        """ "A kilo of heroin", "two boxes of ammunition": a quantity of a measure, not of items."""
        doc = self.doc
        lexicon = self.lexicon
        of = self._modifiers_start(start, item.start) - 1
        if of - 1 < start or doc[of].lower_ not in lexicon.linking:
            return None
        if any(token.pos_ in {"DET", "NUM"} for token in doc[of + 1 : item.start]):
            return None  # "in possession of a loaded handgun": the item is counted itself
        measure = doc[of - 1]
        if measure.lower_ not in lexicon.measures:
            return None
        first = self._modifiers_start(start, measure.i)
        if first > start and doc[first - 1].pos_ in {"DET", "NUM"}:
            first = self._approximated(first - 1, start)
        if first in self.money_of:
            first = self.money_of[first].start  # "£5,000 worth of cannabis"
        weight = doc[first : measure.i + 1].text if measure.lower_ in lexicon.weights else None
        return _Count(None, first, weight=weight)

    def _approximated(self, index: int, start: int) -> int:
        """The start of "more than 40", "près de 90", "a dozen": what qualifies a figure."""
        doc = self.doc
        approximate = index > start and doc[index].lower_ in self.lexicon.approximate
        if approximate and doc[index - 1].lower_ in self.lexicon.singular:
            return index - 1
        for before in range(max(start, index - 3), index):
            if self.lexicon.approximators.match_at(self.doc, before) == index:
                return before
        return index

    def _modifiers_start(self, start: int, index: int) -> int:
        while index > start and (index - 1 in self.item_of or _modifies_noun(self.doc[index - 1])):
            index -= 1
        return index

    def _attaches(self, phrase: NumberPhrase, item: ItemMatch) -> bool:
        """Whether the number counts the item: only modifiers between them ("two so-called
        switches", "une cinquantaine de cartouches"), not another noun ("un colis contenant")."""
        doc = self.doc
        lexicon = self.lexicon
        last = doc[phrase.end - 1].lower_
        for index in range(phrase.end, item.start):
            token = doc[index]
            counted_of = (
                index == phrase.end
                and token.lower_ in lexicon.linking
                and (last in lexicon.approximate or last in lexicon.vague)
            )
            if counted_of:
                continue
            if token.pos_ in {"DET", "NUM"} or not _modifies_noun(token):
                return False
        return True

    def _counts(self, phrase: NumberPhrase) -> bool:
        """Whether a number phrase counts items (not "AR-15", "9mm", "Glock 19", a date)."""
        doc = self.doc
        first, last = doc[phrase.start], doc[phrase.end - 1]
        if any(index in self.money_of for index in range(phrase.start, phrase.end)):
            return False
        if first.ent_type_ in _NOT_COUNTED_ENTITIES:
            return False
        if self._calibre_after(phrase.end):
            return False
        if phrase.start > 0:
            previous = doc[phrase.start - 1]
            if previous.text in {"-", "."} and not previous.whitespace_:
                return False  # "AR-15", ".38"
            if first.text.startswith("."):
                return False
            if first.is_digit and previous.pos_ == "PROPN" and previous.i not in self.item_of:
                return False
        return not (last.text.endswith("mm") and last.text[:-2].isdigit())

    def _calibre_after(self, index: int) -> bool:
        """Whether a calibre unit follows ("9mm", ".45-caliber", "12-gauge")."""
        doc = self.doc
        if index + 1 < len(doc) and doc[index].text == "-":
            unit = doc[index + 1].lower_
            return unit in self.lexicon.calibres or unit in self.lexicon.capacities
        return index < len(doc) and doc[index].lower_ in self.lexicon.calibres

    def _determiner(self, start: int, item: ItemMatch) -> int | None:
        """The determiner of the item's noun phrase ("a", "the", "l'"), if any."""
        doc = self.doc
        index = item.start - 1
        while index >= start:
            token = doc[index]
            calibre = token.like_num and self._calibre_after(index + 1)
            glued = token.text in {"-", "."} and not token.whitespace_  # ".32", "45-caliber"
            if (
                calibre
                or (glued and index + 1 < len(doc) and doc[index + 1].like_num)
                or (token.text == "-" and index > start and doc[index - 1].like_num)
            ):
                index -= 1  # "a 9mm handgun", "a .45-caliber pistol"
                continue
            if index in self.item_of:
                index = self.item_of[index].start - 1  # "a 3D-printed AR-15 lower receiver"
                continue
            if token.pos_ in {"DET", "NUM"} or not _modifies_noun(token):
                return index if token.pos_ in {"DET", "PRON", "NUM"} else None
            index -= 1
        return None

    def _qualifier(
        self, category: str, item: ItemMatch, phrase: str, weight: str | None
    ) -> str | None:
        parts: list[str] = []
        if category in self.lexicon.named_categories:
            parts.append(self.doc[item.start : item.end].text)
        elif self.lexicon.qualifiers is not None:
            for found in self.lexicon.qualifiers.finditer(phrase):
                if found.group(0).lower() not in (part.lower() for part in parts):
                    parts.append(found.group(0))
        if weight:
            parts.append(weight)
        return ", ".join(parts) or None

    def _evidence_end(self, start: int, item: ItemMatch, end: int) -> int:
        """Where an item's evidence ends: its noun and what describes it, not the place it was
        found in nor the verb after it ("a 3D printer in the bedroom", "... ont été saisis")."""
        doc = self.doc
        limit = min(end, item.end + 8)
        index = item.end
        while index < limit and not self._ends_description(doc[index]):
            index += 1
        while index > item.end and (
            (doc[index - 1].is_punct and not self._closes_quote(start, index))
            or doc[index - 1].is_space
            or doc[index - 1].pos_ in {"ADP", "DET", "CCONJ"}
        ):
            index -= 1
        return index

    def _ends_description(self, token: Token) -> bool:
        if token.text == "," or self.is_relative(token) or token.pos_ in {"AUX", "CCONJ"}:
            return True
        if token.ent_type_ in _NOT_COUNTED_ENTITIES:
            return True  # "a weapon Friday"
        if starts_sentence(token):
            return True
        if token.pos_ == "VERB" and "Fin" in token.morph.get("VerbForm"):
            return True
        if token.lower_ in self.lexicon.evidence_stops and token.i + 1 < len(self.doc):
            return self.doc[token.i + 1].pos_ in {"DET", "PRON", "PROPN"}
        return False

    def _closes_quote(self, start: int, end: int) -> bool:
        """Whether the token before `end` closes a quote opened in the evidence."""
        text = self.doc[start:end].text
        return self.doc[end - 1].text in _QUOTES and sum(text.count(q) for q in _QUOTES) % 2 == 0

    def is_relative(self, token: Token) -> bool:
        if token.lower_ in self.lexicon.free_relatives:
            return False
        return token.tag_ in {"WDT", "WP", "WP$"} or "Rel" in token.morph.get("PronType")


def _modifies_noun(token: Token) -> bool:
    """Tokens found between a determiner or preposition and its noun."""
    if token.is_space:
        return False
    doc = token.doc
    hyphenated = (
        token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_
    ) or (token.i + 1 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_)
    return (
        hyphenated  # "sawn-off", "semi-automatic"
        or token.pos_ in {"ADJ", "ADV", "NUM", "DET", "PROPN"}
        or token.tag_ in {"VBN", "VBG"}
        or (token.is_punct and token.text in {"-", '"', "“", "”", "«", "»"})
        or (token.pos_ == "NOUN" and token.dep_ in _NOUN_MODIFIERS)
    )
