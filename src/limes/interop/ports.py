"""What the interoperability services need from a store. Repositories never commit."""

from collections.abc import Sequence
from datetime import date
from typing import Protocol

from limes.biometrics.ports import Templates
from limes.core.transaction import Transaction
from limes.ees.ports import AuditLog
from limes.interop.model import Link, LinkColour, System, SystemRecord, TravelDocument


class SystemRecords(Protocol):
    """The CIR (and, for SIS alerts, the MID's view of them): records by system and id."""

    def add(self, record: SystemRecord) -> None:
        """Insert; raises DuplicateRecordError when the key is taken."""

    def save(self, record: SystemRecord) -> None:
        """Replace identity data, documents, templates, identity and `updated_at`."""

    def get(self, key: str) -> SystemRecord | None: ...

    def find_by_document(self, document: TravelDocument) -> Sequence[SystemRecord]:
        """Records holding this document (state and number compared as `document_key`)."""

    def find_by_identity(
        self, *, name_key: str, date_of_birth: date | None, limit: int
    ) -> Sequence[SystemRecord]:
        """Candidates sharing the transliterated surname or the date of birth (blocking)."""

    def of_identity(self, identity_id: str) -> Sequence[SystemRecord]: ...

    def move_identity(self, from_identity: str, to_identity: str) -> int:
        """Re-point every record of one identity to another (a white link merges them)."""

    def erase(self, key: str) -> None: ...

    def count(self, system: System | None = None) -> int: ...


class Links(Protocol):
    def add(self, link: Link) -> None: ...

    def save(self, link: Link) -> None:
        """Replace colour, deadline, verification date and history."""

    def get(self, link_id: str) -> Link | None: ...

    def for_record(self, key: str) -> Sequence[Link]:
        """Links with this record on either side."""

    def queue(
        self, *, system: System | None, state: str | None, limit: int, offset: int
    ) -> Sequence[Link]:
        """Yellow links awaiting verification, earliest deadline first."""

    def all(self, *, colour: LinkColour | None, limit: int, offset: int) -> Sequence[Link]:
        """Links in creation order, for statistics and audits."""

    def erase_for_record(self, key: str) -> int: ...


class InteropUnitOfWork(Transaction, Protocol):
    system_records: SystemRecords
    links: Links
    biometric_templates: Templates
    audit_log: AuditLog
