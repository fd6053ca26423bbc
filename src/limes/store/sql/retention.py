"""The retention plan in SQL: when each file and record is due for erasure (EESR art. 34)."""

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, delete, insert, select, update
from sqlalchemy.orm import QueryableAttribute, Session

from limes.ees.ports import RetentionItem
from limes.store.sql.errors import translated_errors
from limes.store.sql.statements import FRESH, NO_SYNC
from limes.store.sql.tables import RetentionRow


class SqlRetention:
    def __init__(self, session: Session) -> None:
        self._session = session

    def schedule(self, file_id: str, items: Sequence[RetentionItem]) -> None:
        if any(item.file_id != file_id for item in items):
            raise ValueError("a retention item belongs to another file")
        # An item planned again with the same warning day keeps its "warned" mark.
        warned = {
            (row.subject_kind, row.subject_id, row.warn_on): row.warned_at
            for row in self._session.scalars(
                select(RetentionRow).where(
                    RetentionRow.file_id == file_id, RetentionRow.warned_at.is_not(None)
                ),
                execution_options=FRESH,
            )
        }
        self._session.execute(
            delete(RetentionRow).where(RetentionRow.file_id == file_id), execution_options=NO_SYNC
        )
        if items:
            with translated_errors():
                self._session.execute(
                    insert(RetentionRow),
                    [
                        {
                            "subject_kind": item.subject_kind,
                            "subject_id": item.subject_id,
                            "file_id": item.file_id,
                            "erase_on": item.erase_on,
                            "warn_on": item.warn_on,
                            "warned_at": warned.get(
                                (item.subject_kind, item.subject_id, item.warn_on)
                            ),
                        }
                        for item in items
                    ],
                )

    def due(self, on: date, limit: int) -> Sequence[RetentionItem]:
        return self._items(RetentionRow.erase_on <= on, order=RetentionRow.erase_on, limit=limit)

    def warnings_due(self, on: date, limit: int) -> Sequence[RetentionItem]:
        return self._items(
            RetentionRow.warn_on <= on,
            RetentionRow.warned_at.is_(None),
            order=RetentionRow.warn_on,
            limit=limit,
        )

    def mark_warned(self, item: RetentionItem, at: datetime) -> None:
        self._session.execute(
            update(RetentionRow)
            .where(
                RetentionRow.subject_kind == item.subject_kind,
                RetentionRow.subject_id == item.subject_id,
            )
            .values(warned_at=at),
            execution_options=NO_SYNC,
        )

    def _items(
        self, *criteria: ColumnElement[bool], order: QueryableAttribute[Any], limit: int
    ) -> list[RetentionItem]:
        rows = self._session.scalars(
            select(RetentionRow)
            .where(*criteria)
            .order_by(order, RetentionRow.subject_kind, RetentionRow.subject_id)
            .limit(limit),
            execution_options=FRESH,
        )
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
