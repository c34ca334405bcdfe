"""Where the case happened, where suspects live, and the authority's seat, geocoded offline.

Place mentions (extract/place_mentions.py) are resolved against the gazetteer in the light of the
whole document (extract/place_choice.py), then grouped into one location per place. The coding
guide's levels apply: the finest place the text gives is coded, so a region or country is kept
only when no finer place of the same action lies in it ("arrested in France and Belgium" with
searches in French regions keeps Belgium, not France), and a region or county known only from a
body's name ("Lamar County District Attorney") only when the text gives no other place.
`countries` lists the countries of the places where the case's actions happened (incident and
authority places), not the origin or destination of goods.

A neighbourhood the text gives as part of a city it names takes the city's place
(extract/place_parts.py). The regions a page points to without naming a place (its title's
outlet line, a state body's name) weigh namesakes (extract/place_cues.py).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from ghostwatch.extract.bodies import bodies_in
from ghostwatch.extract.component import ExtractionComponent, component
from ghostwatch.extract.evidence import sentences
from ghostwatch.extract.place_choice import STRONG_SOURCES, Choice, PlaceChooser, confidence
from ghostwatch.extract.place_cues import RegionCues
from ghostwatch.extract.place_mentions import (
    COARSE_KINDS,
    MentionFinder,
    PlaceMention,
    any_of,
    within,
)
from ghostwatch.extract.place_parts import PartReader
from ghostwatch.extract.place_roles import RoleReader
from ghostwatch.extract.place_senses import SenseReader
from ghostwatch.extract.state import ExtractionState
from ghostwatch.geo import Place, default_gazetteer, name_key
from ghostwatch.lang import LanguagePack, load_pack
from ghostwatch.model import Location
from ghostwatch.model import Span as Evidence

#: when one place is named in several roles, the location takes the first of these
ROLE_ORDER = ("incident", "authority", "residence", "origin", "destination", "other")
#: sentences at the start of a story that state its main facts
LEAD_SENTENCES = 2
#: roles whose places are where the case's actions happened (they make `countries`)
CASE_ROLES = frozenset({"incident", "authority"})


@dataclass
class _Located:
    """One place and the mentions that name it."""

    place: Place
    mentions: list[PlaceMention] = field(default_factory=list)
    #: the cities the text gives this place as a part of ("Chicago" for Englewood)
    cities: list[str] = field(default_factory=list)
    #: the mentions that chose this place, with their choices (what its confidence rests on)
    choices: list[tuple[PlaceMention, Choice]] = field(default_factory=list)

    @property
    def role(self) -> str:
        roles = {mention.role for mention in self.mentions}
        return next(role for role in ROLE_ORDER if role in roles)

    @property
    def only_in_bodies(self) -> bool:
        return all(mention.body is not None for mention in self.mentions)


@component("ghostwatch_places")
class PlaceResolver(ExtractionComponent):
    fills = ("locations", "countries")

    def __init__(self, nlp: Language, name: str, pack: LanguagePack):
        super().__init__(nlp, name, pack)
        config = pack.section("places") or {}
        self.chooser = PlaceChooser(
            config.get("country_prior") or {}, config.get("country_cues") or {}
        )
        self.roles = RoleReader(config)
        self.senses = SenseReader(config)
        self.parts = PartReader(config, default_gazetteer())
        self.cues = RegionCues(config, default_gazetteer(), place_finder(pack.code).regions_named)
        self.case_action = any_of(config.get("case_action_patterns"))
        self.investigation = any_of(config.get("investigation_patterns"))

    def fill(self, doc: Doc, state: ExtractionState) -> None:
        text = state.document.text
        bodies = list(bodies_in(self.pack.code, text))
        mentions = place_finder(self.pack.code).find(doc, bodies)
        self.senses.settle(text, mentions)
        self.roles.assign(text, mentions)
        mentions = [mention for mention in mentions if state.in_case(mention.sentence)]
        cued = self.cues.regions(state.document.title or "", doc, mentions, state.document.source)
        located: dict[tuple[str, str, str], _Located] = {}
        chosen = self.chooser.choose(mentions, text, cued)
        for mention, choice in zip(mentions, chosen, strict=True):
            if choice is not None:
                place = choice.place
                key = (place.kind, str(place.geonames_id or name_key(place.name)), place.country)
                group = located.setdefault(key, _Located(place))
                group.mentions.append(mention)
                group.choices.append((mention, choice))
        lead_end = _lead_end(doc)
        anchors = [
            group.place
            for group in located.values()
            if group.role == "incident" and _in_lead(group, lead_end)
        ]
        groups = [g for g in located.values() if self._of_the_case(g, lead_end, anchors)]
        groups = self._fold_cities(text, lead_end, groups or _best_attested(located.values()))
        listed = _listed_regions(groups, self.case_action)
        groups = _in_main_regions(groups, listed)
        kept = [
            group for group in groups if id(group) in listed or not self._superseded(group, groups)
        ]
        state.report.locations = [self._location(text, group) for group in kept]
        state.report.countries = _countries(groups)

    def _of_the_case(self, group: _Located, lead_end: int, anchors: list[Place]) -> bool:
        """Whether a place is one of the case's: named in another role than `incident`, or in
        the lead; otherwise given with its region, or named by a local body, or named twice,
        or in a sentence about the case's events. Once the lead (or the dateline) has said in
        which town the story happens, a place first named further down is background (the
        town of an earlier shooting, a landmark, where a victim grew up) unless it lies in an
        area the lead names (a county, a state, a country) or the sentence tells of the
        investigation's own actions there (searches, seizures, interceptions). A line that
        reads like a headline (of another story) does not count."""
        mentions = [mention for mention in group.mentions if not mention.headline]
        if not mentions or group.role == "other":
            return False  # only in other stories' headlines, or a victim's home town
        if group.role != "incident" or _in_lead(group, lead_end):
            return True
        if not _in_lead_area(group.place, anchors) and not any(
            self.investigation.search(mention.sentence.text) for mention in mentions
        ):
            return False
        return len({mention.start for mention in mentions}) > 1 or any(
            mention.source in STRONG_SOURCES
            or mention.source == "seat"
            or self.case_action.search(mention.sentence.text)
            for mention in mentions
        )

    def _fold_cities(self, text: str, lead_end: int, groups: list[_Located]) -> list[_Located]:
        """Name each neighbourhood's city among its aliases; a city with the same role as its
        neighbourhood only qualifies it and is no location of its own. A neighbourhood the
        gazetteer does not know in its city is coded as the city, its name an alias."""
        parts = self.parts.parts(
            text, lead_end, [g.place for g in groups], [g.mentions for g in groups]
        )
        folded = set()
        for part in parts:
            if part.unknown and part.city_index is not None:  # "the Austin neighborhood"
                city = groups[part.city_index]
                city.mentions = sorted(
                    [*city.mentions, *groups[part.index].mentions], key=lambda m: m.start
                )
                folded.add(part.index)
                continue
            groups[part.index].cities.append(part.city.name)
            city_index = part.city_index
            if city_index is not None and groups[city_index].role == groups[part.index].role:
                folded.add(city_index)
        return [group for index, group in enumerate(groups) if index not in folded]

    @staticmethod
    def _superseded(group: _Located, groups: list[_Located]) -> bool:
        """Whether a region or country gives way to finer places: a country to any place in
        it, a region or county to a place in it with the same role (searches in a region stay
        beside the prosecutor's town in it), unless the text sets the area apart
        ("unincorporated Maricopa County"); one known only from a body's name to any place."""
        place = group.place
        if place.kind not in COARSE_KINDS:
            return False
        if group.only_in_bodies:  # the wider area around it does not count ("FLOYD CO., Ind.")
            return any(
                not other.only_in_bodies and not _finer(place, other.place) for other in groups
            )
        finer = [o for o in groups if o is not group and _finer(o.place, place, by_state=True)]
        if place.kind == "country":
            return bool(finer)
        if any(mention.distinct for mention in group.mentions):
            return False
        return any(o.role == group.role for o in finer)

    @staticmethod
    def _location(text: str, group: _Located) -> Location:
        place = group.place
        spans = sorted({(m.start, m.end) for m in group.mentions})
        surface = {text[start:end] for start, end in spans}
        # other spellings help an analyst's search and a scorer's name matching; a region's
        # former and foreign names too ("Midi-Pyrénées" for Occitanie)
        known = place.aliases if place.kind == "admin1" else tuple(group.cities)
        aliases = [a for a in (*sorted(surface), *known) if a != place.name]
        location = Location(
            name=place.name,
            kind=place.kind,
            country=place.country,
            admin1=place.admin1 if place.kind in ("city", "admin2") else None,
            admin2=place.admin2 if place.kind == "city" else None,
            geonames_id=place.geonames_id,
            lat=place.lat,
            lon=place.lon,
            role=group.role,
            confidence=confidence(group.choices),
            evidence=[Evidence(start=start, end=end, text=text[start:end]) for start, end in spans],
        )
        if aliases:
            location.aliases = list(dict.fromkeys(aliases))  # type: ignore[attr-defined]
        return location


def _listed_regions(groups: list[_Located], case_action: re.Pattern[str]) -> set[int]:
    """The first-level regions (by group id) the text sets side by side with another region
    of the same country in one sentence, each by its own name ("raided homes in Bavaria and
    Saxony", "une enquête menée au Québec et en Ontario"), in a sentence about the case's
    events: each is a place of the case of its own, neither a wrong namesake beside the main
    region nor the mere surroundings of a town named in it. Regions named together elsewhere
    are background ("off the coast of South Carolina and Georgia")."""
    named = [
        (group, mention)
        for group in groups
        if group.place.kind == "admin1"
        for mention in group.mentions
        if mention.source != "qualified"
        and mention.body is None
        and not mention.headline
        and case_action.search(mention.sentence.text)
    ]
    return {
        id(group)
        for group, mention in named
        for other, beside in named
        if other is not group
        and other.place.country == group.place.country
        and beside.sentence == mention.sentence
    }


def _in_main_regions(groups: list[_Located], listed: set[int]) -> list[_Located]:
    """Incident places of a country lie in the first-level region the text names most there
    (a dateline or a qualified town counting twice), when one region stands out: a local
    story happens in one state, so a town (or a state) of another state named less often
    beside it is a wrong namesake or background ("homicide rates in Milwaukee, Chicago and
    Memphis"). Regions named equally often all stay (searches in four French regions), and
    so do regions the text lists side by side (`listed`)."""
    weights: dict[str, Counter[str]] = defaultdict(Counter)
    for group in groups:
        if group.role == "incident" and group.place.admin1_code:
            weights[group.place.country][group.place.admin1_code] += sum(
                2 if mention.source in STRONG_SOURCES else 1
                for mention in {mention.start: mention for mention in group.mentions}.values()
            )
    main = {}
    for country, regions in weights.items():
        ranked = regions.most_common(2)
        if len(ranked) == 2 and ranked[0][1] > ranked[1][1]:
            main[country] = ranked[0][0]
    return [
        group
        for group in groups
        if group.role != "incident"
        or group.place.country not in main
        or group.place.admin1_code in (None, main[group.place.country])
        or id(group) in listed
    ]


def _best_attested(groups: Iterable[_Located]) -> list[_Located]:
    """When no place passes for the case's, the one the text names most (first on ties): a
    local story names where it happened, if only in passing ("... Cincinnati assistant police
    Chief Paul Neudigate said") or as someone's home town ("A North Philadelphia woman")."""
    named = [group for group in groups if any(not m.headline for m in group.mentions)]
    if not named:
        return []
    return [
        max(
            named,
            key=lambda group: (
                len({mention.start for mention in group.mentions}),
                -group.mentions[0].start,
            ),
        )
    ]


def _in_lead_area(place: Place, anchors: list[Place]) -> bool:
    """Whether `place` lies where the lead says the story happens: the lead names no town of
    the case, or names an area holding this place."""
    towns = [anchor for anchor in anchors if anchor.kind not in COARSE_KINDS]
    return not towns or any(_finer(place, anchor) for anchor in anchors)


def _in_lead(group: _Located, lead_end: int) -> bool:
    """Whether the lead or the dateline names the place as one of the case's."""
    return group.role in CASE_ROLES and any(
        not mention.headline and (mention.start < lead_end or mention.source == "dateline")
        for mention in group.mentions
    )


def _lead_end(doc: Doc) -> int:
    """Where the lead (the first two sentences) ends."""
    ends = [sentence.end_char for sentence in sentences(doc)[:LEAD_SENTENCES]]
    return ends[-1] if ends else 0


def _finer(inner: Place, outer: Place, *, by_state: bool = False) -> bool:
    """Whether `inner` is a finer place lying inside `outer`; `by_state`: a town of the
    county's state counts as lying in the county, whatever county the gazetteer puts it in
    (a story's county beside a town of the next county is mostly its surroundings, which the
    coding guide leaves out: "Joplin" with "Newton County", though the gazetteer puts Joplin
    in Jasper County)."""
    rank = {"country": 0, "admin1": 1, "admin2": 2, "city": 3}
    if rank[inner.kind] <= rank[outer.kind]:
        return False
    if by_state and outer.kind == "admin2":
        return (inner.country, inner.admin1_code) == (outer.country, outer.admin1_code) and (
            outer.admin1_code is not None
        )
    return within(inner, outer)


def _countries(groups: list[_Located]) -> list[str]:
    """Countries of the places where the case's actions happened, in order of first mention."""
    first: dict[str, int] = {}
    for group in groups:
        if group.only_in_bodies and group.place.kind in COARSE_KINDS:
            continue
        for mention in group.mentions:
            if mention.role in CASE_ROLES:
                country = group.place.country
                first[country] = min(first.get(country, mention.start), mention.start)
    return sorted(first, key=first.__getitem__)


@cache
def place_finder(language: str) -> MentionFinder:
    """The mention finder for `language` (its patterns compile once per process)."""
    return MentionFinder(load_pack(language).section("places") or {}, default_gazetteer())
