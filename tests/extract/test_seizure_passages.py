"""Sentences as the text writes them, and headings, on real parses."""

from __future__ import annotations

import pytest
from spacy.language import Language

from ghostwatch.extract.seizure_passages import passages

pytestmark = pytest.mark.models


def test_a_long_list_cut_by_the_parser_is_one_passage(models: dict[str, Language]) -> None:
    text = (
        "Les policiers ont saisi 18 armes imprimées en 3D, 13 armes de poing conventionnelles, "
        "cinq imprimantes 3D, sept dispositifs de conversion, plus de 2 000 munitions et 48 000 $ "
        "en argent comptant. Les suspects ont comparu mercredi."
    )
    found = passages(models["fr"](text))
    assert [passage.span.text.strip() for passage in found] == [
        text.split(" Les suspects")[0],
        "Les suspects ont comparu mercredi.",
    ]


def test_headings_and_bullet_lists(models: dict[str, Language]) -> None:
    text = (
        "Police seize guns in raid\n\n"
        "Officers searched a house in Leeds on Tuesday.\n\n"
        "Items seized included:\n"
        "- two rifles\n"
        "- 300 rounds of ammunition\n\n"
        "Glasgow\n\n"
        "A boy was arrested."
    )
    found = passages(models["en"](text))
    assert [(p.span.text.strip(), p.heading) for p in found] == [
        ("Police seize guns in raid", True),
        ("Officers searched a house in Leeds on Tuesday.", False),
        ("Items seized included:\n- two rifles\n- 300 rounds of ammunition", False),
        ("Glasgow", True),
        ("A boy was arrested.", False),
    ]
