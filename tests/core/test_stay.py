from collections.abc import Callable
from datetime import date

import pytest

from limes.core.presence import (
    DateOutOfRangeError,
    InvalidQueryError,
    PresenceHistory,
    QueryBeforeEntryError,
    Stay,
)
from limes.core.stay import (
    MAX_STAY_DAYS,
    WINDOW_DAYS,
    EarliestEntry,
    MaxStay,
    Overstay,
    StayCheck,
    check_stay,
    days_remaining,
    days_used,
    earliest_entry,
    latest_exit_if_staying,
    max_stay,
    overstay,
    stay_position,
    window,
)

# A 60-day booking, recorded before the traveller plans an earlier trip.
BOOKING = ("2026-07-01", "2026-08-29")


def d(text: str) -> date:
    return date.fromisoformat(text)


def history(*stays: tuple[str, str | None]) -> PresenceHistory:
    return PresenceHistory.from_stays(
        Stay(d(entry), None if exit_ is None else d(exit_)) for entry, exit_ in stays
    )


def test_the_rule_is_90_days_in_180() -> None:
    assert (MAX_STAY_DAYS, WINDOW_DAYS) == (90, 180)


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        pytest.param("2026-03-10", ("2025-09-12", "2026-03-10"), id="ordinary-year"),
        pytest.param("2024-06-27", ("2023-12-31", "2024-06-27"), id="leap-day-inside"),
        pytest.param("2014-06-10", ("2013-12-13", "2014-06-10"), id="eu-overstay-1-window"),
    ],
)
def test_window_is_the_180_days_ending_on_the_control_date(
    on: str, expected: tuple[str, str]
) -> None:
    assert window(d(on)) == (d(expected[0]), d(expected[1]))


@pytest.mark.parametrize(
    ("stays", "on", "used", "remaining"),
    [
        pytest.param([], "2026-01-01", 0, 90, id="nothing-used"),
        pytest.param([("2026-01-01", "2026-03-31")], "2026-03-31", 90, 0, id="exactly-90"),
        pytest.param([("2026-01-01", "2026-04-10")], "2026-04-10", 100, 0, id="remaining-floors"),
        pytest.param([("2026-01-01", None)], "2026-01-31", 31, 59, id="open-stay"),
    ],
)
def test_days_used_and_days_remaining(
    stays: list[tuple[str, str | None]], on: str, used: int, remaining: int
) -> None:
    presence = history(*stays)

    assert (days_used(presence, d(on)), days_remaining(presence, d(on))) == (used, remaining)


@pytest.mark.parametrize(
    ("stays", "on", "expected"),
    [
        pytest.param(
            [],
            "2026-01-01",
            Overstay(
                days_used=0,
                days_remaining=90,
                overstay_days=0,
                first_violation_day=None,
                days_in_breach=0,
            ),
            id="no-presence",
        ),
        pytest.param(
            [("2026-01-01", "2026-04-01")],
            "2026-04-01",
            Overstay(
                days_used=91,
                days_remaining=0,
                overstay_days=1,
                first_violation_day=d("2026-04-01"),
                days_in_breach=1,
            ),
            id="day-91",
        ),
        pytest.param(
            [("2026-01-01", "2026-04-10")],
            "2026-04-05",
            Overstay(
                days_used=95,
                days_remaining=0,
                overstay_days=5,
                first_violation_day=d("2026-04-01"),
                days_in_breach=5,
            ),
            id="days-after-the-control-date-are-ignored",
        ),
        pytest.param(
            [("2026-01-01", None)],
            "2026-04-05",
            Overstay(
                days_used=95,
                days_remaining=0,
                overstay_days=5,
                first_violation_day=d("2026-04-01"),
                days_in_breach=5,
            ),
            id="open-stay-counts-to-the-control-date",
        ),
        pytest.param(
            [("2026-01-01", "2026-04-10")],
            "2026-12-31",
            Overstay(
                days_used=0,
                days_remaining=90,
                overstay_days=0,
                first_violation_day=d("2026-04-01"),
                days_in_breach=10,
            ),
            id="past-breach-out-of-the-window-shows-only-as-days-in-breach",
        ),
    ],
)
def test_overstay_reports_the_excess_and_the_days_in_breach(
    stays: list[tuple[str, str | None]], on: str, expected: Overstay
) -> None:
    assert overstay(history(*stays), d(on)) == expected


@pytest.mark.parametrize(
    ("stays", "entry", "expected"),
    [
        pytest.param(
            [],
            "2026-05-01",
            MaxStay(
                entry=d("2026-05-01"),
                allowed=True,
                max_stay_days=90,
                latest_exit=d("2026-07-29"),
                used_on_entry=1,
            ),
            id="first-trip",
        ),
        pytest.param(
            [("2026-01-01", "2026-03-01")],
            "2026-03-01",
            MaxStay(
                entry=d("2026-03-01"),
                allowed=True,
                max_stay_days=31,
                latest_exit=d("2026-03-31"),
                used_on_entry=60,
            ),
            id="entry-on-the-last-exit-day-counts-that-day-once",
        ),
        pytest.param(
            [BOOKING],
            "2026-05-01",
            MaxStay(
                entry=d("2026-05-01"),
                allowed=True,
                max_stay_days=30,
                latest_exit=d("2026-05-30"),
                used_on_entry=1,
                conflict_day=d("2026-08-29"),
            ),
            id="a-later-booking-limits-the-stay",
        ),
        pytest.param(
            [BOOKING],
            "2026-06-01",
            MaxStay(
                entry=d("2026-06-01"),
                allowed=True,
                max_stay_days=90,
                latest_exit=d("2026-08-29"),
                used_on_entry=1,
            ),
            id="a-stay-running-into-a-booking-continues-through-it",
        ),
        pytest.param(
            [("2026-07-02", "2026-08-30")],
            "2026-06-01",
            MaxStay(
                entry=d("2026-06-01"),
                allowed=True,
                max_stay_days=30,
                latest_exit=d("2026-06-30"),
                used_on_entry=1,
                conflict_day=d("2026-08-30"),
            ),
            id="one-day-out-before-a-booking-is-a-new-day",
        ),
        pytest.param(
            [("2026-01-01", "2026-04-10")],
            "2026-12-01",
            MaxStay(
                entry=d("2026-12-01"),
                allowed=True,
                max_stay_days=90,
                latest_exit=d("2027-02-28"),
                used_on_entry=1,
            ),
            id="a-past-overstay-outside-the-window-does-not-block",
        ),
        pytest.param(
            [("2026-03-01", None)],
            "2026-03-10",
            MaxStay(
                entry=d("2026-03-10"),
                allowed=True,
                max_stay_days=81,
                latest_exit=d("2026-05-29"),
                used_on_entry=10,
            ),
            id="an-entry-during-an-open-stay-continues-it",
        ),
        pytest.param(
            [("2026-01-01", None)],
            "2026-04-01",
            MaxStay(
                entry=d("2026-04-01"),
                allowed=False,
                max_stay_days=0,
                latest_exit=None,
                used_on_entry=91,
            ),
            id="inside-and-in-breach-has-no-earliest-entry",
        ),
        pytest.param(
            [("2026-06-10", "2026-09-07")],
            "2026-09-08",
            MaxStay(
                entry=d("2026-09-08"),
                allowed=False,
                max_stay_days=0,
                latest_exit=None,
                used_on_entry=91,
                earliest_entry=d("2026-12-07"),
                max_stay_days_at_earliest_entry=90,
            ),
            id="90-in-90-out",
        ),
    ],
)
def test_max_stay(stays: list[tuple[str, str | None]], entry: str, expected: MaxStay) -> None:
    assert max_stay(history(*stays), d(entry)) == expected


@pytest.mark.parametrize(
    ("stays", "on", "expected"),
    [
        pytest.param([], "2026-05-01", "2026-07-29", id="no-history-assumes-inside-from-today"),
        pytest.param([("2026-01-01", None)], "2026-03-31", "2026-03-31", id="day-90-is-last"),
        pytest.param([("2026-01-01", None)], "2026-04-01", None, id="already-in-breach"),
        pytest.param(
            [("2025-12-01", "2025-12-31"), ("2026-03-01", None)],
            "2026-03-10",
            "2026-04-28",
            id="earlier-stay-counts",
        ),
        pytest.param(
            [("2025-09-01", "2025-09-30"), ("2026-01-01", None)],
            "2026-01-15",
            "2026-03-31",
            id="days-rolling-off-let-the-stay-outlast-the-days-remaining",
        ),
    ],
)
def test_latest_exit_if_staying(
    stays: list[tuple[str, str | None]], on: str, expected: str | None
) -> None:
    latest = latest_exit_if_staying(history(*stays), d(on))

    assert latest == (None if expected is None else d(expected))


@pytest.mark.parametrize(
    ("stays", "entry", "exit_", "expected"),
    [
        pytest.param(
            [],
            "2026-01-01",
            "2026-03-31",
            StayCheck(
                allowed=True,
                first_violation_day=None,
                overshoot=0,
                latest_permitted_exit=d("2026-03-31"),
                conflict_day=None,
            ),
            id="exactly-90-is-allowed",
        ),
        pytest.param(
            [],
            "2026-01-01",
            "2026-07-19",
            StayCheck(
                allowed=False,
                first_violation_day=d("2026-04-01"),
                overshoot=1,
                latest_permitted_exit=d("2026-03-31"),
                conflict_day=None,
            ),
            id="a-200-day-plan-breaks-on-day-91",
        ),
        pytest.param(
            [("2026-01-01", "2026-03-31")],
            "2026-04-01",
            "2026-04-03",
            StayCheck(
                allowed=False,
                first_violation_day=d("2026-04-01"),
                overshoot=1,
                latest_permitted_exit=None,
                conflict_day=None,
            ),
            id="no-day-left",
        ),
        pytest.param(
            [BOOKING],
            "2026-05-01",
            "2026-05-31",
            StayCheck(
                allowed=True,
                first_violation_day=None,
                overshoot=0,
                latest_permitted_exit=d("2026-05-30"),
                conflict_day=d("2026-08-29"),
            ),
            id="planned-days-fine-but-a-booking-would-break",
        ),
    ],
)
def test_check_stay(
    stays: list[tuple[str, str | None]], entry: str, exit_: str, expected: StayCheck
) -> None:
    assert check_stay(history(*stays), d(entry), d(exit_)) == expected


@pytest.mark.parametrize(
    ("stays", "not_before", "min_stay_days", "expected"),
    [
        pytest.param([], "2026-01-01", 1, ("2026-01-01", 90), id="free-now"),
        pytest.param(
            [("2026-06-10", "2026-09-07")], "2026-09-08", 1, ("2026-12-07", 90), id="90-out"
        ),
        pytest.param(
            [("2026-01-01", "2026-03-01")], "2026-03-02", 30, ("2026-03-02", 30), id="30-left"
        ),
        pytest.param(
            [("2026-01-01", "2026-03-01")],
            "2026-03-02",
            31,
            ("2026-05-31", 90),
            id="one-day-more-waits-for-a-day-to-roll-off",
        ),
        pytest.param([("2026-01-01", None)], "2026-03-01", 1, ("2026-03-01", 31), id="inside"),
        pytest.param([("2026-01-01", None)], "2026-03-01", 40, (None, 0), id="inside-too-short"),
    ],
)
def test_earliest_entry(
    stays: list[tuple[str, str | None]],
    not_before: str,
    min_stay_days: int,
    expected: tuple[str | None, int],
) -> None:
    found = earliest_entry(history(*stays), d(not_before), min_stay_days)

    first, stay_days = expected
    assert found == EarliestEntry(None if first is None else d(first), stay_days)


@pytest.mark.parametrize("min_stay_days", [0, 91, -3])
def test_earliest_entry_needs_a_minimum_stay_between_1_and_90_days(min_stay_days: int) -> None:
    with pytest.raises(InvalidQueryError):
        earliest_entry(history(), d("2026-01-01"), min_stay_days)


def test_a_planned_exit_before_the_entry_is_an_invalid_query() -> None:
    with pytest.raises(InvalidQueryError) as raised:
        check_stay(history(), d("2026-02-01"), d("2026-01-31"))

    assert raised.value.code == "stay.invalid_query"


@pytest.mark.parametrize(
    "ask",
    [
        pytest.param(lambda h: latest_exit_if_staying(h, d("2026-02-28")), id="latest-exit"),
        pytest.param(lambda h: max_stay(h, d("2026-02-01")), id="max-stay"),
        pytest.param(lambda h: check_stay(h, d("2026-02-01"), d("2026-02-02")), id="check-stay"),
        pytest.param(lambda h: earliest_entry(h, d("2026-02-01")), id="earliest-entry"),
    ],
)
def test_queries_needing_the_traveller_inside_refuse_a_date_before_the_open_stay(
    ask: Callable[[PresenceHistory], object],
) -> None:
    with pytest.raises(QueryBeforeEntryError) as raised:
        ask(history(("2026-03-01", None)))

    assert raised.value.code == "stay.query_before_entry"


def test_a_control_date_before_the_open_stay_counts_only_earlier_stays() -> None:
    presence = history(("2026-01-01", "2026-01-10"), ("2026-03-01", None))

    assert days_used(presence, d("2026-02-01")) == 10


@pytest.mark.parametrize(
    "ask",
    [
        pytest.param(lambda: days_used(history(), date(1985, 6, 13)), id="days-used"),
        pytest.param(lambda: max_stay(history(), date(2200, 1, 1)), id="max-stay"),
        pytest.param(lambda: check_stay(history(), d("2026-01-01"), date(2200, 1, 1)), id="exit"),
    ],
)
def test_query_dates_outside_the_supported_range_are_refused(ask: Callable[[], object]) -> None:
    with pytest.raises(DateOutOfRangeError):
        ask()


def test_a_position_inside_gives_the_latest_exit_and_no_plan() -> None:
    history = PresenceHistory.from_stays([Stay(date(2026, 5, 1), date(2026, 6, 10)),
                                          Stay(date(2026, 10, 1))])  # fmt: skip

    position = stay_position(history, date(2026, 11, 23))

    assert (position.inside, position.overstay.days_used, position.plan) == (True, 68, None)
    assert position.latest_exit == latest_exit_if_staying(history, date(2026, 11, 23))
    assert (position.window_start, position.window_end) == window(date(2026, 11, 23))


def test_a_position_outside_plans_the_entry_with_the_open_stay_ended_on_the_control_date() -> None:
    history = PresenceHistory.from_stays([Stay(date(2026, 10, 1))])

    position = stay_position(history, date(2026, 11, 23), planned_entry=date(2027, 1, 10))

    ended = PresenceHistory.from_stays([Stay(date(2026, 10, 1), date(2026, 11, 23))])
    assert position.plan == max_stay(ended, date(2027, 1, 10))


def test_a_position_after_leaving_has_no_latest_exit() -> None:
    history = PresenceHistory.from_stays([Stay(date(2026, 1, 1), date(2026, 1, 10))])

    position = stay_position(history, date(2026, 2, 1))

    assert (position.inside, position.latest_exit) == (False, None)
