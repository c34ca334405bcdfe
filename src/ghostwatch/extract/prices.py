"""Prices the case's goods sold for: "resold for 1,000 to 1,500 euros", "à 1 200 euros pièce".

A price is an amount (or a range of two) in a sentence about selling, introduced by a price
preposition ("for", "pour", "between") or followed by a unit word ("each", "l'unité"). Amounts
near values, bail, fines or rewards are not prices, nor are market prices in general ("a weapon
of this type can fetch..."). The item is the noun the price applies to ("$300 for a frame", "sold
the pistols for"), or, for "them", the case's main seized firearm kind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from ghostwatch.extract.evidence import evidence_between
from ghostwatch.extract.money import Money
from ghostwatch.extract.seizure_passages import Passage
from ghostwatch.extract.seizure_phrases import ItemMatch, SeizureDocumentReader
from ghostwatch.model import Price

_OBJECTS = ("dobj", "obj", "nsubjpass", "nsubj:pass", "nsubj")
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "nsubj:pass"})

#: the category of an item noun in a price sentence, decided by the seizure reader
ItemCategory = Callable[[ItemMatch], str | None]
#: the category a price's item takes when the sentence only says "them" or "the devices"
Referent = Callable[[str | None, Token | None], str | None]


@dataclass(frozen=True)
class _Quote:
    low: float
    high: float
    currency: str
    start: int
    end: int


class PriceReader(SeizureDocumentReader):
    """Reads the prices of one parsed document."""

    def prices(
        self,
        passages: list[Passage],
        excluded: set[int],
        category_of: ItemCategory,
        referent: Referent,
    ) -> list[Price]:
        """The prices stated in `passages`; amounts on `excluded` tokens (cash seized) are not."""
        prices: list[Price] = []
        seen: set[tuple[float, float, str, str | None]] = set()
        for passage in passages:
            if passage.heading or self._generic(passage):
                continue
            amounts = [
                money
                for money in self.money
                if passage.start <= money.start
                and money.end <= passage.end
                and money.start not in excluded
            ]
            for quote in self._quotes(amounts):
                price = self._price(quote, passage, category_of, referent)
                if price is None:
                    continue
                key = (price.min, price.max, price.currency, price.item)
                if key not in seen:
                    seen.add(key)
                    prices.append(price)
        return prices

    def _generic(self, passage: Passage) -> bool:
        """A general market price, or a sentence about rewards, fines or support payments."""
        text = passage.span.text
        return any(
            regex is not None and regex.search(text)
            for regex in (self.lexicon.generic_price, self.lexicon.price_exclusions)
        )

    def _quotes(self, amounts: list[Money]) -> list[_Quote]:
        quotes: list[_Quote] = []
        for money in amounts:
            low = self._range_start(money)
            if low is None:
                quotes.append(
                    _Quote(money.amount, money.amount, money.currency, money.start, money.end)
                )
                continue
            value, start = low
            if quotes and quotes[-1].start == start:
                quotes.pop()  # "$75" was the first end of "between $75 and $150"
            if value <= money.amount:
                quotes.append(_Quote(value, money.amount, money.currency, start, money.end))
        return quotes

    def _range_start(self, money: Money) -> tuple[float, int] | None:
        """The lower end of a range ending with `money`: ("1,000" to) "1,500 euros"."""
        doc = self.doc
        lexicon = self.lexicon
        for joiner in range(max(0, money.start - 2), money.start):
            plain = lexicon.range_joiners.match_at(doc, joiner)
            opened = lexicon.range_opened_joiners.match_at(doc, joiner)
            if money.start not in {plain, opened}:
                continue
            low = self._amount_ending_at(joiner)
            if low is None:
                continue
            value, start = low
            if plain != money.start and lexicon.range_openers.match_at(doc, start - 1) is None:
                continue  # "and" makes a range only after "between"
            return value, start
        return None

    def _amount_ending_at(self, end: int) -> tuple[float, int] | None:
        for money in self.money:
            if money.end == end:
                return money.amount, money.start
        for phrase in self.numbers:
            if phrase.end == end:
                return phrase.value, phrase.start
        return None

    def _price(
        self, quote: _Quote, passage: Passage, category_of: ItemCategory, referent: Referent
    ) -> Price | None:
        doc = self.doc
        lexicon = self.lexicon
        before = doc[max(passage.start, quote.start - 6) : quote.start].text
        after = doc[quote.end : min(passage.end, quote.end + 2)].text
        exclusions = lexicon.money_exclusions
        if exclusions and (exclusions.search(before) or exclusions.search(after)):
            return None
        unit_end = lexicon.unit_price.match_at(doc, quote.end)
        sale = self._sale_word(passage, quote)
        if sale is None or not (
            unit_end is not None or self._introduced(quote) or self._governed(quote, sale)
        ):
            return None
        if self._general(sale):
            return None
        end = unit_end or quote.end
        after = self._item_after(end, passage)
        if after is not None:
            end = after.end
        item = after or self._item_of_sale(sale, quote, passage)
        category = category_of(item) if item is not None else None
        target = None if item is not None else self._object(sale) or self._pronoun_near(sale)
        category = referent(category, target)
        if category is None:
            return None  # nothing says what was sold: a house, a line, a service
        first = sale if quote.start - sale.i <= 10 and sale.i < quote.start else doc[quote.start]
        return Price(
            min=quote.low,
            max=quote.high,
            currency=quote.currency,
            item=category,
            evidence=[evidence_between(first, doc[end - 1])],
        )

    def _sale_word(self, passage: Passage, quote: _Quote) -> Token | None:
        """The selling word nearest before the amount, else the first one after it."""
        sales = [token for token in passage.span if self.lexicon.is_sale_word(token)]
        before = [token for token in sales if token.i < quote.start]
        if before:
            return before[-1]
        return sales[0] if sales else None

    def _governed(self, quote: _Quote, sale: Token) -> bool:
        """ "Il revendait ses pistolets 800 euros": the amount depends on the selling verb."""
        if sale.pos_ != "VERB":
            return False
        for token in self.doc[quote.start : quote.end]:
            head = token.head
            on_object = head.head == sale and head.dep_ in _OBJECTS
            if token.dep_ != "conj" and (head == sale or on_object):
                return True  # the amount depends on the verb, or on its object ("ses pistolets")
        return False

    def _introduced(self, quote: _Quote) -> bool:
        """Whether a price preposition comes right before the amount ("for about $250")."""
        doc = self.doc
        lexicon = self.lexicon
        for index in range(max(0, quote.start - 4), quote.start):
            end = lexicon.price_prepositions.match_at(doc, index)
            if end is None or end > quote.start:
                continue
            while end < quote.start:
                found = lexicon.approximators.match_at(doc, end)
                if found is None:
                    break
                end = found
            if end == quote.start:
                return True
        return False

    def _general(self, sale: Token) -> bool:
        """ "A printed switch can sell for...", "un pistolet se revendrait...": a hedged or present
        verb with a generic subject states a market price, not the case's."""
        verb = sale if sale.pos_ in {"VERB", "AUX"} else sale.head
        hedged = (
            self.lexicon.is_modal(verb)
            or any(self.lexicon.is_modal(child) for child in verb.children)
            or "Cnd" in verb.morph.get("Mood")
            or "Pres" in verb.morph.get("Tense")
            or verb.tag_ in {"VBZ", "VBP"}
        )
        subjects = [child for child in verb.children if child.dep_ in _SUBJECTS]
        if not hedged or not subjects or subjects[0].pos_ == "PRON":
            return False
        determiners = [child.lower_ for child in subjects[0].children if child.dep_ == "det"]
        return not any(word in self.lexicon.definite for word in determiners)

    def _item_after(self, end: int, passage: Passage) -> ItemMatch | None:
        """ "$300 for a frame", "for each auto sear": the item right after the amount."""
        index = end
        while index < min(passage.end, end + 4):
            if index in self.item_of:
                return self.item_of[index]
            token = self.doc[index]
            if token.pos_ not in {"ADJ", "PROPN"} and token.dep_ != "compound":
                return None  # only the item's own modifiers may come between
            index += 1
        return None

    def _item_of_sale(self, sale: Token, quote: _Quote, passage: Passage) -> ItemMatch | None:
        """The item sold: in the selling verb's object or subject ("sold [the pistols]"); with no
        such word, the nearest item before the amount. "Sold them" is left to the referent."""
        target = self._object(sale)
        if target is not None:
            for token in target.subtree:
                if token.i in self.item_of:
                    return self.item_of[token.i]
            return None
        for index in range(quote.start - 1, passage.start - 1, -1):
            if index in self.item_of:
                return self.item_of[index]
        return None

    def _pronoun_near(self, sale: Token) -> Token | None:
        """ "Ils les proposaient", "peddling them": a pronoun for the goods, however parsed."""
        doc = self.doc
        for index in range(max(0, sale.i - 2), min(len(doc), sale.i + 3)):
            if doc[index].lower_ in self.lexicon.object_pronouns:
                return doc[index]
        return None

    def _object(self, sale: Token) -> Token | None:
        """What the selling word is about: "sold [the pistols]", "[kits] vendus", "[They] were
        sold"."""
        if sale.dep_ in {"acl", "amod"} and sale.head.pos_ == "NOUN":
            return sale.head
        for dependency in _OBJECTS:  # the object first: the seller is the subject of "sold X"
            for child in sale.children:
                if child.dep_ == dependency and child.pos_ in {"NOUN", "PRON", "NUM", "PROPN"}:
                    return child
        return None
