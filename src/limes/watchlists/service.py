"""`WatchlistService`: SIS person and document alerts, the SLTD copy, the ETIAS watchlist.

Every method checks the actor's role (`access.policy`), and every read and write appends
an audit entry in the same unit of work. Adding an ETIAS watchlist entry first checks SIS
(Reg. 2018/1240 art. 35(1)); the impact assessment of art. 35(1)(b) is ETIAS's. Imports
commit every `batch_rows` rows, so an interruption loses at most one batch and says what
was stored. Observers registered with `observe_new` hear of every committed addition, so
ETIAS can re-screen valid travel authorisations against it (art. 41).
"""

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from itertools import islice
from typing import Final, TypeVar

from limes.access.model import Actor
from limes.access.policy import Action, require
from limes.audit.recorder import record_event
from limes.core.time import Clock
from limes.watchlists import validation
from limes.watchlists.errors import (
    AlertNotFoundError,
    AlreadyWithdrawnError,
    DuplicateAlertError,
    EntryInSisError,
    ImportInterruptedError,
)
from limes.watchlists.import_report import ImportProgress, ImportReport, Rejection
from limes.watchlists.jsonl import parse_lines, to_line
from limes.watchlists.keys import masked_document
from limes.watchlists.model import (
    DOCUMENT_KINDS,
    DocumentAlert,
    PersonAlert,
    WatchlistAdditions,
    WatchlistEntry,
    WatchlistKind,
    WatchlistRecord,
)
from limes.watchlists.ports import WatchlistUnitOfWork
from limes.watchlists.responsibility import require_responsible
from limes.watchlists.sis_priority import correspondence, surname_keys

IMPORT_BATCH_ROWS: Final = 1_000

R = TypeVar("R", PersonAlert, DocumentAlert, WatchlistEntry)
Observer = Callable[[WatchlistAdditions, Actor], None]
ProgressCallback = Callable[[ImportProgress], None]

_WRITE_ACTION: Final = {
    WatchlistKind.SIS_PERSON: Action.WATCHLIST_ALERT_WRITE,
    WatchlistKind.SIS_DOCUMENT: Action.WATCHLIST_ALERT_WRITE,
    WatchlistKind.SLTD_DOCUMENT: Action.WATCHLIST_ALERT_WRITE,
    WatchlistKind.ETIAS_WATCHLIST: Action.WATCHLIST_ENTRY_WRITE,
}


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentCheck:
    """What the lists hold on one travel document, in force now: alerts on the document
    itself (SIS and SLTD), and SIS alerts on persons that name it."""

    document_alerts: tuple[DocumentAlert, ...]
    person_alerts: tuple[PersonAlert, ...]

    @property
    def hit(self) -> bool:
        return bool(self.document_alerts or self.person_alerts)


class WatchlistService:
    def __init__(
        self,
        unit_of_work: Callable[[], WatchlistUnitOfWork],
        clock: Clock,
        *,
        batch_rows: int = IMPORT_BATCH_ROWS,
    ) -> None:
        self._uow = unit_of_work
        self._clock = clock
        self._batch_rows = batch_rows
        self._observers: list[Observer] = []

    def observe_new(self, observer: Observer) -> None:
        """Call `observer(additions, actor)` after each commit that added alerts or entries
        (withdrawn ones left out)."""
        self._observers.append(observer)

    # -- writes ------------------------------------------------------------------------

    def add_person_alert(self, actor: Actor, alert: PersonAlert) -> PersonAlert:
        """Store an SIS alert on a person issued by the actor's state."""
        return self._add_one(actor, alert)

    def add_document_alert(self, actor: Actor, alert: DocumentAlert) -> DocumentAlert:
        """Store an SIS alert on a document (the actor's state's) or an SLTD record."""
        return self._add_one(actor, alert)

    def add_watchlist_entry(self, actor: Actor, entry: WatchlistEntry) -> WatchlistEntry:
        """Store an ETIAS watchlist entry of the actor's party, unless SIS has it (art. 35)."""
        return self._add_one(actor, entry)

    def withdraw(
        self,
        actor: Actor,
        record_id: str,
        reason: str,
        *,
        kinds: Collection[WatchlistKind] = (),
    ) -> WatchlistRecord:
        """Withdraw an alert or entry (kept, no longer in force); `kinds` narrow the lookup."""
        validation.text("reason", reason, required=True, limit=validation.MAX_TEXT_CHARACTERS)
        now = self._clock.now()
        with self._uow() as uow:
            record = self._find(uow, record_id, kinds)
            require(actor, _WRITE_ACTION[record.kind])
            require_responsible(actor, record)
            if record.withdrawn_at is not None:
                raise AlreadyWithdrawnError("this alert or entry is already withdrawn")
            uow.watchlists.withdraw(record_id, now, reason)
            record_event(uow.audit_log, actor, "watchlist.withdraw", _subject(record), now)
            uow.commit()
        return replace(record, withdrawn_at=now, withdrawal_reason=reason)

    def review_watchlist_entry(self, actor: Actor, entry_id: str) -> WatchlistEntry:
        """Record that the entering party reviewed the entry and found it accurate (art. 35)."""
        require(actor, Action.WATCHLIST_ENTRY_WRITE)
        now = self._clock.now()
        with self._uow() as uow:
            entry = self._find(uow, entry_id, {WatchlistKind.ETIAS_WATCHLIST})
            assert isinstance(entry, WatchlistEntry)
            require_responsible(actor, entry)
            if entry.withdrawn_at is not None:
                raise AlreadyWithdrawnError("a withdrawn entry is not reviewed")
            reviewed = replace(entry, last_reviewed_at=now)
            uow.watchlists.save_watchlist_entry(reviewed)
            record_event(uow.audit_log, actor, "watchlist.entry.review", _subject(entry), now)
            uow.commit()
        return reviewed

    def import_lines(
        self,
        actor: Actor,
        lines: Iterable[str],
        *,
        on_progress: ProgressCallback | None = None,
    ) -> ImportReport:
        """Store every valid row of a JSON Lines file; refuse the others with their line.

        A taken identifier is refused as `duplicate_alert`, never overwritten, so running
        an interrupted import again stores exactly the rows that were missing.
        """
        require(actor, Action.WATCHLIST_IMPORT)
        accepted: Counter[WatchlistKind] = Counter()
        rejected: list[Rejection] = []
        lines_read = 0  # by the last committed batch
        source = _LineCounter(lines)
        rows = parse_lines(source)
        while batch := list(islice(rows, self._batch_rows)):
            try:
                stored, refused, additions = self._import_batch(actor, batch)
            except Exception as error:
                report = _report(lines_read, accepted, rejected)
                raise ImportInterruptedError(
                    f"the import stopped in the batch starting at line {batch[0][0]}; "
                    f"{report.stored} rows were stored before it. Import the file again: "
                    "stored rows are then refused as duplicate_alert",
                    report,
                ) from error
            accepted.update(stored)
            rejected.extend(refused)
            lines_read = source.count
            self._notify(additions, actor)
            if on_progress is not None:
                on_progress(
                    ImportProgress(
                        lines_read=lines_read, stored=accepted.total(), rejected=len(rejected)
                    )
                )
        return _report(source.count, accepted, rejected)

    # -- reads -------------------------------------------------------------------------

    def get_person_alert(self, actor: Actor, alert_id: str) -> PersonAlert:
        found = self._read_one(actor, alert_id, {WatchlistKind.SIS_PERSON})
        assert isinstance(found, PersonAlert)
        return found

    def get_document_alert(self, actor: Actor, alert_id: str) -> DocumentAlert:
        found = self._read_one(actor, alert_id, DOCUMENT_KINDS)
        assert isinstance(found, DocumentAlert)
        return found

    def get_watchlist_entry(self, actor: Actor, entry_id: str) -> WatchlistEntry:
        found = self._read_one(actor, entry_id, {WatchlistKind.ETIAS_WATCHLIST})
        assert isinstance(found, WatchlistEntry)
        return found

    def list_records(
        self, actor: Actor, kind: WatchlistKind, *, limit: int = 50, offset: int = 0
    ) -> list[WatchlistRecord]:
        """Alerts or entries of one kind, withdrawn ones included, in identifier order."""
        require(actor, Action.WATCHLIST_READ)
        now = self._clock.now()
        with self._uow() as uow:
            of_kind = (record for record in _all_of(uow, kind) if record.kind is kind)
            page = list(islice(of_kind, offset, offset + limit))
            record_event(uow.audit_log, actor, "watchlist.list", f"watchlist:{kind.value}", now)
            uow.commit()
        return page

    def person_alerts_in_force(self, actor: Actor) -> list[PersonAlert]:
        """Every SIS person alert in force now: what a screening index is built from."""
        require(actor, Action.WATCHLIST_READ)
        now = self._clock.now()
        with self._uow() as uow:
            alerts = list(uow.watchlists.active_person_alerts(now))
            record_event(uow.audit_log, actor, "watchlist.index.read", "watchlist:sis_person", now)
            uow.commit()
        return alerts

    def watchlist_entries_in_force(self, actor: Actor) -> list[WatchlistEntry]:
        """Every ETIAS watchlist entry not withdrawn: what a screening index is built from."""
        require(actor, Action.WATCHLIST_READ)
        now = self._clock.now()
        with self._uow() as uow:
            entries = list(uow.watchlists.active_watchlist_entries(now))
            subject = "watchlist:etias_watchlist"
            record_event(uow.audit_log, actor, "watchlist.index.read", subject, now)
            uow.commit()
        return entries

    def check_document(self, actor: Actor, country: str, number: str) -> DocumentCheck:
        """Alerts in force on this travel document (exact after normalising)."""
        require(actor, Action.WATCHLIST_READ)
        now = self._clock.now()
        with self._uow() as uow:
            check = DocumentCheck(
                document_alerts=tuple(uow.watchlists.find_documents(country, number, now)),
                person_alerts=tuple(
                    uow.watchlists.find_person_alerts_by_document(country, number, now)
                ),
            )
            record_event(
                uow.audit_log,
                actor,
                "watchlist.document.check",
                f"document:{masked_document(country, number)}",
                now,
                outcome="hit" if check.hit else "no_hit",
            )
            uow.commit()
        return check

    def due_for_review(self, actor: Actor) -> list[WatchlistEntry]:
        """Entries not reviewed (or entered) in the last year, longest overdue first."""
        require(actor, Action.WATCHLIST_READ)
        now = self._clock.now()
        with self._uow() as uow:
            due = [e for e in uow.watchlists.active_watchlist_entries(now) if e.due_for_review(now)]
            record_event(uow.audit_log, actor, "watchlist.review_due.read", "watchlist:review", now)
            uow.commit()
        return sorted(due, key=lambda entry: (entry.review_due_since(), entry.entry_id))

    def counts(self, actor: Actor) -> dict[WatchlistKind, int]:
        """How many alerts and entries of each kind are in force now."""
        require(actor, Action.WATCHLIST_READ)
        now = self._clock.now()
        with self._uow() as uow:
            counted = {kind: uow.watchlists.count(kind, now) for kind in WatchlistKind}
            record_event(uow.audit_log, actor, "watchlist.count", "watchlist:all", now)
            uow.commit()
        return counted

    def export(self, actor: Actor) -> Iterator[str]:
        """Every alert and entry, withdrawn ones included, as lines of the JSON Lines format.

        The export is audited before the first line is produced; the lines are read in
        one further transaction while the caller consumes them.
        """
        require(actor, Action.WATCHLIST_EXPORT)
        now = self._clock.now()
        with self._uow() as uow:
            record_event(uow.audit_log, actor, "watchlist.export", "watchlist:all", now)
            uow.commit()
        return self._export_lines()

    def _export_lines(self) -> Iterator[str]:
        with self._uow() as uow:
            for kind in (WatchlistKind.SIS_PERSON, WatchlistKind.SIS_DOCUMENT):
                for record in _all_of(uow, kind):
                    yield to_line(record)
            for entry in uow.watchlists.watchlist_entries():
                yield to_line(entry)

    # -- internals ---------------------------------------------------------------------

    def _add_one(self, actor: Actor, record: R) -> R:
        require(actor, _WRITE_ACTION[record.kind])
        require_responsible(actor, record)
        now = self._clock.now()
        with self._uow() as uow:
            self._store(uow, record, now)
            record_event(
                uow.audit_log, actor, f"watchlist.{record.kind.value}.add", _subject(record), now
            )
            uow.commit()
        self._notify(_additions([record]), actor)
        return record

    def _import_batch(
        self, actor: Actor, batch: list[tuple[int, WatchlistRecord | Rejection]]
    ) -> tuple[Counter[WatchlistKind], list[Rejection], WatchlistAdditions]:
        stored: Counter[WatchlistKind] = Counter()
        refused: list[Rejection] = []
        added: list[WatchlistRecord] = []
        now = self._clock.now()
        with self._uow() as uow:
            for line, parsed in batch:
                if isinstance(parsed, Rejection):
                    refused.append(parsed)
                    continue
                try:
                    self._store(uow, parsed, now)
                except (DuplicateAlertError, EntryInSisError) as error:
                    refused.append(
                        Rejection(line=line, code=error.line_code, message=error.message)
                    )
                    continue
                record_event(uow.audit_log, actor, "watchlist.import", _subject(parsed), now)
                stored[parsed.kind] += 1
                added.append(parsed)
            outcome = f"stored {stored.total()}, refused {len(refused)}"
            span = f"watchlist:import:lines {batch[0][0]}-{batch[-1][0]}"
            record_event(uow.audit_log, actor, "watchlist.import.batch", span, now, outcome)
            uow.commit()
        return stored, refused, _additions(added)

    def _store(self, uow: WatchlistUnitOfWork, record: WatchlistRecord, now: datetime) -> None:
        """Add one record in the caller's unit of work, after the identifier and SIS checks."""
        if uow.watchlists.kind_of(record.record_id) is not None:
            raise DuplicateAlertError("an alert or entry with this identifier is stored")
        if isinstance(record, PersonAlert):
            uow.watchlists.add_person_alert(record)
        elif isinstance(record, DocumentAlert):
            uow.watchlists.add_document_alert(record)
        else:
            _refuse_if_in_sis(uow, record, now)
            uow.watchlists.add_watchlist_entry(record)

    def _read_one(
        self, actor: Actor, record_id: str, kinds: Collection[WatchlistKind]
    ) -> WatchlistRecord:
        require(actor, Action.WATCHLIST_READ)
        now = self._clock.now()
        with self._uow() as uow:
            record = self._find(uow, record_id, kinds)
            record_event(uow.audit_log, actor, "watchlist.read", _subject(record), now)
            uow.commit()
        return record

    @staticmethod
    def _find(
        uow: WatchlistUnitOfWork, record_id: str, kinds: Collection[WatchlistKind]
    ) -> WatchlistRecord:
        """The alert or entry with this identifier, if it is of one of `kinds` (any if none)."""
        found_kind = uow.watchlists.kind_of(record_id)
        record: WatchlistRecord | None = None
        if found_kind is WatchlistKind.SIS_PERSON:
            record = uow.watchlists.get_person_alert(record_id)
        elif found_kind is WatchlistKind.ETIAS_WATCHLIST:
            record = uow.watchlists.get_watchlist_entry(record_id)
        elif found_kind is not None:
            record = uow.watchlists.get_document_alert(record_id)
        if record is None or (kinds and record.kind not in kinds):
            raise AlertNotFoundError("no alert or entry of this kind with this identifier")
        return record

    def _notify(self, additions: WatchlistAdditions, actor: Actor) -> None:
        if additions:
            for observer in self._observers:
                observer(additions, actor)


def _refuse_if_in_sis(uow: WatchlistUnitOfWork, entry: WatchlistEntry, now: datetime) -> None:
    """Reg. 2018/1240 art. 35(1): refuse an entry that corresponds to an SIS alert."""
    candidates: dict[str, PersonAlert] = {}
    for key in surname_keys(entry):
        for alert in uow.watchlists.find_person_alerts_by_surname(key, now):
            candidates[alert.alert_id] = alert
    for document in entry.travel_documents:
        found = uow.watchlists.find_person_alerts_by_document(
            document.country, document.number, now
        )
        candidates.update((alert.alert_id, alert) for alert in found)
    for alert in candidates.values():
        reason = correspondence(entry, alert)
        if reason is not None:
            raise EntryInSisError(
                f"the data correspond to an SIS alert in force ({reason.value}); SIS has "
                "priority and the data are not entered (Reg. 2018/1240 art. 35(1))"
            )


def _all_of(uow: WatchlistUnitOfWork, kind: WatchlistKind) -> Iterator[WatchlistRecord]:
    if kind is WatchlistKind.SIS_PERSON:
        yield from uow.watchlists.person_alerts()
    elif kind is WatchlistKind.ETIAS_WATCHLIST:
        yield from uow.watchlists.watchlist_entries()
    else:
        yield from uow.watchlists.document_alerts()


def _additions(records: list[WatchlistRecord]) -> WatchlistAdditions:
    live = [record for record in records if record.withdrawn_at is None]
    return WatchlistAdditions(
        person_alerts=tuple(r for r in live if isinstance(r, PersonAlert)),
        document_alerts=tuple(r for r in live if isinstance(r, DocumentAlert)),
        watchlist_entries=tuple(r for r in live if isinstance(r, WatchlistEntry)),
    )


def _subject(record: WatchlistRecord) -> str:
    return f"{record.kind.value}:{record.record_id}"


def _report(
    lines_read: int, accepted: Counter[WatchlistKind], rejected: list[Rejection]
) -> ImportReport:
    return ImportReport(
        lines_read=lines_read,
        accepted={kind: accepted[kind] for kind in WatchlistKind},
        rejected=tuple(rejected),
    )


class _LineCounter:
    """The lines of a file, counting how many have been read so far."""

    def __init__(self, lines: Iterable[str]) -> None:
        self._lines = iter(lines)
        self.count = 0

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.count += 1
        return line
