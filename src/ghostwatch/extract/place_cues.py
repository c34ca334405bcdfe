"""Regions a page points to without naming them as places of the story.

A local news page names its state in ways that are no place mention: the outlet line of its
title ("... - WMC Action News 5 - Memphis, Tennessee", "LEXINGTON, SC: Coroner ...",
"WTVM.com-Columbus, GA News") and the names of the state's bodies, papers and institutions in
its text ("the Georgia Bureau of Investigation", "the Alaska Dispatch News", "University of
Mississippi Medical Center"). None of them says where the case happened (a syndicated story keeps
its outlet's line, a victim may be flown to another state's hospital), but a story is far more
often set in the state its page speaks of; so these regions only weigh namesakes
(extract/place_choice.py): the "Lexington" of a South Carolina page is the one in South Carolina,
its "Greene County" the county of that state.

The page's address says as much: a local outlet's domain often holds its city's or its region's
name ("houstonchronicle.com", "oregonlive.com", "lasvegassun.com"), and a national domain its
country (".fr", ".be", ".co.uk"): the source's country and region, when known, weigh namesakes
the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from ghostwatch.extract.evidence import doc_text
from ghostwatch.extract.place_mentions import PlaceMention, any_of
from ghostwatch.extract.place_scan import lowered
from ghostwatch.geo import LARGE_CITY_POPULATION, Gazetteer, Place, name_key

#: a capitalised word, abbreviations kept whole ("N.C.", "Tenn."), the end of a title line's
#: outlet ("OK-" of "Lawton, OK- Wichita Falls") left out
_WORD = re.compile(r"[A-ZÀ-Þ][\w'’]*(?:\.(?:[A-Z]\.)*)?")
#: the words after a comma in a title: "Columbia, South Carolina", "Huntsville, AL"
_AFTER_COMMA = re.compile(r",[ \t]*")
#: the word after a name ("Sentinel" of "Orlando Sentinel", "Street" of "Cleveland Street")
_FOLLOWING = re.compile(r"(?:['’]s)?[ \t]+([\w-]+)")
_POSSESSIVE = re.compile(r"['’]s$")
#: the most words a region's name has ("District of Columbia" is reached by its own lookups)
REGION_WORDS = 3
#: a big city points to its region when it is this many times the size of any namesake
#: ("Orlando" of Florida, not "Columbus" of Ohio or of Georgia)
BIG_CITY_RATIO = 5
#: the host of an address; in an archive's address ("web.archive.org/web/2016/http://...")
#: the last one is the page's own
_HOST = re.compile(r"https?://([^/:?#\s]+)", re.IGNORECASE)
#: the shortest run of letters of a domain read as a place's name ("texas", not "nbc")
MIN_ADDRESS_NAME = 5
#: labels of a domain that name no outlet, and country codes used as generic endings
_GENERIC_LABELS = frozenset({"www", "m", "mobile", "amp", "com", "org", "net", "edu", "gov"})
_VANITY_DOMAINS = frozenset({"co", "tv", "fm", "io", "me", "ly", "cc", "ws", "ai", "am"})
#: country-code endings that are not the country's ISO code
_DOMAIN_COUNTRIES = {"uk": "GB"}


class RegionCues:
    """Reads a page's regions with the gazetteer, the language's region qualifiers
    (`regions_named`: "Tenn.", "SC", "South Carolina") and the pack's wording: the parser's
    labels for people's names (a "Georgia" may be someone's first name), street words
    ("Cleveland Street" is no cue), and the words that show a town named for something else
    than the story (a paper's or a hospital's name, a distant landmark)."""

    def __init__(
        self,
        config: dict[str, Any],
        gazetteer: Gazetteer,
        regions_named: Callable[[str], list[Place]],
    ):
        self.gazetteer = gazetteer
        self.regions_named = regions_named
        self.person_labels = frozenset(config.get("person_labels") or ())
        self.street_words = lowered(config.get("street_words"))
        # the nouns after a big city's name that make it a paper's or a hospital's
        self.elsewhere_nouns = lowered(config.get("outlet_words")) | lowered(
            config.get("elsewhere_nouns")
        )
        self.elsewhere_before = any_of(config.get("elsewhere_before"))

    def regions(
        self, title: str, doc: Doc, mentions: Sequence[PlaceMention], source: str | None = None
    ) -> list[Place]:
        """The regions (and countries) the page's address, title and text point to, each
        once."""
        return _distinct(
            [
                *self._in_address(source or ""),
                *self._in_title(title, mentions),
                *self._in_text(doc, mentions),
            ]
        )

    def _in_address(self, source: str) -> tuple[Place, ...]:
        """The country of the page's national domain and the regions its outlet's name holds
        ("houstonchronicle.com": Texas)."""
        hosts = _HOST.findall(source)
        return self._of_host(hosts[-1].lower()) if hosts else ()

    @lru_cache(maxsize=4096)  # noqa: B019 -- one finder per language for the process's life
    def _of_host(self, host: str) -> tuple[Place, ...]:
        labels = host.split(".")
        found: list[Place] = []
        ending = labels[-1]
        code = _DOMAIN_COUNTRIES.get(ending, ending.upper())
        if len(ending) == 2 and ending not in _VANITY_DOMAINS:
            country = self.gazetteer.country(code)
            if country is not None:
                found.append(country)
        for label in labels[:-1]:
            if label in _GENERIC_LABELS or label in _VANITY_DOMAINS:
                continue
            for run in re.findall(r"[a-z]+", label):
                found.extend(self._named_in_run(run))
        return tuple(found)

    def _named_in_run(self, run: str) -> list[Place]:
        """The regions the names inside a run of letters point to, longest names first and
        not overlapping; names at either end of the run may be two words ("lasvegassun"). A
        name pointing to no region still holds its letters ("kansascity" is not Kansas)."""
        matches = []
        for start in range(len(run)):
            for end in range(len(run), start + MIN_ADDRESS_NAME - 1, -1):
                piece = run[start:end]
                spellings = [piece]
                if start == 0 or end == len(run):
                    cuts = range(2, len(piece) - 2)
                    spellings += [f"{piece[:cut]} {piece[cut:]}" for cut in cuts]
                named = next((found for name in spellings if (found := self._named_as(name))), None)
                if named is not None:
                    matches.append((start, end, named[0]))
                    break
        kept: list[tuple[int, int, Place | None]] = []
        for start, end, region in sorted(matches, key=lambda m: m[0] - m[1]):
            if all(end <= other_start or other_end <= start for other_start, other_end, _ in kept):
                kept.append((start, end, region))
        return [region for _, _, region in kept if region is not None]

    def _named_as(self, name: str) -> tuple[Place | None] | None:
        """None when no place is called `name`, else the region it points to (or None)."""
        places = [p for p in self.gazetteer.lookup(name) if p.called(name)]
        return (_region_of(places, name_key(name), self.gazetteer)[0],) if places else None

    def _in_title(self, title: str, mentions: Sequence[PlaceMention]) -> list[Place]:
        """The regions the title names: after a comma ("Memphis, Tennessee", "Columbus,
        GA"), by their own name ("WFSB 3 Connecticut"), or through a big city ("WREX.com -
        Rockford's News Leader")."""
        names = {name_key(mention.text) for mention in mentions}
        found = self._qualifiers(title)
        for start, end, region, _ in self._named(title):
            if name_key(title[start:end]) not in names and not self._street(title, end):
                found.append(region)
        return found

    def _in_text(self, doc: Doc, mentions: Sequence[PlaceMention]) -> list[Place]:
        """The regions the text names where it names no place of the story: inside the names
        of bodies and papers, by their own name ("the Georgia Bureau of Investigation") or
        through a big city ("the Orlando Sentinel"), and through a big city named for
        something else ("taken to a Topeka hospital", "150 miles northeast of Denver"). Not a
        name the text gives as a place (it counts as a mention already), a street's ("South
        Maryland Avenue", "Cleveland Street") or a person's."""
        text = doc_text(doc)
        names = {name_key(mention.text) for mention in mentions}
        spans = [(mention.start, mention.end) for mention in mentions]
        found = []
        for start, end, region, through_city in self._named(text):
            if (
                name_key(text[start:end]) in names
                or any(a < end and start < b for a, b in spans)
                or self._street(text, end)
            ):
                continue
            if through_city:
                # the words around it, not the parser, tell ("Orlando Sentinel" is no person)
                if self._following(text, end) in self.elsewhere_nouns or (
                    self.elsewhere_before.search(text[max(0, start - 80) : start])
                ):
                    found.append(region)
                continue
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not any(t.ent_type_ in self.person_labels for t in span):
                found.append(region)
        return found

    def _following(self, text: str, end: int) -> str:
        """The word after a name, in lower case ("sentinel" of "Orlando Sentinel")."""
        following = _FOLLOWING.match(text, end)
        return following.group(1).lower() if following else ""

    def _street(self, text: str, end: int) -> bool:
        """Whether a street's or a building's word follows the name, other than a paper's or
        a hospital's ("Cleveland Street", not "a Topeka hospital")."""
        following = self._following(text, end)
        return following in self.street_words and following not in self.elsewhere_nouns

    def _qualifiers(self, title: str) -> list[Place]:
        """Regions given after a comma in the title ("Memphis, Tennessee", "Columbus, GA")."""
        found = []
        for comma in _AFTER_COMMA.finditer(title):
            words: list[re.Match[str]] = []
            for word in _WORD.finditer(title, comma.end()):
                before = title[words[-1].end() if words else comma.end() : word.start()]
                if before != (" " if words else ""):
                    break
                words.append(word)
                if len(words) == REGION_WORDS:
                    break
            for size in range(len(words), 0, -1):
                name = title[words[0].start() : words[size - 1].end()]
                regions = [r for r in self.regions_named(name) if r.kind == "admin1"]
                if regions:
                    found.append(regions[0])
                    break
        return found

    def _named(self, text: str) -> Iterator[tuple[int, int, Place, bool]]:
        """Each name in `text` that points to a region, also inside a longer name, with its
        span, its region and whether it is a big city's name; the longest place name wins,
        so "Kansas City" and "Indiana County" point to no region."""
        words = list(_WORD.finditer(text))
        index = 0
        while index < len(words):
            run = [words[index]]
            for word in words[index + 1 : index + REGION_WORDS + 1]:
                if text[run[-1].end() : word.start()] != " ":
                    break
                run.append(word)
            size, region, through_city = self._longest_place(text, run)
            if region is not None:
                yield run[0].start(), run[size - 1].end(), region, through_city
            index += max(size, 1)

    def _longest_place(self, text: str, run: list[re.Match[str]]) -> tuple[int, Place | None, bool]:
        """The number of words of the longest place name opening `run`, the region it points
        to and whether through a city: a region's own name, or the region of a big city far
        bigger than its namesakes (None for any other place, or when the name is both a
        region's and a big city's: "Washington")."""
        for size in range(len(run), 0, -1):
            name = _POSSESSIVE.sub("", text[run[0].start() : run[size - 1].end()])
            places = [p for p in self.gazetteer.lookup(name) if p.called(name)]
            if not places:
                continue
            region, through_city = _region_of(places, name_key(name), self.gazetteer)
            return size, region, through_city
        return 0, None, False


def _region_of(places: list[Place], key: str, gazetteer: Gazetteer) -> tuple[Place | None, bool]:
    """The region a name points to and whether through a city: a region's own name, or a big
    city's far bigger than its namesakes (None for any other place, or when the name is both a
    region's and a big city's: "Washington")."""
    regions = [p for p in places if p.kind == "admin1" and name_key(p.name) == key]
    towns = sorted((p for p in places if p.kind == "city"), key=lambda p: -p.population)
    big = bool(towns) and towns[0].population >= LARGE_CITY_POPULATION
    if regions and not big:
        return regions[0], False
    if (
        big
        and not regions
        and (len(towns) == 1 or towns[0].population >= BIG_CITY_RATIO * towns[1].population)
    ):
        city = towns[0]
        return gazetteer.admin1(city.country, city.admin1_code or ""), True
    return None, False


def _distinct(regions: list[Place]) -> list[Place]:
    return list({(region.country, region.admin1_code): region for region in regions}.values())
