"""`evaluate`: predicted reports scored against gold reports by ANNOTATION.md.

Each field's items are matched one-to-one per document and the tallies pooled over all documents
(micro precision, recall and F1). The headline `macro_f1` is the mean of the field F1 scores
(`relevant` as accuracy, evidence apart), leaving out fields that have no item in any gold or
predicted report; it is 0.0 when no field is left (no documents at all).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ghostwatch.evaluation.alignment import align
from ghostwatch.evaluation.evidence import check_evidence
from ghostwatch.evaluation.fields import FIELDS
from ghostwatch.evaluation.scores import FieldScore, Tally
from ghostwatch.model import Report


@dataclass(frozen=True)
class Evaluation:
    """The scores of one evaluation run.

    `documents` is the number of gold reports; each is paired by id, by text or not at all
    (`missing_predictions`, scored as empty). `unmatched_predictions` were not scored.
    Evidence is checked on the paired predictions (a missing one, being empty, has no spans).
    """

    documents: int
    paired_by_id: int
    paired_by_text: int
    missing_predictions: int
    unmatched_predictions: int
    fields: list[FieldScore]
    macro_f1: float
    evidence_validity: float
    evidence_spans: int
    evidence_valid_spans: int

    def field(self, name: str) -> FieldScore:
        """The score of the field called `name` (KeyError if no such field is scored)."""
        for score in self.fields:
            if score.field == name:
                return score
        raise KeyError(name)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready scores, keys in a fixed order."""
        return {
            "documents": self.documents,
            "pairing": {
                "by_id": self.paired_by_id,
                "by_text": self.paired_by_text,
                "missing_predictions": self.missing_predictions,
                "unmatched_predictions": self.unmatched_predictions,
            },
            "macro_f1": self.macro_f1,
            "evidence": {
                "validity": self.evidence_validity,
                "spans": self.evidence_spans,
                "valid_spans": self.evidence_valid_spans,
            },
            "fields": {score.field: score.to_dict() for score in self.fields},
        }


def evaluate(
    gold: list[Report],
    predicted: list[Report],
    *,
    align_text: Callable[[str], str] | None = None,
) -> Evaluation:
    """Score `predicted` against `gold`; `align_text` enables pairing by text (see alignment)."""
    alignment = align(gold, predicted, align_text)
    scores = []
    for scorer in FIELDS:
        total = Tally()
        for gold_report, predicted_report in alignment.pairs:
            total += scorer.tally(gold_report, predicted_report)
        scores.append(scorer.score(total))
    counted = [score.f1 for score in scores if score.in_macro]
    evidence = check_evidence(prediction for _, prediction in alignment.pairs)
    return Evaluation(
        documents=len(gold),
        paired_by_id=alignment.by_id,
        paired_by_text=alignment.by_text,
        missing_predictions=alignment.missing,
        unmatched_predictions=alignment.unmatched,
        fields=scores,
        macro_f1=sum(counted) / len(counted) if counted else 0.0,
        evidence_validity=evidence.validity,
        evidence_spans=evidence.spans,
        evidence_valid_spans=evidence.valid,
    )
