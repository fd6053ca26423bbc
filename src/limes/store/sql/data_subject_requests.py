"""Data-subject requests (EESR art. 52) in SQL."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, bindparam, insert, select, update
from sqlalchemy.orm import Session

from limes.ees.data_subject import DataSubjectRequest, RequestKind, RequestStatus
from limes.ees.errors import RecordNotFoundError
from limes.store.sql.errors import translated_errors
from limes.store.sql.statements import changed_rows
from limes.store.sql.tables import DataSubjectRequestRow, table_of

_REQUESTS = table_of(DataSubjectRequestRow)
_REQUEST = select(_REQUESTS).where(_REQUESTS.c.request_id == bindparam("request_id"))
_OPEN = (
    select(_REQUESTS)
    .where(_REQUESTS.c.status.in_([RequestStatus.RECEIVED.value, RequestStatus.FORWARDED.value]))
    .order_by(_REQUESTS.c.answer_due_on, _REQUESTS.c.request_id)
    .limit(bindparam("limit"))
)
_INSERT_REQUEST = insert(_REQUESTS)
_UPDATE_REQUEST = update(_REQUESTS).where(_REQUESTS.c.request_id == bindparam("saved_request_id"))


class SqlDataSubjectRequests:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, request: DataSubjectRequest) -> None:
        with translated_errors():
            self._session.execute(_INSERT_REQUEST, [_values(request)])

    def save(self, request: DataSubjectRequest) -> None:
        values = _values(request) | {"saved_request_id": request.request_id}
        if changed_rows(self._session, _UPDATE_REQUEST, values) == 0:
            raise RecordNotFoundError("no data-subject request with this identifier")

    def get(self, request_id: str) -> DataSubjectRequest | None:
        row = self._session.execute(_REQUEST, {"request_id": request_id}).one_or_none()
        return None if row is None else _request(row)

    def list_open(self, limit: int) -> Sequence[DataSubjectRequest]:
        """Open requests, the earliest answer deadline first."""
        return [_request(row) for row in self._session.execute(_OPEN, {"limit": limit})]


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


def _request(row: Row[Any]) -> DataSubjectRequest:
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
