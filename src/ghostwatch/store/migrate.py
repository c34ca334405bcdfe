"""Bring a database's schema up to date, from inside the installed package.

The Alembic scripts ship as package data and the configuration is built here, so `Store.open` can
migrate any database it is given without an alembic.ini in the working directory.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

from ghostwatch.store.database import transaction

# Arbitrary constant naming our advisory lock on PostgreSQL ("gwmigrat" in ASCII).
_MIGRATION_LOCK_KEY = 0x67776D6967726174


def upgrade(engine: Engine) -> None:
    """Apply every migration the database lacks; a database already at head is left alone.

    Everything runs in one transaction, so a failed migration leaves the schema as it was. On
    PostgreSQL an advisory lock makes concurrent callers wait their turn; on SQLite the write
    transaction (BEGIN IMMEDIATE) does the same.
    """
    with _migration_transaction(engine) as connection:
        command.upgrade(_config(connection), "head")


def downgrade(engine: Engine, revision: str) -> None:
    """Undo migrations down to `revision` ("base" removes every ghostwatch table).

    For operators backing out of an upgrade; the store itself only ever upgrades.
    """
    with _migration_transaction(engine) as connection:
        command.downgrade(_config(connection), revision)


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None if it was never migrated."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    """The newest revision this version of ghostwatch knows."""
    return ScriptDirectory.from_config(_config(None)).get_current_head()


@contextmanager
def _migration_transaction(engine: Engine) -> Iterator[Connection]:
    """One write transaction that only one migrating process at a time can hold."""
    with transaction(engine, writes=True) as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK_KEY}
            )
        yield connection


def _config(connection: Connection | None) -> Config:
    config = Config()
    location = str(resources.files("ghostwatch.store").joinpath("migrations"))
    # Config values go through ConfigParser interpolation, where "%" is special.
    config.set_main_option("script_location", location.replace("%", "%%"))
    config.set_main_option("path_separator", "os")
    config.attributes["connection"] = connection
    return config
