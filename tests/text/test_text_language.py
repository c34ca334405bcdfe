"""Language identification on short news paragraphs; no answer when the text says too little."""

from __future__ import annotations

import pytest

from ghostwatch.text.language import SAMPLE_CHARS, identify_language

ENGLISH = [
    "Police arrested two men on Tuesday after officers raided a flat in Leeds and seized a 3D "
    "printer and three handguns.",
    "A 26-year-old man was charged with manufacturing firearms and remanded in custody.",
    "Customs officers intercepted a parcel containing gun parts at East Midlands Airport.",
    "The suspect was sentenced to six years in prison for selling privately made pistols.",
    "Detectives said the weapons had been printed at home and sold through an encrypted app.",
]
FRENCH = [
    "Les gendarmes ont interpellé trois hommes mardi à Toulon et saisi deux pistolets imprimés "
    "en 3D, a indiqué le parquet.",
    "Un homme de 26 ans a été mis en examen et placé en détention provisoire.",
    "Les douaniers ont intercepté un colis contenant des pièces d'armes à l'aéroport de Roissy.",
    "Le tribunal correctionnel l'a condamné à quatre ans de prison ferme.",
    "Selon les enquêteurs, les armes étaient fabriquées chez lui puis vendues sur une messagerie "
    "chiffrée.",
]


@pytest.mark.parametrize("text", ENGLISH)
def test_english_paragraphs(text: str) -> None:
    assert identify_language(text) == "en"


@pytest.mark.parametrize("text", FRENCH)
def test_french_paragraphs(text: str) -> None:
    assert identify_language(text) == "fr"


@pytest.mark.parametrize("text", ["", "   ", "Paris", "Hello!", "3D 2024 42", "Bonjour"])
def test_too_little_text_is_no_answer(text: str) -> None:
    assert identify_language(text) is None


def test_text_without_language_is_no_answer() -> None:
    # enough characters, but digits and codes: the model answers "zxx" or guesses weakly
    assert identify_language("REF 2024-0112 / 4521-AB / 0033 6 12 34 56 78 / 2024-0113") is None


def test_a_long_article_is_identified_by_its_opening() -> None:
    """Only the opening is read; a long French article is still French, and the letters test
    stops early on long texts."""
    paragraph = (
        "Les enquêteurs de la gendarmerie ont interpellé mardi trois hommes soupçonnés "
        "d'avoir vendu des armes sur une messagerie chiffrée. "
    )
    text = paragraph * (2 * SAMPLE_CHARS // len(paragraph) + 1)
    assert len(text) > SAMPLE_CHARS
    assert identify_language(text) == "fr"
    assert identify_language("Paris " + "1234 " * 5000) is None
