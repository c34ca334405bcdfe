"""Recognise lines of page furniture (share buttons, "Read more", cookie notices, credits).

The patterns are data in every language pack's `boilerplate.yaml` (`line_patterns`). All packs
apply at once because cleaning runs before the language is known. A pattern must match a whole
line, so article sentences that merely mention "share" or "follow" are never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache

from ghostwatch.lang import available_languages, load_pack


def compile_line_patterns(patterns_by_pack: Mapping[str, Iterable[str]]) -> re.Pattern[str]:
    """One case-insensitive alternation of all patterns; a bad regex names its pack."""
    alternatives: list[str] = []
    for pack, patterns in patterns_by_pack.items():
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as error:
                raise ValueError(
                    f"lang/{pack}/boilerplate.yaml: bad pattern {pattern!r}: {error}"
                ) from error
            alternatives.append(f"(?:{pattern})")
    # With no patterns at all, a pattern that no line can match.
    return re.compile("|".join(alternatives) or r"(?!)", re.IGNORECASE)


@cache
def _shipped_patterns() -> re.Pattern[str]:
    return compile_line_patterns(
        {
            code: (load_pack(code).section("boilerplate") or {}).get("line_patterns", [])
            for code in available_languages()
        }
    )


def is_boilerplate(line: str) -> bool:
    """True when the whole (stripped, space-folded) line is page furniture in some language."""
    return _shipped_patterns().fullmatch(line) is not None
