"""Documents, their reports, and full-text search over titles and texts.

Revision ID: 0001
Revises:
Create Date: 2025-11-29

The tables are portable; search is not. SQLite gets an external-content FTS5 index kept in step by
triggers (so the text is stored once). PostgreSQL gets a generated, weighted tsvector column with a
GIN index, using a text search configuration of our own: 'simple' (no stemming or stop words, which
suits a mixed English/French corpus and matches SQLite's behaviour) plus `unaccent` when the server
lets us install it, so that "interpelle" finds "interpellé" on both databases.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.exc import DBAPIError

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

JSON_DATA = sa.JSON().with_variant(JSONB(), "postgresql")

# The text search configuration the store queries with (see repository search).
SEARCH_CONFIG = "ghostwatch_search"


def upgrade() -> None:
    op.create_table(
        "documents",
        # integer surrogate key: SQLite's FTS5 index needs a stable integer rowid
        sa.Column("pk", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(), nullable=False, unique=True),
        sa.Column("source", sa.String(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("language", sa.String(16), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("raw_text", sa.Text(), nullable=False),
        sa.Column("offsets", JSON_DATA, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "reports",
        sa.Column(
            "document_id",
            sa.String(),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("schema", sa.String(32), nullable=False),
        sa.Column("relevant", sa.Boolean(), nullable=False),
        sa.Column("relevance_score", sa.Float(), nullable=True),
        sa.Column("data", JSON_DATA, nullable=False),
        sa.Column("extractor", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_reports_relevant", "reports", ["relevant"])

    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _create_sqlite_search()
    elif dialect == "postgresql":
        _create_postgres_search()
    else:
        raise NotImplementedError(f"ghostwatch stores data in SQLite or PostgreSQL, not {dialect}")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trigger in ("documents_fts_insert", "documents_fts_delete", "documents_fts_update"):
            op.execute(f"DROP TRIGGER {trigger}")
        op.execute("DROP TABLE documents_fts")
    elif dialect == "postgresql":
        # The unaccent extension stays: other schemas of the database may use it.
        op.drop_index("ix_documents_search_vector", table_name="documents")
        op.drop_column("documents", "search_vector")
        op.execute(f"DROP TEXT SEARCH CONFIGURATION {SEARCH_CONFIG}")
    op.drop_index("ix_reports_relevant", table_name="reports")
    op.drop_table("reports")
    op.drop_table("documents")


def _create_sqlite_search() -> None:
    # remove_diacritics 2 folds accents on every letter ("interpellé" ~ "interpelle"); unicode61
    # also folds case. The integer `pk` ties each index entry to its documents row.
    op.execute(
        "CREATE VIRTUAL TABLE documents_fts USING fts5("
        "title, text, content='documents', content_rowid='pk', "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    # An external-content index must be told the old values to forget them, hence the 'delete'
    # commands carrying old.title and old.text.
    op.execute(
        "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN "
        "INSERT INTO documents_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); "
        "END"
    )
    op.execute(
        "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN "
        "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
        "VALUES ('delete', old.pk, old.title, old.text); "
        "END"
    )
    op.execute(
        "CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN "
        "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
        "VALUES ('delete', old.pk, old.title, old.text); "
        "INSERT INTO documents_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); "
        "END"
    )


def _create_postgres_search() -> None:
    op.execute(f"CREATE TEXT SEARCH CONFIGURATION {SEARCH_CONFIG} (COPY = pg_catalog.simple)")
    if _install_unaccent():
        # Only the token types that can hold non-ASCII letters need unaccenting.
        op.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {SEARCH_CONFIG} "
            "ALTER MAPPING FOR word, hword, hword_part WITH unaccent, simple"
        )
    # Title words weigh more (A) than body words (B), so a title match ranks first.
    op.execute(
        "ALTER TABLE documents ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
        f"setweight(to_tsvector('{SEARCH_CONFIG}'::regconfig, coalesce(title, '')), 'A') || "
        f"setweight(to_tsvector('{SEARCH_CONFIG}'::regconfig, text), 'B')"
        ") STORED"
    )
    op.execute("CREATE INDEX ix_documents_search_vector ON documents USING gin (search_vector)")


def _install_unaccent() -> bool:
    """Create the unaccent extension if the server has it and lets us; say whether we have it.

    It ships with PostgreSQL's contrib package and is a trusted extension (any database owner may
    create it), but a minimal server or a restricted role may still lack it; search then works
    without accent folding rather than not at all.
    """
    bind = op.get_bind()
    available = bind.execute(
        sa.text("SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent'")
    ).scalar()
    if not available:
        return False
    try:
        with bind.begin_nested():
            bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS unaccent"))
    except DBAPIError:
        return False
    return True
