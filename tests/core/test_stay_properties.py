"""Invariants of the 90/180 engine, and a day-by-day reference implementation it must match."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from limes.core.presence import PresenceHistory, Stay
from limes.core.stay import (
    MAX_STAY_DAYS,
    WINDOW_DAYS,
    check_stay,
    days_used,
    earliest_entry,
    latest_exit_if_staying,
    max_stay,
    overstay,
)

BASE = date(2024, 1, 1)
SPAN_DAYS = 540
FAST = settings(max_examples=150, deadline=None)
SLOW = settings(max_examples=100, deadline=None)

day_offsets = st.integers(0, SPAN_DAYS)
stay_lengths = st.one_of(st.integers(0, 12), st.integers(13, 130))
closed_stays = st.lists(
    st.builds(
        lambda offset, length: Stay(
            BASE + timedelta(days=offset), BASE + timedelta(days=offset + length)
        ),
        day_offsets,
        stay_lengths,
    ),
    max_size=7,
)
query_days = st.builds(
    lambda offset: BASE + timedelta(days=offset), st.integers(0, SPAN_DAYS + 200)
)


@st.composite
def open_stays(draw: st.DrawFn) -> list[Stay]:
    """Closed stays, then an open stay beginning on or after the last exit."""
    stays = draw(closed_stays)
    last_exit = max((stay.exit for stay in stays if stay.exit), default=BASE)
    return [*stays, Stay(last_exit + timedelta(days=draw(st.integers(0, 60))))]


# The reference: presence as a plain set of days, counts by sliding the window one day at a time.


def presence_days(stays: list[Stay]) -> set[int]:
    days: set[int] = set()
    for stay in stays:
        assert stay.exit is not None
        days.update(range(stay.entry.toordinal(), stay.exit.toordinal() + 1))
    return days


def window_counts(days: set[int], first: int, last: int) -> dict[int, int]:
    """The 180-day window count of every day in [first, last]."""
    count = sum(1 for day in range(first - WINDOW_DAYS + 1, first + 1) if day in days)
    counts = {first: count}
    for day in range(first + 1, last + 1):
        count += (day in days) - (day - WINDOW_DAYS in days)
        counts[day] = count
    return counts


def stay_is_possible(days: set[int], entry: int, last: int) -> tuple[bool, list[int]]:
    """Whether every day of [entry, last] is <= 90, and the recorded days it pushes over 90."""
    before = window_counts(days, entry, last + WINDOW_DAYS)
    after = window_counts(days | set(range(entry, last + 1)), entry, last + WINDOW_DAYS)
    stay_days_comply = all(after[day] <= MAX_STAY_DAYS for day in range(entry, last + 1))
    broken = [
        day
        for day in range(last + 1, last + WINDOW_DAYS)
        if day in days and before[day] <= MAX_STAY_DAYS < after[day]
    ]
    return stay_days_comply, broken


def reference_max_stay(days: set[int], entry: int) -> tuple[int, int | None]:
    """Longest possible stay from `entry` and the recorded day that limits it, if one does."""
    verdicts = [stay_is_possible(days, entry, last) for last in range(entry, entry + 100)]
    possible = [comply and not broken for comply, broken in verdicts]
    length = possible.index(False)
    assert not any(possible[length:])  # possible stays are monotone in their length
    comply, broken = verdicts[length]
    return length, broken[0] if comply and broken else None


@FAST
@given(stays=closed_stays, on=query_days)
def test_days_used_and_overstay_match_the_day_by_day_reference(stays: list[Stay], on: date) -> None:
    days = presence_days(stays)
    control = on.toordinal()
    counts = window_counts(days, control - SPAN_DAYS - 400, control)
    in_breach = sorted(day for day in days if day <= control and counts[day] > MAX_STAY_DAYS)

    found = overstay(PresenceHistory.from_stays(stays), on)

    assert found.days_used == counts[control]
    assert found.overstay_days == max(0, counts[control] - MAX_STAY_DAYS)
    assert found.days_in_breach == len(in_breach)
    assert found.first_violation_day == (date.fromordinal(in_breach[0]) if in_breach else None)


@SLOW
@given(stays=closed_stays, entry=query_days)
def test_max_stay_matches_the_day_by_day_reference(stays: list[Stay], entry: date) -> None:
    days = presence_days(stays)
    length, limiting_day = reference_max_stay(days, entry.toordinal())

    plan = max_stay(PresenceHistory.from_stays(stays), entry)

    assert plan.max_stay_days == length
    assert plan.allowed == (length > 0)
    assert plan.conflict_day == (None if limiting_day is None else date.fromordinal(limiting_day))
    if not plan.allowed:
        assert plan.earliest_entry is not None
        first = entry.toordinal() + 1
        while stay_is_possible(days, first, first) != (True, []):
            first += 1
        assert plan.earliest_entry == date.fromordinal(first)
        assert plan.max_stay_days_at_earliest_entry == reference_max_stay(days, first)[0]


@SLOW
@given(stays=closed_stays, not_before=query_days, min_stay_days=st.integers(1, MAX_STAY_DAYS))
def test_earliest_entry_matches_the_day_by_day_reference(
    stays: list[Stay], not_before: date, min_stay_days: int
) -> None:
    days = presence_days(stays)
    first = not_before.toordinal()
    while True:
        comply, broken = stay_is_possible(days, first, first + min_stay_days - 1)
        if comply and not broken:
            break
        first += 1

    found = earliest_entry(PresenceHistory.from_stays(stays), not_before, min_stay_days)

    assert found.earliest_entry == date.fromordinal(first)
    assert found.max_stay_days >= min_stay_days


@FAST
@given(stays=closed_stays, on=query_days)
def test_the_latest_exit_complies_and_one_more_day_does_not(stays: list[Stay], on: date) -> None:
    latest = latest_exit_if_staying(PresenceHistory.from_stays(stays), on)
    if latest is None:
        assert days_used(PresenceHistory.from_stays([*stays, Stay(on, on)]), on) > MAX_STAY_DAYS
        return

    staying = PresenceHistory.from_stays([*stays, Stay(on, latest)])
    one_more = PresenceHistory.from_stays([*stays, Stay(on, latest + timedelta(days=1))])
    stay_days = [on + timedelta(days=n) for n in range((latest - on).days + 1)]
    assert all(days_used(staying, day) <= MAX_STAY_DAYS for day in stay_days)
    assert days_used(one_more, latest + timedelta(days=1)) > MAX_STAY_DAYS


@FAST
@given(stays=closed_stays, on=query_days)
def test_days_used_never_exceeds_the_window_nor_the_presence(stays: list[Stay], on: date) -> None:
    used = days_used(PresenceHistory.from_stays(stays), on)

    assert 0 <= used <= WINDOW_DAYS
    assert used <= len(presence_days(stays))


@FAST
@given(stays=closed_stays, extra=closed_stays, on=query_days)
def test_adding_presence_never_lowers_days_used(
    stays: list[Stay], extra: list[Stay], on: date
) -> None:
    before = days_used(PresenceHistory.from_stays(stays), on)

    assert days_used(PresenceHistory.from_stays([*stays, *extra]), on) >= before


@FAST
@given(stays=closed_stays, entry=query_days)
def test_max_stay_check_stay_and_latest_exit_agree(stays: list[Stay], entry: date) -> None:
    presence = PresenceHistory.from_stays(stays)
    plan = max_stay(presence, entry)

    if plan.latest_exit is None:
        assert check_stay(presence, entry, entry).latest_permitted_exit is None
        return
    assert check_stay(presence, entry, plan.latest_exit).allowed
    assert check_stay(presence, entry, plan.latest_exit).conflict_day is None
    assert check_stay(presence, entry, plan.latest_exit).latest_permitted_exit == plan.latest_exit
    one_more = check_stay(presence, entry, plan.latest_exit + timedelta(days=1))
    if plan.conflict_day is None:
        assert not one_more.allowed
    else:
        assert one_more.conflict_day == plan.conflict_day


@FAST
@given(stays=closed_stays, on=query_days)
def test_staying_on_is_a_stay_entered_on_the_control_date_when_nothing_is_booked_later(
    stays: list[Stay], on: date
) -> None:
    earlier = [stay for stay in stays if stay.exit is not None and stay.exit < on]
    presence = PresenceHistory.from_stays(earlier)

    assert latest_exit_if_staying(presence, on) == max_stay(presence, on).latest_exit


@FAST
@given(stays=open_stays(), days_after=st.integers(0, 200))
def test_an_open_stay_counts_as_if_it_ended_on_the_query_date(
    stays: list[Stay], days_after: int
) -> None:
    presence = PresenceHistory.from_stays(stays)
    on = stays[-1].entry + timedelta(days=days_after)
    resolved = presence.resolved(on)

    assert days_used(presence, on) == days_used(resolved, on)
    assert overstay(presence, on) == overstay(resolved, on)
    assert latest_exit_if_staying(presence, on) == latest_exit_if_staying(resolved, on)
    assert latest_exit_if_staying(presence, on) == max_stay(presence, on).latest_exit


@FAST
@given(stays=st.one_of(closed_stays, open_stays()), data=st.data())
def test_merging_does_not_depend_on_the_order_of_the_records(
    stays: list[Stay], data: st.DataObject
) -> None:
    shuffled = data.draw(st.permutations(stays))
    presence = PresenceHistory.from_stays(stays)

    assert PresenceHistory.from_stays(shuffled) == presence
    assert PresenceHistory.from_stays(presence.merged_stays()) == presence
