"""Input formats: read files, folders and stdin into `RawDocument`s, with errors in the stream.

Each format is one module with one registered reader; importing them here fills the registry.
"""

from ghostwatch.sources import feed, html, jsonl, pdf, text  # noqa: F401  (registers readers)
from ghostwatch.sources.errors import SourceError
from ghostwatch.sources.paths import read_data, read_paths
from ghostwatch.sources.registry import STDIN_LABEL, supported_suffixes
from ghostwatch.sources.sniff import detect_format

__all__ = [
    "STDIN_LABEL",
    "SourceError",
    "detect_format",
    "read_data",
    "read_paths",
    "supported_suffixes",
]
