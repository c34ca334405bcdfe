"""Where the database is and how to talk to it.

A user names a database the way they think of it (a file path, or a PostgreSQL URL copied from a
server's settings); this module turns that into an SQLAlchemy URL and an engine configured for safe
concurrent use: SQLite gets WAL journaling, enforced foreign keys and a busy timeout, and its
transactions are begun by us so they are real transactions (DDL included).
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, make_url

DB_ENV = "GHOSTWATCH_DB"
DEFAULT_DB_FILE = "ghostwatch.db"
SQLITE_BUSY_TIMEOUT_MS = 30_000

# Execution option marking a connection whose transaction will write: on SQLite it starts with
# BEGIN IMMEDIATE, taking the write lock up front so that a read-then-write transaction cannot fail
# half way with "database is locked" when another writer got there first.
_WRITES = "ghostwatch_writes"

_POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def database_url(value: str | None) -> str:
    """The SQLAlchemy URL for a user's database choice.

    None falls back to the GHOSTWATCH_DB environment variable, then to ./ghostwatch.db. A value with
    "://" is a URL (plain PostgreSQL URLs get the psycopg 3 driver, the one we install); anything
    else is a SQLite file path, made absolute so the URL does not depend on a later chdir.
    """
    chosen = value or os.environ.get(DB_ENV) or DEFAULT_DB_FILE
    if "://" in chosen:
        for scheme in _POSTGRES_SCHEMES:
            if chosen.startswith(scheme):
                return "postgresql+psycopg://" + chosen[len(scheme) :]
        return chosen
    return "sqlite:///" + os.path.abspath(os.path.expanduser(chosen))


def open_engine(url: str) -> Engine:
    """An engine for `url` (an SQLAlchemy URL, see `database_url`), set up for this project."""
    if url.startswith("sqlite"):
        path = make_url(url).database
        if path and not Path(path).parent.is_dir():
            # sqlite3 would only say "unable to open database file", without the file.
            raise FileNotFoundError(f"folder for the SQLite database does not exist: {path}")
        engine = create_engine(url)
        event.listen(engine, "connect", _configure_sqlite_connection)
        event.listen(engine, "begin", _begin_sqlite_transaction)
        return engine
    return create_engine(url, pool_pre_ping=True)


@contextmanager
def transaction(engine: Engine, *, writes: bool) -> Iterator[Connection]:
    """A connection inside one transaction, committed on success and rolled back on error."""
    with engine.connect() as connection:
        if writes:
            connection.execution_options(**{_WRITES: True})
        with connection.begin():
            yield connection


def _configure_sqlite_connection(dbapi_connection: Any, _record: Any) -> None:
    # The sqlite3 module's own transaction handling skips BEGIN before DDL and cannot BEGIN
    # IMMEDIATE; turning it off lets `_begin_sqlite_transaction` start every transaction.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        # First, so that even switching to WAL waits for a busy database instead of failing.
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        # WAL lets readers work while one process writes; NORMAL sync is safe with WAL (a crash can
        # lose the last commit, never corrupt the file) and makes batch ingest much faster.
        _switch_to_wal(cursor)
        cursor.execute("PRAGMA synchronous=NORMAL")
        # SQLite ignores foreign keys unless asked, per connection: reports must die with their
        # document.
        cursor.execute("PRAGMA foreign_keys=ON")
    finally:
        cursor.close()


def _switch_to_wal(cursor: Any) -> None:
    """`PRAGMA journal_mode=WAL`, retried while another connection holds the new file's lock.

    SQLite answers this pragma "database is locked" at once, without calling the busy handler,
    when several processes open a new database together; waiting a moment lets the first switch
    finish (later switches see WAL already and return at once).
    """
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _begin_sqlite_transaction(connection: Connection) -> None:
    writes = connection.get_execution_options().get(_WRITES, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")
