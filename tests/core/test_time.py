"""Clocks, UTC instants and the calendar day at the border crossing point."""

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from limes.core.time import FixedClock, SystemClock, local_day, require_aware

AMSTERDAM = "Europe/Amsterdam"


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.mark.parametrize(
    ("at", "time_zone", "expected"),
    [
        pytest.param("2026-11-22T22:59", AMSTERDAM, "2026-11-22", id="winter-before-midnight"),
        pytest.param("2026-11-22T23:00", AMSTERDAM, "2026-11-23", id="winter-midnight"),
        pytest.param("2026-11-22T23:30", "UTC", "2026-11-22", id="same-instant-in-utc"),
        pytest.param("2026-07-01T21:59", AMSTERDAM, "2026-07-01", id="summer-before-midnight"),
        pytest.param("2026-07-01T22:00", AMSTERDAM, "2026-07-02", id="summer-midnight"),
        # Summer time starts on Sunday 29 March 2026 at 01:00 UTC (02:00 CET -> 03:00 CEST).
        pytest.param("2026-03-28T22:59", AMSTERDAM, "2026-03-28", id="spring-eve-before"),
        pytest.param("2026-03-28T23:00", AMSTERDAM, "2026-03-29", id="spring-day-starts-cet"),
        pytest.param("2026-03-29T21:59", AMSTERDAM, "2026-03-29", id="spring-day-ends-cest"),
        pytest.param("2026-03-29T22:00", AMSTERDAM, "2026-03-30", id="after-spring-day"),
        # Winter time returns on Sunday 25 October 2026 at 01:00 UTC (03:00 CEST -> 02:00 CET).
        pytest.param("2026-10-24T21:59", AMSTERDAM, "2026-10-24", id="autumn-eve-before"),
        pytest.param("2026-10-24T22:00", AMSTERDAM, "2026-10-25", id="autumn-day-starts-cest"),
        pytest.param("2026-10-25T22:59", AMSTERDAM, "2026-10-25", id="autumn-day-ends-cet"),
        pytest.param("2026-10-25T23:00", AMSTERDAM, "2026-10-26", id="after-autumn-day"),
        pytest.param("2026-10-25T00:30", AMSTERDAM, "2026-10-25", id="repeated-hour-first"),
        pytest.param("2026-10-25T01:30", AMSTERDAM, "2026-10-25", id="repeated-hour-second"),
        pytest.param("2026-06-30T23:30", "Atlantic/Azores", "2026-06-30", id="azores-behind-utc"),
        pytest.param("2026-12-31T22:00", "Europe/Helsinki", "2027-01-01", id="helsinki-new-year"),
    ],
)
def test_local_day_is_the_calendar_day_at_the_border(
    at: str, time_zone: str, expected: str
) -> None:
    assert local_day(utc(at), time_zone) == date.fromisoformat(expected)


def test_local_day_reads_an_instant_given_in_any_offset() -> None:
    at = datetime(2026, 11, 23, 0, 30, tzinfo=timezone(timedelta(hours=5)))  # 19:30 UTC on the 22nd

    assert local_day(at, AMSTERDAM) == date(2026, 11, 22)


@given(
    at=st.datetimes(
        min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
    )
)
def test_amsterdam_is_never_a_day_behind_utc_nor_more_than_one_ahead(at: datetime) -> None:
    amsterdam = local_day(at, AMSTERDAM)

    assert local_day(at, "UTC") == at.date()
    assert amsterdam - at.date() in (timedelta(0), timedelta(days=1))
    if at.hour < 22:  # before midnight in both CET (UTC+1) and CEST (UTC+2)
        assert amsterdam == at.date()
    if at.hour == 23:  # after midnight in both
        assert amsterdam == at.date() + timedelta(days=1)


def naive() -> datetime:
    return datetime(2026, 11, 23, 9, 0)


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda: require_aware(naive()), id="require-aware"),
        pytest.param(lambda: local_day(naive(), AMSTERDAM), id="local-day"),
        pytest.param(lambda: FixedClock(naive()), id="fixed-clock"),
        pytest.param(lambda: FixedClock().set(naive()), id="fixed-clock-set"),
    ],
)
def test_naive_datetimes_are_rejected_never_guessed(call: Callable[[], object]) -> None:
    with pytest.raises(ValueError, match="time zone"):
        call()


def test_require_aware_returns_the_same_instant_in_utc() -> None:
    at = datetime(2026, 11, 23, 10, 0, tzinfo=timezone(timedelta(hours=1)))

    converted = require_aware(at)

    assert converted == at
    assert converted.tzinfo is UTC
    assert converted.hour == 9


def test_a_fixed_clock_stands_still_until_moved() -> None:
    clock = FixedClock(datetime(2026, 11, 23, 9, 0, tzinfo=UTC))

    assert clock.now() == clock.now() == datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def test_a_fixed_clock_advances_and_returns_itself() -> None:
    clock = FixedClock(datetime(2026, 11, 23, 9, 0, tzinfo=UTC))

    moved = clock.advance(days=1, hours=1.5)

    assert moved is clock
    assert clock.now() == datetime(2026, 11, 24, 10, 30, tzinfo=UTC)


def test_a_fixed_clock_jumps_and_keeps_utc() -> None:
    clock = FixedClock()

    clock.set(datetime(2027, 1, 1, 1, 0, tzinfo=timezone(timedelta(hours=2))))

    assert clock.now() == datetime(2026, 12, 31, 23, 0, tzinfo=UTC)
    assert clock.now().tzinfo is UTC


def test_a_fixed_clock_given_local_time_reads_utc() -> None:
    clock = FixedClock(datetime(2026, 11, 23, 10, 0, tzinfo=timezone(timedelta(hours=1))))

    assert clock.now().tzinfo is UTC
    assert clock.now().hour == 9


def test_fixed_clocks_do_not_share_their_default_instant() -> None:
    first, second = FixedClock(), FixedClock()

    first.advance(days=3)

    assert second.now() == datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def test_the_system_clock_is_aware_and_in_utc() -> None:
    before = datetime.now(UTC)
    now = SystemClock().now()

    assert now.tzinfo is UTC
    assert before <= now <= datetime.now(UTC)
