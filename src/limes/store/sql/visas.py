"""Visas in SQL; a visa used at the border is linked to the file of its holder."""

from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import CursorResult, insert, select, update
from sqlalchemy.orm import Session

from limes.ees.errors import UnknownVisaError
from limes.ees.model import VisaRecord, VisaStatus
from limes.store.sql.code_lists import codes, ordered_text
from limes.store.sql.errors import translated_errors
from limes.store.sql.statements import FRESH, NO_SYNC
from limes.store.sql.tables import VisaRow


class SqlVisas:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, visa: VisaRecord) -> None:
        with translated_errors():
            self._session.execute(insert(VisaRow), [_values(visa)])

    def save(self, visa: VisaRecord) -> None:
        statement = update(VisaRow).where(
            VisaRow.issuing_state == visa.issuing_state,
            VisaRow.sticker_number == visa.sticker_number,
        )
        with translated_errors():
            result = self._session.execute(
                statement.values(_values(visa)), execution_options=NO_SYNC
            )
        if cast(CursorResult[Any], result).rowcount == 0:
            raise UnknownVisaError("no visa with this issuing state and sticker number")

    def get(self, issuing_state: str, sticker_number: str) -> VisaRecord | None:
        row = self._session.scalar(
            select(VisaRow).where(
                VisaRow.issuing_state == issuing_state, VisaRow.sticker_number == sticker_number
            ),
            execution_options=FRESH,
        )
        return None if row is None else _visa(row)


def visas_of_file(session: Session, file_id: str) -> tuple[VisaRecord, ...]:
    rows: Sequence[VisaRow] = session.scalars(
        select(VisaRow)
        .where(VisaRow.file_id == file_id)
        .order_by(VisaRow.valid_from, VisaRow.issuing_state, VisaRow.sticker_number),
        execution_options=FRESH,
    ).all()
    return tuple(_visa(row) for row in rows)


def _values(visa: VisaRecord) -> dict[str, Any]:
    return {
        "issuing_state": visa.issuing_state,
        "sticker_number": visa.sticker_number,
        "valid_from": visa.valid_from,
        "valid_until": visa.valid_until,
        "entries_allowed": visa.entries_allowed,
        "duration_of_stay_days": visa.duration_of_stay_days,
        "limited_territorial_validity": ordered_text(visa.limited_territorial_validity),
        "status": visa.status.value,
        "file_id": visa.file_id,
    }


def _visa(row: VisaRow) -> VisaRecord:
    return VisaRecord(
        sticker_number=row.sticker_number,
        issuing_state=row.issuing_state,
        valid_from=row.valid_from,
        valid_until=row.valid_until,
        entries_allowed=row.entries_allowed,
        duration_of_stay_days=row.duration_of_stay_days,
        limited_territorial_validity=codes(row.limited_territorial_validity),
        status=VisaStatus(row.status),
        file_id=row.file_id,
    )
