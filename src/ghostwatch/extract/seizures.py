"""What was seized and how much, and the prices the case's goods sold for.

The component reads every seizure statement of the case's sentences (`seizure_statements`),
keeps the main case's (a roundup's later sections are other cases), decides the firearms the text
leaves open ("four pistols" in a story about printed guns), and merges two statements of one
seizure into one entry. Prices are read after, so that "sold them for..." can take the main
seized firearm kind.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from ghostwatch.extract.component import ExtractionComponent, component
from ghostwatch.extract.evidence import doc_text, evidence_between
from ghostwatch.extract.money import case_country, money_mentions
from ghostwatch.extract.numbers import number_phrases
from ghostwatch.extract.prices import PriceReader
from ghostwatch.extract.seizure_lexicon import SeizureLexicon, seizure_lexicon
from ghostwatch.extract.seizure_passages import Passage, passages
from ghostwatch.extract.seizure_phrases import (
    UNDECIDED_FIREARM,
    ItemMatch,
    ItemPhrases,
    Mention,
    item_matches,
)
from ghostwatch.extract.seizure_statements import SeizureReader
from ghostwatch.extract.state import ExtractionState
from ghostwatch.lang import LanguagePack
from ghostwatch.model import Seizure

#: categories that may name the same things: "the weapon" after "a 3D-printed pistol"
FAMILIES: dict[str, str] = {
    "3d_printed_firearm": "firearm",
    "firearm": "firearm",
    "imitation_firearm": "firearm",
    UNDECIDED_FIREARM: "firearm",
    "3d_printed_part": "part",
    "firearm_part": "part",
}
#: categories whose differently named items are different seizures: "cannabis and cocaine",
#: "a taser and a machete" (firearms and parts are often restated with other nouns)
DISTINCT_BY_NAME = frozenset({"drugs", "other_weapon", "electronics", "explosive", "machine_tool"})
#: firearm kinds, the first seized one being the case's main kind
FIREARM_KINDS = ("3d_printed_firearm", "firearm", "imitation_firearm")
#: headings after the first seizure that make the rest of a document other cases or fact boxes
ROUNDUP_HEADINGS = 2


@component("ghostwatch_seizures")
class SeizureExtractor(ExtractionComponent):
    fills = ("seized", "prices")

    def __init__(self, nlp: Language, name: str, pack: LanguagePack):
        super().__init__(nlp, name, pack)
        self.lexicon: SeizureLexicon = seizure_lexicon(pack.code)

    def fill(self, doc: Doc, state: ExtractionState) -> None:
        lexicon = self.lexicon
        numbers = number_phrases(doc, lexicon.language)
        country = case_country(state.report.countries, doc_text(doc), lexicon)
        money = money_mentions(doc, numbers, lexicon, country)
        items = item_matches(doc, lexicon)
        reader = SeizureReader(doc, lexicon, numbers, money, items)
        found = passages(doc)
        in_case = [index for index, passage in enumerate(found) if self._in_case(passage, state)]
        mentions: list[Mention] = []
        for index in in_case:
            mentions.extend(reader.mentions(found[index], index))
        if any(FAMILIES.get(mention.category) == "firearm" for mention in mentions):
            known = {mention.evidence for mention in mentions}
            for index in in_case:
                carried = reader.carried(found[index], index)
                mentions.extend(m for m in carried if m.evidence not in known)
        mentions = _main_case(mentions, found)
        _decide_firearms(mentions, reader.phrases.printed_theme)
        seized = _merge(mentions, doc)
        state.report.seized = seized
        cash = {
            index
            for mention in mentions
            if mention.category == "cash"
            for index in range(*mention.evidence)
        }
        resolver = _ItemResolver(doc, reader.phrases, mentions, seized)
        priced = [found[index] for index in in_case]
        state.report.prices = PriceReader(doc, lexicon, numbers, money, items).prices(
            priced, cash, resolver.category_of, resolver.referent
        )

    def _in_case(self, passage: Passage, state: ExtractionState) -> bool:
        background = self.lexicon.background
        if background is not None and background.search(passage.span.text.strip()):
            return False
        return all(state.in_case(part) for part in passage.parts)


def _main_case(mentions: list[Mention], found: list[Passage]) -> list[Mention]:
    """Only the first case of a roundup: mentions before the headings that follow it."""
    if not mentions:
        return mentions
    first = min(mention.passage for mention in mentions)
    headings = [index for index, passage in enumerate(found) if passage.heading and index > first]
    if len(headings) < ROUNDUP_HEADINGS:
        return mentions
    return [mention for mention in mentions if mention.passage < headings[0]]


def _decide_firearms(mentions: list[Mention], printed_theme: bool) -> None:
    """ "Four pistols": conventional beside printed ones in the same sentence, printed in a story
    about printed weapons, conventional otherwise."""
    printed_passages = {m.passage for m in mentions if m.category == "3d_printed_firearm"}
    for mention in mentions:
        if mention.category != UNDECIDED_FIREARM:
            continue
        if mention.passage in printed_passages or not printed_theme:
            mention.category = "firearm"
        else:
            mention.category = "3d_printed_firearm"


def _merge(mentions: list[Mention], doc: Doc) -> list[Seizure]:
    """One entry per seizure. Counted items listed apart in one sentence are distinct ("a
    revolver, a shotgun" are two entries); an equal count of one kind in another sentence
    restates a seizure already counted, uncounted items of one kind are one entry ("des livres
    et des drapeaux"), and "the pistol" joins its antecedent."""
    entries: list[tuple[tuple, set[int], Seizure]] = []
    ordered = sorted(mentions, key=lambda mention: (mention.definite, mention.evidence))
    for mention in ordered:
        span = evidence_between(doc[mention.evidence[0]], doc[mention.evidence[1] - 1])
        name = mention.head if mention.category in DISTINCT_BY_NAME else ""
        key = (mention.category, mention.quantity, mention.amount, mention.currency, name)
        target = next(
            (
                (passages, entry)
                for entry_key, passages, entry in entries
                if entry_key == key
                and (mention.quantity is None or mention.passage not in passages)
            ),
            None,
        )
        if target is None and mention.definite:
            target = _antecedent(mention, entries)
        if target is None:
            entry = Seizure(
                category=mention.category,
                quantity=mention.quantity,
                amount=mention.amount,
                currency=mention.currency,
                qualifier=mention.qualifier,
                evidence=[span],
            )
            entries.append((key, {mention.passage}, entry))
            continue
        passages, entry = target
        passages.add(mention.passage)
        if span not in entry.evidence:
            entry.evidence.append(span)
            entry.qualifier = entry.qualifier or mention.qualifier
    return sorted((entry for _, _, entry in entries), key=lambda entry: entry.evidence[0].start)


def _antecedent(
    mention: Mention, entries: list[tuple[tuple, set[int], Seizure]]
) -> tuple[set[int], Seizure] | None:
    """The entry "the pistol" refers to: the same category, else the same family."""
    family = FAMILIES.get(mention.category)
    for same in (
        lambda entry: entry.category == mention.category,
        lambda entry: family is not None and FAMILIES.get(entry.category) == family,
    ):
        for _, seen_in, entry in entries:
            if same(entry):
                return seen_in, entry
    return None


class _ItemResolver:
    """The category of a price's item, from the price sentence and what the case seized."""

    def __init__(self, doc: Doc, phrases: ItemPhrases, mentions: list[Mention], seized: list):
        self.doc = doc
        self.phrases = phrases
        self.mentions = mentions
        self.seized: list[str] = [entry.category for entry in seized]

    def category_of(self, item: ItemMatch) -> str | None:
        doc = self.doc
        root = doc[item.start : item.end].root
        left = max(root.left_edge.i, item.start - 6)
        right = min(root.right_edge.i + 1, item.end + 6)
        return self.phrases.category(item, doc[left:right].text)

    def referent(self, category: str | None, target: Token | None) -> str | None:
        """The category of a price's item; None when the sentence does not say what was sold."""
        if category is None and target is not None:
            if target.pos_ == "PRON" or target.lower_ in self.phrases.lexicon.object_pronouns:
                return self._main_firearm()  # "sold them for..."
            lemmas = {token.lemma_.lower() for token in target.subtree if token.pos_ == "NOUN"}
            category = next((m.category for m in self.mentions if m.head in lemmas), None)
        if category is None:
            return None
        if category in self.seized:
            return category
        family = FAMILIES.get(category)
        sibling = next((seized for seized in self.seized if FAMILIES.get(seized) == family), None)
        if sibling is not None and category in {UNDECIDED_FIREARM, "firearm_part"}:
            return sibling
        if category == UNDECIDED_FIREARM:
            return "3d_printed_firearm" if self.phrases.printed_theme else "firearm"
        return category

    def _main_firearm(self) -> str | None:
        """The case's main seized firearm kind, or the printed one in a printed-gun story."""
        kind = next((seized for seized in self.seized if seized in FIREARM_KINDS), None)
        if kind is not None:
            return kind
        return "3d_printed_firearm" if self.phrases.printed_theme else None
