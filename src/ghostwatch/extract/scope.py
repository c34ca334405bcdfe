"""Case or background: which sentences speak of the case the document reports.

News pieces wrap the case in trend paragraphs ("the phenomenon is growing in Europe"), statistics,
laws, generic statements ("a printed pistol can be sold for..."), other cases mentioned in passing
("In a similar case last year...", "En 2022 déjà, ...") and, in roundups, whole sections about
other cases. Facts found there are not the case's facts. This component marks such sentences from
the pack's `scope.yaml`; the other components read `state.in_case(sentence)` before taking a fact.

Four layers, all data-driven:
- `background_sentence` cues mark a sentence (or only the relative clause or apposition they sit
  in, so that "FGC-9 type guns, a model that has turned up across Europe" keeps its model);
- `background_weak` cues mark a sentence unless it names the case's actors (`case_anchor`);
  `place_opening` cues ("In Britain, ...") likewise, and also not when it brings in a new person
  (`new_actor`: "In Britain, a man was jailed");
- `continuation_opening` carries a passing case into the next sentence of its paragraph;
- sections: a `background_headings` heading ("Background", "Repères") opens a background
  section, and in a roundup (announced: "three separate cases", "Trois affaires") the second
  place heading ("Glasgow", "À Dunkerque, ...") ends the case.
Clause-level background (those clauses, and comparisons such as "cheaper than a Kalashnikov")
is kept as spans in `doc.spans[BACKGROUND_SPANS]`; `in_background_clause` reads it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from ghostwatch.extract.component import ExtractionComponent, component
from ghostwatch.extract.rules import DocIndex
from ghostwatch.extract.state import ExtractionState
from ghostwatch.lang import LanguagePack
from ghostwatch.text.anchors import PatternUnion

#: `doc.spans` key of background clauses inside case sentences (comparisons, relative clauses)
BACKGROUND_SPANS = "ghostwatch_background"

#: dependency labels of the clauses that can be background while their sentence is not
_SIDE_CLAUSES = {"relcl", "acl:relcl", "appos", "acl"}
#: a heading is a short line without sentence punctuation at its end
_HEADING_MAX_WORDS = 12
_SENTENCE_END = tuple('.!?;»"”…)')


def _compile(patterns: list[str] | None) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I) if patterns else None


def _union(patterns: list[str] | None) -> PatternUnion | None:
    return PatternUnion.of(patterns, re.I) if patterns else None


def _words(items: list[str] | None) -> frozenset[str]:
    return frozenset(item.lower() for item in items or [])


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str

    @property
    def is_heading(self) -> bool:
        text = self.text.strip()
        words = text.split()
        return (
            bool(words)
            and len(words) <= _HEADING_MAX_WORDS
            and any(c.isalpha() for c in text)
            and not text.endswith(_SENTENCE_END)
            and not text.startswith("#")
        )


@dataclass(frozen=True)
class _Cues:
    """The background cues that may match one document (see `PatternUnion`)."""

    strong: PatternUnion | None
    weak: PatternUnion | None
    comparison: PatternUnion | None
    place_opening: PatternUnion | None


@component("ghostwatch_scope")
class CaseScope(ExtractionComponent):
    fills = ()

    def __init__(self, nlp: Language, name: str, pack: LanguagePack):
        super().__init__(nlp, name, pack)
        config = pack.section("scope") or {}
        self.strong = _union(config.get("background_sentence"))
        self.weak = _union(config.get("background_weak"))
        self.anchor = _compile(config.get("case_anchor"))
        self.place_opening = _union(config.get("place_opening"))
        self.new_actor = _compile(config.get("new_actor"))
        self.continuation = _compile(config.get("continuation_opening"))
        self.comparison = _union(config.get("comparison"))
        place = config.get("place_heading")
        self.place_heading = re.compile(place, re.I) if place else None
        self.roundup = _compile(config.get("roundup_announcement"))
        self.background_headings = _words(config.get("background_headings"))
        self.other_headings = _words(config.get("other_headings"))

    def fill(self, doc: Doc, state: ExtractionState) -> None:
        clauses: list[Span] = []
        index = DocIndex.of(doc)
        # only the cues whose words the document holds are searched, sentence after sentence
        cues = _Cues(
            strong=self.strong.within(index.lowered) if self.strong else None,
            weak=self.weak.within(index.lowered) if self.weak else None,
            comparison=self.comparison.within(index.lowered) if self.comparison else None,
            place_opening=(
                self.place_opening.within(index.lowered) if self.place_opening else None
            ),
        )
        section_start = self._background_section_start(index.text)
        line_starts = [0] + [i + 1 for i, c in enumerate(index.text) if c == "\n"]
        previous_background, previous_line = False, -1
        for sentence, text in zip(index.sentences, index.texts, strict=True):
            # a parse may run a sentence across a paragraph break; each line is judged alone
            segments = []
            for start, line in _segments(sentence.start_char, text):
                line_number = bisect_right(line_starts, start)
                background = start >= section_start or self._background(
                    doc, cues, start, line, clauses
                )
                if not background and previous_background and line_number == previous_line:
                    background = bool(self.continuation and self.continuation.search(line.strip()))
                segments.append((start, line, background))
                previous_background, previous_line = background, line_number
            if segments and all(background for _, _, background in segments):
                state.background.add(sentence.start)
                continue
            for start, line, background in segments:
                if background:
                    clauses.extend(_char_spans(doc, [(start, start + len(line))]))
                elif cues.comparison is not None and cues.comparison.may_match(line.lower()):
                    clauses.extend(_regex_spans(cues.comparison.regex, doc, start, line))
        doc.spans[BACKGROUND_SPANS] = clauses

    def _background(
        self, doc: Doc, cues: _Cues, start: int, text: str, clauses: list[Span]
    ) -> bool:
        """Whether the sentence (or line of a sentence) at `start` is background. Strong cues
        inside a side clause only make that clause background."""
        lowered = text.lower()
        if cues.strong is not None and cues.strong.may_match(lowered):
            whole = False
            for span in _regex_spans(cues.strong.regex, doc, start, text):
                clause = _side_clause(span)
                if clause is None:
                    whole = True
                else:
                    clauses.append(clause)
            if whole:
                return True
        if cues.weak is not None and cues.weak.search(text.strip(), lowered):
            return not self._names_actors(text)
        if cues.place_opening is not None and cues.place_opening.search(text.strip(), lowered):
            return not (
                self._names_actors(text) or (self.new_actor and self.new_actor.search(text))
            )
        return False

    def _names_actors(self, text: str) -> bool:
        return bool(self.anchor and self.anchor.search(text))

    def _background_section_start(self, text: str) -> int:
        """Where the document's background sections begin (its length when none does)."""
        lines = _lines(text)
        body_started = False
        places = 0
        announced = False
        for line in lines:
            if not line.is_heading:
                body_started = body_started or bool(line.text.strip())
                announced = announced or bool(self.roundup and self.roundup.search(line.text))
                continue
            if not body_started:
                continue
            label = line.text.strip().rstrip(":").lower()
            if label in self.background_headings:
                return line.start
            if label in self.other_headings or self.place_heading is None or not announced:
                continue
            if self.place_heading.match(line.text.strip()):
                places += 1
                if places == 2:
                    return line.start
        return len(text)


def _lines(text: str) -> list[_Line]:
    found = []
    start = 0
    for part in text.split("\n"):
        found.append(_Line(start, start + len(part), part))
        start += len(part) + 1
    return found


def _segments(start: int, text: str) -> list[tuple[int, str]]:
    """The non-blank lines of a sentence's text, with their offsets in the document."""
    found = []
    offset = start
    for line in text.split("\n"):
        if line.strip():
            found.append((offset, line))
        offset += len(line) + 1
    return found


def _regex_spans(pattern: re.Pattern[str], doc: Doc, start: int, text: str) -> list[Span]:
    """The token spans of `pattern`'s matches in `text`, a piece of `doc` starting at `start`."""
    return _char_spans(
        doc, [(start + match.start(), start + match.end()) for match in pattern.finditer(text)]
    )


def _char_spans(doc: Doc, ranges: list[tuple[int, int]]) -> list[Span]:
    spans = []
    for first, last in ranges:
        span = doc.char_span(first, last, alignment_mode="expand")
        if span is not None and len(span):
            spans.append(span)
    return spans


def _side_clause(span: Span) -> Span | None:
    """The relative clause or apposition containing `span`, when it is not the sentence's
    main clause."""
    token = span[0]
    while token.head.i != token.i:
        if token.dep_ in _SIDE_CLAUSES and token.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            subtree = list(token.subtree)
            if subtree[0].i <= span.start and subtree[-1].i >= span.end - 1:
                return token.doc[subtree[0].i : subtree[-1].i + 1]
            return None
        token = token.head
    return None


def in_background_clause(span: Span) -> bool:
    """Whether `span` lies in a background clause of a case sentence (a comparison, a trend in
    a relative clause)."""
    doc = span.doc
    if BACKGROUND_SPANS not in doc.spans:
        return False
    return any(
        clause.start <= span.start and span.end <= clause.end
        for clause in doc.spans[BACKGROUND_SPANS]
    )


def case_filter(state: ExtractionState) -> Callable[[Span], bool]:
    """A test for the spans a component may take facts from: in a case sentence and outside
    its background clauses."""
    return lambda span: (
        state.in_case(DocIndex.of(span.doc).sentence(span)) and not (in_background_clause(span))
    )
