"""The hash chain: each entry's digest covers the event and the previous digest.

Changing, removing or reordering any entry changes every digest after it, so
`verify_chain` finds the first entry that no longer fits.
"""

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from limes.audit.model import AuditEntry, AuditEvent
from limes.core.time import require_aware

GENESIS_DIGEST: Final = "0" * 64


def canonical_form(sequence: int, event: AuditEvent, previous_digest: str) -> bytes:
    """The bytes the digest is computed over: sorted-key JSON, UTC instant in ISO 8601."""
    payload = {
        "sequence": sequence,
        # The instant, not its offset: a store may hand it back in another zone (UTC).
        "at": require_aware(event.at).isoformat(),
        "actor": event.actor,
        "roles": list(event.roles),
        "action": event.action,
        "subject": event.subject,
        "purpose": event.purpose,
        "outcome": event.outcome,
        "previous_digest": previous_digest,
    }
    return json.dumps(payload, sort_keys=True, separators=(",", ":")).encode()


def seal(event: AuditEvent, head: AuditEntry | None) -> AuditEntry:
    """The entry that follows `head` (or starts the chain) for `event`."""
    sequence = 1 if head is None else head.sequence + 1
    previous = GENESIS_DIGEST if head is None else head.digest
    digest = hashlib.sha256(canonical_form(sequence, event, previous)).hexdigest()
    return AuditEntry(sequence=sequence, event=event, previous_digest=previous, digest=digest)


@dataclass(frozen=True, slots=True, kw_only=True)
class ChainVerdict:
    """Whether the chain is intact; if not, the first sequence number that breaks it and why."""

    intact: bool
    entries_checked: int
    head_digest: str
    broken_at: int | None = None
    problem: str = ""


def verify_chain(entries: Iterable[AuditEntry]) -> ChainVerdict:
    """Check sequence continuity, links and digests from the first entry on."""
    expected_sequence = 1
    previous = GENESIS_DIGEST
    checked = 0
    for entry in entries:
        problem = ""
        if entry.sequence != expected_sequence:
            problem = f"sequence {entry.sequence} where {expected_sequence} was expected"
        elif entry.previous_digest != previous:
            problem = "link to the previous entry does not match"
        elif (
            hashlib.sha256(canonical_form(entry.sequence, entry.event, previous)).hexdigest()
            != entry.digest
        ):
            problem = "digest does not match the entry's content"
        if problem:
            return ChainVerdict(
                intact=False,
                entries_checked=checked,
                head_digest=previous,
                broken_at=expected_sequence,
                problem=problem,
            )
        checked += 1
        expected_sequence += 1
        previous = entry.digest
    return ChainVerdict(intact=True, entries_checked=checked, head_digest=previous)
