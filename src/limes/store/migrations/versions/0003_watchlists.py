"""Watchlists: SIS person and document alerts, the SLTD-like list, the ETIAS watchlist.

Revision ID: 0003_watchlists
Revises: 0002_interop
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_watchlists"
down_revision: str | None = "0002_interop"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INSTANT = sa.DateTime(timezone=True)
ID = sa.String(64)
STATE = sa.String(3)
CODE = sa.String(32)
NAME = sa.String(200)
PARTIAL_DATE = sa.String(10)  # ISO 8601, possibly partial: "1975", "1975-03", "1975-03-02"


def _parent(table: str, column: str, parent: str, parent_column: str) -> sa.Column[str]:
    return sa.Column(
        column,
        ID,
        sa.ForeignKey(
            f"{parent}.{parent_column}",
            name=f"fk_{table}_{column}_{parent}",
            ondelete="CASCADE",
        ),
        nullable=False,
    )


def _validity() -> list[sa.Column[object]]:
    return [
        sa.Column("valid_from", INSTANT, nullable=False),
        sa.Column("valid_until", INSTANT, nullable=True),
        sa.Column("created_at", INSTANT, nullable=False),
        sa.Column("withdrawn_at", INSTANT, nullable=True),
        sa.Column("withdrawal_reason", sa.Text(), nullable=True),
    ]


def upgrade() -> None:
    _create_person_alerts()
    _create_document_alerts()
    _create_watchlist_entries()


def _create_names(table: str, column: str, parent: str) -> None:
    op.create_table(
        table,
        _parent(table, column, parent, column),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("name", NAME, nullable=False),
        sa.PrimaryKeyConstraint(column, "position", name=f"pk_{table}"),
    )


def _create_documents(table: str, column: str, parent: str) -> None:
    op.create_table(
        table,
        _parent(table, column, parent, column),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("document_type", CODE, nullable=False),
        sa.Column("document_country", STATE, nullable=False),
        sa.Column("document_number", sa.String(64), nullable=False),
        sa.Column("country_key", STATE, nullable=False),
        sa.Column("number_key", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint(column, "position", name=f"pk_{table}"),
    )
    op.create_index(f"ix_{table}_country_key_number_key", table, ["country_key", "number_key"])


def _create_person_alerts() -> None:
    op.create_table(
        "sis_person_alerts",
        sa.Column("alert_id", ID, nullable=False),
        sa.Column("issuing_state", STATE, nullable=False),
        sa.Column("category", CODE, nullable=False),
        sa.Column("surname", NAME, nullable=False),
        sa.Column("given_names", NAME, nullable=False),
        sa.Column("name_key", NAME, nullable=False),
        sa.Column("date_of_birth", PARTIAL_DATE, nullable=True),
        sa.Column("sex", sa.String(1), nullable=True),
        sa.Column("nationalities", NAME, nullable=False),
        sa.Column("action_to_take", CODE, nullable=False),
        *_validity(),
        sa.PrimaryKeyConstraint("alert_id", name="pk_sis_person_alerts"),
    )
    op.create_index(
        "ix_sis_person_alerts_name_key_date_of_birth",
        "sis_person_alerts",
        ["name_key", "date_of_birth"],
    )
    _create_names("sis_person_alert_names", "alert_id", "sis_person_alerts")
    _create_documents("sis_person_alert_documents", "alert_id", "sis_person_alerts")


def _create_document_alerts() -> None:
    op.create_table(
        "document_alerts",
        sa.Column("alert_id", ID, nullable=False),
        sa.Column("source", CODE, nullable=False),
        sa.Column("issuing_state", STATE, nullable=False),
        sa.Column("document_type", CODE, nullable=False),
        sa.Column("document_country", STATE, nullable=False),
        sa.Column("document_number", sa.String(64), nullable=False),
        sa.Column("country_key", STATE, nullable=False),
        sa.Column("number_key", sa.String(64), nullable=False),
        sa.Column("status", CODE, nullable=False),
        sa.Column("action_to_take", CODE, nullable=False),
        *_validity(),
        sa.PrimaryKeyConstraint("alert_id", name="pk_document_alerts"),
    )
    op.create_index(
        "ix_document_alerts_country_key_number_key",
        "document_alerts",
        ["country_key", "number_key"],
    )


def _create_watchlist_entries() -> None:
    op.create_table(
        "watchlist_entries",
        sa.Column("entry_id", ID, nullable=False),
        sa.Column("entered_by", CODE, nullable=False),
        sa.Column("offence", CODE, nullable=False),
        sa.Column("surname", NAME, nullable=True),
        sa.Column("surname_at_birth", NAME, nullable=True),
        sa.Column("name_key", NAME, nullable=True),
        sa.Column("first_names", NAME, nullable=True),
        sa.Column("date_of_birth", PARTIAL_DATE, nullable=True),
        sa.Column("place_of_birth", NAME, nullable=True),
        sa.Column("country_of_birth", STATE, nullable=True),
        sa.Column("sex", sa.String(1), nullable=True),
        sa.Column("nationalities", NAME, nullable=False),
        sa.Column("home_address", sa.Text(), nullable=True),
        sa.Column("email", sa.String(320), nullable=True),
        sa.Column("phone", sa.String(64), nullable=True),
        sa.Column("ip_address", sa.String(64), nullable=True),
        sa.Column("organisation_name", NAME, nullable=True),
        sa.Column("organisation_email", sa.String(320), nullable=True),
        sa.Column("organisation_address", sa.Text(), nullable=True),
        sa.Column("organisation_phone", sa.String(64), nullable=True),
        sa.Column("created_at", INSTANT, nullable=False),
        sa.Column("last_reviewed_at", INSTANT, nullable=True),
        sa.Column("withdrawn_at", INSTANT, nullable=True),
        sa.Column("withdrawal_reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("entry_id", name="pk_watchlist_entries"),
    )
    _create_names("watchlist_entry_names", "entry_id", "watchlist_entries")
    _create_documents("watchlist_entry_documents", "entry_id", "watchlist_entries")


def downgrade() -> None:
    for table in (
        "watchlist_entry_documents",
        "watchlist_entry_names",
        "watchlist_entries",
        "document_alerts",
        "sis_person_alert_documents",
        "sis_person_alert_names",
        "sis_person_alerts",
    ):
        op.drop_table(table)
