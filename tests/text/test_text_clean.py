"""Cleaning: mojibake, whitespace, paragraphs, idempotence, and an exact map back to raw text."""

from __future__ import annotations

from itertools import pairwise

import ftfy
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ghostwatch.text.clean import _FTFY, CleanText, clean_text
from ghostwatch.text.offsets import OffsetMap

# Pieces that exercise every cleaning step: mojibake (UTF-8 read as Windows-1252 or Latin-1),
# C1 controls, odd spaces and line breaks, ligatures, full-width letters, combining accents,
# control characters, HTML entities (left alone), and boilerplate lines.
TRICKY = [
    "CafÃ©",
    "â€œquotesâ€\x9d",
    "dÃ©jÃ ",
    "Ã\xa0 la",
    "l\x92homme",
    "\x93dit\x94",
    "\x85",
    "Â\xa0",
    "\xa0",
    "\u3000",
    "\u2009",
    "\t",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\r",
    "\u2028",
    "\f",
    "\n\n\n",
    "ﬁle",
    "ｆｕｌｌ",
    "e\u0301",
    "\x00",
    "\x1b[31m",
    "\ufeff",
    "&amp;amp;",
    "€",
    "Ð¿Ñ€Ð¸",
    "😀",
    "Advertisement",
    "Publicité",
    "Police said they would share more details later.",
]
raw_texts = st.lists(st.one_of(st.sampled_from(TRICKY), st.text(max_size=12)), max_size=25).map(
    "".join
)


def assert_exact_map(raw: str, cleaned: CleanText) -> None:
    """Every run copies identical characters; everything else is a bracketed region."""
    text, offsets = cleaned
    runs = offsets.runs
    for clean, raw_start, length in runs:
        assert text[clean : clean + length] == raw[raw_start : raw_start + length]
    assert offsets.clean_length == len(text)
    # Rebuilding the map validates order and overlap; positions map monotonically.
    OffsetMap(runs)
    raw_positions = [offsets.to_raw(pos) for pos in range(len(text) + 1)]
    assert raw_positions == sorted(raw_positions)
    assert all(0 <= pos <= len(raw) for pos in raw_positions)
    # Runs move forwards on both sides, so each transformed region is a gap on both sides.
    for (c1, r1, n1), (c2, r2, _) in pairwise(runs):
        assert c1 + n1 <= c2 and r1 + n1 <= r2


@settings(max_examples=300, deadline=None)
@given(raw_texts)
@example("CafÃ© â€œquotesâ€\x9d\r\n\r\n\tAdvertisement\n  second   line ")
def test_every_run_is_an_exact_copy(raw: str) -> None:
    assert_exact_map(raw, clean_text(raw))


@settings(max_examples=300, deadline=None)
@given(raw_texts)
def test_cleaning_is_idempotent(raw: str) -> None:
    once = clean_text(raw).text
    assert clean_text(once).text == once


@settings(max_examples=300, deadline=None)
@given(raw_texts)
def test_cleaned_text_shape(raw: str) -> None:
    text = clean_text(raw).text
    assert text == text.strip()
    assert "\n\n\n" not in text
    for line in text.split("\n"):
        assert line == line.strip()
        assert "  " not in line
        assert all(char == " " or not char.isspace() for char in line)


@given(st.text(max_size=200))
def test_clean_text_maps_back_for_any_text(raw: str) -> None:
    assert_exact_map(raw, clean_text(raw))


def test_mojibake_is_repaired_and_mapped_to_its_raw_bytes() -> None:
    raw = "Le CafÃ© du Port a Ã©tÃ© fermÃ©."
    cleaned = clean_text(raw)
    assert cleaned.text == "Le Café du Port a été fermé."
    start = cleaned.text.index("Café")
    raw_start, raw_end = cleaned.offsets.raw_span(start, start + len("Café"))
    assert raw[raw_start:raw_end] == "CafÃ©"
    # untouched words map to themselves
    start = cleaned.text.index("Port")
    assert cleaned.offsets.raw_span(start, start + 4) == (raw.index("Port"), raw.index("Port") + 4)


def test_curly_quotes_from_mojibake_stay_curly() -> None:
    raw = "The prosecutor called it â€œa firstâ€\x9d in France."
    cleaned = clean_text(raw)
    assert cleaned.text == "The prosecutor called it “a first” in France."
    start = cleaned.text.index("“")
    end = cleaned.text.index("”") + 1
    raw_start, raw_end = cleaned.offsets.raw_span(start, end)
    assert raw[raw_start:raw_end] == "â€œa firstâ€\x9d"


def test_windows_1252_controls_become_punctuation() -> None:
    assert clean_text("l\x92enquête \x93continue\x94\x85").text == "l’enquête “continue”…"


def test_whitespace_is_folded_and_lines_stripped() -> None:
    raw = "  Two men\t\twere   arrested\xa0on Tuesday.  \n\tOfficers seized a printer. "
    cleaned = clean_text(raw)
    assert cleaned.text == "Two men were arrested on Tuesday.\nOfficers seized a printer."
    assert_exact_map(raw, cleaned)


def test_line_endings_and_paragraphs() -> None:
    raw = (
        "First paragraph.\r\nStill first.\r\n\r\n\r\n   \r\n"
        "Second paragraph.\rThird line.\u2028End."
    )
    cleaned = clean_text(raw)
    assert cleaned.text == "First paragraph.\nStill first.\n\nSecond paragraph.\nThird line.\nEnd."
    # each "\n" made from "\r\n" maps back to the raw line break
    first_break = cleaned.text.index("\n")
    assert cleaned.offsets.raw_span(first_break, first_break + 1) == (16, 18)


def test_dropped_lines_keep_paragraph_breaks() -> None:
    raw = (
        "Police raided a flat in Leeds.\n"
        "Advertisement\n"
        "Two men were arrested.\n"
        "\n"
        "Share this article\n"
        "\n"
        "They appear in court on Monday."
    )
    assert clean_text(raw).text == (
        "Police raided a flat in Leeds.\nTwo men were arrested.\n\nThey appear in court on Monday."
    )


def test_empty_and_blank_text() -> None:
    for raw in ["", "   ", "\n\n\r\n\t", "Advertisement\nShare this article"]:
        cleaned = clean_text(raw)
        assert cleaned.text == ""
        assert cleaned.offsets.runs == []


def test_long_lines_are_cleaned_quickly_and_exactly() -> None:
    sentence = "Le gendarme a saisi un pistolet imprimÃ© en 3D prÃ¨s de la gare, dit-il.  "
    raw = sentence * 200  # one 15,000-character line full of mojibake
    cleaned = clean_text(raw)
    assert cleaned.text.startswith("Le gendarme a saisi un pistolet imprimé en 3D près de la gare")
    assert "  " not in cleaned.text
    assert_exact_map(raw, cleaned)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E) | st.just("\t")))
def test_ftfy_leaves_printable_ascii_alone(line: str) -> None:
    """Why `clean_text` may skip ftfy on printable ASCII lines: ftfy changes none of them."""
    assert ftfy.fix_text(line, _FTFY) == line


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("He was shot in Philadelphia.It happened on Monday.", "Philadelphia. It happened"),
        ('"We heard shots," she said."The police came fast."', 'she said." The police'),
        ("Un homme a été blessé à Lyon.Il a été transporté à l'hôpital.", "Lyon. Il a été"),
        ("A W.Va. man was charged.", "A W.Va. man"),
        ("Officer B.Brazziell said the U.S.Army base was closed.", "B.Brazziell said the U.S.Army"),
        ("The gun cost 3.50 dollars at www.example.com today.", "3.50 dollars at www.example.com"),
    ],
)
def test_glued_sentences_get_a_space_and_initials_do_not(raw: str, cleaned: str) -> None:
    result = clean_text(raw)
    assert cleaned in result.text
    start = result.text.index(cleaned)
    raw_start, raw_end = result.offsets.raw_span(start, start + len(cleaned))
    assert raw[raw_start:raw_end].replace(" ", "") == cleaned.replace(" ", "")
    assert clean_text(result.text).text == result.text
