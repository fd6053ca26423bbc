"""Border crossing points in SQL."""

from collections.abc import Sequence

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from limes.ees.model import BorderCrossingPoint, BorderType
from limes.store.sql.errors import translated_errors
from limes.store.sql.statements import FRESH
from limes.store.sql.tables import BorderCrossingPointRow


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
            self._session.execute(insert(BorderCrossingPointRow), [values])

    def get(self, code: str) -> BorderCrossingPoint | None:
        row = self._session.get(BorderCrossingPointRow, code, populate_existing=True)
        return None if row is None else _bcp(row)

    def list(self) -> Sequence[BorderCrossingPoint]:
        rows = self._session.scalars(
            select(BorderCrossingPointRow).order_by(BorderCrossingPointRow.code),
            execution_options=FRESH,
        )
        return [_bcp(row) for row in rows]


def _bcp(row: BorderCrossingPointRow) -> BorderCrossingPoint:
    return BorderCrossingPoint(
        code=row.code,
        name=row.name,
        state=row.state,
        border_type=BorderType(row.border_type),
        time_zone=row.time_zone,
    )
