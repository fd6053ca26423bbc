"""SIS alerts, the SLTD copy and the ETIAS watchlist in memory, in the SQL store's orders.

Lists and iterators come in identifier order; lookups by document use
`watchlists.keys.document_key` and by surname `watchlists.keys.name_key`, like the SQL
store. Changes are staged in the unit of work's tables like every other memory table.
"""

from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import datetime
from typing import TypeVar

from limes.store.memory_tables import Staged, Table, present
from limes.store.memory_tables import link as add_to_index
from limes.watchlists.errors import AlertNotFoundError, DuplicateAlertError
from limes.watchlists.keys import document_key, name_key
from limes.watchlists.model import (
    DocumentAlert,
    PersonAlert,
    WatchlistEntry,
    WatchlistKind,
    WatchlistRecord,
)

R = TypeVar("R", PersonAlert, DocumentAlert, WatchlistEntry)


class MemoryWatchlists:
    def __init__(self, data: Staged) -> None:
        self._data = data

    def kind_of(self, record_id: str) -> WatchlistKind | None:
        data = self._data
        if record_id in data.person_alerts:
            return WatchlistKind.SIS_PERSON
        if (document := data.document_alerts.get(record_id)) is not None:
            return document.kind
        if record_id in data.watchlist_entries:
            return WatchlistKind.ETIAS_WATCHLIST
        return None

    def add_person_alert(self, alert: PersonAlert) -> None:
        data = self._data
        _refuse_taken(data.person_alerts, alert.alert_id)
        data.person_alerts.put(alert.alert_id, alert)
        add_to_index(data.person_alerts_by_surname, name_key(alert.surname), alert.alert_id)
        for document in alert.travel_documents:
            add_to_index(data.person_alerts_by_document, document.key, alert.alert_id)

    def add_document_alert(self, alert: DocumentAlert) -> None:
        data = self._data
        _refuse_taken(data.document_alerts, alert.alert_id)
        data.document_alerts.put(alert.alert_id, alert)
        add_to_index(data.document_alerts_by_document, alert.key, alert.alert_id)

    def add_watchlist_entry(self, entry: WatchlistEntry) -> None:
        _refuse_taken(self._data.watchlist_entries, entry.entry_id)
        self._data.watchlist_entries.put(entry.entry_id, entry)

    def get_person_alert(self, alert_id: str) -> PersonAlert | None:
        return self._data.person_alerts.get(alert_id)

    def get_document_alert(self, alert_id: str) -> DocumentAlert | None:
        return self._data.document_alerts.get(alert_id)

    def get_watchlist_entry(self, entry_id: str) -> WatchlistEntry | None:
        return self._data.watchlist_entries.get(entry_id)

    def withdraw(self, record_id: str, at: datetime, reason: str) -> bool:
        data = self._data
        return (
            _withdraw_in(data.person_alerts, record_id, at, reason)
            or _withdraw_in(data.document_alerts, record_id, at, reason)
            or _withdraw_in(data.watchlist_entries, record_id, at, reason)
        )

    def save_watchlist_entry(self, entry: WatchlistEntry) -> None:
        old = self._data.watchlist_entries.get(entry.entry_id)
        if old is None:
            raise AlertNotFoundError("no watchlist entry with this identifier")
        saved = replace(old, last_reviewed_at=entry.last_reviewed_at)
        self._data.watchlist_entries.put(entry.entry_id, saved)

    def person_alerts(self) -> Iterator[PersonAlert]:
        return _in_id_order(self._data.person_alerts.values())

    def document_alerts(self) -> Iterator[DocumentAlert]:
        return _in_id_order(self._data.document_alerts.values())

    def watchlist_entries(self) -> Iterator[WatchlistEntry]:
        return _in_id_order(self._data.watchlist_entries.values())

    def active_person_alerts(self, at: datetime) -> Iterator[PersonAlert]:
        return (alert for alert in self.person_alerts() if alert.in_force(at))

    def active_document_alerts(self, at: datetime) -> Iterator[DocumentAlert]:
        return (alert for alert in self.document_alerts() if alert.in_force(at))

    def active_watchlist_entries(self, at: datetime) -> Iterator[WatchlistEntry]:
        return (entry for entry in self.watchlist_entries() if entry.in_force(at))

    def find_documents(self, country: str, number: str, at: datetime) -> Sequence[DocumentAlert]:
        ids = self._data.document_alerts_by_document.get(document_key(country, number))
        return _in_force(present(self._data.document_alerts, ids), at)

    def find_person_alerts_by_document(
        self, country: str, number: str, at: datetime
    ) -> Sequence[PersonAlert]:
        ids = self._data.person_alerts_by_document.get(document_key(country, number))
        return _in_force(present(self._data.person_alerts, ids), at)

    def find_person_alerts_by_surname(self, name_key: str, at: datetime) -> Sequence[PersonAlert]:
        ids = self._data.person_alerts_by_surname.get(name_key)
        return _in_force(present(self._data.person_alerts, ids), at)

    def count(self, kind: WatchlistKind, at: datetime | None = None) -> int:
        records: Iterator[WatchlistRecord]
        if kind is WatchlistKind.SIS_PERSON:
            records = self._data.person_alerts.values()
        elif kind is WatchlistKind.ETIAS_WATCHLIST:
            records = self._data.watchlist_entries.values()
        else:
            records = (a for a in self._data.document_alerts.values() if a.kind is kind)
        return sum(1 for record in records if at is None or record.in_force(at))


def _refuse_taken(table: Table[str, R], record_id: str) -> None:
    if record_id in table:
        raise DuplicateAlertError("an alert or entry with this identifier is stored")


def _withdraw_in(table: Table[str, R], record_id: str, at: datetime, reason: str) -> bool:
    record = table.get(record_id)
    if record is None:
        return False
    table.put(record_id, replace(record, withdrawn_at=at, withdrawal_reason=reason))
    return True


def _in_id_order(records: Iterator[R]) -> Iterator[R]:
    return iter(sorted(records, key=lambda record: record.record_id))


def _in_force(records: list[R], at: datetime) -> list[R]:
    return sorted(
        (record for record in records if record.in_force(at)),
        key=lambda record: record.record_id,
    )
