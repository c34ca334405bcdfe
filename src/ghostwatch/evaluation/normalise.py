"""String normalisation for comparing a report with a gold report.

ANNOTATION.md compares strings "case-folded, with accents and punctuation removed and white space
collapsed". We follow it literally: punctuation characters (Unicode categories P*) are deleted,
not replaced by a space. So "Grand-Est" and "Grand Est" do NOT compare equal ("grandest" vs
"grand est"), while "Île-de-France" and "ile-de-france" do ("iledefrance"). Gold files list
spelling variants under `aliases` for exactly these cases. Symbols (S*: "$", "+", "°") are not
punctuation and are kept.
"""

from __future__ import annotations

import unicodedata


def normalise(text: str) -> str:
    """`text` case-folded, without accents or punctuation, with white space collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = (
        char
        for char in decomposed
        if not unicodedata.combining(char) and not unicodedata.category(char).startswith("P")
    )
    return " ".join("".join(kept).split())


def normalise_optional(text: str | None) -> str | None:
    """`normalise` that keeps a missing value missing (an absent country is not "")."""
    return None if text is None else normalise(text)
