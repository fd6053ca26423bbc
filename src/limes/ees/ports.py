"""What the EES service needs from a store: repositories inside one unit of work.

Repositories never commit; the service calls `commit()` once per use case. Leaving the
`with` block without `commit()` rolls everything back, so a failed request leaves no
half-written record. `store/memory.py` and `store/sql/` implement these protocols.
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from limes.access.model import ApiToken, User
from limes.audit.model import AuditEntry
from limes.core.transaction import Transaction
from limes.ees.data_subject import DataSubjectRequest
from limes.ees.model import (
    BorderCrossingPoint,
    DocumentKey,
    EntryExitRecord,
    RefusalRecord,
    TravellerFile,
    TravellerHistory,
    VisaRecord,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class RetentionItem:
    """When a file or a record is due for erasure (EESR art. 34), and when to warn first."""

    subject_kind: str  # "file", "entry", "refusal"
    subject_id: str
    file_id: str
    erase_on: date
    warn_on: date | None = None  # art. 34(3): three months before erasing overstayer data


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredResponse:
    """The outcome kept under an idempotency key, replayed on a retry."""

    key: str
    request_digest: str
    status_code: int
    body: str  # JSON
    created_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class OverstayerRow:
    record: EntryExitRecord
    file: TravellerFile


@dataclass(frozen=True, slots=True, kw_only=True)
class StatisticsRow:
    """One aggregated cell: dimension values and a count; never identifying data."""

    dimensions: tuple[tuple[str, str], ...]
    count: int


class TravellerFiles(Protocol):
    def add(self, file: TravellerFile) -> None:
        """Insert a new file and its documents; raises DocumentConflictError on a taken document."""

    def save(self, file: TravellerFile) -> None:
        """Replace the identity, documents, biometrics and flags of an existing file."""

    def get(self, file_id: str) -> TravellerFile | None: ...

    def find_by_document(self, key: DocumentKey) -> TravellerFile | None: ...

    def history(self, file_id: str) -> TravellerHistory | None:
        """The file with its entries, refusals and visas, oldest first."""

    def erase(self, file_id: str) -> None:
        """Erase the file and everything attached: documents, records, visas, biometric refs."""

    def count(self) -> int: ...


class Records(Protocol):
    def add_entry(self, record: EntryExitRecord) -> None: ...

    def save_entry(self, record: EntryExitRecord) -> None:
        """Replace exit, flags, overstay flag and decisions of an existing entry record."""

    def get_entry(self, record_id: str) -> EntryExitRecord | None: ...

    def add_refusal(self, record: RefusalRecord) -> None: ...

    def erase_entry(self, record_id: str) -> None: ...

    def erase_refusal(self, record_id: str) -> None: ...

    def due_for_overstay_flag(self, on: date, limit: int) -> Sequence[EntryExitRecord]:
        """Open, not yet flagged entries whose authorised stay ended before `on` (art. 12)."""

    def overstayers(
        self, *, nationality: str | None, bcp_code: str | None, limit: int, offset: int
    ) -> Sequence[OverstayerRow]:
        """Flagged open entries, oldest authorised-stay end first."""

    def statistics(
        self, *, dimensions: Sequence[str], from_day: date, to_day: date, kind: str
    ) -> Sequence[StatisticsRow]:
        """Counts of `kind` ("entry", "exit", "refusal", "overstayer") grouped by dimensions.

        Dimensions: nationality, sex, year_of_birth, bcp, border_type, document_type,
        document_issuing_state, visa_issuing_state, refusal_reason, fingerprint_status.
        """


class Visas(Protocol):
    def add(self, visa: VisaRecord) -> None: ...

    def save(self, visa: VisaRecord) -> None: ...

    def get(self, issuing_state: str, sticker_number: str) -> VisaRecord | None: ...


class BorderCrossingPoints(Protocol):
    def add(self, bcp: BorderCrossingPoint) -> None: ...

    def get(self, code: str) -> BorderCrossingPoint | None: ...

    def list(self) -> Sequence[BorderCrossingPoint]: ...


class Retention(Protocol):
    def schedule(self, file_id: str, items: Sequence[RetentionItem]) -> None:
        """Replace the retention plan of one file with `items`."""

    def due(self, on: date, limit: int) -> Sequence[RetentionItem]:
        """Items whose `erase_on` is on or before `on`."""

    def warnings_due(self, on: date, limit: int) -> Sequence[RetentionItem]:
        """Items whose `warn_on` is on or before `on` and not yet warned about."""

    def mark_warned(self, item: RetentionItem, at: datetime) -> None: ...


class IdempotencyKeys(Protocol):
    def get(self, key: str) -> StoredResponse | None: ...

    def put(self, response: StoredResponse) -> None: ...


class AuditLog(Protocol):
    def head(self) -> AuditEntry | None:
        """The newest entry, locked against concurrent appends until commit."""

    def append(self, entry: AuditEntry) -> None: ...

    def entries(self, after_sequence: int = 0) -> Iterator[AuditEntry]:
        """All entries in sequence order, streamed."""


class Users(Protocol):
    def add(self, user: User) -> None: ...

    def get(self, name: str) -> User | None: ...

    def add_token(self, token: ApiToken) -> None: ...

    def find_token(self, digest: str) -> ApiToken | None: ...


class DataSubjectRequests(Protocol):
    def add(self, request: DataSubjectRequest) -> None: ...

    def save(self, request: DataSubjectRequest) -> None: ...

    def get(self, request_id: str) -> DataSubjectRequest | None: ...

    def list_open(self, limit: int) -> Sequence[DataSubjectRequest]: ...


class UnitOfWork(Transaction, Protocol):
    traveller_files: TravellerFiles
    records: Records
    visas: Visas
    border_crossing_points: BorderCrossingPoints
    retention: Retention
    idempotency_keys: IdempotencyKeys
    audit_log: AuditLog
    users: Users
    data_subject_requests: DataSubjectRequests
