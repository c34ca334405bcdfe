from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, text

from ghostwatch.model import Document
from ghostwatch.store import Store
from ghostwatch.store.migrate import current_revision, downgrade, head_revision, upgrade
from ghostwatch.store.tables import Base

# Search objects exist only in the migration (they differ per database), by design.
SEARCH_OBJECTS = {"search_vector", "ix_documents_search_vector"}


def table_names(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())


def test_a_new_database_has_no_revision(empty_engine: Engine) -> None:
    assert current_revision(empty_engine) is None
    assert table_names(empty_engine) == set()


def test_upgrade_creates_tables_and_search(empty_engine: Engine) -> None:
    upgrade(empty_engine)

    assert current_revision(empty_engine) == head_revision() == "0004"
    assert {
        "documents",
        "reports",
        "incidents",
        "incident_members",
        "incident_keys",
        "incident_separations",
        "incident_decisions",
        "alembic_version",
    } <= table_names(empty_engine)
    with empty_engine.connect() as connection:
        if empty_engine.dialect.name == "sqlite":
            triggers = connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
            ).scalars()
            assert list(triggers) == [
                "documents_fts_delete",
                "documents_fts_insert",
                "documents_fts_update",
            ]
            assert "documents_fts" in table_names(empty_engine)
        else:
            columns = {c["name"] for c in inspect(empty_engine).get_columns("documents")}
            assert "search_vector" in columns
            config = connection.execute(
                text("SELECT count(*) FROM pg_ts_config WHERE cfgname = 'ghostwatch_search'")
            ).scalar()
            assert config == 1


def test_upgrade_twice_changes_nothing(
    empty_db: str, empty_engine: Engine, fr_arrest: Document
) -> None:
    upgrade(empty_engine)
    with Store.open(empty_db) as store:
        store.ingest(fr_arrest)
    tables_before = table_names(empty_engine)

    upgrade(empty_engine)
    with Store.open(empty_db) as store:
        assert store.count_documents() == 1

    assert table_names(empty_engine) == tables_before
    assert current_revision(empty_engine) == head_revision()


def test_migrated_schema_matches_the_table_declarations(empty_engine: Engine) -> None:
    upgrade(empty_engine)

    def declared(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
        if name is None:
            return True
        return not (
            name in SEARCH_OBJECTS or name.startswith("documents_fts") or name == "alembic_version"
        )

    with empty_engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": declared, "compare_type": True}
        )
        assert compare_metadata(context, Base.metadata) == []


def test_downgrade_to_base_removes_everything_and_upgrade_restores_it(empty_engine: Engine) -> None:
    upgrade(empty_engine)
    downgrade(empty_engine, "base")

    assert current_revision(empty_engine) is None
    assert table_names(empty_engine) - {"alembic_version"} == set()

    upgrade(empty_engine)
    assert current_revision(empty_engine) == head_revision()


def test_processes_opening_a_new_database_together_migrate_it_once(empty_db: str) -> None:
    def open_and_count(_: int) -> int:
        with Store.open(empty_db) as store:
            return store.count_documents()

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(open_and_count, range(4))) == [0, 0, 0, 0]
