"""The SIS person alerts and ETIAS watchlist entries in force, searchable by name.

`WatchlistScreening` keeps one `ScreeningIndex` over both, built from the watchlist
store and kept current by the watchlist service's observer (additions) and by checking
each hit's alert in the store before reporting it (withdrawals), so a withdrawn alert
never produces a hit. Identifiers in the index are "sis:<alert id>" and "wl:<entry id>".

One index per process: a deployment with several API processes rebuilds it in each, and
an addition made in one process reaches another on its next `rebuild()`.
"""

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from limes.interop.screening_subjects import person_alert, watchlist_entry
from limes.screening.index import ScreeningIndex
from limes.screening.model import Comparison, Person
from limes.watchlists.keys import document_key
from limes.watchlists.model import WatchlistAdditions, WatchlistEntry
from limes.watchlists.ports import WatchlistUnitOfWork

SIS_PREFIX = "sis:"
WATCHLIST_PREFIX = "wl:"


@dataclass(frozen=True, slots=True)
class NameHit:
    kind: str  # "sis" or "wl"
    record_id: str
    comparison: Comparison


class WatchlistScreening:
    def __init__(self, unit_of_work: Callable[[], WatchlistUnitOfWork]) -> None:
        self._uow = unit_of_work
        self._lock = threading.Lock()
        self._index = ScreeningIndex()
        # Watchlist entries by their exact items (document, e-mail, phone, IP address).
        self._by_item: dict[str, set[str]] = {}
        self._built = False

    def rebuild(self, at: datetime) -> int:
        """Index every person alert and watchlist entry in force at `at`; returns how many."""
        entries: list[tuple[str, Person]] = []
        by_item: dict[str, set[str]] = {}
        with self._uow() as uow:
            for alert in uow.watchlists.active_person_alerts(at):
                entries.append((SIS_PREFIX + alert.alert_id, person_alert(alert)))
            for entry in uow.watchlists.active_watchlist_entries(at):
                _file_items(by_item, entry)
                person = watchlist_entry(entry)
                if person is not None:
                    entries.append((WATCHLIST_PREFIX + entry.entry_id, person))
        index = ScreeningIndex(entries)
        with self._lock:
            self._index, self._by_item, self._built = index, by_item, True
        return len(entries)

    def add(self, additions: WatchlistAdditions) -> None:
        """Index newly committed alerts and entries (the watchlist service's observer)."""
        with self._lock:
            for alert in additions.person_alerts:
                self._index.add(SIS_PREFIX + alert.alert_id, person_alert(alert))
            for entry in additions.watchlist_entries:
                _file_items(self._by_item, entry)
                person = watchlist_entry(entry)
                if person is not None:
                    self._index.add(WATCHLIST_PREFIX + entry.entry_id, person)

    def entries_with_items(self, items: Iterable[str], *, at: datetime) -> set[str]:
        """Watchlist entries holding any of these exact items (`item_keys` forms)."""
        if not self._built:
            self.rebuild(at)
        with self._lock:
            return set().union(*(self._by_item.get(item, set()) for item in items))

    def search(self, person: Person, *, at: datetime) -> list[NameHit]:
        """Alerts and entries whose names the engine matches with `person`, best first."""
        if not self._built:
            self.rebuild(at)
        with self._lock:
            hits = self._index.search(person)
        found: list[NameHit] = []
        for hit in hits:
            kind, _, record_id = hit.entry_id.partition(":")
            found.append(NameHit(kind, record_id, hit.comparison))
        return found


def item_keys(
    *,
    documents: Iterable[tuple[str, str]] = (),
    email: str | None = None,
    phones: Iterable[str] = (),
    ip_address: str | None = None,
) -> set[str]:
    """The exact items of an application or an entry, in the form they are compared."""
    keys = {"doc:{}:{}".format(*document_key(country, number)) for country, number in documents}
    if email and email.strip():
        keys.add(f"email:{email.strip().casefold()}")
    keys.update(f"phone:{digits}" for phone in phones if (digits := phone_digits(phone)))
    if ip_address:
        keys.add(f"ip:{ip_address}")
    return keys


def phone_digits(phone: str) -> str:
    """A phone number as compared: its digits only."""
    return "".join(ch for ch in phone if ch.isdigit())


def _file_items(by_item: dict[str, set[str]], entry: WatchlistEntry) -> None:
    keys = item_keys(
        documents=[(d.country, d.number) for d in entry.travel_documents],
        email=entry.email,
        phones=[entry.phone] if entry.phone else [],
        ip_address=entry.ip_address,
    )
    for key in keys:
        by_item.setdefault(key, set()).add(entry.entry_id)
