"""Cue rules: lexical cues from the language pack, kept only when the parse makes them facts.

A label ("arrest", "darknet", "3d_printed") has cues written in YAML. The cues find candidate
spans (spaCy `Matcher` patterns on lemmas and forms, or regular expressions); the checks then
read the dependency parse around the cue's head, because news states what did NOT happen as
often as what did: "was not charged", "could face charges", "no evidence that he sold", "whether
the weapons were intended for sale", "previously convicted of a drug offence", "printed guns"
(a description, not a report that someone printed them).

Cue keys (one per cue, any of):
  lemma: [..]    one token whose lemma is listed (with `pos: [..]` to restrict its part of speech)
  lower: [..]    one token whose lower-cased form is listed (with optional `pos`)
  phrase: [..]   token sequences of lower-cased forms ("remanded in custody")
  lemmas: [..]   token sequences of lemmas ("take into custody")
  pattern: [..]  raw spaCy Matcher patterns
  regex: [..]    regular expressions searched (case-insensitively) in each sentence
Conditions on a cue:
  needs: [lexicon..]    the cue's arguments (object, passive subject, "of" complement, the noun a
                        participle qualifies) include a word of one of these lexicons; a cue with
                        no nominal argument needs one in its sentence or the one before
  avoid: [lexicon..]    reject when the arguments include such a word ("supply cannabis")
  context: [lexicon..]  the sentence contains a word of one of these lexicons
  window: n             `context` may also be met in the n sentences before or after
  verbal: true          a participle counts only as a verb ("the guns were printed"), not as an
                        adjective ("printed guns")
  future: true          future or intended actions count ("will be surrendered")
  factual: false        no negation or modality checks (names, descriptions)
  prior: true           reject when qualified as earlier ("previously convicted", "déjà condamné")
  governors: [..]       reject when one of these lemmas governs the cue ("faces up to ten years")
  unless: [label..]     drop the cue when the document has a hit of one of these labels ("ghost
                        gun" is privately made unless the text says it was printed)
A label's `block:` cues veto overlapping cues of that label ("search for the gunman").
Lexicons and modality words come from the pack's `rules.yaml`.
"""

from __future__ import annotations

import re
import re._constants as sre_constants
import re._parser as sre_parser
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import product
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ghostwatch.lang import LanguagePack
from ghostwatch.model import Span as Evidence

#: dependency labels through which an action inherits the modality of what governs it
_GOVERNED = {
    "xcomp",
    "ccomp",
    "acl",
    "pcomp",
    "prep",
    "pobj",
    "dobj",
    "obj",
    "nsubj",
    "nsubjpass",
    "nsubj:pass",
    "obl",
    "obl:arg",
    "obl:mod",
    "obl:agent",
    "nmod",
    "attr",
    "case",
    "mark",
    "oprd",
    "dative",
    "iobj",
    "appos",
    "compound",
    "amod",
    "fixed",
    "flat:name",
    "dep",
}
#: relations through which a complement clause hangs on a verb that may make it hypothetical
_COMPLEMENT = {"xcomp", "ccomp", "acl", "pcomp", "csubj"}
_ARGUMENT = {"dobj", "obj", "nsubjpass", "nsubj:pass", "attr", "oprd", "dative", "iobj"}
_SUBJECT = {"nsubj", "nsubjpass", "nsubj:pass", "expl", "csubj"}
_OF = {"of", "de", "d'", "du", "des", "into"}
_NOMINAL = {"NOUN", "PROPN", "NUM"}
_ADJECTIVAL = {"amod", "compound", "acl", "nmod"}


class DocIndex:
    """Per-Doc lookups the rules need again and again, computed once: the text, the sentences
    with their texts, the sentence of each token and where each lexicon's words are. (spaCy
    rebuilds `Doc.text` and `Span.text` from the tokens on every access.)"""

    KEY = "ghostwatch.index"

    def __init__(self, doc: Doc):
        self.text = doc.text
        self.lowered = self.text.lower()
        self.sentences = list(doc.sents)
        self.texts = [sentence.text for sentence in self.sentences]
        #: each token's lower-cased form and lemma
        self.words = [(token.lower_, token.lemma_.lower()) for token in doc]
        self.sentence_of: list[int] = []
        for index, sentence in enumerate(self.sentences):
            self.sentence_of.extend([index] * len(sentence))
        self.lexicon_positions: dict[tuple[int, str], list[int]] = {}

    @classmethod
    def of(cls, doc: Doc) -> DocIndex:
        index = doc.user_data.get(cls.KEY)
        if index is None or len(index.sentence_of) != len(doc):
            index = doc.user_data[cls.KEY] = cls(doc)
        return index

    def sentence(self, span: Span | Token) -> Span:
        start = span.start if isinstance(span, Span) else span.i
        return self.sentences[self.sentence_of[start]]

    def around(self, sentence: Span, window: int) -> list[Span]:
        """`sentence` and up to `window` sentences on each side of it."""
        position = self.sentence_of[sentence.start]
        low, high = max(0, position - window), min(len(self.sentences), position + window + 1)
        return self.sentences[low:high]


@dataclass(frozen=True)
class Hit:
    """One cue found as a fact: its label and the text that states it."""

    label: str
    span: Span

    @property
    def evidence(self) -> Evidence:
        start, end = self.span.start_char, self.span.end_char
        return Evidence(start=start, end=end, text=DocIndex.of(self.span.doc).text[start:end])

    @property
    def sentence(self) -> Span:
        return DocIndex.of(self.span.doc).sentence(self.span)


class Lexicons:
    """The word families of `rules.yaml`, looked up by lower-cased form or lemma."""

    def __init__(self, section: dict[str, list[str]]):
        self.words = {name: frozenset(w.lower() for w in words) for name, words in section.items()}

    def has(self, token: Token, names: Iterable[str]) -> bool:
        keys = {token.lower_, token.lemma_.lower()}
        if token.i > 0:
            keys.add(f"{token.doc[token.i - 1].lower_} {token.lower_}")
        return any(keys & self.words[name] for name in names)

    def in_span(self, span: Span, names: Iterable[str]) -> bool:
        """Whether a word of one of the `names` lexicons occurs in `span`."""
        index = DocIndex.of(span.doc)
        for name in names:
            key = (id(self), name)
            if key not in index.lexicon_positions:
                words = self.words[name]
                index.lexicon_positions[key] = [
                    i
                    for i, (lower, lemma) in enumerate(index.words)
                    if lower in words
                    or lemma in words
                    or (i and f"{index.words[i - 1][0]} {lower}" in words)
                ]
            positions = index.lexicon_positions[key]
            first = bisect_left(positions, span.start)
            if first < len(positions) and positions[first] < span.end:
                return True
        return False


class Modality:
    """Negation, hypotheses and prior-ness, read from the tokens that govern a cue."""

    def __init__(self, section: dict[str, list[str]]):
        def words(key: str) -> frozenset[str]:
            return frozenset(w.lower() for w in section.get(key) or [])

        self.negation = words("negation")
        self.negative_determiners = words("negative_determiners")
        self.negative_pronouns = words("negative_pronouns")
        self.negative_prepositions = words("negative_prepositions")
        self.modal = words("modal_auxiliaries")
        self.future = words("future_auxiliaries")
        self.conditional = words("conditional_markers")
        self.interrogatives = words("interrogatives")
        self.governors = words("irrealis_governors")
        self.enabling = words("enabling_governors")
        self.prior_words = words("prior")
        self.prior_nouns = words("prior_nouns")

    @staticmethod
    def chain(token: Token) -> list[Token]:
        """`token` and the words governing it up to its clause's verb (and the verbs whose
        complement that clause is), stopping at relative and adverbial clauses."""
        found = [token]
        current = token
        while current.head.i != current.i:
            dep = current.dep_
            if dep == "conj":
                if any(child.dep_ in _SUBJECT for child in current.children):
                    break
            elif dep not in _GOVERNED:
                break
            current = current.head
            found.append(current)
        return found

    def negated(self, token: Token) -> bool:
        for link in self.chain(token):
            for child in link.children:
                word = {child.lower_, child.lemma_.lower()}
                if child.dep_ == "neg" or (
                    word & self.negation and child.dep_ in {"advmod", "cc", "preconj", "dep"}
                ):
                    return True
                if child.dep_ == "det" and word & self.negative_determiners:
                    return True
                if child.dep_ in _SUBJECT and self._negative_noun(child):
                    return True
                if child.dep_ == "case" and word & self.negative_prepositions:
                    return True
            if link.dep_ == "pobj" and link.head.lower_ in self.negative_prepositions:
                return True
        return False

    def _negative_noun(self, noun: Token) -> bool:
        if noun.lower_ in self.negative_pronouns or noun.lemma_.lower() in self.negative_pronouns:
            return True
        return any(c.dep_ == "det" and c.lower_ in self.negative_determiners for c in noun.children)

    def hypothetical(self, token: Token, future_ok: bool = False) -> bool:
        """Whether `token` reports something possible, conditional, intended or (unless
        `future_ok`) future rather than something that happened."""
        links = self.chain(token)
        for index, link in enumerate(links):
            if not future_ok and "Fut" in link.morph.get("Tense"):
                return True
            for child in link.children:
                lemma = child.lemma_.lower()
                if child.dep_.startswith("aux") or child.tag_ == "MD":
                    if lemma in self.modal or child.lower_ in self.modal:
                        return True
                    if not future_ok and (lemma in self.future or child.lower_ in self.future):
                        return True
                    if not future_ok and "Fut" in child.morph.get("Tense"):
                        return True
                if child.dep_ == "mark" and lemma in self.conditional:
                    return True
                if (
                    link.dep_ in _COMPLEMENT
                    and child.dep_ in {"advmod", "mark"}
                    and lemma in self.interrogatives
                ):
                    return True
            if index and links[index - 1].dep_ in _COMPLEMENT | {"obj", "dobj"}:
                lemma = link.lemma_.lower()
                if lemma in self.governors:
                    return True
                if lemma in self.enabling and "Past" not in link.morph.get("Tense"):
                    return True
        return False

    def prior(self, token: Token) -> bool:
        for link in self.chain(token):
            is_prior = link.lemma_.lower() in self.prior_nouns or link.lower_ in self.prior_nouns
            if is_prior and link.i != token.i:
                return True
            for child in link.children:
                if child.dep_ in {"advmod", "amod", "obl:mod", "nmod"} and (
                    child.lower_ in self.prior_words or child.lemma_.lower() in self.prior_words
                ):
                    return True
        return False

    def governed_by(self, token: Token, lemmas: frozenset[str]) -> bool:
        return any(link.lemma_.lower() in lemmas for link in self.chain(token)[1:])


@dataclass(frozen=True)
class Cue:
    label: str
    needs: frozenset[str] = frozenset()
    avoid: frozenset[str] = frozenset()
    context: frozenset[str] = frozenset()
    verbal: bool = False
    future: bool = False
    factual: bool = True
    prior: bool = False
    governors: frozenset[str] = frozenset()
    unless: frozenset[str] = frozenset()
    window: int = 0

    @classmethod
    def read(cls, label: str, data: dict[str, Any]) -> Cue:
        def names(key: str) -> frozenset[str]:
            return frozenset(w.lower() for w in data.get(key) or [])

        return cls(
            label=label,
            needs=names("needs"),
            avoid=names("avoid"),
            context=names("context"),
            verbal=bool(data.get("verbal", False)),
            future=bool(data.get("future", False)),
            factual=bool(data.get("factual", True)),
            prior=bool(data.get("prior", False)),
            governors=names("governors"),
            unless=frozenset(data.get("unless") or []),
            window=int(data.get("window", 0)),
        )


def _plain_first_token(pattern: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """`pattern` as patterns whose first token has plain values instead of `IN` sets: the
    Matcher tests every token against every pattern's first token, and set predicates run in
    Python while plain values are compared in C."""
    first, rest = pattern[0], pattern[1:]
    choices: list[list[tuple[str, Any]]] = []
    for attribute, value in first.items():
        if isinstance(value, dict) and set(value) == {"IN"}:
            choices.append([(attribute, option) for option in value["IN"]])
        else:
            choices.append([(attribute, value)])
    return [[dict(combination), *rest] for combination in product(*choices)]


@dataclass(frozen=True)
class _WordCue:
    """A one-token cue (`lemma:` or `lower:` list), looked up in a dict rather than run through
    the Matcher: hundreds of such words cost the Matcher a predicate per token and pattern."""

    key: str
    pos: frozenset[str]


class RuleSet:
    """The cues of one YAML section (label -> cues), compiled for one spaCy vocabulary."""

    def __init__(self, nlp: Language, pack: LanguagePack, rules: dict[str, Any]):
        shared = pack.section("rules") or {}
        self.lexicons = Lexicons(shared.get("lexicons") or {})
        self.modality = Modality(shared.get("modality") or {})
        self.nlp = nlp
        self.matcher = Matcher(nlp.vocab)
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.by_lemma: dict[str, list[_WordCue]] = {}
        self.by_lower: dict[str, list[_WordCue]] = {}
        self.cues: dict[str, Cue] = {}
        self.regexes: list[tuple[re.Pattern[str], str, tuple[str, ...] | None]] = []
        for label, spec in (rules or {}).items():
            for index, data in enumerate(spec.get("cues") or []):
                key = f"{label}#{index}"
                self.cues[key] = Cue.read(label, data)
                self._add(key, data)
            for index, data in enumerate(spec.get("block") or []):
                self._add(f"{label}#block{index}", data)

    def _add(self, key: str, data: dict[str, Any]) -> None:
        pos = frozenset(data.get("pos") or [])
        for word in data.get("lemma") or []:
            self.by_lemma.setdefault(word.lower(), []).append(_WordCue(key, pos))
        for word in data.get("lower") or []:
            self.by_lower.setdefault(word.lower(), []).append(_WordCue(key, pos))
        patterns = [
            [{"LEMMA": word} for word in phrase.split()] for phrase in data.get("lemmas") or []
        ]
        for pattern in data.get("pattern") or []:
            patterns.extend(_plain_first_token(pattern))
        if patterns:
            self.matcher.add(key, patterns)
        phrases = data.get("phrase") or []
        if phrases:
            # the language's tokenizer splits them as in the text ("mandat d'arrêt": 3 tokens)
            self.phrases.add(key, list(self.nlp.tokenizer.pipe(phrases)))
        for expression in data.get("regex") or []:
            self.regexes.append(
                (re.compile(expression, re.IGNORECASE), key, literal_prefixes(expression))
            )

    def _candidates(self, doc: Doc) -> Iterator[tuple[str, Span]]:
        if self.by_lemma or self.by_lower:
            for i, (lower, lemma) in enumerate(DocIndex.of(doc).words):
                for cue in [*self.by_lower.get(lower, ()), *self.by_lemma.get(lemma, ())]:
                    if not cue.pos or doc[i].pos_ in cue.pos:
                        yield cue.key, doc[i : i + 1]
        for matcher in (self.matcher, self.phrases):
            if len(matcher):
                for match_id, start, end in matcher(doc):
                    yield doc.vocab.strings[match_id], doc[start:end]
        if self.regexes:
            index = DocIndex.of(doc)
            lowered = index.lowered
            regexes = [
                (expression, key)
                for expression, key, prefixes in self.regexes
                if prefixes is None or any(prefix in lowered for prefix in prefixes)
            ]
            for sentence, text in zip(index.sentences, index.texts, strict=True):
                for expression, key in regexes:
                    for found in expression.finditer(text):
                        span = doc.char_span(
                            sentence.start_char + found.start(),
                            sentence.start_char + found.end(),
                            alignment_mode="expand",
                        )
                        if span is not None and len(span):
                            yield key, span

    def hits(self, doc: Doc, keep: Callable[[Span], bool] = lambda span: True) -> list[Hit]:
        """Every cue of `doc` that passes its checks, where `keep` accepts the cue's span."""
        index = DocIndex.of(doc)
        candidates = list(self._candidates(doc))
        blocked: dict[str, set[int]] = {}
        for key, span in candidates:
            label, _, kind = key.partition("#")
            if kind.startswith("block"):
                blocked.setdefault(label, set()).update(range(span.start, span.end))
        found: dict[tuple[str, int, int], tuple[Cue, Hit]] = {}
        for key, span in candidates:
            cue = self.cues.get(key)
            if cue is None or blocked.get(cue.label, set()) & set(range(span.start, span.end)):
                continue
            if not keep(span) or not self.accepts(cue, span, index.sentence(span)):
                continue
            found.setdefault((cue.label, span.start, span.end), (cue, Hit(cue.label, span)))
        present = {cue.label for cue, _ in found.values() if not cue.unless}
        kept = [hit for cue, hit in found.values() if not cue.unless & present]
        return sorted(kept, key=lambda hit: (hit.span.start, hit.label))

    def accepts(self, cue: Cue, span: Span, sentence: Span) -> bool:
        head = span.root
        if cue.context and not any(
            self.lexicons.in_span(near, cue.context)
            for near in DocIndex.of(span.doc).around(sentence, cue.window)
        ):
            return False
        if cue.verbal and not used_as_verb(head):
            return False
        if cue.needs or cue.avoid:
            arguments = argument_nouns(head)
            if cue.avoid and any(self.lexicons.has(t, cue.avoid) for t in arguments):
                return False
            if cue.needs and not self._has_needed(cue, span, sentence, arguments):
                return False
        if not cue.factual:
            return True
        modality = self.modality
        if modality.negated(head) or modality.hypothetical(head, cue.future):
            return False
        if cue.prior and modality.prior(head):
            return False
        return not (cue.governors and modality.governed_by(head, cue.governors))

    def _has_needed(self, cue: Cue, span: Span, sentence: Span, arguments: list[Token]) -> bool:
        nominal = [t for t in arguments if t.pos_ in _NOMINAL or _is_person_pronoun(t)]
        if nominal:
            return any(self.lexicons.has(t, cue.needs) for t in nominal)
        if span.root.pos_ in _NOMINAL:
            return False  # "model hobby supplies": a noun names what it is about
        index = DocIndex.of(span.doc)
        before = index.around(sentence, 1)[0]
        return self.lexicons.in_span(before, cue.needs) or self.lexicons.in_span(
            sentence, cue.needs
        )


def _is_person_pronoun(token: Token) -> bool:
    """ "me", "you", "us", "him", "her": never weapons ("it makes me angry")."""
    if token.pos_ != "PRON":
        return False
    person = token.morph.get("Person")
    return bool(person) and (person[0] in {"1", "2"} or token.lower_ in {"him", "her", "lui"})


def used_as_verb(token: Token) -> bool:
    """False for a participle that only describes a noun ("printed guns", "un pistolet
    fabriqué avec une imprimante"); True for verbs in clauses ("the guns were printed")."""
    if token.pos_ not in {"VERB", "AUX"}:
        return token.pos_ != "ADJ"
    if token.dep_ in {"amod", "compound"}:
        return False
    is_participle = token.tag_ == "VBN" or "Part" in token.morph.get("VerbForm")
    if not is_participle:
        return True
    if any(child.dep_.startswith("aux") for child in token.children):
        return True
    head = token.head
    if token.dep_ == "conj" and head.i != token.i and head.pos_ in {"VERB", "AUX"}:
        return used_as_verb(head)
    return False


def argument_nouns(token: Token) -> list[Token]:
    """What an action applies to: objects, passive subjects, "of"/"de" complements, compounds
    of a noun ("weapons trafficking") and, for a participle or relative clause, the noun it
    qualifies; coordinated actions share them when they have none of their own ("making and
    selling firearms"); conjuncts and quantity nouns' complements are included ("a pile of
    parts", "une dizaine d'armes")."""
    found = _own_arguments(token)
    if not found:
        related = [c for c in token.children if c.dep_ == "conj"]
        if token.dep_ == "conj" and token.head.i != token.i:
            related.append(token.head)
            related.extend(c for c in token.head.children if c.dep_ == "conj" and c.i != token.i)
        for other in related:
            found.extend(_own_arguments(other))
    expanded: list[Token] = []
    for noun in found:
        expanded.append(noun)
        expanded.extend(c for c in noun.children if c.dep_ == "conj")
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in _OF:
                expanded.extend(g for g in child.children if g.dep_ == "pobj")
            elif (child.dep_ == "nmod" and _has_case(child, _OF)) or child.dep_ in {
                "compound",
                "amod",
            }:
                expanded.append(child)
    return expanded


def _own_arguments(head: Token) -> list[Token]:
    found: list[Token] = []
    for child in head.children:
        if child.dep_ in _ARGUMENT or child.dep_ == "obl:arg":
            found.append(child)
        elif child.dep_ == "prep" and child.lower_ in _OF:
            found.extend(g for g in child.children if g.dep_ == "pobj")
        elif (child.dep_ == "nmod" and _has_case(child, _OF)) or (
            child.dep_ == "compound" and head.pos_ in _NOMINAL
        ):
            found.append(child)
    if head.dep_ in {"acl", "relcl", "acl:relcl", "amod"} and head.head.i != head.i:
        found.append(head.head)
    return found


def _has_case(token: Token, words: set[str]) -> bool:
    return any(c.dep_ == "case" and c.lower_ in words for c in token.children)


def labels(hits: Iterable[Hit], order: Iterable[str]) -> list[str]:
    """Distinct labels of `hits`, in the order given (the schema's enum order)."""
    present = {hit.label for hit in hits}
    return [label for label in order if label in present]


#: where components leave the evidence of values the report cannot carry (enum lists)
EVIDENCE_KEY = "ghostwatch.evidence"


def record_evidence(doc: Doc, field: str, values: dict[str, list[Evidence]]) -> None:
    """Keep the evidence of a field's values on the Doc (tests and debugging read it)."""
    doc.user_data.setdefault(EVIDENCE_KEY, {})[field] = values


def recorded_evidence(doc: Doc, field: str) -> dict[str, list[Evidence]]:
    return doc.user_data.get(EVIDENCE_KEY, {}).get(field, {})


def evidence_by_label(hits: Iterable[Hit]) -> dict[str, list[Evidence]]:
    grouped: dict[str, list[Evidence]] = {}
    seen: set[tuple[str, int, int]] = set()
    for hit in hits:
        spans = grouped.setdefault(hit.label, [])
        key = (hit.label, hit.span.start_char, hit.span.end_char)
        if key not in seen:
            seen.add(key)
            spans.append(hit.evidence)
    return grouped


def literal_prefixes(pattern: str) -> tuple[str, ...] | None:
    """Lower-cased strings one of which every match of `pattern` starts with (after anchors
    and lookarounds), or None when the pattern has no such literal start. Documents containing
    none of them skip the pattern: Python's `re` scans alternations slowly."""
    try:
        parsed = sre_parser.parse(pattern, re.IGNORECASE)
    except re.error:
        return None
    prefixes, _ = _sequence_prefixes(list(parsed))
    if not prefixes or not all(prefixes):
        return None
    return tuple(sorted(set(prefixes)))


_MAX_PREFIXES = 200


def _sequence_prefixes(items: list[tuple[Any, Any]]) -> tuple[list[str], bool]:
    """The literal prefixes of a parsed sequence and whether they cover all of it."""
    found = [""]
    for op, value in items:
        if op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            continue
        if op is sre_constants.LITERAL:
            found = [f + chr(value).lower() for f in found]
            continue
        if op is sre_constants.SUBPATTERN:
            alternatives, complete = _sequence_prefixes(list(value[-1]))
        elif op is sre_constants.BRANCH:
            alternatives, complete = [], True
            for branch in value[1]:
                more, whole = _sequence_prefixes(list(branch))
                alternatives.extend(more)
                complete = complete and whole
        elif op is sre_constants.IN and all(o is sre_constants.LITERAL for o, _ in value):
            alternatives, complete = [chr(v).lower() for _, v in value], True
        else:
            return found, False
        found = [f + a for f in found for a in alternatives]
        if not complete or len(found) > _MAX_PREFIXES:
            return found, False
    return found, True
