"""The EES and interoperability store in memory: for tests, the simulator and demos.

It behaves like the SQL store (the contract tests in tests/store/ run on both). A unit of
work holds the store's lock from `with` to exit, as a SQLite writer holds the database:
one unit of work at a time, so `AuditLog.head()` is locked for free. Changes are staged
beside the committed data and applied only on `commit()`.
"""

import threading
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date, datetime
from types import TracebackType
from typing import Self

from limes.access.model import ApiToken, User
from limes.audit.model import AuditEntry
from limes.biometrics.model import SubjectRef
from limes.biometrics.ports import Templates
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
    TravellerFile,
    TravellerHistory,
    VisaRecord,
)
from limes.ees.ports import (
    AuditLog,
    BorderCrossingPoints,
    DataSubjectRequests,
    IdempotencyKeys,
    Records,
    Retention,
    RetentionItem,
    StoredResponse,
    TravellerFiles,
    Users,
    Visas,
)
from limes.etias.ports import Applications, ScreeningRules
from limes.interop.model import System, record_key
from limes.interop.ports import Links, SystemRecords
from limes.store.memory_etias import MemoryApplications, MemoryScreeningRules
from limes.store.memory_interop import MemoryLinks, MemorySystemRecords, MemoryTemplates
from limes.store.memory_records import MemoryRecords
from limes.store.memory_tables import Committed, Planned, Staged, link, present, unlink
from limes.store.memory_watchlists import MemoryWatchlists
from limes.watchlists.ports import Watchlists


class MemoryStore:
    """All the data in dictionaries, shared by the units of work made on it."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.committed = Committed()


class _TravellerFiles:
    def __init__(self, data: Staged) -> None:
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
        entries = present(self._data.entries, self._data.entries_by_file.get(file_id))
        refusals = present(self._data.refusals, self._data.refusals_by_file.get(file_id))
        visas = present(self._data.visas, self._data.visas_by_file.get(file_id))
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
        # Its CIR record, MID links and sBMS templates go too (Reg. 2019/817 art. 35).
        key = record_key(System.EES, file_id)
        MemoryLinks(data).erase_for_record(key)
        MemorySystemRecords(data).erase(key)
        MemoryTemplates(data).erase_subject(SubjectRef(system=System.EES.value, record_id=file_id))

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


class _Visas:
    def __init__(self, data: Staged) -> None:
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
            unlink(self._data.visas_by_file, old.file_id, (old.issuing_state, old.sticker_number))
        self._put(visa)

    def get(self, issuing_state: str, sticker_number: str) -> VisaRecord | None:
        return self._data.visas.get((issuing_state, sticker_number))

    def _put(self, visa: VisaRecord) -> None:
        if visa.file_id is not None and visa.file_id not in self._data.files:
            raise InvalidRecordError("the visa's file does not exist")
        key = (visa.issuing_state, visa.sticker_number)
        self._data.visas.put(key, visa)
        if visa.file_id is not None:
            link(self._data.visas_by_file, visa.file_id, key)


class _BorderCrossingPoints:
    def __init__(self, data: Staged) -> None:
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
    def __init__(self, data: Staged) -> None:
        self._data = data

    def schedule(self, file_id: str, items: Sequence[RetentionItem]) -> None:
        if any(item.file_id != file_id for item in items):
            raise ValueError("a retention item belongs to another file")
        if items and file_id not in self._data.files:
            raise InvalidRecordError("the retention plan's file does not exist")
        old = present(self._data.retention, self._data.retention_by_file.get(file_id))
        # An item planned again with the same warning day keeps its "warned" mark.
        warned = {
            (p.item.subject_kind, p.item.subject_id, p.item.warn_on): p.warned_at for p in old
        }
        for planned in old:
            self._data.retention.delete((planned.item.subject_kind, planned.item.subject_id))
        for item in items:
            key = (item.subject_kind, item.subject_id)
            warned_at = warned.get((item.subject_kind, item.subject_id, item.warn_on))
            self._data.retention.put(key, Planned(item, warned_at))
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
    def __init__(self, data: Staged) -> None:
        self._data = data

    def get(self, key: str) -> StoredResponse | None:
        return self._data.idempotency_keys.get(key)

    def put(self, response: StoredResponse) -> None:
        if response.key in self._data.idempotency_keys:
            raise IdempotencyKeyReusedError("the idempotency key is already used")
        self._data.idempotency_keys.put(response.key, response)


_HEAD = "head"


class _AuditLog:
    def __init__(self, data: Staged) -> None:
        self._data = data

    def head(self) -> AuditEntry | None:
        # The unit of work holds the store's lock, so no one else appends meanwhile.
        sequence = self._data.audit_head.get(_HEAD)
        return None if sequence is None else self._data.audit_log.get(sequence)

    def append(self, entry: AuditEntry) -> None:
        if entry.sequence in self._data.audit_log:
            raise InvalidRecordError("an audit entry with this sequence number exists")
        self._data.audit_log.put(entry.sequence, entry)
        if entry.sequence > (self._data.audit_head.get(_HEAD) or 0):
            self._data.audit_head.put(_HEAD, entry.sequence)

    def entries(self, after_sequence: int = 0) -> Iterator[AuditEntry]:
        entries = [e for e in self._data.audit_log.values() if e.sequence > after_sequence]
        yield from sorted(entries, key=lambda e: e.sequence)


class _Users:
    def __init__(self, data: Staged) -> None:
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
    def __init__(self, data: Staged) -> None:
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
    biometric_templates: Templates
    system_records: SystemRecords
    links: Links
    applications: Applications
    screening_rules: ScreeningRules
    watchlists: Watchlists

    def __init__(self, store: MemoryStore) -> None:
        self._store = store
        self._staged: Staged | None = None

    def __enter__(self) -> Self:
        self._store.lock.acquire()
        self._staged = staged = Staged(self._store.committed)
        self.traveller_files = _TravellerFiles(staged)
        self.records = MemoryRecords(staged)
        self.visas = _Visas(staged)
        self.border_crossing_points = _BorderCrossingPoints(staged)
        self.retention = _Retention(staged)
        self.idempotency_keys = _IdempotencyKeys(staged)
        self.audit_log = _AuditLog(staged)
        self.users = _Users(staged)
        self.data_subject_requests = _DataSubjectRequests(staged)
        self.biometric_templates = MemoryTemplates(staged)
        self.system_records = MemorySystemRecords(staged)
        self.links = MemoryLinks(staged)
        self.applications = MemoryApplications(staged)
        self.screening_rules = MemoryScreeningRules(staged)
        self.watchlists = MemoryWatchlists(staged)
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

    def _active(self) -> Staged:
        if self._staged is None:
            raise RuntimeError("the unit of work is used outside its `with` block")
        return self._staged
