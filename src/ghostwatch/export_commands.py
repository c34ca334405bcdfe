"""`ghostwatch export ...`: the stored incidents as files other tools open.

`export incidents --format csv|jsonl|geojson` writes one row, line or feature per incident (see
`incidents.export` for the columns and formats) to stdout or a file; progress and the summary go
to stderr. `--pseudonymise` replaces people's names by stable pseudonyms keyed by
$GHOSTWATCH_PSEUDONYM_KEY or the data directory's key file (see `pseudonyms`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

from ghostwatch.console import DbOption, PseudonymiseOption, err
from ghostwatch.incidents import IncidentRecord
from ghostwatch.incidents.export import write_csv, write_geojson, write_jsonl
from ghostwatch.pseudonyms import Pseudonymiser
from ghostwatch.store import Store

export_app = typer.Typer(
    help="Export stored data for other tools (spreadsheets, GIS, scripts).",
    no_args_is_help=True,
)


@export_app.callback()
def export_callback() -> None:
    """Export stored data for other tools (spreadsheets, GIS, scripts)."""


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    geojson = "geojson"


_WRITERS = {
    ExportFormat.csv: write_csv,
    ExportFormat.jsonl: write_jsonl,
    ExportFormat.geojson: write_geojson,
}


@export_app.command("incidents")
def incidents_command(
    output_format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            help="csv (one row of chosen facts per incident), jsonl (the full merged record per "
            "line) or geojson (an RFC 7946 FeatureCollection, a point per incident).",
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="File to write (default: stdout).", dir_okay=False),
    ] = None,
    db: DbOption = None,
    pseudonymise: PseudonymiseOption = False,
) -> None:
    """Every stored incident, one row, line or feature each, newest first."""
    pseudonymiser = Pseudonymiser.from_environment() if pseudonymise else None
    writer = _WRITERS[output_format]
    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn()]
    with Store.open(db) as store:
        summaries = store.incidents.list()
        with Progress(*columns, console=err, transient=True) as progress:
            task = progress.add_task("exporting", total=len(summaries))

            def records() -> Iterator[IncidentRecord]:
                for summary in summaries:
                    yield store.incidents.record(summary.id)
                    progress.advance(task)

            if output is None:
                written = writer(records(), sys.stdout, pseudonymiser)
                sys.stdout.flush()
            else:
                written = _write_file(
                    output, lambda stream: writer(records(), stream, pseudonymiser)
                )
    where = "stdout" if output is None else escape(str(output))
    names = "; names pseudonymised" if pseudonymiser else ""
    err.print(f"{written} incidents written to {where} as {output_format.value}{names}")
    if not summaries:
        err.print("no incidents stored: ingest reports, or run `ghostwatch incidents resolve`")


def _write_file(path: Path, write: Callable[[TextIO], int]) -> int:
    """Write through a temporary file renamed into place, so a failed export leaves no half file
    where the previous one was."""
    temporary = path.with_name(f".{path.name}.partial")
    try:
        with temporary.open("w", encoding="utf-8", newline="") as stream:
            written = write(stream)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return written
