"""Text preparation: clean raw text with a map back to it, identify its language, build `Document`s.

Sits above `model` and below `extract`; the domain data it needs (boilerplate line patterns)
comes from the language packs.
"""

from ghostwatch.text.clean import CleanText, clean_text
from ghostwatch.text.language import identify_language
from ghostwatch.text.offsets import OffsetMap, OffsetMapBuilder
from ghostwatch.text.prepare import EmptyDocumentError, prepare_document

__all__ = [
    "CleanText",
    "EmptyDocumentError",
    "OffsetMap",
    "OffsetMapBuilder",
    "clean_text",
    "identify_language",
    "prepare_document",
]
