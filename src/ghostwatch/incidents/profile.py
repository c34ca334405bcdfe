"""A report reduced to what identifies its case, in a form that does not depend on language.

Two outlets writing about the same raid share few words when one writes English and the other
French, but they share the facts: the date, the town's gazetteer entry, the suspects' ages and
names, the number of people arrested, how many guns were seized, the operation's name. They also
share the text's *anchors*: numbers, and capitalised names that are not common words of the
language (people, places, operation and organisation names). A profile keeps those, small enough
to store beside every report and compare thousands of times a second.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import cache

from pydantic import BaseModel, Field

from ghostwatch.lang import available_languages, load_pack
from ghostwatch.model import Report

#: incident types that mark a report about the judicial follow-up of a case rather than the case
JUDICIAL_TYPES = frozenset(
    {"charge", "remand", "bail", "warrant", "extradition", "conviction", "sentence"}
)
#: types only a trial's report has: it narrates the raid too, but it is a follow-up
VERDICT_TYPES = frozenset({"conviction", "sentence"})
#: types whose presence says the report narrates the original action, not only its follow-up
ACTION_TYPES = frozenset({"search", "arrest", "seizure", "interception", "shooting"})
#: a report without a stated date is about something that happened up to this long before it
UNDATED_SPAN_DAYS = 7


class PlaceMark(BaseModel):
    """A place the report resolved to the gazetteer."""

    geonames_id: int
    kind: str
    lat: float | None = None
    lon: float | None = None
    incident: bool = True


class CaseProfile(BaseModel):
    """What a report says that identifies its case. Built by `profile_of`; stored as JSON."""

    document_id: str
    published: dt.date | None = None
    #: when the reported action happened, as a day range (the publication week when unstated)
    start: dt.date | None = None
    end: dt.date | None = None
    #: the report is about charges, a trial or a sentence, not the action itself
    judicial: bool = False
    countries: list[str] = Field(default_factory=list)
    #: "CC/admin1" of every place, so a town and its region can meet
    regions: list[str] = Field(default_factory=list)
    places: list[PlaceMark] = Field(default_factory=list)
    counts: dict[str, int] = Field(default_factory=dict)
    seized: dict[str, int] = Field(default_factory=dict)
    ages: list[int] = Field(default_factory=list)
    #: people's names as folded words ("kevin dumont"), initials and titles left out
    names: list[str] = Field(default_factory=list)
    operations: list[str] = Field(default_factory=list)
    prices: list[float] = Field(default_factory=list)
    anchors: list[str] = Field(default_factory=list)

    @property
    def day(self) -> int | None:
        """The middle of the action's range as a day number, for date windows in indexes."""
        if self.start is None or self.end is None:
            return None
        return (self.start.toordinal() + self.end.toordinal()) // 2


def profile_of(report: Report) -> CaseProfile:
    """The case profile of one report."""
    document = report.document
    start, end = _action_range(report)
    people = [*report.suspects, *report.victims]
    seized: dict[str, int] = {}
    for item in report.seized:
        if item.quantity:
            seized[item.category] = seized.get(item.category, 0) + item.quantity
    return CaseProfile(
        document_id=document.id,
        published=document.published,
        start=start,
        end=end,
        judicial=is_judicial(report),
        countries=sorted(
            set(report.countries) | {p.country for p in report.locations if p.country}
        ),
        regions=sorted(
            {f"{p.country}/{fold(p.admin1)}" for p in report.locations if p.country and p.admin1}
            | {
                f"{p.country}/{fold(p.name)}"
                for p in report.locations
                if p.kind == "admin1" and p.country
            }
        ),
        places=[
            PlaceMark(
                geonames_id=p.geonames_id,
                kind=p.kind,
                lat=p.lat,
                lon=p.lon,
                incident=p.role == "incident",
            )
            for p in report.locations
            if p.geonames_id is not None and p.kind in ("city", "place", "admin2")
        ],
        counts={key: count.value for key, count in report.counts.items()},
        seized=seized,
        ages=sorted({p.age for p in people if p.age is not None}),
        names=sorted({" ".join(words) for p in people if p.name and (words := name_words(p.name))}),
        operations=sorted({fold(op.name) for op in report.operations}),
        prices=sorted({price.min for price in report.prices} | {p.max for p in report.prices}),
        anchors=sorted(anchors_of(document.text, document.language)),
    )


def is_judicial(report: Report) -> bool:
    """Whether the report is about the judicial follow-up of a case (a verdict, or charges
    without the action itself) rather than the case."""
    types = set(report.incident_types)
    return bool(types & VERDICT_TYPES) or (
        bool(types & JUDICIAL_TYPES) and not types & ACTION_TYPES
    )


def _action_range(report: Report) -> tuple[dt.date | None, dt.date | None]:
    if report.date is not None:
        return report.date.start, report.date.end
    published = report.document.published
    if published is None:
        return None, None
    return published - dt.timedelta(days=UNDATED_SPAN_DAYS), published


def fold(text: str) -> str:
    """Lower case without accents: "Opération Hélice" and "operation helice" meet."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def name_words(name: str) -> list[str]:
    """The full words of a person's name, folded, in order: outlets write "Kevin D.", "Kevin
    Dumont" or "M. Dumont", and these share a word where they name the same person. Initials and
    titles (the packs' common capitalised words) are left out."""
    words = [fold(w) for w in re.findall(r"[^\W\d_][\w'’-]+", name) if len(w) > 2]
    return [w for w in words if w not in common_capitalised(None)]


def family_name(name: str) -> str:
    """The last full word of a folded name: the family name in both our languages, unless the
    text gave only a first name and an initial ("Kevin D.")."""
    return name.rsplit(" ", 1)[-1]


# a word (French elisions split off: "d'Aubagne" gives "Aubagne"), or a number whose digits may
# be grouped by threes ("1,500", "1 500", "1.500"), never a list ("24, 31")
_WORD = re.compile(
    r"(?<![\w-])(?:[a-z]{1,5}['’](?=[^\W\d_]))?(?P<word>[^\W\d_][\w'’-]*)"
    r"|(?P<number>\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+(?!\d)|\d+)"
)
#: characters after which a capitalised word starts a sentence, a quote or a line
_SENTENCE_ENDS = frozenset(".!?:;«»\"“”‘'(\n")


def anchors_of(text: str, language: str | None) -> set[str]:
    """Numbers and capitalised words that are names rather than common words of the language.

    A capitalised word at a sentence's start says nothing (every sentence has one); elsewhere it is
    a name unless the language pack lists it as a common capitalised word (weekdays, months,
    titles, institutions every story names). Numbers lose their digit grouping ("1,500" and
    "1 500" meet); one-digit numbers are too common to tell cases apart.
    """
    common = common_capitalised(language)
    found: set[str] = set()
    for match in _WORD.finditer(text):
        number = match.group("number")
        if number is not None:
            digits = re.sub(r"\D", "", number)
            if len(digits) >= 2:
                found.add(digits)
            continue
        token = match.group("word")
        if not token[0].isupper() or len(token) < 3:
            continue
        if _starts_sentence(text, match.start()):
            continue
        folded = fold(token.rstrip("'’"))
        if folded not in common:
            found.add(folded)
    return found


def _starts_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 8) : start].rstrip(" \t\u00a0")
    return not before or before[-1] in _SENTENCE_ENDS


@cache
def common_capitalised(language: str | None) -> frozenset[str]:
    """The pack's capitalised common words, with its weekday and month names (all packs when the
    language is unknown, since a name is a name in any of them)."""
    codes = [language] if language in available_languages() else available_languages()
    words: set[str] = set()
    for code in codes:
        pack = load_pack(code)
        words.update((pack.section("matching") or {}).get("common_capitalised") or [])
        for group in ("weekday", "month"):
            words.update(((pack.section("dates") or {}).get("words") or {}).get(group) or {})
    return frozenset(fold(word).rstrip(".") for word in words)
