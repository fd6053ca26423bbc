"""Data-subject requests (EESR art. 52) in SQL."""

from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import CursorResult, insert, select, update
from sqlalchemy.orm import Session

from limes.ees.data_subject import DataSubjectRequest, RequestKind, RequestStatus
from limes.ees.errors import RecordNotFoundError
from limes.store.sql.errors import translated_errors
from limes.store.sql.statements import FRESH, NO_SYNC
from limes.store.sql.tables import DataSubjectRequestRow

_OPEN = (RequestStatus.RECEIVED.value, RequestStatus.FORWARDED.value)


class SqlDataSubjectRequests:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, request: DataSubjectRequest) -> None:
        with translated_errors():
            self._session.execute(insert(DataSubjectRequestRow), [_values(request)])

    def save(self, request: DataSubjectRequest) -> None:
        statement = update(DataSubjectRequestRow).where(
            DataSubjectRequestRow.request_id == request.request_id
        )
        result = self._session.execute(
            statement.values(_values(request)), execution_options=NO_SYNC
        )
        if cast(CursorResult[Any], result).rowcount == 0:
            raise RecordNotFoundError("no data-subject request with this identifier")

    def get(self, request_id: str) -> DataSubjectRequest | None:
        row = self._session.get(DataSubjectRequestRow, request_id, populate_existing=True)
        return None if row is None else _request(row)

    def list_open(self, limit: int) -> Sequence[DataSubjectRequest]:
        """Open requests, the earliest answer deadline first."""
        rows = self._session.scalars(
            select(DataSubjectRequestRow)
            .where(DataSubjectRequestRow.status.in_(_OPEN))
            .order_by(DataSubjectRequestRow.answer_due_on, DataSubjectRequestRow.request_id)
            .limit(limit),
            execution_options=FRESH,
        )
        return [_request(row) for row in rows]


def _values(request: DataSubjectRequest) -> dict[str, Any]:
    return {
        "request_id": request.request_id,
        "kind": request.kind.value,
        "file_id": request.file_id,
        "received_on": request.received_on,
        "received_by_state": request.received_by_state,
        "responsible_state": request.responsible_state,
        "answer_due_on": request.answer_due_on,
        "forward_due_on": request.forward_due_on,
        "check_due_on": request.check_due_on,
        "status": request.status.value,
        "forwarded_on": request.forwarded_on,
        "closed_at": request.closed_at,
        "outcome": request.outcome,
    }


def _request(row: DataSubjectRequestRow) -> DataSubjectRequest:
    return DataSubjectRequest(
        request_id=row.request_id,
        kind=RequestKind(row.kind),
        file_id=row.file_id,
        received_on=row.received_on,
        received_by_state=row.received_by_state,
        responsible_state=row.responsible_state,
        answer_due_on=row.answer_due_on,
        forward_due_on=row.forward_due_on,
        check_due_on=row.check_due_on,
        status=RequestStatus(row.status),
        forwarded_on=row.forwarded_on,
        closed_at=row.closed_at,
        outcome=row.outcome,
    )
