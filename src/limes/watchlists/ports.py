"""What the watchlist service needs from a store. Repositories never commit.

Alert and entry identifiers share one namespace across the kinds: `kind_of` finds which
kind holds an identifier, and the service refuses to add an identifier that any kind
holds. "In force at `at`" means: valid from `valid_from`, until `valid_until` (if any),
and not withdrawn by `at` (`PersonAlert.in_force`). Iterators come in identifier order.
"""

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Protocol

from limes.core.transaction import Transaction
from limes.ees.ports import AuditLog
from limes.watchlists.model import DocumentAlert, PersonAlert, WatchlistEntry, WatchlistKind


class Watchlists(Protocol):
    """SIS person alerts, SIS and SLTD document alerts, and ETIAS watchlist entries."""

    def kind_of(self, record_id: str) -> WatchlistKind | None:
        """The kind of alert or entry stored under this identifier, if any."""

    def add_person_alert(self, alert: PersonAlert) -> None:
        """Insert; raises DuplicateAlertError when a person alert has this identifier."""

    def add_document_alert(self, alert: DocumentAlert) -> None:
        """Insert; raises DuplicateAlertError when a document alert has this identifier."""

    def add_watchlist_entry(self, entry: WatchlistEntry) -> None:
        """Insert; raises DuplicateAlertError when an entry has this identifier."""

    def get_person_alert(self, alert_id: str) -> PersonAlert | None: ...

    def get_document_alert(self, alert_id: str) -> DocumentAlert | None: ...

    def get_watchlist_entry(self, entry_id: str) -> WatchlistEntry | None: ...

    def withdraw(self, record_id: str, at: datetime, reason: str) -> bool:
        """Mark the alert or entry withdrawn; False when none has this identifier."""

    def save_watchlist_entry(self, entry: WatchlistEntry) -> None:
        """Replace an entry's review date (the only thing that changes on an entry)."""

    def person_alerts(self) -> Iterator[PersonAlert]:
        """All person alerts, withdrawn ones included (for export)."""

    def document_alerts(self) -> Iterator[DocumentAlert]: ...

    def watchlist_entries(self) -> Iterator[WatchlistEntry]: ...

    def active_person_alerts(self, at: datetime) -> Iterator[PersonAlert]:
        """Person alerts in force at `at`: what a screening index is built from."""

    def active_document_alerts(self, at: datetime) -> Iterator[DocumentAlert]: ...

    def active_watchlist_entries(self, at: datetime) -> Iterator[WatchlistEntry]:
        """Entries not withdrawn by `at`."""

    def find_documents(self, country: str, number: str, at: datetime) -> Sequence[DocumentAlert]:
        """Document alerts of both sources in force at `at` on this document (exact after
        normalising, `keys.document_key`)."""

    def find_person_alerts_by_document(
        self, country: str, number: str, at: datetime
    ) -> Sequence[PersonAlert]:
        """Person alerts in force at `at` that name this document."""

    def find_person_alerts_by_surname(self, name_key: str, at: datetime) -> Sequence[PersonAlert]:
        """Person alerts in force at `at` whose surname has this `keys.name_key`."""

    def count(self, kind: WatchlistKind, at: datetime | None = None) -> int:
        """How many alerts or entries of `kind`; only those in force at `at` if given."""


class WatchlistUnitOfWork(Transaction, Protocol):
    watchlists: Watchlists
    audit_log: AuditLog
