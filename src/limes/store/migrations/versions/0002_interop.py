"""Interoperability: sBMS templates, CIR records with documents and templates, MID links.

Revision ID: 0002_interop
Revises: 0001_ees_initial
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_interop"
down_revision: str | None = "0001_ees_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INSTANT = sa.DateTime(timezone=True)
RECORD_KEY = sa.String(100)
# BIGINT on PostgreSQL (a BIGSERIAL); SQLite autoincrements only an INTEGER primary key.
LABEL = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _record_key(table: str) -> sa.Column[str]:
    return sa.Column(
        "record_key",
        RECORD_KEY,
        sa.ForeignKey(
            "system_records.key", name=f"fk_{table}_record_key_system_records", ondelete="CASCADE"
        ),
        nullable=False,
    )


def upgrade() -> None:
    _create_biometric_templates()
    _create_system_records()
    _create_mid_links()


def _create_biometric_templates() -> None:
    op.create_table(
        "biometric_templates",
        sa.Column("label", LABEL, autoincrement=True, nullable=False),
        sa.Column("template_id", sa.String(64), nullable=False),
        sa.Column("subject_system", sa.String(32), nullable=False),
        sa.Column("subject_record_id", sa.String(64), nullable=False),
        sa.Column("modality", sa.String(32), nullable=False),
        sa.Column("format", sa.String(32), nullable=False),
        sa.Column("model_version", sa.String(100), nullable=False),
        sa.Column("finger_position", sa.SmallInteger(), nullable=True),
        sa.Column("quality", sa.SmallInteger(), nullable=False),
        sa.Column("capture_device", sa.String(200), nullable=False),
        sa.Column("captured_at", INSTANT, nullable=False),
        sa.Column("enrolled_at", INSTANT, nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("label", name="pk_biometric_templates"),
        sa.UniqueConstraint("template_id", name="uq_biometric_templates_template_id"),
        sqlite_autoincrement=True,
    )
    op.create_index(
        "ix_biometric_templates_subject_system_subject_record_id",
        "biometric_templates",
        ["subject_system", "subject_record_id"],
    )
    op.create_index(
        "ix_biometric_templates_modality_format_label",
        "biometric_templates",
        ["modality", "format", "label"],
    )


def _create_system_records() -> None:
    op.create_table(
        "system_records",
        sa.Column("key", RECORD_KEY, nullable=False),
        sa.Column("system", sa.String(32), nullable=False),
        sa.Column("record_id", sa.String(64), nullable=False),
        sa.Column("identity_id", sa.String(64), nullable=False),
        sa.Column("surname", sa.String(200), nullable=False),
        sa.Column("given_names", sa.String(200), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column("sex", sa.String(1), nullable=True),
        sa.Column("nationalities", sa.String(200), nullable=False),
        sa.Column("name_key", sa.String(200), nullable=False),
        sa.Column("member_state", sa.String(3), nullable=False),
        sa.Column("created_at", INSTANT, nullable=False),
        sa.Column("updated_at", INSTANT, nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_system_records"),
    )
    for column in ("identity_id", "date_of_birth", "name_key"):
        op.create_index(f"ix_system_records_{column}", "system_records", [column])
    op.create_table(
        "record_documents",
        _record_key("record_documents"),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("issuing_state", sa.String(3), nullable=False),
        sa.Column("number", sa.String(64), nullable=False),
        sa.Column("state_key", sa.String(3), nullable=False),
        sa.Column("number_key", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("record_key", "position", name="pk_record_documents"),
    )
    op.create_index(
        "ix_record_documents_state_key_number_key",
        "record_documents",
        ["state_key", "number_key"],
    )
    op.create_table(
        "record_templates",
        _record_key("record_templates"),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("template_id", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("record_key", "position", name="pk_record_templates"),
    )


def _create_mid_links() -> None:
    op.create_table(
        "mid_links",
        sa.Column("link_id", sa.String(64), nullable=False),
        sa.Column("record_a", RECORD_KEY, nullable=False),
        sa.Column("record_b", RECORD_KEY, nullable=False),
        sa.Column("colour", sa.String(32), nullable=False),
        sa.Column("biometric", sa.String(32), nullable=False),
        sa.Column("biometric_score", sa.Float(), nullable=True),
        sa.Column("biometric_modality", sa.String(32), nullable=True),
        sa.Column("identity", sa.String(32), nullable=False),
        sa.Column("document", sa.String(32), nullable=False),
        sa.Column("responsible_system", sa.String(32), nullable=False),
        sa.Column("responsible_state", sa.String(3), nullable=False),
        sa.Column("created_at", INSTANT, nullable=False),
        sa.Column("verify_by", INSTANT, nullable=True),
        sa.Column("verified_at", INSTANT, nullable=True),
        sa.PrimaryKeyConstraint("link_id", name="pk_mid_links"),
    )
    for columns in (
        ["record_a"],
        ["record_b"],
        ["created_at"],
        ["colour", "verify_by"],
        ["colour", "created_at"],
    ):
        op.create_index(f"ix_mid_links_{'_'.join(columns)}", "mid_links", columns)
    op.create_table(
        "mid_link_changes",
        sa.Column(
            "link_id",
            sa.String(64),
            sa.ForeignKey(
                "mid_links.link_id",
                name="fk_mid_link_changes_link_id_mid_links",
                ondelete="CASCADE",
            ),
            nullable=False,
        ),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", INSTANT, nullable=False),
        sa.Column("changed_by", sa.String(200), nullable=False),
        sa.Column("authority", sa.String(200), nullable=False),
        sa.Column("colour", sa.String(32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("link_id", "seq", name="pk_mid_link_changes"),
    )


def downgrade() -> None:
    for table in (
        "mid_link_changes",
        "mid_links",
        "record_templates",
        "record_documents",
        "system_records",
        "biometric_templates",
    ):
        op.drop_table(table)
