"""Data-subject requests (EESR art. 52): the 45-day answer, 7-day forward and 30-day check."""

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from limes.ees.data_subject import (
    ANSWER_DAYS,
    CHECK_DAYS,
    FORWARD_DAYS,
    DataSubjectRequest,
    RequestKind,
    RequestStatus,
    close,
    forward,
    open_request,
    overdue,
)

RECEIVED_ON = date(2026, 3, 2)


def make_request(
    *,
    received_on: date = RECEIVED_ON,
    received_by_state: str = "NLD",
    responsible_state: str = "NLD",
    kind: RequestKind = RequestKind.ACCESS,
) -> DataSubjectRequest:
    return open_request(
        request_id="request-1",
        kind=kind,
        file_id="file-1",
        received_on=received_on,
        received_by_state=received_by_state,
        responsible_state=responsible_state,
    )


def d(text: str) -> date:
    return date.fromisoformat(text)


def test_the_deadlines_are_those_of_article_52() -> None:
    assert (ANSWER_DAYS, FORWARD_DAYS, CHECK_DAYS) == (45, 7, 30)


def test_the_responsible_state_answers_in_45_days_and_checks_in_30() -> None:
    request = make_request()

    assert (request.answer_due_on, request.check_due_on, request.forward_due_on) == (
        d("2026-04-16"),
        d("2026-04-01"),
        None,
    )
    assert request.status is RequestStatus.RECEIVED
    assert request.is_open


def test_another_state_must_forward_within_7_days() -> None:
    request = make_request(received_by_state="BEL")

    assert (request.answer_due_on, request.forward_due_on, request.check_due_on) == (
        d("2026-04-16"),
        d("2026-03-09"),
        d("2026-04-01"),
    )


def test_forwarding_gives_the_responsible_state_30_days_from_the_forwarding_day() -> None:
    forwarded = forward(make_request(received_by_state="BEL"), d("2026-03-06"))

    assert forwarded.status is RequestStatus.FORWARDED
    assert forwarded.forwarded_on == d("2026-03-06")
    assert forwarded.check_due_on == d("2026-04-05")
    assert forwarded.answer_due_on == d("2026-04-16")
    assert forwarded.is_open


@pytest.mark.parametrize(
    ("status", "is_open"),
    [
        pytest.param(RequestStatus.COMPLETED, False, id="completed"),
        pytest.param(RequestStatus.REJECTED, False, id="rejected"),
    ],
)
def test_closing_records_when_and_how(status: RequestStatus, is_open: bool) -> None:
    at = datetime(2026, 3, 20, 10, 0, tzinfo=UTC)

    closed = close(make_request(), at, status, "answered in writing")

    assert (closed.status, closed.closed_at, closed.outcome, closed.is_open) == (
        status,
        at,
        "answered in writing",
        is_open,
    )


@pytest.mark.parametrize(
    ("request_", "on", "expected"),
    [
        pytest.param(make_request(), "2026-03-02", (), id="received-today"),
        pytest.param(make_request(), "2026-04-01", (), id="check-due-today"),
        pytest.param(make_request(), "2026-04-02", ("check",), id="check-late"),
        pytest.param(make_request(), "2026-04-16", ("check",), id="answer-due-today"),
        pytest.param(make_request(), "2026-04-17", ("answer", "check"), id="answer-late"),
        pytest.param(make_request(received_by_state="BEL"), "2026-03-09", (), id="forward-due"),
        pytest.param(
            make_request(received_by_state="BEL"), "2026-03-10", ("forward",), id="forward-late"
        ),
        pytest.param(
            forward(make_request(received_by_state="BEL"), d("2026-03-06")),
            "2026-03-10",
            (),
            id="forwarded-in-time",
        ),
        pytest.param(
            forward(make_request(received_by_state="BEL"), d("2026-03-06")),
            "2026-04-05",
            (),
            id="check-after-forwarding-due-today",
        ),
        pytest.param(
            forward(make_request(received_by_state="BEL"), d("2026-03-06")),
            "2026-04-06",
            ("check",),
            id="check-after-forwarding-late",
        ),
        pytest.param(
            forward(make_request(received_by_state="BEL"), d("2026-03-20")),
            "2026-03-21",
            (),
            id="forwarded-late-no-longer-to-forward",
        ),
        pytest.param(
            close(
                make_request(),
                datetime(2026, 3, 3, tzinfo=UTC),
                RequestStatus.COMPLETED,
                "answered",
            ),
            "2027-01-01",
            (),
            id="closed-never-overdue",
        ),
    ],
)
def test_overdue_names_the_deadlines_that_passed(
    request_: DataSubjectRequest, on: str, expected: tuple[str, ...]
) -> None:
    assert overdue(request_, d(on)) == expected


@given(
    received_on=st.dates(min_value=date(2020, 1, 1), max_value=date(2040, 12, 31)),
    responsible=st.booleans(),
    kind=st.sampled_from(RequestKind),
)
def test_deadlines_follow_the_receipt_in_order(
    received_on: date, responsible: bool, kind: RequestKind
) -> None:
    request = make_request(
        received_on=received_on,
        received_by_state="NLD",
        responsible_state="NLD" if responsible else "BEL",
        kind=kind,
    )

    assert request.answer_due_on - received_on == timedelta(days=ANSWER_DAYS)
    assert request.check_due_on - received_on == timedelta(days=CHECK_DAYS)
    assert (request.forward_due_on is None) is responsible
    if request.forward_due_on is not None:
        assert received_on < request.forward_due_on < request.check_due_on
    assert overdue(request, received_on) == ()
    assert "answer" in overdue(request, request.answer_due_on + timedelta(days=1))
