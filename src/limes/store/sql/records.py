"""Entry/exit records with their stay decisions, and refusal records with their reasons."""

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Row,
    Select,
    bindparam,
    delete,
    insert,
    literal,
    select,
    update,
)
from sqlalchemy.orm import Session

from limes.ees.errors import RecordNotFoundError
from limes.ees.model import (
    Crossing,
    DocumentKey,
    EntryExitRecord,
    RecordFlag,
    RefusalReason,
    RefusalRecord,
    StayDecision,
    StayDecisionKind,
)
from limes.ees.ports import OverstayerRow, StatisticsRow
from limes.store.sql.code_lists import codes, sorted_text
from limes.store.sql.errors import translated_errors
from limes.store.sql.statements import changed_rows
from limes.store.sql.statistics import statistics
from limes.store.sql.tables import (
    EntryExitRecordRow,
    RefusalReasonRow,
    RefusalRecordRow,
    RetentionRow,
    StayDecisionRow,
    TravellerFileRow,
    table_of,
)
from limes.store.sql.traveller_file_rows import load_files

ENTRIES = table_of(EntryExitRecordRow)
DECISIONS = table_of(StayDecisionRow)
REFUSALS = table_of(RefusalRecordRow)
REASONS = table_of(RefusalReasonRow)
_FILES = table_of(TravellerFileRow)
_RETENTION = table_of(RetentionRow)

_ENTRIES_IN_ORDER = select(ENTRIES).order_by(ENTRIES.c.entry_at, ENTRIES.c.record_id)
_ENTRY_BY_ID = _ENTRIES_IN_ORDER.where(ENTRIES.c.record_id == bindparam("record_id"))
_ENTRIES_OF_FILE = _ENTRIES_IN_ORDER.where(ENTRIES.c.file_id == bindparam("file_id"))
_DECISIONS_OF = (
    select(DECISIONS)
    .where(DECISIONS.c.record_id.in_(bindparam("record_ids", expanding=True)))
    .order_by(DECISIONS.c.record_id, DECISIONS.c.position)
)
_REFUSALS_OF_FILE = (
    select(REFUSALS)
    .where(REFUSALS.c.file_id == bindparam("file_id"))
    .order_by(REFUSALS.c.at, REFUSALS.c.record_id)
)
_REASONS_OF = select(REASONS).where(
    REASONS.c.record_id.in_(bindparam("record_ids", expanding=True))
)
_INSERT_ENTRY = insert(ENTRIES)
_INSERT_DECISIONS = insert(DECISIONS)
_INSERT_REFUSAL = insert(REFUSALS)
_INSERT_REASONS = insert(REASONS)
_UPDATE_ENTRY = update(ENTRIES).where(ENTRIES.c.record_id == bindparam("saved_record_id"))
_DELETE_DECISIONS = delete(DECISIONS).where(DECISIONS.c.record_id == bindparam("record_id"))
_DELETE_ENTRY = delete(ENTRIES).where(ENTRIES.c.record_id == bindparam("record_id"))
_DELETE_REFUSAL = delete(REFUSALS).where(REFUSALS.c.record_id == bindparam("record_id"))
_UNSCHEDULE = delete(_RETENTION).where(
    _RETENTION.c.subject_kind == bindparam("subject_kind"),
    _RETENTION.c.subject_id == bindparam("subject_id"),
)
_OPEN = ENTRIES.c.exit_at.is_(None)


class SqlRecords:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add_entry(self, record: EntryExitRecord) -> None:
        with translated_errors():
            self._session.execute(_INSERT_ENTRY, [_entry_values(record)])
            self._insert_decisions(record)

    def save_entry(self, record: EntryExitRecord) -> None:
        values = _entry_values(record) | {"saved_record_id": record.record_id}
        with translated_errors():
            if changed_rows(self._session, _UPDATE_ENTRY, values) == 0:
                raise RecordNotFoundError("no entry/exit record with this identifier")
            self._session.execute(_DELETE_DECISIONS, {"record_id": record.record_id})
            self._insert_decisions(record)

    def get_entry(self, record_id: str) -> EntryExitRecord | None:
        found = load_entries(self._session, _ENTRY_BY_ID, {"record_id": record_id})
        return found[0] if found else None

    def add_refusal(self, record: RefusalRecord) -> None:
        with translated_errors():
            self._session.execute(_INSERT_REFUSAL, [_refusal_values(record)])
            if record.reasons:
                self._session.execute(
                    _INSERT_REASONS,
                    [
                        {"record_id": record.record_id, "reason": reason.value}
                        for reason in sorted(record.reasons)
                    ],
                )

    def erase_entry(self, record_id: str) -> None:
        self._unschedule("entry", record_id)
        self._session.execute(_DELETE_ENTRY, {"record_id": record_id})

    def erase_refusal(self, record_id: str) -> None:
        self._unschedule("refusal", record_id)
        self._session.execute(_DELETE_REFUSAL, {"record_id": record_id})

    def due_for_overstay_flag(self, on: date, limit: int) -> Sequence[EntryExitRecord]:
        due = _by_stay_end(
            _OPEN,
            ENTRIES.c.overstay_flagged_at.is_(None),
            ENTRIES.c.authorised_stay_until < on,
        )
        return load_entries(self._session, due.limit(limit))

    def overstayers(
        self, *, nationality: str | None, bcp_code: str | None, limit: int, offset: int
    ) -> Sequence[OverstayerRow]:
        criteria: list[ColumnElement[bool]] = [_OPEN, ENTRIES.c.overstay_flagged_at.is_not(None)]
        if bcp_code is not None:
            criteria.append(ENTRIES.c.entry_bcp_code == bcp_code)
        if nationality is not None:
            listed = literal(",") + _FILES.c.nationalities + ","
            holders = select(_FILES.c.file_id).where(listed.contains(f",{nationality},"))
            criteria.append(ENTRIES.c.file_id.in_(holders))
        records = load_entries(self._session, _by_stay_end(*criteria).limit(limit).offset(offset))
        files = load_files(self._session, sorted({record.file_id for record in records}))
        return [OverstayerRow(record=record, file=files[record.file_id]) for record in records]

    def statistics(
        self, *, dimensions: Sequence[str], from_day: date, to_day: date, kind: str
    ) -> Sequence[StatisticsRow]:
        return statistics(
            self._session, dimensions=dimensions, from_day=from_day, to_day=to_day, kind=kind
        )

    def _unschedule(self, subject_kind: str, record_id: str) -> None:
        """An erased record leaves the retention plan, so it is never due again."""
        self._session.execute(_UNSCHEDULE, {"subject_kind": subject_kind, "subject_id": record_id})

    def _insert_decisions(self, record: EntryExitRecord) -> None:
        if record.decisions:
            self._session.execute(
                _INSERT_DECISIONS,
                [
                    _decision_values(record.record_id, position, decision)
                    for position, decision in enumerate(record.decisions)
                ],
            )


def entries_of_file(session: Session, file_id: str) -> tuple[EntryExitRecord, ...]:
    return tuple(load_entries(session, _ENTRIES_OF_FILE, {"file_id": file_id}))


def refusals_of_file(session: Session, file_id: str) -> tuple[RefusalRecord, ...]:
    rows = session.execute(_REFUSALS_OF_FILE, {"file_id": file_id}).all()
    reasons: defaultdict[str, set[RefusalReason]] = defaultdict(set)
    if rows:
        record_ids = [row.record_id for row in rows]
        for reason in session.execute(_REASONS_OF, {"record_ids": record_ids}):
            reasons[reason.record_id].add(RefusalReason(reason.reason))
    return tuple(_refusal(row, frozenset(reasons[row.record_id])) for row in rows)


def load_entries(
    session: Session, statement: Select[Any], values: dict[str, Any] | None = None
) -> list[EntryExitRecord]:
    """The entry records `statement` selects, in its order, with their decisions."""
    rows = session.execute(statement, values or {}).all()
    decisions: defaultdict[str, list[StayDecision]] = defaultdict(list)
    if rows:
        record_ids = [row.record_id for row in rows]
        for decision in session.execute(_DECISIONS_OF, {"record_ids": record_ids}):
            decisions[decision.record_id].append(_decision(decision))
    return [_entry(row, tuple(decisions[row.record_id])) for row in rows]


def _by_stay_end(*criteria: ColumnElement[bool]) -> Select[Any]:
    order = (ENTRIES.c.authorised_stay_until, ENTRIES.c.record_id)
    return select(ENTRIES).where(*criteria).order_by(*order)


def _entry_values(record: EntryExitRecord) -> dict[str, Any]:
    exit_ = record.exit
    return {
        "record_id": record.record_id,
        "file_id": record.file_id,
        "document_issuing_state": record.document.issuing_state,
        "document_number": record.document.number,
        "entry_at": record.entry.at,
        "entry_day": record.entry.day,
        "entry_bcp_code": record.entry.bcp_code,
        "entry_authority": record.entry.authority,
        "authorised_stay_until": record.authorised_stay_until,
        "visa_sticker": record.visa_sticker,
        "flags": sorted_text(record.flags),
        "exit_at": None if exit_ is None else exit_.at,
        "exit_day": None if exit_ is None else exit_.day,
        "exit_bcp_code": None if exit_ is None else exit_.bcp_code,
        "exit_authority": None if exit_ is None else exit_.authority,
        "exit_flags": sorted_text(record.exit_flags),
        "overstay_flagged_at": record.overstay_flagged_at,
    }


def _entry(row: Row[Any], decisions: tuple[StayDecision, ...]) -> EntryExitRecord:
    exit_ = None
    if row.exit_at is not None:
        exit_ = Crossing(
            at=row.exit_at,
            day=row.exit_day,
            bcp_code=row.exit_bcp_code,
            authority=row.exit_authority,
        )
    return EntryExitRecord(
        record_id=row.record_id,
        file_id=row.file_id,
        document=DocumentKey(row.document_issuing_state, row.document_number),
        entry=Crossing(
            at=row.entry_at,
            day=row.entry_day,
            bcp_code=row.entry_bcp_code,
            authority=row.entry_authority,
        ),
        authorised_stay_until=row.authorised_stay_until,
        visa_sticker=row.visa_sticker,
        flags=frozenset(RecordFlag(flag) for flag in codes(row.flags)),
        exit=exit_,
        exit_flags=frozenset(RecordFlag(flag) for flag in codes(row.exit_flags)),
        overstay_flagged_at=row.overstay_flagged_at,
        decisions=decisions,
    )


def _decision_values(record_id: str, position: int, decision: StayDecision) -> dict[str, Any]:
    return {
        "record_id": record_id,
        "position": position,
        "kind": decision.kind.value,
        "decided_on": decision.decided_on,
        "authority": decision.authority,
        "place": decision.place,
        "authorised_stay_until": decision.authorised_stay_until,
        "new_visa_sticker": decision.new_visa_sticker,
        "recorded_at": decision.recorded_at,
    }


def _decision(row: Row[Any]) -> StayDecision:
    return StayDecision(
        kind=StayDecisionKind(row.kind),
        decided_on=row.decided_on,
        authority=row.authority,
        place=row.place,
        authorised_stay_until=row.authorised_stay_until,
        new_visa_sticker=row.new_visa_sticker,
        recorded_at=row.recorded_at,
    )


def _refusal_values(record: RefusalRecord) -> dict[str, Any]:
    return {
        "record_id": record.record_id,
        "file_id": record.file_id,
        "document_issuing_state": record.document.issuing_state,
        "document_number": record.document.number,
        "at": record.crossing.at,
        "day": record.crossing.day,
        "bcp_code": record.crossing.bcp_code,
        "authority": record.crossing.authority,
        "biometrics_refused": record.biometrics_refused,
        "flags": sorted_text(record.flags),
    }


def _refusal(row: Row[Any], reasons: frozenset[RefusalReason]) -> RefusalRecord:
    return RefusalRecord(
        record_id=row.record_id,
        file_id=row.file_id,
        document=DocumentKey(row.document_issuing_state, row.document_number),
        crossing=Crossing(at=row.at, day=row.day, bcp_code=row.bcp_code, authority=row.authority),
        reasons=reasons,
        biometrics_refused=row.biometrics_refused,
        flags=frozenset(RecordFlag(flag) for flag in codes(row.flags)),
    )
