"""Seized items and prices, read by the real models and language packs from written news texts."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ghostwatch.model import Report

pytestmark = pytest.mark.models

#: the components seized items and prices depend on: case scope, relevance, seizures
COMPONENTS = ("ghostwatch_scope", "ghostwatch_relevance", "ghostwatch_seizures")


def seized(result: Report) -> list[tuple[str, int | None]]:
    return [(item.category, item.quantity) for item in result.seized]


def evidence(result: Report, category: str) -> list[list[str]]:
    return [
        [span.text for span in item.evidence] for item in result.seized if item.category == category
    ]


def assert_spans_valid(result: Report) -> None:
    text = result.document.text
    for span in result.spans():
        assert text[span.start : span.end] == span.text


LIST_EN = (
    "Gendarmes arrested fourteen people in a network making weapons with 3D printers. During "
    "searches in late January, investigators recovered eight 3D printers, seven complete 3D "
    "weapons and twenty-four conventional weapons, prosecutors said."
)


def test_a_list_gives_one_entry_per_kind_with_its_count_and_qualifier(
    case_report: Callable[..., Report],
) -> None:
    result = case_report(LIST_EN, "en")
    assert seized(result) == [("3d_printer", 8), ("3d_printed_firearm", 7), ("firearm", 24)]
    assert [item.qualifier for item in result.seized] == [None, "complete", "conventional"]
    assert evidence(result, "3d_printed_firearm") == [["seven complete 3D weapons"]]
    assert evidence(result, "firearm") == [["twenty-four conventional weapons"]]
    assert_spans_valid(result)


def test_approximate_vague_and_singular_counts(case_report: Callable[..., Report]) -> None:
    text = (
        "Police arrested two men in Salford on Friday. Officers searching the house seized more "
        "than 440 printed parts, nearly 90 rounds of ammunition, a hunting rifle, several hundred "
        "cartridges, dozens of spools of filament, 12 knives and a machete."
    )
    result = case_report(text, "en")
    assert seized(result) == [
        ("3d_printed_part", 440),
        ("ammunition", 90),
        ("firearm", 1),
        ("ammunition", None),
        ("filament", None),
        ("other_weapon", 12),
        ("other_weapon", 1),
    ]
    assert evidence(result, "3d_printed_part") == [["more than 440 printed parts"]]
    assert evidence(result, "filament") == [["dozens of spools of filament"]]


def test_subsets_and_descriptions_are_not_items_of_their_own(
    case_report: Callable[..., Report],
) -> None:
    text = (
        "Detectives arrested a 30-year-old man and seized five 3D-printed handguns, including a "
        "Glock-style pistol, printed components for a rifle and two so-called switches that "
        "turn a pistol into a machine gun."
    )
    result = case_report(text, "en")
    assert seized(result) == [
        ("3d_printed_firearm", 5),
        ("3d_printed_part", None),
        ("conversion_device", 2),
    ]
    assert evidence(result, "3d_printed_part") == [["printed components for a rifle"]]


def test_cash_drugs_and_values(case_report: Callable[..., Report]) -> None:
    text = (
        "A man was arrested after gardaí searched his home in Limerick and seized a pistol, "
        "cannabis herb with an estimated street value of €14,000, €3,450 in cash and 1.5kg of "
        "cocaine. Gardaí said the firearm was loaded. The man is being detained at a Garda "
        "station, police said."
    )
    result = case_report(text, "en")
    assert seized(result) == [
        ("firearm", 1),
        ("drugs", None),
        ("cash", None),
        ("drugs", None),
    ]
    cash = result.seized[2]
    assert (cash.amount, cash.currency) == (3450, "EUR")
    assert evidence(result, "cash") == [["€3,450 in cash"]]
    assert result.seized[3].qualifier == "cocaine, 1.5kg"
    assert_spans_valid(result)


def test_passive_statements_and_items_brought_along(case_report: Callable[..., Report]) -> None:
    text = (
        "Two men were arrested in Bolton on Monday. A 3D-printed handgun loaded with two rounds, "
        "a 3D printer and £2,000 were seized at the flat, Greater Manchester Police said."
    )
    result = case_report(text, "en")
    assert seized(result) == [
        ("3d_printed_firearm", 1),
        ("ammunition", 2),
        ("3d_printer", 1),
        ("cash", None),
    ]
    assert (result.seized[3].amount, result.seized[3].currency) == (2000, "GBP")


def test_a_restated_seizure_is_one_entry_with_both_spans(
    case_report: Callable[..., Report],
) -> None:
    text = (
        "A Bendigo man has been charged after police found a 3D-printed pistol at his home. "
        "Detectives arrested him on Monday. They seized the pistol, a 3D printer and 30 rounds "
        "of ammunition, police said."
    )
    result = case_report(text, "en")
    assert seized(result) == [("3d_printed_firearm", 1), ("3d_printer", 1), ("ammunition", 30)]
    assert evidence(result, "3d_printed_firearm") == [["a 3D-printed pistol", "the pistol"]]


def test_parcels_contents_and_fitted_parts(case_report: Callable[..., Report]) -> None:
    text = (
        "Border officers intercepted a parcel from China in March. The parcel, declared as "
        "aquarium parts, contained 30 auto sears. Police later arrested the man and recovered "
        "a pistol at his home. The pistol had been fitted with a switch, police said."
    )
    result = case_report(text, "en")
    assert seized(result) == [
        ("conversion_device", 30),
        ("firearm", 1),
        ("conversion_device", 1),
    ]


def test_calibres_brands_and_hyphenated_words(case_report: Callable[..., Report]) -> None:
    text = (
        "Deputies arrested the driver after a traffic stop in Tulsa. They recovered a "
        ".38-caliber revolver, a loaded Glock 19 with an extended magazine, a sawn-off shotgun "
        "and a 30-round magazine, the sheriff's office said."
    )
    result = case_report(text, "en")
    assert seized(result) == [
        ("firearm", 1),
        ("firearm", 1),
        ("magazine", 1),
        ("firearm", 1),
        ("magazine", 1),
    ]
    assert [item.evidence[0].text for item in result.seized] == [
        "a .38-caliber revolver",
        "a loaded Glock 19",
        "an extended magazine",
        "a sawn-off shotgun",
        "a 30-round magazine",
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        pytest.param(
            "A man was arrested on Saturday after a shooting in Tulsa that injured two people. "
            "Police said he sold guns to gang members and fired several rounds from a handgun. "
            "Officers found shell casings at the scene but no weapon was recovered. Detectives "
            "expected to find more firearms at his home. Days earlier, a 9-year-old girl found "
            "her father's gun in a dresser.",
            "en",
            id="items-not-seized-are-not-coded",
        ),
        pytest.param(
            "Un homme a été interpellé à Lyon après une fusillade. Aucune arme n'a été retrouvée "
            "à son domicile. Selon la police, ces armes se retrouvent ensuite dans les mains des "
            "gangs.",
            "fr",
            id="french-negation-and-reflexive-are-not-seizures",
        ),
    ],
)
def test_weapons_no_one_seized_give_no_items(
    case_report: Callable[..., Report], text: str, language: str
) -> None:
    assert case_report(text, language).seized == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Police arrested a man in Leeds and seized two 3D printers and a printed pistol. "
            "Last year, officers across the country seized more than 400 printed guns, according "
            "to Home Office figures.",
            [("3d_printer", 2), ("3d_printed_firearm", 1)],
            id="background-statistics-are-not-the-case",
        ),
        pytest.param(
            "Police dealt with three cases involving printed firearms this week.\n\n"
            "Bolton\n\n"
            "Officers arrested a man and found a 3D printer and a printed pistol in his flat.\n\n"
            "Glasgow\n\n"
            "A boy was arrested after printed gun parts were found in a garage.\n\n"
            "Cardiff\n\n"
            "A man was jailed for making a printed rifle; police had seized 200 rounds.",
            [("3d_printer", 1), ("3d_printed_firearm", 1)],
            id="a-roundup-codes-its-first-case",
        ),
        pytest.param(
            "Police in Derby seized a 3D-printed pistol and arrested a 34-year-old man on Monday. "
            "A growing number of firearms recovered by police are printed at home, officers said.",
            [("3d_printed_firearm", 1)],
            id="a-growing-number-of-finds-is-a-trend-not-an-item",
        ),
    ],
)
def test_only_the_case_own_seizures_are_items(
    case_report: Callable[..., Report], text: str, expected: list[tuple[str, int | None]]
) -> None:
    assert seized(case_report(text, "en")) == expected


def test_a_bulleted_list_of_seized_items(case_report: Callable[..., Report]) -> None:
    text = (
        "Police arrested a man in Leeds after a search of his flat on Tuesday.\n\n"
        "Items seized included:\n"
        "- two rifles\n"
        "- 300 rounds of ammunition\n"
        "- £4,000 in cash\n\n"
        "He will appear before magistrates on Friday."
    )
    result = case_report(text, "en")
    assert seized(result) == [("firearm", 2), ("ammunition", 300), ("cash", None)]
    assert evidence(result, "cash") == [["£4,000 in cash"]]


def test_french_list_with_approximations_and_cash(case_report: Callable[..., Report]) -> None:
    text = (
        "Deux hommes ont été interpellés mardi à Saint-Denis. Lors de la perquisition, les "
        "policiers ont découvert deux imprimantes 3D, trois pistolets entièrement imprimés, une "
        "cinquantaine de cartouches, plusieurs téléphones et 3 450 euros en liquide."
    )
    result = case_report(text, "fr")
    assert seized(result) == [
        ("3d_printer", 2),
        ("3d_printed_firearm", 3),
        ("ammunition", 50),
        ("electronics", None),
        ("cash", None),
    ]
    assert evidence(result, "ammunition") == [["une cinquantaine de cartouches"]]
    assert (result.seized[4].amount, result.seized[4].currency) == (3450, "EUR")
    assert evidence(result, "cash") == [["3 450 euros en liquide"]]
    assert_spans_valid(result)


def test_french_nominal_passive_and_phrase_triggers(case_report: Callable[..., Report]) -> None:
    text = (
        "Les gendarmes ont interpellé quatre personnes à Toulouse. Les perquisitions ont permis "
        "la saisie de six armes imprimées en 3D et de dix-huit armes de poing et d'épaule. Un "
        "gilet pare-balles et un ordinateur ont également été saisis. Les douaniers ont "
        "intercepté un colis contenant plus de 40 pièces d'armes. Parmi ces pièces figuraient "
        "des carcasses de pistolet imprimées en 3D."
    )
    result = case_report(text, "fr")
    assert seized(result) == [
        ("3d_printed_firearm", 6),
        ("firearm", 18),
        ("accessory", 1),
        ("electronics", 1),
        ("firearm_part", 40),
        ("3d_printed_part", None),
    ]


def prices(result: Report) -> list[tuple[float, float, str, str | None]]:
    return [(price.min, price.max, price.currency, price.item) for price in result.prices]


def test_price_range_of_the_case_goods(case_report: Callable[..., Report]) -> None:
    result = case_report(LIST_EN + " They were resold for 1,000 to 1,500 euros.", "en")
    assert prices(result) == [(1000, 1500, "EUR", "3d_printed_firearm")]
    assert [span.text for span in result.prices[0].evidence] == ["resold for 1,000 to 1,500 euros"]


def test_unit_prices_and_the_items_they_apply_to(case_report: Callable[..., Report]) -> None:
    text = (
        "Agents arrested a man in Mesa and seized four 3D printers and 600 printed auto sears. "
        "He sold the devices online, charging between $75 and $150 for each auto sear and $300 "
        "for a frame. He was held on a $50,000 bond and fined $2,000 in an earlier case."
    )
    result = case_report(text, "en")
    assert prices(result) == [
        (75, 150, "USD", "conversion_device"),
        (300, 300, "USD", "firearm_part"),
    ]


def test_dollars_follow_the_country_of_the_case(case_report: Callable[..., Report]) -> None:
    text = (
        "Ontario Provincial Police arrested two men in London, Ont., and seized three 3D-printed "
        "handguns and $8,600 in cash. The guns were advertised online for $2,500 each."
    )
    result = case_report(text, "en")
    assert [(item.amount, item.currency) for item in result.seized if item.category == "cash"] == [
        (8600, "CAD")
    ]
    assert prices(result) == [(2500, 2500, "CAD", "3d_printed_firearm")]


def test_market_prices_in_general_are_not_the_case_price(
    case_report: Callable[..., Report],
) -> None:
    text = (
        "Police arrested a man in Leeds and seized a 3D-printed pistol. A printed pistol can "
        "sell for £1,200 on the black market, experts say."
    )
    result = case_report(text, "en")
    assert result.prices == []


def test_french_prices(case_report: Callable[..., Report]) -> None:
    text = (
        "Deux hommes ont été interpellés à Vénissieux. Les policiers ont saisi quatorze pistolets "
        "d'alarme et près de 200 cartouches. Ils les revendaient entre 900 et 1 400 euros pièce "
        "et cédaient leurs chargeurs 50 euros. "
        "Selon les spécialistes, une arme de ce type peut se négocier jusqu'à 2 000 euros."
    )
    result = case_report(text, "fr")
    assert seized(result) == [("firearm", 14), ("ammunition", 200)]
    assert prices(result) == [(900, 1400, "EUR", "firearm"), (50, 50, "EUR", "magazine")]


BULLETED_EN = (
    "Searches at three addresses in Coventry on Wednesday led to the seizure of the following "
    "items:\n\n"
    "• Two partially assembled 3D-printed firearms\n"
    "• A number of firearm components\n"
    "• Three 3D printers\n\n"
    "A 29-year-old man was arrested on suspicion of manufacturing firearms."
)

BULLETED_FR = (
    "Lors des perquisitions menées mardi, les gendarmes ont découvert :\n"
    "- deux pistolets imprimés en 3D ;\n"
    "- une imprimante 3D ;\n"
    "- 3 000 euros en liquide ;\n"
    "- plusieurs chargeurs.\n"
    "Le suspect, âgé de 22 ans, a été placé en garde à vue."
)


def test_a_bulleted_list_gives_every_item(case_report: Callable[..., Report]) -> None:
    result = case_report(BULLETED_EN, "en")
    assert seized(result) == [
        ("3d_printed_firearm", 2),
        ("firearm_part", None),
        ("3d_printer", 3),
    ]
    assert evidence(result, "firearm_part") == [["A number of firearm components"]]
    assert_spans_valid(result)


def test_bullets_ending_in_semicolons_go_on_to_the_next_item(
    case_report: Callable[..., Report],
) -> None:
    result = case_report(BULLETED_FR, "fr")
    assert [item.category for item in result.seized] == [
        "3d_printed_firearm",
        "3d_printer",
        "cash",
        "magazine",
    ]
    assert evidence(result, "magazine") == [["plusieurs chargeurs"]]
    assert_spans_valid(result)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Detectives seized two 3D-printed pistols and an arsenal of shotguns in Leeds and "
            "arrested two men.",
            "en",
            [("3d_printed_firearm", 2), ("firearm", None)],
        ),
        (
            "Les policiers ont interpellé deux hommes et saisi un certain nombre de pièces "
            "d'armes à Lyon.",
            "fr",
            [("firearm_part", None)],
        ),
    ],
)
def test_a_collective_noun_does_not_hide_its_items(
    case_report: Callable[..., Report], text: str, language: str, expected: list
) -> None:
    assert seized(case_report(text, language)) == expected
