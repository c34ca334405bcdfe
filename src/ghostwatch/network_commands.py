"""`ghostwatch network export`: the actors' network of the stored incidents, for Gephi, Cytoscape,
Aleph, spreadsheets or scripts.

The graph is built from the merged incident records (`network.graph`), analysed (`network.metrics`:
degree, betweenness, communities, articulation points, brokerage roles written on the nodes),
then written (`network.export`). `--pseudonymise` builds it from pseudonymised records, so node
ids, labels and evidence carry no real name.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.markup import escape

from ghostwatch.console import DbOption, PseudonymiseOption, err
from ghostwatch.incidents.export import pseudonymised
from ghostwatch.network.export import PATH_WRITERS, write_ftm, write_json
from ghostwatch.network.graph import build_graph
from ghostwatch.network.metrics import analyse
from ghostwatch.pseudonyms import Pseudonymiser
from ghostwatch.store import IncidentError, Store

network_app = typer.Typer(
    help="The actors' network of the stored incidents: people, groups, agencies, places.",
    no_args_is_help=True,
)


@network_app.callback()
def network_callback() -> None:
    """The actors' network of the stored incidents: people, groups, agencies, places."""


class NetworkFormat(StrEnum):
    graphml = "graphml"
    gexf = "gexf"
    ftm = "ftm"
    csv = "csv"
    json = "json"


@network_app.command("export")
def export_command(
    output_format: Annotated[
        NetworkFormat,
        typer.Option(
            "--format",
            help="graphml (Cytoscape, Gephi), gexf (Gephi, with time intervals), ftm "
            "(FollowTheMoney JSON lines for Aleph), csv (nodes.csv and edges.csv in the --output "
            "folder) or json (node-link data with the analysis).",
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="File (a folder for csv); default: stdout."),
    ] = None,
    incident: Annotated[
        list[int] | None,
        typer.Option("--incident", help="Only this incident (repeat for several)."),
    ] = None,
    db: DbOption = None,
    pseudonymise: PseudonymiseOption = False,
) -> None:
    """Build, analyse and write the network of every incident (or of --incident ones)."""
    if output_format is NetworkFormat.csv and output is None:
        err.print("[red]error[/red] --format csv writes two files: give a folder with --output")
        raise typer.Exit(2)
    pseudonymiser = Pseudonymiser.from_environment() if pseudonymise else None
    with Store.open(db) as store:
        ids = incident or [summary.id for summary in store.incidents.list()]
        try:
            records = [store.incidents.record(incident_id) for incident_id in ids]
        except IncidentError as error:
            err.print(f"[red]error[/red] {escape(str(error))}", highlight=False)
            raise typer.Exit(2) from error
    if pseudonymiser is not None:
        records = [pseudonymised(record, pseudonymiser) for record in records]
    graph = build_graph(records)
    summary = analyse(graph)
    if output_format is NetworkFormat.json:
        _write_text(output, lambda stream: write_json(graph, summary, stream))
    elif output_format is NetworkFormat.ftm:
        _write_text(output, lambda stream: write_ftm(graph, stream))
    else:
        writer = PATH_WRITERS[output_format.value]
        writer(graph, output if output is not None else sys.stdout.buffer)
    brokers = ", ".join(
        f"{graph.nodes[b['node']].get('label', b['node'])}" for b in summary["brokers"][:3]
    )
    err.print(
        f"{summary['nodes']} nodes, {summary['edges']} edges from {len(records)} incidents; "
        f"{summary['communities']} communities"
        + (f"; top brokers: {escape(brokers)}" if brokers else "")
        + ("; names pseudonymised" if pseudonymiser else ""),
        highlight=False,
    )


def _write_text(output: Path | None, write: Callable[[TextIO], object]) -> None:
    if output is None:
        write(sys.stdout)
        sys.stdout.flush()
        return
    with output.open("w", encoding="utf-8") as stream:
        write(stream)
