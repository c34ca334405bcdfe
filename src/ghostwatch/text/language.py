"""Identify the language of a document, so the right language pack and spaCy model run.

py3langid's naive Bayes model is loaded once. Its normalised probability (a softmax over all the
model's 140 languages, tempered by text length) is the confidence; a guess below `MIN_CONFIDENCE`,
or on text with too few letters, is no answer: running the wrong pack is worse than running none.
"""

from __future__ import annotations

from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

# 0.5 means the winner outweighs all other languages together. Measured: short news sentences
# in English or French score 0.58 to 0.99; single words and names ("Paris", "Hello") stay below
# 0.2; all 2,672 English GVA dev articles but one (a video page with a few words) pass.
MIN_CONFIDENCE = 0.5
# Fewer letters than this carry too little signal to be worth a guess.
MIN_LETTERS = 12
# The model reads this much of a text: a news article's language is settled by its first
# paragraphs, and the model's cost grows with the length it reads. Measured on the GVA articles
# and our development sets: same answers as on the whole texts.
SAMPLE_CHARS = 3000


@cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _has_letters(text: str, needed: int) -> bool:
    """Whether `text` holds at least `needed` letters, stopping as soon as it does."""
    for char in text:
        if char.isalpha():
            needed -= 1
            if needed <= 0:
                return True
    return needed <= 0


def identify_language(text: str) -> str | None:
    """The ISO 639-1 code of `text`, or None when the text is too short or the guess is weak.

    The model also knows some languages with no two-letter code (and `zxx`, "no linguistic
    content"); those are no answer either, since packs are named by ISO 639-1 codes.
    """
    if not _has_letters(text, MIN_LETTERS):
        return None
    code, confidence = _identifier().classify(text[:SAMPLE_CHARS])
    if confidence < MIN_CONFIDENCE or len(code) != 2:
        return None
    return code
