"""`ghostwatch incidents ...`: resolve reports into incidents, read them, correct them.

Analysts' corrections (merge, split, move) are stored and kept by every later automatic run.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table

from ghostwatch.console import DbOption, err, out
from ghostwatch.incidents.record import Claim, IncidentRecord, MergedPerson, MergedValue
from ghostwatch.store import IncidentError, Store

incidents_app = typer.Typer(
    help="Reports grouped by case: resolve, list, show, and an analyst's merge, split and move.",
    no_args_is_help=True,
)


class Format(StrEnum):
    table = "table"
    json = "json"


FormatOption = Annotated[Format, typer.Option("--format", help="table (for people) or json.")]


@contextmanager
def _store(db: str | None) -> Iterator[Store]:
    """The store, with an analyst's impossible request shown as an error, not a traceback."""
    with Store.open(db) as store:
        try:
            yield store
        except IncidentError as error:
            err.print(f"[red]error[/red] {escape(str(error))}", highlight=False)
            raise typer.Exit(2) from error


@incidents_app.command("resolve")
def resolve_command(
    db: DbOption = None,
    rebuild: Annotated[
        bool,
        typer.Option(
            "--rebuild", help="Resolve every report again (analysts' decisions are kept)."
        ),
    ] = False,
) -> None:
    """Attach every relevant report without an incident to its incident (ingest does this too)."""
    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn()]
    with _store(db) as store, Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("resolving", total=None)
        resolve = store.incidents.rebuild if rebuild else store.incidents.resolve_pending
        summary = resolve(lambda: progress.advance(task))
        total = len(store.incidents.list())
    err.print(
        f"{summary.resolved} reports resolved: {summary.attached} attached to an incident, "
        f"{summary.opened} opened one; {total} incidents stored",
        highlight=False,
    )


@incidents_app.command("list")
def list_command(db: DbOption = None, output: FormatOption = Format.table) -> None:
    """Every incident, latest first, with the documents of its reports."""
    with _store(db) as store:
        summaries = store.incidents.list()
    if output is Format.json:
        data = [
            {
                "id": s.id,
                "documents": s.documents,
                "first": s.first.isoformat() if s.first else None,
                "last": s.last.isoformat() if s.last else None,
                "title": s.title,
            }
            for s in summaries
        ]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return
    table = Table("incident", "dates", "reports", "first report's title")
    for s in summaries:
        dates = " – ".join(dict.fromkeys(str(d) for d in (s.first, s.last) if d))
        table.add_row(str(s.id), dates, str(len(s.documents)), escape(s.title or ""))
    out.print(table)


@incidents_app.command("show")
def show_command(
    incident: Annotated[int, typer.Argument(help="Incident id (see `incidents list`).")],
    db: DbOption = None,
    output: FormatOption = Format.table,
) -> None:
    """One incident's merged record, its timeline and its sources."""
    with _store(db) as store:
        record = store.incidents.record(incident)
        members = store.incidents.members(incident)
    if output is Format.json:
        data = record.model_dump(mode="json")
        data["members"] = [member.__dict__ for member in members]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return
    _print_record(record)
    sources = Table("document", "placed by", "matched", "why", title="sources")
    for member in members:
        placed = "analyst" if member.pinned else "matching" if member.matched else "first report"
        why = "; ".join(member.reasons[:4])
        sources.add_row(member.document_id, placed, member.matched or "", escape(why))
    out.print(sources)


@incidents_app.command("merge")
def merge_command(
    target: Annotated[int, typer.Argument(help="The incident that stays.")],
    other: Annotated[int, typer.Argument(help="The incident merged into it.")],
    db: DbOption = None,
) -> None:
    """Merge incident OTHER into TARGET (same case)."""
    with _store(db) as store:
        store.incidents.merge(target, other)
    err.print(f"incident {other} merged into {target}")


@incidents_app.command("split")
def split_command(
    incident: Annotated[int, typer.Argument(help="The incident to split.")],
    documents: Annotated[list[str], typer.Argument(help="Document ids that leave it.")],
    db: DbOption = None,
) -> None:
    """Move DOCUMENTS out of INCIDENT into a new incident (a different case)."""
    with _store(db) as store:
        new_id = store.incidents.split(incident, documents)
    err.print(f"{len(documents)} reports split from incident {incident} into incident {new_id}")
    print(new_id)


@incidents_app.command("move")
def move_command(
    document: Annotated[str, typer.Argument(help="Document id of the report to move.")],
    incident: Annotated[int, typer.Argument(help="The incident it belongs to.")],
    db: DbOption = None,
) -> None:
    """Move one report to another incident."""
    with _store(db) as store:
        store.incidents.move(document, incident)
    err.print(f"{document} moved to incident {incident}")


def _print_record(record: IncidentRecord) -> None:
    out.print(f"[bold]incident {record.id}[/bold]: {len(record.documents)} reports")
    facts = Table("fact", "value", "rule", "what each source says", title="merged facts")
    if record.date:
        _add_fact(facts, "date", record.date)
    for key, merged in record.counts.items():
        _add_fact(facts, key, merged)
    for category, merged in record.seized.items():
        _add_fact(facts, f"seized {category}", merged)
    for name, claims in (
        ("places", record.locations),
        ("countries", record.countries),
        ("agencies", record.agencies),
        ("actions", record.incident_types),
        ("firearms", record.firearm_kinds),
        ("methods", record.methods),
        ("operations", record.operations),
        ("prices", record.prices),
    ):
        if claims:
            facts.add_row(name, escape(", ".join(_claim_text(c) for c in claims)), "union", "")
    out.print(facts)
    for title, people in (("suspects", record.suspects), ("victims", record.victims)):
        if people:
            out.print(_people_table(title, people))
    timeline = Table("date", "document", "actions", "title", title="timeline")
    for entry in record.timeline:
        actions = ", ".join(entry.incident_types) + (" (follow-up)" if entry.follow_up else "")
        timeline.add_row(
            str(entry.date or ""), entry.document_id, actions, escape(entry.title or "")
        )
    out.print(timeline)


def _add_fact(table: Table, name: str, merged: MergedValue) -> None:
    said = "; ".join(
        f"{_value_text(c.value)}: {', '.join(s.document_id for s in c.sources)}"
        for c in merged.claims
    )
    table.add_row(name, _value_text(merged.chosen), merged.rule, escape(said))


def _value_text(value: Any) -> str:
    if isinstance(value, dict) and set(value) == {"start", "end"}:
        start, end = value["start"], value["end"]
        return str(start) if start == end else f"{start} – {end}"
    return str(value)


def _claim_text(claim: Claim) -> str:
    value = claim.value["name"] if isinstance(claim.value, dict) else claim.value
    return f"{value} ({len(claim.sources)})"


def _people_table(title: str, people: list[MergedPerson]) -> Table:
    table = Table("name", "age", "roles", "status", "as the sources call them", title=title)
    for person in people:
        table.add_row(
            escape(person.name or ""),
            "" if person.age is None else str(person.age),
            ", ".join(person.roles),
            ", ".join(person.status),
            escape("; ".join(f"{m.value} ({m.sources[0].document_id})" for m in person.mentions)),
        )
    return table
