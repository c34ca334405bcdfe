"""Where a document names places, and what each name could be.

Mentions come from six sources, strongest first: a town with its region ("Ardmore, Okla.",
"Roquebrune-sur-Argens (Var)", "PARIS, Texas"; the region alone when the gazetteer lacks the
town), a dateline ("CHICAGO (AP) —", "Champaign - "), the parser's place entities, the seats of
official bodies ("Sheffield Crown Court", "the Las Vegas Metropolitan Police Department"),
capitalised names whose wording makes them places though the parser missed them ("of Walsall",
"A Rockingham man", "a 33-year-old Pontiac man", "in Chattanooga Sunday"), and names no wording
cues that the gazetteer scan keeps (extract/place_scan.py: "Nice police said", "a Rotterdam
court"). A foreign name of a large town is that town ("à Londres", "Liège and Luik"). A region
that only qualifies a town, and a parenthesis glossing a place ("Ile-de-France (Paris region)"),
name no place of their own. A county the pack's words name before its name ("le comté de
Harris") is read first, as the county the gazetteer knows in English ("Harris County"), and so is
a hyphenated name it knows only with the county word ("Miami-Dade", never Miami alone). A compass
word before or after an unknown name marks a quarter of the town it names ("Southwest Memphis",
"New Orleans East"), unless the gazetteer knows the longer name ("East Orange"). Names in
page furniture (bylines, outlet names such as "Chicago Tribune"), streets, addresses, makes of
guns named after towns ("a Springfield pistol") and places named for something else (the
hospital a victim was taken to, a distant landmark: "25 miles north of Greensboro") are left
out. Each mention carries its gazetteer candidates; its role is read by extract/place_roles.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from ghostwatch.extract.bodies import Body
from ghostwatch.extract.evidence import doc_text, entities_in
from ghostwatch.extract.place_scan import GazetteerScan, lowered
from ghostwatch.geo import Gazetteer, Place, name_key

#: a capitalised word; a full stop stays inside it (abbreviations: "St.", "W.Va.", "Tenn."), but
#: not one glued to the next sentence's first word ("in Winchester.Officers were called",
#: "JACKSON, Tenn.-An update": scraped pages lose the space after a full stop)
_WORD = r"[A-ZÀ-Þ](?:[\w'’-]|\.(?!-?[A-Z](?:[a-z]|\b))|(?<![a-z]{3})\.)*"
#: "Newcastle West, Co Limerick", "PARIS, Texas", "Reynoldsburg, OH", "Valence, en Espagne"
_QUALIFIED = re.compile(
    rf"(?P<name>{_WORD}(?: {_WORD}){{0,4}}),[ \t]+(?:(?:in|en|au|aux)[ \t]+)?"
    rf"(?P<qualifier>{_WORD}(?: {_WORD}){{0,2}})"
)
#: the state after a county qualifier: "GREENCASTLE, FRANKLIN COUNTY, Pa."
_QUALIFIER_TAIL = re.compile(rf",[ \t]+({_WORD}(?: {_WORD}){{0,1}})")
#: "Roquebrune-sur-Argens (Var)", "Marseille (southwest of France)"
_PARENTHESISED = re.compile(
    rf"(?P<name>{_WORD}(?: {_WORD}){{0,4}})\s*\((?P<qualifier>[^()\n]{{2,60}})\)"
)
#: "CHICAGO (AP) —", "NEWARK —" at the start of a line
_DATELINE = re.compile(
    r"(?m)^(?P<name>[A-Z][A-Z.'’ -]{2,40}?)\s*(?:\([\w .]{1,20}\)\s*)?[—–-]{1,2}\s"
)
#: "Champaign - Two shootings near ...": a dateline in title case, before a sentence
_TITLE_DATELINE = re.compile(
    r"(?m)^(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})[ \t]+[—–-]{1,2}[ \t]+(?=[A-Z0-9])"
)
_CAPITALISED = re.compile(rf"{_WORD}(?: {_WORD})*")
#: a place name's words, with the particles place names keep inside ("Provence-Alpes-Côte
#: d'Azur", "Newcastle upon Tyne", "Isle of Wight")
_JOINER = r"(?:\s(?:d['’]|(?:de|du|des|de la|sur|en|lès|upon|of)\s)?)"
_RUN = re.compile(rf"{_WORD}(?:{_JOINER}{_WORD}){{0,5}}")
_RUN_WORD = re.compile(rf"(?<![\w'’]){_WORD}|(?<=d['’]){_WORD}")
_TRAILING = re.compile(r"(?:['’]s?|[.,;:])+$")
_POSSESSIVE = re.compile(r"\w['’]s$")
_GLOSS = re.compile(r"\s*\([^()\n]{1,60}\)")
_FOLLOWING_WORD = re.compile(r"(?:['’]s)?[\s-]+([\w’'-]+)")
#: a capitalised word right after a name, on the same line (a possessive too, for names found
#: from their wording alone)
_NAME_GOES_ON_PLAIN = re.compile(r"[ \t]+([A-ZÀ-Þ][\w.'’-]*)")
_NAME_GOES_ON = re.compile(r"(?:['’]s)?[ \t]+([A-ZÀ-Þ][\w.'’-]*)")
_FACILITY = re.compile(
    r"(?P<words>(?:[ \t]+[A-ZÀ-Þ][\w.'’-]*)+)(?P<elsewhere>\s+(?:in|at|à)\s+[A-ZÀ-Þ])?"
)

COARSE_KINDS = frozenset({"country", "admin1", "admin2"})
#: sources of names read without a region or a body to vouch for them
FREE_SOURCES = frozenset({"ner", "context", "gazetteer"})
#: sources of names the parser did not take for places
UNLABELLED_SOURCES = frozenset({"context", "gazetteer"})
HEADLINE_WORDS = 25
SENTENCE_ENDS = (".", "!", "?", ":", ";", '"', "”", "’", "'", ")", "»", "…")
#: the smallest town a part of a longer name may be ("South Los Angeles" -> "Los Angeles"); the
#: words left out must be modifiers ("Mount Auburn" is not Auburn)
SUBPART_POPULATION = 15000
#: the smallest town whose foreign names are read ("Londres" for London, "Luik" for Liège)
FOREIGN_NAME_POPULATION = 100_000
MILLION_CITY_POPULATION = 1_000_000


@dataclass
class PlaceMention:
    """One place name in the text: `start`/`end` are character offsets into the document."""

    start: int
    end: int
    text: str
    sentence: Span
    source: str
    candidates: list[Place]
    region: Place | None = None
    body: Body | None = None
    role: str = "incident"
    #: the text marks the area as a place of its own ("unincorporated Maricopa County"), not
    #: the surroundings of a town named beside it
    distinct: bool = False
    #: the mention stands in a short unpunctuated line in the body: a headline, often of
    #: another story ("Three shot in separate incidents in Brooklyn, the Bronx")
    headline: bool = False


@dataclass
class _Page:
    """One document as the finder reads it; `doc.text` is rebuilt on every access, so the text
    and the entities are taken once."""

    doc: Doc
    person_labels: set[str]
    text: str = ""
    entity_end: dict[int, int] = field(default_factory=dict)
    #: words of people's full names ("Hampton" of "Jane Hampton", "Alexis" of "Alexis Ray")
    name_words: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.text = doc_text(self.doc)
        for entity in entities_in(self.doc):
            for i in range(entity.start, entity.end):
                self.entity_end[i] = entity.end_char
            if (
                entity.label_ in self.person_labels
                and len(entity) > 1
                and not _short_unpunctuated_line(self.text, entity.start_char)
            ):  # a title-case headline ("Miami Boy Killed") is no one's name
                self.name_words.update(token.text for token in entity if token.is_alpha)


def within(place: Place, region: Place) -> bool:
    """Whether `place` lies in `region` (a country, a first-level region or a county): in a
    county, by the name of the county the gazetteer gives the town, where it gives one (else
    any town of the county's state may lie in it)."""
    if place.country != region.country:
        return False
    if region.kind == "country":
        return True
    if place.admin1_code is None or place.admin1_code != region.admin1_code:
        return False
    if region.kind == "admin2" and place.kind == "city" and place.admin2 is not None:
        return region.called(place.admin2)
    return True


class MentionFinder:
    """The pack's `places` wording, compiled once per language."""

    def __init__(self, config: dict[str, Any], gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        words = _WordLists(config)
        self.ner_labels = words.of("ner_labels", lower=False)
        self.blocking = words.of("blocking_labels", lower=False)
        self.reclaimable = words.of("reclaimable_labels", lower=False)
        self.person_labels = words.of("person_labels", lower=False)
        self.town_only_labels = words.of("town_only_labels", lower=False) or self.person_labels
        self.date_labels = words.of("date_labels", lower=False)
        self.not_places = words.of("not_places", lower=False)
        self.prepositions = words.of("place_prepositions")
        self.articles = words.of("articles")
        self.modifiers = self.articles | words.of("place_modifiers")
        self.list_words = words.of("list_words")
        self.name_links = words.of("name_links")
        self.street_words = words.of("street_words")
        self.make_nouns = words.of("make_nouns")
        self.outlet_words = words.of("outlet_words")
        self.county_prefixes = words.of("county_prefixes", lower=False)
        self.place_titles = words.of("place_titles", lower=False)
        self.facility_words = words.of("facility_words", lower=False)
        self.quarter_words = words.of("quarter_words")
        self.county_word = config.get("county_word", "County")
        before = "|".join(f"(?:{p})" for p in config.get("county_before") or ())
        self.county_phrase = re.compile(
            rf"(?i:{before})(?P<name>{_WORD}(?: {_WORD}){{0,3}})" if before else "(?!)"
        )
        self.abbreviations: dict[str, list[str]] = config.get("region_abbreviations") or {}
        self.person_name_population = int(config.get("person_name_population", 0))
        self.address = any_of(config.get("address_patterns"))
        self.furniture = any_of(config.get("furniture_patterns"))
        self.elsewhere_before = any_of(config.get("elsewhere_before"))
        self.elsewhere_after = any_of(config.get("elsewhere_after"))
        self.intersection = any_of(config.get("intersection_patterns"), flags=0)
        residence = (config.get("roles") or {}).get("residence") or {}
        self.person_noun_after = any_of(residence.get("after"))
        self.person_noun_opener = any_of(
            f"(?:{p})$" for p in config.get("person_noun_openers") or ()
        )
        self.noun_modifier_opener = any_of(
            f"(?:{p})$" for p in config.get("noun_modifier_openers") or ()
        )
        self.elsewhere_nouns = words.of("elsewhere_nouns")
        self.area_words = words.of("area_words")
        #: the countries the language's news covers (their towns are named in the language)
        self.home_countries = set(config.get("country_prior") or ())
        self.scan = GazetteerScan(config, gazetteer, _run_end)

    def find(self, doc: Doc, bodies: list[Body]) -> list[PlaceMention]:
        """Every place mention of `doc`, in text order."""
        page = _Page(doc, self.person_labels)
        found: list[PlaceMention] = []
        taken: list[tuple[int, int]] = []
        for mention in self._counties(page):
            found.append(mention)
            taken.append((mention.start, mention.end))
        for mention, consumed in self._qualified(page):
            if not _overlaps(mention.start, mention.end, taken):
                found.append(mention)
                taken.extend([(mention.start, mention.end), consumed])
        for mention in (*self._datelines(page), *self._entities(page)):
            if not _overlaps(mention.start, mention.end, taken):
                found.append(mention)
                taken.append((mention.start, mention.end))
        for body in bodies:
            if body.seat and not _overlaps(*body.seat, taken):
                mention = self._seat(page, *body.seat)
                if mention is not None:
                    found.append(mention)
                    taken.append((mention.start, mention.end))
        for mention in self._unlabelled(page, taken):
            found.append(mention)
            taken.append((mention.start, mention.end))
        for mention in self._scanned(page, taken):
            found.append(mention)
            taken.append((mention.start, mention.end))
        glosses = [gloss for m in found if (gloss := _gloss_after(page.text, m.end))]
        kept = []
        body_start = _body_start(page.text)
        for mention in sorted(found, key=lambda mention: mention.start):
            if _overlaps(mention.start, mention.end, glosses):
                continue
            mention.body = next((b for b in bodies if b.start <= mention.start < b.end), None)
            if mention.body is not None and not (
                mention.body.seat and _overlaps(mention.start, mention.end, [mention.body.seat])
            ):
                continue  # "Canada" in "Canada Border Services Agency" names no seat
            if self._is_place(page, mention):
                mention.headline = _in_headline(page.text, mention.start, body_start)
                kept.append(mention)
        return kept

    # -- sources ---------------------------------------------------------------------------

    def _qualified(self, page: _Page) -> Iterator[tuple[PlaceMention, tuple[int, int]]]:
        """Towns with their region; a town the gazetteer lacks in the region its qualifier
        names ("TROY, W.Va.", "in Fountain, Fla.") leaves the region as the finest place known,
        and its name is no other region's namesake."""
        for pattern in (_QUALIFIED, _PARENTHESISED):
            for match in pattern.finditer(page.text):
                start, end = match.span("name")
                regions = list(self._regions_in(page.text, *match.span("qualifier")))
                state = self._state_after(page.text, match.end("qualifier"))
                if state is not None:  # "GREENCASTLE, FRANKLIN COUNTY, Pa."
                    regions = [(r, span) for r, span in regions if within(r, state)] or regions
                town = self._town_in_any(page, start, end, regions)
                if town is not None:
                    mention, span = town
                    yield mention, span if pattern is _QUALIFIED else match.span("qualifier")
                else:
                    areas = [(r, span) for r, span in regions if r.kind != "country"]
                    if areas and pattern is _QUALIFIED and self._town_before(page, start):
                        region, span = areas[0]  # not "en Belgique, aux Pays-Bas": a list
                        mention = self._mention(page, *span, "qualified", [region])
                        if mention is not None:
                            yield mention, (start, end)

    def _counties(self, page: _Page) -> Iterator[PlaceMention]:
        """Counties named in the pack's words before the name ("le comté de Harris": the
        gazetteer knows it as "Harris County"); the mention spans the whole phrase."""
        for match in self.county_phrase.finditer(page.text):
            words = match.group("name").split(" ")
            for size in range(len(words), 0, -1):
                name = _TRAILING.sub("", " ".join(words[:size]))
                county = f"{name} {self.county_word}"
                places = [
                    p
                    for p in self.gazetteer.lookup(county)
                    if p.kind == "admin2" and p.called(county)
                ]
                if places:
                    end = match.start("name") + len(name)
                    mention = self._mention(page, match.start(), end, "context", places)
                    if mention is not None:
                        yield mention
                    break

    def _town_in_any(
        self, page: _Page, start: int, end: int, regions: list[tuple[Place, tuple[int, int]]]
    ) -> tuple[PlaceMention, tuple[int, int]] | None:
        """The town a qualified name means, in the first (longest) qualifier naming one. A
        qualifier several regions share ("Chester, Delaware County": counties of six states)
        means the one whose town of that name is the biggest, the one news speaks of."""
        found = [
            (mention, span)
            for region, span in regions
            if (mention := self._town_in(page, start, end, region)) is not None
        ]
        if not found:
            return None
        first = [(mention, span) for mention, span in found if span == found[0][1]]
        return max(
            first,
            key=lambda pair: (
                -pair[0].start,
                max(place.population for place in pair[0].candidates),
            ),
        )

    def _state_after(self, text: str, end: int) -> Place | None:
        """The first-level region named right after a qualifier (", Pa.")."""
        tail = _QUALIFIER_TAIL.match(text, end)
        if tail is None:
            return None
        return next((r for r in self.regions_named(tail.group(1)) if r.kind == "admin1"), None)

    def _town_before(self, page: _Page, start: int) -> bool:
        """Whether a name before a region qualifier reads as a town: it opens a line (a
        dateline) or follows a place preposition ("near Beverly, Illinois")."""
        before = page.text[max(0, start - 12) : start]
        if not before.strip() or before.endswith("\n"):
            return True
        words = before.split()
        return bool(words) and words[-1].lower() in self.prepositions

    def _regions_in(
        self, text: str, start: int, end: int
    ) -> Iterator[tuple[Place, tuple[int, int]]]:
        """Regions named in a qualifier, longest name first, with their spans."""
        for chunk in _CAPITALISED.finditer(text, start, end):
            words = chunk.group().split(" ")
            for size in range(len(words), 0, -1):
                name = " ".join(words[:size])
                span = (chunk.start(), chunk.start() + len(name))
                for region in self.regions_named(name):
                    yield region, span

    def regions_named(self, name: str) -> list[Place]:
        """The regions (admin1, admin2, country) a qualifier can stand for: "Okla.", "OK",
        "Texas", "Co Limerick", "Var", "Belgium"."""
        abbreviation = self.abbreviations.get(name) or self.abbreviations.get(name + ".")
        if abbreviation:
            region = self.gazetteer.admin1(*abbreviation)
            return [region] if region else []
        name = name.rstrip(".")
        if re.fullmatch(r"[A-Z]{2}", name):
            region = self.gazetteer.admin1("US", name)
            return [region] if region else []
        words = name.split(" ")
        if len(words) > 1 and words[0].rstrip(".") in self.county_prefixes:
            name = f"{self.county_word} {' '.join(words[1:])}"
        return [p for p in self.gazetteer.lookup(name) if p.kind != "city" and p.called(name)]

    def _town_in(self, page: _Page, start: int, end: int, region: Place) -> PlaceMention | None:
        """The longest tail of a capitalised name that is a town of `region` ("In Gary, Ind."
        -> "Gary"), or a county of it by its own name ("WAGONER COUNTY, OK")."""
        words = page.text[start:end].split(" ")
        counties = region.kind in ("admin1", "country")
        for skip in range(len(words)):
            name = " ".join(words[skip:])
            if name in self.not_places:
                continue
            towns = [
                p
                for p in self.gazetteer.lookup(name)
                if (p.kind == "city" or (counties and p.kind == "admin2" and p.called(name)))
                and within(p, region)
            ]
            if towns:
                mention = self._mention(page, end - len(name), end, "qualified", towns)
                if mention is not None:
                    mention.region = region
                return mention
        return None

    def _datelines(self, page: _Page) -> Iterator[PlaceMention]:
        matches = [*_DATELINE.finditer(page.text), *_TITLE_DATELINE.finditer(page.text)]
        for match in matches:
            name = match.group("name").strip()
            if name in self.not_places:
                continue
            start = match.start("name")
            places = self.gazetteer.lookup(name)
            # a town, or an area by its own name ("FAYETTE COUNTY (KDKA) –")
            own = [p for p in places if p.kind != "country" and p.called(name)]
            towns = own or [p for p in places if p.kind == "city"]
            if towns:
                mention = self._mention(page, start, start + len(name), "dateline", towns)
                if mention is not None:
                    yield mention

    def _entities(self, page: _Page) -> Iterator[PlaceMention]:
        for entity in entities_in(page.doc):
            mention = None
            if entity.label_ in self.ner_labels:
                # the parser may cut a name short ("Provence-Alpes-Côte" of "... d'Azur")
                end = max(entity.end_char, _run_end(page.text, entity.start_char) or 0)
                mention = self._best_part(
                    page, entity.start_char, end, "ner", False, whole_end=entity.end_char
                )
            elif entity.label_ in self.reclaimable:
                mention = self._reclaimed(page, entity)
            if mention is not None:
                yield mention

    def _reclaimed(self, page: _Page, entity: Span) -> PlaceMention | None:
        """A mislabelled entity that is wholly a region's, a country's or a hyphenated town's
        own name ("Ile-de-France" tagged PERSON, "the Provence-Alpes-Côte" tagged FAC). A
        sizeable town of a region's name is a candidate too ("a workshop in Valencia" tagged
        PERSON is the city as likely as the region)."""
        start = entity.start_char
        if entity[0].lower_ in self.articles and len(entity) > 1:
            start = entity[1].idx
        end = max(entity.end_char, _run_end(page.text, start) or 0)
        name = _TRAILING.sub("", page.text[start:end])
        own = [p for p in self.gazetteer.lookup(name) if p.called(name)]
        places = [
            p for p in own if p.kind in ("country", "admin1") or (p.kind == "city" and "-" in name)
        ]
        if places:
            places += [
                p
                for p in own
                if p.kind == "city"
                and p not in places
                and p.population >= self.person_name_population
            ]
        return self._mention(page, start, start + len(name), "ner", places) if places else None

    def _unlabelled(self, page: _Page, taken: list[tuple[int, int]]) -> Iterator[PlaceMention]:
        """Capitalised names that no place entity covers, where the wording makes them places:
        after a place preposition ("of Walsall", also across an article or a modifier: "in
        neighbouring Gütersloh"), continuing a list of places ("in Liverpool, Bootle, St Helens
        and Birkenhead"), before a person noun ("A Rockingham man"), or after a comma when they
        name a region or country. A word the parser took for a person's name must be a whole,
        sizeable town (the small model tags "Bolton" and "Lund" as people), and so must the
        words before a date it took them into ("in Chattanooga Sunday")."""
        doc, text = page.doc, page.text
        for token in doc[1:]:
            if not self._free_capitalised(token) or _overlaps(token.idx, token.idx + 1, taken):
                continue
            end = _run_end(text, token.idx)
            cued, kinds = self._cue(page, token, end, taken)
            if end is None or not cued:
                continue
            minimum = 0
            if token.ent_type_ in self.town_only_labels:
                if token.ent_iob_ != "B":
                    continue
                end, minimum = page.entity_end[token.i], self.person_name_population
            elif token.ent_type_ in self.date_labels:
                if token.ent_iob_ != "B":
                    continue
                end, minimum = self._before_date_words(doc, token), self.person_name_population
            mention = self._best_part(page, token.idx, end, "context", True, kinds, minimum)
            if mention is not None and not (minimum and mention.end < end):
                yield mention

    def _scanned(self, page: _Page, taken: list[tuple[int, int]]) -> Iterator[PlaceMention]:
        """Place names no wording cues, kept by the gazetteer scan (extract/place_scan.py), in
        running text."""
        for start, end, places in self.scan.names(page.doc, page.text, taken, page.name_words):
            if _short_unpunctuated_line(page.text, start):
                continue  # a headline, a caption, a list of links: not running text
            mention = self._mention(page, start, end, "gazetteer", places)
            if mention is not None:
                yield mention

    def _before_date_words(self, doc: Doc, token: Token) -> int:
        """Where the capitalised words from `token` end, before the date words of the same
        entity ("Chattanooga" of "Chattanooga Sunday")."""
        end = token.idx + len(token)
        for word in doc[token.i : token.i + 4]:
            if word.ent_type_ != token.ent_type_ or word.text in self.not_places:
                break
            if not word.text[:1].isupper():
                break
            end = word.idx + len(word)
        return end

    def _cue(
        self, page: _Page, token: Token, end: int | None, taken: list[tuple[int, int]]
    ) -> tuple[bool, frozenset[str] | None]:
        """Whether the words around `token` make it a place, and of which kinds (None: any)."""
        doc = page.doc
        previous = token.i - 1
        while previous > 0 and doc[previous].lower_ in self.modifiers and token.i - previous < 3:
            previous -= 1
        cue = doc[previous]
        if cue.lower_ in self.list_words and any(
            0 <= cue.idx - stop <= 3 and not page.text[stop : cue.idx].strip() for _, stop in taken
        ):
            return True, None  # a list of places goes on
        if cue.lower_ in self.prepositions and not (
            cue.i > 0 and doc[cue.i - 1].text[:1].isupper() and cue.lower_ in self.name_links
        ):  # "the Department of Energy" is a name, not a place
            return True, None
        if (
            end is not None
            and self.person_noun_opener.search(page.text, max(0, token.idx - 30), token.idx)
            and self.person_noun_after.match(page.text[end : end + 40])
        ):
            return True, None  # "A Rockingham man", "a 33-year-old Pontiac man"
        return cue.text == ",", COARSE_KINDS

    def _free_capitalised(self, token: Token) -> bool:
        """A capitalised word the parser did not already take for a place, a date or a number."""
        label = token.ent_type_
        return (
            token.text[:1].isupper()
            and token.is_alpha
            and (
                label not in self.blocking
                or label in self.reclaimable
                or label in self.town_only_labels
                or (label in self.date_labels and token.text not in self.not_places)
            )
            and label not in self.ner_labels
        )

    def _best_part(
        self,
        page: _Page,
        start: int,
        end: int,
        source: str,
        prefixes_only: bool,
        kinds: frozenset[str] | None = None,
        minimum_population: int = 0,
        whole_end: int | None = None,
    ) -> PlaceMention | None:
        """The whole name if the gazetteer knows it, else its longest part that is a region,
        a country or a sizeable town by its own name ("South Los Angeles" -> "Los Angeles").
        `whole_end` ends a second whole: an entity the name was extended from."""
        words = [m.span() for m in _RUN_WORD.finditer(page.text, start, end)]
        if not words:
            return None
        wholes = {(words[0][0], words[-1][1]), (words[0][0], whole_end)}
        parts = []
        for size in range(len(words), 0, -1):
            firsts = [0] if prefixes_only else range(len(words) - size + 1)
            parts.extend((words[first][0], words[first + size - 1][1]) for first in firsts)
        for part_start, part_end in parts:
            name = _TRAILING.sub("", page.text[part_start:part_end])
            if name in self.not_places or name.lower() in self.articles:
                continue
            whole = (part_start, part_end) in wholes
            smallest = minimum_population if whole or prefixes_only else SUBPART_POPULATION
            towns = (
                whole
                or prefixes_only
                or source == "seat"  # the seat of "Las Vegas Metropolitan Police"
                or self._only_modifiers(page.text, words, part_start, part_end, whole_end)
            )
            places = [
                p
                for p in self.gazetteer.lookup(name)
                if (kinds is None or p.kind in kinds)
                and p.called(name)
                and (p.kind != "city" or (towns and p.population >= smallest))
            ]
            if name in self.abbreviations or name + "." in self.abbreviations:
                places = self.regions_named(name)  # "Minn." is Minnesota, not Minden
            elif name.isupper() and len(name) <= 3:
                # "WA", "NSW", "US": an abbreviation, never a town called "Wa"
                places = self.regions_named(name) or [p for p in places if p.kind == "country"]
            elif not places and whole and (county := self.hyphenated_county(name)):
                places = county  # "northeast Miami-Dade" is Miami-Dade County
            elif not places and whole and source == "ner":
                places = self.gazetteer.lookup(name)  # a foreign name: "Bruxelles", "Anvers"
            elif whole and source in ("ner", "context"):
                places = places + self._foreign_names(page, name, source, kinds)
            if places:
                mention = self._mention(page, part_start, part_start + len(name), source, places)
                if mention is not None:
                    return mention
        return None

    def _foreign_names(
        self, page: _Page, name: str, source: str, kinds: frozenset[str] | None
    ) -> list[Place]:
        """Large towns the gazetteer knows by `name` only as another language's name for them
        ("Londres", "Luik", "Anvers"), when no region and no town of note bears it as its own
        (Londres in Argentina has 3,000 people), nor any town of a country the language's news
        covers. The gazetteer's other names are often words or people's names ("Cabela" for
        Gabela, "Salazar" for N'dalatando), so the text must also give the town by its own
        name ("Liège and Luik"), or else the parser take the name for a place and the name be
        alike the town's ("Londres", "Cologne" for Köln, a city of a million)."""
        if kinds is not None and "city" not in kinds:
            return []
        found = self.gazetteer.lookup(name)
        if any(
            p.called(name)
            and (
                p.kind != "city"
                or p.population >= SUBPART_POPULATION
                or p.country in self.home_countries
            )
            for p in found
        ):
            return []
        return [
            p
            for p in found
            if p.kind == "city"
            and not p.called(name)
            and p.population >= FOREIGN_NAME_POPULATION
            and (
                _names_word(page.text, p.name)
                or (source == "ner" and _alike(name, p))  # "Londres" for London
            )
        ]

    def _only_modifiers(
        self,
        text: str,
        words: list[tuple[int, int]],
        part_start: int,
        part_end: int,
        whole_end: int | None = None,
    ) -> bool:
        """Whether the words of a name outside one of its parts are all modifiers or compass
        words ("South" of "South Los Angeles", "Nord" of "Marseille Nord"). Words the name was
        extended by past the entity it came from (`whole_end`) do not count: "Sunday" of
        "Southwest Memphis Sunday" is a date."""
        limit = whole_end if whole_end is not None and part_end <= whole_end else None
        return all(
            text[start:end].lower() in self.modifiers | self.quarter_words
            for start, end in words
            if (end <= part_start or start >= part_end) and (limit is None or end <= limit)
        )

    def _seat(self, page: _Page, start: int, end: int) -> PlaceMention | None:
        """The place a body is named after; the name the body pattern took for its seat may
        hold more words than the place ("Las Vegas Metropolitan Police", "Initial New Orleans
        Police Department reports"), so its longest part that is a place will do."""
        name = page.text[start:end]
        if name in self.not_places:
            return None  # "Metro police"
        county = f"{name} {self.county_word}"
        if page.text[end : end + len(county) - len(name)].lower() == county[len(name) :].lower():
            places = [p for p in self.seat_places(county) if p.kind == "admin2"]
            if places:  # "Fort Bend County Sheriff": the seat is the county
                return self._mention(page, start, end + len(county) - len(name), "seat", places)
        places = self.seat_places(name)
        if places:
            return self._mention(page, start, end, "seat", places)
        words = name.split(" ")
        for size in (2, 1):  # "the Bristol Tennessee Police Department"
            if len(words) > size:
                tail = " ".join(words[-size:])
                for region in self.regions_named(tail):
                    town = self._town_in(page, start, end - len(tail) - 1, region)
                    if town is not None:
                        return town
        first, *rest = name.split(" ")
        county = self.hyphenated_county(first)
        if county and set(rest) <= self.not_places:  # "Miami-Dade Police"
            return self._mention(page, start, start + len(first), "seat", county)
        head = first.split("-")[0]
        if head != first and head not in self.not_places and set(rest) <= self.not_places:
            # "the Charlotte-Mecklenburg Police", "Savannah-Chatham Metro Police": the force of a
            # city and its county works in the city
            towns = [p for p in self.seat_places(head) if p.kind == "city"]
            if towns:
                return self._mention(page, start, start + len(head), "seat", towns)
        return self._best_part(page, start, end, "seat", False)

    def hyphenated_county(self, name: str) -> list[Place]:
        """The county a hyphenated name stands for, the county word left out ("Miami-Dade" for
        Miami-Dade County); its first word alone is another place ("Miami")."""
        if "-" not in name:
            return []
        county = f"{name} {self.county_word}"
        return [p for p in self.gazetteer.lookup(county) if p.kind == "admin2" and p.called(county)]

    def seat_places(self, name: str) -> list[Place]:
        """What a body's seat can be: a place by its own name or a region's abbreviation
        ("WA Police" is Western Australia's, not that of Wa in Ghana)."""
        if name in self.abbreviations or (name.isupper() and len(name) <= 3):
            return self.regions_named(name)
        return [p for p in self.gazetteer.lookup(name) if p.called(name)]

    @staticmethod
    def _mention(
        page: _Page, start: int, end: int, source: str, places: list[Place]
    ) -> PlaceMention | None:
        name = _TRAILING.sub("", page.text[start:end])
        span = page.doc.char_span(start, start + len(name), alignment_mode="expand")
        if not name or not places or span is None:
            return None
        return PlaceMention(start, start + len(name), name, span.sent, source, places)

    # -- filters ---------------------------------------------------------------------------

    def _is_place(self, page: _Page, mention: PlaceMention) -> bool:
        """Whether a mention names a place of the story rather than a person, a street, an
        outlet, a line of page furniture or somewhere named for another reason."""
        text = page.text
        if mention.source in ("ner", "gazetteer") and self._before_a_name(page, mention):
            return False  # "Jordan Whitfield": a first name the parser took for a country
        if mention.source in FREE_SOURCES and mention.text in page.name_words:
            return False  # "Stewart and Hampton were struck": Hampton is Jane Hampton
        if mention.source in FREE_SOURCES and mention.text.lower() in self.outlet_words:
            return False  # "according to the Tribune"
        line_start = text.rfind("\n", 0, mention.start) + 1
        line_end = text.find("\n", mention.end)
        if self.furniture.search(text[line_start : line_end if line_end >= 0 else len(text)]):
            return False
        following = _FOLLOWING_WORD.match(text[mention.end : mention.end + 40])
        if following:
            word = following.group(1).lower().rstrip(".")
            if word in self.area_words:
                return False  # "the Hardin county fairgrounds": a county, not its namesake town
            if word in self.make_nouns and mention.source in FREE_SOURCES:
                return False  # "a Springfield pistol", "a Winchester rifle": a make of gun
            if following.group(1).islower() and self.noun_modifier_opener.search(
                text, max(0, mention.start - 30), mention.start
            ):
                # "a Memphis apartment complex", "a Lawndale street": a thing in the place,
                # unless the thing is where the wounded were treated ("a Pittsburgh hospital")
                if word in self.elsewhere_nouns:
                    return False
            elif word in self.street_words and mention.source != "seat":
                return False
            if word in self.outlet_words and following.group(1)[:1].isupper():
                return False
        if mention.body is None and self._inside_longer_name(page, mention):
            return False
        before = text[max(0, mention.start - 80) : mention.start]
        if self.address.search(before) or self.elsewhere_before.search(before):
            return False
        window_start = max(0, mention.start - 60)
        for crossing in self.intersection.finditer(text[window_start : mention.end + 60]):
            if crossing.start() + window_start <= mention.start < crossing.end() + window_start:
                return False  # "near Craig and Lamb": two streets
        return not self.elsewhere_after.match(text, mention.end)

    def _inside_longer_name(self, page: _Page, mention: PlaceMention) -> bool:
        """Whether the name runs on into a longer proper name ("Jackson Memorial Hospital",
        "Oklahoma City Thunder", "Ashley's Furniture"), unless what follows is a region
        ("Washington D.C.") or a date ("in Hermitage Tuesday evening")."""
        text = page.text
        pattern = _NAME_GOES_ON if mention.source in UNLABELLED_SOURCES else _NAME_GOES_ON_PLAIN
        goes_on = pattern.match(text, mention.end)
        if not goes_on or goes_on.group(1).rstrip(".") in self.place_titles:
            return False  # "Memphis Mayor Jim Strickland" speaks of Memphis
        if self.regions_named(goes_on.group(1)):
            return False
        if self._quarter_after(page, mention, goes_on.group(1), goes_on.end(1)):
            return False
        word = page.doc.char_span(*goes_on.span(1), alignment_mode="expand")
        if word is not None and word[0].ent_type_ in self.date_labels:
            return False
        facility = _FACILITY.match(text, mention.end)
        # "the Melbourne Gateway Facility" is in Melbourne, unless the text places it elsewhere
        return not (
            facility
            and self.facility_words.intersection(facility.group("words").split())
            and not facility.group("elsewhere")
        )

    def _quarter_after(self, page: _Page, mention: PlaceMention, word: str, end: int) -> bool:
        """Whether the word after a name is a compass word naming a quarter of the place ("in
        New Orleans East, police said"): no capitalised word but a date goes on ("Dallas North
        Tollway"), and the gazetteer knows no place by the longer name."""
        if word.lower() not in self.quarter_words:
            return False
        goes_on = _NAME_GOES_ON_PLAIN.match(page.text, end)
        if goes_on:
            following = page.doc.char_span(*goes_on.span(1), alignment_mode="expand")
            if following is None or following[0].ent_type_ not in self.date_labels:
                return False
        longer = f"{mention.text} {word}"
        return not any(p.called(longer) for p in self.gazetteer.lookup(longer))

    def _before_a_name(self, page: _Page, mention: PlaceMention) -> bool:
        span = page.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or span.end >= len(page.doc):
            return False
        following = page.doc[span.end]
        return (
            following.ent_iob_ == "B"
            and following.ent_type_ in self.blocking
            and following.ent_type_ not in self.date_labels  # "in Lynwood Wednesday"
            and following.text[:1].isupper()
        )


class _WordLists:
    """Word lists of a config section, as sets."""

    def __init__(self, config: dict[str, Any]):
        self.config = config

    def of(self, key: str, lower: bool = True) -> frozenset[str]:
        words = self.config.get(key)
        return lowered(words) if lower else frozenset(words or ())


def any_of(patterns: Any, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One regex matching any of `patterns` (none: a regex that never matches)."""
    patterns = list(patterns or ())
    return re.compile("|".join(f"(?:{p})" for p in patterns) if patterns else "(?!)", flags)


def _run_end(text: str, start: int) -> int | None:
    """Where the capitalised name starting at `start` ends: it may hold particles ("Côte
    d'Azur") and abbreviations ("St. Thomas"), but a word ending a sentence or a possessive
    ends it."""
    run = _RUN.match(text, start)
    if run is None:
        return None
    for word in _RUN_WORD.finditer(text, start, run.end()):
        if word.group().endswith(".") and len(word.group()) > 4 and "." not in word.group()[:-1]:
            return word.end()
        if _POSSESSIVE.search(word.group()):
            return word.end()  # "Chicago's West Garfield Park": the possessive ends the name
    return run.end()


def _alike(name: str, place: Place) -> bool:
    """Whether `name` may be another language's name of `place`: it starts like the place's
    own name ("Londres", "Anvers" for Antwerp), or the place is a city of a million, whose
    names differ more ("Cologne" for Köln)."""
    return (
        name_key(name)[:1] == name_key(place.name)[:1]
        or place.population >= MILLION_CITY_POPULATION
    )


def _names_word(text: str, name: str) -> bool:
    """Whether `text` holds `name` as a word of its own."""
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


def _in_headline(text: str, position: int, body_start: int) -> bool:
    """Whether `position` lies in a headline-like line below the start of the body: the lines
    above it are the story's own heading."""
    return position >= body_start and _short_unpunctuated_line(text, position)


def _body_start(text: str) -> int:
    """Where the body begins: the first line that reads like running text (a long line or one
    ending a sentence); the lines before are the story's heading (title, kicker, time stamps)."""
    start = 0
    for line in text.splitlines(keepends=True):
        if not _short_unpunctuated_line(line, 0) and line.strip():
            return start
        start += len(line)
    return start


def _short_unpunctuated_line(text: str, position: int) -> bool:
    """Whether the line holding `position` has under 25 words and no sentence punctuation at
    its end."""
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    return len(line.split()) < HEADLINE_WORDS and not line.endswith(SENTENCE_ENDS)


def _gloss_after(text: str, end: int) -> tuple[int, int] | None:
    """The parenthesis right after a place name ("Ile-de-France (Paris region)"): it glosses
    the name and names no place of its own."""
    gloss = _GLOSS.match(text, end)
    return (end, gloss.end()) if gloss else None


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < other_end and other_start < end for other_start, other_end in spans)
