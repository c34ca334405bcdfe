"""What every command module of the CLI shares: the consoles and the database option.

Progress and messages go to stderr (`err`) so that results on stdout (`out`) can be piped.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

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
