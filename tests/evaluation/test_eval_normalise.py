"""String normalisation: case, accents, punctuation (deleted) and white space."""

from __future__ import annotations

import pytest

from ghostwatch.evaluation import normalise


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Île-de-France", "iledefrance"),
        ("ILE-DE-FRANCE", "iledefrance"),
        ("Provence-Alpes-Côte d'Azur", "provencealpescote dazur"),
        ("Provence-Alpes-Cote d’Azur", "provencealpescote dazur"),
        ("  Operation\t Viper \n", "operation viper"),
        ("Straße", "strasse"),
        ("Washington, D.C.", "washington dc"),
        ("FGC-9", "fgc9"),
        ("Région Grand Est", "region grand est"),
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_punctuation_is_deleted_not_replaced_by_a_space() -> None:
    # The guide says punctuation is removed; we follow it literally, so a hyphen joins words.
    assert normalise("Île-de-France") != normalise("ile de france")
    assert normalise("Grand-Est") == "grandest"
    assert normalise("Grand Est") == "grand est"


def test_symbols_are_not_punctuation() -> None:
    assert normalise("1 000 €") == "1 000 €"
    assert normalise("A+B") == "a+b"
