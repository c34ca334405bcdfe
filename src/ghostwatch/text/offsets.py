"""Map positions in cleaned text back to the raw text it came from.

Evidence spans point into the cleaned text, but an analyst checks them against the original, so
every cleaned character must be traceable to raw characters. The map is stored as runs
`(clean_start, raw_start, length)` (the format of `Document.offsets`) and every run is an exact
copy: `clean[c:c + n] == raw[r:r + n]`.

Cleaned text that is not a copy (mojibake repaired by ftfy, a tab turned into a space, "\\r\\n"
turned into "\\n") is a *transformed region*. It is not covered by any run and sits between two
runs, whose ends bracket both sides of the region: the clean gap `[c1 + n1, c2)` was made from
the raw gap `[r1 + n1, r2)`. Zero-length runs serve as anchors where no copied text is adjacent,
so every transformed region, also at the start or end of the text, is bracketed. Positions inside
a region map to the region as a whole: starts to its raw start, ends to its raw end.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

Run = tuple[int, int, int]


class OffsetMap:
    """Runs of copied text, clean -> raw, sorted and non-overlapping on both sides."""

    def __init__(self, runs: Iterable[Run] = ()):
        self._runs: list[Run] = [(int(c), int(r), int(n)) for c, r, n in runs]
        _check_runs(self._runs)
        self._starts = [clean for clean, _, _ in self._runs]

    @property
    def runs(self) -> list[Run]:
        """The runs as `(clean_start, raw_start, length)` tuples, ready for `Document.offsets`."""
        return list(self._runs)

    @property
    def clean_length(self) -> int:
        """Length of the cleaned text the map covers (the last run reaches its end)."""
        if not self._runs:
            return 0
        clean, _, length = self._runs[-1]
        return clean + length

    def to_raw(self, clean_pos: int) -> int:
        """Raw position of the character at `clean_pos` (a start position).

        Inside a transformed region the answer is the region's raw start; the end of the
        cleaned text maps to the raw end of the last run.
        """
        self._check_position(clean_pos)
        index = bisect_right(self._starts, clean_pos) - 1
        if index < 0:
            return 0
        clean, raw, length = self._runs[index]
        return raw + min(clean_pos - clean, length)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw span `[raw_start, raw_end)` that produced `clean[start:end]`.

        The end maps through the last character of the span, so text the cleaner dropped
        after it (spaces, boilerplate lines) stays out of the raw span.
        """
        self._check_position(start)
        self._check_position(end)
        if end < start:
            raise ValueError(f"span end {end} is before its start {start}")
        raw_start = self.to_raw(start)
        if end == start:
            return raw_start, raw_start
        index = bisect_right(self._starts, end - 1) - 1
        clean, raw, length = self._runs[index]
        if end - 1 < clean + length:
            return raw_start, raw + (end - clean)
        # The last character is in the transformed region after this run: the next run
        # (an anchor when nothing was copied there) marks where the region ends in raw.
        return raw_start, self._runs[index + 1][1]

    def _check_position(self, clean_pos: int) -> None:
        if not 0 <= clean_pos <= self.clean_length:
            raise ValueError(f"position {clean_pos} outside cleaned text [0, {self.clean_length}]")

    def __repr__(self) -> str:
        return f"OffsetMap({self._runs!r})"


def _check_runs(runs: list[Run]) -> None:
    """Reject maps that cannot come from a cleaner: they would send evidence to wrong places."""
    if runs and runs[0][0] != 0:
        raise ValueError(f"first run {runs[0]} does not start at clean position 0")
    clean_end = raw_end = 0
    for run in runs:
        clean, raw, length = run
        if length < 0 or clean < clean_end or raw < raw_end:
            raise ValueError(f"run {run} overlaps or precedes the run before it")
        clean_end, raw_end = clean + length, raw + length


class OffsetMapBuilder:
    """Builds cleaned text and its map together, so every run is a copy by construction.

    The cleaner walks the raw text forwards and says, piece by piece, what the cleaned text
    gets: a copy of raw characters (`copy`) or new text made from some raw characters
    (`transform`), in raw order. Raw text that is skipped needs no call. Adjacent copies merge
    into one run; adjacent transforms stay separate regions, split by an anchor.
    """

    def __init__(self, raw: str):
        self._raw = raw
        self._parts: list[str] = []
        self._runs: list[Run] = []
        self._clean_pos = 0
        self._raw_pos = 0

    @property
    def text(self) -> str:
        """The cleaned text built so far."""
        return "".join(self._parts)

    def copy(self, raw_start: int, raw_end: int) -> None:
        """Append `raw[raw_start:raw_end]` unchanged."""
        self._check_piece(raw_start, raw_end)
        length = raw_end - raw_start
        if length == 0:
            return
        self._parts.append(self._raw[raw_start:raw_end])
        if self._runs and self._ends_at(self._runs[-1], self._clean_pos, raw_start):
            clean, raw, previous = self._runs[-1]
            self._runs[-1] = (clean, raw, previous + length)
        else:
            self._runs.append((self._clean_pos, raw_start, length))
        self._clean_pos += length
        self._raw_pos = raw_end

    def transform(self, text: str, raw_start: int, raw_end: int) -> None:
        """Append `text`, which the cleaner made from `raw[raw_start:raw_end]`."""
        self._check_piece(raw_start, raw_end)
        if not text:
            return
        if not (self._runs and self._ends_at(self._runs[-1], self._clean_pos, raw_start)):
            self._runs.append((self._clean_pos, raw_start, 0))
        self._parts.append(text)
        self._clean_pos += len(text)
        self._runs.append((self._clean_pos, raw_end, 0))
        self._raw_pos = raw_end

    def build(self) -> OffsetMap:
        return OffsetMap(self._runs)

    def _check_piece(self, raw_start: int, raw_end: int) -> None:
        if not self._raw_pos <= raw_start <= raw_end <= len(self._raw):
            raise ValueError(
                f"raw piece [{raw_start}, {raw_end}) is not after position {self._raw_pos}"
                f" within the raw text of length {len(self._raw)}"
            )

    @staticmethod
    def _ends_at(run: Run, clean_pos: int, raw_pos: int) -> bool:
        clean, raw, length = run
        return clean + length == clean_pos and raw + length == raw_pos
