"""Date phrases in news text, and the day (or span of days) each one means.

News dates are mostly relative to the day of publication: "on Monday", "fin janvier", "last week",
"September 14th last year". Reading them is a convention of the genre (a bare weekday is the most
recent such day, not the next one; "end of January" is the month's last third) that a calendar
parser does not know, so the common forms are read here by rules built from the pack's
`dates.yaml`. dateparser, broad but slow, only reads what the rules leave open (numeric dates,
odd phrasings), once per phrase and publication day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Literal

from dateparser.date import DateDataParser

from ghostwatch.lang import load_pack
from ghostwatch.text.numbers import as_int, parse_number

Precision = Literal["day", "week", "month", "year", "range"]

FUTURE_WINDOW_DAYS = 92
"""A day and month without a year falling at most this many days after publication is read as
to come ("will appear on March 15"); further ahead it is last year's ("on Dec. 30", published on
3 January)."""

_PLACEHOLDER = re.compile(r"\{([a-z_]+?)(2?)\}")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'"})


@dataclass(frozen=True)
class DateInterval:
    """The days a date phrase covers: one day, a week, a month, a year or another range."""

    start: dt.date
    end: dt.date
    precision: Precision


@dataclass(frozen=True)
class DatePhrase:
    """A date phrase found in a text; `interval` is None when it cannot be placed in time
    (a relative date without a publication date, an impossible day)."""

    start: int
    end: int
    text: str
    interval: DateInterval | None
    #: the pattern group that found it ("weekday", "month", "clock"...)
    anchor: str = ""


def normalise(phrase: str) -> str:
    """The lookup form of matched words: lower case, single spaces, straight apostrophes."""
    return " ".join(phrase.translate(_APOSTROPHES).lower().split())


WINDOW_BEFORE = 32
WINDOW_AFTER = 40
"""How far before and after its anchor word a date phrase may reach ("between the 3rd and the
14th of April", "September 14th last year")."""


@dataclass(frozen=True)
class _Grammar:
    language: str
    #: patterns by anchor: the word list (or class) every match of the pattern holds a word of
    patterns: dict[str, tuple[re.Pattern[str], ...]]
    #: anchor words (lower case unless case-sensitive), with the pattern groups each anchors
    anchor_words: dict[str, tuple[str, ...]]
    #: which anchor words must be found with their case ("May", not the verb "may")
    cased_anchors: frozenset[str]
    #: anchors that are classes of digits ("2023", "3/5/2024", "5th"), one named group each
    anchor_classes: re.Pattern[str] | None
    words: dict[str, dict[str, Any]]
    date_order: str
    #: what may stand between two phrases naming one moment
    side_by_side: re.Pattern[str]

    @property
    def all_patterns(self) -> list[re.Pattern[str]]:
        return [pattern for group in self.patterns.values() for pattern in group]


def _word_regex(word: str, case_sensitive: dict[str, str]) -> str:
    if word in case_sensitive:
        return f"(?-i:{re.escape(case_sensitive[word])})"
    return re.escape(word).replace(r"\ ", r"\s+").replace("'", "['’]")


@cache
def _grammar(language: str) -> _Grammar:
    section = load_pack(language).section("dates")
    if not section:
        raise KeyError(f"the {language!r} language pack has no dates section")
    case_sensitive = {word.lower(): word for word in section.get("case_sensitive") or []}
    words: dict[str, dict[str, Any]] = {}
    for name, entries in section["words"].items():
        if isinstance(entries, dict):
            words[name] = {normalise(str(word)): value for word, value in entries.items()}
        else:
            words[name] = {normalise(str(word)): True for word in entries}
    alternations = {
        name: "|".join(
            _word_regex(word, case_sensitive) for word in sorted(entries, key=len, reverse=True)
        )
        for name, entries in words.items()
    }
    classes = section["classes"]

    def expand(placeholder: re.Match[str]) -> str:
        name, second = placeholder.group(1), placeholder.group(2)
        if name in alternations:
            body = alternations[name]
        elif name in classes:
            body = classes[name]
        else:
            raise KeyError(f"dates.yaml ({language}): unknown placeholder {placeholder.group(0)}")
        return f"(?P<{name}{second}>{body})"

    patterns: dict[str, tuple[re.Pattern[str], ...]] = {}
    anchor_words: dict[str, list[str]] = {}
    class_anchors: list[str] = []
    for anchor, templates in section["patterns"].items():
        compiled = []
        for template in templates:
            text = template.replace("{year_part}", section.get("year_part", ""))
            text = text.replace(" ?", r"\s*").replace(" ", r"\s+")
            text = _PLACEHOLDER.sub(expand, text)
            compiled.append(re.compile(rf"(?<!\w)(?:{text})(?!\w)", re.IGNORECASE))
        patterns[anchor] = tuple(compiled)
        if anchor in words:
            # the last word of each entry: "yesterday" for "the day before yesterday"
            for entry in words[anchor]:
                word = case_sensitive.get(entry, re.findall(r"\w+", entry)[-1])
                anchor_words.setdefault(word, []).append(anchor)
        elif anchor in classes:
            class_anchors.append(f"(?P<{anchor}>{classes[anchor]})")
        else:
            raise KeyError(f"dates.yaml ({language}): pattern group {anchor!r} has no anchor")
    return _Grammar(
        language,
        patterns,
        {word: tuple(anchors) for word, anchors in anchor_words.items()},
        frozenset(case_sensitive.values()),
        # classes of digits: the look-ahead lets the scan skip to digits fast
        re.compile(rf"(?=\d)(?:{'|'.join(class_anchors)})", re.IGNORECASE)
        if class_anchors
        else None,
        words,
        section.get("date_order", "DMY"),
        re.compile(section.get("side_by_side", r"[\s,]*"), re.IGNORECASE),
    )


def _anchor_windows(grammar: _Grammar, text: str) -> dict[str, list[tuple[int, int]]]:
    """Where each pattern group may match: merged windows around its anchors."""
    lowered = text.lower()
    found: dict[str, list[tuple[int, int]]] = {}
    if len(lowered) != len(text):  # rare letters whose lower case is longer: scan it all
        return {anchor: [(0, len(text))] for anchor in grammar.patterns}
    for word, anchors in grammar.anchor_words.items():
        haystack = text if word in grammar.cased_anchors else lowered
        position = haystack.find(word)
        while position >= 0:
            end = position + len(word)
            if _word_at(text, position, end):
                for anchor in anchors:
                    found.setdefault(anchor, []).append((position, end))
            position = haystack.find(word, end)
    if grammar.anchor_classes is not None:
        for match in grammar.anchor_classes.finditer(text):
            if _word_at(text, *match.span()):
                found.setdefault(match.lastgroup or "", []).append(match.span())
    windows: dict[str, list[tuple[int, int]]] = {}
    for anchor, spans in found.items():
        merged: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            start = max(0, start - WINDOW_BEFORE)
            end = min(len(text), end + WINDOW_AFTER)
            while end < len(text) and text[end].isalnum():
                end += 1
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        windows[anchor] = merged
    return windows


def _word_at(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a whole word (or number), not part of a longer one."""
    return (start == 0 or not text[start - 1].isalnum()) and (
        end == len(text) or not text[end].isalnum()
    )


def find_dates(text: str, language: str, published: dt.date | None) -> list[DatePhrase]:
    """The date phrases of `text`, longest first where two overlap, in text order."""
    grammar = _grammar(language)
    matches = [
        (anchor, match)
        for anchor, windows in _anchor_windows(grammar, text).items()
        for start, end in windows
        for pattern in grammar.patterns[anchor]
        for match in pattern.finditer(text, start, end)
    ]
    matches.sort(key=lambda found: (found[1].start() - found[1].end(), found[1].start()))
    taken: list[tuple[str, re.Match[str]]] = []
    for anchor, match in matches:
        if all(match.end() <= other.start() or other.end() <= match.start() for _, other in taken):
            taken.append((anchor, match))
    taken.sort(key=lambda found: found[1].start())
    phrases = [
        DatePhrase(
            match.start(),
            match.end(),
            match.group(0),
            _interval_of(match, language, published),
            anchor,
        )
        for anchor, match in taken
    ]
    return _joined(phrases, text, grammar.side_by_side)


#: how much each pattern group tells of the day, when two phrases stand side by side
_TELLS = {
    "month": 3,
    "numeric": 3,
    "holiday": 3,
    "ordinal": 3,
    "weekday": 2,
    "relative": 2,
    "clock": 1,
}


def _joined(
    phrases: list[DatePhrase], text: str, side_by_side: re.Pattern[str]
) -> list[DatePhrase]:
    """Phrases side by side that name one moment joined into one, the most telling one giving
    the day: "last Monday night, November 28", "about 4:15 p.m. Saturday"."""
    joined: list[DatePhrase] = []
    for phrase in phrases:
        if joined:
            before = joined[-1]
            ranks = (_TELLS.get(before.anchor, 0), _TELLS.get(phrase.anchor, 0))
            # a weekday names the day that follows it ("Monday, November 28"), a time of day
            # goes with the day on either side; a date then a weekday are two dates
            if (
                min(ranks) > 0
                and ranks[0] != ranks[1]
                and (ranks[0] < ranks[1] or min(ranks) == _TELLS["clock"])
                and side_by_side.fullmatch(text, before.end, phrase.start)
            ):
                telling = before if ranks[0] > ranks[1] else phrase
                if telling.interval is not None:
                    joined[-1] = DatePhrase(
                        before.start,
                        phrase.end,
                        text[before.start : phrase.end],
                        telling.interval,
                        telling.anchor,
                    )
                    continue
        joined.append(phrase)
    return joined


def resolve_date(phrase: str, published: dt.date | None, language: str) -> DateInterval | None:
    """The days `phrase` means when published on `published` (None: only absolute dates)."""
    grammar = _grammar(language)
    text = " ".join(phrase.split())
    for pattern in grammar.all_patterns:
        match = pattern.fullmatch(text)
        if match:
            return _interval_of(match, language, published)
    return _parsed_by_dateparser(text, published, language, grammar.date_order)


def _interval_of(
    match: re.Match[str], language: str, published: dt.date | None
) -> DateInterval | None:
    groups = tuple(
        sorted((name, normalise(value)) for name, value in match.groupdict().items() if value)
    )
    return _resolve(groups, language, published)


@lru_cache(maxsize=20000)
def _resolve(
    groups: tuple[tuple[str, str], ...], language: str, published: dt.date | None
) -> DateInterval | None:
    grammar = _grammar(language)
    found = dict(groups)
    words = grammar.words
    if "numeric" in found:
        return _parsed_by_dateparser(found["numeric"], published, language, grammar.date_order)
    if published is None and not _has_year(found):
        return None
    year = _year(found, words, published)
    if "clock" in found:  # a time of day with no day: the day of publication
        return DateInterval(published, published, "day")
    if "relative" in found:
        first, last = words["relative"][found["relative"]]
        return _span(published + dt.timedelta(first), published + dt.timedelta(last))
    if "period" in found:
        unit, shift = words["period"][found["period"]]
        return _period(unit, shift, published)
    if "unit" in found:
        return _ago(found, words, language, published)
    if "holiday" in found:
        return _holiday(words["holiday"][found["holiday"]], year, published)
    month = words["month"].get(found.get("month", ""))
    month2 = words["month"].get(found.get("month2", ""))
    if "day2" in found and (month or month2):
        return _day_range(found, month or month2, month2 or month, year, published)
    if month and "day" in found:
        day = _day_number(found["day"])
        weekday = words["weekday"].get(found.get("weekday", ""))
        date = _day_in_year(year, month, day, weekday, published, "last" in found)
        return DateInterval(date, date, "day") if date else None
    if month:
        return _month_part(month, words["part"].get(found.get("part", "")), year, published)
    if "weekday" in found:
        return _weekday(found, words, published)
    if "day" in found:
        return _day_of_month(_day_number(found["day"]), published)
    if year is not None:
        return DateInterval(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
    return None


def _has_year(found: dict[str, str]) -> bool:
    return "year" in found or ("numeric" in found and bool(re.search(r"\d{4}", found["numeric"])))


def _year(found: dict[str, str], words: dict[str, dict[str, Any]], published: dt.date | None):
    if "year" in found:
        return int(found["year"])
    if "year_shift" in found and published is not None:
        return published.year + words["year_shift"][found["year_shift"]]
    return None


def _span(start: dt.date, end: dt.date) -> DateInterval:
    return DateInterval(start, end, "day" if start == end else "range")


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group(0)) if text[0].isdigit() else 1  # "1er"


def _day_in_year(
    year: int | None,
    month: int,
    day: int,
    weekday: int | None,
    published: dt.date | None,
    strictly_past: bool,
) -> dt.date | None:
    """A day and month, in the year given or the one a news reader would assume."""
    if year is not None:
        return _safe_date(year, month, day)
    assert published is not None
    this_year = _safe_date(published.year, month, day)
    last_year = _safe_date(published.year - 1, month, day)
    if weekday is not None:  # "Tuesday 9 April": the weekday tells the year
        for candidate in (this_year, last_year):
            if (
                candidate
                and candidate.weekday() == weekday
                and candidate <= published + dt.timedelta(FUTURE_WINDOW_DAYS)
            ):
                return candidate
    if this_year is None:
        return last_year
    ahead = (this_year - published).days
    if ahead <= 0 or (not strictly_past and ahead <= FUTURE_WINDOW_DAYS):
        return this_year
    return last_year


def _day_range(
    found: dict[str, str], month: int, month2: int, year: int | None, published: dt.date | None
) -> DateInterval | None:
    end = _day_in_year(year, month2, _day_number(found["day2"]), None, published, False)
    if end is None:
        return None
    start = _safe_date(
        end.year if month <= month2 else end.year - 1, month, _day_number(found["day"])
    )
    if start is None or start > end:
        return None
    return DateInterval(start, end, "range")


def _month_part(
    month: int, part: list[int] | None, year: int | None, published: dt.date | None
) -> DateInterval:
    if year is None:
        assert published is not None
        year = published.year if month <= published.month else published.year - 1
    last = _month_end(year, month)
    if part is None:
        return DateInterval(dt.date(year, month, 1), last, "month")
    first_day, last_day = part
    end = last.replace(day=min(last_day, last.day))
    return DateInterval(dt.date(year, month, first_day), end, "range")


def _weekday(
    found: dict[str, str], words: dict[str, dict[str, Any]], published: dt.date
) -> DateInterval:
    target = words["weekday"][found["weekday"]]
    if "next" in found:
        ahead = (target - published.weekday()) % 7 or 7
        start = published + dt.timedelta(ahead)
    elif "last" in found:  # "last Friday": the Friday of the week before publication's
        start = published - dt.timedelta(published.weekday() + 7 - target)
    else:
        start = published - dt.timedelta((published.weekday() - target) % 7)
    if "weekday2" in found:  # "dans la nuit de samedi à dimanche"
        nights = (words["weekday"][found["weekday2"]] - target) % 7
        return _span(start, start + dt.timedelta(nights))
    return DateInterval(start, start, "day")


def _day_of_month(day: int, published: dt.date) -> DateInterval | None:
    date = _safe_date(published.year, published.month, day)
    if date is None or date > published:
        previous = published.replace(day=1) - dt.timedelta(1)
        date = _safe_date(previous.year, previous.month, day)
    return DateInterval(date, date, "day") if date else None


def _period(unit: str, shift: int, published: dt.date) -> DateInterval:
    if unit == "week":
        monday = published - dt.timedelta(published.weekday()) + dt.timedelta(7 * shift)
        end = min(monday + dt.timedelta(6), published)
        return DateInterval(monday, end, "week" if shift else "range")
    if unit == "month":
        first = published.replace(day=1)
        if shift:
            last = first - dt.timedelta(1)
            return DateInterval(last.replace(day=1), last, "month")
        return DateInterval(first, published, "month")
    if unit == "year":
        year = published.year + shift
        end = dt.date(year, 12, 31) if shift else published
        return DateInterval(dt.date(year, 1, 1), end, "year")
    # the weekend: the most recent Saturday and Sunday, as far as publication
    saturday = published - dt.timedelta((published.weekday() - 5) % 7)
    return _span(saturday, min(saturday + dt.timedelta(1), published))


def _ago(
    found: dict[str, str], words: dict[str, dict[str, Any]], language: str, published: dt.date
) -> DateInterval | None:
    word = found["count"]
    count = 1 if word in words.get("one", {}) else as_int(parse_number(word, language))
    if not count:
        return None
    unit = words["unit"][found["unit"]]
    if unit == "day":
        day = published - dt.timedelta(count)
        return DateInterval(day, day, "day")
    if unit == "week":
        day = published - dt.timedelta(7 * count)
        monday = day - dt.timedelta(day.weekday())
        return DateInterval(monday, monday + dt.timedelta(6), "week")
    if unit == "month":
        index = published.year * 12 + published.month - 1 - count
        year, month = divmod(index, 12)
        return DateInterval(dt.date(year, month + 1, 1), _month_end(year, month + 1), "month")
    year = published.year - count
    return DateInterval(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def _holiday(rule: list[int], year: int | None, published: dt.date | None) -> DateInterval | None:
    def in_year(candidate_year: int) -> dt.date:
        if len(rule) == 2:
            return dt.date(candidate_year, rule[0], rule[1])
        month, weekday, nth = rule
        days = [
            day
            for day in calendar.Calendar().itermonthdates(candidate_year, month)
            if day.month == month and day.weekday() == weekday
        ]
        return days[nth - 1] if nth > 0 else days[nth]

    if year is None:
        assert published is not None
        date = in_year(published.year)
        if date > published:
            date = in_year(published.year - 1)
    else:
        date = in_year(year)
    return DateInterval(date, date, "day")


_DATEPARSER_PERIODS: dict[str, Precision] = {
    "day": "day",
    "time": "day",
    "part_of_day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
}


@lru_cache(maxsize=4096)
def _parsed_by_dateparser(
    phrase: str, published: dt.date | None, language: str, date_order: str
) -> DateInterval | None:
    """dateparser's reading, for phrases the rules do not cover; None when it needs a
    publication date it does not have."""
    if published is None and not re.search(r"\b(?:19|20)\d{2}\b", phrase):
        return None
    settings: dict[str, Any] = {
        "DATE_ORDER": date_order,
        "PREFER_DATES_FROM": "past",
        "RETURN_TIME_AS_PERIOD": True,
    }
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time())
    data = DateDataParser(languages=[language], settings=settings).get_date_data(phrase)
    if data.date_obj is None:
        return None
    day = data.date_obj.date()
    precision = _DATEPARSER_PERIODS.get(data.period or "day", "day")
    if precision == "week":
        monday = day - dt.timedelta(day.weekday())
        return DateInterval(monday, monday + dt.timedelta(6), "week")
    if precision == "month":
        return DateInterval(day.replace(day=1), _month_end(day.year, day.month), "month")
    if precision == "year":
        return DateInterval(dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), "year")
    return DateInterval(day, day, "day")
