"""Evidence validity: every predicted span must quote its report's `document.text` exactly."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ghostwatch.model import Report, Span


@dataclass(frozen=True)
class EvidenceCheck:
    spans: int
    valid: int

    @property
    def validity(self) -> float:
        """The share of valid spans; 1.0 when there are none (no span is wrong)."""
        return self.valid / self.spans if self.spans else 1.0


def span_is_valid(span: Span, text: str) -> bool:
    return 0 <= span.start <= span.end <= len(text) and text[span.start : span.end] == span.text


def check_evidence(reports: Iterable[Report]) -> EvidenceCheck:
    """Check every span of `reports` against the text of the report it sits in."""
    spans = valid = 0
    for report in reports:
        for span in report.spans():
            spans += 1
            valid += span_is_valid(span, report.document.text)
    return EvidenceCheck(spans=spans, valid=valid)
