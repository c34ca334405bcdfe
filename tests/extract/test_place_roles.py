"""Roles of place mentions: places the wounded, the arrested or the dead were taken to afterwards
are no places of the case, yet still tell which namesake the case's places are (real parses of
sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ghostwatch.model import Report

pytestmark = pytest.mark.models

COMPONENTS = ("ghostwatch_scope", "ghostwatch_relevance", "ghostwatch_places")


def names(result: Report) -> list[str]:
    return [location.name for location in result.locations]


def test_hospital_and_jail_towns_are_not_places_of_the_case(
    parsed_report: Callable[..., Report],
) -> None:
    result = parsed_report(
        "A 19-year-old man was shot several times outside a convenience store in Hutchinson "
        "late Friday, police said. He was airlifted to Wichita in serious but stable condition. "
        "A 22-year-old suspect was arrested Saturday and booked into the detention center in "
        "Newton on a charge of attempted murder."
    )
    assert "Hutchinson" in names(result)
    assert "Wichita" not in names(result)
    assert "Newton" not in names(result)


def test_an_autopsy_town_still_tells_which_namesake_the_case_is_in(
    parsed_report: Callable[..., Report],
) -> None:
    result = parsed_report(
        "A 31-year-old man was fatally shot early Sunday outside a home in Danville, police "
        "said. His body was taken to the medical examiner's office in Roanoke for an autopsy."
    )
    danville = [location for location in result.locations if location.name == "Danville"]
    assert [(d.country, d.admin1) for d in danville] == [("US", "Virginia")]
    assert "Roanoke" not in names(result)


def test_french_prison_town_is_not_a_place_of_the_case(
    parsed_report: Callable[..., Report],
) -> None:
    result = parsed_report(
        "Interpellé mardi à Besançon avec trois pistolets imprimés en 3D, un homme de 24 ans a "
        "été mis en examen puis écroué à la maison d'arrêt de Dijon.",
        language="fr",
    )
    assert "Besançon" in names(result)
    assert "Dijon" not in names(result)
