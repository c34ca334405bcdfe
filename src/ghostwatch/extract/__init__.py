"""Extraction: documents in, `report/1` reports out."""

from ghostwatch.extract.pipeline import COMPONENTS, Extraction, Extractor

__all__ = ["COMPONENTS", "Extraction", "Extractor"]
