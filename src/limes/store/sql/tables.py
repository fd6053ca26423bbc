"""The EES tables. Rows are plain mapped classes that define the schema; the repositories
read and write them with Core statements on `table_of(Row)` and convert to domain records
explicitly, so no domain class is ever mapped.

Short lists of codes are kept as comma-separated text (`flags`, `roles`, `nationalities`):
they are read and written whole with their row, which saves a statement per row on the
hot path. Refusal reasons get their own table because statistics group by them.
Migrations in `store/migrations/versions/` must produce exactly this schema; a test
compares them.
"""

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from limes.store.sql.types import UtcDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ID = String(64)  # identifiers made by the service (UUID4 hex) or by an operator
STATE = String(3)  # ICAO / ISO 3166 alpha-3 code
CODE = String(32)  # enumeration values and short codes


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def table_of(row: type[Base]) -> Table:
    """The Core table behind a row class."""
    table = row.__table__
    assert isinstance(table, Table)
    return table


class BorderCrossingPointRow(Base):
    __tablename__ = "border_crossing_points"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(STATE)
    border_type: Mapped[str] = mapped_column(CODE)
    time_zone: Mapped[str] = mapped_column(String(64))


class TravellerFileRow(Base):
    __tablename__ = "traveller_files"

    file_id: Mapped[str] = mapped_column(ID, primary_key=True)
    surname: Mapped[str] = mapped_column(String(200))
    given_names: Mapped[str] = mapped_column(String(200))
    date_of_birth: Mapped[date] = mapped_column(Date)
    sex: Mapped[str] = mapped_column(String(1))
    # All nationalities in the order given ("SYR,TUR"); statistics count the first one.
    nationalities: Mapped[str] = mapped_column(String(200))
    nationality: Mapped[str | None] = mapped_column(STATE)
    facial_image_ref: Mapped[str | None] = mapped_column(String(200))
    fingerprint_ref: Mapped[str | None] = mapped_column(String(200))
    fingerprint_status: Mapped[str] = mapped_column(CODE)
    visa_required: Mapped[bool] = mapped_column(Boolean)
    family_member_of_eu_citizen: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    responsible_state: Mapped[str] = mapped_column(STATE)


class TravelDocumentRow(Base):
    """A document of a file; one document belongs to at most one file."""

    __tablename__ = "travel_documents"
    __table_args__ = (UniqueConstraint("issuing_state", "number"),)

    file_id: Mapped[str] = mapped_column(
        ForeignKey("traveller_files.file_id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    document_type: Mapped[str] = mapped_column(CODE)
    issuing_state: Mapped[str] = mapped_column(STATE)
    number: Mapped[str] = mapped_column(String(64))
    expiry: Mapped[date] = mapped_column(Date)


DOCUMENT_UNIQUE_CONSTRAINT = "uq_travel_documents_issuing_state_number"


class EntryExitRecordRow(Base):
    __tablename__ = "entry_exit_records"

    record_id: Mapped[str] = mapped_column(ID, primary_key=True)
    file_id: Mapped[str] = mapped_column(
        ForeignKey("traveller_files.file_id", ondelete="CASCADE"), index=True
    )
    document_issuing_state: Mapped[str] = mapped_column(STATE)
    document_number: Mapped[str] = mapped_column(String(64))
    entry_at: Mapped[datetime] = mapped_column(UtcDateTime)
    entry_day: Mapped[date] = mapped_column(Date, index=True)
    entry_bcp_code: Mapped[str] = mapped_column(String(16))
    entry_authority: Mapped[str] = mapped_column(String(200))
    authorised_stay_until: Mapped[date] = mapped_column(Date)
    visa_sticker: Mapped[str | None] = mapped_column(String(64))
    flags: Mapped[str] = mapped_column(String(200))
    exit_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    exit_day: Mapped[date | None] = mapped_column(Date, index=True)
    exit_bcp_code: Mapped[str | None] = mapped_column(String(16))
    exit_authority: Mapped[str | None] = mapped_column(String(200))
    exit_flags: Mapped[str] = mapped_column(String(200))
    overstay_flagged_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


_records = EntryExitRecordRow.__table__.c
_OPEN_NOT_FLAGGED = _records.exit_at.is_(None) & _records.overstay_flagged_at.is_(None)
_OPEN_FLAGGED = _records.exit_at.is_(None) & _records.overstay_flagged_at.is_not(None)
# Partial indexes: the daily overstay sweep reads only open, unflagged entries, and the
# overstayer list only flagged open ones; both stay small while the table grows.
Index(
    "ix_entry_exit_records_due_for_overstay_flag",
    _records.authorised_stay_until,
    sqlite_where=_OPEN_NOT_FLAGGED,
    postgresql_where=_OPEN_NOT_FLAGGED,
)
Index(
    "ix_entry_exit_records_overstayers",
    _records.authorised_stay_until,
    sqlite_where=_OPEN_FLAGGED,
    postgresql_where=_OPEN_FLAGGED,
)
Index(
    "ix_entry_exit_records_overstayers_by_bcp",
    _records.entry_bcp_code,
    _records.authorised_stay_until,
    sqlite_where=_OPEN_FLAGGED,
    postgresql_where=_OPEN_FLAGGED,
)


class StayDecisionRow(Base):
    __tablename__ = "stay_decisions"

    record_id: Mapped[str] = mapped_column(
        ForeignKey("entry_exit_records.record_id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    kind: Mapped[str] = mapped_column(CODE)
    decided_on: Mapped[date] = mapped_column(Date)
    authority: Mapped[str] = mapped_column(String(200))
    place: Mapped[str] = mapped_column(String(200))
    authorised_stay_until: Mapped[date | None] = mapped_column(Date)
    new_visa_sticker: Mapped[str | None] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)


class RefusalRecordRow(Base):
    __tablename__ = "refusal_records"

    record_id: Mapped[str] = mapped_column(ID, primary_key=True)
    file_id: Mapped[str] = mapped_column(
        ForeignKey("traveller_files.file_id", ondelete="CASCADE"), index=True
    )
    document_issuing_state: Mapped[str] = mapped_column(STATE)
    document_number: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    day: Mapped[date] = mapped_column(Date, index=True)
    bcp_code: Mapped[str] = mapped_column(String(16))
    authority: Mapped[str] = mapped_column(String(200))
    biometrics_refused: Mapped[bool] = mapped_column(Boolean)
    flags: Mapped[str] = mapped_column(String(200))


class RefusalReasonRow(Base):
    """One Annex V Part B reason of a refusal."""

    __tablename__ = "refusal_reasons"

    record_id: Mapped[str] = mapped_column(
        ForeignKey("refusal_records.record_id", ondelete="CASCADE"), primary_key=True
    )
    reason: Mapped[str] = mapped_column(String(1), primary_key=True)


class VisaRow(Base):
    __tablename__ = "visas"

    issuing_state: Mapped[str] = mapped_column(STATE, primary_key=True)
    sticker_number: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date] = mapped_column(Date)
    entries_allowed: Mapped[int | None] = mapped_column(SmallInteger)
    duration_of_stay_days: Mapped[int] = mapped_column(SmallInteger)
    limited_territorial_validity: Mapped[str] = mapped_column(String(200))  # "AUT,BEL"
    status: Mapped[str] = mapped_column(CODE)
    file_id: Mapped[str | None] = mapped_column(
        ForeignKey("traveller_files.file_id", ondelete="CASCADE"), index=True
    )


class RetentionRow(Base):
    __tablename__ = "retention_schedule"

    subject_kind: Mapped[str] = mapped_column(CODE, primary_key=True)
    subject_id: Mapped[str] = mapped_column(ID, primary_key=True)
    file_id: Mapped[str] = mapped_column(
        ForeignKey("traveller_files.file_id", ondelete="CASCADE"), index=True
    )
    erase_on: Mapped[date] = mapped_column(Date, index=True)
    warn_on: Mapped[date | None] = mapped_column(Date)
    warned_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


_retention = RetentionRow.__table__.c
Index(
    "ix_retention_schedule_warnings_due",
    _retention.warn_on,
    sqlite_where=_retention.warned_at.is_(None),
    postgresql_where=_retention.warned_at.is_(None),
)


class IdempotencyKeyRow(Base):
    __tablename__ = "idempotency_keys"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    request_digest: Mapped[str] = mapped_column(String(128))
    status_code: Mapped[int] = mapped_column(SmallInteger)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class AuditLogRow(Base):
    __tablename__ = "audit_log"

    sequence: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor: Mapped[str] = mapped_column(String(200))
    roles: Mapped[str] = mapped_column(String(200))  # in the event's order, comma-separated
    action: Mapped[str] = mapped_column(String(100))
    subject: Mapped[str] = mapped_column(String(200))
    purpose: Mapped[str] = mapped_column(String(200))
    outcome: Mapped[str] = mapped_column(String(100))
    previous_digest: Mapped[str] = mapped_column(String(64))
    digest: Mapped[str] = mapped_column(String(64))


class UserRow(Base):
    __tablename__ = "users"

    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    authority: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(STATE)
    active: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class UserRoleRow(Base):
    __tablename__ = "user_roles"

    user_name: Mapped[str] = mapped_column(
        ForeignKey("users.name", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(CODE, primary_key=True)


class ApiTokenRow(Base):
    __tablename__ = "api_tokens"

    token_id: Mapped[str] = mapped_column(ID, primary_key=True)
    user_name: Mapped[str] = mapped_column(ForeignKey("users.name", ondelete="CASCADE"), index=True)
    digest: Mapped[str] = mapped_column(String(128), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    revoked: Mapped[bool] = mapped_column(Boolean)


class DataSubjectRequestRow(Base):
    """A data-subject request; it outlives the file it is about (the answer is evidence)."""

    __tablename__ = "data_subject_requests"

    request_id: Mapped[str] = mapped_column(ID, primary_key=True)
    kind: Mapped[str] = mapped_column(CODE)
    file_id: Mapped[str] = mapped_column(ID, index=True)
    received_on: Mapped[date] = mapped_column(Date)
    received_by_state: Mapped[str] = mapped_column(STATE)
    responsible_state: Mapped[str] = mapped_column(STATE)
    answer_due_on: Mapped[date] = mapped_column(Date)
    forward_due_on: Mapped[date | None] = mapped_column(Date)
    check_due_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(CODE, index=True)
    forwarded_on: Mapped[date | None] = mapped_column(Date)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    outcome: Mapped[str] = mapped_column(Text)


# The sBMS, the CIR and the MID (Reg. 2019/817). Template subjects and link ends are record
# references without foreign keys: a template may be enrolled before its record is written,
# and the MID service erases a record's links itself (`Links.erase_for_record`) in the unit
# of work that erases the record.

RECORD_KEY = String(100)  # "SYSTEM:record_id", see `interop.model.record_key`
LABEL = BigInteger().with_variant(Integer(), "sqlite")  # SQLite autoincrements INTEGER only


class BiometricTemplateRow(Base):
    """An sBMS template. `label` is the dense key of the 1:N indexes; it is never reused."""

    __tablename__ = "biometric_templates"
    __table_args__ = (
        Index(
            "ix_biometric_templates_subject_system_subject_record_id",
            "subject_system",
            "subject_record_id",
        ),
        # Index rebuilds page through one modality and format in label order.
        Index("ix_biometric_templates_modality_format_label", "modality", "format", "label"),
        # AUTOINCREMENT: without it SQLite hands the label of an erased last row out again.
        {"sqlite_autoincrement": True},
    )

    label: Mapped[int] = mapped_column(LABEL, primary_key=True, autoincrement=True)
    template_id: Mapped[str] = mapped_column(ID, unique=True)
    subject_system: Mapped[str] = mapped_column(CODE)
    subject_record_id: Mapped[str] = mapped_column(ID)
    modality: Mapped[str] = mapped_column(CODE)
    format: Mapped[str] = mapped_column(CODE)
    model_version: Mapped[str] = mapped_column(String(100))
    finger_position: Mapped[int | None] = mapped_column(SmallInteger)
    quality: Mapped[int] = mapped_column(SmallInteger)
    capture_device: Mapped[str] = mapped_column(String(200))
    captured_at: Mapped[datetime] = mapped_column(UtcDateTime)
    enrolled_at: Mapped[datetime] = mapped_column(UtcDateTime)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class SystemRecordRow(Base):
    """A record of one EU system as the CIR holds it, with its blocking keys for the MID."""

    __tablename__ = "system_records"

    key: Mapped[str] = mapped_column(RECORD_KEY, primary_key=True)
    system: Mapped[str] = mapped_column(CODE)
    record_id: Mapped[str] = mapped_column(ID)
    identity_id: Mapped[str] = mapped_column(ID, index=True)
    surname: Mapped[str] = mapped_column(String(200))
    given_names: Mapped[str] = mapped_column(String(200))
    date_of_birth: Mapped[date | None] = mapped_column(Date, index=True)
    sex: Mapped[str | None] = mapped_column(String(1))
    nationalities: Mapped[str] = mapped_column(String(200))  # in the order given: "SYR,TUR"
    # The transliterated surname (`identity_comparison.name_key`), kept with the row so the
    # candidate search compares what the MID compares.
    name_key: Mapped[str] = mapped_column(String(200), index=True)
    member_state: Mapped[str] = mapped_column(STATE)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class RecordDocumentRow(Base):
    """A travel document of a record, as written and as compared (`document_key`).

    Unlike the EES, one document may appear in several records: finding those is the point.
    """

    __tablename__ = "record_documents"
    __table_args__ = (Index("ix_record_documents_state_key_number_key", "state_key", "number_key"),)

    record_key: Mapped[str] = mapped_column(
        ForeignKey("system_records.key", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    issuing_state: Mapped[str] = mapped_column(STATE)
    number: Mapped[str] = mapped_column(String(64))
    state_key: Mapped[str] = mapped_column(STATE)
    number_key: Mapped[str] = mapped_column(String(64))


class RecordTemplateRow(Base):
    """A reference from a record to one of its sBMS templates, in the record's order.

    A table rather than comma-separated text: template identifiers are free text, not codes.
    """

    __tablename__ = "record_templates"

    record_key: Mapped[str] = mapped_column(
        ForeignKey("system_records.key", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    template_id: Mapped[str] = mapped_column(ID)


class LinkRow(Base):
    """A MID link with its identity confirmation file's current state (art. 34)."""

    __tablename__ = "mid_links"
    __table_args__ = (
        # The verification queue: yellow links, earliest deadline first.
        Index("ix_mid_links_colour_verify_by", "colour", "verify_by"),
        # Links of one colour, and all links, in creation order.
        Index("ix_mid_links_colour_created_at", "colour", "created_at"),
        Index("ix_mid_links_created_at", "created_at"),
    )

    link_id: Mapped[str] = mapped_column(ID, primary_key=True)
    record_a: Mapped[str] = mapped_column(RECORD_KEY, index=True)
    record_b: Mapped[str] = mapped_column(RECORD_KEY, index=True)
    colour: Mapped[str] = mapped_column(CODE)
    biometric: Mapped[str] = mapped_column(CODE)
    biometric_score: Mapped[float | None] = mapped_column(Float)
    biometric_modality: Mapped[str | None] = mapped_column(CODE)
    identity: Mapped[str] = mapped_column(CODE)
    document: Mapped[str] = mapped_column(CODE)
    responsible_system: Mapped[str] = mapped_column(CODE)
    responsible_state: Mapped[str] = mapped_column(STATE)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    verify_by: Mapped[datetime | None] = mapped_column(UtcDateTime)
    verified_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class LinkChangeRow(Base):
    """One entry of a link's history, numbered from 0 in the order it happened."""

    __tablename__ = "mid_link_changes"

    link_id: Mapped[str] = mapped_column(
        ForeignKey("mid_links.link_id", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    changed_by: Mapped[str] = mapped_column(String(200))  # "by" is an SQL keyword
    authority: Mapped[str] = mapped_column(String(200))
    colour: Mapped[str] = mapped_column(CODE)
    reason: Mapped[str] = mapped_column(Text)


# Watchlists (Reg. 2018/1861, 2018/1862, 2018/1240 art. 34). Alerts and entries are never
# deleted by the service: withdrawal sets `withdrawn_at`. Names and documents of an alert
# or entry are child tables in the order given; documents keep the compared form
# (`watchlists.documents.document_key`) next to the written one, as `record_documents` does.

PARTIAL_DATE = String(10)  # ISO 8601, possibly partial: "1975", "1975-03", "1975-03-02"


class PersonAlertRow(Base):
    """An SIS alert on a person; `name_key` is the transliterated surname (art. 35 check)."""

    __tablename__ = "sis_person_alerts"
    __table_args__ = (
        Index("ix_sis_person_alerts_name_key_date_of_birth", "name_key", "date_of_birth"),
    )

    alert_id: Mapped[str] = mapped_column(ID, primary_key=True)
    issuing_state: Mapped[str] = mapped_column(STATE)
    category: Mapped[str] = mapped_column(CODE)
    surname: Mapped[str] = mapped_column(String(200))
    given_names: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200))
    date_of_birth: Mapped[str | None] = mapped_column(PARTIAL_DATE)
    sex: Mapped[str | None] = mapped_column(String(1))
    nationalities: Mapped[str] = mapped_column(String(200))  # in the order given: "SYR,TUR"
    action_to_take: Mapped[str] = mapped_column(CODE)
    valid_from: Mapped[datetime] = mapped_column(UtcDateTime)
    valid_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    withdrawal_reason: Mapped[str | None] = mapped_column(Text)


class PersonAlertNameRow(Base):
    """Another name (alias) of an SIS person alert."""

    __tablename__ = "sis_person_alert_names"

    alert_id: Mapped[str] = mapped_column(
        ForeignKey("sis_person_alerts.alert_id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))


class PersonAlertDocumentRow(Base):
    """A travel document of an SIS person alert."""

    __tablename__ = "sis_person_alert_documents"
    __table_args__ = (
        Index(
            "ix_sis_person_alert_documents_country_key_number_key",
            "country_key",
            "number_key",
        ),
    )

    alert_id: Mapped[str] = mapped_column(
        ForeignKey("sis_person_alerts.alert_id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    document_type: Mapped[str] = mapped_column(CODE)
    document_country: Mapped[str] = mapped_column(STATE)
    document_number: Mapped[str] = mapped_column(String(64))
    country_key: Mapped[str] = mapped_column(STATE)
    number_key: Mapped[str] = mapped_column(String(64))


class DocumentAlertRow(Base):
    """An alert on a travel document: SIS (Reg. 2018/1862 art. 38) or the SLTD-like list."""

    __tablename__ = "document_alerts"
    __table_args__ = (
        Index("ix_document_alerts_country_key_number_key", "country_key", "number_key"),
    )

    alert_id: Mapped[str] = mapped_column(ID, primary_key=True)
    source: Mapped[str] = mapped_column(CODE)
    issuing_state: Mapped[str] = mapped_column(STATE)
    document_type: Mapped[str] = mapped_column(CODE)
    document_country: Mapped[str] = mapped_column(STATE)
    document_number: Mapped[str] = mapped_column(String(64))
    country_key: Mapped[str] = mapped_column(STATE)
    number_key: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(CODE)
    action_to_take: Mapped[str] = mapped_column(CODE)
    valid_from: Mapped[datetime] = mapped_column(UtcDateTime)
    valid_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    withdrawal_reason: Mapped[str | None] = mapped_column(Text)


class WatchlistEntryRow(Base):
    """An ETIAS watchlist entry (Reg. 2018/1240 art. 34); most items are optional."""

    __tablename__ = "watchlist_entries"

    entry_id: Mapped[str] = mapped_column(ID, primary_key=True)
    entered_by: Mapped[str] = mapped_column(CODE)
    offence: Mapped[str] = mapped_column(CODE)
    surname: Mapped[str | None] = mapped_column(String(200))
    surname_at_birth: Mapped[str | None] = mapped_column(String(200))
    name_key: Mapped[str | None] = mapped_column(String(200))
    first_names: Mapped[str | None] = mapped_column(String(200))
    date_of_birth: Mapped[str | None] = mapped_column(PARTIAL_DATE)
    place_of_birth: Mapped[str | None] = mapped_column(String(200))
    country_of_birth: Mapped[str | None] = mapped_column(STATE)
    sex: Mapped[str | None] = mapped_column(String(1))
    nationalities: Mapped[str] = mapped_column(String(200))
    home_address: Mapped[str | None] = mapped_column(Text)
    email: Mapped[str | None] = mapped_column(String(320))
    phone: Mapped[str | None] = mapped_column(String(64))
    ip_address: Mapped[str | None] = mapped_column(String(64))
    organisation_name: Mapped[str | None] = mapped_column(String(200))
    organisation_email: Mapped[str | None] = mapped_column(String(320))
    organisation_address: Mapped[str | None] = mapped_column(Text)
    organisation_phone: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_reviewed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    withdrawal_reason: Mapped[str | None] = mapped_column(Text)


class WatchlistEntryNameRow(Base):
    """Another name (alias, artistic or usual name) of an ETIAS watchlist entry."""

    __tablename__ = "watchlist_entry_names"

    entry_id: Mapped[str] = mapped_column(
        ForeignKey("watchlist_entries.entry_id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))


class WatchlistEntryDocumentRow(Base):
    """A travel document of an ETIAS watchlist entry."""

    __tablename__ = "watchlist_entry_documents"
    __table_args__ = (
        Index("ix_watchlist_entry_documents_country_key_number_key", "country_key", "number_key"),
    )

    entry_id: Mapped[str] = mapped_column(
        ForeignKey("watchlist_entries.entry_id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    document_type: Mapped[str] = mapped_column(CODE)
    document_country: Mapped[str] = mapped_column(STATE)
    document_number: Mapped[str] = mapped_column(String(64))
    country_key: Mapped[str] = mapped_column(STATE)
    number_key: Mapped[str] = mapped_column(String(64))


# ETIAS (Reg. 2018/1240). An application file is one aggregate, read and written whole, so
# it is kept as one JSON document (`etias_codec`). Beside it sit the columns the queries of
# `etias.ports.Applications` filter and sort on, computed from the file on every write:
# they are never read back into the domain. Screening rules likewise, one row per version.

AUTHORISATION_NUMBER_CONSTRAINT = "uq_etias_application_files_authorisation_number"


class EtiasApplicationFileRow(Base):
    """An ETIAS application file (art. 19) as JSON, and the keys its queries need."""

    __tablename__ = "etias_application_files"
    __table_args__ = (
        # `all()` and every list of files: submission order, the id breaking ties.
        Index("ix_etias_application_files_submission", "submitted_at", "application_id"),
        Index("ix_etias_application_files_document", "document_country", "document_number_key"),
        # The queues: files in some statuses (of one National Unit), earliest deadline first.
        Index("ix_etias_application_files_queue", "status", "deadline"),
        Index("ix_etias_application_files_state_queue", "responsible_state", "status", "deadline"),
        # Valid authorisations on a day: the stored status, then the last valid day.
        Index(
            "ix_etias_application_files_authorisations",
            "authorisation_status",
            "authorisation_valid_until",
        ),
    )

    application_id: Mapped[str] = mapped_column(ID, primary_key=True)
    submitted_at: Mapped[datetime] = mapped_column(UtcDateTime)
    status: Mapped[str] = mapped_column(CODE)
    responsible_state: Mapped[str | None] = mapped_column(STATE)
    deadline: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # The travel document as `find_by_document` compares it: the issuing country as given,
    # the number by `core.documents.normalise_document_number`.
    document_country: Mapped[str] = mapped_column(STATE)
    document_number_key: Mapped[str] = mapped_column(String(64))
    email_key: Mapped[str] = mapped_column(String(320), index=True)  # `normalise_email`
    authorisation_number: Mapped[str | None] = mapped_column(ID, unique=True)
    authorisation_status: Mapped[str | None] = mapped_column(CODE)
    authorisation_valid_from: Mapped[date | None] = mapped_column(Date)
    authorisation_valid_until: Mapped[date | None] = mapped_column(Date)
    file_json: Mapped[str] = mapped_column(Text)


class EtiasScreeningRuleRow(Base):
    """One version of an ETIAS screening rule (art. 33) as JSON; versions count from 1."""

    __tablename__ = "etias_screening_rules"

    rule_id: Mapped[str] = mapped_column(ID, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    active: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    rule_json: Mapped[str] = mapped_column(Text)
