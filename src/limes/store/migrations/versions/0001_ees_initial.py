"""EES initial schema: files, documents, records, visas, retention, audit, access.

Revision ID: 0001_ees_initial
Revises:
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001_ees_initial"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INSTANT = sa.DateTime(timezone=True)
OPEN_NOT_FLAGGED = "exit_at IS NULL AND overstay_flagged_at IS NULL"
OPEN_FLAGGED = "exit_at IS NULL AND overstay_flagged_at IS NOT NULL"


def _file_id(table: str, *, nullable: bool = False, primary_key: bool = False) -> sa.Column[str]:
    return sa.Column(
        "file_id",
        sa.String(64),
        sa.ForeignKey(
            "traveller_files.file_id",
            name=f"fk_{table}_file_id_traveller_files",
            ondelete="CASCADE",
        ),
        nullable=nullable,
        primary_key=primary_key,
    )


def upgrade() -> None:
    op.create_table(
        "border_crossing_points",
        sa.Column("code", sa.String(16), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("state", sa.String(3), nullable=False),
        sa.Column("border_type", sa.String(32), nullable=False),
        sa.Column("time_zone", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("code", name="pk_border_crossing_points"),
    )
    op.create_table(
        "traveller_files",
        sa.Column("file_id", sa.String(64), nullable=False),
        sa.Column("surname", sa.String(200), nullable=False),
        sa.Column("given_names", sa.String(200), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=False),
        sa.Column("sex", sa.String(1), nullable=False),
        sa.Column("nationalities", sa.String(200), nullable=False),
        sa.Column("nationality", sa.String(3), nullable=True),
        sa.Column("facial_image_ref", sa.String(200), nullable=True),
        sa.Column("fingerprint_ref", sa.String(200), nullable=True),
        sa.Column("fingerprint_status", sa.String(32), nullable=False),
        sa.Column("visa_required", sa.Boolean(), nullable=False),
        sa.Column("family_member_of_eu_citizen", sa.Boolean(), nullable=False),
        sa.Column("created_at", INSTANT, nullable=False),
        sa.Column("responsible_state", sa.String(3), nullable=False),
        sa.PrimaryKeyConstraint("file_id", name="pk_traveller_files"),
    )
    op.create_table(
        "travel_documents",
        _file_id("travel_documents"),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("document_type", sa.String(32), nullable=False),
        sa.Column("issuing_state", sa.String(3), nullable=False),
        sa.Column("number", sa.String(64), nullable=False),
        sa.Column("expiry", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("file_id", "position", name="pk_travel_documents"),
        sa.UniqueConstraint(
            "issuing_state", "number", name="uq_travel_documents_issuing_state_number"
        ),
    )
    _create_records()
    _create_visas_and_retention()
    _create_audit_and_access()


def _create_records() -> None:
    op.create_table(
        "entry_exit_records",
        sa.Column("record_id", sa.String(64), nullable=False),
        _file_id("entry_exit_records"),
        sa.Column("document_issuing_state", sa.String(3), nullable=False),
        sa.Column("document_number", sa.String(64), nullable=False),
        sa.Column("entry_at", INSTANT, nullable=False),
        sa.Column("entry_day", sa.Date(), nullable=False),
        sa.Column("entry_bcp_code", sa.String(16), nullable=False),
        sa.Column("entry_authority", sa.String(200), nullable=False),
        sa.Column("authorised_stay_until", sa.Date(), nullable=False),
        sa.Column("visa_sticker", sa.String(64), nullable=True),
        sa.Column("flags", sa.String(200), nullable=False),
        sa.Column("exit_at", INSTANT, nullable=True),
        sa.Column("exit_day", sa.Date(), nullable=True),
        sa.Column("exit_bcp_code", sa.String(16), nullable=True),
        sa.Column("exit_authority", sa.String(200), nullable=True),
        sa.Column("exit_flags", sa.String(200), nullable=False),
        sa.Column("overstay_flagged_at", INSTANT, nullable=True),
        sa.PrimaryKeyConstraint("record_id", name="pk_entry_exit_records"),
    )
    op.create_index("ix_entry_exit_records_file_id", "entry_exit_records", ["file_id"])
    op.create_index("ix_entry_exit_records_entry_day", "entry_exit_records", ["entry_day"])
    op.create_index("ix_entry_exit_records_exit_day", "entry_exit_records", ["exit_day"])
    op.create_index(
        "ix_entry_exit_records_due_for_overstay_flag",
        "entry_exit_records",
        ["authorised_stay_until"],
        sqlite_where=sa.text(OPEN_NOT_FLAGGED),
        postgresql_where=sa.text(OPEN_NOT_FLAGGED),
    )
    op.create_index(
        "ix_entry_exit_records_overstayers",
        "entry_exit_records",
        ["authorised_stay_until"],
        sqlite_where=sa.text(OPEN_FLAGGED),
        postgresql_where=sa.text(OPEN_FLAGGED),
    )
    op.create_index(
        "ix_entry_exit_records_overstayers_by_bcp",
        "entry_exit_records",
        ["entry_bcp_code", "authorised_stay_until"],
        sqlite_where=sa.text(OPEN_FLAGGED),
        postgresql_where=sa.text(OPEN_FLAGGED),
    )
    op.create_table(
        "stay_decisions",
        sa.Column(
            "record_id",
            sa.String(64),
            sa.ForeignKey(
                "entry_exit_records.record_id",
                name="fk_stay_decisions_record_id_entry_exit_records",
                ondelete="CASCADE",
            ),
            nullable=False,
        ),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("authority", sa.String(200), nullable=False),
        sa.Column("place", sa.String(200), nullable=False),
        sa.Column("authorised_stay_until", sa.Date(), nullable=True),
        sa.Column("new_visa_sticker", sa.String(64), nullable=True),
        sa.Column("recorded_at", INSTANT, nullable=False),
        sa.PrimaryKeyConstraint("record_id", "position", name="pk_stay_decisions"),
    )
    op.create_table(
        "refusal_records",
        sa.Column("record_id", sa.String(64), nullable=False),
        _file_id("refusal_records"),
        sa.Column("document_issuing_state", sa.String(3), nullable=False),
        sa.Column("document_number", sa.String(64), nullable=False),
        sa.Column("at", INSTANT, nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("bcp_code", sa.String(16), nullable=False),
        sa.Column("authority", sa.String(200), nullable=False),
        sa.Column("biometrics_refused", sa.Boolean(), nullable=False),
        sa.Column("flags", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("record_id", name="pk_refusal_records"),
    )
    op.create_index("ix_refusal_records_file_id", "refusal_records", ["file_id"])
    op.create_index("ix_refusal_records_day", "refusal_records", ["day"])
    op.create_table(
        "refusal_reasons",
        sa.Column(
            "record_id",
            sa.String(64),
            sa.ForeignKey(
                "refusal_records.record_id",
                name="fk_refusal_reasons_record_id_refusal_records",
                ondelete="CASCADE",
            ),
            nullable=False,
        ),
        sa.Column("reason", sa.String(1), nullable=False),
        sa.PrimaryKeyConstraint("record_id", "reason", name="pk_refusal_reasons"),
    )


def _create_visas_and_retention() -> None:
    op.create_table(
        "visas",
        sa.Column("issuing_state", sa.String(3), nullable=False),
        sa.Column("sticker_number", sa.String(64), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=False),
        sa.Column("entries_allowed", sa.SmallInteger(), nullable=True),
        sa.Column("duration_of_stay_days", sa.SmallInteger(), nullable=False),
        sa.Column("limited_territorial_validity", sa.String(200), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        _file_id("visas", nullable=True),
        sa.PrimaryKeyConstraint("issuing_state", "sticker_number", name="pk_visas"),
    )
    op.create_index("ix_visas_sticker_number", "visas", ["sticker_number"])
    op.create_index("ix_visas_file_id", "visas", ["file_id"])
    op.create_table(
        "retention_schedule",
        sa.Column("subject_kind", sa.String(32), nullable=False),
        sa.Column("subject_id", sa.String(64), nullable=False),
        _file_id("retention_schedule"),
        sa.Column("erase_on", sa.Date(), nullable=False),
        sa.Column("warn_on", sa.Date(), nullable=True),
        sa.Column("warned_at", INSTANT, nullable=True),
        sa.PrimaryKeyConstraint("subject_kind", "subject_id", name="pk_retention_schedule"),
    )
    op.create_index("ix_retention_schedule_file_id", "retention_schedule", ["file_id"])
    op.create_index("ix_retention_schedule_erase_on", "retention_schedule", ["erase_on"])
    op.create_index(
        "ix_retention_schedule_warnings_due",
        "retention_schedule",
        ["warn_on"],
        sqlite_where=sa.text("warned_at IS NULL"),
        postgresql_where=sa.text("warned_at IS NULL"),
    )
    op.create_table(
        "idempotency_keys",
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("request_digest", sa.String(128), nullable=False),
        sa.Column("status_code", sa.SmallInteger(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", INSTANT, nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_idempotency_keys"),
    )


def _create_audit_and_access() -> None:
    op.create_table(
        "audit_log",
        sa.Column("sequence", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("at", INSTANT, nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("roles", sa.String(200), nullable=False),
        sa.Column("action", sa.String(100), nullable=False),
        sa.Column("subject", sa.String(200), nullable=False),
        sa.Column("purpose", sa.String(200), nullable=False),
        sa.Column("outcome", sa.String(100), nullable=False),
        sa.Column("previous_digest", sa.String(64), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("sequence", name="pk_audit_log"),
    )
    op.create_table(
        "users",
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("authority", sa.String(200), nullable=False),
        sa.Column("state", sa.String(3), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", INSTANT, nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_users"),
    )
    op.create_table(
        "user_roles",
        sa.Column(
            "user_name",
            sa.String(200),
            sa.ForeignKey("users.name", name="fk_user_roles_user_name_users", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("role", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("user_name", "role", name="pk_user_roles"),
    )
    op.create_table(
        "api_tokens",
        sa.Column("token_id", sa.String(64), nullable=False),
        sa.Column(
            "user_name",
            sa.String(200),
            sa.ForeignKey("users.name", name="fk_api_tokens_user_name_users", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("digest", sa.String(128), nullable=False),
        sa.Column("created_at", INSTANT, nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("token_id", name="pk_api_tokens"),
        sa.UniqueConstraint("digest", name="uq_api_tokens_digest"),
    )
    op.create_index("ix_api_tokens_user_name", "api_tokens", ["user_name"])
    op.create_table(
        "data_subject_requests",
        sa.Column("request_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("file_id", sa.String(64), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("received_by_state", sa.String(3), nullable=False),
        sa.Column("responsible_state", sa.String(3), nullable=False),
        sa.Column("answer_due_on", sa.Date(), nullable=False),
        sa.Column("forward_due_on", sa.Date(), nullable=True),
        sa.Column("check_due_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("forwarded_on", sa.Date(), nullable=True),
        sa.Column("closed_at", INSTANT, nullable=True),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("request_id", name="pk_data_subject_requests"),
    )
    op.create_index("ix_data_subject_requests_file_id", "data_subject_requests", ["file_id"])
    op.create_index("ix_data_subject_requests_status", "data_subject_requests", ["status"])


def downgrade() -> None:
    for table in (
        "data_subject_requests",
        "api_tokens",
        "user_roles",
        "users",
        "audit_log",
        "idempotency_keys",
        "retention_schedule",
        "visas",
        "refusal_reasons",
        "refusal_records",
        "stay_decisions",
        "entry_exit_records",
        "travel_documents",
        "traveller_files",
        "border_crossing_points",
    ):
        op.drop_table(table)
