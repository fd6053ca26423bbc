"""The hash-chained audit log in SQL; appends are serialised so the chain never forks."""

from collections.abc import Iterator

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from limes.audit.model import AuditEntry, AuditEvent
from limes.store.sql.code_lists import codes, ordered_text
from limes.store.sql.errors import translated_errors
from limes.store.sql.statements import FRESH
from limes.store.sql.tables import AuditLogRow

# pg_advisory_xact_lock key held from head() until commit or rollback: b"limesaud".
AUDIT_APPEND_LOCK = 0x6C696D6573617564
_STREAM_ROWS = 1000


class SqlAuditLog:
    def __init__(self, session: Session) -> None:
        self._session = session

    def head(self) -> AuditEntry | None:
        # PostgreSQL: a transaction-scoped advisory lock, so a second appender waits here
        # until this unit of work ends and then reads the new head. SQLite: the write
        # transaction already began with BEGIN IMMEDIATE and holds the database lock.
        if self._session.get_bind().dialect.name == "postgresql":
            self._session.execute(select(func.pg_advisory_xact_lock(AUDIT_APPEND_LOCK)))
        row = self._session.scalar(
            select(AuditLogRow).order_by(AuditLogRow.sequence.desc()).limit(1),
            execution_options=FRESH,
        )
        return None if row is None else _entry(row)

    def append(self, entry: AuditEntry) -> None:
        event = entry.event
        with translated_errors():
            self._session.execute(
                insert(AuditLogRow),
                [
                    {
                        "sequence": entry.sequence,
                        "at": event.at,
                        "actor": event.actor,
                        "roles": ordered_text(event.roles),
                        "action": event.action,
                        "subject": event.subject,
                        "purpose": event.purpose,
                        "outcome": event.outcome,
                        "previous_digest": entry.previous_digest,
                        "digest": entry.digest,
                    }
                ],
            )

    def entries(self, after_sequence: int = 0) -> Iterator[AuditEntry]:
        rows = self._session.scalars(
            select(AuditLogRow)
            .where(AuditLogRow.sequence > after_sequence)
            .order_by(AuditLogRow.sequence),
            execution_options=FRESH | {"yield_per": _STREAM_ROWS},
        )
        for row in rows:
            yield _entry(row)


def _entry(row: AuditLogRow) -> AuditEntry:
    return AuditEntry(
        sequence=row.sequence,
        event=AuditEvent(
            at=row.at,
            actor=row.actor,
            roles=codes(row.roles),
            action=row.action,
            subject=row.subject,
            purpose=row.purpose,
            outcome=row.outcome,
        ),
        previous_digest=row.previous_digest,
        digest=row.digest,
    )
