"""What every command module of the CLI shares: the consoles and the database option.

Progress and messages go to stderr (`err`) so that results on stdout (`out`) can be piped.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from ghostwatch.pseudonyms import KEY_ENV, KEY_FILE

err = Console(stderr=True)
out = Console()

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="GHOSTWATCH_DB",
        help="SQLite file path or database URL (postgresql://...). Default: ./ghostwatch.db",
    ),
]
PseudonymiseOption = Annotated[
    bool,
    typer.Option(
        "--pseudonymise",
        help=f"Replace people's names by stable pseudonyms (key: ${KEY_ENV}, else the {KEY_FILE} "
        "file of the data directory, made on first use).",
    ),
]
