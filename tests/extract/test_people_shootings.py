"""Suspects of shooting news: gunmen who took their own lives, people who turned themselves in,
ages written around nicknames and appositions, read by the real pipeline from texts written for
these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ghostwatch.model import Person, Report

pytestmark = pytest.mark.models

COMPONENTS = ("ghostwatch_scope", "ghostwatch_people")


def report(parsed_report: Callable[..., Report], text: str, language: str = "en") -> Report:
    """The people the component finds (relevance left aside: it is not its job)."""
    found = parsed_report(text, language)
    for person in found.suspects + found.victims:
        for span in person.evidence:
            assert text[span.start : span.end] == span.text
    return found


def ages(people: list[Person]) -> list[int | None]:
    return sorted(person.age for person in people if person.age is not None)


def test_a_gunman_who_killed_himself_is_a_suspect(parsed_report: Callable[..., Report]) -> None:
    found = report(
        parsed_report,
        "The sheriff says Brian Harwell, 43, shot his wife and a neighbor as they were running "
        "out the back door, then fatally shot himself.",
    )
    (gunman,) = found.suspects
    assert (gunman.name, gunman.age, gunman.status) == ("Brian Harwell", 43, ["killed"])
    assert len(found.victims) == 2
    found = report(
        parsed_report, "Police said Dale Morris, 52, killed his wife before he took his own life."
    )
    assert [(p.age, p.status) for p in found.suspects] == [(52, ["killed"])]


def test_someone_who_shot_only_himself_is_a_victim(parsed_report: Callable[..., Report]) -> None:
    found = report(
        parsed_report, "A 10-year-old boy accidentally shot himself in the hand on Friday."
    )
    assert found.suspects == []
    assert [(p.age, p.status) for p in found.victims] == [(10, ["injured"])]


def test_turning_oneself_in_is_an_arrest(parsed_report: Callable[..., Report]) -> None:
    found = report(
        parsed_report,
        "Investigators say 23-year-old Leon Ford and 17-year-old Kadeem Singer turned themselves "
        "in to the sheriff on Monday.",
    )
    assert ages(found.suspects) == [17, 23]
    assert all(person.status == ["arrested"] for person in found.suspects)


def test_age_inside_an_apposition_or_after_a_quoted_nickname(
    parsed_report: Callable[..., Report],
) -> None:
    found = report(
        parsed_report,
        "Jonathan Reeves was charged with murder on Monday. Police said Reeves, 30, an Army "
        "veteran, shot and killed his fiancée at their apartment.",
    )
    assert [(p.name, p.age) for p in found.suspects] == [("Jonathan Reeves", 30)]
    found = report(
        parsed_report,
        'Prosecutors said Marcus Bell, aka "Smoke," 25, pleaded guilty Monday to assault with a '
        "dangerous weapon.",
    )
    assert [(p.name, p.age) for p in found.suspects] == [("Marcus Bell", 25)]


def test_french_gunman_who_killed_himself(parsed_report: Callable[..., Report]) -> None:
    found = report(
        parsed_report,
        "Le tireur, un homme de 43 ans, a tué sa compagne avant de se suicider.",
        "fr",
    )
    assert ages(found.suspects) == [43]
    assert [p.status for p in found.victims] == [["killed"]]


def test_age_said_by_a_verb(parsed_report: Callable[..., Report]) -> None:
    found = report(
        parsed_report,
        "Investigators determined that Bournes, who was 59, had shot his wife and their "
        "daughter before setting the house on fire.",
    )
    assert [(p.name, p.age) for p in found.suspects] == [("Bournes", 59)]
    found = report(parsed_report, "The shooter was 11 years old, a sheriff's deputy said.")
    assert [(p.label, p.age) for p in found.suspects] == [("The shooter", 11)]
    found = report(
        parsed_report, "Selon les enquêteurs, Dupont, qui avait 59 ans, a tué sa femme.", "fr"
    )
    assert ages(found.suspects) == [59]
