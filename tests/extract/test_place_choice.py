"""The confidence a location carries: sure for places named in a form that leaves no doubt,
low for a namesake nothing in the text settles (real parses of sentences written here)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ghostwatch.model import Location, Report

pytestmark = pytest.mark.models

COMPONENTS = ("ghostwatch_scope", "ghostwatch_relevance", "ghostwatch_places")


def located(result: Report, name: str) -> Location:
    matches = [location for location in result.locations if location.name == name]
    assert matches, f"{name} not in {[location.name for location in result.locations]}"
    return matches[0]


def test_a_namesake_the_text_leaves_open_is_less_sure_than_a_qualified_one(
    parsed_report: Callable[..., Report],
) -> None:
    bare = located(
        parsed_report("A man was shot in Springfield on Monday night, police said."),
        "Springfield",
    )
    qualified = located(
        parsed_report(
            "A man was shot in Springfield, Illinois, on Monday night, police said. Officers "
            "recovered a handgun at the scene."
        ),
        "Springfield",
    )
    assert qualified.admin1 == "Illinois"
    assert bare.confidence is not None and qualified.confidence is not None
    assert bare.confidence < 0.6 <= 0.9 <= qualified.confidence <= 1.0


def test_a_town_carries_its_county(parsed_report: Callable[..., Report]) -> None:
    houston = located(
        parsed_report("A man was shot and killed in Houston on Sunday night, police said."),
        "Houston",
    )
    assert (houston.admin1, houston.admin2) == ("Texas", "Harris County")


def test_a_dateline_town_with_its_state_is_sure(parsed_report: Callable[..., Report]) -> None:
    result = parsed_report(
        "PARIS, Texas — A 24-year-old man was shot dead outside a bar early Sunday, and "
        "officers arrested a suspect in Paris hours later, police said."
    )
    paris = located(result, "Paris")
    assert (paris.country, paris.admin1) == ("US", "Texas")
    assert paris.confidence is not None and paris.confidence >= 0.95


def test_french_town_with_its_departement_is_sure_and_every_location_has_a_confidence(
    parsed_report: Callable[..., Report],
) -> None:
    result = parsed_report(
        "Les gendarmes de Roquebrune-sur-Argens (Var) ont interpellé deux hommes mardi et saisi "
        "trois pistolets lors d'une perquisition à Fréjus.",
        language="fr",
    )
    town = located(result, "Roquebrune-sur-Argens")
    assert town.confidence is not None and town.confidence >= 0.9
    assert (town.admin1, town.admin2) == ("Provence-Alpes-Côte d'Azur", "Var")
    assert all(0.0 < (location.confidence or 0.0) <= 1.0 for location in result.locations)


def test_a_county_alone_is_the_far_more_populous_namesake_or_keeps_its_state_open(
    parsed_report: Callable[..., Report],
) -> None:
    stop = "Deputies found two rifles and a pistol in a car stopped on a highway in {} on Tuesday."
    harris = located(parsed_report(stop.format("Harris County")), "Harris County")
    assert harris.admin1 == "Texas"  # 4.7 million people, Georgia's 35,000
    greene = located(parsed_report(stop.format("Greene County")), "Greene County")
    assert greene.admin1 is None  # counties of fourteen states, none far the largest


def test_a_town_named_beside_its_county_is_the_namesake_in_that_county(
    parsed_report: Callable[..., Report],
) -> None:
    result = parsed_report(
        "A man was arrested in Live Oak on Friday after deputies found an unregistered rifle "
        "in his truck, the Sutter County Sheriff's Office said."
    )
    live_oak = located(result, "Live Oak")  # not the larger Live Oak of Santa Cruz County
    assert (live_oak.admin1, live_oak.geonames_id) == ("California", 5367315)


def test_a_region_of_a_country_the_story_never_speaks_of_is_a_local_name(
    parsed_report: Callable[..., Report],
) -> None:
    result = parsed_report(
        "A teenager was wounded in a shooting on the West Bank on Sunday night, New Orleans "
        "police said. Officers recovered a handgun."
    )
    assert [location.country for location in result.locations] == ["US"]


def test_a_force_only_one_country_has_settles_the_namesake(
    parsed_report: Callable[..., Report],
) -> None:
    victoria = located(
        parsed_report(
            "Police in Victoria arrested a 31-year-old man after finding a 3D printer and two "
            "pistols at his home. Victoria Police said he was charged on Friday."
        ),
        "Victoria",
    )
    perth = located(
        parsed_report(
            "Officers searched a flat in Perth and seized two 3D-printed pistols and a printer, "
            "Police Scotland said."
        ),
        "Perth",
    )
    assert (victoria.kind, victoria.country) == ("admin1", "AU")
    assert (perth.country, perth.admin1) == ("GB", "Scotland")


def test_a_belgian_force_makes_the_belgian_namesake_surer(
    parsed_report: Callable[..., Report],
) -> None:
    seizure = "a saisi trois armes imprimées en 3D lors d'une perquisition à Halle mardi."
    plain = located(parsed_report(f"Un enquêteur {seizure}", "fr"), "Halle")
    federal = located(parsed_report(f"La police fédérale {seizure}", "fr"), "Halle")
    assert plain.country == federal.country == "BE"
    assert (federal.confidence or 0) > (plain.confidence or 0)
