"""Literal anchors of a regular expression: a cheap test that lets most texts skip a regex.

The language packs compile into many regular expressions (one per agency, one per seized item
kind...), each scanned over every document. Most never match: an article about a shooting in Ohio
names no French gendarmerie unit. Python's `re` walks the whole text for each of them, while a
substring test (`"gendarmerie" in text`) runs in C at memory speed. `anchors_of` reads a pattern's
parse tree and finds literal strings one of which any match must contain; a text holding none of
them cannot match, so the regex need not run. The test only ever skips regexes that cannot match:
results are the same with or without it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

#: operations that consume no text: a literal run continues across them
_ZERO_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT}


def anchors_of(regex: re.Pattern[str]) -> tuple[str, ...]:
    """Lower-case literals one of which every match of `regex` contains; `()` when the pattern
    has no such literal (the regex must then always run).

    Anchors are lower-cased so one lower-cased copy of the text serves case-sensitive and
    case-insensitive patterns alike (a weaker but still necessary condition for the former).
    """
    found = _required(sre_parse.parse(regex.pattern, regex.flags))
    return tuple(found) if found else ()


def may_match(anchors: tuple[str, ...], lowered_text: str) -> bool:
    """False only when the text (lower-cased) holds none of the anchors."""
    return not anchors or any(anchor in lowered_text for anchor in anchors)


def _required(items: sre_parse.SubPattern | list) -> list[str] | None:
    """The most selective set of alternative literals that a match of `items` must contain."""
    candidates: list[list[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            candidates.append(["".join(run)])
            run.clear()

    for op, value in items:
        if op is sre.LITERAL:
            run.append(chr(value).lower())
            continue
        if op in _ZERO_WIDTH:
            continue
        flush()
        if op is sre.SUBPATTERN:
            inner = _required(value[-1])
        elif op is sre.BRANCH:
            branches = [_required(branch) for branch in value[1]]
            inner = None if not all(branches) else sorted({s for b in branches for s in b})
        elif op in _REPEATS and value[0] >= 1:
            inner = _required(value[2])
        else:
            inner = None
        if inner:
            candidates.append(inner)
    flush()
    if not candidates:
        return None
    # the longest shortest option is the rarest in text; among equals, the fewest options
    return max(candidates, key=lambda options: (min(map(len, options)), -len(options)))


@dataclass(frozen=True)
class PatternUnion:
    """An alternation of patterns (`(?:p1)|(?:p2)|...`) that knows when it cannot match.

    The alternation is compiled once. `within(document)` keeps the anchors of the alternatives
    the document may hold; `may_match(piece)` then tells, for a sentence or line of that
    document, whether any of them is there. Where none is, the alternation cannot match and need
    not run: most sentences of most documents hold none of dozens of cue patterns' words.
    """

    regex: re.Pattern[str]
    anchors: tuple[tuple[str, ...], ...]

    @classmethod
    def of(cls, patterns: list[str], flags: int = 0) -> PatternUnion:
        joined = "|".join(f"(?:{pattern})" for pattern in patterns)
        anchors = tuple(anchors_of(re.compile(pattern, flags)) for pattern in patterns)
        return cls(re.compile(joined, flags), anchors)

    def within(self, lowered_text: str) -> PatternUnion | None:
        """The union narrowed to the alternatives that may match `lowered_text` (a document,
        lower-cased), or None when none can."""
        kept = tuple(anchors for anchors in self.anchors if may_match(anchors, lowered_text))
        return PatternUnion(self.regex, kept) if kept else None

    def may_match(self, lowered_text: str) -> bool:
        """False only when no alternative can match `lowered_text` (lower-cased)."""
        return any(may_match(anchors, lowered_text) for anchors in self.anchors)

    def search(self, text: str, lowered_text: str) -> re.Match[str] | None:
        """The alternation's first match in `text`, not run when `lowered_text` (the text or a
        larger piece around it, lower-cased) holds none of the anchors."""
        return self.regex.search(text) if self.may_match(lowered_text) else None
