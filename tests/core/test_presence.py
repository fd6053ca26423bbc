from datetime import date

import pytest

from limes.core.errors import LimesError
from limes.core.presence import (
    EARLIEST_SUPPORTED_DAY,
    LATEST_SUPPORTED_DAY,
    ContradictoryRecordsError,
    DateOutOfRangeError,
    ExitBeforeEntryError,
    PresenceHistory,
    Stay,
)
from limes.core.stay import days_used


def d(text: str) -> date:
    return date.fromisoformat(text)


def history(*stays: tuple[str, str | None]) -> PresenceHistory:
    return PresenceHistory.from_stays(
        Stay(d(entry), None if exit_ is None else d(exit_)) for entry, exit_ in stays
    )


def runs(presence: PresenceHistory) -> list[tuple[str, str | None]]:
    return [
        (stay.entry.isoformat(), None if stay.exit is None else stay.exit.isoformat())
        for stay in presence.merged_stays()
    ]


@pytest.mark.parametrize(
    ("stays", "merged"),
    [
        pytest.param([], [], id="no-records"),
        pytest.param(
            [("2026-01-01", "2026-01-10"), ("2026-01-05", "2026-01-15")],
            [("2026-01-01", "2026-01-15")],
            id="overlapping-records-merge",
        ),
        pytest.param(
            [("2026-01-01", "2026-01-05"), ("2026-01-06", "2026-01-10")],
            [("2026-01-01", "2026-01-10")],
            id="adjacent-records-merge",
        ),
        pytest.param(
            [("2026-01-01", "2026-01-05"), ("2026-01-05", "2026-01-05")],
            [("2026-01-01", "2026-01-05")],
            id="same-day-exit-and-re-entry-merge",
        ),
        pytest.param(
            [("2026-01-01", "2026-01-31"), ("2026-01-10", "2026-01-12")],
            [("2026-01-01", "2026-01-31")],
            id="a-contained-record-adds-nothing",
        ),
        pytest.param(
            [("2026-03-01", "2026-03-02"), ("2026-01-01", "2026-01-02")],
            [("2026-01-01", "2026-01-02"), ("2026-03-01", "2026-03-02")],
            id="records-are-sorted",
        ),
        pytest.param(
            [("2026-01-01", "2026-01-02"), ("2026-01-04", "2026-01-05")],
            [("2026-01-01", "2026-01-02"), ("2026-01-04", "2026-01-05")],
            id="a-one-day-gap-keeps-records-apart",
        ),
        pytest.param(
            [("2026-01-01", "2026-01-10"), ("2026-01-10", None)],
            [("2026-01-01", "2026-01-10"), ("2026-01-10", None)],
            id="an-open-stay-beginning-on-the-last-exit-day-is-kept-as-open",
        ),
    ],
)
def test_records_merge_so_that_a_day_counts_once(
    stays: list[tuple[str, str | None]], merged: list[tuple[str, str | None]]
) -> None:
    assert runs(history(*stays)) == merged


@pytest.mark.parametrize(
    ("stays", "on", "expected"),
    [
        pytest.param([], "2026-01-01", 0, id="no-records"),
        pytest.param([("2026-01-01", "2026-01-01")], "2026-01-01", 1, id="same-day-trip-is-1"),
        pytest.param([("2026-01-01", "2026-03-31")], "2026-03-31", 90, id="exactly-90"),
        pytest.param([("2026-01-01", "2026-03-31")], "2026-02-01", 32, id="later-days-ignored"),
        pytest.param([("2025-07-01", "2025-07-10")], "2026-01-06", 0, id="left-the-window"),
        pytest.param([("2025-07-01", "2025-07-10")], "2026-01-05", 1, id="last-day-in-window"),
        pytest.param(
            [("2026-01-01", "2026-01-10"), ("2026-01-05", "2026-01-15")],
            "2026-01-15",
            15,
            id="overlap-counts-once",
        ),
        pytest.param([("2026-03-01", None)], "2026-03-10", 10, id="open-stay-counts-to-the-day"),
        pytest.param([("2026-03-01", None)], "2026-02-28", 0, id="open-stay-not-yet-begun"),
        pytest.param(
            [("2025-01-01", None)], "2026-06-30", 180, id="a-long-open-stay-fills-the-window"
        ),
        pytest.param(
            [("2026-01-01", "2026-01-10"), ("2026-01-10", None)],
            "2026-01-20",
            20,
            id="open-stay-continuing-a-record",
        ),
        pytest.param(
            [("2026-01-01", "2026-01-10"), ("2026-01-10", None)],
            "2026-01-05",
            5,
            id="before-the-open-stay-the-record-it-continues-counts",
        ),
    ],
)
def test_days_used_counts_merged_presence_in_the_window(
    stays: list[tuple[str, str | None]], on: str, expected: int
) -> None:
    assert days_used(history(*stays), d(on)) == expected


@pytest.mark.parametrize(
    ("stays", "code"),
    [
        pytest.param(
            [("2026-01-02", "2026-01-01")], "stay.exit_before_entry", id="exit-before-entry"
        ),
        pytest.param(
            [("1985-06-13", "1985-06-20")], "stay.date_out_of_range", id="before-schengen"
        ),
        pytest.param(
            [("2199-12-30", "2200-01-01")], "stay.date_out_of_range", id="exit-after-range"
        ),
        pytest.param(
            [("2026-01-01", None), ("2026-02-01", None)],
            "stay.contradictory_records",
            id="two-open-stays",
        ),
        pytest.param(
            [("2026-01-01", None), ("2026-02-01", "2026-02-05")],
            "stay.contradictory_records",
            id="a-record-starts-after-the-open-stay-began",
        ),
        pytest.param(
            [("2025-12-20", "2026-01-05"), ("2026-01-01", None)],
            "stay.contradictory_records",
            id="a-record-ends-after-the-open-stay-began",
        ),
    ],
)
def test_impossible_records_are_refused_with_a_stable_code_and_no_dates_in_the_message(
    stays: list[tuple[str, str | None]], code: str
) -> None:
    with pytest.raises(LimesError) as raised:
        history(*stays)

    assert raised.value.code == code
    assert not any(day in raised.value.message for stay in stays for day in stay if day)


def test_errors_are_limes_errors_with_their_own_classes() -> None:
    with pytest.raises(ExitBeforeEntryError):
        Stay(d("2026-01-02"), d("2026-01-01"))
    with pytest.raises(DateOutOfRangeError):
        Stay(date(1980, 1, 1))
    with pytest.raises(ContradictoryRecordsError):
        history(("2026-01-01", None), ("2026-01-02", None))


def test_the_supported_range_ends_are_themselves_supported() -> None:
    stay = Stay(EARLIEST_SUPPORTED_DAY, LATEST_SUPPORTED_DAY)

    assert days_used(PresenceHistory.from_stays([stay]), LATEST_SUPPORTED_DAY) == 180


def test_an_open_stay_resolves_to_end_on_the_reference_date() -> None:
    open_history = history(("2026-01-01", "2026-01-10"), ("2026-01-11", None))

    assert runs(open_history.resolved(d("2026-01-20"))) == [("2026-01-01", "2026-01-20")]
    assert runs(open_history.resolved(d("2026-01-05"))) == [("2026-01-01", "2026-01-10")]


def test_a_closed_history_resolves_to_itself() -> None:
    closed = history(("2026-01-01", "2026-01-10"))

    assert closed.resolved(d("2030-01-01")) is closed


def test_runs_through_a_day_cut_the_last_run_and_end_an_open_stay_on_that_day() -> None:
    open_history = history(("2026-01-01", "2026-01-10"), ("2026-02-01", None))
    cut = [
        (date.fromordinal(first), date.fromordinal(last))
        for first, last in open_history.runs_through(d("2026-02-03").toordinal())
    ]

    assert cut == [(d("2026-01-01"), d("2026-01-10")), (d("2026-02-01"), d("2026-02-03"))]


def test_merged_stays_round_trip() -> None:
    presence = history(
        ("2026-01-01", "2026-01-10"), ("2026-01-08", "2026-01-12"), ("2026-01-12", None)
    )

    assert PresenceHistory.from_stays(presence.merged_stays()) == presence


def test_is_open_tells_whether_the_traveller_is_inside() -> None:
    assert history(("2026-01-01", None)).is_open
    assert not history(("2026-01-01", "2026-01-02")).is_open
