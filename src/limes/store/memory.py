"""The EES store in memory: for tests, the simulator and demos.

It behaves like the SQL store (the contract tests in tests/store/ run on both). A unit of
work holds the store's lock from `with` to exit, as a SQLite writer holds the database:
one unit of work at a time, so `AuditLog.head()` is locked for free. Changes are staged
beside the committed data and applied only on `commit()`.
"""

import threading
from collections import Counter
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import Enum
from itertools import product
from types import TracebackType
from typing import Generic, Self, TypeVar

from limes.access.model import ApiToken, User
from limes.audit.model import AuditEntry
from limes.ees.data_subject import DataSubjectRequest
from limes.ees.errors import (
    DocumentConflictError,
    IdempotencyKeyReusedError,
    InvalidRecordError,
    RecordNotFoundError,
    TravellerNotFoundError,
    UnknownVisaError,
)
from limes.ees.model import (
    BorderCrossingPoint,
    DocumentKey,
    EntryExitRecord,
    RefusalRecord,
    TravellerFile,
    TravellerHistory,
    VisaRecord,
)
from limes.ees.ports import (
    AuditLog,
    BorderCrossingPoints,
    DataSubjectRequests,
    IdempotencyKeys,
    OverstayerRow,
    Records,
    Retention,
    RetentionItem,
    StatisticsRow,
    StoredResponse,
    TravellerFiles,
    Users,
    Visas,
)
from limes.store.statistics import NO_VISA, UNKNOWN, check_request


class _Deleted(Enum):
    MARK = "deleted"


K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class _Table(Generic[K, V]):
    """A committed dict seen through the staged changes of one unit of work."""

    def __init__(self, committed: dict[K, V]) -> None:
        self._committed = committed
        self._changes: dict[K, V | _Deleted] = {}

    def get(self, key: K) -> V | None:
        value = self._changes.get(key, self._committed.get(key))
        return None if value is _Deleted.MARK else value

    def __contains__(self, key: K) -> bool:
        return self.get(key) is not None

    def put(self, key: K, value: V) -> None:
        self._changes[key] = value

    def delete(self, key: K) -> None:
        self._changes[key] = _Deleted.MARK

    def values(self) -> Iterator[V]:
        for key, value in self._committed.items():
            if key not in self._changes:
                yield value
        for change in self._changes.values():
            if not isinstance(change, _Deleted):
                yield change

    def apply(self) -> None:
        for key, value in self._changes.items():
            if isinstance(value, _Deleted):
                self._committed.pop(key, None)
            else:
                self._committed[key] = value
        self._changes.clear()

    def discard(self) -> None:
        self._changes.clear()


@dataclass(frozen=True, slots=True)
class _Planned:
    item: RetentionItem
    warned_at: datetime | None = None


@dataclass(slots=True)
class _Committed:
    """The committed data; the `*_by_file` tables are indexes kept beside it."""

    bcps: dict[str, BorderCrossingPoint] = field(default_factory=dict)
    files: dict[str, TravellerFile] = field(default_factory=dict)
    documents: dict[DocumentKey, str] = field(default_factory=dict)
    entries: dict[str, EntryExitRecord] = field(default_factory=dict)
    entries_by_file: dict[str, frozenset[str]] = field(default_factory=dict)
    refusals: dict[str, RefusalRecord] = field(default_factory=dict)
    refusals_by_file: dict[str, frozenset[str]] = field(default_factory=dict)
    visas: dict[tuple[str, str], VisaRecord] = field(default_factory=dict)
    visas_by_file: dict[str, frozenset[tuple[str, str]]] = field(default_factory=dict)
    retention: dict[tuple[str, str], _Planned] = field(default_factory=dict)
    retention_by_file: dict[str, frozenset[tuple[str, str]]] = field(default_factory=dict)
    idempotency_keys: dict[str, StoredResponse] = field(default_factory=dict)
    audit_log: dict[int, AuditEntry] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    tokens: dict[str, ApiToken] = field(default_factory=dict)  # by digest
    token_ids: dict[str, str] = field(default_factory=dict)  # token id -> digest
    requests: dict[str, DataSubjectRequest] = field(default_factory=dict)


class MemoryStore:
    """All EES data in dictionaries, shared by the units of work made on it."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.committed = _Committed()


class _Staged:
    """Every table of the store, as one unit of work sees it."""

    def __init__(self, committed: _Committed) -> None:
        self.bcps = _Table(committed.bcps)
        self.files = _Table(committed.files)
        self.documents = _Table(committed.documents)
        self.entries = _Table(committed.entries)
        self.entries_by_file = _Table(committed.entries_by_file)
        self.refusals = _Table(committed.refusals)
        self.refusals_by_file = _Table(committed.refusals_by_file)
        self.visas = _Table(committed.visas)
        self.visas_by_file = _Table(committed.visas_by_file)
        self.retention = _Table(committed.retention)
        self.retention_by_file = _Table(committed.retention_by_file)
        self.idempotency_keys = _Table(committed.idempotency_keys)
        self.audit_log = _Table(committed.audit_log)
        self.users = _Table(committed.users)
        self.tokens = _Table(committed.tokens)
        self.token_ids = _Table(committed.token_ids)
        self.requests = _Table(committed.requests)

    def tables(self) -> tuple[_Table[Hashable, object], ...]:
        return tuple(vars(self).values())


def _link(index: _Table[str, frozenset[K]], owner: str, key: K) -> None:
    index.put(owner, (index.get(owner) or frozenset()) | {key})


def _unlink(index: _Table[str, frozenset[K]], owner: str, key: K) -> None:
    index.put(owner, (index.get(owner) or frozenset()) - {key})


class _TravellerFiles:
    def __init__(self, data: _Staged) -> None:
        self._data = data

    def add(self, file: TravellerFile) -> None:
        self._refuse_taken_documents(file)
        if file.file_id in self._data.files:
            raise InvalidRecordError("an individual file with this identifier exists")
        self._put(file)

    def save(self, file: TravellerFile) -> None:
        self._refuse_taken_documents(file)
        old = self._data.files.get(file.file_id)
        if old is None:
            raise TravellerNotFoundError("no individual file with this identifier")
        for document in old.documents:
            self._data.documents.delete(document.key)
        self._put(file)

    def get(self, file_id: str) -> TravellerFile | None:
        return self._data.files.get(file_id)

    def find_by_document(self, key: DocumentKey) -> TravellerFile | None:
        file_id = self._data.documents.get(key)
        return None if file_id is None else self._data.files.get(file_id)

    def history(self, file_id: str) -> TravellerHistory | None:
        file = self._data.files.get(file_id)
        if file is None:
            return None
        entries = _present(self._data.entries, self._data.entries_by_file.get(file_id))
        refusals = _present(self._data.refusals, self._data.refusals_by_file.get(file_id))
        visas = _present(self._data.visas, self._data.visas_by_file.get(file_id))
        return TravellerHistory(
            file=file,
            entries=tuple(sorted(entries, key=lambda entry: (entry.entry.at, entry.record_id))),
            refusals=tuple(
                sorted(refusals, key=lambda refusal: (refusal.crossing.at, refusal.record_id))
            ),
            visas=tuple(
                sorted(
                    visas,
                    key=lambda visa: (visa.valid_from, visa.issuing_state, visa.sticker_number),
                )
            ),
        )

    def erase(self, file_id: str) -> None:
        data = self._data
        file = data.files.get(file_id)
        if file is None:
            return
        for document in file.documents:
            data.documents.delete(document.key)
        for record_id in data.entries_by_file.get(file_id) or ():
            data.entries.delete(record_id)
        for record_id in data.refusals_by_file.get(file_id) or ():
            data.refusals.delete(record_id)
        for visa_key in data.visas_by_file.get(file_id) or ():
            data.visas.delete(visa_key)
        for subject in data.retention_by_file.get(file_id) or ():
            data.retention.delete(subject)
        for index in (
            data.entries_by_file,
            data.refusals_by_file,
            data.visas_by_file,
            data.retention_by_file,
        ):
            index.delete(file_id)
        data.files.delete(file_id)

    def count(self) -> int:
        return sum(1 for _ in self._data.files.values())

    def _refuse_taken_documents(self, file: TravellerFile) -> None:
        for document in file.documents:
            holder = self._data.documents.get(document.key)
            if holder is not None and holder != file.file_id:
                raise DocumentConflictError(
                    "the travel document belongs to another individual file"
                )

    def _put(self, file: TravellerFile) -> None:
        for document in file.documents:
            self._data.documents.put(document.key, file.file_id)
        self._data.files.put(file.file_id, file)


def _present(table: _Table[K, V], keys: frozenset[K] | None) -> list[V]:
    return [value for key in keys or () if (value := table.get(key)) is not None]


class _Records:
    def __init__(self, data: _Staged) -> None:
        self._data = data

    def add_entry(self, record: EntryExitRecord) -> None:
        if record.record_id in self._data.entries or record.file_id not in self._data.files:
            raise InvalidRecordError("the record exists already or its file does not")
        self._data.entries.put(record.record_id, record)
        _link(self._data.entries_by_file, record.file_id, record.record_id)

    def save_entry(self, record: EntryExitRecord) -> None:
        old = self._data.entries.get(record.record_id)
        if old is None:
            raise RecordNotFoundError("no entry/exit record with this identifier")
        _unlink(self._data.entries_by_file, old.file_id, record.record_id)
        self._data.entries.put(record.record_id, record)
        _link(self._data.entries_by_file, record.file_id, record.record_id)

    def get_entry(self, record_id: str) -> EntryExitRecord | None:
        return self._data.entries.get(record_id)

    def add_refusal(self, record: RefusalRecord) -> None:
        if record.record_id in self._data.refusals or record.file_id not in self._data.files:
            raise InvalidRecordError("the record exists already or its file does not")
        self._data.refusals.put(record.record_id, record)
        _link(self._data.refusals_by_file, record.file_id, record.record_id)

    def erase_entry(self, record_id: str) -> None:
        record = self._data.entries.get(record_id)
        if record is not None:
            _unlink(self._data.entries_by_file, record.file_id, record_id)
            self._data.entries.delete(record_id)
        self._unschedule(("entry", record_id))

    def erase_refusal(self, record_id: str) -> None:
        record = self._data.refusals.get(record_id)
        if record is not None:
            _unlink(self._data.refusals_by_file, record.file_id, record_id)
            self._data.refusals.delete(record_id)
        self._unschedule(("refusal", record_id))

    def _unschedule(self, subject: tuple[str, str]) -> None:
        """An erased record leaves the retention plan, so it is never due again."""
        planned = self._data.retention.get(subject)
        if planned is not None:
            _unlink(self._data.retention_by_file, planned.item.file_id, subject)
            self._data.retention.delete(subject)

    def due_for_overstay_flag(self, on: date, limit: int) -> Sequence[EntryExitRecord]:
        due = (
            record
            for record in self._data.entries.values()
            if record.is_open
            and record.overstay_flagged_at is None
            and record.authorised_stay_until < on
        )
        return sorted(due, key=_by_stay_end)[:limit]

    def overstayers(
        self, *, nationality: str | None, bcp_code: str | None, limit: int, offset: int
    ) -> Sequence[OverstayerRow]:
        rows = []
        for record in self._data.entries.values():
            if not record.is_open or record.overstay_flagged_at is None:
                continue
            if bcp_code is not None and record.entry.bcp_code != bcp_code:
                continue
            file = self._data.files.get(record.file_id)
            if file is None:
                continue
            if nationality is not None and nationality not in file.identity.nationalities:
                continue
            rows.append(OverstayerRow(record=record, file=file))
        rows.sort(key=lambda row: _by_stay_end(row.record))
        return rows[offset : offset + limit]

    def statistics(
        self, *, dimensions: Sequence[str], from_day: date, to_day: date, kind: str
    ) -> Sequence[StatisticsRow]:
        check_request(dimensions, kind)
        cells: Counter[tuple[str, ...]] = Counter()
        for record, day, bcp_code in self._counted(kind):
            if from_day <= day <= to_day:
                values = [self._values(dimension, record, bcp_code) for dimension in dimensions]
                cells.update(product(*values))
        if not dimensions:
            return [StatisticsRow(dimensions=(), count=cells[()])]
        return sorted(
            (
                StatisticsRow(dimensions=tuple(zip(dimensions, cell, strict=True)), count=count)
                for cell, count in cells.items()
            ),
            key=lambda row: row.dimensions,
        )

    def _counted(self, kind: str) -> Iterator[tuple[EntryExitRecord | RefusalRecord, date, str]]:
        """Each record `kind` counts, with the day that places it and its BCP."""
        if kind == "refusal":
            for refusal in self._data.refusals.values():
                yield refusal, refusal.crossing.day, refusal.crossing.bcp_code
            return
        for entry in self._data.entries.values():
            if kind == "entry":
                yield entry, entry.entry.day, entry.entry.bcp_code
            elif kind == "exit" and entry.exit is not None:
                yield entry, entry.exit.day, entry.exit.bcp_code
            elif kind == "overstayer" and entry.is_open and entry.overstay_flagged_at:
                yield entry, entry.authorised_stay_until, entry.entry.bcp_code

    def _values(
        self, dimension: str, record: EntryExitRecord | RefusalRecord, bcp_code: str
    ) -> list[str]:
        """The values `record` counts under; several only for refusal reasons."""
        file = self._data.files.get(record.file_id)
        if dimension == "refusal_reason":
            assert isinstance(record, RefusalRecord)
            return [reason.value for reason in record.reasons]
        if dimension == "bcp":
            return [bcp_code]
        if dimension == "document_issuing_state":
            return [record.document.issuing_state]
        if dimension == "border_type":
            bcp = self._data.bcps.get(bcp_code)
            return [UNKNOWN if bcp is None else bcp.border_type.value]
        if dimension == "document_type":
            holder = self._data.files.get(self._data.documents.get(record.document) or "")
            held = holder.documents if holder is not None else ()
            types = [d.document_type.value for d in held if d.key == record.document]
            return [types[0] if types else UNKNOWN]
        if dimension == "visa_issuing_state":
            return [self._visa_issuing_state(record)]
        if file is None:  # not reached: records go with their file
            return [UNKNOWN]
        identity = file.identity
        return [
            {
                "nationality": identity.nationalities[0] if identity.nationalities else UNKNOWN,
                "sex": identity.sex.value,
                "year_of_birth": str(identity.date_of_birth.year),
                "fingerprint_status": file.biometrics.fingerprint_status.value,
            }[dimension]
        ]

    def _visa_issuing_state(self, record: EntryExitRecord | RefusalRecord) -> str:
        if isinstance(record, RefusalRecord) or record.visa_sticker is None:
            return NO_VISA
        states = [
            visa.issuing_state
            for visa in self._data.visas.values()
            if visa.sticker_number == record.visa_sticker
        ]
        return min(states, default=UNKNOWN)


def _by_stay_end(record: EntryExitRecord) -> tuple[date, str]:
    return record.authorised_stay_until, record.record_id


class _Visas:
    def __init__(self, data: _Staged) -> None:
        self._data = data

    def add(self, visa: VisaRecord) -> None:
        key = (visa.issuing_state, visa.sticker_number)
        if key in self._data.visas:
            raise InvalidRecordError("a visa with this issuing state and sticker exists")
        self._put(visa)

    def save(self, visa: VisaRecord) -> None:
        old = self._data.visas.get((visa.issuing_state, visa.sticker_number))
        if old is None:
            raise UnknownVisaError("no visa with this issuing state and sticker number")
        if old.file_id is not None:
            _unlink(self._data.visas_by_file, old.file_id, (old.issuing_state, old.sticker_number))
        self._put(visa)

    def get(self, issuing_state: str, sticker_number: str) -> VisaRecord | None:
        return self._data.visas.get((issuing_state, sticker_number))

    def _put(self, visa: VisaRecord) -> None:
        if visa.file_id is not None and visa.file_id not in self._data.files:
            raise InvalidRecordError("the visa's file does not exist")
        key = (visa.issuing_state, visa.sticker_number)
        self._data.visas.put(key, visa)
        if visa.file_id is not None:
            _link(self._data.visas_by_file, visa.file_id, key)


class _BorderCrossingPoints:
    def __init__(self, data: _Staged) -> None:
        self._data = data

    def add(self, bcp: BorderCrossingPoint) -> None:
        if bcp.code in self._data.bcps:
            raise InvalidRecordError("a border crossing point with this code exists")
        self._data.bcps.put(bcp.code, bcp)

    def get(self, code: str) -> BorderCrossingPoint | None:
        return self._data.bcps.get(code)

    def list(self) -> Sequence[BorderCrossingPoint]:
        return sorted(self._data.bcps.values(), key=lambda bcp: bcp.code)


class _Retention:
    def __init__(self, data: _Staged) -> None:
        self._data = data

    def schedule(self, file_id: str, items: Sequence[RetentionItem]) -> None:
        if any(item.file_id != file_id for item in items):
            raise ValueError("a retention item belongs to another file")
        if items and file_id not in self._data.files:
            raise InvalidRecordError("the retention plan's file does not exist")
        old = _present(self._data.retention, self._data.retention_by_file.get(file_id))
        # An item planned again with the same warning day keeps its "warned" mark.
        warned = {
            (p.item.subject_kind, p.item.subject_id, p.item.warn_on): p.warned_at for p in old
        }
        for planned in old:
            self._data.retention.delete((planned.item.subject_kind, planned.item.subject_id))
        for item in items:
            key = (item.subject_kind, item.subject_id)
            warned_at = warned.get((item.subject_kind, item.subject_id, item.warn_on))
            self._data.retention.put(key, _Planned(item, warned_at))
        self._data.retention_by_file.put(
            file_id, frozenset((item.subject_kind, item.subject_id) for item in items)
        )

    def due(self, on: date, limit: int) -> Sequence[RetentionItem]:
        due = [p.item for p in self._data.retention.values() if p.item.erase_on <= on]
        return sorted(due, key=lambda i: (i.erase_on, i.subject_kind, i.subject_id))[:limit]

    def warnings_due(self, on: date, limit: int) -> Sequence[RetentionItem]:
        due = [
            p.item
            for p in self._data.retention.values()
            if p.warned_at is None and p.item.warn_on is not None and p.item.warn_on <= on
        ]
        return sorted(due, key=lambda i: (i.warn_on, i.subject_kind, i.subject_id))[:limit]

    def mark_warned(self, item: RetentionItem, at: datetime) -> None:
        key = (item.subject_kind, item.subject_id)
        planned = self._data.retention.get(key)
        if planned is not None:
            self._data.retention.put(key, replace(planned, warned_at=at))


class _IdempotencyKeys:
    def __init__(self, data: _Staged) -> None:
        self._data = data

    def get(self, key: str) -> StoredResponse | None:
        return self._data.idempotency_keys.get(key)

    def put(self, response: StoredResponse) -> None:
        if response.key in self._data.idempotency_keys:
            raise IdempotencyKeyReusedError("the idempotency key is already used")
        self._data.idempotency_keys.put(response.key, response)


class _AuditLog:
    def __init__(self, data: _Staged) -> None:
        self._data = data

    def head(self) -> AuditEntry | None:
        # The unit of work holds the store's lock, so no one else appends meanwhile.
        return max(self._data.audit_log.values(), key=lambda e: e.sequence, default=None)

    def append(self, entry: AuditEntry) -> None:
        if entry.sequence in self._data.audit_log:
            raise InvalidRecordError("an audit entry with this sequence number exists")
        self._data.audit_log.put(entry.sequence, entry)

    def entries(self, after_sequence: int = 0) -> Iterator[AuditEntry]:
        entries = [e for e in self._data.audit_log.values() if e.sequence > after_sequence]
        yield from sorted(entries, key=lambda e: e.sequence)


class _Users:
    def __init__(self, data: _Staged) -> None:
        self._data = data

    def add(self, user: User) -> None:
        if user.name in self._data.users:
            raise InvalidRecordError("a user with this name exists")
        self._data.users.put(user.name, user)

    def get(self, name: str) -> User | None:
        return self._data.users.get(name)

    def add_token(self, token: ApiToken) -> None:
        if token.user_name not in self._data.users:
            raise InvalidRecordError("the token's user does not exist")
        if token.digest in self._data.tokens or token.token_id in self._data.token_ids:
            raise InvalidRecordError("a token with this identifier or digest exists")
        self._data.tokens.put(token.digest, token)
        self._data.token_ids.put(token.token_id, token.digest)

    def find_token(self, digest: str) -> ApiToken | None:
        return self._data.tokens.get(digest)


class _DataSubjectRequests:
    def __init__(self, data: _Staged) -> None:
        self._data = data

    def add(self, request: DataSubjectRequest) -> None:
        if request.request_id in self._data.requests:
            raise InvalidRecordError("a data-subject request with this identifier exists")
        self._data.requests.put(request.request_id, request)

    def save(self, request: DataSubjectRequest) -> None:
        if request.request_id not in self._data.requests:
            raise RecordNotFoundError("no data-subject request with this identifier")
        self._data.requests.put(request.request_id, request)

    def get(self, request_id: str) -> DataSubjectRequest | None:
        return self._data.requests.get(request_id)

    def list_open(self, limit: int) -> Sequence[DataSubjectRequest]:
        found = [request for request in self._data.requests.values() if request.is_open]
        return sorted(found, key=lambda r: (r.answer_due_on, r.request_id))[:limit]


class MemoryUnitOfWork:
    """One unit of work on a `MemoryStore`; nothing is visible to others before `commit()`."""

    traveller_files: TravellerFiles
    records: Records
    visas: Visas
    border_crossing_points: BorderCrossingPoints
    retention: Retention
    idempotency_keys: IdempotencyKeys
    audit_log: AuditLog
    users: Users
    data_subject_requests: DataSubjectRequests

    def __init__(self, store: MemoryStore) -> None:
        self._store = store
        self._staged: _Staged | None = None

    def __enter__(self) -> Self:
        self._store.lock.acquire()
        self._staged = staged = _Staged(self._store.committed)
        self.traveller_files = _TravellerFiles(staged)
        self.records = _Records(staged)
        self.visas = _Visas(staged)
        self.border_crossing_points = _BorderCrossingPoints(staged)
        self.retention = _Retention(staged)
        self.idempotency_keys = _IdempotencyKeys(staged)
        self.audit_log = _AuditLog(staged)
        self.users = _Users(staged)
        self.data_subject_requests = _DataSubjectRequests(staged)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            self.rollback()
        finally:
            self._staged = None
            self._store.lock.release()

    def commit(self) -> None:
        for table in self._active().tables():
            table.apply()

    def rollback(self) -> None:
        for table in self._active().tables():
            table.discard()

    def _active(self) -> _Staged:
        if self._staged is None:
            raise RuntimeError("the unit of work is used outside its `with` block")
        return self._staged
