"""The Schengen short-stay rule: no more than 90 days in any 180-day period.

A day of stay complies when the 180-day window ending on it, both ends included, holds at
most 90 presence days; exactly 90 complies. Every function here is pure: the control or
entry date is an argument, never the clock.

Counting facts the planning functions rely on (P = presence days):

- a continuous stay from E to L adds one day per day and drops at most one, so the window
  count along a stay never decreases, and a stay always ends by E + 89;
- along a recorded run of presence the window count never decreases either, so the days of
  a run that were compliant form a prefix of it;
- adding presence never lowers a count, so whether a stay [E, L] is possible is monotone in L.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from limes.core.presence import (
    InvalidQueryError,
    PresenceHistory,
    QueryBeforeEntryError,
    require_supported_day,
)

# Schengen Borders Code (Reg. (EU) 2016/399) art. 6(1): stays "of no more than 90 days in any
# 180-day period, which entails considering the 180-day period preceding each day of stay".
# Art. 6(2): the day of entry is the first day of stay and the day of exit the last.
MAX_STAY_DAYS: Final = 90
WINDOW_DAYS: Final = 180


@dataclass(frozen=True, slots=True, kw_only=True)
class Overstay:
    """Both overstay measures at a control date; they answer different questions.

    `overstay_days` is the excess at the control date, max(0, days_used - 90): the Swiss
    SEM's "overstay" (their example 6: 74 days). `days_in_breach` is the number of presence
    days up to the control date whose own window held more than 90 days, starting on
    `first_violation_day`: what the EU calculator prints as "Overstay in the period from X
    to Y (N days)" (117 days for the same data). See ees_rules.md §1.2.
    """

    days_used: int
    days_remaining: int
    overstay_days: int
    first_violation_day: date | None
    days_in_breach: int


@dataclass(frozen=True, slots=True, kw_only=True)
class MaxStay:
    """The longest continuous stay from an entry date, and what limits it.

    `conflict_day` is set when a later recorded presence day, compliant until now, is what
    limits or forbids the stay: it is the first such day the stay would push over 90 if it
    lasted one day longer. `earliest_entry` and `max_stay_days_at_earliest_entry` are set
    only when the entry is not allowed.
    """

    entry: date
    allowed: bool
    max_stay_days: int
    latest_exit: date | None
    used_on_entry: int
    conflict_day: date | None = None
    earliest_entry: date | None = None
    max_stay_days_at_earliest_entry: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class StayCheck:
    """Verdict on a planned stay; `overshoot` is the count on the first violating day minus 90.

    `allowed` looks only at the planned days. `conflict_day` reports separately the first
    later recorded day, compliant until now, that the plan would push over 90.
    """

    allowed: bool
    first_violation_day: date | None
    overshoot: int
    latest_permitted_exit: date | None
    conflict_day: date | None


@dataclass(frozen=True, slots=True)
class EarliestEntry:
    """First possible entry date (None if there is none) and the longest stay from it."""

    earliest_entry: date | None
    max_stay_days: int


@dataclass(frozen=True, slots=True, kw_only=True)
class StayPosition:
    """A traveller's position on a date, as a border guard or the traveller needs to see it.

    `latest_exit` is set when the traveller is inside on `on` (None then means already in
    breach). `plan` answers a planned entry; an open stay is taken to end on `on` for it.
    """

    on: date
    window_start: date
    window_end: date
    overstay: Overstay
    inside: bool
    latest_exit: date | None
    plan: MaxStay | None


def stay_position(
    history: PresenceHistory, on: date, planned_entry: date | None = None
) -> StayPosition:
    """Days used, both overstay measures, the latest exit if inside, and a planned entry."""
    control = require_supported_day(on, "control date")
    inside = history.is_open or history.days_present_between(control, control) > 0
    start, end = window(on)
    return StayPosition(
        on=on,
        window_start=start,
        window_end=end,
        overstay=overstay(history, on),
        inside=inside,
        latest_exit=latest_exit_if_staying(history, on) if inside else None,
        # Records are known up to the control date: an open stay is taken to end on it.
        plan=max_stay(history.resolved(on), planned_entry) if planned_entry else None,
    )


def window(on: date) -> tuple[date, date]:
    """First and last day of the 180-day window for `on`: [on - 179, on]."""
    return on - timedelta(days=WINDOW_DAYS - 1), on


def days_used(history: PresenceHistory, on: date) -> int:
    """Presence days in the window ending on `on`; days after `on` are ignored."""
    return _count(history, require_supported_day(on, "control date"))


def days_remaining(history: PresenceHistory, on: date) -> int:
    """max(0, 90 - days used on `on`); not the longest possible stay (see `max_stay`)."""
    return max(0, MAX_STAY_DAYS - days_used(history, on))


def overstay(history: PresenceHistory, on: date) -> Overstay:
    """Days used on `on` and both overstay measures (see `Overstay`)."""
    control = require_supported_day(on, "control date")
    used = _count(history, control)
    first_violation: int | None = None
    days_in_breach = 0
    for start, end in history.runs_through(control):
        if _count(history, end) <= MAX_STAY_DAYS:
            continue
        last_compliant = _last_true(
            start, end - 1, lambda day: _count(history, day) <= MAX_STAY_DAYS
        )
        if first_violation is None:
            first_violation = last_compliant + 1
        days_in_breach += end - last_compliant
    return Overstay(
        days_used=used,
        days_remaining=max(0, MAX_STAY_DAYS - used),
        overstay_days=max(0, used - MAX_STAY_DAYS),
        first_violation_day=_to_date(first_violation),
        days_in_breach=days_in_breach,
    )


def max_stay(history: PresenceHistory, entry: date) -> MaxStay:
    """The longest stay from `entry` such that every stay day has a window count <= 90 and no
    later recorded presence day that complied stops complying.

    Stay days run from the entry day through the latest exit, both included (SBC art. 6(2)).
    The EU calculator differs when the last recorded exit equals the entry date: it then
    counts only the days after that date (ees_rules.md §1.3); we follow the rule's wording.
    With an open stay, an entry on or after its start continues that stay.
    """
    first = require_supported_day(entry, "entry date")
    _require_not_before_open_stay(history, first, "entry date")
    latest, conflict = _plan_stay(history, first)
    used_on_entry = _count_with_stay(history, first, first)
    if latest >= first:
        return MaxStay(
            entry=entry,
            allowed=True,
            max_stay_days=latest - first + 1,
            latest_exit=date.fromordinal(latest),
            used_on_entry=used_on_entry,
            conflict_day=_to_date(conflict),
        )
    found = _find_earliest_entry(history, first + 1, 1)
    return MaxStay(
        entry=entry,
        allowed=False,
        max_stay_days=0,
        latest_exit=None,
        used_on_entry=used_on_entry,
        conflict_day=_to_date(conflict),
        earliest_entry=None if found is None else date.fromordinal(found[0]),
        max_stay_days_at_earliest_entry=None if found is None else found[1],
    )


def latest_exit_if_staying(history: PresenceHistory, on: date) -> date | None:
    """Last day of continuous presence from `on` with every day <= 90; None if `on` is in breach.

    This is the EU calculator's control-mode "Possible stay until". The traveller is taken
    to be inside on `on` and to stay on, as the calculator assumes; with an open stay, `on`
    must not be before it began.
    """
    control = require_supported_day(on, "control date")
    _require_not_before_open_stay(history, control, "control date")
    end = _last_day_of_compliant_stay(history, control)
    return None if end < control else date.fromordinal(end)


def check_stay(history: PresenceHistory, entry: date, exit: date) -> StayCheck:
    """Whether every day of the planned stay [entry, exit] has a window count <= 90."""
    first = require_supported_day(entry, "planned entry date")
    last = require_supported_day(exit, "planned exit date")
    if last < first:
        raise InvalidQueryError("the planned exit date is before the planned entry date")
    _require_not_before_open_stay(history, first, "planned entry date")
    # A stay's 91st day always breaks the rule, so no need to look further.
    checked_until = min(last, first + MAX_STAY_DAYS)
    last_compliant = _last_true(
        first,
        checked_until,
        lambda day: _count_with_stay(history, first, day) <= MAX_STAY_DAYS,
    )
    violation = None if last_compliant >= last else last_compliant + 1
    overshoot = 0
    if violation is not None:
        overshoot = _count_with_stay(history, first, violation) - MAX_STAY_DAYS
    latest, _ = _plan_stay(history, first)
    return StayCheck(
        allowed=violation is None,
        first_violation_day=_to_date(violation),
        overshoot=overshoot,
        latest_permitted_exit=_to_date(latest) if latest >= first else None,
        conflict_day=_to_date(_first_day_pushed_into_breach(history, first, last)),
    )


def earliest_entry(
    history: PresenceHistory, not_before: date, min_stay_days: int = 1
) -> EarliestEntry:
    """First date >= `not_before` on which an entry allows at least `min_stay_days` days.

    With an open stay the traveller is inside, so only continuing from `not_before` counts.
    """
    first = require_supported_day(not_before, "earliest wanted entry date")
    if not 1 <= min_stay_days <= MAX_STAY_DAYS:
        raise InvalidQueryError(f"the minimum stay must be between 1 and {MAX_STAY_DAYS} days")
    _require_not_before_open_stay(history, first, "earliest wanted entry date")
    found = _find_earliest_entry(history, first, min_stay_days)
    if found is None:
        return EarliestEntry(None, 0)
    return EarliestEntry(date.fromordinal(found[0]), found[1])


def _count(history: PresenceHistory, day: int) -> int:
    """Presence days in the window ending on the ordinal `day`."""
    return history.days_present_through(day) - history.days_present_through(day - WINDOW_DAYS)


def _count_with_stay(history: PresenceHistory, entry: int, day: int) -> int:
    """Window count on `day` for a traveller staying continuously from `entry` through `day`.

    Valid while day - entry < WINDOW_DAYS, which every caller keeps to (day <= entry + 90).
    """
    return history.days_present_between(day - WINDOW_DAYS + 1, entry - 1) + day - entry + 1


def _count_after_stay(history: PresenceHistory, entry: int, last: int, day: int) -> int:
    """Window count on a recorded `day` after a stay [entry, last] is added (day > last)."""
    first_new = max(entry, day - WINDOW_DAYS + 1)
    if last < first_new:
        return _count(history, day)
    added = last - first_new + 1 - history.days_present_between(first_new, last)
    return _count(history, day) + added


def _last_day_of_compliant_stay(history: PresenceHistory, entry: int) -> int:
    """Last day L of a stay from `entry` with every day's count <= 90; entry - 1 if none."""
    return _last_true(
        entry,
        entry + MAX_STAY_DAYS - 1,
        lambda day: _count_with_stay(history, entry, day) <= MAX_STAY_DAYS,
    )


def _later_compliant_runs(history: PresenceHistory, entry: int, last: int) -> list[tuple[int, int]]:
    """(first day, last compliant day) of recorded runs after `entry` that a stay through
    `last` can reach; runs whose first day is already in breach are left out."""
    reach = last + WINDOW_DAYS - 1
    runs = []
    for start, end in history.runs_after(entry):
        if start > reach:
            break
        if _count(history, end) <= MAX_STAY_DAYS:
            runs.append((start, end))
            continue
        last_compliant = _last_true(
            start, end - 1, lambda day: _count(history, day) <= MAX_STAY_DAYS
        )
        if last_compliant >= start:
            runs.append((start, last_compliant))
    return runs


def _plan_stay(history: PresenceHistory, entry: int) -> tuple[int, int | None]:
    """Latest exit of a stay from `entry` (entry - 1 if none) and the later recorded day
    that limits it, if that is what limits it."""
    latest = _last_day_of_compliant_stay(history, entry)
    limiting_run: tuple[int, int] | None = None
    for start, last_compliant in _later_compliant_runs(history, entry, entry + MAX_STAY_DAYS - 1):
        # Within a run the count after the stay never decreases, so the run's last compliant
        # day is the first to break as the stay grows; past it, the stay covers the run.
        upper = min(last_compliant - 1, latest)
        if _count_after_stay(history, entry, upper, last_compliant) <= MAX_STAY_DAYS:
            continue  # the usual case: this run does not limit the stay
        limit = _last_exit_sparing(history, entry, upper, last_compliant)
        if limit < upper:
            latest = limit
            limiting_run = (start, last_compliant)
    if limiting_run is None:
        return latest, None
    start, last_compliant = limiting_run
    first_broken = 1 + _last_true(
        start,
        last_compliant,
        lambda day: _count_after_stay(history, entry, latest + 1, day) <= MAX_STAY_DAYS,
    )
    return latest, first_broken


def _last_exit_sparing(history: PresenceHistory, entry: int, upper: int, day: int) -> int:
    """Latest exit <= `upper` of a stay from `entry` that keeps the recorded `day` <= 90."""
    return _last_true(
        entry - 1,
        upper,
        lambda last: _count_after_stay(history, entry, last, day) <= MAX_STAY_DAYS,
    )


def _first_day_pushed_into_breach(history: PresenceHistory, entry: int, last: int) -> int | None:
    """First recorded day after a planned stay [entry, last] that complied and no longer would."""
    for start, last_compliant in _later_compliant_runs(history, entry, last):
        if last_compliant <= last:
            continue
        if _count_after_stay(history, entry, last, last_compliant) <= MAX_STAY_DAYS:
            continue
        return 1 + _last_true(
            max(start, last + 1),
            last_compliant,
            lambda day: _count_after_stay(history, entry, last, day) <= MAX_STAY_DAYS,
        )
    return None


def _find_earliest_entry(
    history: PresenceHistory, first: int, min_stay_days: int
) -> tuple[int, int] | None:
    """First entry day >= `first` allowing `min_stay_days` days, with the longest stay then."""
    if history.is_open:
        latest, _ = _plan_stay(history, first)
        stay_days = latest - first + 1
        return (first, stay_days) if stay_days >= min_stay_days else None
    day = first
    while True:
        # The count on the stay's last day, less at most one per day waited: skip ahead.
        excess = (
            history.days_present_between(day + min_stay_days - WINDOW_DAYS, day - 1)
            + min_stay_days
            - MAX_STAY_DAYS
        )
        if excess > 0:
            day += excess
            continue
        latest, _ = _plan_stay(history, day)
        if latest - day + 1 >= min_stay_days:
            return day, latest - day + 1
        day += 1


def _require_not_before_open_stay(history: PresenceHistory, day: int, field: str) -> None:
    if history.open_entry is not None and day < history.open_entry:
        raise QueryBeforeEntryError(f"the {field} is before the open stay's entry date")


def _last_true(low: int, high: int, holds: Callable[[int], bool]) -> int:
    """Largest x in [low, high] with holds(x), for holds true then false; low - 1 if none."""
    while low <= high:
        middle = (low + high) // 2
        if holds(middle):
            low = middle + 1
        else:
            high = middle - 1
    return high


def _to_date(day: int | None) -> date | None:
    return None if day is None else date.fromordinal(day)
