"""Short-stay visas: validity, number of entries and days allowed, on top of the 90/180 rule.

A visa holder must respect all four at once: the 90/180 rule, the visa's "duration of stay"
days, its "until" date, and its number of entries (01, 02 or MULT). The EES automated
calculator checks on entry whether a one- or two-entry visa's entries are used up
(EESR art. 11(2)(a); visa sticker reading: ees_rules.md §4).
"""

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date
from typing import Literal

from limes.core.presence import (
    InvalidQueryError,
    PresenceHistory,
    Stay,
    require_supported_day,
)
from limes.core.stay import MAX_STAY_DAYS, StayCheck, check_stay, days_used


@dataclass(frozen=True, slots=True, kw_only=True)
class ShortStayVisa:
    """What a uniform short-stay visa sticker allows; `entries=None` is MULT.

    >>> ShortStayVisa(valid_from=date(2026, 5, 1), valid_until=date(2026, 10, 31),
    ...               entries=2, duration_of_stay_days=30)  # doctest: +ELLIPSIS
    ShortStayVisa(valid_from=datetime.date(2026, 5, 1), ...)
    """

    valid_from: date
    valid_until: date
    entries: Literal[1, 2] | None
    duration_of_stay_days: int | None = None

    def __post_init__(self) -> None:
        require_supported_day(self.valid_from, "visa valid-from date")
        require_supported_day(self.valid_until, "visa valid-until date")
        if self.valid_until < self.valid_from:
            raise InvalidQueryError("the visa's valid-until date is before its valid-from date")
        if self.entries not in (1, 2, None):
            raise InvalidQueryError("a visa allows 1, 2 or multiple entries")
        if self.duration_of_stay_days is not None and self.duration_of_stay_days < 1:
            raise InvalidQueryError("a visa's duration of stay must be at least 1 day")


@dataclass(frozen=True, slots=True, kw_only=True)
class VisaEntryCheck:
    """Whether a visa covers a stay, and the 90/180 verdict for that stay.

    `entry_allowed` needs both: the visa covers the entry (within validity, an entry left,
    a day of the allowance left) and the entry day's window count is <= 90.
    `visa_overstay_days` counts the stay's days the visa does not cover: after `valid_until`,
    beyond the duration-of-stay allowance (counted over all stays entered on the visa), or
    every day when the entry itself is not covered.
    """

    entry_allowed: bool
    entry_number_on_visa: int
    visa_overstay_days: int
    stay_entry: date
    stay_exit: date
    entry_covered_by_visa: bool
    visa_days_used_before: int
    last_day_covered_by_visa: date | None
    days_used_on_entry: int
    stay_rule: StayCheck


def check_visa_entry(
    history: PresenceHistory,
    visa: ShortStayVisa,
    stay_entry_date: date,
    stay_exit_date: date | None = None,
) -> VisaEntryCheck:
    """Check the stay that contains `stay_entry_date` against the visa and the 90/180 rule.

    The stay is the merged presence run holding `stay_entry_date` once the planned stay
    [stay_entry_date, stay_exit_date] (one day if no exit is given) is added; its entry is
    the run's first day. An open stay is taken to end on the exit date, else the entry date.
    Entries are the first days of merged runs, so moving between Schengen states is not an
    entry; at day granularity neither is a same-day or next-day exit and re-entry.
    `entry_number_on_visa` counts the entries within the validity up to this stay's entry
    (so it includes this one only when the entry is within the validity).
    """
    entry = require_supported_day(stay_entry_date, "stay entry date")
    if stay_exit_date is not None:
        require_supported_day(stay_exit_date, "stay exit date")
        if stay_exit_date < stay_entry_date:
            raise InvalidQueryError("the stay's exit date is before its entry date")
    last_planned = stay_exit_date or stay_entry_date
    presence = PresenceHistory.from_stays(
        [*history.resolved(last_planned).merged_stays(), Stay(stay_entry_date, last_planned)]
    )
    run = bisect_right(presence.starts, entry) - 1
    first, last = presence.starts[run], presence.ends[run]

    valid_from = visa.valid_from.toordinal()
    valid_until = visa.valid_until.toordinal()
    first_on_visa = bisect_left(presence.starts, valid_from)
    entry_number = max(0, bisect_right(presence.starts, min(first, valid_until)) - first_on_visa)
    earlier_on_visa = bisect_left(presence.starts, min(first, valid_until + 1))
    days_used_before = max(0, presence.prefix[earlier_on_visa] - presence.prefix[first_on_visa])

    days_left = None
    if visa.duration_of_stay_days is not None:
        days_left = visa.duration_of_stay_days - days_used_before
    covered = (
        valid_from <= first <= valid_until
        and (visa.entries is None or entry_number <= visa.entries)
        and (days_left is None or days_left >= 1)
    )
    last_covered: int | None = None
    if covered:
        last_covered = valid_until if days_left is None else min(valid_until, first + days_left - 1)
    uncovered_days = last - first + 1 if last_covered is None else max(0, last - last_covered)

    stay_entry, stay_exit = date.fromordinal(first), date.fromordinal(last)
    used_on_entry = days_used(presence, stay_entry)
    return VisaEntryCheck(
        entry_allowed=covered and used_on_entry <= MAX_STAY_DAYS,
        entry_number_on_visa=entry_number,
        visa_overstay_days=uncovered_days,
        stay_entry=stay_entry,
        stay_exit=stay_exit,
        entry_covered_by_visa=covered,
        visa_days_used_before=days_used_before,
        last_day_covered_by_visa=None if last_covered is None else date.fromordinal(last_covered),
        days_used_on_entry=used_on_entry,
        stay_rule=check_stay(presence, stay_entry, stay_exit),
    )
