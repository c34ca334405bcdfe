"""The error item readers put in their output stream instead of raising.

A batch of thousands of articles must not die on one bad line, so readers yield a `SourceError`
where a document could not be read and carry on; the caller reports it and keeps the rest.
It is still an `Exception`, so a caller that wants to stop can simply raise it.
"""

from __future__ import annotations


class SourceError(Exception):
    """Why a file, or one line or entry of it, gave no document.

    `line` is the 1-based line of a JSONL file or the 1-based entry of a feed; None when the
    problem concerns the whole file.
    """

    def __init__(self, path: str, line: int | None, reason: str):
        super().__init__(path, line, reason)
        self.path = path
        self.line = line
        self.reason = reason

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.reason}"

    def __repr__(self) -> str:
        return f"SourceError({self.path!r}, {self.line!r}, {self.reason!r})"
