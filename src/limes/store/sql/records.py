"""Entry/exit records with their stay decisions, and refusal records with their reasons."""

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any, cast

from sqlalchemy import ColumnElement, CursorResult, delete, insert, select, update
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
from limes.store.sql.statements import FRESH, NO_SYNC
from limes.store.sql.statistics import statistics
from limes.store.sql.tables import (
    EntryExitRecordRow,
    NationalityRow,
    RefusalReasonRow,
    RefusalRecordRow,
    RetentionRow,
    StayDecisionRow,
)
from limes.store.sql.traveller_file_rows import load_files

_Entry = EntryExitRecordRow


class SqlRecords:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add_entry(self, record: EntryExitRecord) -> None:
        with translated_errors():
            self._session.execute(insert(_Entry), [_entry_values(record)])
            self._insert_decisions(record)

    def save_entry(self, record: EntryExitRecord) -> None:
        statement = update(_Entry).where(_Entry.record_id == record.record_id)
        with translated_errors():
            result = self._session.execute(
                statement.values(_entry_values(record)), execution_options=NO_SYNC
            )
            if cast(CursorResult[Any], result).rowcount == 0:
                raise RecordNotFoundError("no entry/exit record with this identifier")
            self._session.execute(
                delete(StayDecisionRow).where(StayDecisionRow.record_id == record.record_id),
                execution_options=NO_SYNC,
            )
            self._insert_decisions(record)

    def get_entry(self, record_id: str) -> EntryExitRecord | None:
        found = load_entries(self._session, _Entry.record_id == record_id)
        return found[0] if found else None

    def add_refusal(self, record: RefusalRecord) -> None:
        with translated_errors():
            self._session.execute(insert(RefusalRecordRow), [_refusal_values(record)])
            if record.reasons:
                self._session.execute(
                    insert(RefusalReasonRow),
                    [
                        {"record_id": record.record_id, "reason": reason.value}
                        for reason in sorted(record.reasons)
                    ],
                )

    def erase_entry(self, record_id: str) -> None:
        self._unschedule("entry", record_id)
        self._session.execute(
            delete(_Entry).where(_Entry.record_id == record_id), execution_options=NO_SYNC
        )

    def erase_refusal(self, record_id: str) -> None:
        self._unschedule("refusal", record_id)
        self._session.execute(
            delete(RefusalRecordRow).where(RefusalRecordRow.record_id == record_id),
            execution_options=NO_SYNC,
        )

    def due_for_overstay_flag(self, on: date, limit: int) -> Sequence[EntryExitRecord]:
        return load_entries(
            self._session,
            _Entry.exit_at.is_(None),
            _Entry.overstay_flagged_at.is_(None),
            _Entry.authorised_stay_until < on,
            limit=limit,
            by_stay_end=True,
        )

    def overstayers(
        self, *, nationality: str | None, bcp_code: str | None, limit: int, offset: int
    ) -> Sequence[OverstayerRow]:
        criteria: list[ColumnElement[bool]] = [
            _Entry.exit_at.is_(None),
            _Entry.overstay_flagged_at.is_not(None),
        ]
        if bcp_code is not None:
            criteria.append(_Entry.entry_bcp_code == bcp_code)
        if nationality is not None:
            criteria.append(
                _Entry.file_id.in_(
                    select(NationalityRow.file_id).where(NationalityRow.nationality == nationality)
                )
            )
        records = load_entries(
            self._session, *criteria, limit=limit, offset=offset, by_stay_end=True
        )
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
        self._session.execute(
            delete(RetentionRow).where(
                RetentionRow.subject_kind == subject_kind, RetentionRow.subject_id == record_id
            ),
            execution_options=NO_SYNC,
        )

    def _insert_decisions(self, record: EntryExitRecord) -> None:
        if record.decisions:
            self._session.execute(
                insert(StayDecisionRow),
                [
                    _decision_values(record.record_id, position, decision)
                    for position, decision in enumerate(record.decisions)
                ],
            )


def entries_of_file(session: Session, file_id: str) -> tuple[EntryExitRecord, ...]:
    return tuple(load_entries(session, _Entry.file_id == file_id))


def refusals_of_file(session: Session, file_id: str) -> tuple[RefusalRecord, ...]:
    rows = session.scalars(
        select(RefusalRecordRow)
        .where(RefusalRecordRow.file_id == file_id)
        .order_by(RefusalRecordRow.at, RefusalRecordRow.record_id),
        execution_options=FRESH,
    ).all()
    reasons: defaultdict[str, set[RefusalReason]] = defaultdict(set)
    if rows:
        for reason in session.scalars(
            select(RefusalReasonRow).where(
                RefusalReasonRow.record_id.in_([row.record_id for row in rows])
            ),
            execution_options=FRESH,
        ):
            reasons[reason.record_id].add(RefusalReason(reason.reason))
    return tuple(_refusal(row, frozenset(reasons[row.record_id])) for row in rows)


def load_entries(
    session: Session,
    *criteria: ColumnElement[bool],
    limit: int | None = None,
    offset: int = 0,
    by_stay_end: bool = False,
) -> list[EntryExitRecord]:
    """Entry records matching `criteria`, oldest entry (or authorised-stay end) first."""
    order = (
        (_Entry.authorised_stay_until, _Entry.record_id)
        if by_stay_end
        else (_Entry.entry_at, _Entry.record_id)
    )
    statement = select(_Entry).where(*criteria).order_by(*order).offset(offset).limit(limit)
    rows = session.scalars(statement, execution_options=FRESH).all()
    decisions: defaultdict[str, list[StayDecision]] = defaultdict(list)
    if rows:
        for decision in session.scalars(
            select(StayDecisionRow)
            .where(StayDecisionRow.record_id.in_([row.record_id for row in rows]))
            .order_by(StayDecisionRow.record_id, StayDecisionRow.position),
            execution_options=FRESH,
        ):
            decisions[decision.record_id].append(_decision(decision))
    return [_entry(row, tuple(decisions[row.record_id])) for row in rows]


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


def _entry(row: EntryExitRecordRow, decisions: tuple[StayDecision, ...]) -> EntryExitRecord:
    exit_ = None
    if row.exit_at is not None:
        assert row.exit_day is not None
        exit_ = Crossing(
            at=row.exit_at,
            day=row.exit_day,
            bcp_code=row.exit_bcp_code or "",
            authority=row.exit_authority or "",
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


def _decision(row: StayDecisionRow) -> StayDecision:
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


def _refusal(row: RefusalRecordRow, reasons: frozenset[RefusalReason]) -> RefusalRecord:
    return RefusalRecord(
        record_id=row.record_id,
        file_id=row.file_id,
        document=DocumentKey(row.document_issuing_state, row.document_number),
        crossing=Crossing(at=row.at, day=row.day, bcp_code=row.bcp_code, authority=row.authority),
        reasons=reasons,
        biometrics_refused=row.biometrics_refused,
        flags=frozenset(RecordFlag(flag) for flag in codes(row.flags)),
    )
