"""Killed and injured in shooting news: the people shot, the dead, the wounded and the survivors,
as the counts component reads them from texts written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ghostwatch.model import Report

pytestmark = pytest.mark.models

COMPONENTS = ("ghostwatch_scope", "ghostwatch_counts")


def values(parsed_report: Callable[..., Report], language: str, text: str) -> dict[str, int]:
    """The counts the component fills for `text` (relevance left aside: it is not its job)."""
    found = parsed_report(text, language).counts
    for count in found.values():
        for span in count.evidence:
            assert text[span.start : span.end] == span.text
    return {key: count.value for key, count in found.items()}


def test_someone_else_besides_the_dead_is_injured(parsed_report: Callable[..., Report]) -> None:
    text = (
        "Three people were shot to death and another was in critical condition after the "
        "shooting at a house on Elm Street early Sunday."
    )
    assert values(parsed_report, "en", text) == {"killed": 3, "injured": 1}
    text = (
        "Two men were shot and killed outside a gas station on Friday night. A woman who was "
        "with them was wounded in the arm."
    )
    assert values(parsed_report, "en", text) == {"killed": 2, "injured": 1}


def test_hyphenated_words_fit_in_a_gap(parsed_report: Callable[..., Report]) -> None:
    text = "A 23-year-old man sustained non-life-threatening injuries in the shooting."
    assert values(parsed_report, "en", text) == {"injured": 1}
    text = "The teenager had multiple gunshot wounds to his arm and chest, police said."
    assert values(parsed_report, "en", text) == {"injured": 1}


def test_killed_or_injured_is_not_a_fact(parsed_report: Callable[..., Report]) -> None:
    text = (
        "The boy is the eighth child in the county this year to be injured or killed by a "
        "loaded gun left within reach."
    )
    assert values(parsed_report, "en", text) == {}
    text = (
        "Le garçon est le huitième enfant du département cette année à être blessé ou tué par "
        "une arme chargée."
    )
    assert values(parsed_report, "fr", text) == {}


def test_plural_number_words_are_no_figure(parsed_report: Callable[..., Report]) -> None:
    text = (
        "Two families are grieving after their loved ones were gunned down at a car wash on "
        "Monday night. Royal Dixon, 30, and Vontay Parker, 22, died at the scene."
    )
    assert values(parsed_report, "en", text) == {"killed": 2}


def test_bodies_found_are_dead(parsed_report: Callable[..., Report]) -> None:
    text = "Deputies said four bodies were found in the burned car on a county road."
    assert values(parsed_report, "en", text) == {"killed": 4}
    text = "Quatre corps ont été retrouvés dans la voiture incendiée, selon les gendarmes."
    assert values(parsed_report, "fr", text) == {"killed": 4}


def test_a_surname_the_recogniser_takes_for_a_place_is_still_the_victim(
    parsed_report: Callable[..., Report],
) -> None:
    text = (
        "Police said the charges stem from a shooting involving 16-year-old Christian Madueno, "
        "who was shot in the face with a handgun. Madueno died on December 25 as a result of "
        "his injuries."
    )
    assert values(parsed_report, "en", text) == {"killed": 1}


def test_a_clause_of_its_own_keeps_its_object(parsed_report: Callable[..., Report]) -> None:
    text = (
        "Police say a 16-year-old boy was shot and killed overnight on the east side and his "
        "own brother pulled the trigger."
    )
    assert values(parsed_report, "en", text) == {"killed": 1}


def test_datelines_are_not_people(parsed_report: Callable[..., Report]) -> None:
    text = (
        "HARRIS COUNTY, Texas - A 4-year-old girl was murdered by her father, sheriff's "
        "investigators say."
    )
    assert values(parsed_report, "en", text) == {"killed": 1}


def test_another_person_in_french(parsed_report: Callable[..., Report]) -> None:
    text = "Trois personnes ont été tuées et une autre a été blessée par balle dans la nuit."
    assert values(parsed_report, "fr", text) == {"killed": 3, "injured": 1}


def test_wounds_that_only_say_people_were_hit_may_be_the_dead(
    parsed_report: Callable[..., Report],
) -> None:
    text = (
        "Four people were shot and killed inside the home. Officers found the four victims "
        "with gunshot wounds in the living room."
    )
    assert values(parsed_report, "en", text) == {"killed": 4}
    text = "Two men were shot and wounded outside a bar early Sunday."
    assert values(parsed_report, "en", text) == {"injured": 2}


def test_a_person_said_to_be_hurt_too_is_someone_else(parsed_report: Callable[..., Report]) -> None:
    text = (
        "A man was shot and killed outside a store on Friday. A woman was also shot in the leg, "
        "police said."
    )
    assert values(parsed_report, "en", text) == {"killed": 1, "injured": 1}
    text = (
        "Un homme a été tué par balle vendredi soir. Une femme a également été blessée par "
        "balle, selon la police."
    )
    assert values(parsed_report, "fr", text) == {"killed": 1, "injured": 1}


def test_a_death_told_of_the_dead_does_not_take_the_wounded(
    parsed_report: Callable[..., Report],
) -> None:
    text = (
        "A man was killed and a police officer was injured in a shooting Saturday night. The "
        "coroner said he died of multiple gunshot wounds."
    )
    assert values(parsed_report, "en", text) == {"killed": 1, "injured": 1}
    text = "A man was shot in the chest on Main Street. He died at the hospital."
    assert values(parsed_report, "en", text) == {"killed": 1}


def test_a_rank_is_the_total_so_far(parsed_report: Callable[..., Report]) -> None:
    text = "A fifth suspect has been arrested in the deadly shooting at the park, police said."
    assert values(parsed_report, "en", text) == {"arrested": 5}
    text = "Un troisième suspect a été interpellé mardi dans l'enquête sur la fusillade."
    assert values(parsed_report, "fr", text) == {"arrested": 3}


def test_times_shot_galleries_and_stray_numbers_are_no_count(
    parsed_report: Callable[..., Report],
) -> None:
    text = "The 17-year-old student was hit once in the lower body."
    assert values(parsed_report, "en", text) == {"injured": 1}
    text = "Photos 1 / 5\nPolice charged two men with murder on Monday."
    assert values(parsed_report, "en", text) == {"charged": 2, "arrested": 2}
    text = "Related stories 6\n\nA 16-year-old boy arrested after the shooting."
    assert values(parsed_report, "en", text) == {"arrested": 1}


def test_custody_and_picking_up_that_are_no_arrest(parsed_report: Callable[..., Report]) -> None:
    text = (
        "The victim had been involved in a child custody dispute. He had gone to pick up a "
        "friend when he was shot in the arm."
    )
    assert values(parsed_report, "en", text) == {"injured": 1}
    text = "The suspect was picked up by police later that night."
    assert values(parsed_report, "en", text) == {"arrested": 1}


def test_a_dateline_the_parse_makes_the_subject(parsed_report: Callable[..., Report]) -> None:
    text = "AUSTIN - A 15-year-old was shot Sunday night in East Austin, police said."
    assert values(parsed_report, "en", text) == {"injured": 1}


def test_ages_listed_before_one_unit_are_no_count(parsed_report: Callable[..., Report]) -> None:
    text = "Two teens, 16 and 17 years old, were charged with murder on Friday."
    assert values(parsed_report, "en", text) == {"charged": 2, "arrested": 2}


def test_the_subject_written_before_the_auxiliary(parsed_report: Callable[..., Report]) -> None:
    text = (
        "Police are searching for clues after five people, including an infant, were injured "
        "in a drive-by shooting late Sunday."
    )
    assert values(parsed_report, "en", text) == {"injured": 5}
    text = (
        "Four shot in East Park\n\nFour men were shot Thursday afternoon in the East Park "
        "neighborhood, police said."
    )
    assert values(parsed_report, "en", text) == {"injured": 4}


def test_conditions_share_out_the_wounded(parsed_report: Callable[..., Report]) -> None:
    text = (
        "One man was killed, deputies say. Three others were hospitalized, two in critical "
        "condition and one with minor injuries."
    )
    assert values(parsed_report, "en", text) == {"killed": 1, "injured": 3}
    text = "An additional five people were hurt, with two in critical condition."
    assert values(parsed_report, "en", text) == {"injured": 5}
    text = "One man was wounded in the leg and two others were hurt in the shooting."
    assert values(parsed_report, "en", text) == {"injured": 3}
    text = "Two of the victims were in critical condition and two suffered minor injuries."
    assert values(parsed_report, "en", text) == {"injured": 4}
    text = (
        "Un homme a été tué. Trois autres personnes ont été blessées, dont deux dans un état grave."
    )
    assert values(parsed_report, "fr", text) == {"killed": 1, "injured": 3}


def test_a_round_up_of_the_city_is_not_the_case(parsed_report: Callable[..., Report]) -> None:
    text = (
        "Five people were killed and at least 17 others have been wounded in separate "
        "shootings across the city since Friday evening."
    )
    assert values(parsed_report, "en", text) == {}
    text = "At least 21 people were shot in 12 incidents throughout the night."
    assert values(parsed_report, "en", text) == {}
    text = "Two people have died since Friday's shooting at the bar, and three were wounded."
    assert values(parsed_report, "en", text) == {"killed": 2, "injured": 3}
    text = (
        "Cinq personnes ont été tuées et 17 autres blessées dans des fusillades distinctes "
        "depuis vendredi soir."
    )
    assert values(parsed_report, "fr", text) == {}


def test_wordings_of_the_wounded(parsed_report: Callable[..., Report]) -> None:
    text = "A 20-year-old man is fighting for his life after the shooting in the Bronx."
    assert values(parsed_report, "en", text) == {"injured": 1}
    text = "The shooting outside the restaurant sent four people to the hospital."
    assert values(parsed_report, "en", text) == {"injured": 4}
    text = (
        "The shooting sent five people to the hospital. One of the victims died on Sunday, "
        "police said."
    )
    assert values(parsed_report, "en", text) == {"killed": 1, "injured": 4}
    text = "Four teens were taken to the hospital for non-life-threatening injuries."
    assert values(parsed_report, "en", text) == {"injured": 4}
    text = "The man is recovering from his injuries, police said."
    assert values(parsed_report, "en", text) == {"injured": 1}
    text = "Police said the man responsible for the injuries fled on foot."
    assert values(parsed_report, "en", text) == {}


def test_people_met_before_others_add_to_them(parsed_report: Callable[..., Report]) -> None:
    text = (
        "A 20-year-old man is fighting for his life, and four others he was with were hospitalized."
    )
    assert values(parsed_report, "en", text) == {"injured": 5}
    text = "A 14-year-old boy was among four people injured in the shooting."
    assert values(parsed_report, "en", text) == {"injured": 4}
    text = "Four people were injured, including a 14-year-old boy."
    assert values(parsed_report, "en", text) == {"injured": 4}


def test_an_apposition_spells_out_its_figure(parsed_report: Callable[..., Report]) -> None:
    text = (
        "Police say the two other teens, one female and one male, were being treated for "
        "serious injuries at a local hospital."
    )
    assert values(parsed_report, "en", text) == {"injured": 2}
    text = "Three men, two women and a child were injured in the shooting."
    assert values(parsed_report, "en", text) == {"injured": 6}


def test_gunshot_injuries_only_say_people_were_hit(parsed_report: Callable[..., Report]) -> None:
    text = "Officers found six people with gunshot injuries. One of them died at the scene."
    assert values(parsed_report, "en", text) == {"killed": 1, "injured": 5}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A 20-year-old woman suffered a fatal gunshot wound in the shooting on Main Street "
            "on Friday, police said.",
            {"killed": 1},
        ),
        (
            "Two men suffered fatal injuries in a shooting in Dayton on Friday, police said.",
            {"killed": 2},
        ),
        (
            "A man suffered a gunshot wound to the leg in a shooting in Dayton on Friday.",
            {"injured": 1},
        ),
    ],
)
def test_a_fatal_wound_is_a_death_not_an_injury(
    parsed_report: Callable[..., Report], text: str, expected: dict[str, int]
) -> None:
    assert values(parsed_report, "en", text) == expected


def test_an_ordinal_after_the_dead_is_one_more_person(
    parsed_report: Callable[..., Report],
) -> None:
    # the parser hangs "a third" on the first verb and leaves "was wounded" without a subject
    text = (
        "Two men suffered fatal injuries and a third was wounded in a shooting outside a bar "
        "on Main Street early Sunday, police said."
    )
    assert values(parsed_report, "en", text) == {"killed": 2, "injured": 1}


def test_a_state_hung_on_the_hospital_is_the_people_taken_there(
    parsed_report: Callable[..., Report],
) -> None:
    # the parser hangs "with injuries" on "hospital"; the people are the verb's
    text = (
        "Two men died at the scene of the shooting. Three victims were transported to a local "
        "hospital with non-life threatening injuries."
    )
    assert values(parsed_report, "en", text) == {"killed": 2, "injured": 3}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Four people, ages 14 to 52, were shot outside a bar on Main Street.", {"injured": 4}),
        (
            "Five children between the ages of 11 and 15 were hospitalized after the shooting.",
            {"injured": 5},
        ),
        ("Ten victims aged between 20 and 37 were shot in the parking lot.", {}),
        ("One man died. The other, 20, is in fair condition with a wound to his arm.", {}),
    ],
)
def test_a_range_of_ages_is_no_count(
    parsed_report: Callable[..., Report], text: str, expected: dict[str, int]
) -> None:
    # the parser may take the range's last number for the subject: no count is better than
    # the age ("ten victims aged between 20 and 37" is not 37 people shot)
    found = values(parsed_report, "en", text)
    assert found.get("injured") == expected.get("injured")


def test_a_round_up_over_a_stretch_or_across_a_city_is_not_the_case(
    parsed_report: Callable[..., Report],
) -> None:
    text = (
        "Four people were killed and at least 16 others wounded in shootings across the city "
        "on Wednesday."
    )
    assert values(parsed_report, "en", text) == {}
    text = "He was one of three people killed and 27 wounded over an eight-hour stretch."
    assert values(parsed_report, "en", text) == {}
    text = "More than 90 people have been shot in the first 41 days of the year."
    assert values(parsed_report, "en", text) == {}
    text = "A series of shootings overnight left two people dead and eight others injured."
    assert values(parsed_report, "en", text) == {}


def test_people_taken_to_hospital_were_hit(parsed_report: Callable[..., Report]) -> None:
    text = "Five people were rushed to the hospital after the shooting outside the club."
    assert values(parsed_report, "en", text) == {"injured": 5}
    text = "A man was shot and killed, and two others were taken to a local hospital."
    assert values(parsed_report, "en", text) == {"killed": 1, "injured": 2}
    text = (
        "A man was shot in the street on Sunday. He was taken to a hospital, where he was "
        "pronounced dead."
    )
    assert values(parsed_report, "en", text) == {"killed": 1}
    text = "Three people received non-life-threatening injuries in the shooting, police said."
    assert values(parsed_report, "en", text) == {"injured": 3}


def test_one_phrase_two_predicates_count_is_one_person(
    parsed_report: Callable[..., Report],
) -> None:
    # "grazed" (injured) and "grazed by a bullet" (shot) both count "a second person"
    text = (
        "A woman was wounded in the leg. A second person was grazed by a bullet and treated "
        "at the scene."
    )
    assert values(parsed_report, "en", text) == {"injured": 2}


def test_a_number_counts_the_bare_plurals_joined_to_its_noun(
    parsed_report: Callable[..., Report],
) -> None:
    text = "Five men and women were injured in a drive-by shooting outside a restaurant."
    assert values(parsed_report, "en", text) == {"injured": 5}
    text = "Four men and two women were injured in the shooting."
    assert values(parsed_report, "en", text) == {"injured": 6}
    text = "The men and a woman were injured in the shooting."
    assert values(parsed_report, "en", text) == {}


def test_others_fatally_shot_are_not_the_wounded(parsed_report: Callable[..., Report]) -> None:
    text = (
        "Police said the man fatally shot his wife, then drove to a house where four others "
        "were fatally shot."
    )
    assert values(parsed_report, "en", text) == {"killed": 5}
    text = "Three people were shot dead and two others were shot in the legs."
    assert values(parsed_report, "en", text) == {"killed": 3, "injured": 2}


def test_a_fatal_shooting_of_someone_is_a_death(parsed_report: Callable[..., Report]) -> None:
    text = "Two men have been indicted in the fatal shooting of a 17-year-old boy last spring."
    assert values(parsed_report, "en", text).get("killed") == 1
    assert "injured" not in values(parsed_report, "en", text)
    text = "Police are investigating the deadly shooting of two men outside a bar on Friday."
    assert values(parsed_report, "en", text) == {"killed": 2}


def test_shot_and_killed_by_someone_is_a_death(parsed_report: Callable[..., Report]) -> None:
    # the parser reads "a man shot" as active and hangs "killed by police" on it
    text = "A man shot and killed by police on Sunday has been identified."
    assert values(parsed_report, "en", text) == {"killed": 1}
