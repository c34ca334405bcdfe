"""Fixtures shared by every test package.

Databases: every test that takes `db` runs on a real SQLite file and on a real PostgreSQL database.
PostgreSQL isolation: databases are created under random names through the admin connection and
dropped afterwards (their connections terminated first), so runs sharing the server never collide.
Each test module shares one migrated database whose rows are deleted before every test (`db`);
tests of migrations get a fresh, never-migrated database of their own (`empty_db`). An unreachable
server fails the PostgreSQL tests, unless GHOSTWATCH_SKIP_POSTGRES=1 asks to skip them.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import psycopg
import pytest
from psycopg import sql
from sqlalchemy.engine import make_url

from ghostwatch.store import Store, database_url
from ghostwatch.store.database import open_engine
from ghostwatch.store.tables import Base

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def report_schema() -> dict:
    return json.loads(
        resources.files("ghostwatch").joinpath("spec/report.schema.json").read_text("utf-8")
    )


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"the shared folder is missing beside the repository: {SHARED}")
    return SHARED


POSTGRES_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/test"
SKIP_POSTGRES_ENV = "GHOSTWATCH_SKIP_POSTGRES"


@pytest.fixture(scope="session")
def postgres_admin_url() -> str:
    """The admin URL, once the server is known to answer."""
    try:
        with psycopg.connect(POSTGRES_ADMIN_URL, connect_timeout=5):
            return POSTGRES_ADMIN_URL
    except psycopg.OperationalError as error:
        problem = str(error)
    if os.environ.get(SKIP_POSTGRES_ENV) == "1":
        pytest.skip(f"PostgreSQL unreachable and {SKIP_POSTGRES_ENV}=1")
    pytest.fail(
        f"PostgreSQL is unreachable at {POSTGRES_ADMIN_URL}: {problem}\n"
        f"Start the server, or set {SKIP_POSTGRES_ENV}=1 to skip the PostgreSQL tests.",
        pytrace=False,
    )


@contextmanager
def new_postgres_database(admin_url: str) -> Iterator[str]:
    """Create a database under a random name, yield its URL, then drop it."""
    name = f"ghostwatch_test_{secrets.token_hex(6)}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                (name,),
            )
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))


@pytest.fixture(scope="module")
def postgres_module_database(postgres_admin_url: str) -> Iterator[str]:
    """A migrated database shared by one test module (see `db` for the per-test cleaning)."""
    with new_postgres_database(postgres_admin_url) as url:
        Store.open(url).close()
        yield url


BOTH_DATABASES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=BOTH_DATABASES)
def empty_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database that has never been migrated: a SQLite file path or a PostgreSQL URL."""
    if request.param == "sqlite":
        yield str(tmp_path / "ghostwatch.db")
        return
    with new_postgres_database(request.getfixturevalue("postgres_admin_url")) as url:
        yield url


@pytest.fixture(params=BOTH_DATABASES)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A migrated database without rows: a SQLite file path or a PostgreSQL URL."""
    if request.param == "sqlite":
        path = str(tmp_path / "ghostwatch.db")
        Store.open(path).close()
        return path
    url = request.getfixturevalue("postgres_module_database")
    engine = open_engine(database_url(url))
    try:
        with engine.begin() as connection:
            tables = ", ".join(table.name for table in Base.metadata.sorted_tables)
            connection.exec_driver_sql(f"TRUNCATE {tables} CASCADE")
    finally:
        engine.dispose()
    return url
