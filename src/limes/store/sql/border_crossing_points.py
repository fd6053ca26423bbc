"""Border crossing points in SQL."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, bindparam, insert, select
from sqlalchemy.orm import Session

from limes.ees.model import BorderCrossingPoint, BorderType
from limes.store.sql.errors import translated_errors
from limes.store.sql.tables import BorderCrossingPointRow, table_of

_BCPS = table_of(BorderCrossingPointRow)
_BCP = select(_BCPS).where(_BCPS.c.code == bindparam("code"))
_ALL_BCPS = select(_BCPS).order_by(_BCPS.c.code)
_INSERT_BCP = insert(_BCPS)


class SqlBorderCrossingPoints:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, bcp: BorderCrossingPoint) -> None:
        values = {
            "code": bcp.code,
            "name": bcp.name,
            "state": bcp.state,
            "border_type": bcp.border_type.value,
            "time_zone": bcp.time_zone,
        }
        with translated_errors():
            self._session.execute(_INSERT_BCP, [values])

    def get(self, code: str) -> BorderCrossingPoint | None:
        row = self._session.execute(_BCP, {"code": code}).one_or_none()
        return None if row is None else _bcp(row)

    def list(self) -> Sequence[BorderCrossingPoint]:
        return [_bcp(row) for row in self._session.execute(_ALL_BCPS)]


def _bcp(row: Row[Any]) -> BorderCrossingPoint:
    return BorderCrossingPoint(
        code=row.code,
        name=row.name,
        state=row.state,
        border_type=BorderType(row.border_type),
        time_zone=row.time_zone,
    )
