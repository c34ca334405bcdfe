"""Place names found by the gazetteer alone, where no wording around them says they are places.

The other sources of extract/place_mentions.py need the parser's say-so or a cue ("in Nice",
"Nice, France", "A Nice man"); news also names places bare: "Nice police said", "a Rotterdam
court", "Dinant and Namur", names the small parsers miss or take for a person or a firm. This
scan reads the capitalised names left over and keeps the few that can hardly be anything but
places, so it is strict: precision on real news matters more than a few more mentions. A name
is kept only when

- it is capitalised inside a sentence of running text: not its first word, unless a place word
  follows ("Nice police said", not "Nice work", "Mobile phones", "Reading the file"), and not
  in a title-case line, where every word is capitalised;
- the whole capitalised run is the place's name, or the run goes on with place words only
  ("Nice Police Department"): not a part of a longer name ("Judge Sheffield", "Bank of
  America", "the Kansas City Star");
- no word before it makes it a person's ("judge Sheffield", "said Rodriguez") nor a word after
  it a person's ("Hamilton said") or a make's ("a Springfield pistol");
- it is none of the pack's common words that are also towns ("Orange", "Victoria") and no word
  of a person's name in the text;
- the parser left it free, or took it into the place's own body ("Rotterdam Court"); a name it
  took for a person needs a place word after it ("a Rotterdam court"), one it took for a firm a
  place word or a list with a place found already ("Dinant and Namur");
- by its own name (the gazetteer's other names are often words: "Vine" for Vienna), it is a
  country, a first-level region of a country the language's news covers, or a town of
  `min_population` there and of `foreign_min_population` elsewhere (bare foreign names are
  mostly people's); any town of `cued_min_population` before a place word or in a list.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from spacy.tokens import Doc, Span, Token

from ghostwatch.extract.evidence import entities_in
from ghostwatch.geo import Gazetteer, Place

#: what ends a place name's text: a possessive, a trailing full stop or comma
_TRAILING = re.compile(r"(?:['’]s?|[.,;:])+$")
#: what may stand between the end of a sentence and its first word
_OPENING_MARKS = " \t\"“”«‘'([—–-"
#: marks that leave the next word inside its sentence ("(ATF), Ardmore officers")
_INSIDE_SENTENCE = ",)%&"
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: a line is in title case when this share of its words this long or longer is capitalised
_TITLE_CASE_SHARE = 0.6
_TITLE_CASE_WORDS = 4
#: what the parser took a name for, when not a place
_PERSON = "person"
_FIRM = "organisation"
#: how far the scan looks back for the start of a sentence
_LOOKBACK = 12


class GazetteerScan:
    """The pack's `places` wording for the scan, read once per language; `run_end(text, start)`
    is where the capitalised name starting at `start` ends (extract/place_mentions.py)."""

    def __init__(
        self,
        config: dict[str, Any],
        gazetteer: Gazetteer,
        run_end: Callable[[str, int], int | None],
    ):
        self.gazetteer = gazetteer
        self.run_end = run_end
        scan = config.get("scan") or {}
        self.min_population = int(scan.get("min_population", 100_000))
        self.foreign_min_population = int(scan.get("foreign_min_population", self.min_population))
        self.cued_min_population = int(scan.get("cued_min_population", self.min_population))
        #: a name the parser took for a person's or a firm's must be a town this large
        self.labelled_min_population = max(
            self.cued_min_population, int(config.get("person_name_population", 0))
        )
        self.common_words = set(scan.get("common_words") or ())
        self.place_words_after = lowered(scan.get("place_words_after"))
        self.person_words_before = lowered(scan.get("person_words_before"))
        self.person_words_after = lowered(scan.get("person_words_after"))
        self.make_nouns = lowered(config.get("make_nouns"))
        self.organisation_labels = set(scan.get("organisation_labels") or ())
        self.not_places = set(config.get("not_places") or ())
        self.place_titles = set(config.get("place_titles") or ())
        self.articles = lowered(config.get("articles"))
        self.list_words = lowered(config.get("list_words"))
        self.person_labels = set(config.get("person_labels") or ())
        self.outlet_words = lowered(config.get("outlet_words"))
        #: the countries the language's news covers, whose regions and towns it names bare
        self.home_countries = set(config.get("country_prior") or ())

    def names(
        self, doc: Doc, text: str, taken: list[tuple[int, int]], name_words: set[str]
    ) -> Iterator[tuple[int, int, list[Place]]]:
        """(start, end, candidates) of each place name the scan keeps, in text order."""
        title_lines: dict[int, bool] = {}
        scanned_to = 0
        for token in doc:
            if (
                token.idx < scanned_to
                or not _capitalised(token.text)
                or _glued(text, token.idx)
                or _after_a_name(doc, token)
            ):
                continue
            run_end = self.run_end(text, token.idx) or token.idx + len(token.text)
            scanned_to = run_end  # "Bank of America": no name of its own inside a longer one
            words = list(_WORD.finditer(text, token.idx, run_end))
            if words and words[0].group().lower() in self.articles:
                words = words[1:]  # "The Rotterdam court": the name is what follows
            if not words or not _capitalised(words[0].group()) or self._outlet(words):
                continue
            line_start = text.rfind("\n", 0, token.idx) + 1
            if line_start not in title_lines:
                title_lines[line_start] = _title_case(text, line_start)
            if title_lines[line_start]:
                continue  # "Nice Work Earns Officers Praise": capitals say nothing there
            for start, end in self._name_spans(text, words):
                if any(s < end and start < e for s, e in taken):
                    break
                places = self._places(doc, text, start, end, name_words, taken)
                if places:
                    yield start, end, places
                    break

    def _outlet(self, words: list[re.Match[str]]) -> bool:
        """Whether the run is a newspaper's or a station's name ("the Kansas City Star")."""
        return words[-1].group().lower() in self.outlet_words

    def _name_spans(self, text: str, words: list[re.Match[str]]) -> Iterator[tuple[int, int]]:
        """The spans the name may take: the whole run, then the words before a place word
        ending it ("Nice Police Department", "Fort Worth Fire Department"); without a
        possessive or a trailing full stop."""
        start = words[0].start()
        ends = [words[-1].end()]
        ends += [
            words[i - 1].end()
            for i in range(1, len(words))
            if words[i].group() in self.place_titles
        ][:1]
        for end in ends:
            end = start + len(_TRAILING.sub("", text[start:end]))
            if end > start:
                yield start, end

    def _places(
        self,
        doc: Doc,
        text: str,
        start: int,
        end: int,
        name_words: set[str],
        taken: list[tuple[int, int]],
    ) -> list[Place]:
        """The candidates of a name the scan keeps, else none."""
        name = text[start:end]
        if (
            name in self.not_places
            or name in self.common_words
            or name in name_words
            or (name.isupper() and len(name) > 1)  # "NICE", "US": an acronym or a heading
        ):
            return []
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return []
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        after = doc[span.end].lower_ if span.end < len(doc) else ""
        if before in self.person_words_before or after in self.person_words_after:
            return []  # "said detective sergeant Reading", "Hamilton said"
        if after in self.make_nouns:
            return []  # "a Springfield pistol"
        place_word = after in self.place_words_after
        if _opens_sentence(text, start) and not place_word:
            return []  # "Nice work", "Reading the file", "Mobile phones"
        label = self._label(span)
        listed = self._in_list(text, start, end, taken)
        if label is None or (label and not place_word and not (listed and label == _FIRM)):
            return []
        cued = place_word or listed
        smallest = self.labelled_min_population if label == _PERSON else self.cued_min_population
        return self._candidates(name, smallest if cued else None)

    def _label(self, span: Span) -> str | None:
        """What the parser took the name for: nothing or its place's own body ("Rotterdam
        Court", "Nice Police") (""), a person (`_PERSON`) or an organisation (`_FIRM`) by the
        name alone, or anything else (None: a place entity the finder did not take, a date, a
        nationality, a longer person's or firm's name). The small models take many towns for
        people and firms ("a Rotterdam court": PERSON, "Dinant and Namur": ORG); a place word
        after the name must then say it is a place, or for a firm a list of places."""
        label = ""
        for entity in entities_in(span.doc):
            if not (entity.start < span.end and span.start < entity.end):
                continue
            person = entity.label_ in self.person_labels
            if not person and entity.label_ not in self.organisation_labels:
                return None
            rest = {t.text for t in entity if not (span.start <= t.i < span.end)}
            if rest and (person or not rest <= self.place_titles):
                return None  # "Judge Sheffield", "Reading Festival"
            if not rest:
                label = _PERSON if person else _FIRM
        return label

    def _in_list(self, text: str, start: int, end: int, taken: list[tuple[int, int]]) -> bool:
        """Whether the name is one of a list of places the finder already holds ("Dinant et
        Namur", "Namur, Dinant")."""
        for other_start, other_end in taken:
            between = text[end:other_start] if other_start >= end else text[other_end:start]
            if between.strip().lower() in self.list_words and len(between) <= 5:
                return True
        return False

    def _candidates(self, name: str, cued_smallest: int | None) -> list[Place]:
        """The places a bare name can mean, if it can be a place of a sort news names bare: a
        country, a first-level region of a country the language's news covers, or a large
        town by its own name (a foreign name only the gazetteer's index knows is often a
        word: "Vine" for Vienna, "Deli" for Delhi); a smaller town when the wording around
        the name cues a place (`cued_smallest`). Every place of that name is a candidate, as
        for the other sources: the document's other places choose among them."""
        own = [place for place in self.gazetteer.lookup(name) if place.called(name)]
        return own if any(self._named_bare(place, cued_smallest) for place in own) else []

    def _named_bare(self, place: Place, cued_smallest: int | None) -> bool:
        """Whether news names `place` without a cue (a cued name: a town of `cued_smallest`)."""
        home = place.country in self.home_countries
        if place.kind != "city":
            return place.kind == "country" or (place.kind == "admin1" and home)
        if cued_smallest is not None:
            return place.population >= cued_smallest
        return place.population >= (self.min_population if home else self.foreign_min_population)


def _glued(text: str, start: int) -> bool:
    """Whether the word at `start` is the end of a hyphenated or elided word ("Miami-Dade",
    "D-Brooklyn", "T-Mobile"), which the tokenizer splits."""
    return start > 0 and (text[start - 1] in "-‐–'’" or text[start - 1].isalnum())


def _after_a_name(doc: Doc, token: Token) -> bool:
    """Whether a capitalised word stands right before `token` on its line: the two are one
    name, too long for a run ("... SHOOTING Baton Rouge Mayor")."""
    if token.i == 0:
        return False
    previous = doc[token.i - 1]
    return _capitalised(previous.text) and previous.whitespace_ == " "


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and any(char.isalpha() for char in word)


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` opens its sentence, its line or an item ("× Iowa teen
    ...", "Sex – Male"): no word, comma or closing bracket stands before it but opening marks.
    An abbreviation's full stop counts as an end too: "Sgt. Reading" is no place either."""
    before = text[max(0, start - _LOOKBACK) : start].rstrip(_OPENING_MARKS)
    return not before or not (before[-1].isalnum() or before[-1] in _INSIDE_SENTENCE)


def _title_case(text: str, line_start: int) -> bool:
    """Whether the line is in title case (most of its longer words capitalised), where
    capitals say nothing of names."""
    line_end = text.find("\n", line_start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    words = [w for w in _WORD.findall(line) if len(w) >= _TITLE_CASE_WORDS]
    if len(words) < 3:
        return False
    return sum(w[:1].isupper() for w in words) / len(words) >= _TITLE_CASE_SHARE


def lowered(words: Iterable[str] | None) -> frozenset[str]:
    """A pack's word list (or none) in lower case, for membership tests; the place modules
    all read their word lists through it."""
    return frozenset(word.lower() for word in words or ())
