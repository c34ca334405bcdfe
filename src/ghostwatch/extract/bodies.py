"""Mentions of official bodies: police forces, gendarmerie units, prosecutors, courts, customs.

Two components read them: `agencies.py` codes the bodies themselves and `places.py` codes their
seats ("Sheffield Crown Court", "le parquet de Lyon") as `authority` locations. Bodies are found
with the language pack's `agencies` patterns (see lang/en/agencies.yaml), run on the raw text so
that a body is found whatever the parser made of it; a body named through another ("the Cyber
Division of the French National Gendarmerie") is one body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from ghostwatch.lang import load_pack
from ghostwatch.text.anchors import anchors_of, may_match

#: a capitalised place name of up to four words, with the usual abbreviations ("St. Augustine",
#: "D.C. Police"); the case test ignores the pattern's re.I
_NAME_WORD = r"(?-i:(?:St|Ste|Mt|Ft)\.|(?:[A-Z]\.){2,3}|[A-ZÀ-Þ][\w'’-]*)"
_NAME = rf"{_NAME_WORD}(?:[ ]{_NAME_WORD}){{0,3}}"
#: "(ATF)", "(UNC)": an acronym given right after a body's name belongs to the name
_ACRONYM = re.compile(r"\s*\((?:[A-Z][A-Za-z0-9&-]{1,11})\)")
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class Body:
    """A body named in the text: `start`/`end` span its name (leading article excluded).

    `country` is known from the name itself (a named body's fixed country or a demonym) when
    `country_known`; `seat` spans the place name the body is named after, if any.
    """

    start: int
    end: int
    kind: str
    label: str
    generic: bool
    country: str | None
    country_known: bool
    seat: tuple[int, int] | None


@dataclass(frozen=True)
class _Spec:
    regex: re.Pattern[str]
    anchors: tuple[str, ...]
    kind: str
    label: str
    generic: bool
    country: str | None
    country_known: bool


class BodyFinder:
    """The pack's body patterns, compiled once per language."""

    def __init__(self, config: dict[str, Any]):
        self.demonyms: dict[str, str] = config.get("demonyms") or {}
        demonym = "|".join(re.escape(d) for d in sorted(self.demonyms, key=len, reverse=True))
        self.demonym_pattern = f"(?-i:{demonym})" if demonym else "(?!)"
        self.stopwords = set(config.get("seat_stopwords") or ())
        self.specs = [self._spec(entry, named=True) for entry in config.get("named") or ()]
        self.specs += [self._spec(entry, named=False) for entry in config.get("patterns") or ()]
        self.links = [re.compile(link) for link in config.get("links") or ()]
        not_involved = config.get("not_involved_after") or ()
        self.not_involved = re.compile("|".join(f"(?:{p})" for p in not_involved) or "(?!)", re.I)

    def _spec(self, entry: dict[str, Any], named: bool) -> _Spec:
        pattern = entry["pattern"]
        seats = iter(range(pattern.count("{seat}")))
        pattern = re.sub(
            r"( ?)\{seat\}",
            lambda m: (r"\s?" if m.group(1) else "") + rf"(?P<seat{next(seats)}>{_NAME})",
            pattern,
        )
        demonyms = iter(range(pattern.count("{demonym}")))
        pattern = re.sub(
            r"\{demonym\}",
            lambda m: f"(?P<demonym{next(demonyms)}>{self.demonym_pattern})",
            pattern,
        )
        flags = 0 if named else re.IGNORECASE
        regex = re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", flags)
        return _Spec(
            regex=regex,
            anchors=anchors_of(regex),
            kind=entry["kind"],
            label=entry.get("label", entry["kind"]),
            generic=bool(entry.get("generic", False)),
            country=entry.get("country"),
            country_known="country" in entry,
        )

    def find(self, text: str) -> list[Body]:
        """The bodies named in `text`, in text order; overlapping matches keep the longest,
        and a body the text says is not acting ("the Pnat did not take the case") is left out."""
        lowered = text.lower()
        matches = [
            self._body(spec, match, text)
            for spec in self.specs
            if may_match(spec.anchors, lowered)
            for match in spec.regex.finditer(text)
        ]
        matches.sort(key=lambda body: (body.start - body.end, body.start))
        chosen: list[Body] = []
        for body in matches:
            if all(body.end <= other.start or body.start >= other.end for other in chosen):
                chosen.append(body)
        chosen.sort(key=lambda body: body.start)
        joined = self._join(chosen, text)
        return [b for b in joined if not self.not_involved.match(text[b.end : b.end + 80])]

    def _body(self, spec: _Spec, match: re.Match[str], text: str) -> Body:
        start, end = match.span()
        acronym = _ACRONYM.match(text, end)
        if acronym:
            end = acronym.end()
        country, country_known, generic = spec.country, spec.country_known, spec.generic
        groups = match.groupdict()
        demonym = next((v for k, v in groups.items() if k.startswith("demonym") and v), None)
        seat = self._seat(match)
        if seat is not None and any(
            k.startswith("seat") and match.start(k) == start
            for k, v in match.groupdict().items()
            if v
        ):
            start = seat[0]  # "Today Sheffield Crown Court": the name starts at the seat
        if seat is not None and text[seat[0] : seat[1]] in self.demonyms:
            demonym, seat = text[seat[0] : seat[1]], None  # "Dutch police"
        elif seat is None and any(k.startswith("seat") and v for k, v in groups.items()):
            generic = True  # "Local police": the would-be seat was only a sentence opener
        if demonym:
            country, country_known = self.demonyms[demonym], True
        start = self._without_article(text, start, end)
        return Body(start, end, spec.kind, spec.label, generic, country, country_known, seat)

    def _seat(self, match: re.Match[str]) -> tuple[int, int] | None:
        """The seat's span, without sentence openers ("Today Sheffield") or a possessive."""
        for group, value in match.groupdict().items():
            if not group.startswith("seat") or value is None:
                continue
            start, end = match.span(group)
            words = value.split(" ")
            while words and (words[0] in self.stopwords or _POSSESSIVE.sub("", words[0]) == ""):
                start += len(words.pop(0)) + 1
            if not words:
                return None
            end -= len(value) - len(_POSSESSIVE.sub("", value))
            return (start, end) if end > start else None
        return None

    @staticmethod
    def _without_article(text: str, start: int, end: int) -> int:
        article = re.match(r"(?i)(?:(?:the|an?|la|le|les|une?)\s+|l['’])", text[start:end])
        return start + article.end() if article and article.end() < end - start else start

    def _join(self, bodies: list[Body], text: str) -> list[Body]:
        """Merge chains of bodies named through each other into the most specific member."""
        joined: list[list[Body]] = []
        for body in bodies:
            if joined and self._linked(text[joined[-1][-1].end : body.start]):
                joined[-1].append(body)
            else:
                joined.append([body])
        return [_merged(chain) for chain in joined]

    def _linked(self, between: str) -> bool:
        return any(link.fullmatch(between) for link in self.links)


def _merged(chain: list[Body]) -> Body:
    if len(chain) == 1:
        return chain[0]
    main = next((body for body in chain if not body.generic), chain[0])
    seats = [body.seat for body in chain if body.seat is not None]
    known = next((body for body in chain if body.country_known), main)
    return Body(
        start=chain[0].start,
        end=chain[-1].end,
        kind=main.kind,
        label=main.label,
        generic=main.generic,
        country=known.country,
        country_known=known.country_known,
        seat=seats[-1] if seats else None,
    )


@cache
def body_finder(language: str) -> BodyFinder:
    """The finder for `language`'s pack (shared by the components of one process)."""
    return BodyFinder(load_pack(language).section("agencies") or {})


@lru_cache(maxsize=4)
def bodies_in(language: str, text: str) -> tuple[Body, ...]:
    """The bodies of one document, found once for the two components that read them."""
    return tuple(body_finder(language).find(text))
