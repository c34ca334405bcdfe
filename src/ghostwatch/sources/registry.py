"""The table of input formats: each format's reader and the file suffixes that select it.

Readers register themselves with `@register(...)` when their module is imported, so adding a
format means adding one module; nothing else dispatches on format names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ghostwatch.model import RawDocument
from ghostwatch.sources.errors import SourceError

Item = RawDocument | SourceError
Reader = Callable[[str, bytes], Iterator[Item]]

# The label of data read from standard input, in origins and error messages.
STDIN_LABEL = "<stdin>"


@dataclass(frozen=True)
class Format:
    name: str
    suffixes: tuple[str, ...]
    read: Reader


FORMATS: dict[str, Format] = {}
SUFFIXES: dict[str, str] = {}


def register(name: str, suffixes: tuple[str, ...]) -> Callable[[Reader], Reader]:
    """Register the decorated function as the reader of format `name`.

    Suffixes are lower-case and include the dot; compound ones such as ".jsonl.gz" work.
    """

    def add(read: Reader) -> Reader:
        if name in FORMATS:
            raise ValueError(f"format {name!r} is registered twice")
        for suffix in suffixes:
            if not suffix.startswith(".") or suffix != suffix.lower():
                raise ValueError(f"suffix {suffix!r} must be lower-case and start with a dot")
            if suffix in SUFFIXES:
                raise ValueError(f"suffix {suffix!r} already belongs to {SUFFIXES[suffix]!r}")
        FORMATS[name] = Format(name, suffixes, read)
        SUFFIXES.update(dict.fromkeys(suffixes, name))
        return read

    return add


def format_for_suffix(path_label: str) -> str | None:
    """The format whose longest registered suffix ends `path_label`, if any (case-insensitive)."""
    lowered = path_label.lower()
    matches = [suffix for suffix in SUFFIXES if lowered.endswith(suffix)]
    return SUFFIXES[max(matches, key=len)] if matches else None


def supported_suffixes() -> list[str]:
    """Every registered suffix, sorted."""
    return sorted(SUFFIXES)


def source_of(path_label: str) -> str | None:
    """A file's path as a document's `source`; data from stdin has no source to name."""
    return None if path_label == STDIN_LABEL else path_label
