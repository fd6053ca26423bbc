"""Data-subject requests (EESR art. 52; GDPR arts. 15-18) and their legal deadlines.

Any Member State may receive a request. The responsible state answers within 45 days.
A state that is not responsible checks within 30 days, or within 7 days contacts the
responsible state, which then checks within 30 days.
"""

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Final

ANSWER_DAYS: Final = 45  # EESR art. 52(5) [verify exact paragraph]; ees_rules.md §10
FORWARD_DAYS: Final = 7  # non-responsible state contacts the responsible one
CHECK_DAYS: Final = 30  # check by the state that holds or receives the request


class RequestKind(StrEnum):
    ACCESS = "access"  # GDPR art. 15
    RECTIFICATION = "rectification"  # art. 16
    ERASURE = "erasure"  # art. 17
    RESTRICTION = "restriction"  # art. 18


class RequestStatus(StrEnum):
    RECEIVED = "received"
    FORWARDED = "forwarded"
    COMPLETED = "completed"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True, kw_only=True)
class DataSubjectRequest:
    """A request about one individual file, with the dates the law sets for it."""

    request_id: str
    kind: RequestKind
    file_id: str
    received_on: date
    received_by_state: str
    responsible_state: str
    answer_due_on: date
    forward_due_on: date | None
    check_due_on: date
    status: RequestStatus = RequestStatus.RECEIVED
    forwarded_on: date | None = None
    closed_at: datetime | None = None
    outcome: str = ""

    @property
    def is_open(self) -> bool:
        return self.status in (RequestStatus.RECEIVED, RequestStatus.FORWARDED)


def open_request(
    *,
    request_id: str,
    kind: RequestKind,
    file_id: str,
    received_on: date,
    received_by_state: str,
    responsible_state: str,
) -> DataSubjectRequest:
    """A new request with its deadlines counted from the day it was received."""
    responsible = received_by_state == responsible_state
    return DataSubjectRequest(
        request_id=request_id,
        kind=kind,
        file_id=file_id,
        received_on=received_on,
        received_by_state=received_by_state,
        responsible_state=responsible_state,
        answer_due_on=received_on + timedelta(days=ANSWER_DAYS),
        forward_due_on=None if responsible else received_on + timedelta(days=FORWARD_DAYS),
        check_due_on=received_on + timedelta(days=CHECK_DAYS),
    )


def forward(request: DataSubjectRequest, on: date) -> DataSubjectRequest:
    """Forwarded to the responsible state, which then has 30 days from `on` to check."""
    return replace(
        request,
        status=RequestStatus.FORWARDED,
        forwarded_on=on,
        check_due_on=on + timedelta(days=CHECK_DAYS),
    )


def close(
    request: DataSubjectRequest, at: datetime, status: RequestStatus, outcome: str
) -> DataSubjectRequest:
    return replace(request, status=status, closed_at=at, outcome=outcome)


def overdue(request: DataSubjectRequest, on: date) -> tuple[str, ...]:
    """Which deadlines of an open request have passed on `on`."""
    if not request.is_open:
        return ()
    late = []
    if on > request.answer_due_on:
        late.append("answer")
    if on > request.check_due_on:
        late.append("check")
    if (
        request.forward_due_on is not None
        and request.status is RequestStatus.RECEIVED
        and on > request.forward_due_on
    ):
        late.append("forward")
    return tuple(late)
