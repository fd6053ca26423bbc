"""The hash-chained audit log in SQL; appends are serialised so the chain never forks."""

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Row, bindparam, func, insert, select
from sqlalchemy.orm import Session

from limes.audit.model import AuditEntry, AuditEvent
from limes.store.sql.code_lists import codes, ordered_text
from limes.store.sql.errors import translated_errors
from limes.store.sql.tables import AuditLogRow, table_of

# pg_advisory_xact_lock key held from head() until commit or rollback: b"limesaud".
AUDIT_APPEND_LOCK = 0x6C696D6573617564
_STREAM_ROWS = 1000

_LOG = table_of(AuditLogRow)
_LOCK_APPENDS = select(func.pg_advisory_xact_lock(AUDIT_APPEND_LOCK))
_HEAD = select(_LOG).order_by(_LOG.c.sequence.desc()).limit(1)
_AFTER = (
    select(_LOG)
    .where(_LOG.c.sequence > bindparam("after_sequence"))
    .order_by(_LOG.c.sequence)
    .execution_options(yield_per=_STREAM_ROWS)
)
_APPEND = insert(_LOG)


class SqlAuditLog:
    def __init__(self, session: Session) -> None:
        self._session = session

    def head(self) -> AuditEntry | None:
        # PostgreSQL: a transaction-scoped advisory lock, so a second appender waits here
        # until this unit of work ends and then reads the new head. SQLite: the write
        # transaction already began with BEGIN IMMEDIATE and holds the database lock.
        if self._session.get_bind().dialect.name == "postgresql":
            self._session.execute(_LOCK_APPENDS)
        row = self._session.execute(_HEAD).one_or_none()
        return None if row is None else _entry(row)

    def append(self, entry: AuditEntry) -> None:
        event = entry.event
        values = {
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
        with translated_errors():
            self._session.execute(_APPEND, [values])

    def entries(self, after_sequence: int = 0) -> Iterator[AuditEntry]:
        for row in self._session.execute(_AFTER, {"after_sequence": after_sequence}):
            yield _entry(row)


def _entry(row: Row[Any]) -> AuditEntry:
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
