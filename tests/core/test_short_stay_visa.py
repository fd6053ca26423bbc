from collections.abc import Callable
from datetime import date
from typing import Literal

import pytest

from limes.core.presence import InvalidQueryError, PresenceHistory, Stay
from limes.core.short_stay_visa import ShortStayVisa, check_visa_entry


def d(text: str) -> date:
    return date.fromisoformat(text)


def history(*stays: tuple[str, str | None]) -> PresenceHistory:
    return PresenceHistory.from_stays(
        Stay(d(entry), None if exit_ is None else d(exit_)) for entry, exit_ in stays
    )


def make_visa(
    *,
    valid_from: str = "2026-01-01",
    valid_until: str = "2026-12-31",
    entries: Literal[1, 2] | None = None,
    duration_of_stay_days: int | None = None,
) -> ShortStayVisa:
    return ShortStayVisa(
        valid_from=d(valid_from),
        valid_until=d(valid_until),
        entries=entries,
        duration_of_stay_days=duration_of_stay_days,
    )


TWO_TRIPS = (("2026-02-01", "2026-02-10"), ("2026-04-01", "2026-04-10"))


@pytest.mark.parametrize(
    ("stays", "visa", "entry", "expected"),
    [
        pytest.param(
            TWO_TRIPS, make_visa(entries=1), "2026-02-01", (True, 1, 0), id="first-entry-of-one"
        ),
        pytest.param(
            TWO_TRIPS,
            make_visa(entries=1),
            "2026-04-01",
            (False, 2, 10),
            id="second-entry-on-a-single-entry-visa",
        ),
        pytest.param(
            TWO_TRIPS, make_visa(entries=2), "2026-04-01", (True, 2, 0), id="second-entry-of-two"
        ),
        pytest.param(
            (*TWO_TRIPS, ("2026-06-01", "2026-06-03")),
            make_visa(entries=None),
            "2026-06-01",
            (True, 3, 0),
            id="third-entry-on-a-multiple-entry-visa",
        ),
        pytest.param(
            (("2026-02-01", "2026-02-10"), ("2026-02-10", "2026-02-20")),
            make_visa(entries=1),
            "2026-02-10",
            (True, 1, 0),
            id="moving-between-schengen-states-is-not-an-entry",
        ),
        pytest.param(
            TWO_TRIPS,
            make_visa(valid_until="2026-02-05"),
            "2026-02-01",
            (True, 1, 5),
            id="days-after-valid-until-are-not-covered",
        ),
        pytest.param(
            TWO_TRIPS,
            make_visa(valid_from="2026-03-01"),
            "2026-02-01",
            (False, 0, 10),
            id="an-entry-before-the-validity-is-not-covered",
        ),
        pytest.param(
            TWO_TRIPS,
            make_visa(duration_of_stay_days=15),
            "2026-04-01",
            (True, 2, 5),
            id="the-duration-of-stay-counts-over-all-stays-on-the-visa",
        ),
        pytest.param(
            TWO_TRIPS,
            make_visa(duration_of_stay_days=10),
            "2026-04-01",
            (False, 2, 10),
            id="no-days-left-on-the-visa",
        ),
        pytest.param(
            (("2026-01-01", "2026-03-31"),),
            make_visa(),
            "2026-04-05",
            (False, 2, 0),
            id="the-90-180-rule-refuses-an-entry-the-visa-covers",
        ),
    ],
)
def test_a_visa_covers_entries_validity_and_days(
    stays: tuple[tuple[str, str | None], ...],
    visa: ShortStayVisa,
    entry: str,
    expected: tuple[bool, int, int],
) -> None:
    check = check_visa_entry(history(*stays), visa, d(entry))

    assert (check.entry_allowed, check.entry_number_on_visa, check.visa_overstay_days) == expected


def test_the_stay_is_the_merged_run_holding_the_entry_date() -> None:
    stays = (("2026-02-01", "2026-02-10"), ("2026-02-10", "2026-02-20"))

    check = check_visa_entry(history(*stays), make_visa(entries=1), d("2026-02-10"))

    assert (check.stay_entry, check.stay_exit) == (d("2026-02-01"), d("2026-02-20"))


def test_a_planned_stay_with_an_exit_date_is_checked_whole() -> None:
    check = check_visa_entry(
        history(("2026-02-01", "2026-02-10")),
        make_visa(entries=2, duration_of_stay_days=20),
        d("2026-04-01"),
        d("2026-04-20"),
    )

    assert (check.entry_number_on_visa, check.visa_days_used_before) == (2, 10)
    assert (check.last_day_covered_by_visa, check.visa_overstay_days) == (d("2026-04-10"), 10)


def test_an_open_stay_is_checked_up_to_the_given_exit_date() -> None:
    check = check_visa_entry(
        history(("2026-03-01", None)), make_visa(), d("2026-03-01"), d("2026-03-20")
    )

    assert (check.stay_entry, check.stay_exit, check.entry_allowed) == (
        d("2026-03-01"),
        d("2026-03-20"),
        True,
    )


def test_the_verdict_carries_the_90_180_check_of_the_stay() -> None:
    check = check_visa_entry(history(("2026-01-01", "2026-04-05")), make_visa(), d("2026-01-01"))

    assert check.entry_covered_by_visa
    assert (check.stay_rule.allowed, check.stay_rule.first_violation_day) == (
        False,
        d("2026-04-01"),
    )


@pytest.mark.parametrize(
    "build",
    [
        pytest.param(
            lambda: make_visa(valid_from="2026-02-01", valid_until="2026-01-31"),
            id="valid-until-before-valid-from",
        ),
        pytest.param(lambda: make_visa(duration_of_stay_days=0), id="no-days"),
        pytest.param(
            lambda: ShortStayVisa(
                valid_from=d("2026-01-01"),
                valid_until=d("2026-02-01"),
                entries=3,  # type: ignore[arg-type]
            ),
            id="three-entries",
        ),
    ],
)
def test_an_impossible_visa_is_an_invalid_query(build: Callable[[], object]) -> None:
    with pytest.raises(InvalidQueryError):
        build()


def test_a_stay_exit_before_its_entry_is_an_invalid_query() -> None:
    with pytest.raises(InvalidQueryError):
        check_visa_entry(history(), make_visa(), d("2026-02-01"), d("2026-01-01"))
