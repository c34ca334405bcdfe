"""The offset map: exact runs, anchored transformed regions, and lookups in both directions."""

from __future__ import annotations

import pytest

from ghostwatch.text.offsets import OffsetMap, OffsetMapBuilder

RAW = "  Police\tsaid CafÃ© owners\r\nwere questioned."


def build_sample() -> tuple[str, OffsetMap]:
    """Cleaned "Police said Café owners\\nwere questioned." built piece by piece from RAW."""
    builder = OffsetMapBuilder(RAW)
    builder.copy(2, 8)  # "Police"
    builder.transform(" ", 8, 9)  # tab -> space
    builder.copy(9, 17)  # "said Caf"
    builder.transform("é", 17, 19)  # mojibake "Ã©" -> "é"
    builder.copy(19, 26)  # " owners"
    builder.transform("\n", 26, 28)  # "\r\n" -> "\n"
    builder.copy(28, len(RAW))
    return builder.text, builder.build()


def test_builder_text_and_runs() -> None:
    text, offsets = build_sample()
    assert text == "Police said Café owners\nwere questioned."
    assert offsets.runs == [(0, 2, 6), (7, 9, 8), (16, 19, 7), (24, 28, 16)]
    for clean, raw, length in offsets.runs:
        assert text[clean : clean + length] == RAW[raw : raw + length]
    assert offsets.clean_length == len(text)


def test_adjacent_copies_merge_into_one_run() -> None:
    builder = OffsetMapBuilder("abcdef")
    builder.copy(0, 2)
    builder.copy(2, 4)
    builder.copy(5, 6)  # "e" skipped: a new run
    assert builder.build().runs == [(0, 0, 4), (4, 5, 1)]
    assert builder.text == "abcdf"


def test_to_raw_inside_runs_and_regions() -> None:
    text, offsets = build_sample()
    assert offsets.to_raw(0) == 2
    assert offsets.to_raw(text.index("said")) == RAW.index("said")
    # the space made from a tab maps to the tab, "é" to the start of "Ã©"
    assert offsets.to_raw(6) == 8
    assert offsets.to_raw(text.index("é")) == RAW.index("Ã©")
    # the end of the cleaned text maps to the raw end of the last run
    assert offsets.to_raw(len(text)) == len(RAW)


def test_raw_span_of_copied_and_transformed_text() -> None:
    text, offsets = build_sample()
    start = text.index("owners")
    assert offsets.raw_span(start, start + 6) == (RAW.index("owners"), RAW.index("owners") + 6)
    # a span ending inside a transformed region takes the whole raw region
    cafe = text.index("Café")
    raw_start, raw_end = offsets.raw_span(cafe, cafe + 4)
    assert RAW[raw_start:raw_end] == "CafÃ©"
    # a span over a line break covers "\r\n"
    raw_start, raw_end = offsets.raw_span(text.index("owners"), text.index("were") + 4)
    assert RAW[raw_start:raw_end] == "owners\r\nwere"
    empty = offsets.raw_span(3, 3)
    assert empty == (5, 5)


def test_raw_span_leaves_out_dropped_text_after_the_span() -> None:
    raw = "First line.\nAdvertisement\nSecond line."
    builder = OffsetMapBuilder(raw)
    builder.copy(0, 12)  # "First line.\n"
    builder.copy(26, len(raw))  # "Second line."
    text, offsets = builder.text, builder.build()
    assert text == "First line.\nSecond line."
    # the newline is the last character: the dropped "Advertisement\n" stays out
    assert offsets.raw_span(0, 12) == (0, 12)
    assert offsets.raw_span(12, 18) == (26, 32)


def test_transformed_region_at_both_ends_is_anchored() -> None:
    raw = "Ã©tÃ©"
    builder = OffsetMapBuilder(raw)
    builder.transform("é", 0, 2)
    builder.copy(2, 3)
    builder.transform("é", 3, 5)
    text, offsets = builder.text, builder.build()
    assert text == "été"
    assert offsets.runs == [(0, 0, 0), (1, 2, 1), (3, 5, 0)]
    assert offsets.raw_span(0, 1) == (0, 2)
    assert offsets.raw_span(2, 3) == (3, 5)
    assert offsets.to_raw(3) == 5


def test_map_rebuilt_from_document_runs_answers_the_same() -> None:
    text, offsets = build_sample()
    again = OffsetMap(offsets.runs)
    for pos in range(len(text) + 1):
        assert again.to_raw(pos) == offsets.to_raw(pos)


def test_empty_map() -> None:
    offsets = OffsetMap()
    assert offsets.runs == []
    assert offsets.to_raw(0) == 0
    assert offsets.raw_span(0, 0) == (0, 0)


@pytest.mark.parametrize(
    "runs",
    [
        [(1, 0, 3)],  # does not start at clean position 0
        [(0, 0, 3), (2, 5, 1)],  # overlaps on the clean side
        [(0, 4, 3), (3, 2, 1)],  # goes backwards on the raw side
        [(0, 0, -1)],
    ],
)
def test_invalid_runs_are_rejected(runs: list[tuple[int, int, int]]) -> None:
    with pytest.raises(ValueError):
        OffsetMap(runs)


def test_positions_outside_the_text_are_rejected() -> None:
    _, offsets = build_sample()
    with pytest.raises(ValueError, match="outside"):
        offsets.to_raw(offsets.clean_length + 1)
    with pytest.raises(ValueError, match="before its start"):
        offsets.raw_span(5, 2)


def test_builder_refuses_to_go_backwards() -> None:
    builder = OffsetMapBuilder("abcdef")
    builder.copy(2, 4)
    with pytest.raises(ValueError, match="not after position 4"):
        builder.copy(1, 3)
    with pytest.raises(ValueError):
        builder.transform("x", 5, 9)  # beyond the raw text
