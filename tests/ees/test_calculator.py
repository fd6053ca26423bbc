"""The EES automated calculator (EESR art. 11): authorised stay on entry, visas, art. 19."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from limes.core.stay import MAX_STAY_DAYS, WINDOW_DAYS, days_used, max_stay
from limes.ees.calculator import (
    FAMILY_MEMBER_STAY_DAYS,
    EntryAssessment,
    assess_entry,
    authorised_stay_until,
    days_after,
    presence,
)
from limes.ees.model import (
    EntryExitRecord,
    RefusalReason,
    StayDecision,
    StayDecisionKind,
    VisaRecord,
    VisaStatus,
)
from tests.ees.records import make_decision, make_entry, make_stay, make_visa

STICKER = "NLD000000001"


def d(text: str) -> date:
    return date.fromisoformat(text)


def assess(
    *previous: EntryExitRecord,
    entry_day: str,
    visa: VisaRecord | None = None,
    visa_required: bool = False,
    family_member: bool = False,
    bcp_state: str = "NLD",
) -> EntryAssessment:
    return assess_entry(
        previous,
        d(entry_day),
        visa=visa,
        visa_required=visa_required,
        family_member=family_member,
        bcp_state=bcp_state,
    )


def summary(assessment: EntryAssessment) -> tuple[bool, str, str | None, int, int]:
    """(allowed, reason, authorised until, max stay days, days used on entry)."""
    until = assessment.authorised_stay_until
    return (
        assessment.allowed,
        assessment.reason,
        None if until is None else until.isoformat(),
        assessment.max_stay_days,
        assessment.days_used_on_entry,
    )


# --- presence and the 90/180 helpers ---------------------------------------------------------


def test_presence_counts_entry_and_exit_days_and_an_open_stay_up_to_the_query() -> None:
    history = presence(
        [make_stay(d("2026-01-01"), d("2026-01-10")), make_stay(d("2026-02-01"), None)]
    )

    assert history.days_present_through(d("2026-01-10").toordinal()) == 10
    assert history.days_present_through(d("2026-02-05").toordinal()) == 15
    assert history.is_open


@pytest.mark.parametrize(
    ("stays", "on", "expected"),
    [
        pytest.param([("2026-01-01", "2026-03-31")], "2026-03-31", True, id="exactly-90"),
        pytest.param([("2026-01-01", "2026-04-01")], "2026-04-01", False, id="91-days"),
        pytest.param([("2026-01-01", "2026-04-01")], "2026-06-30", True, id="first-day-left"),
        pytest.param([("2026-01-01", None)], "2026-04-01", False, id="open-stay-past-90"),
        pytest.param([], "2026-04-01", True, id="no-records"),
    ],
)
def test_presence_from_records_allows_up_to_exactly_90_days(
    stays: list[tuple[str, str | None]], on: str, expected: bool
) -> None:
    records = [make_stay(d(entry), None if exit_ is None else d(exit_)) for entry, exit_ in stays]

    assert (days_used(presence(records), d(on)) <= MAX_STAY_DAYS) is expected


@pytest.mark.parametrize(
    ("last_authorised", "day", "expected"),
    [
        pytest.param("2026-04-30", "2026-04-29", 0, id="before"),
        pytest.param("2026-04-30", "2026-04-30", 0, id="on-the-last-day"),
        pytest.param("2026-04-30", "2026-05-01", 1, id="one-day-after"),
        pytest.param("2026-04-30", "2026-05-30", 30, id="thirty-days-after"),
    ],
)
def test_days_after_the_last_authorised_day(last_authorised: str, day: str, expected: int) -> None:
    assert days_after(d(last_authorised), d(day)) == expected


# --- art. 19 decisions -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("decisions", "expected"),
    [
        pytest.param((), "2026-05-01", id="no-decision"),
        pytest.param(
            (make_decision(StayDecisionKind.EXTENSION, authorised_stay_until=d("2026-06-30")),),
            "2026-06-30",
            id="extension",
        ),
        pytest.param(
            (make_decision(StayDecisionKind.EXTENSION, authorised_stay_until=None),),
            "2026-05-01",
            id="extension-without-a-date-changes-nothing",
        ),
        pytest.param(
            (make_decision(StayDecisionKind.REVOCATION, decided_on=d("2026-03-10")),),
            "2026-03-10",
            id="revocation-ends-on-the-decision-day",
        ),
        pytest.param(
            (
                make_decision(
                    StayDecisionKind.REVOCATION,
                    decided_on=d("2026-03-10"),
                    authorised_stay_until=d("2026-03-17"),
                ),
            ),
            "2026-03-17",
            id="revocation-with-a-date-to-leave",
        ),
        pytest.param(
            (make_decision(StayDecisionKind.ANNULMENT, decided_on=d("2026-02-20")),),
            "2026-02-20",
            id="annulment",
        ),
        pytest.param(
            (
                make_decision(StayDecisionKind.EXTENSION, authorised_stay_until=d("2026-06-30")),
                make_decision(StayDecisionKind.REVOCATION, decided_on=d("2026-06-01")),
            ),
            "2026-06-01",
            id="revocation-after-extension",
        ),
        pytest.param(
            (
                make_decision(StayDecisionKind.REVOCATION, decided_on=d("2026-03-10")),
                make_decision(StayDecisionKind.EXTENSION, authorised_stay_until=d("2026-07-15")),
            ),
            "2026-07-15",
            id="the-latest-decision-wins",
        ),
    ],
)
def test_authorised_stay_until_follows_the_decisions_in_order(
    decisions: tuple[StayDecision, ...], expected: str
) -> None:
    record = make_entry(
        entry_day=d("2026-02-01"), authorised_stay_until=d("2026-05-01"), decisions=decisions
    )

    assert authorised_stay_until(record) == d(expected)


# --- assess_entry: the 90/180 rule ------------------------------------------------------------


@pytest.mark.parametrize(
    ("previous", "entry_day", "expected"),
    [
        pytest.param((), "2026-06-01", (True, "ok", "2026-08-29", 90, 1), id="first-entry-90-days"),
        pytest.param(
            # 1 January to 1 March 2026: 31 + 28 + 1 = 60 days, all still in the window
            # until after the new stay ends.
            (make_stay(d("2026-01-01"), d("2026-03-01")),),
            "2026-03-10",
            (True, "ok", "2026-04-08", 30, 61),
            id="60-days-used-leave-30",
        ),
        pytest.param(
            (make_stay(d("2026-01-01"), d("2026-03-31")),),
            "2026-04-05",
            (False, "stay_exhausted", None, 0, 91),
            id="90-days-used",
        ),
        pytest.param(
            # 30 + 60 days used; from 30 June the January days leave the window one a day,
            # which carries the stay for 30 days, until the March-April days block it.
            (
                make_stay(d("2026-01-01"), d("2026-01-30")),
                make_stay(d("2026-03-01"), d("2026-04-29")),
            ),
            "2026-06-30",
            (True, "ok", "2026-07-29", 30, 90),
            id="days-leave-the-window-while-staying",
        ),
        pytest.param(
            (make_stay(d("2026-01-01"), d("2026-03-31")),),
            "2026-06-29",
            (False, "stay_exhausted", None, 0, 91),
            id="one-day-before-the-first-day-leaves",
        ),
        pytest.param(
            (make_stay(d("2026-01-01"), d("2026-03-31")),),
            "2026-06-30",
            (True, "ok", "2026-09-27", 90, 90),
            id="first-day-left-the-window",
        ),
        pytest.param(
            (make_stay(d("2025-01-01"), d("2025-03-31")),),
            "2026-01-01",
            (True, "ok", "2026-03-31", 90, 1),
            id="old-stay-out-of-the-window",
        ),
        pytest.param(
            (make_stay(d("2026-01-01"), d("2026-01-10")),),
            "2026-01-10",
            (True, "ok", "2026-03-31", 81, 10),
            id="re-entry-on-the-exit-day-counts-that-day-once",
        ),
    ],
)
def test_assess_entry_gives_the_longest_stay_the_90_180_rule_allows(
    previous: tuple[EntryExitRecord, ...],
    entry_day: str,
    expected: tuple[bool, str, str | None, int, int],
) -> None:
    assert summary(assess(*previous, entry_day=entry_day)) == expected


def test_a_refusal_for_90_days_used_names_annex_v_letter_f() -> None:
    assessment = assess(make_stay(d("2026-01-01"), d("2026-03-31")), entry_day="2026-04-05")

    assert assessment.refusal_reason is RefusalReason.ALREADY_STAYED_90_DAYS
    assert assessment.refusal_reason.value == "F"


def test_a_family_member_is_outside_the_calculator() -> None:
    assessment = assess(
        make_stay(d("2026-01-01"), d("2026-03-31")), entry_day="2026-04-05", family_member=True
    )

    assert summary(assessment) == (True, "ok", "2026-07-03", FAMILY_MEMBER_STAY_DAYS, 91)
    assert assessment.refusal_reason is None
    assert assessment.visa_entry_number is None


# --- assess_entry: visas ----------------------------------------------------------------------


def test_a_visa_holder_without_a_visa_is_refused_under_letter_c() -> None:
    assessment = assess(entry_day="2026-06-01", visa_required=True)

    assert summary(assessment) == (False, "visa_required", None, 0, 1)
    assert assessment.refusal_reason is RefusalReason.NO_VALID_VISA_OR_RESIDENCE_PERMIT
    assert assessment.refusal_reason.value == "C"


@pytest.mark.parametrize(
    ("previous", "visa", "entry_day", "expected"),
    [
        pytest.param(
            (),
            make_visa(),
            "2026-06-01",
            (True, "ok", "2026-08-29", 90, 1),
            id="multiple-entry-visa-first-entry",
        ),
        pytest.param(
            (),
            make_visa(duration_of_stay_days=15),
            "2026-06-01",
            (True, "ok", "2026-06-15", 15, 1),
            id="duration-of-stay-15-days",
        ),
        pytest.param(
            (make_stay(d("2026-03-01"), d("2026-03-10"), STICKER),),
            make_visa(duration_of_stay_days=15),
            "2026-06-01",
            (True, "ok", "2026-06-05", 5, 11),
            id="duration-of-stay-shared-by-the-entries",
        ),
        pytest.param(
            (make_stay(d("2026-03-01"), d("2026-03-10"), "OTHER"),),
            make_visa(duration_of_stay_days=15),
            "2026-06-01",
            (True, "ok", "2026-06-15", 15, 11),
            id="stays-on-another-visa-do-not-use-its-days",
        ),
        pytest.param(
            (make_stay(d("2026-03-01"), d("2026-03-15"), STICKER),),
            make_visa(duration_of_stay_days=15),
            "2026-06-01",
            (False, "visa_days_used", None, 0, 16),
            id="duration-of-stay-used-up",
        ),
        pytest.param(
            (make_stay(d("2026-03-01"), d("2026-03-10"), STICKER),),
            make_visa(duration_of_stay_days=15),
            "2026-03-10",
            (True, "ok", "2026-03-15", 6, 10),
            id="re-entry-on-the-exit-day-counts-that-day-once",
        ),
        pytest.param(
            (),
            make_visa(valid_until=d("2026-06-21")),
            "2026-06-01",
            (True, "ok", "2026-06-21", 21, 1),
            id="valid-until-caps-the-stay",
        ),
        pytest.param(
            (),
            make_visa(valid_until=d("2026-06-01")),
            "2026-06-01",
            (True, "ok", "2026-06-01", 1, 1),
            id="entry-on-the-last-valid-day",
        ),
        pytest.param(
            (),
            make_visa(valid_from=d("2026-06-02")),
            "2026-06-01",
            (False, "visa_not_valid_on_entry_day", None, 0, 1),
            id="before-valid-from",
        ),
        pytest.param(
            (),
            make_visa(valid_until=d("2026-05-31")),
            "2026-06-01",
            (False, "visa_not_valid_on_entry_day", None, 0, 1),
            id="after-valid-until",
        ),
        pytest.param(
            (make_stay(d("2026-01-01"), d("2026-03-01")),),
            make_visa(),
            "2026-03-10",
            (True, "ok", "2026-04-08", 30, 61),
            id="90-180-shorter-than-the-visa",
        ),
        pytest.param(
            (make_stay(d("2026-03-01"), d("2026-03-05"), STICKER),),
            make_visa(entries_allowed=1),
            "2026-06-01",
            (False, "visa_entries_used", None, 0, 6),
            id="single-entry-visa-used-once",
        ),
        pytest.param(
            (make_stay(d("2026-03-01"), d("2026-03-05"), STICKER),),
            make_visa(entries_allowed=2),
            "2026-06-01",
            (True, "ok", "2026-08-24", 85, 6),
            id="double-entry-visa-second-entry",
        ),
        pytest.param(
            (
                make_stay(d("2026-03-01"), d("2026-03-05"), STICKER),
                make_stay(d("2026-04-01"), d("2026-04-05"), STICKER),
            ),
            make_visa(entries_allowed=2),
            "2026-06-01",
            (False, "visa_entries_used", None, 0, 11),
            id="double-entry-visa-third-entry",
        ),
        pytest.param(
            (make_stay(d("2026-03-01"), d("2026-03-05"), STICKER),),
            make_visa(entries_allowed=1),
            "2026-03-05",
            (False, "visa_entries_used", None, 0, 5),
            id="same-day-re-entry-is-a-second-entry",
        ),
        pytest.param(
            (),
            make_visa(limited_territorial_validity=("FRA", "BEL")),
            "2026-06-01",
            (False, "visa_not_valid_for_state", None, 0, 1),
            id="limited-territorial-validity-excludes-the-state",
        ),
        pytest.param(
            (),
            make_visa(limited_territorial_validity=("NLD", "BEL")),
            "2026-06-01",
            (True, "ok", "2026-08-29", 90, 1),
            id="limited-territorial-validity-includes-the-state",
        ),
        pytest.param(
            (),
            make_visa(status=VisaStatus.REVOKED),
            "2026-06-01",
            (False, "visa_revoked_or_annulled", None, 0, 1),
            id="revoked-visa",
        ),
        pytest.param(
            (),
            make_visa(status=VisaStatus.ANNULLED),
            "2026-06-01",
            (False, "visa_revoked_or_annulled", None, 0, 1),
            id="annulled-visa",
        ),
        pytest.param(
            (),
            make_visa(status=VisaStatus.EXTENDED, valid_until=d("2027-01-31")),
            "2026-12-01",
            (True, "ok", "2027-01-31", 62, 1),
            id="extended-visa",
        ),
    ],
)
def test_assess_entry_applies_the_visa_limits(
    previous: tuple[EntryExitRecord, ...],
    visa: VisaRecord,
    entry_day: str,
    expected: tuple[bool, str, str | None, int, int],
) -> None:
    assessment = assess(*previous, entry_day=entry_day, visa=visa, visa_required=True)

    assert summary(assessment) == expected
    expected_letter = (
        None if assessment.allowed else RefusalReason.NO_VALID_VISA_OR_RESIDENCE_PERMIT
    )
    assert assessment.refusal_reason is expected_letter


def test_a_single_entry_visa_used_once_reports_the_entry_numbers() -> None:
    assessment = assess(
        make_stay(d("2026-03-01"), d("2026-03-05"), STICKER),
        entry_day="2026-06-01",
        visa=make_visa(entries_allowed=1),
        visa_required=True,
    )

    assert (assessment.visa_entry_number, assessment.visa_entries_allowed) == (2, 1)
    assert assessment.refusal_reason is RefusalReason.NO_VALID_VISA_OR_RESIDENCE_PERMIT


def test_an_allowed_visa_entry_reports_which_entry_it_is() -> None:
    assessment = assess(
        make_stay(d("2026-03-01"), d("2026-03-05"), STICKER),
        entry_day="2026-06-01",
        visa=make_visa(entries_allowed=2),
        visa_required=True,
    )

    assert (assessment.visa_entry_number, assessment.visa_entries_allowed) == (2, 2)


def test_a_visa_shown_by_a_visa_exempt_traveller_is_still_checked() -> None:
    assessment = assess(entry_day="2026-06-01", visa=make_visa(duration_of_stay_days=10))

    assert summary(assessment) == (True, "ok", "2026-06-10", 10, 1)
    assert assessment.visa_entry_number == 1


def test_stay_exhausted_is_reported_before_the_visa_is_looked_at() -> None:
    assessment = assess(
        make_stay(d("2026-01-01"), d("2026-03-31"), STICKER),
        entry_day="2026-04-05",
        visa=make_visa(status=VisaStatus.REVOKED),
        visa_required=True,
    )

    assert (assessment.reason, assessment.refusal_reason) == (
        "stay_exhausted",
        RefusalReason.ALREADY_STAYED_90_DAYS,
    )


def test_no_visa_entry_numbers_without_a_visa() -> None:
    assessment = assess(entry_day="2026-06-01")

    assert (assessment.visa_entry_number, assessment.visa_entries_allowed) == (None, None)


# --- properties --------------------------------------------------------------------------------

BASE = date(2026, 1, 1)


@st.composite
def previous_stays(draw: st.DrawFn) -> tuple[list[EntryExitRecord], date]:
    """Closed stays in time order and an entry day on or after the last exit."""
    day = BASE
    records = []
    for _ in range(draw(st.integers(0, 5))):
        day += timedelta(days=draw(st.integers(0, 120)))
        exit_day = day + timedelta(days=draw(st.integers(0, 95)))
        records.append(make_stay(day, exit_day, draw(st.sampled_from([STICKER, None]))))
        day = exit_day + timedelta(days=1)
    entry_day = day + timedelta(days=draw(st.integers(-1, 200)))
    return records, entry_day


def longest_stay_day_by_day(records: list[EntryExitRecord], entry_day: date) -> int:
    """The reference: grow the stay one day while every day's 180-day window holds <= 90."""
    present: set[date] = set()
    for record in records:
        assert record.exit is not None
        day = record.entry.day
        while day <= record.exit.day:
            present.add(day)
            day += timedelta(days=1)
    length = 0
    while True:
        last = entry_day + timedelta(days=length)
        stay = present | {entry_day + timedelta(days=offset) for offset in range(length + 1)}
        if sum(1 for day in stay if last - timedelta(days=WINDOW_DAYS - 1) <= day <= last) > 90:
            return length
        length += 1


@settings(max_examples=150, deadline=None)
@given(case=previous_stays())
def test_the_authorised_stay_matches_a_day_by_day_count(
    case: tuple[list[EntryExitRecord], date],
) -> None:
    records, entry_day = case

    assessment = assess_entry(
        records, entry_day, visa=None, visa_required=False, family_member=False, bcp_state="NLD"
    )

    assert assessment.max_stay_days == longest_stay_day_by_day(records, entry_day)
    assert assessment.allowed is (assessment.max_stay_days > 0)


@settings(max_examples=200, deadline=None)
@given(
    case=previous_stays(),
    duration_of_stay_days=st.integers(1, 120),
    valid_days=st.integers(0, 400),
    entries_allowed=st.sampled_from([1, 2, None]),
)
def test_an_authorised_stay_spans_max_stay_days_and_never_more_than_90(
    case: tuple[list[EntryExitRecord], date],
    duration_of_stay_days: int,
    valid_days: int,
    entries_allowed: int | None,
) -> None:
    records, entry_day = case
    visa = make_visa(
        valid_from=BASE,
        valid_until=BASE + timedelta(days=valid_days),
        entries_allowed=entries_allowed,
        duration_of_stay_days=duration_of_stay_days,
    )

    assessment = assess_entry(
        records, entry_day, visa=visa, visa_required=True, family_member=False, bcp_state="NLD"
    )

    if assessment.allowed:
        assert assessment.authorised_stay_until is not None
        assert (assessment.authorised_stay_until - entry_day).days + 1 == assessment.max_stay_days
        assert 1 <= assessment.max_stay_days <= MAX_STAY_DAYS
        assert assessment.max_stay_days <= duration_of_stay_days
        assert assessment.authorised_stay_until <= visa.valid_until
        plan = max_stay(presence(records), entry_day)
        assert plan.latest_exit is not None
        assert assessment.authorised_stay_until <= plan.latest_exit
    else:
        assert assessment.authorised_stay_until is None
        assert assessment.max_stay_days == 0
        assert assessment.refusal_reason is not None
