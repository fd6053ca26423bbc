"""The retention plan in SQL: when each file and record is due for erasure (EESR art. 34)."""

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from limes.ees.ports import RetentionItem
from limes.store.sql.errors import translated_errors
from limes.store.sql.tables import RetentionRow, table_of

_PLAN = table_of(RetentionRow)
_ORDER = (_PLAN.c.subject_kind, _PLAN.c.subject_id)
_PLAN_OF_FILE = select(
    _PLAN.c.subject_kind, _PLAN.c.subject_id, _PLAN.c.warn_on, _PLAN.c.warned_at
).where(_PLAN.c.file_id == bindparam("file_id"))
_DELETE_PLAN = delete(_PLAN).where(_PLAN.c.file_id == bindparam("file_id"))
_INSERT_ITEMS = insert(_PLAN)
_DUE = (
    select(_PLAN)
    .where(_PLAN.c.erase_on <= bindparam("on"))
    .order_by(_PLAN.c.erase_on, *_ORDER)
    .limit(bindparam("limit"))
)
_WARNINGS_DUE = (
    select(_PLAN)
    .where(_PLAN.c.warn_on <= bindparam("on"), _PLAN.c.warned_at.is_(None))
    .order_by(_PLAN.c.warn_on, *_ORDER)
    .limit(bindparam("limit"))
)
_MARK_WARNED = (
    update(_PLAN)
    .where(
        _PLAN.c.subject_kind == bindparam("key_subject_kind"),
        _PLAN.c.subject_id == bindparam("key_subject_id"),
    )
    .values(warned_at=bindparam("at"))
)


class SqlRetention:
    def __init__(self, session: Session) -> None:
        self._session = session

    def schedule(self, file_id: str, items: Sequence[RetentionItem]) -> None:
        if any(item.file_id != file_id for item in items):
            raise ValueError("a retention item belongs to another file")
        planned = self._session.execute(_PLAN_OF_FILE, {"file_id": file_id}).all()
        # An item planned again with the same warning day keeps its "warned" mark.
        warned = {
            (kind, subject_id, warn_on): warned_at
            for kind, subject_id, warn_on, warned_at in planned
            if warned_at is not None
        }
        if planned:
            self._session.execute(_DELETE_PLAN, {"file_id": file_id})
        if not items:
            return
        rows = [
            {
                "subject_kind": item.subject_kind,
                "subject_id": item.subject_id,
                "file_id": item.file_id,
                "erase_on": item.erase_on,
                "warn_on": item.warn_on,
                "warned_at": warned.get((item.subject_kind, item.subject_id, item.warn_on)),
            }
            for item in items
        ]
        with translated_errors():
            self._session.execute(_INSERT_ITEMS, rows)

    def due(self, on: date, limit: int) -> Sequence[RetentionItem]:
        return self._items(_DUE, on, limit)

    def warnings_due(self, on: date, limit: int) -> Sequence[RetentionItem]:
        return self._items(_WARNINGS_DUE, on, limit)

    def mark_warned(self, item: RetentionItem, at: datetime) -> None:
        self._session.execute(
            _MARK_WARNED,
            {"key_subject_kind": item.subject_kind, "key_subject_id": item.subject_id, "at": at},
        )

    def _items(self, statement: Select[Any], on: date, limit: int) -> list[RetentionItem]:
        rows = self._session.execute(statement, {"on": on, "limit": limit})
        return [
            RetentionItem(
                subject_kind=row.subject_kind,
                subject_id=row.subject_id,
                file_id=row.file_id,
                erase_on=row.erase_on,
                warn_on=row.warn_on,
            )
            for row in rows
        ]
