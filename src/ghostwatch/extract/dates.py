"""The date of the case's main action, resolved against the publication date.

A news piece dates many things: the raid, the day a prosecutor spoke, a hearing to come, a
suspect's past. The candidates are the text's date phrases (`text/dates.py`); each is judged by
the words that govern it in the parse: an action of the case (a shooting, an arrest, a verdict)
ranks it, a reporting verb ("said on Monday", "a indiqué lundi"), a future ("will appear on ...",
"comparaîtra") or a birth rules it out, as do background sentences and days after publication.
News leads with its main action, so earlier sentences rank higher, and a precise day beats a
month. Restatements of the chosen date ("in late January" after "at the end of January") join its
evidence.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ghostwatch.extract.component import ExtractionComponent, component
from ghostwatch.extract.evidence import sentences as doc_sentences
from ghostwatch.extract.state import ExtractionState
from ghostwatch.lang import LanguagePack
from ghostwatch.model import DateValue
from ghostwatch.model import Span as Evidence
from ghostwatch.text.dates import DateInterval, DatePhrase, find_dates

LEAD_BONUS = 2.0
"""What standing in the first sentence adds to a candidate's score..."""
LEAD_DECAY = 0.85
"""...and how fast that bonus fades, sentence after sentence."""
SENTENCE_CUE_SHARE = 0.75
"""A cue found elsewhere in the sentence, not on the date's own path, counts this share."""
NO_CUE_WEIGHT = 2.0
"""The weight of a date that nothing in its sentence ties to an action."""
PRECISION_BONUS = {"day": 0.5, "range": 0.4, "week": 0.3, "month": 0.1, "year": -0.5}
"""Among otherwise equal candidates the more precise one is the better answer."""

#: dependency labels of a passive clause's subject and auxiliary (English and UD schemes)
_PASSIVE = frozenset({"nsubjpass", "auxpass", "nsubj:pass", "aux:pass"})

#: how a date qualifies a noun ("Friday's shooting", "the Monday shooting")
_NOUN_MODIFIERS = frozenset({"poss", "compound", "nmod:poss", "npadvmod"})

#: roles that rule a date out: it is not when the case's action happened
EXCLUDED = frozenset({"reporting", "birth", "future"})


@dataclass(frozen=True)
class _Cues:
    #: event word -> (event class, its weight); the first class listing a word keeps it
    events: dict[str, tuple[str, float]]
    reporting: frozenset[str]
    reported_events: frozenset[str]
    implicit: frozenset[str]
    #: whether a reporting verb in the present tense speaks of now, so a date near it is the
    #: reported act's (English "police say"; French news narrates the past in the present)
    present_reports_now: bool
    birth: frozenset[str]
    future: frozenset[str]

    @classmethod
    def of(cls, pack: LanguagePack) -> _Cues:
        section = (pack.section("dates") or {}).get("cues") or {}

        def words(items: list[str] | None) -> frozenset[str]:
            return frozenset(str(item).lower() for item in items or [])

        events: dict[str, tuple[str, float]] = {}
        for name, entry in (section.get("events") or {}).items():
            for word in words(entry["words"]):
                events.setdefault(word, (name, float(entry["weight"])))
        return cls(
            events=events,
            reporting=words(section.get("reporting")),
            reported_events=words(section.get("reported_events")),
            implicit=words(section.get("implicit")),
            present_reports_now=bool(section.get("present_tense_reports_now")),
            birth=words(section.get("birth")),
            future=words(section.get("future")),
        )

    @staticmethod
    def _matches(token: Token, words: frozenset[str]) -> bool:
        return token.lemma_.lower() in words or token.lower_ in words

    def event(self, token: Token) -> tuple[str, float] | None:
        """The event class `token` names and its weight, if it names one."""
        return self.events.get(token.lemma_.lower()) or self.events.get(token.lower_)

    def announces(self, token: Token) -> bool:
        """A reporting word, unless it tells of the event itself being reported to the police
        ("the shooting was reported Sunday")."""
        if not self._matches(token, self.reporting) or self.event(token) is not None:
            return False
        if self.present_reports_now and _present_finite(token):
            return False  # "Monday night, police say ...": the saying is now, the date is the act's
        passive = any(child.dep_ in _PASSIVE for child in token.children)
        return not (passive and self._matches(token, self.reported_events))

    def born(self, token: Token) -> bool:
        return self._matches(token, self.birth)

    def ahead(self, verb: Token) -> bool:
        """Whether `verb` speaks of what is to come ("will appear", "is due to", "comparaîtra")."""
        heads = [verb]
        if verb.dep_.startswith("xcomp") or verb.dep_ == "acomp":
            heads.append(verb.head)
        for head in heads:
            for token in [
                head,
                *(child for child in head.children if child.dep_.startswith("aux")),
            ]:
                if "Fut" in token.morph.get("Tense") or self._matches(token, self.future):
                    return True
            if any(
                child.dep_ == "acomp" and self._matches(child, self.future)
                for child in head.children
            ):
                return True
        return False


@dataclass(frozen=True)
class _Candidate:
    phrase: DatePhrase
    interval: DateInterval
    role: str
    score: float


@component("ghostwatch_dates")
class DateResolver(ExtractionComponent):
    fills = ("date",)

    def __init__(self, nlp: Language, name: str, pack: LanguagePack):
        super().__init__(nlp, name, pack)
        self.cues = _Cues.of(pack)

    def fill(self, doc: Doc, state: ExtractionState) -> None:
        published = state.document.published
        sentences = doc_sentences(doc)
        starts = [sentence.start_char for sentence in sentences]
        candidates = []
        # the document's text is the Doc's text; `doc.text` would rebuild it from the tokens
        text = state.document.text
        for phrase in find_dates(text, self.pack.code, published):
            interval = phrase.interval
            if interval is None or (published is not None and interval.start > published):
                continue
            span = doc.char_span(phrase.start, phrase.end, alignment_mode="expand")
            if span is None:
                continue
            index = bisect_right(starts, phrase.start) - 1
            if not state.in_case(sentences[index]):
                continue
            role, weight = self._role(span, sentences[index])
            score = weight + LEAD_BONUS * LEAD_DECAY**index + PRECISION_BONUS[interval.precision]
            candidates.append(_Candidate(phrase, interval, role, score))
        chosen = [candidate for candidate in candidates if candidate.role not in EXCLUDED]
        stated = [c for c in chosen if c.phrase.anchor not in self.cues.implicit]
        chosen = stated or chosen
        if not chosen:
            return
        best = max(chosen, key=lambda candidate: candidate.score)
        # "last week ... last Thursday's shooting": a day inside a vaguer date names it better
        days_within = [
            candidate
            for candidate in chosen
            if candidate.interval.precision == "day"
            and best.interval.start <= candidate.interval.start <= best.interval.end
            and candidate.role != "none"
        ]
        if best.interval.precision != "day" and days_within:
            best = max(days_within, key=lambda candidate: candidate.score)
        same = [candidate for candidate in chosen if candidate.interval == best.interval]
        state.report.date = DateValue(
            start=best.interval.start,
            end=best.interval.end,
            precision=best.interval.precision,
            text=best.phrase.text,
            evidence=[
                Evidence(
                    start=candidate.phrase.start,
                    end=candidate.phrase.end,
                    text=candidate.phrase.text,
                )
                for candidate in same
            ],
        )

    def _role(self, span: Span, sentence: Span) -> tuple[str, float]:
        """What the date dates, from the words between it and its clause's verb, and how much
        that weighs."""
        path = _governors(span)
        if any(self.cues.born(token) for token in path):
            return "birth", 0.0
        verb = path[-1] if path and path[-1].pos_ in ("VERB", "AUX") else None
        if verb is not None and self.cues.ahead(verb):
            return "future", 0.0
        # "said Friday's shooting": a date qualifying an event noun dates it, whatever precedes
        event = self.cues.event(path[0]) if path else None
        if event is not None and span.root.dep_ in _NOUN_MODIFIERS:
            return event
        before = _token_before(span)
        if before is not None and self.cues.announces(before):
            return "reporting", 0.0
        for token in [*_clauses_on(span), *path]:
            if self.cues.announces(token):
                return "reporting", 0.0
            event = self.cues.event(token)
            if event is not None:
                return event
        for token in _dependents(verb) if verb is not None else ():
            event = self.cues.event(token)
            if event is not None:
                return event
        for token in sentence:
            event = self.cues.event(token)
            if event is not None:
                name, weight = event
                return f"{name} (sentence)", weight * SENTENCE_CUE_SHARE
        return "none", NO_CUE_WEIGHT


#: the dependents of a verb that say what its clause is about ("procédé à l'interpellation",
#: "came on Monday, when police raided ...")
_CLAUSE_DEPS = ("nsubj", "obj", "dobj", "obl", "attr", "advcl", "xcomp", "ccomp", "conj")


def _dependents(verb: Token) -> list[Token]:
    found = []
    for child in verb.children:
        if child.dep_.startswith(_CLAUSE_DEPS):
            found.append(child)
        elif child.dep_ == "prep":
            found.extend(grandchild for grandchild in child.children if grandchild.dep_ == "pobj")
    return found


def _clauses_on(span: Span) -> list[Token]:
    """Clauses hanging on the date itself: "on Monday, when police raided ..."."""
    return [
        token
        for inside in span
        for token in inside.children
        if not span.start <= token.i < span.end and token.dep_ in ("relcl", "acl", "advcl")
    ]


def _present_finite(token: Token) -> bool:
    return "Pres" in token.morph.get("Tense") and "Fin" in token.morph.get("VerbForm")


def _token_before(span: Span) -> Token | None:
    """The word just before the date, past punctuation: "said Monday", "a indiqué lundi",
    "Posted: Friday, March 7" (parses often attach such a date to the reported action)."""
    index = span.start - 1
    while index >= 0 and span.doc[index].is_punct:
        index -= 1
    return span.doc[index] if index >= 0 else None


def _governors(span: Span) -> list[Token]:
    """The words from the date up to the verb of its clause, nearest first."""
    path = []
    token = span.root
    while token.head.i != token.i:
        token = token.head
        if span.start <= token.i < span.end:
            continue
        path.append(token)
        if token.pos_ in ("VERB", "AUX"):
            break
    return path
