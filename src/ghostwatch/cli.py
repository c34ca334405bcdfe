"""The `ghostwatch` command line.

Commands stay thin: they parse options, call the workflow and the library, and render results with
Rich. Progress and messages go to stderr so that reports on stdout can be piped.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table

from ghostwatch.console import DbOption, err, out
from ghostwatch.demo import demo_inputs, summary_rows
from ghostwatch.evaluation import DuplicateGoldError, ReportFileError, evaluate, load_reports
from ghostwatch.evaluation.render import render
from ghostwatch.export_commands import export_app
from ghostwatch.extract import Extractor
from ghostwatch.geo import default_gazetteer
from ghostwatch.geo.cache import DATA_DIR_ENV, data_dir, ensure_gazetteer
from ghostwatch.geocoding import Geocoding, ResolvedPlace, geocode
from ghostwatch.incident_commands import incidents_app
from ghostwatch.model import Document, RawDocument
from ghostwatch.network_commands import network_app
from ghostwatch.store import Store
from ghostwatch.text import EmptyDocumentError, clean_text, prepare_document
from ghostwatch.web_commands import serve_command, users_app
from ghostwatch.workflow import Defaults, IngestSummary, Problem, ingest, load_documents

app = typer.Typer(
    help="ghostwatch: open-source intelligence on illicit and privately made firearms.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
PublishedOption = Annotated[
    dt.datetime | None,
    typer.Option(
        "--published",
        formats=["%Y-%m-%d"],
        help="Publication date for documents whose source gives none (YYYY-MM-DD).",
    ),
]
LanguageOption = Annotated[
    str | None,
    typer.Option("--language", help="Language (ISO 639-1) for documents not identified."),
]
InputsArgument = Annotated[
    list[str], typer.Argument(help="Files, folders (read recursively) or - for stdin.")
]


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"


def _defaults(published: dt.datetime | None, language: str | None) -> Defaults:
    return Defaults(published=published.date() if published else None, language=language)


@contextmanager
def _progress(description: str) -> Iterator[Callable[[], None]]:
    """A progress display on stderr; yields the function that advances it by one document."""
    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn()]
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task(description, total=None)
        yield lambda: progress.advance(task)


def _report_problems(problems: list[Problem]) -> None:
    for problem in problems:
        err.print(f"[red]error[/red] {problem}", highlight=False, markup=True)


@app.command("ingest")
def ingest_command(
    inputs: InputsArgument,
    db: DbOption = None,
    published: PublishedOption = None,
    language: LanguageOption = None,
) -> None:
    """Read documents, store them and their reports. Idempotent: a document is stored once."""
    summary = _ingest(inputs, db, _defaults(published, language))
    _print_ingest_summary(summary)
    if summary.problems:
        raise typer.Exit(1)


def _ingest(inputs: list[str], db: str | None, defaults: Defaults) -> IngestSummary:
    extractor = Extractor()
    with Store.open(db) as store, _progress("ingesting") as advance:
        return ingest(
            load_documents(inputs, defaults, stdin=sys.stdin.buffer),
            store,
            extractor,
            on_item=advance,
        )


def _print_ingest_summary(summary: IngestSummary) -> None:
    _report_problems(summary.problems)
    counts = ", ".join(f"{count} {result.value}" for result, count in summary.results.items())
    err.print(
        f"{summary.documents} documents ({counts or 'none'}); {summary.extracted} extracted, "
        f"{summary.relevant} relevant; {len(summary.problems)} problems; incidents: "
        f"{summary.incidents.attached} reports attached, {summary.incidents.opened} opened"
    )


@app.command("extract")
def extract_command(
    inputs: InputsArgument,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="jsonl: one report per line; json: a list.")
    ] = OutputFormat.jsonl,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write reports here, not stdout.")
    ] = None,
    published: PublishedOption = None,
    language: LanguageOption = None,
) -> None:
    """Print one report/1 per input document, in input order. Needs no database."""
    extractor = Extractor()
    problems: list[Problem] = []
    documents = []
    with _progress("reading") as advance:
        for item in load_documents(inputs, _defaults(published, language), sys.stdin.buffer):
            advance()
            (problems if isinstance(item, Problem) else documents).append(item)
    reports = []
    with _progress("extracting") as advance:
        for extraction in extractor.pipe(documents):
            advance()
            reports.append(extraction.report.to_json_dict())
            problems.extend(Problem(extraction.report.document.id, e) for e in extraction.errors)
    if output_format is OutputFormat.json:
        text = json.dumps(reports, ensure_ascii=False, indent=1) + "\n"
    else:
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in reports)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
    _report_problems(problems)
    if problems:
        raise typer.Exit(1)


@app.command("geocode")
def geocode_command(
    text: Annotated[
        str, typer.Argument(help="The text itself, a text file's path, or - for stdin.")
    ],
    language: Annotated[
        str | None, typer.Option("--language", help="en or fr; identified when not given.")
    ] = None,
    published: PublishedOption = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON line per place, with its candidates.")
    ] = False,
) -> None:
    """Show the places found in a text, how each was resolved and the namesakes set aside."""
    documents, problems = _geocode_inputs(text, _defaults(published, language))
    extractor = Extractor()
    for document in documents:
        if language:
            document = document.model_copy(update={"language": language})
        try:
            result = geocode(document, extractor, default_gazetteer())
        except ValueError as error:
            problems.append(Problem(document.origin, str(error)))
            continue
        problems.extend(Problem(document.origin, e) for e in result.errors)
        _print_geocoding(result, as_json)
    _report_problems(problems)
    if problems:
        raise typer.Exit(1)


def _geocode_inputs(text: str, defaults: Defaults) -> tuple[list[Document], list[Problem]]:
    """Documents from stdin ("-") or an existing file, else from `text` itself."""
    if text == "-" or (text.strip() and Path(text).is_file()):
        items = list(load_documents([text], defaults, sys.stdin.buffer))
        documents = [item for item in items if isinstance(item, Document)]
        return documents, [item for item in items if isinstance(item, Problem)]
    raw = RawDocument(text=text, origin="<text>", published=defaults.published)
    try:
        return [prepare_document(raw, default_language=defaults.language)], []
    except EmptyDocumentError:
        return [], [Problem("<text>", "empty text, nothing to geocode")]


def _print_geocoding(result: Geocoding, as_json: bool) -> None:
    origin = result.document.origin
    if not result.relevant:
        err.print(
            f"note: {origin} was not judged a firearms case; places shown anyway",
            markup=False,
            highlight=False,
        )
    if as_json:
        for place in result.places:
            sys.stdout.write(json.dumps(place.to_json_dict(), ensure_ascii=False) + "\n")
        return
    table = Table(title=escape(f"{origin} ({result.document.language})"))
    short = {"kind", "cc", "geonames", "role", "conf."}
    for column in ("written", "place", "kind", "admin1", "cc", "geonames", "lat, lon", "role"):
        # short values stay whole; the names and the candidates wrap on narrow terminals
        table.add_column(column, no_wrap=column in short)
    table.add_column("conf.", no_wrap=True, justify="right")
    table.add_column("candidates")
    for place in result.places:
        loc = place.location
        where = (
            f"{loc.lat:.3f}, {loc.lon:.3f}" if loc.lat is not None and loc.lon is not None else ""
        )
        sure = None if loc.confidence is None else f"{loc.confidence:.2f}"
        cells = (loc.name, loc.kind, loc.admin1, loc.country, loc.geonames_id, where, loc.role)
        row = [" | ".join(place.written), *("" if c is None else str(c) for c in (*cells, sure))]
        table.add_row(*(escape(cell) for cell in [*row, _candidates_cell(place)]))
    out.print(table if result.places else escape(f"{origin}: no places found"))


def _candidates_cell(place: ResolvedPlace, shown: int = 3) -> str:
    """How many entries the written name has, and the first namesakes set aside."""
    others = [
        f"{p.name} {p.country}" + (f" ({p.admin1})" if p.admin1 else "")
        for p in place.others[:shown]
    ]
    more = len(place.others) - shown
    return (
        f"{len(place.candidates)}"
        + (": " + "; ".join(others) if others else "")
        + (f"; +{more}" if more > 0 else "")
    )


@app.command("eval")
def eval_command(
    gold: Annotated[Path, typer.Argument(help="Gold reports: a folder of *.json or a JSONL file.")],
    predicted: Annotated[Path, typer.Argument(help="Predicted reports: JSONL, JSON or a folder.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score predicted reports against gold reports by the rules of ANNOTATION.md."""
    try:
        result = evaluate(
            load_reports(gold), load_reports(predicted), align_text=lambda t: clean_text(t).text
        )
    except (ReportFileError, DuplicateGoldError) as error:
        err.print(f"[red]error[/red] {error}", highlight=False)
        raise typer.Exit(2) from error
    if as_json:
        out.print_json(data=result.to_dict())
        return
    out.print(render(result, f"ghostwatch eval: {gold} vs {predicted}"))


@app.command("search")
def search_command(
    query: Annotated[str, typer.Argument(help="Words to look for in titles and texts.")],
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="How many hits at most.")] = 20,
) -> None:
    """Full-text search over stored documents."""
    with Store.open(db) as store:
        hits = store.search(query, limit=limit)
    table = Table("document", "title", "snippet")
    for hit in hits:
        table.add_row(hit.document_id, hit.title or "", hit.snippet)
    out.print(table)


@app.command("demo")
def demo_command(
    db: Annotated[
        str, typer.Option("--db", help="Where the demo database is written.")
    ] = "ghostwatch-demo.db",
) -> None:
    """Ingest the bundled sample corpus (and the seed article when ../shared is beside us)."""
    with demo_inputs() as (inputs, notes):
        for note in notes:
            err.print(note)
        summary = _ingest(inputs, db, Defaults())
    _print_ingest_summary(summary)
    with Store.open(db) as store:
        reports = list(store.iter_reports())
    table = Table(title="ghostwatch demo: one row per report")
    for column in ("document", "lang", "relevant", "date", "place", "arrested", "seized"):
        table.add_column(column)
    for row in summary_rows(reports):
        table.add_row(*row)
    out.print(table)
    with Store.open(db) as store:
        incidents = store.incidents.list()
    out.print(
        f"{len(incidents)} incidents from {summary.relevant} relevant reports "
        f"(try: ghostwatch incidents list --db {db})"
    )
    out.print(f"database: {db}  (try: ghostwatch search gendarmerie --db {db})")


app.add_typer(incidents_app, name="incidents")
app.add_typer(network_app, name="network")
app.add_typer(export_app, name="export")
app.add_typer(users_app, name="users")
app.command("serve")(serve_command)

gazetteer_app = typer.Typer(help="The offline gazetteer places are resolved with.")
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("build")
def gazetteer_build_command(
    directory: Annotated[
        Path | None,
        typer.Option(
            "--dir",
            envvar=DATA_DIR_ENV,
            help="Where the file goes. Default: $XDG_DATA_HOME/ghostwatch or "
            "~/.local/share/ghostwatch.",
        ),
    ] = None,
) -> None:
    """Compile the gazetteer into its SQLite file (again, even when it exists); otherwise it is
    built on first use."""
    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn()]
    start = time.perf_counter()
    with Progress(*columns, console=err, transient=True) as progress:
        tasks: dict[str, int] = {}

        def show(stage: str, done: int, total: int | None) -> None:
            if stage not in tasks:
                tasks[stage] = progress.add_task(stage, total=total)
            progress.update(tasks[stage], completed=done, total=total)

        path, stats = ensure_gazetteer(directory or data_dir(), force=True, on_progress=show)
    if stats is not None:  # always, as the build is forced
        err.print(
            f"gazetteer built in {time.perf_counter() - start:.0f} s: {stats.places:,} places, "
            f"{stats.names:,} names ({stats.country_names} from pycountry), "
            f"{path.stat().st_size / 1e6:.1f} MB",
            highlight=False,
        )
    out.print(str(path), highlight=False, soft_wrap=True)
