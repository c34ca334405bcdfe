"""`ghostwatch serve` (the web app) and `ghostwatch users ...` (its users and API tokens)."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer
from rich.markup import escape

from ghostwatch.console import DbOption, err
from ghostwatch.store import Store
from ghostwatch.store.users import UserError


def serve_command(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the web app and its JSON API (create the first admin with `ghostwatch users add`)."""
    import uvicorn

    from ghostwatch.web.app import create_app

    uvicorn.run(create_app(db), host=host, port=port, proxy_headers=False)


users_app = typer.Typer(help="The web app's users and their API tokens.", no_args_is_help=True)


@users_app.callback()
def users_callback() -> None:
    """The web app's users and their API tokens."""


class RoleChoice(StrEnum):
    admin = "admin"
    analyst = "analyst"
    viewer = "viewer"


@users_app.command("add")
def users_add_command(
    username: Annotated[str, typer.Argument(help="The user's login name.")],
    role: Annotated[RoleChoice, typer.Option("--role", help="What the user may do.")],
    password_stdin: Annotated[
        bool,
        typer.Option("--password-stdin", help="Read the password from stdin's first line."),
    ] = False,
    db: DbOption = None,
) -> None:
    """Add a user (the password is asked twice, or read from stdin)."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    with Store.open(db) as store:
        try:
            user = store.users.add(username, password, role.value)
        except UserError as error:
            err.print(f"[red]error[/red] {escape(str(error))}")
            raise typer.Exit(1) from error
        store.audit.record(None, "add user", f"user:{user.username}", after=user.role)
    err.print(f"user {escape(user.username)} added ({user.role})")


@users_app.command("list")
def users_list_command(db: DbOption = None) -> None:
    """The users, their roles and their tokens' names (tab-separated)."""
    with Store.open(db) as store:
        for user in store.users.list():
            tokens = ", ".join(t.name for t in store.users.tokens(user.username))
            cells = [user.username, user.role, f"{user.created_at:%Y-%m-%d}"]
            typer.echo("\t".join(cells + ([f"tokens: {tokens}"] if tokens else [])))


@users_app.command("token")
def users_token_command(
    username: Annotated[str, typer.Argument(help="Whose token.")],
    name: Annotated[str, typer.Option("--name", help="What the token is for.")],
    db: DbOption = None,
) -> None:
    """Create an API token for a user and print it (once: only its hash is kept)."""
    with Store.open(db) as store:
        try:
            token = store.users.create_token(username, name)
        except UserError as error:
            err.print(f"[red]error[/red] {escape(str(error))}")
            raise typer.Exit(1) from error
        store.audit.record(None, "create token", f"user:{username}", after=name)
    print(token)
