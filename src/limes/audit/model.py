"""Audit log entries: who read or wrote whose data, when, and why; hash-chained."""

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditEvent:
    """What to log, before it is sealed into the chain. Never holds names or document numbers."""

    at: datetime
    actor: str
    roles: tuple[str, ...]
    action: str  # e.g. "ees.entry.register", "ees.traveller.read"
    subject: str  # file or record identifier, or "" for statistics and lists
    purpose: str
    outcome: str = "ok"


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditEntry:
    """A sealed event: `digest` = SHA-256 over the event's canonical form and `previous_digest`."""

    sequence: int
    event: AuditEvent
    previous_digest: str
    digest: str
