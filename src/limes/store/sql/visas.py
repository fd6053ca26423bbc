"""Visas in SQL; a visa used at the border is linked to the file of its holder."""

from typing import Any

from sqlalchemy import Row, bindparam, insert, select, update
from sqlalchemy.orm import Session

from limes.ees.errors import UnknownVisaError
from limes.ees.model import VisaRecord, VisaStatus
from limes.store.sql.code_lists import codes, ordered_text
from limes.store.sql.errors import translated_errors
from limes.store.sql.statements import changed_rows
from limes.store.sql.tables import VisaRow, table_of

VISAS = table_of(VisaRow)
_SAME_VISA = (
    VISAS.c.issuing_state == bindparam("key_issuing_state"),
    VISAS.c.sticker_number == bindparam("key_sticker_number"),
)
_VISA = select(VISAS).where(*_SAME_VISA)
_VISAS_OF_FILE = (
    select(VISAS)
    .where(VISAS.c.file_id == bindparam("file_id"))
    .order_by(VISAS.c.valid_from, VISAS.c.issuing_state, VISAS.c.sticker_number)
)
_INSERT_VISA = insert(VISAS)
_UPDATE_VISA = update(VISAS).where(*_SAME_VISA)


class SqlVisas:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, visa: VisaRecord) -> None:
        with translated_errors():
            self._session.execute(_INSERT_VISA, [_values(visa)])

    def save(self, visa: VisaRecord) -> None:
        values = _values(visa) | _key(visa.issuing_state, visa.sticker_number)
        with translated_errors():
            if changed_rows(self._session, _UPDATE_VISA, values) == 0:
                raise UnknownVisaError("no visa with this issuing state and sticker number")

    def get(self, issuing_state: str, sticker_number: str) -> VisaRecord | None:
        row = self._session.execute(_VISA, _key(issuing_state, sticker_number)).one_or_none()
        return None if row is None else _visa(row)


def visas_of_file(session: Session, file_id: str) -> tuple[VisaRecord, ...]:
    return tuple(_visa(row) for row in session.execute(_VISAS_OF_FILE, {"file_id": file_id}))


def _key(issuing_state: str, sticker_number: str) -> dict[str, str]:
    return {"key_issuing_state": issuing_state, "key_sticker_number": sticker_number}


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


def _visa(row: Row[Any]) -> VisaRecord:
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
