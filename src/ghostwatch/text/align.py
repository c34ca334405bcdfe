"""Align a raw line with its cleaned form, to find which characters were copied.

The cleaner rewrites a line with plain string functions (ftfy, whitespace folding) that say
nothing about positions; a diff recovers them afterwards. A character-level diff of a long line
is quadratic in practice, so the diff runs on words first and only the words that differ are
compared character by character. Only `equal` blocks are treated as copies, and difflib
guarantees those are identical, so a coarse alignment costs precision, never correctness.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from itertools import accumulate
from typing import Literal

Tag = Literal["equal", "replace", "delete", "insert"]
Opcode = tuple[Tag, int, int, int, int]

_TOKENS = re.compile(r"\S+|\s+")
# Above this many character comparisons a changed block is one region, not diffed further:
# it is a line changed almost throughout (a wholly mis-decoded script), where little is copied.
_MAX_BLOCK_CELLS = 250_000


def align(old: str, new: str) -> list[Opcode]:
    """difflib-style opcodes turning `old` into `new`, in character positions."""
    if old == new:
        return [("equal", 0, len(old), 0, len(new))] if old else []
    old_tokens, new_tokens = _TOKENS.findall(old), _TOKENS.findall(new)
    old_at = list(accumulate(map(len, old_tokens), initial=0))
    new_at = list(accumulate(map(len, new_tokens), initial=0))
    opcodes: list[Opcode] = []
    words = SequenceMatcher(None, old_tokens, new_tokens)
    for tag, i1, i2, j1, j2 in words.get_opcodes():
        a1, a2, b1, b2 = old_at[i1], old_at[i2], new_at[j1], new_at[j2]
        if tag == "replace" and (a2 - a1) * (b2 - b1) <= _MAX_BLOCK_CELLS:
            chars = SequenceMatcher(None, old[a1:a2], new[b1:b2], autojunk=False)
            opcodes.extend(
                (ctag, a1 + c1, a1 + c2, b1 + d1, b1 + d2)
                for ctag, c1, c2, d1, d2 in chars.get_opcodes()
            )
        else:
            opcodes.append((tag, a1, a2, b1, b2))
    return opcodes
