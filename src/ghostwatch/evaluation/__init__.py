"""Scoring predicted reports against gold reports, by the rules of ANNOTATION.md.

`load_reports` reads reports from a folder, a JSON or a JSONL file; `evaluate` pairs predictions
with gold reports and scores every field of the guide's comparison table.
"""

from ghostwatch.evaluation.alignment import DuplicateGoldError
from ghostwatch.evaluation.loading import ReportFileError, load_reports
from ghostwatch.evaluation.normalise import normalise
from ghostwatch.evaluation.scores import FieldScore
from ghostwatch.evaluation.scoring import Evaluation, evaluate

__all__ = [
    "DuplicateGoldError",
    "Evaluation",
    "FieldScore",
    "ReportFileError",
    "evaluate",
    "load_reports",
    "normalise",
]
