"""Where the case happened, where suspects live, and the authority's seat, geocoded offline.

Place mentions (extract/place_mentions.py) are resolved against the gazetteer in the light of the
whole document (extract/place_choice.py), then grouped into one location per place. The coding
guide's levels apply: the finest place the text gives is coded, so a region or country is kept
only when no finer place of the same action lies in it ("arrested in France and Belgium" with
searches in French regions keeps Belgium, not France), and a region or county known only from a
body's name ("Lamar County District Attorney") only when the text gives no other place.
`countries` lists the countries of the places where the case's actions happened (incident and
authority places), not the origin or destination of goods.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from ghostwatch.extract.bodies import bodies_in
from ghostwatch.extract.component import ExtractionComponent
from ghostwatch.extract.place_choice import STRONG_SOURCES, PlaceChooser
from ghostwatch.extract.place_mentions import (
    COARSE_KINDS,
    MentionFinder,
    PlaceMention,
    any_of,
    within,
)
from ghostwatch.extract.place_roles import RoleReader
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

    @property
    def role(self) -> str:
        roles = {mention.role for mention in self.mentions}
        return next(role for role in ROLE_ORDER if role in roles)

    @property
    def only_in_bodies(self) -> bool:
        return all(mention.body is not None for mention in self.mentions)


class PlaceResolver(ExtractionComponent):
    fills = ("locations", "countries")

    def __init__(self, nlp: Language, name: str, pack: LanguagePack):
        super().__init__(nlp, name, pack)
        config = pack.section("places") or {}
        self.chooser = PlaceChooser(config.get("country_prior") or {})
        self.roles = RoleReader(config)
        self.case_action = any_of(config.get("case_action_patterns"))

    def fill(self, doc: Doc, state: ExtractionState) -> None:
        text = state.document.text
        bodies = list(bodies_in(self.pack.code, text))
        mentions = place_finder(self.pack.code).find(doc, bodies)
        self.roles.assign(text, mentions)
        mentions = [mention for mention in mentions if state.in_case(mention.sentence)]
        located: dict[tuple[str, str, str], _Located] = {}
        for mention, place in zip(mentions, self.chooser.choose(mentions), strict=True):
            if place is not None:
                key = (place.kind, str(place.geonames_id or name_key(place.name)), place.country)
                located.setdefault(key, _Located(place)).mentions.append(mention)
        lead_end = _lead_end(doc)
        groups = [g for g in located.values() if self._of_the_case(g, lead_end)]
        kept = [group for group in groups if not self._superseded(group, groups)]
        state.report.locations = [self._location(text, group) for group in kept]
        state.report.countries = _countries(groups)

    def _of_the_case(self, group: _Located, lead_end: int) -> bool:
        """Whether a place is one of the case's: named in another role than `incident`, or in
        the lead, or with its region, or twice, or in a sentence about the case's events; a
        line that reads like a headline (of another story) does not count."""
        mentions = [mention for mention in group.mentions if not mention.headline]
        if not mentions or group.role == "other":
            return False  # only in other stories' headlines, or a victim's home town
        return (
            group.role != "incident"
            or len({mention.start for mention in mentions}) > 1
            or any(
                mention.start < lead_end
                or mention.source in STRONG_SOURCES
                or self.case_action.search(mention.sentence.text)
                for mention in mentions
            )
        )

    @staticmethod
    def _superseded(group: _Located, groups: list[_Located]) -> bool:
        """Whether a region or country gives way to finer places: a country to any place in
        it, a region or county to a place in it with the same role (searches in a region stay
        beside the prosecutor's town in it), unless the text sets the area apart
        ("unincorporated Maricopa County"); one known only from a body's name to any place."""
        place = group.place
        if place.kind not in COARSE_KINDS:
            return False
        if group.only_in_bodies:
            return any(not other.only_in_bodies for other in groups)
        finer = [o for o in groups if o is not group and _finer(o.place, place)]
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
        known = place.aliases if place.kind == "admin1" else ()
        aliases = [a for a in (*sorted(surface), *known) if a != place.name]
        location = Location(
            name=place.name,
            kind=place.kind,
            country=place.country,
            admin1=place.admin1 if place.kind in ("city", "admin2") else None,
            geonames_id=place.geonames_id,
            lat=place.lat,
            lon=place.lon,
            role=group.role,
            evidence=[Evidence(start=start, end=end, text=text[start:end]) for start, end in spans],
        )
        if aliases:
            location.aliases = list(dict.fromkeys(aliases))  # type: ignore[attr-defined]
        return location


def _lead_end(doc: Doc) -> int:
    """Where the lead (the first two sentences) ends."""
    ends = [sentence.end_char for sentence in islice(doc.sents, LEAD_SENTENCES)]
    return ends[-1] if ends else 0


def _finer(inner: Place, outer: Place) -> bool:
    """Whether `inner` is a finer place lying inside `outer`."""
    rank = {"country": 0, "admin1": 1, "admin2": 2, "city": 3}
    return rank[inner.kind] > rank[outer.kind] and within(inner, outer)


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


@Language.factory("ghostwatch_places", default_config={"language": "en"})
def make_places(nlp: Language, name: str, language: str) -> PlaceResolver:
    return PlaceResolver(nlp, name, load_pack(language))
