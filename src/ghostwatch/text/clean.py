"""Clean raw document text for extraction while keeping a map back to the raw text.

Cleaning works line by line: repair mojibake (ftfy), fold whitespace, drop page-furniture lines,
and keep paragraph structure ("\\n" between lines, "\\n\\n" where blank lines separated them).
Each line is rewritten with plain string functions and then aligned with its raw form, so the
offset map stays exact without every step having to track positions itself.

Cleaning is idempotent: cleaning cleaned text changes nothing, so stored documents can be
re-cleaned safely.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import ftfy

from ghostwatch.text.align import align
from ghostwatch.text.boilerplate import is_boilerplate
from ghostwatch.text.offsets import OffsetMap, OffsetMapBuilder

# Line breaks of every platform and of PDF extraction (form feed). Not U+0085: in mis-decoded
# Windows-1252 text it is an ellipsis, which ftfy restores.
_LINE_BREAK = re.compile(r"\r\n|[\n\r\v\f\u2028\u2029]")
_SPACES = re.compile(r"\s+")
# Two sentences glued together where a page's paragraphs were joined without a space
# ("in Philadelphia.It happened", "police said."The"): the end punctuation of a lower-case word
# and a capitalised word. A space is put between them so that sentences and names split there.
# Initials and abbreviations ("W.Va.", "B.Smith", "U.S.Army") have no lower-case word before.
_GLUED_SENTENCES = re.compile(
    r"(?<=[a-zà-ÿ]{2}[.!?])(?=[A-ZÀ-Ý][a-zà-ÿ])|(?<=[a-zà-ÿ]{2}[.!?][\"”’»])(?=[A-ZÀ-Ý])"
)
# Printable ASCII and tabs: mojibake, odd widths and control characters all lie outside it, so
# ftfy leaves such a line as it is and the costly call can be skipped (most lines of most news).
_PLAIN_ASCII = re.compile(r"[\x20-\x7e\t]*")
# ftfy settles in one or two rounds; the bound only guards against a fix that never settles.
_MAX_FIX_ROUNDS = 5
# ftfy with three steps off: quotes stay curly (they are the article's typography, and the seed
# gold text keeps them); line breaks are handled here; HTML entities are the readers' business, and
# unescaping them again here would break idempotence ("&amp;amp;" -> "&amp;" -> "&").
_FTFY = ftfy.TextFixerConfig(
    unescape_html=False, uncurl_quotes=False, fix_line_breaks=False, explain=False
)


class CleanText(NamedTuple):
    """Cleaned text and the map from its positions back into the raw text."""

    text: str
    offsets: OffsetMap


class _Line(NamedTuple):
    start: int
    end: int
    break_end: int  # the line break is raw[end:break_end]; empty for the last line


def _normalise_line(line: str) -> str:
    """A line with mojibake repaired, whitespace folded to single spaces, and no edge spaces.

    ftfy judges a piece of mojibake by its surroundings, so folding spaces can make it see
    (and repair) mojibake it left alone before; repeating until nothing changes keeps cleaning
    idempotent. ftfy runs first so that it still sees U+0085, a Windows-1252 ellipsis that
    whitespace folding would take for a space.
    """
    if _PLAIN_ASCII.fullmatch(line):
        text = _SPACES.sub(" ", line).strip()  # nothing for ftfy to fix (tested)
    else:
        text = line
        for _ in range(_MAX_FIX_ROUNDS):
            fixed = _SPACES.sub(" ", ftfy.fix_text(text, _FTFY)).strip()
            if fixed == text:
                break
            text = fixed
    return _GLUED_SENTENCES.sub(" ", text)


def clean_text(raw: str) -> CleanText:
    """The cleaned text of `raw` and the map from it back into `raw`."""
    builder = OffsetMapBuilder(raw)
    kept: _Line | None = None  # the last line written
    before = _Line(0, 0, 0)  # the line before the current one
    blank_since_kept = False
    for line in _lines(raw):
        text = _normalise_line(raw[line.start : line.end])
        if not text:
            blank_since_kept = kept is not None
        elif not is_boilerplate(text):
            if kept is not None:
                _newline(builder, raw, kept)
                if blank_since_kept:
                    _newline(builder, raw, before)
            _write_line(builder, raw, line, text)
            kept, blank_since_kept = line, False
        before = line
    return CleanText(builder.text, builder.build())


def _lines(raw: str) -> list[_Line]:
    lines: list[_Line] = []
    start = 0
    for match in _LINE_BREAK.finditer(raw):
        lines.append(_Line(start, match.start(), match.end()))
        start = match.end()
    lines.append(_Line(start, len(raw), len(raw)))
    return lines


def _newline(builder: OffsetMapBuilder, raw: str, line: _Line) -> None:
    """Write "\\n" for the line break that ends `line` ("\\r\\n" and the like are transformed)."""
    if raw[line.end : line.break_end] == "\n":
        builder.copy(line.end, line.break_end)
    else:
        builder.transform("\n", line.end, line.break_end)


def _write_line(builder: OffsetMapBuilder, raw: str, line: _Line, text: str) -> None:
    for tag, i1, i2, j1, j2 in align(raw[line.start : line.end], text):
        if tag == "equal":
            builder.copy(line.start + i1, line.start + i2)
        else:
            builder.transform(text[j1:j2], line.start + i1, line.start + i2)
