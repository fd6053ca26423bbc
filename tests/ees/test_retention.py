"""Erasure days of EES records and files (EESR art. 34; docs/decisions/0006)."""

from calendar import isleap, monthrange
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from limes.ees.model import StayDecision, StayDecisionKind, TravellerHistory
from limes.ees.ports import RetentionItem
from limes.ees.retention import (
    FAMILY_MEMBER_NO_EXIT_YEARS,
    FAMILY_MEMBER_YEARS,
    OVERSTAY_WARNING_MONTHS,
    OVERSTAY_YEARS,
    RECORD_YEARS,
    add_years,
    months_before,
    retention_plan,
)
from tests.ees.records import FILE_ID, make_decision, make_entry, make_history, make_refusal


def d(text: str) -> date:
    return date.fromisoformat(text)


def items_by_subject(history: TravellerHistory) -> dict[str, RetentionItem]:
    return {item.subject_id: item for item in retention_plan(history)}


def erase_and_warn(history: TravellerHistory) -> dict[str, tuple[str, str | None]]:
    """Subject id -> (erase_on, warn_on) as ISO strings, for compact expectations."""
    return {
        subject: (
            item.erase_on.isoformat(),
            None if item.warn_on is None else item.warn_on.isoformat(),
        )
        for subject, item in items_by_subject(history).items()
    }


def test_the_periods_are_those_of_article_34() -> None:
    assert (RECORD_YEARS, OVERSTAY_YEARS, FAMILY_MEMBER_YEARS, FAMILY_MEMBER_NO_EXIT_YEARS) == (
        3,
        5,
        1,
        5,
    )
    assert OVERSTAY_WARNING_MONTHS == 3


@pytest.mark.parametrize(
    ("day", "years", "expected"),
    [
        pytest.param("2026-05-01", 3, "2029-05-01", id="ordinary-day"),
        pytest.param("2026-12-31", 3, "2029-12-31", id="last-day-of-year"),
        pytest.param("2024-02-29", 3, "2027-02-28", id="leap-day-to-28-february"),
        pytest.param("2024-02-29", 1, "2025-02-28", id="leap-day-one-year"),
        pytest.param("2024-02-29", 4, "2028-02-29", id="leap-day-to-leap-day"),
        pytest.param("2024-02-29", -1, "2023-02-28", id="leap-day-backwards"),
        pytest.param("2025-02-28", 3, "2028-02-28", id="28-february-stays-28"),
        pytest.param("2027-03-01", 1, "2028-03-01", id="1-march-stays-1-march"),
        pytest.param("2026-05-01", 0, "2026-05-01", id="zero-years"),
    ],
)
def test_add_years_keeps_the_calendar_day(day: str, years: int, expected: str) -> None:
    assert add_years(d(day), years) == d(expected)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        pytest.param("2029-05-02", 3, "2029-02-02", id="same-day-of-month"),
        pytest.param("2029-05-31", 3, "2029-02-28", id="clamped-to-28-february"),
        pytest.param("2028-05-31", 3, "2028-02-29", id="clamped-to-leap-day"),
        pytest.param("2031-07-31", 3, "2031-04-30", id="clamped-to-30-april"),
        pytest.param("2030-02-15", 3, "2029-11-15", id="across-the-new-year"),
        pytest.param("2030-01-31", 3, "2029-10-31", id="january-to-october"),
        pytest.param("2029-12-31", 3, "2029-09-30", id="december-to-september"),
        pytest.param("2030-03-01", 3, "2029-12-01", id="march-to-december"),
        pytest.param("2030-03-15", 12, "2029-03-15", id="a-whole-year"),
        pytest.param("2030-03-15", 0, "2030-03-15", id="zero-months"),
    ],
)
def test_months_before_clamps_to_the_last_day_of_the_month(
    day: str, months: int, expected: str
) -> None:
    assert months_before(d(day), months) == d(expected)


@given(
    day=st.dates(min_value=date(1990, 1, 1), max_value=date(2150, 12, 31)),
    years=st.integers(-50, 50),
)
def test_add_years_moves_only_the_year_except_on_a_leap_day(day: date, years: int) -> None:
    moved = add_years(day, years)

    assert moved.year == day.year + years
    assert moved.month == day.month
    if (day.month, day.day) == (2, 29) and not isleap(moved.year):
        assert moved.day == 28
    else:
        assert moved.day == day.day


@given(
    day=st.dates(min_value=date(1990, 1, 1), max_value=date(2150, 12, 31)),
    months=st.integers(0, 36),
)
def test_months_before_goes_back_exactly_that_many_calendar_months(day: date, months: int) -> None:
    earlier = months_before(day, months)

    assert (day.year * 12 + day.month) - (earlier.year * 12 + earlier.month) == months
    assert earlier.day == min(day.day, monthrange(earlier.year, earlier.month)[1])
    assert earlier <= day


@pytest.mark.parametrize(
    ("history", "expected"),
    [
        pytest.param(
            make_history(
                entries=(make_entry(entry_day=d("2026-04-01"), exit_day=d("2026-05-01")),)
            ),
            {"entry-2026-04-01": ("2029-05-02", None), FILE_ID: ("2029-05-03", None)},
            id="exit-erased-the-day-after-three-years",
        ),
        pytest.param(
            make_history(
                entries=(make_entry(entry_day=d("2028-02-01"), exit_day=d("2028-02-29")),)
            ),
            {"entry-2028-02-01": ("2031-03-01", None), FILE_ID: ("2031-03-02", None)},
            id="exit-on-a-leap-day",
        ),
        pytest.param(
            make_history(
                entries=(make_entry(entry_day=d("2025-02-01"), exit_day=d("2025-02-28")),)
            ),
            {"entry-2025-02-01": ("2028-02-29", None), FILE_ID: ("2028-03-01", None)},
            id="erased-on-a-leap-day",
        ),
        pytest.param(
            make_history(
                entries=(make_entry(entry_day=d("2026-12-01"), exit_day=d("2026-12-31")),)
            ),
            {"entry-2026-12-01": ("2030-01-01", None), FILE_ID: ("2030-01-02", None)},
            id="exit-on-new-years-eve",
        ),
        pytest.param(
            make_history(refusals=(make_refusal(day=d("2026-05-01")),)),
            {"refusal-2026-05-01": ("2029-05-02", None), FILE_ID: ("2029-05-03", None)},
            id="refusal-three-years",
        ),
        pytest.param(
            make_history(
                entries=(
                    make_entry(entry_day=d("2026-05-01"), authorised_stay_until=d("2026-07-29")),
                )
            ),
            {
                "entry-2026-05-01": ("2031-07-30", "2031-04-30"),
                FILE_ID: ("2031-07-31", "2031-04-30"),
            },
            id="open-entry-planned-as-overstay",
        ),
        pytest.param(
            make_history(
                entries=(
                    make_entry(entry_day=d("2026-12-01"), authorised_stay_until=d("2027-02-28")),
                )
            ),
            {
                "entry-2026-12-01": ("2032-02-29", "2031-11-29"),
                FILE_ID: ("2032-03-01", "2031-12-01"),
            },
            id="overstay-erased-on-a-leap-day",
        ),
        pytest.param(
            make_history(
                entries=(make_entry(entry_day=d("2026-04-01"), exit_day=d("2026-05-01")),),
                family_member=True,
            ),
            {"entry-2026-04-01": ("2027-05-02", None), FILE_ID: ("2027-05-03", None)},
            id="family-member-one-year-after-exit",
        ),
        pytest.param(
            make_history(entries=(make_entry(entry_day=d("2026-05-01")),), family_member=True),
            {"entry-2026-05-01": ("2031-05-02", None), FILE_ID: ("2031-05-03", None)},
            id="family-member-five-years-after-entry-without-exit",
        ),
        pytest.param(
            make_history(refusals=(make_refusal(day=d("2026-05-01")),), family_member=True),
            {"refusal-2026-05-01": ("2027-05-02", None), FILE_ID: ("2027-05-03", None)},
            id="family-member-refusal-one-year",
        ),
        pytest.param(
            make_history(
                entries=(make_entry(entry_day=d("2026-04-01"), exit_day=d("2026-05-01")),),
                refusals=(make_refusal(day=d("2027-01-10")),),
            ),
            {
                "entry-2026-04-01": ("2029-05-02", None),
                "refusal-2027-01-10": ("2030-01-11", None),
                FILE_ID: ("2030-01-12", None),
            },
            id="file-follows-its-last-record",
        ),
        pytest.param(
            make_history(
                entries=(
                    make_entry(entry_day=d("2026-02-01"), exit_day=d("2026-03-01")),
                    make_entry(entry_day=d("2026-06-01"), authorised_stay_until=d("2026-08-29")),
                )
            ),
            {
                "entry-2026-02-01": ("2029-03-02", None),
                "entry-2026-06-01": ("2031-08-30", "2031-05-30"),
                FILE_ID: ("2031-08-31", "2031-05-31"),
            },
            id="open-entry-after-an-exit-keeps-the-file-and-warns",
        ),
        pytest.param(
            make_history(created_at=datetime(2026, 2, 1, 23, 30, tzinfo=UTC)),
            {FILE_ID: ("2026-02-02", None)},
            id="file-without-records-erased-next-day",
        ),
    ],
)
def test_retention_plan_erasure_and_warning_days(
    history: TravellerHistory, expected: dict[str, tuple[str, str | None]]
) -> None:
    assert erase_and_warn(history) == expected


def test_an_exit_replaces_the_overstay_plan() -> None:
    open_entry = make_entry(entry_day=d("2026-05-01"), authorised_stay_until=d("2026-07-29"))
    exited = make_entry(
        entry_day=d("2026-05-01"), authorised_stay_until=d("2026-07-29"), exit_day=d("2026-09-01")
    )

    before = items_by_subject(make_history(entries=(open_entry,)))["entry-2026-05-01"]
    after = items_by_subject(make_history(entries=(exited,)))["entry-2026-05-01"]

    assert (before.erase_on, before.warn_on) == (d("2031-07-30"), d("2031-04-30"))
    assert (after.erase_on, after.warn_on) == (d("2029-09-02"), None)


@pytest.mark.parametrize(
    ("decision", "erase_on"),
    [
        pytest.param(
            make_decision(StayDecisionKind.EXTENSION, authorised_stay_until=d("2026-10-31")),
            "2031-11-01",
            id="extension-moves-the-start-of-the-five-years",
        ),
        pytest.param(
            make_decision(StayDecisionKind.REVOCATION, decided_on=d("2026-06-15")),
            "2031-06-16",
            id="revocation-ends-the-stay-on-the-decision-day",
        ),
        pytest.param(
            make_decision(
                StayDecisionKind.ANNULMENT,
                decided_on=d("2026-06-15"),
                authorised_stay_until=d("2026-06-20"),
            ),
            "2031-06-21",
            id="annulment-with-a-new-end",
        ),
    ],
)
def test_an_open_entry_is_kept_five_years_after_the_stay_as_decided_under_article_19(
    decision: StayDecision, erase_on: str
) -> None:
    entry = make_entry(
        entry_day=d("2026-05-01"), authorised_stay_until=d("2026-07-29"), decisions=(decision,)
    )

    item = items_by_subject(make_history(entries=(entry,)))["entry-2026-05-01"]

    assert item.erase_on == d(erase_on)
    assert item.warn_on == months_before(d(erase_on), 3)


def test_every_item_names_the_file_and_its_kind() -> None:
    history = make_history(
        entries=(make_entry(entry_day=d("2026-04-01"), exit_day=d("2026-05-01")),),
        refusals=(make_refusal(day=d("2026-06-01")),),
    )

    plan = retention_plan(history)

    assert [(item.subject_kind, item.subject_id, item.file_id) for item in plan] == [
        ("entry", "entry-2026-04-01", FILE_ID),
        ("refusal", "refusal-2026-06-01", FILE_ID),
        ("file", FILE_ID, FILE_ID),
    ]


# Histories of closed stays and refusals, then perhaps one open entry at the end.
_days = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))


@st.composite
def histories(draw: st.DrawFn) -> TravellerHistory:
    family_member = draw(st.booleans())
    day = draw(_days)
    entries = []
    for index in range(draw(st.integers(0, 4))):
        length = draw(st.integers(0, 120))
        exit_day = day + timedelta(days=length)
        entries.append(make_entry(entry_day=day, exit_day=exit_day, record_id=f"entry-{index}"))
        day = exit_day + timedelta(days=draw(st.integers(1, 400)))
    if draw(st.booleans()):
        until = day + timedelta(days=draw(st.integers(0, 89)))
        entries.append(make_entry(entry_day=day, authorised_stay_until=until, record_id="open"))
    refusals = tuple(
        make_refusal(day=refusal_day, record_id=f"refusal-{index}")
        for index, refusal_day in enumerate(draw(st.lists(_days, max_size=3)))
    )
    return make_history(entries=tuple(entries), refusals=refusals, family_member=family_member)


@settings(max_examples=200, deadline=None)
@given(history=histories())
def test_the_file_outlives_every_record_and_warnings_come_before_erasure(
    history: TravellerHistory,
) -> None:
    plan = retention_plan(history)
    *records, file_item = plan

    assert file_item.subject_kind == "file"
    assert all(file_item.erase_on > item.erase_on for item in records)
    assert all(item.warn_on is None or item.warn_on < item.erase_on for item in plan)
    assert len(records) == len(history.entries) + len(history.refusals)


@settings(max_examples=200, deadline=None)
@given(history=histories())
def test_records_are_erased_the_day_after_their_period_ends(history: TravellerHistory) -> None:
    family_member = history.file.family_member_of_eu_citizen
    after_exit = FAMILY_MEMBER_YEARS if family_member else RECORD_YEARS
    items = items_by_subject(history)

    for entry in history.entries:
        if entry.exit is not None:
            anchor, years = entry.exit.day, after_exit
        elif family_member:
            anchor, years = entry.entry.day, FAMILY_MEMBER_NO_EXIT_YEARS
        else:
            anchor, years = entry.authorised_stay_until, OVERSTAY_YEARS
        assert items[entry.record_id].erase_on == add_years(anchor, years) + timedelta(days=1)
        assert (items[entry.record_id].warn_on is not None) == (
            entry.exit is None and not family_member
        )
    for refusal in history.refusals:
        expected = add_years(refusal.crossing.day, after_exit) + timedelta(days=1)
        assert items[refusal.record_id].erase_on == expected
