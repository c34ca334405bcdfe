"""The seizure and price vocabulary of one language, compiled from its pack's `seizures.yaml`.

Everything a reader of seizure statements needs to know about words lives in the YAML: item nouns
by category, the markers that make a firearm printed or conventional, the words that open,
separate and close a list of seized items, currencies and the cues of a sale. This module only
compiles it into regular expressions and word sets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

from spacy.tokens import Doc, Token

from ghostwatch.extract.evidence import doc_text
from ghostwatch.lang import load_pack
from ghostwatch.text.anchors import anchors_of


def _alternation(patterns: list[str]) -> str:
    return "|".join(f"(?:{pattern})" for pattern in patterns)


def _whole_words(patterns: list[str]) -> re.Pattern[str] | None:
    """A regex finding any of `patterns` as whole words (not inside "gunshot" or "ghost-gun")."""
    if not patterns:
        return None
    return re.compile(rf"(?<![\w-])(?:{_alternation(patterns)})(?![\w])", re.I)


def _token_regex(patterns: list[str]) -> re.Pattern[str] | None:
    return re.compile(_alternation(patterns), re.I) if patterns else None


class Phrases:
    """Words or multi-word phrases (regexes) recognised where they start at a token."""

    def __init__(self, patterns: list[str]):
        # a phrase ends at a word boundary, or on punctuation ("-" in "1,000-1,500")
        boundary = r"(?:(?<!\w)|(?!\w))"
        self.regex = (
            re.compile(f"(?:{_alternation(patterns)}){boundary}", re.I) if patterns else None
        )

    def match_at(self, doc: Doc, index: int) -> int | None:
        """The end token (exclusive) of a phrase starting at token `index`, or None."""
        if self.regex is None or index >= len(doc):
            return None
        token = doc[index]
        found = self.regex.match(doc_text(doc), token.idx)
        if found is None or found.end() <= token.idx:
            return None
        span = doc.char_span(token.idx, found.end())
        return span.end if span is not None else None


@dataclass(frozen=True)
class ItemPattern:
    category: str
    regex: re.Pattern[str]

    @cached_property
    def anchors(self) -> tuple[str, ...]:
        return anchors_of(self.regex)


@dataclass(frozen=True)
class Currency:
    """A currency form: `after` matches it right after a figure, `before` right before one."""

    code: str
    after: re.Pattern[str]
    before: re.Pattern[str]

    @classmethod
    def compile(cls, pattern: str, code: str) -> Currency:
        return cls(
            code,
            re.compile(rf"[^\S\n]*(?:{pattern})(?:(?<!\w)|(?!\w))", re.I),
            re.compile(rf"(?<!\w)(?:{pattern})[^\S\n]*$", re.I),
        )


def _words(values: list[str] | None) -> frozenset[str]:
    return frozenset(value.lower() for value in values or [])


@dataclass(frozen=True)
class SeizureLexicon:
    language: str
    trigger_words: re.Pattern[str]
    trigger_phrases: Phrases
    negations: frozenset[str]
    containers: re.Pattern[str]
    contain_words: re.Pattern[str]
    intent_verbs: frozenset[str]
    conditionals: frozenset[str]
    complementizers: frozenset[str]
    place_senses: Phrases
    found_states: frozenset[str]
    civilians: frozenset[str]
    background: re.Pattern[str] | None
    items: tuple[ItemPattern, ...]
    printed_theme: re.Pattern[str] | None
    linking: frozenset[str]
    printed: re.Pattern[str] | None
    not_printed: re.Pattern[str] | None
    imitation: re.Pattern[str] | None
    firearm_words: re.Pattern[str] | None
    qualifiers: re.Pattern[str] | None
    named_categories: frozenset[str]
    subset: Phrases
    accompanying: Phrases
    fitted_with: Phrases
    made_from: Phrases
    separators: Phrases
    clause_breaks: Phrases
    free_relatives: frozenset[str]
    evidence_stops: frozenset[str]
    measures: frozenset[str]
    weights: frozenset[str]
    calibres: frozenset[str]
    capacities: frozenset[str]
    definite: frozenset[str]
    singular: frozenset[str]
    vague: frozenset[str]
    approximate: frozenset[str]
    approximators: Phrases
    currencies: tuple[Currency, ...]
    currency_by_country: dict[str, dict[str, str]]
    country_cues: tuple[tuple[str, re.Pattern[str]], ...]
    multipliers: dict[str, float]
    cash_markers: Phrases
    money_exclusions: re.Pattern[str] | None
    sale_words: re.Pattern[str] | None
    price_prepositions: Phrases
    unit_price: Phrases
    range_joiners: Phrases
    range_opened_joiners: Phrases
    range_openers: Phrases
    modals: re.Pattern[str] | None
    object_pronouns: frozenset[str]
    generic_price: re.Pattern[str] | None
    price_exclusions: re.Pattern[str] | None

    def is_trigger_word(self, token: Token) -> bool:
        return self.trigger_words.fullmatch(token.lower_) is not None

    def is_container(self, token: Token) -> bool:
        return self.containers.fullmatch(token.lower_) is not None

    def is_contain_word(self, token: Token) -> bool:
        return self.contain_words.fullmatch(token.lower_) is not None

    def is_sale_word(self, token: Token) -> bool:
        regex = self.sale_words
        return regex is not None and (
            regex.fullmatch(token.lower_) is not None
            or regex.fullmatch(token.lemma_.lower()) is not None
        )

    def is_modal(self, token: Token) -> bool:
        return self.modals is not None and self.modals.fullmatch(token.lower_) is not None

    def currency_code(self, code: str, country: str | None) -> str:
        """The ISO code for a currency form, resolving "$" or "kroner" by the case's country."""
        by_country = self.currency_by_country.get(code)
        if by_country is None:
            return code
        return by_country.get(country or "", by_country["default"])


@cache
def seizure_lexicon(language: str) -> SeizureLexicon:
    """The compiled `seizures` section of `language`'s pack (with its `numbers` words)."""
    pack = load_pack(language)
    data = pack.section("seizures")
    if not data:
        raise ValueError(f"language pack {language!r} has no seizures.yaml")
    numbers = pack.section("numbers") or {}
    items = tuple(
        ItemPattern(category, re.compile(rf"(?<![\w-])(?:{pattern})(?![\w])", re.I))
        for category, patterns in data["items"].items()
        for pattern in patterns
    )
    currencies = tuple(
        Currency.compile(entry["pattern"], entry["code"]) for entry in data["currencies"]
    )
    cues = tuple(
        (country, re.compile(rf"(?<![\w]){_alternation(patterns)}(?![\w])"))
        for country, patterns in (data.get("country_cues") or {}).items()
    )
    return SeizureLexicon(
        language=language,
        trigger_words=re.compile(_alternation(data["trigger_words"]), re.I),
        trigger_phrases=Phrases(data.get("trigger_phrases") or []),
        negations=_words(data.get("negations")),
        containers=re.compile(_alternation(data["containers"]), re.I),
        contain_words=re.compile(_alternation(data["contain_words"]), re.I),
        intent_verbs=_words(data.get("intent_verbs")),
        conditionals=_words(data.get("conditionals")),
        complementizers=_words(data.get("complementizers")),
        place_senses=Phrases(data.get("place_senses") or []),
        found_states=_words(data.get("found_states")),
        civilians=_words(data.get("civilians")),
        background=_token_regex(data.get("background") or []),
        items=items,
        printed_theme=_whole_words(data.get("printed_theme") or []),
        linking=_words(data.get("linking")),
        printed=_whole_words(data.get("printed") or []),
        not_printed=_whole_words(data.get("not_printed") or []),
        imitation=_whole_words(data.get("imitation") or []),
        firearm_words=_whole_words(data.get("firearm_words") or []),
        qualifiers=_whole_words(data.get("qualifiers") or []),
        named_categories=frozenset(data.get("named_categories") or []),
        subset=Phrases(data.get("subset") or []),
        accompanying=Phrases(data.get("accompanying") or []),
        fitted_with=Phrases(data.get("fitted_with") or []),
        made_from=Phrases(data.get("made_from") or []),
        separators=Phrases(data.get("separators") or []),
        clause_breaks=Phrases(data.get("clause_breaks") or []),
        free_relatives=_words(data.get("free_relatives")),
        evidence_stops=_words(data.get("evidence_stops")),
        measures=_words(data.get("measures")),
        weights=_words(data.get("weights")),
        calibres=_words(data.get("calibres")),
        capacities=_words(data.get("capacities")),
        definite=_words(data.get("definite")),
        singular=_words(data.get("singular")),
        vague=_words(numbers.get("vague_plural")),
        approximate=_words(list(numbers.get("approximate") or {})),
        approximators=Phrases([re.escape(word) for word in numbers.get("approximators") or []]),
        currencies=currencies,
        currency_by_country=data.get("currency_by_country") or {},
        country_cues=cues,
        multipliers={k.lower(): float(v) for k, v in (data.get("multipliers") or {}).items()},
        cash_markers=Phrases(data.get("cash_markers") or []),
        money_exclusions=_whole_words(data.get("money_exclusions") or []),
        sale_words=_token_regex(data.get("sale_verbs") or []),
        price_prepositions=Phrases(data.get("price_prepositions") or []),
        unit_price=Phrases(data.get("unit_price") or []),
        range_joiners=Phrases([re.escape(w) for w in data.get("range_joiners") or []]),
        range_opened_joiners=Phrases(data.get("range_opened_joiners") or []),
        range_openers=Phrases(data.get("range_openers") or []),
        modals=_token_regex(data.get("modals") or []),
        object_pronouns=_words(data.get("object_pronouns")),
        generic_price=_token_regex(data.get("generic_price") or []),
        price_exclusions=_whole_words(data.get("price_exclusions") or []),
    )
