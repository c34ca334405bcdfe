"""Regions and countries a page points to without naming them as places: here, its address
(the outlet's domain, a national ending), which settles namesakes the text leaves open. Real
parses of sentences written for these tests; the domains are made up."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ghostwatch.model import Location, Report

pytestmark = pytest.mark.models

COMPONENTS = ("ghostwatch_scope", "ghostwatch_relevance", "ghostwatch_places")

SPRINGFIELD = (
    "A 27-year-old man was shot in the leg outside a bar in Springfield late Saturday, police "
    "said. Officers arrested a 31-year-old suspect nearby and recovered a handgun."
)
PERTH = (
    "Police arrested a 35-year-old man in Perth on Tuesday after officers found two "
    "3D-printed pistols and a printer at his flat."
)


def located(result: Report, name: str) -> Location:
    matches = [location for location in result.locations if location.name == name]
    assert matches, f"{name} not in {[location.name for location in result.locations]}"
    return matches[0]


def test_a_regional_outlet_domain_settles_a_namesake(parsed_report: Callable[..., Report]) -> None:
    plain = located(parsed_report(SPRINGFIELD), "Springfield")
    oregon = located(
        parsed_report(SPRINGFIELD, source="https://www.oregonvalleynews.example/2016/05/shot"),
        "Springfield",
    )
    archived = located(
        parsed_report(
            SPRINGFIELD,
            source="http://web.archive.org/web/20160526/http://www.illinoisdaily.example/a",
        ),
        "Springfield",
    )
    assert plain.admin1 != "Oregon"
    assert (oregon.country, oregon.admin1) == ("US", "Oregon")
    assert (archived.country, archived.admin1) == ("US", "Illinois")


def test_a_national_domain_settles_the_country(parsed_report: Callable[..., Report]) -> None:
    plain = located(parsed_report(PERTH), "Perth")
    british = located(
        parsed_report(PERTH, source="https://news.example.co.uk/perth-arrest"), "Perth"
    )
    assert plain.country == "AU"
    assert british.country == "GB"


def test_the_text_outweighs_the_address(parsed_report: Callable[..., Report]) -> None:
    result = parsed_report(
        "SPRINGFIELD, Ill. — " + SPRINGFIELD, source="https://www.oregonvalleynews.example/a"
    )
    assert located(result, "Springfield").admin1 == "Illinois"
