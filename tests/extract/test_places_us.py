"""Places in US local news: datelines, neighbourhoods, namesakes, background towns and bodies'
seats, on real parses of sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ghostwatch.model import Location, Report

pytestmark = pytest.mark.models

COMPONENTS = (
    "ghostwatch_scope",
    "ghostwatch_relevance",
    "ghostwatch_places",
    "ghostwatch_agencies",
)


def located(result: Report, name: str) -> Location:
    matches = [location for location in result.locations if location.name == name]
    assert matches, f"{name} not in {[location.name for location in result.locations]}"
    return matches[0]


def names(result: Report) -> list[str]:
    return [location.name for location in result.locations]


def aliases(location: Location) -> list[str]:
    return list((location.model_extra or {}).get("aliases") or [])


def test_a_town_first_named_after_the_lead_is_background(
    parsed_report: Callable[..., Report],
) -> None:
    text = (
        "A 15-year-old boy was shot and wounded outside a convenience store in Durham on "
        "Saturday night, police said. Officers found the teen on the sidewalk with a gunshot "
        "wound to the leg.\n\n"
        "The shooting came a week after a man was shot to death at a gas station in Raleigh, "
        "and police said the two cases did not appear to be connected."
    )
    result = parsed_report(text)
    assert names(result) == ["Durham"]
    assert located(result, "Durham").admin1 == "North Carolina"


def test_a_later_search_is_still_a_place_of_the_case(parsed_report: Callable[..., Report]) -> None:
    text = (
        "Police arrested a 24-year-old man in Tacoma on Monday after a shooting that wounded "
        "two people outside a bar. He was booked into the county jail.\n\n"
        "Detectives later searched a storage unit in Lakewood, where they seized two rifles "
        "and ammunition."
    )
    result = parsed_report(text)
    assert {"Tacoma", "Lakewood"} <= set(names(result))


def test_a_neighbourhood_under_a_city_dateline_carries_the_city(
    parsed_report: Callable[..., Report],
) -> None:
    text = (
        "CHICAGO — Five teenagers were wounded in a shooting Monday night in Englewood, police "
        "said. The victims were standing on a corner when a gunman opened fire from a car."
    )
    result = parsed_report(text)
    englewood = located(result, "Englewood")
    assert englewood.admin1 == "Illinois"
    assert "Chicago" in aliases(englewood)
    assert "Chicago" not in names(result)


def test_a_neighbourhood_called_so_gets_its_city_from_the_gazetteer(
    parsed_report: Callable[..., Report],
) -> None:
    text = (
        "Three people were shot Saturday in the Dorchester neighborhood, authorities said. "
        "All three were taken to hospitals with wounds that were not life-threatening."
    )
    dorchester = located(parsed_report(text), "Dorchester")
    assert (dorchester.admin1, dorchester.country) == ("Massachusetts", "US")
    assert "Boston" in aliases(dorchester)


def test_us_wording_picks_the_american_namesake(parsed_report: Callable[..., Report]) -> None:
    text = (
        "A 7-year-old girl was killed early Sunday after a home in Birmingham was sprayed with "
        "bullets, according to the sheriff's office. Sheriff's deputies said no arrests had "
        "been made."
    )
    result = parsed_report(text)
    birmingham = located(result, "Birmingham")
    assert (birmingham.country, birmingham.admin1) == ("US", "Alabama")
    assert result.countries == ["US"]


def test_an_unknown_town_leaves_its_state(parsed_report: Callable[..., Report]) -> None:
    text = (
        "PINCHGUT HOLLOW, W.Va. (AP) — A 10-year-old boy was killed Sunday when a rifle his "
        "brother was cleaning went off, state police said."
    )
    result = parsed_report(text)
    state = located(result, "West Virginia")
    assert (state.kind, state.country) == ("admin1", "US")
    assert [span.text for span in state.evidence] == ["W.Va"]


def test_a_county_qualifier_followed_by_a_state(parsed_report: Callable[..., Report]) -> None:
    text = (
        "GREENCASTLE, FRANKLIN COUNTY, Pa. — A man was charged after his 4-year-old son found "
        "a loaded handgun in a bedroom and shot himself, state police said."
    )
    greencastle = located(parsed_report(text), "Greencastle")
    assert greencastle.admin1 == "Pennsylvania"


@pytest.mark.parametrize(
    ("sentence", "name", "admin1"),
    [
        (
            "The Las Vegas Metropolitan Police Department said a man was shot in a parking "
            "lot early Sunday.",
            "Las Vegas",
            "Nevada",
        ),
        (
            "The St. Augustine Police Department said a 15-year-old was shot in the leg Thursday.",
            "Saint Augustine",
            "Florida",
        ),
        (
            "Officers from the Bristol Tennessee Police Department said a man was shot outside "
            "a bar early Saturday.",
            "Bristol",
            "Tennessee",
        ),
        (
            "The Fort Bend County Sheriff's Office said a 68-year-old man was shot and killed "
            "at his home on Friday.",
            "Fort Bend County",
            "Texas",
        ),
    ],
)
def test_seats_of_police_forces(
    parsed_report: Callable[..., Report], sentence: str, name: str, admin1: str
) -> None:
    place = located(parsed_report(sentence), name)
    assert place.admin1 == admin1


def test_a_place_before_a_common_noun_is_the_place(parsed_report: Callable[..., Report]) -> None:
    text = (
        "Three people were shot at a Memphis apartment complex on Wednesday night, and two of "
        "them are in critical condition, police said."
    )
    assert located(parsed_report(text), "Memphis").admin1 == "Tennessee"


def test_a_date_after_a_town_does_not_lengthen_its_name(
    parsed_report: Callable[..., Report],
) -> None:
    text = (
        "A 16-year-old girl was fatally struck by stray gunfire in Chattanooga Sunday in what "
        "police described as a gang-related shooting."
    )
    assert located(parsed_report(text), "Chattanooga").admin1 == "Tennessee"


def test_a_town_before_a_person_noun_after_an_age(parsed_report: Callable[..., Report]) -> None:
    text = (
        "Police charged a 33-year-old Pontiac man with murder after a shooting at a fireworks "
        "show killed one person and wounded six others."
    )
    pontiac = located(parsed_report(text), "Pontiac")
    assert (pontiac.role, pontiac.admin1) == ("residence", "Michigan")


def test_distant_landmarks_are_not_places_of_the_case(parsed_report: Callable[..., Report]) -> None:
    text = (
        "Two men were shot early Saturday at a lodge in Reidsville, about 25 miles north of "
        "Greensboro, deputies said. A third man was wounded three miles south of Wentworth."
    )
    result = parsed_report(text)
    assert "Greensboro" not in names(result)
    assert {"Reidsville", "Wentworth"} <= set(names(result))


def test_a_victims_home_town_is_not_coded(parsed_report: Callable[..., Report]) -> None:
    text = (
        "A man was shot and killed outside a nightclub in Columbia early Sunday, police said. "
        "The victim, a 24-year-old father of two, lived in Orangeburg, his family said."
    )
    result = parsed_report(text)
    assert names(result) == ["Columbia"]
    assert located(result, "Columbia").admin1 == "South Carolina"


def test_a_town_of_another_state_named_beside_the_story_is_dropped(
    parsed_report: Callable[..., Report],
) -> None:
    text = (
        "SPRINGFIELD, Ill. (AP) — Two people were wounded in a shooting at a Springfield "
        "apartment complex on Friday night, and police in Springfield said they were looking "
        "for a gunman who fled in a pickup truck toward Jacksonville."
    )
    result = parsed_report(text)
    springfield = located(result, "Springfield")
    assert springfield.admin1 == "Illinois"
    assert {location.admin1 for location in result.locations} == {"Illinois"}


def test_a_county_takes_the_state_of_the_other_names(parsed_report: Callable[..., Report]) -> None:
    text = (
        "Kane County sheriff's deputies said a man and a woman were shot Friday evening at a "
        "house in St. Charles. Both were taken to a hospital in serious condition."
    )
    result = parsed_report(text)
    assert {location.admin1 for location in result.locations} == {"Illinois"}


def test_a_dateline_in_title_case(parsed_report: Callable[..., Report]) -> None:
    text = (
        "Champaign - Two shootings near the university campus left five people injured and "
        "one person dead early Saturday, police said."
    )
    assert located(parsed_report(text), "Champaign").admin1 == "Illinois"


def test_a_county_named_only_by_its_sheriff_under_a_county_dateline(
    parsed_report: Callable[..., Report],
) -> None:
    text = (
        "FLOYD CO., Ind. – The Floyd County Sheriff's Department responded to a report of a "
        "juvenile who was shot in the chest on Sunday afternoon."
    )
    county = located(parsed_report(text), "Floyd County")
    assert (county.kind, county.admin1) == ("admin2", "Indiana")


def test_with_no_place_of_the_case_the_best_named_one_is_kept(
    parsed_report: Callable[..., Report],
) -> None:
    text = (
        "A 9-year-old girl was killed and her father was wounded Wednesday evening when "
        "gunmen fired into their car.\n\n"
        '"To lose a child like this weighs on all of us," Cincinnati assistant police Chief '
        "Paul Neudigate said."
    )
    assert located(parsed_report(text), "Cincinnati").admin1 == "Ohio"


def test_the_storys_own_headline_names_its_place(parsed_report: Callable[..., Report]) -> None:
    text = (
        "Posted: Sunday, Feb. 22, 2015\n\n"
        "Toledo man arrested in shooting of toddler\n\n"
        "A 3-year-old girl who was shot inside a home Saturday was in serious condition "
        "today, while her father was held in the county jail."
    )
    toledo = located(parsed_report(text), "Toledo")
    assert (toledo.role, toledo.admin1) == ("residence", "Ohio")


def test_a_town_the_parser_took_for_a_nationality(parsed_report: Callable[..., Report]) -> None:
    text = (
        "A little girl in Yonkers was shot in the face shortly after 11 p.m. Monday in her "
        "family's apartment, police said."
    )
    assert located(parsed_report(text), "Yonkers").admin1 == "New York"


def test_a_city_possessive_before_its_neighbourhood(parsed_report: Callable[..., Report]) -> None:
    text = (
        "Seven people were shot in Chicago's West Garfield Park neighborhood Friday night, "
        "officials said. Three of the wounded drove themselves to a hospital."
    )
    result = parsed_report(text)
    part = located(result, "West Garfield Park")
    assert part.admin1 == "Illinois"
    assert "Chicago" in aliases(part)


def test_a_neighbourhood_unknown_to_the_gazetteer_is_coded_as_its_city(
    parsed_report: Callable[..., Report],
) -> None:
    text = (
        "CHICAGO — A 17-year-old was fatally wounded in a shooting in the Austin neighborhood "
        "early Sunday, police said. He was taken to a hospital, where he died."
    )
    result = parsed_report(text)
    chicago = located(result, "Chicago")
    assert chicago.admin1 == "Illinois"
    assert "Austin" in aliases(chicago)
    assert {location.admin1 for location in result.locations} == {"Illinois"}


@pytest.mark.parametrize(
    "title",
    [
        "Teen shot in Lexington home - WXYZ 7 - Columbia, South Carolina",
        "LEXINGTON, SC: Teen accidentally shot at home",
        "Teen accidentally shot at Lexington home - WXYZ.com-Columbia, SC News Weather",
    ],
)
def test_the_pages_title_picks_the_namesake(
    parsed_report: Callable[..., Report], title: str
) -> None:
    text = (
        "A 13-year-old boy was accidentally shot and killed Wednesday at a home in Lexington, "
        "the coroner said. Investigators said the shooting appeared to be accidental."
    )
    assert located(parsed_report(text), "Lexington").admin1 == "Kentucky"
    result = parsed_report(text, title=title)
    assert located(result, "Lexington").admin1 == "South Carolina"
    assert [location.name for location in result.locations] == ["Lexington"]


def test_a_state_body_in_the_text_picks_the_namesake(parsed_report: Callable[..., Report]) -> None:
    text = (
        "A 3-year-old died Sunday after accidentally shooting himself at a home in Jefferson. "
        "The Georgia Bureau of Investigation was called to help local police, officials said."
    )
    result = parsed_report(text)
    assert located(result, "Jefferson").admin1 == "Georgia"
    assert "Georgia" not in names(result)


def test_a_city_named_with_its_state_is_no_state_cue(parsed_report: Callable[..., Report]) -> None:
    text = (
        "Two men were shot and wounded outside a bar in Springfield early Saturday, police "
        "said. One of them had moved from Kansas City a year ago."
    )
    assert located(parsed_report(text), "Springfield").admin1 != "Kansas"


def test_the_title_gives_an_ambiguous_county_its_state(
    parsed_report: Callable[..., Report],
) -> None:
    text = (
        "A 4-year-old boy was critically wounded Sunday when he found a handgun in a bedroom, "
        "the Montgomery County Sheriff's Office said."
    )
    county = located(parsed_report(text), "Montgomery County")
    assert county.admin1 is None  # counties of eighteen states, none far the largest
    title = "Boy, 4, shoots himself with found gun - KXYZ Dayton, Ohio News"
    county = located(parsed_report(text, title=title), "Montgomery County")
    assert county.admin1 == "Ohio"


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        (
            "Two people are in custody after an overnight shooting in Winchester.Officers were "
            "called Tuesday evening to an apartment on Oxford Drive, police said.",
            "Winchester",
            None,
        ),
        (
            "A 10-year-old girl was shot and wounded in North Philadelphia.Arrest warrants have "
            "been issued for two men, police said.",
            "Philadelphia",
            "Pennsylvania",
        ),
        (
            "JACKSON, Tenn.-A man was shot and killed late Tuesday in midtown, police said.",
            "Jackson",
            "Tennessee",
        ),
    ],
)
def test_a_sentence_glued_to_the_place_before_it(
    parsed_report: Callable[..., Report], text: str, name: str, admin1: str | None
) -> None:
    place = located(parsed_report(text), name)
    if admin1 is not None:
        assert place.admin1 == admin1


def test_a_county_qualifier_several_states_share_means_the_biggest_town(
    parsed_report: Callable[..., Report],
) -> None:
    text = (
        "A six-year-old boy was shot in the finger in Chester, Delaware County on Monday "
        "afternoon, police said."
    )
    assert located(parsed_report(text), "Chester").admin1 == "Pennsylvania"


def test_a_papers_big_city_gives_an_ambiguous_county_its_state(
    parsed_report: Callable[..., Report],
) -> None:
    text = (
        "Four people were wounded early Saturday in a drive-by shooting at a gas station in "
        "Orange County, deputies said. (Photo: Jane Doe, Orlando Sentinel)"
    )
    county = located(parsed_report(text), "Orange County")
    assert county.admin1 == "Florida"


def test_a_big_citys_name_in_a_street_is_no_cue(parsed_report: Callable[..., Report]) -> None:
    text = (
        "Two people were shot on the porch of a home on Cleveland Street in Orange early "
        "Sunday, police said. The Essex County Prosecutor's Office is investigating."
    )
    title = "Two shot on Cleveland Street porch in Orange"
    assert located(parsed_report(text, title=title), "Orange").admin1 != "Ohio"


def test_the_grill_of_a_bar_is_no_town(parsed_report: Callable[..., Report]) -> None:
    text = (
        "Three people were shot in the parking lot outside Murphy's Irish Pub and Grill in "
        "Hickory early Friday, according to the Hickory Police Department."
    )
    result = parsed_report(text)
    assert "Grill" not in names(result)


@pytest.mark.parametrize(
    ("sentence", "name", "admin1"),
    [
        (
            "A man was shot and killed outside a convenience store Sunday, according to the "
            "Charlotte-Mecklenburg Police Department.",
            "Charlotte",
            "North Carolina",
        ),
        (
            "Two men were wounded in a shooting Friday night, Savannah-Chatham Metro Police said.",
            "Savannah",
            "Georgia",
        ),
    ],
)
def test_a_force_of_a_city_and_its_county_works_in_the_city(
    parsed_report: Callable[..., Report], sentence: str, name: str, admin1: str
) -> None:
    assert located(parsed_report(sentence), name).admin1 == admin1


@pytest.mark.parametrize(
    "text",
    [
        "PITTSBURGH (KDKA) - One man was killed and four others were wounded when gunfire "
        "erupted at a party in Homewood overnight. Police said no arrests had been made.",
        "A 19-year-old man was shot and wounded in Homewood early Sunday, Pittsburgh police said.",
    ],
)
def test_a_far_namesake_beside_the_storys_city_is_a_part_of_it(
    parsed_report: Callable[..., Report], text: str
) -> None:
    result = parsed_report(text)
    assert names(result) == ["Pittsburgh"]
    assert {location.admin1 for location in result.locations} == {"Pennsylvania"}


def test_a_far_town_given_with_its_state_stays_a_town(parsed_report: Callable[..., Report]) -> None:
    text = (
        "PITTSBURGH (KDKA) - A man wanted in a shooting in Homewood, Ala., was arrested at a "
        "bus station on Sunday, police said."
    )
    assert located(parsed_report(text), "Homewood").admin1 == "Alabama"


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        (
            "A 16-year-old boy was killed in an accidental shooting in Yuma on Sunday. The town "
            "of 3,500 sits on the high plains about 150 miles northeast of Denver.",
            "Yuma",
            "Colorado",
        ),
        (
            "A 15-year-old was accidentally shot in the leg while turkey hunting near Delia in "
            "Jackson County on Sunday. The victim was taken to a Topeka hospital.",
            "Jackson County",
            "Kansas",
        ),
    ],
)
def test_a_big_city_named_for_something_else_still_gives_the_region(
    parsed_report: Callable[..., Report], text: str, name: str, admin1: str
) -> None:
    result = parsed_report(text)
    assert located(result, name).admin1 == admin1
    assert "Denver" not in names(result) and "Topeka" not in names(result)
