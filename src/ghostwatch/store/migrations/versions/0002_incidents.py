"""Incidents: reports grouped by case, their blocking keys, and analysts' decisions.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

JSON_DATA = sa.JSON().with_variant(JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "incidents",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "incident_members",
        sa.Column(
            "document_id",
            sa.String(),
            sa.ForeignKey("reports.document_id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "incident_id",
            sa.Integer(),
            sa.ForeignKey("incidents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("pinned", sa.Boolean(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("matched", sa.String(), nullable=True),
        sa.Column("reasons", JSON_DATA, nullable=False),
        sa.Column("profile", JSON_DATA, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_incident_members_incident_id", "incident_members", ["incident_id"])
    op.create_table(
        "incident_keys",
        sa.Column("key", sa.String(), primary_key=True),
        sa.Column(
            "document_id",
            sa.String(),
            sa.ForeignKey("incident_members.document_id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("day", sa.Integer(), nullable=False),
    )
    op.create_index("ix_incident_keys_key_day", "incident_keys", ["key", "day"])
    op.create_index("ix_incident_keys_document_id", "incident_keys", ["document_id"])
    op.create_table(
        "incident_separations",
        sa.Column(
            "document_a",
            sa.String(),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "document_b",
            sa.String(),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            primary_key=True,
        ),
    )
    op.create_index("ix_incident_separations_document_b", "incident_separations", ["document_b"])
    op.create_table(
        "incident_decisions",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("detail", JSON_DATA, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("incident_decisions")
    op.drop_index("ix_incident_separations_document_b", table_name="incident_separations")
    op.drop_table("incident_separations")
    op.drop_index("ix_incident_keys_document_id", table_name="incident_keys")
    op.drop_index("ix_incident_keys_key_day", table_name="incident_keys")
    op.drop_table("incident_keys")
    op.drop_index("ix_incident_members_incident_id", table_name="incident_members")
    op.drop_table("incident_members")
    op.drop_table("incidents")
