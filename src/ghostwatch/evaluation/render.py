"""Scores as a Rich table, for the CLI and the benchmark scripts alike."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from ghostwatch.evaluation.scoring import Evaluation


def render(result: Evaluation, title: str) -> Group:
    table = Table(title=title)
    for column in ("field", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="left" if column == "field" else "right")
    for score in result.fields:
        table.add_row(
            score.field,
            f"{score.precision:.3f}",
            f"{score.recall:.3f}",
            f"{score.f1:.3f}",
            str(score.tp),
            str(score.fp),
            str(score.fn),
        )
    return Group(
        table,
        Text.from_markup(f"macro F1: [bold]{result.macro_f1:.3f}[/bold]"),
        Text(f"evidence validity: {result.evidence_validity:.3f} ({result.evidence_spans} spans)"),
        Text(
            f"documents: {result.documents} gold; paired {result.paired_by_id} by id, "
            f"{result.paired_by_text} by text; {result.unmatched_predictions} predictions "
            "without gold"
        ),
    )
