"""Which sentences speak of the main case, for the people and their roles.

Two things put a sentence outside the main case beyond the background marked by `scope.py`:
- a roundup's later cases: when several headed sections each introduce people ("Bolton",
  "Glasgow", "Cardiff"; "À Roubaix, ...", "À Dunkerque, ..."), only the first such section is
  the main case;
- an older or other case told in passing ("In 2023, Windsor police charged two men ...",
  "En décembre, une affaire similaire avait été mise au jour à Nice"), from the pack's
  `other_case` patterns.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from ghostwatch.extract.evidence import doc_text
from ghostwatch.extract.people_lexicon import PeopleLexicon

#: the longest line read as a section heading
HEADING_WORDS = 10
_LINE_END = re.compile(r"[.!?:;…»\"”)]\s*$")


def heading_starts(text: str) -> list[int]:
    """Character offsets of the lines that read as headings (short, no closing punctuation)."""
    starts = []
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        words = stripped.split()
        if (
            words
            and len(words) <= HEADING_WORDS
            and not _LINE_END.search(stripped)
            and stripped[0].isupper()
            and offset > 0
        ):
            starts.append(offset)
        offset += len(line)
    return starts


class CaseScope:
    def __init__(self, lexicon: PeopleLexicon):
        patterns = lexicon.other_case
        self.other_case = (
            re.compile("|".join(f"(?:{p})" for p in patterns), re.I) if patterns else None
        )

    def passing(self, sentence: Span) -> bool:
        """A sentence telling another case in passing."""
        return self.other_case is not None and self.other_case.search(sentence.text) is not None

    def later_sections(self, doc: Doc, people: Iterable[int]) -> int | None:
        """Where the roundup's later cases start (a character offset), or None.

        `people` are the character offsets of detailed person mentions.
        """
        starts = heading_starts(doc_text(doc))
        if len(starts) < 2:
            return None
        sections_with_people = sorted(
            {bisect_right(starts, offset) for offset in people if offset >= starts[0]}
        )
        if len(sections_with_people) < 2:
            return None
        second = sections_with_people[1]
        return starts[second - 1]


def sentence_units(doc: Doc) -> list[Span]:
    """The document's sentences, cut again at line breaks and at a full stop before a capital.

    The small models' sentence splitter sometimes runs over a paragraph break or a full stop
    ("... en 3D. Le parquet ...") and sometimes cuts before an apposition ("Bérubé" / ", 34 ans");
    people are read per unit, so units follow the text's own punctuation.
    """
    units: list[Span] = []
    start = 0
    for token in doc[1:]:
        if token.i > start and _starts_unit(doc, token):
            units.append(doc[start : token.i])
            start = token.i
    if start < len(doc):
        units.append(doc[start:])
    return [unit for unit in units if unit.text.strip()]


def _starts_unit(doc: Doc, token: Token) -> bool:
    previous = doc[token.i - 1]
    if "\n" in previous.text and not token.is_space:
        return True
    if previous.text in (".", "!", "?") and token.text[:1].isupper():
        return token.is_sent_start or _sentence_end(doc, token.i - 1)
    return token.is_sent_start and not _continues(previous, token)


def _sentence_end(doc: Doc, period: int) -> bool:
    """A full stop after a word that is no abbreviation ("en 3D.", "requis cinq ans.")."""
    if period == 0:
        return False
    word = doc[period - 1].text
    return (word.islower() and len(word) > 1) or any(char.isdigit() for char in word)


def _continues(previous: Token, token: Token) -> bool:
    """Whether a sentence start is a false cut: ", 34 ans, de Terrebonne" after a name."""
    if "\n" in previous.text or previous.text in (".", "!", "?", ":"):
        return False
    return token.text in (",", ")", ";") or token.text[:1].islower()
