"""Append an audit event to the chain inside the caller's unit of work."""

from datetime import datetime

from limes.access.model import Actor
from limes.audit.chain import seal
from limes.audit.model import AuditEntry, AuditEvent
from limes.ees.ports import AuditLog


def record_event(
    audit_log: AuditLog,
    actor: Actor,
    action: str,
    subject: str,
    at: datetime,
    outcome: str = "ok",
) -> AuditEntry:
    """Seal who did what to which file or record, when and why; committed with the data."""
    event = AuditEvent(
        at=at,
        actor=actor.user_name,
        roles=tuple(sorted(actor.roles)),
        action=action,
        subject=subject,
        purpose=actor.purpose,
        outcome=outcome,
    )
    entry = seal(event, audit_log.head())
    audit_log.append(entry)
    return entry
