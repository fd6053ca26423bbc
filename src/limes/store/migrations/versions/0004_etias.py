"""ETIAS: application files as JSON with their query keys, screening-rule versions.

Revision ID: 0004_etias
Revises: 0003_watchlists
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_etias"
down_revision: str | None = "0003_watchlists"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INSTANT = sa.DateTime(timezone=True)
ID = sa.String(64)
STATE = sa.String(3)
CODE = sa.String(32)
FILES = "etias_application_files"


def upgrade() -> None:
    _create_application_files()
    _create_screening_rules()


def _create_application_files() -> None:
    op.create_table(
        FILES,
        sa.Column("application_id", ID, nullable=False),
        sa.Column("submitted_at", INSTANT, nullable=False),
        sa.Column("status", CODE, nullable=False),
        sa.Column("responsible_state", STATE, nullable=True),
        sa.Column("deadline", INSTANT, nullable=True),
        sa.Column("document_country", STATE, nullable=False),
        sa.Column("document_number_key", sa.String(64), nullable=False),
        sa.Column("email_key", sa.String(320), nullable=False),
        sa.Column("authorisation_number", ID, nullable=True),
        sa.Column("authorisation_status", CODE, nullable=True),
        sa.Column("authorisation_valid_from", sa.Date(), nullable=True),
        sa.Column("authorisation_valid_until", sa.Date(), nullable=True),
        sa.Column("file_json", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("application_id", name=f"pk_{FILES}"),
        sa.UniqueConstraint("authorisation_number", name=f"uq_{FILES}_authorisation_number"),
    )
    indexes = {
        "submission": ["submitted_at", "application_id"],
        "document": ["document_country", "document_number_key"],
        "email_key": ["email_key"],
        "queue": ["status", "deadline"],
        "state_queue": ["responsible_state", "status", "deadline"],
        "authorisations": ["authorisation_status", "authorisation_valid_until"],
    }
    for name, columns in indexes.items():
        op.create_index(f"ix_{FILES}_{name}", FILES, columns)


def _create_screening_rules() -> None:
    op.create_table(
        "etias_screening_rules",
        sa.Column("rule_id", ID, nullable=False),
        sa.Column("version", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", INSTANT, nullable=False),
        sa.Column("rule_json", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("rule_id", "version", name="pk_etias_screening_rules"),
    )


def downgrade() -> None:
    op.drop_table("etias_screening_rules")
    op.drop_table(FILES)
