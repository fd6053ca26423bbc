"""The in-memory store's tables: committed dicts, and one unit of work's view of them.

A unit of work never writes into the committed dicts. Its changes wait in each `Table`
until `apply()` (commit) or `discard()` (rollback); reads see the changes first.
"""

from collections.abc import Hashable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Generic, TypeVar

from limes.access.model import ApiToken, User
from limes.audit.model import AuditEntry
from limes.biometrics.model import BiometricTemplate, SubjectRef
from limes.ees.data_subject import DataSubjectRequest
from limes.ees.model import (
    BorderCrossingPoint,
    DocumentKey,
    EntryExitRecord,
    RefusalRecord,
    TravellerFile,
    VisaRecord,
)
from limes.ees.ports import RetentionItem, StoredResponse
from limes.etias.model import ApplicationFile
from limes.etias.screening_rules import ScreeningRule
from limes.interop.model import Link, SystemRecord
from limes.watchlists.model import DocumentAlert, PersonAlert, WatchlistEntry


class _Deleted(Enum):
    MARK = "deleted"


K = TypeVar("K", bound=Hashable)
Owner = TypeVar("Owner", bound=Hashable)
V = TypeVar("V")


class Table(Generic[K, V]):
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
class Planned:
    """A retention item, and when its holder was warned (EESR art. 34(3))."""

    item: RetentionItem
    warned_at: datetime | None = None


@dataclass(slots=True)
class Committed:
    """The committed data; the `*_by_*` tables are indexes kept beside it."""

    bcps: dict[str, BorderCrossingPoint] = field(default_factory=dict)
    files: dict[str, TravellerFile] = field(default_factory=dict)
    documents: dict[DocumentKey, str] = field(default_factory=dict)
    entries: dict[str, EntryExitRecord] = field(default_factory=dict)
    entries_by_file: dict[str, frozenset[str]] = field(default_factory=dict)
    refusals: dict[str, RefusalRecord] = field(default_factory=dict)
    refusals_by_file: dict[str, frozenset[str]] = field(default_factory=dict)
    visas: dict[tuple[str, str], VisaRecord] = field(default_factory=dict)
    visas_by_file: dict[str, frozenset[tuple[str, str]]] = field(default_factory=dict)
    retention: dict[tuple[str, str], Planned] = field(default_factory=dict)
    retention_by_file: dict[str, frozenset[tuple[str, str]]] = field(default_factory=dict)
    idempotency_keys: dict[str, StoredResponse] = field(default_factory=dict)
    audit_log: dict[int, AuditEntry] = field(default_factory=dict)
    audit_head: dict[str, int] = field(default_factory=dict)  # "head" -> newest sequence
    users: dict[str, User] = field(default_factory=dict)
    tokens: dict[str, ApiToken] = field(default_factory=dict)  # by digest
    token_ids: dict[str, str] = field(default_factory=dict)  # token id -> digest
    requests: dict[str, DataSubjectRequest] = field(default_factory=dict)
    # sBMS, CIR and MID (memory_interop.py); "last" -> the highest label ever handed out.
    templates: dict[int, BiometricTemplate] = field(default_factory=dict)  # by label
    template_labels: dict[str, int] = field(default_factory=dict)  # template id -> label
    templates_by_subject: dict[SubjectRef, frozenset[int]] = field(default_factory=dict)
    template_sequence: dict[str, int] = field(default_factory=dict)
    system_records: dict[str, SystemRecord] = field(default_factory=dict)
    records_by_identity: dict[str, frozenset[str]] = field(default_factory=dict)
    records_by_document: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    records_by_name: dict[str, frozenset[str]] = field(default_factory=dict)
    records_by_birth: dict[date, frozenset[str]] = field(default_factory=dict)
    links: dict[str, Link] = field(default_factory=dict)
    links_by_record: dict[str, frozenset[str]] = field(default_factory=dict)
    # ETIAS (memory_etias.py): application files by id, their indexes, rule versions.
    etias_files: dict[str, ApplicationFile] = field(default_factory=dict)
    etias_files_by_document: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    etias_files_by_email: dict[str, frozenset[str]] = field(default_factory=dict)
    etias_files_by_authorisation: dict[str, str] = field(default_factory=dict)
    etias_rules: dict[tuple[str, int], ScreeningRule] = field(default_factory=dict)
    etias_rule_versions: dict[str, int] = field(default_factory=dict)  # id -> latest
    # Watchlists (memory_watchlists.py); documents by `watchlists.keys.document_key`.
    person_alerts: dict[str, PersonAlert] = field(default_factory=dict)
    person_alerts_by_surname: dict[str, frozenset[str]] = field(default_factory=dict)
    person_alerts_by_document: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    document_alerts: dict[str, DocumentAlert] = field(default_factory=dict)
    document_alerts_by_document: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    watchlist_entries: dict[str, WatchlistEntry] = field(default_factory=dict)


class Staged:
    """Every table of the store, as one unit of work sees it."""

    def __init__(self, committed: Committed) -> None:
        self.bcps = Table(committed.bcps)
        self.files = Table(committed.files)
        self.documents = Table(committed.documents)
        self.entries = Table(committed.entries)
        self.entries_by_file = Table(committed.entries_by_file)
        self.refusals = Table(committed.refusals)
        self.refusals_by_file = Table(committed.refusals_by_file)
        self.visas = Table(committed.visas)
        self.visas_by_file = Table(committed.visas_by_file)
        self.retention = Table(committed.retention)
        self.retention_by_file = Table(committed.retention_by_file)
        self.idempotency_keys = Table(committed.idempotency_keys)
        self.audit_log = Table(committed.audit_log)
        self.audit_head = Table(committed.audit_head)
        self.users = Table(committed.users)
        self.tokens = Table(committed.tokens)
        self.token_ids = Table(committed.token_ids)
        self.requests = Table(committed.requests)
        self.templates = Table(committed.templates)
        self.template_labels = Table(committed.template_labels)
        self.templates_by_subject = Table(committed.templates_by_subject)
        self.template_sequence = Table(committed.template_sequence)
        self.system_records = Table(committed.system_records)
        self.records_by_identity = Table(committed.records_by_identity)
        self.records_by_document = Table(committed.records_by_document)
        self.records_by_name = Table(committed.records_by_name)
        self.records_by_birth = Table(committed.records_by_birth)
        self.links = Table(committed.links)
        self.links_by_record = Table(committed.links_by_record)
        self.etias_files = Table(committed.etias_files)
        self.etias_files_by_document = Table(committed.etias_files_by_document)
        self.etias_files_by_email = Table(committed.etias_files_by_email)
        self.etias_files_by_authorisation = Table(committed.etias_files_by_authorisation)
        self.etias_rules = Table(committed.etias_rules)
        self.etias_rule_versions = Table(committed.etias_rule_versions)
        self.person_alerts = Table(committed.person_alerts)
        self.person_alerts_by_surname = Table(committed.person_alerts_by_surname)
        self.person_alerts_by_document = Table(committed.person_alerts_by_document)
        self.document_alerts = Table(committed.document_alerts)
        self.document_alerts_by_document = Table(committed.document_alerts_by_document)
        self.watchlist_entries = Table(committed.watchlist_entries)

    def tables(self) -> tuple[Table[Hashable, object], ...]:
        return tuple(vars(self).values())


def link(index: Table[Owner, frozenset[K]], owner: Owner, key: K) -> None:
    """Add `key` to the keys an index holds for `owner`."""
    index.put(owner, (index.get(owner) or frozenset()) | {key})


def unlink(index: Table[Owner, frozenset[K]], owner: Owner, key: K) -> None:
    """Remove `key` from the keys an index holds for `owner`; drop `owner` when none remain.

    Index owners can be personal data (a surname, a date of birth): an erasure leaves none.
    """
    remaining = (index.get(owner) or frozenset()) - {key}
    if remaining:
        index.put(owner, remaining)
    else:
        index.delete(owner)


def present(table: Table[K, V], keys: frozenset[K] | None) -> list[V]:
    """The values of the `keys` that are still in `table`."""
    return [value for key in keys or () if (value := table.get(key)) is not None]
