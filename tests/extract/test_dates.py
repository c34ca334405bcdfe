"""The case's date: the main action's, resolved against publication, with its evidence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from ghostwatch.model import DateValue, Report

pytestmark = pytest.mark.models


def date_of(
    case_report: Callable[..., Report], text: str, language: str, published: dt.date | None
) -> DateValue | None:
    report = case_report(text, language, published=published)
    if report.date is not None:
        for span in report.date.evidence:
            assert span.text == text[span.start : span.end]
    return report.date


def test_action_date_not_the_announcement_with_restatements_as_evidence(
    case_report: Callable[..., Report],
) -> None:
    text = (
        "Nine people were arrested in Lyon and Grenoble at the end of January in an "
        "investigation into 3D-printed guns, the prosecutor's office said on Monday.\n"
        "Gendarmes carried out searches in late January and seized four printed pistols "
        "and two 3D printers."
    )
    date = date_of(case_report, text, "en", dt.date(2024, 2, 12))
    assert (date.start, date.end, date.precision) == (
        dt.date(2024, 1, 21),
        dt.date(2024, 1, 31),
        "range",
    )
    assert date.text == "at the end of January"
    assert [span.text for span in date.evidence] == ["at the end of January", "in late January"]


def test_weekday_is_the_most_recent_one_and_future_hearings_are_not_dates(
    case_report: Callable[..., Report],
) -> None:
    text = (
        "A 31-year-old man will appear before Bristol magistrates on Monday after police "
        "found a 3D-printed handgun at his flat.\n"
        "Officers arrested him on Tuesday morning when they raided the property in Easton "
        "and seized the gun and ammunition, Avon and Somerset Police said on Thursday."
    )
    date = date_of(case_report, text, "en", dt.date(2024, 3, 22))  # a Friday
    assert (date.start, date.end, date.precision) == (
        dt.date(2024, 3, 19),
        dt.date(2024, 3, 19),
        "day",
    )
    assert [span.text for span in date.evidence] == ["on Tuesday morning"]


def test_court_report_takes_the_sentencing_not_the_old_arrest(
    case_report: Callable[..., Report],
) -> None:
    text = (
        "A man who built a 3D-printed pistol in his garage has been jailed for six years.\n"
        "Dean Holt, 35, was sentenced at Leeds Crown Court on Friday after he admitted "
        "manufacturing a prohibited firearm.\n"
        "The court heard that detectives arrested Holt at his home on September 14th last "
        "year and recovered the gun."
    )
    date = date_of(case_report, text, "en", dt.date(2024, 5, 18))
    assert date.start == date.end == dt.date(2024, 5, 17)
    assert date.text == "on Friday"


def test_last_week_is_the_week_before_publication(case_report: Callable[..., Report]) -> None:
    text = (
        "Police in Rotterdam arrested three men last week after a raid on a workshop where "
        "they printed firearm parts and assembled pistols."
    )
    date = date_of(case_report, text, "en", dt.date(2024, 10, 16))
    assert (date.start, date.end, date.precision) == (
        dt.date(2024, 10, 7),
        dt.date(2024, 10, 13),
        "week",
    )


def test_a_time_of_day_alone_dates_a_shooting_on_the_publication_day(
    case_report: Callable[..., Report],
) -> None:
    text = (
        "A 19-year-old man was shot in the leg outside a bar in Dayton at about 11:40 p.m., "
        "police said. Officers recovered a handgun at the scene."
    )
    date = date_of(case_report, text, "en", dt.date(2016, 5, 3))
    assert date.start == date.end == dt.date(2016, 5, 3)
    assert [span.text for span in date.evidence] == ["at about 11:40 p.m."]


def test_relative_dates_need_a_publication_day(case_report: Callable[..., Report]) -> None:
    relative = "Police arrested two men on Tuesday and seized a 3D-printed pistol in Leeds."
    assert date_of(case_report, relative, "en", None) is None
    dated = "Police arrested two men on March 5, 2024 and seized a 3D-printed pistol in Leeds."
    date = date_of(case_report, dated, "en", None)
    assert date.start == date.end == dt.date(2024, 3, 5)


def test_french_arrest_day_not_the_charge_nor_the_announcement(
    case_report: Callable[..., Report],
) -> None:
    text = (
        "Un homme de 34 ans a été mis en examen jeudi à Annecy pour fabrication d'armes, "
        "a indiqué vendredi le parquet.\n"
        "Il avait été interpellé à son domicile mardi 21 mai par les gendarmes, qui ont saisi "
        "un pistolet imprimé en 3D et une imprimante."
    )
    date = date_of(case_report, text, "fr", dt.date(2024, 5, 24))
    assert date.start == date.end == dt.date(2024, 5, 21)
    assert [span.text for span in date.evidence] == ["mardi 21 mai"]


def test_french_end_of_month_and_future_hearing(case_report: Callable[..., Report]) -> None:
    text = (
        "Treize personnes ont été interpellées fin janvier à Marseille et à Toulon dans une "
        "enquête sur un trafic d'armes imprimées en 3D, a annoncé jeudi le parquet.\n"
        "Le principal suspect comparaîtra le 3 mars devant le tribunal correctionnel."
    )
    date = date_of(case_report, text, "fr", dt.date(2024, 2, 9))
    assert (date.start, date.end, date.precision) == (
        dt.date(2024, 1, 21),
        dt.date(2024, 1, 31),
        "range",
    )
    assert [span.text for span in date.evidence] == ["fin janvier"]


def test_french_night_and_same_day_restated(case_report: Callable[..., Report]) -> None:
    text = (
        "Deux hommes ont été blessés par balle dans la nuit de samedi à dimanche à Valence. "
        "Les policiers ont saisi une arme de poing près des lieux.\n"
        "Un suspect a été interpellé lundi matin, a précisé le parquet mardi."
    )
    date = date_of(case_report, text, "fr", dt.date(2024, 9, 17))  # a Tuesday
    assert (date.start, date.end) == (dt.date(2024, 9, 14), dt.date(2024, 9, 15))
    assert date.text == "dans la nuit de samedi à dimanche"
