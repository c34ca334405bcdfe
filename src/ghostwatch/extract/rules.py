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
  not_by: [lexicon..]   reject when the one doing the action is a word of these lexicons or
                        "he"/"she"/"I"/"you" ("the boy found the gun" is no police seizure);
                        the doer of a verb with no subject is that of the clause it hangs on
  unless: [label..]     drop the cue when the document has a hit of one of these labels ("ghost
                        gun" is privately made unless the text says it was printed)
A label's `block:` cues veto overlapping cues of that label ("search for the gunman").
Overlapping cues of one label state one fact: a cue inside a longer one gives way to it ("separate
parcels" in "in separate parcels"), and of cues that only partly overlap the first-listed wording
stands (packs list the most telling wording first: "détention provisoire" before "placé en
détention").
Lexicons and modality words come from the pack's `rules.yaml`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import product
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ghostwatch.extract.evidence import doc_text, sentences
from ghostwatch.extract.state import EXTENSION
from ghostwatch.lang import LanguagePack
from ghostwatch.model import Span as Evidence
from ghostwatch.text.anchors import anchors_of, may_match

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
#: relations of a clause that is what a verb is about ("found that...", "found him shot")
_CLAUSAL_OBJECTS = {"ccomp", "xcomp", "oprd"}
_ADJECTIVAL = {"amod", "compound", "acl", "nmod"}


class DocIndex:
    """Per-Doc lookups the rules need again and again, computed once: the text, the sentences
    with their texts, the sentence of each token and where each lexicon's words are. (spaCy
    rebuilds `Doc.text` and `Span.text` from the tokens on every access.)"""

    KEY = "ghostwatch.index"

    def __init__(self, doc: Doc):
        self.text = doc_text(doc)
        self.lowered = self.text.lower()
        self.sentences = sentences(doc)
        self.texts = [sentence.text for sentence in self.sentences]
        self.lowered_texts = [text.lower() for text in self.texts]
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
    #: the place of the matching wording in the pack (lower first), to choose between overlaps
    rank: int = 0

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
        self.irrealis_modifiers = words("irrealis_modifiers")
        self.pending_markers = words("pending_markers")
        self.irrealis_prepositions = words("irrealis_prepositions")

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
        if any(
            child.dep_ in {"amod", "advmod"} and child.lemma_.lower() in self.irrealis_modifiers
            for child in token.children
        ):
            return True
        if self._pending(links[-1]):
            return True
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
            if index and (
                links[index - 1].dep_ in _COMPLEMENT | {"obj", "dobj"}
                or (
                    links[index - 1].dep_ == "prep"
                    and links[index - 1].lower_ in self.irrealis_prepositions
                )
            ):
                lemma = link.lemma_.lower()
                if lemma in self.governors:
                    return True
                if lemma in self.enabling and "Past" not in link.morph.get("Tense"):
                    return True
        return False

    def _pending(self, clause: Token) -> bool:
        """An adverbial clause of time on a future or modal verb: "will face charges when
        arrested", "sera jugé quand il sera interpellé"."""
        if clause.dep_ != "advcl" or clause.head.i == clause.i:
            return False
        if not any(
            child.dep_ in {"mark", "advmod"} and child.lemma_.lower() in self.pending_markers
            for child in clause.children
        ):
            return False
        main = clause.head
        if "Fut" in main.morph.get("Tense"):
            return True
        return any(
            (child.dep_.startswith("aux") or child.tag_ == "MD")
            and (
                child.lemma_.lower() in self.modal | self.future
                or child.lower_ in self.modal | self.future
                or "Fut" in child.morph.get("Tense")
            )
            for child in main.children
        )

    def prior(self, token: Token, before_year: int | None = None) -> bool:
        """Whether `token` is qualified as earlier than the case: "previously convicted", "a
        prior conviction", "convicted in the past", "convicted earlier this year" or, when
        `before_year` is known, dated before it ("In 2011, he was convicted")."""
        for link in self.chain(token):
            is_prior = link.lemma_.lower() in self.prior_nouns or link.lower_ in self.prior_nouns
            if is_prior and link.i != token.i:
                return True
            for child in link.children:
                if child.dep_ in {"advmod", "amod", "obl:mod", "nmod"} and self._is_prior(child):
                    return True
                for word in _time_words(child):
                    if self._is_prior(word):
                        return True
                    if before_year and _year_of(word) and _year_of(word) < before_year:
                        return True
        return False

    def _is_prior(self, word: Token) -> bool:
        return word.lower_ in self.prior_words or word.lemma_.lower() in self.prior_words

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
    not_by: frozenset[str] = frozenset()
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
            not_by=names("not_by"),
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
    rank: int


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
        self.regexes: list[tuple[re.Pattern[str], str, int, tuple[str, ...]]] = []
        self.wordings = 0
        for label, spec in (rules or {}).items():
            for index, data in enumerate(spec.get("cues") or []):
                key = f"{label}#{index}"
                self.cues[key] = Cue.read(label, data)
                self._add(key, data)
            for index, data in enumerate(spec.get("block") or []):
                self._add(f"{label}#block{index}", data)

    def _add(self, key: str, data: dict[str, Any]) -> None:
        """Compile one cue; each of its wordings gets the next rank, and matcher wordings their
        own match key (`key@rank`) so that a match tells which wording it is."""
        pos = frozenset(data.get("pos") or [])
        for word in data.get("lemma") or []:
            self.by_lemma.setdefault(word.lower(), []).append(_WordCue(key, pos, self._next()))
        for word in data.get("lower") or []:
            self.by_lower.setdefault(word.lower(), []).append(_WordCue(key, pos, self._next()))
        patterns = [
            [[{"LEMMA": word} for word in phrase.split()]] for phrase in data.get("lemmas") or []
        ]
        patterns.extend(_plain_first_token(pattern) for pattern in data.get("pattern") or [])
        for variants in patterns:
            self.matcher.add(f"{key}@{self._next()}", variants)
        # the language's tokenizer splits phrases as in the text ("mandat d'arrêt": 3 tokens)
        for phrase in self.nlp.tokenizer.pipe(data.get("phrase") or []):
            self.phrases.add(f"{key}@{self._next()}", [phrase])
        for expression in data.get("regex") or []:
            regex = re.compile(expression, re.IGNORECASE)
            self.regexes.append((regex, key, self._next(), anchors_of(regex)))

    def _next(self) -> int:
        self.wordings += 1
        return self.wordings

    def _candidates(self, doc: Doc) -> Iterator[tuple[str, Span, int]]:
        if self.by_lemma or self.by_lower:
            by_lower, by_lemma = self.by_lower, self.by_lemma
            for i, (lower, lemma) in enumerate(DocIndex.of(doc).words):
                if lower not in by_lower and lemma not in by_lemma:
                    continue
                for cue in [*by_lower.get(lower, ()), *by_lemma.get(lemma, ())]:
                    if not cue.pos or doc[i].pos_ in cue.pos:
                        yield cue.key, doc[i : i + 1], cue.rank
        for matcher in (self.matcher, self.phrases):
            if len(matcher):
                for match_id, start, end in matcher(doc):
                    key, _, rank = doc.vocab.strings[match_id].rpartition("@")
                    yield key, doc[start:end], int(rank)
        if self.regexes:
            index = DocIndex.of(doc)
            regexes = [entry for entry in self.regexes if may_match(entry[3], index.lowered)]
            for sentence, text, lowered in zip(
                index.sentences, index.texts, index.lowered_texts, strict=True
            ):
                for expression, key, rank, anchors in regexes:
                    if not may_match(anchors, lowered):
                        continue
                    for found in expression.finditer(text):
                        span = doc.char_span(
                            sentence.start_char + found.start(),
                            sentence.start_char + found.end(),
                            alignment_mode="expand",
                        )
                        if span is not None and len(span):
                            yield key, span, rank

    def hits(self, doc: Doc, keep: Callable[[Span], bool] = lambda span: True) -> list[Hit]:
        """Every cue of `doc` that passes its checks, where `keep` accepts the cue's span."""
        index = DocIndex.of(doc)
        candidates = list(self._candidates(doc))
        blocked: dict[str, set[int]] = {}
        for key, span, _ in candidates:
            label, _, kind = key.partition("#")
            if kind.startswith("block"):
                blocked.setdefault(label, set()).update(range(span.start, span.end))
        found: dict[tuple[str, int, int], tuple[Cue, Hit]] = {}
        for key, span, rank in candidates:
            cue = self.cues.get(key)
            if cue is None or blocked.get(cue.label, set()) & set(range(span.start, span.end)):
                continue
            if not keep(span) or not self.accepts(cue, span, index.sentence(span)):
                continue
            place = (cue.label, span.start, span.end)
            if place not in found or rank < found[place][1].rank:
                found[place] = (cue, Hit(cue.label, span, rank))
        chosen = _without_overlaps(found.values())
        present = {cue.label for cue, _ in chosen if not cue.unless}
        kept = [hit for cue, hit in chosen if not cue.unless & present]
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
        if cue.not_by and self._done_by(head, cue.not_by):
            return False
        if not cue.factual:
            return True
        modality = self.modality
        if modality.negated(head) or modality.hypothetical(head, cue.future):
            return False
        if cue.prior and modality.prior(head, _case_years_from(span.doc)):
            return False
        return not (cue.governors and modality.governed_by(head, cue.governors))

    def _has_needed(self, cue: Cue, span: Span, sentence: Span, arguments: list[Token]) -> bool:
        nominal = [t for t in arguments if t.pos_ in _NOMINAL or _is_person_pronoun(t)]
        if nominal:
            return any(self.lexicons.has(t, cue.needs) for t in nominal)
        head = span.root
        if head.pos_ in _NOMINAL:
            return False  # "model hobby supplies": a noun names what it is about
        if _intransitive(head):
            return False  # "all who are recovering"
        clauses = _clauses(head)
        if clauses:  # "found three printers still humming", not "found that he had lied"
            return any(self.lexicons.has(t, cue.needs) for t in clauses)
        index = DocIndex.of(span.doc)
        before = index.around(sentence, 1)[0]
        return self.lexicons.in_span(before, cue.needs) or self.lexicons.in_span(
            sentence, cue.needs
        )

    def _done_by(self, token: Token, lexicons: frozenset[str]) -> bool:
        doers = _doers(token)
        for doer in doers:
            if self.lexicons.has(doer, lexicons):
                return True
            if doer.pos_ == "PRON" and _singles_out_a_person(doer):
                return True
        return False


def _without_overlaps(found: Iterable[tuple[Cue, Hit]]) -> list[tuple[Cue, Hit]]:
    """One hit per stretch of text and label: a hit inside a longer one of its label gives way
    to it ("separate parcels" in "in separate parcels"); of hits that only partly overlap, the
    one of the first-listed wording stands for them."""
    found = list(found)
    spans: dict[str, list[tuple[int, int]]] = {}
    for _, hit in found:
        spans.setdefault(hit.label, []).append((hit.span.start, hit.span.end))
    widest = [
        (cue, hit)
        for cue, hit in found
        if not any(
            start <= hit.span.start and hit.span.end <= end and end - start > len(hit.span)
            for start, end in spans[hit.label]
        )
    ]
    chosen: list[tuple[Cue, Hit]] = []
    taken: dict[str, set[int]] = {}
    for cue, hit in sorted(widest, key=lambda pair: (pair[1].rank, pair[1].span.start)):
        tokens = set(range(hit.span.start, hit.span.end))
        if taken.setdefault(hit.label, set()) & tokens:
            continue
        taken[hit.label] |= tokens
        chosen.append((cue, hit))
    return chosen


def _time_words(child: Token) -> list[Token]:
    """The words of a time adjunct hanging on a verb: "in 2011" -> [2011], "in the past" ->
    [the, past], "earlier this year" -> [earlier, this, year], "en 2009" -> [en, 2009]."""
    if child.dep_ == "prep":
        nouns = [g for g in child.children if g.dep_ == "pobj"]
    elif child.dep_.startswith("obl") or child.dep_ in {"npadvmod", "nmod:tmod"}:
        nouns = [child]
    else:
        return []
    return [word for noun in nouns for word in noun.subtree]


def _doers(token: Token) -> list[Token]:
    """The active subject of `token`'s action (with its conjuncts), looked for up the clauses
    a subjectless verb hangs on ("after finding a gun", "got up and found the weapon"); none
    for a passive ("a gun was found")."""
    current = token
    for _ in range(5):
        children = list(current.children)
        if any(c.dep_ in {"nsubjpass", "nsubj:pass", "auxpass", "aux:pass"} for c in children):
            return []
        subjects = [_antecedent(c) for c in children if c.dep_ == "nsubj"]
        if subjects:
            return subjects + [c for s in subjects for c in s.children if c.dep_ == "conj"]
        if current.dep_ in {"acl", "relcl"} and any(c.dep_ in {"dobj", "obj"} for c in children):
            return [current.head]  # "the boy, whose name..., located a revolver"
        if current.dep_ not in {"conj", "advcl", "xcomp", "pcomp", "prep"}:
            return []
        if current.head.i == current.i:
            return []
        current = current.head
    return []


def _year_of(word: Token) -> int | None:
    """The year a four-digit number names ("2011"), None for any other word."""
    text = word.text
    return int(text) if len(text) == 4 and text.isdigit() and text[:2] in {"19", "20"} else None


def _case_years_from(doc: Doc) -> int | None:
    """The first year a case told in `doc` may date from: an action dated two years or more
    before publication is the record of the people involved, not the case."""
    state = doc._.get(EXTENSION)
    published = state.document.published if state is not None else None
    return published.year - 1 if published else None


def _antecedent(subject: Token) -> Token:
    """The noun a relative pronoun stands for ("a boy who had found a gun" -> "boy")."""
    clause = subject.head
    relative = "Rel" in subject.morph.get("PronType") or subject.tag_ in {"WP", "WDT"}
    if relative and clause.dep_ in {"relcl", "acl:relcl"}:
        return clause.head
    return subject


def _singles_out_a_person(pronoun: Token) -> bool:
    """ "he", "she", "I", "you", "il", "elle": one person, not "they", "it" or "on"."""
    person = pronoun.morph.get("Person")
    if not person or "Rel" in pronoun.morph.get("PronType"):
        return False
    if person[0] in {"1", "2"}:
        return True
    gender = pronoun.morph.get("Gender")
    return "Sing" in pronoun.morph.get("Number") and bool(gender) and "Neut" not in gender


def _clauses(verb: Token) -> list[Token]:
    """When a verb's object is a clause ("investigators found that he had lied", "found three
    men shot", "found two printers still humming", "found out"), the clause's subjects (the
    particle "out" stands for a clause with none)."""
    children = list(verb.children)
    subjects = [
        s for c in children if c.dep_ in _CLAUSAL_OBJECTS for s in c.children if s.dep_ in _SUBJECT
    ]
    if subjects or any(c.dep_ in _CLAUSAL_OBJECTS for c in children):
        return subjects or [verb]
    has_object = any(c.dep_ in _ARGUMENT for c in children)
    if not has_object and any(c.dep_ in {"prt", "compound:prt"} for c in children):
        return [verb]
    return []


def _intransitive(verb: Token) -> bool:
    """An active verb with nothing done to ("all are recovering", "while recovering at the
    hospital"); coordinated verbs share their objects ("searched and found")."""
    has_object = any(
        c.dep_ in _ARGUMENT or c.dep_ in _CLAUSAL_OBJECTS | {"obl:arg", "aux:pass", "auxpass"}
        for c in verb.children
    )
    shares = verb.dep_ == "conj" or any(c.dep_ == "conj" for c in verb.children)
    return verb.pos_ in {"VERB", "AUX"} and not has_object and not shares


def _is_person_pronoun(token: Token) -> bool:
    """ "me", "you", "us", "him", "her": never weapons ("it makes me angry")."""
    if token.pos_ != "PRON":
        return False
    person = token.morph.get("Person")
    return bool(person) and (person[0] in {"1", "2"} or token.lower_ in {"him", "her", "lui"})


def used_as_verb(token: Token) -> bool:
    """False for a past participle that only describes a noun ("printed guns", "un pistolet
    fabriqué avec une imprimante"); True for verbs in clauses ("the guns were printed") and for
    gerunds, which name the action itself ("charged with manufacturing a firearm")."""
    if token.pos_ not in {"VERB", "AUX"}:
        return token.pos_ != "ADJ"
    if token.dep_ in {"amod", "compound"}:
        return False
    is_past_participle = token.tag_ == "VBN" or (
        "Part" in token.morph.get("VerbForm") and "Pres" not in token.morph.get("Tense")
    )
    if not is_past_participle:
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
