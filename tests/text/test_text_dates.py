"""Date phrases found in text and resolved against the publication day, in English and French."""

from __future__ import annotations

import datetime as dt

import pytest

from ghostwatch.text.dates import DateInterval, find_dates, resolve_date

D = dt.date
MONDAY = D(2024, 2, 12)  # a Monday


@pytest.mark.parametrize(
    ("phrase", "language", "start", "end", "precision"),
    [
        # weekdays: the most recent one, the publication day included
        ("on Monday", "en", D(2024, 2, 12), D(2024, 2, 12), "day"),
        ("Tuesday evening", "en", D(2024, 2, 6), D(2024, 2, 6), "day"),
        ("early Sunday morning", "en", D(2024, 2, 11), D(2024, 2, 11), "day"),
        ("late Saturday night", "en", D(2024, 2, 10), D(2024, 2, 10), "day"),
        # "last Friday": the Friday of the week before the publication's
        ("last Friday", "en", D(2024, 2, 9), D(2024, 2, 9), "day"),
        ("lundi dernier", "fr", D(2024, 2, 5), D(2024, 2, 5), "day"),
        ("samedi soir", "fr", D(2024, 2, 10), D(2024, 2, 10), "day"),
        ("Mercredi à l'aube", "fr", D(2024, 2, 7), D(2024, 2, 7), "day"),
        ("dans la nuit de samedi à dimanche", "fr", D(2024, 2, 10), D(2024, 2, 11), "range"),
        ("dans la matinée de mardi", "fr", D(2024, 2, 6), D(2024, 2, 6), "day"),
        # days counted from publication
        ("yesterday afternoon", "en", D(2024, 2, 11), D(2024, 2, 11), "day"),
        ("last night", "en", D(2024, 2, 11), D(2024, 2, 11), "day"),
        ("this morning", "en", MONDAY, MONDAY, "day"),
        ("overnight", "en", D(2024, 2, 11), MONDAY, "range"),
        ("hier", "fr", D(2024, 2, 11), D(2024, 2, 11), "day"),
        ("avant-hier", "fr", D(2024, 2, 10), D(2024, 2, 10), "day"),
        ("aujourd'hui", "fr", MONDAY, MONDAY, "day"),
        # parts of months and whole months
        ("at the end of January", "en", D(2024, 1, 21), D(2024, 1, 31), "range"),
        ("in late January", "en", D(2024, 1, 21), D(2024, 1, 31), "range"),
        ("mid-January", "en", D(2024, 1, 11), D(2024, 1, 20), "range"),
        ("fin janvier", "fr", D(2024, 1, 21), D(2024, 1, 31), "range"),
        ("début février", "fr", D(2024, 2, 1), D(2024, 2, 10), "range"),
        ("à la fin du mois de janvier", "fr", D(2024, 1, 21), D(2024, 1, 31), "range"),
        ("in January", "en", D(2024, 1, 1), D(2024, 1, 31), "month"),
        ("in March", "en", D(2023, 3, 1), D(2023, 3, 31), "month"),
        ("en mars de l'année dernière", "fr", D(2023, 3, 1), D(2023, 3, 31), "month"),
        # weeks, months and years before the publication's
        ("last week", "en", D(2024, 2, 5), D(2024, 2, 11), "week"),
        ("la semaine dernière", "fr", D(2024, 2, 5), D(2024, 2, 11), "week"),
        ("last month", "en", D(2024, 1, 1), D(2024, 1, 31), "month"),
        ("l'an dernier", "fr", D(2023, 1, 1), D(2023, 12, 31), "year"),
        ("two weeks ago", "en", D(2024, 1, 29), D(2024, 2, 4), "week"),
        ("il y a trois jours", "fr", D(2024, 2, 9), D(2024, 2, 9), "day"),
        ("over the weekend", "en", D(2024, 2, 10), D(2024, 2, 11), "range"),
        # days of a month, with or without the year
        ("Jan. 5", "en", D(2024, 1, 5), D(2024, 1, 5), "day"),
        ("September 14th last year", "en", D(2023, 9, 14), D(2023, 9, 14), "day"),
        ("March 5, 2024", "en", D(2024, 3, 5), D(2024, 3, 5), "day"),
        ("Saturday, July 4", "en", D(2023, 7, 4), D(2023, 7, 4), "day"),
        ("le 29 janvier", "fr", D(2024, 1, 29), D(2024, 1, 29), "day"),
        ("le 1er février", "fr", D(2024, 2, 1), D(2024, 2, 1), "day"),
        ("on the 5th", "en", D(2024, 2, 5), D(2024, 2, 5), "day"),
        ("on Christmas Eve", "en", D(2023, 12, 24), D(2023, 12, 24), "day"),
        ("Thanksgiving night", "en", D(2023, 11, 23), D(2023, 11, 23), "day"),
        # ranges
        ("Du 27 au 29 janvier", "fr", D(2024, 1, 27), D(2024, 1, 29), "range"),
        ("Entre le 3 et le 14 juin 2023", "fr", D(2023, 6, 3), D(2023, 6, 14), "range"),
        ("between Jan. 3 and Jan. 14, 2024", "en", D(2024, 1, 3), D(2024, 1, 14), "range"),
        # numeric dates, in each language's order (read by dateparser)
        ("3/5/2024", "en", D(2024, 3, 5), D(2024, 3, 5), "day"),
        ("3/5/2024", "fr", D(2024, 5, 3), D(2024, 5, 3), "day"),
    ],
)
def test_phrases_resolve_against_publication(
    phrase: str, language: str, start: dt.date, end: dt.date, precision: str
) -> None:
    assert resolve_date(phrase, MONDAY, language) == DateInterval(start, end, precision)


def test_day_without_year_is_last_year_when_far_ahead_and_to_come_when_near() -> None:
    assert resolve_date("on Dec. 30", D(2024, 1, 3), "en") == DateInterval(
        D(2023, 12, 30), D(2023, 12, 30), "day"
    )
    # a court date a few weeks ahead stays ahead (the extractor then rules it out)
    assert resolve_date("on March 15", D(2024, 3, 7), "en").start == D(2024, 3, 15)
    assert resolve_date("le 12 mars dernier", D(2024, 3, 7), "fr").start == D(2023, 3, 12)


def test_a_weekday_picks_the_year_of_a_day_without_one() -> None:
    # 9 April was a Tuesday in 2024, not in 2023
    assert resolve_date("Tuesday 9 April", D(2024, 4, 12), "en").start == D(2024, 4, 9)


def test_without_publication_only_dates_with_a_year_resolve() -> None:
    assert resolve_date("on Monday", None, "en") is None
    assert resolve_date("fin janvier", None, "fr") is None
    assert resolve_date("Feb. 27", None, "en") is None
    assert resolve_date("March 5, 2024", None, "en") == DateInterval(
        D(2024, 3, 5), D(2024, 3, 5), "day"
    )
    assert resolve_date("le 29 janvier 2024", None, "fr").start == D(2024, 1, 29)


def test_phrases_are_found_with_exact_offsets() -> None:
    text = (
        "Fourteen people were arrested at the end of January, the prosecutor said on Monday. "
        "Investigators conducted searches in late January."
    )
    found = find_dates(text, "en", MONDAY)
    assert [phrase.text for phrase in found] == [
        "at the end of January",
        "on Monday",
        "in late January",
    ]
    for phrase in found:
        assert text[phrase.start : phrase.end] == phrase.text


def test_common_words_are_not_dates() -> None:
    text = (
        "Police may search the 5th floor. The 17-year-old was shot in the leg, and officers "
        "will march on. He had served three years."
    )
    assert find_dates(text, "en", MONDAY) == []
    assert find_dates("Il y a des armes. Les 26 ans du suspect.", "fr", MONDAY) == []


def test_side_by_side_phrases_join_and_the_stated_day_wins() -> None:
    text = "He was shot last Monday night, November 28, in Dayton."
    (phrase,) = find_dates(text, "en", D(2016, 12, 6))
    assert phrase.text == "last Monday night, November 28"
    assert phrase.interval == DateInterval(D(2016, 11, 28), D(2016, 11, 28), "day")
    # a date then a weekday are two dates
    found = find_dates("interpellé le mardi 14 mai dernier, ce lundi encore", "fr", D(2024, 5, 16))
    assert [(phrase.text, phrase.interval.start) for phrase in found] == [
        ("le mardi 14 mai dernier", D(2024, 5, 14)),
        ("ce lundi", D(2024, 5, 13)),
    ]


def test_a_time_of_day_alone_is_the_publication_day() -> None:
    (phrase,) = find_dates("Officers were called at about 6:30 p.m.", "en", MONDAY)
    assert phrase.anchor == "clock"
    assert phrase.interval == DateInterval(MONDAY, MONDAY, "day")
    (phrase,) = find_dates("Les faits se sont produits vers 23 h 30.", "fr", MONDAY)
    assert phrase.text == "vers 23 h 30"
