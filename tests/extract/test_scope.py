"""Case or background, sentence by sentence, on documents written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from ghostwatch.extract.scope import BACKGROUND_SPANS
from ghostwatch.extract.state import ExtractionState, state_of
from ghostwatch.model import Report

pytestmark = pytest.mark.models

COMPONENTS = ("ghostwatch_scope",)


def parse(
    parsed: Callable[..., tuple[Report, Doc]], text: str, language: str
) -> tuple[Doc, ExtractionState]:
    """The Doc and the state the scope component left on it (which sentences are the case's)."""
    _, doc = parsed(text, language)
    return doc, state_of(doc)


def background(parsed: Callable[..., tuple[Report, Doc]], text: str, language: str) -> list[str]:
    """The background parts of `text`: the lines of its background sentences and the
    background clauses of its case sentences that are whole lines (a parse may run a sentence
    across a paragraph break), stripped."""
    doc, state = parse(parsed, text, language)
    clauses = {span.text.strip() for span in doc.spans[BACKGROUND_SPANS]}
    found = []
    for sentence in doc.sents:
        for line in sentence.text.split("\n"):
            if line.strip() and (not state.in_case(sentence) or line.strip() in clauses):
                found.append(line.strip())
    return found


def test_trends_statistics_and_passing_cases_are_background(
    parsed: Callable[..., tuple[Report, Doc]],
) -> None:
    text = (
        "Police arrested a 31-year-old man in Walsall on Tuesday and seized two printed pistols. "
        "The man was remanded in custody.\n\n"
        "Printed firearms are turning up more often in Britain. Figures published in the spring "
        "show 40 seizures. In a similar case last year, a teenager in Leeds was convicted."
    )
    assert background(parsed, text, "en") == [
        "Printed firearms are turning up more often in Britain.",
        "Figures published in the spring show 40 seizures.",
        "In a similar case last year, a teenager in Leeds was convicted.",
    ]


def test_a_passing_case_carries_into_the_next_sentence(
    parsed: Callable[..., tuple[Report, Doc]],
) -> None:
    text = (
        "Gardai searched a house in Newcastle West and seized a 3D printer.\n\n"
        "It is the second find of its kind in the county this year. In February, gardai "
        "recovered printed gun parts during a search in Kilmallock."
    )
    assert background(parsed, text, "en") == [
        "It is the second find of its kind in the county this year.",
        "In February, gardai recovered printed gun parts during a search in Kilmallock.",
    ]


def test_the_case_own_past_stays_in_the_case(parsed: Callable[..., tuple[Report, Doc]]) -> None:
    text = (
        "Officers searched Doherty's home in March last year and found four printed pistols. "
        "Last year he bought a second printer. In 2023, Windsor police charged two men with "
        "making printed guns."
    )
    assert background(parsed, text, "en") == [
        "In 2023, Windsor police charged two men with making printed guns."
    ]


def test_comparison_is_a_background_clause_of_a_case_sentence(
    parsed: Callable[..., tuple[Report, Doc]],
) -> None:
    text = (
        "They could then be resold for 1,000 to 1,500 euros, cheaper than a Kalashnikov, "
        "according to the prosecutor."
    )
    doc, state = parse(parsed, text, "en")
    assert all(state.in_case(s) for s in doc.sents)
    assert [span.text for span in doc.spans[BACKGROUND_SPANS]] == ["cheaper than a Kalashnikov"]


def test_trend_in_a_relative_clause_keeps_its_sentence(
    parsed: Callable[..., tuple[Report, Doc]],
) -> None:
    text = (
        "Detectives said both weapons appeared to be FGC-9 type guns, a model that has turned "
        "up in several police investigations across Europe."
    )
    doc, state = parse(parsed, text, "en")
    assert all(state.in_case(s) for s in doc.sents)
    clauses = [span.text for span in doc.spans[BACKGROUND_SPANS]]
    assert clauses and "FGC-9" not in clauses[0] and "across Europe" in clauses[0]


def test_roundup_keeps_only_its_first_case(parsed: Callable[..., tuple[Report, Doc]]) -> None:
    text = (
        "Police dealt with three separate cases involving printed guns this week.\n\n"
        "Bolton\n\n"
        "Officers raided a flat in Bolton and arrested two men.\n\n"
        "Glasgow\n\n"
        "Police Scotland arrested a 17-year-old boy.\n\n"
        "Cardiff\n\n"
        "A 44-year-old man was jailed for five years."
    )
    found = background(parsed, text, "en")
    assert "Officers raided a flat in Bolton and arrested two men." not in found
    assert any("Police Scotland arrested" in s for s in found)
    assert any("jailed for five years" in s for s in found)


def test_background_heading_opens_a_background_section(
    parsed: Callable[..., tuple[Report, Doc]],
) -> None:
    text = (
        "Agents searched the home of a 28-year-old man in Mesa on Jan. 9.\n\n"
        "Background\n\n"
        "Agents recovered thousands of devices nationwide."
    )
    found = background(parsed, text, "en")
    assert found and "Agents recovered thousands" in found[-1]
    assert not any("Mesa" in s for s in found)


def test_french_background(parsed: Callable[..., tuple[Report, Doc]]) -> None:
    text = (
        "Un homme de 19 ans a été interpellé à Lanester le 29 janvier. Il a été placé sous "
        "contrôle judiciaire.\n\n"
        "En Bretagne, c'est la deuxième affaire de ce type en un an. En 2023, un quadragénaire "
        "avait été condamné à Quimper pour des faits similaires.\n\n"
        "Le phénomène inquiète les autorités. En 2022 déjà, une opération menée en Finlande "
        "avait permis de saisir plusieurs dizaines d'armes."
    )
    assert background(parsed, text, "fr") == [
        "En Bretagne, c'est la deuxième affaire de ce type en un an.",
        "En 2023, un quadragénaire avait été condamné à Quimper pour des faits similaires.",
        "Le phénomène inquiète les autorités.",
        "En 2022 déjà, une opération menée en Finlande avait permis de saisir plusieurs "
        "dizaines d'armes.",
    ]


def test_french_comparison_and_roundup(parsed: Callable[..., tuple[Report, Doc]]) -> None:
    text = (
        "Trois affaires en moins d'un mois.\n\n"
        "À Roubaix, un point de deal sous protection\n\n"
        "Les policiers ont découvert deux pistolets imprimés. Ils se vendaient moins cher "
        "qu'une kalachnikov.\n\n"
        "À Dunkerque, un lycéen et son imprimante\n\n"
        "Un adolescent de 16 ans a été interpellé."
    )
    found = background(parsed, text, "fr")
    assert "Les policiers ont découvert deux pistolets imprimés." not in found
    assert "Un adolescent de 16 ans a été interpellé." in found
    doc, _ = parse(parsed, text, "fr")
    assert "moins cher qu'une kalachnikov" in [span.text for span in doc.spans[BACKGROUND_SPANS]]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a country or region opening a sentence about a new actor: the case
        ("Au Texas, un homme a été condamné à 15 ans de prison pour trafic d'armes.", "fr", []),
        ("En Bretagne, les gendarmes ont arrêté deux hommes à Rennes.", "fr", []),
        ("In Britain, a 24-year-old man was jailed for printing a gun.", "en", []),
        # the same opening for a trend: background
        (
            "En France, les saisies d'armes imprimées se multiplient.",
            "fr",
            ["En France, les saisies d'armes imprimées se multiplient."],
        ),
        (
            "In Britain, seizures of printed guns have doubled.",
            "en",
            ["In Britain, seizures of printed guns have doubled."],
        ),
    ],
)
def test_a_new_actor_anchors_a_sentence_opened_by_a_place(
    parsed: Callable[..., tuple[Report, Doc]], text: str, language: str, expected: list[str]
) -> None:
    assert background(parsed, text, language) == expected
