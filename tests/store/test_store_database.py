from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from ghostwatch.store import database_url
from ghostwatch.store.database import DB_ENV, open_engine, transaction


def test_explicit_value_wins_over_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(DB_ENV, str(tmp_path / "from-env.db"))
    assert database_url(str(tmp_path / "given.db")) == f"sqlite:///{tmp_path / 'given.db'}"


def test_environment_names_the_database_when_no_value(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(DB_ENV, str(tmp_path / "from-env.db"))
    assert database_url(None) == f"sqlite:///{tmp_path / 'from-env.db'}"


def test_default_is_a_file_in_the_current_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(DB_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    assert database_url(None) == f"sqlite:///{tmp_path / 'ghostwatch.db'}"


def test_relative_path_is_made_absolute(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    assert database_url("data/osint.db") == f"sqlite:///{tmp_path / 'data' / 'osint.db'}"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (
            "postgresql://analyst@db.example:5432/osint",
            "postgresql+psycopg://analyst@db.example:5432/osint",
        ),
        ("postgres://analyst@db.example/osint", "postgresql+psycopg://analyst@db.example/osint"),
        ("postgresql+psycopg://u@h/d", "postgresql+psycopg://u@h/d"),
        ("sqlite:////srv/ghostwatch.db", "sqlite:////srv/ghostwatch.db"),
    ],
)
def test_urls_pass_through_with_the_psycopg_driver(given: str, expected: str) -> None:
    assert database_url(given) == expected


def test_postgres_url_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DB_ENV, "postgresql://postgres@127.0.0.1:5432/osint")
    assert database_url(None) == "postgresql+psycopg://postgres@127.0.0.1:5432/osint"


def test_engine_connects_with_the_project_settings(engine: Engine) -> None:
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
        else:
            assert engine.dialect.driver == "psycopg"
            assert connection.execute(text("SELECT 1")).scalar() == 1


def test_sqlite_transactions_are_real_for_ddl(tmp_path: Path) -> None:
    """A rolled-back transaction undoes DDL too (sqlite3's own handling would have committed)."""
    engine = open_engine(database_url(str(tmp_path / "ddl.db")))
    try:
        with pytest.raises(RuntimeError), transaction(engine, writes=True) as connection:
            connection.exec_driver_sql("CREATE TABLE scratch (x INTEGER)")
            raise RuntimeError("abort")
        with engine.connect() as connection:
            tables = connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE name = 'scratch'"
            ).all()
        assert tables == []
    finally:
        engine.dispose()


def test_a_sqlite_file_in_a_missing_folder_is_named_in_the_error(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "ghostwatch.db"
    with pytest.raises(FileNotFoundError, match="no-such-folder"):
        open_engine(database_url(str(missing)))
