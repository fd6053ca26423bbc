"""Days a traveller was present in the Schengen area, built once from entry/exit records.

A `PresenceHistory` merges the records into disjoint runs of day ordinals with prefix sums,
so the number of presence days in any window costs two bisections. The 90/180 rule itself
lives in `limes.core.stay`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Final

from limes.core.errors import LimesError

# The Schengen Agreement was signed on 14 June 1985: no earlier day can be a Schengen stay.
EARLIEST_SUPPORTED_DAY: Final = date(1985, 6, 14)
# Far beyond any EES retention period (EESR art. 34); a later date is a typing error.
LATEST_SUPPORTED_DAY: Final = date(2199, 12, 31)


class StayError(LimesError):
    """Stay records or a stay query that the 90/180 engine cannot evaluate."""

    code = "stay.error"


class ExitBeforeEntryError(StayError):
    code = "stay.exit_before_entry"


class ContradictoryRecordsError(StayError):
    """Records that cannot all be true, e.g. a re-entry while an open stay is still running."""

    code = "stay.contradictory_records"


class DateOutOfRangeError(StayError):
    code = "stay.date_out_of_range"


class QueryBeforeEntryError(StayError):
    """The query needs the traveller inside, but its date is before the open stay began."""

    code = "stay.query_before_entry"


class InvalidQueryError(StayError):
    code = "stay.invalid_query"


def require_supported_day(day: date, field: str) -> int:
    """The day's ordinal, or `DateOutOfRangeError` naming the field (never the value)."""
    if not EARLIEST_SUPPORTED_DAY <= day <= LATEST_SUPPORTED_DAY:
        raise DateOutOfRangeError(
            f"{field} is outside the supported range "
            f"{EARLIEST_SUPPORTED_DAY.isoformat()} to {LATEST_SUPPORTED_DAY.isoformat()}"
        )
    return day.toordinal()


@dataclass(frozen=True, slots=True)
class Stay:
    """One entry/exit record; both days count (SBC art. 6(2)); `exit=None` means still inside.

    >>> Stay(date(2026, 1, 1), date(2026, 1, 20))
    Stay(entry=datetime.date(2026, 1, 1), exit=datetime.date(2026, 1, 20))
    """

    entry: date
    exit: date | None = None

    def __post_init__(self) -> None:
        require_supported_day(self.entry, "stay entry date")
        if self.exit is not None:
            require_supported_day(self.exit, "stay exit date")
            if self.exit < self.entry:
                raise ExitBeforeEntryError("a stay's exit date is before its entry date")


@dataclass(frozen=True, slots=True)
class PresenceHistory:
    """Presence days as merged runs of day ordinals; build it with `from_stays`.

    Runs are sorted, disjoint and never adjacent: a day counts once. `prefix[i]` is the
    number of days in the runs before run `i`. An open stay (still inside) continues the
    run that starts at `open_start`; it is not stored as a run but counted up to whatever
    day a query looks at, i.e. it is resolved to end on the query's reference date. Runs
    `settled_runs` and later (at most one) belong to the open stay's run.
    """

    starts: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()
    prefix: tuple[int, ...] = (0,)
    open_entry: int | None = None
    open_start: int | None = None
    settled_runs: int = 0

    @classmethod
    def from_stays(cls, stays: Iterable[Stay]) -> PresenceHistory:
        """Validate the records and merge overlapping or adjacent ones."""
        closed: list[tuple[int, int]] = []
        open_entries: list[int] = []
        for stay in stays:
            if stay.exit is None:
                open_entries.append(stay.entry.toordinal())
            else:
                closed.append((stay.entry.toordinal(), stay.exit.toordinal()))
        if len(open_entries) > 1:
            raise ContradictoryRecordsError(
                "more than one stay has no exit date; only the latest stay can be open"
            )
        starts, ends = _merge_runs(closed)
        if not open_entries:
            return cls._from_runs(starts, ends, open_entry=None)
        open_entry = open_entries[0]
        if ends and ends[-1] > open_entry:
            raise ContradictoryRecordsError(
                "a record ends after the open stay began; an open stay must be the latest "
                "record (the traveller cannot re-enter while still inside)"
            )
        return cls._from_runs(starts, ends, open_entry=open_entry)

    @classmethod
    def _from_runs(
        cls, starts: list[int], ends: list[int], *, open_entry: int | None
    ) -> PresenceHistory:
        prefix = [0]
        for start, end in zip(starts, ends, strict=True):
            prefix.append(prefix[-1] + end - start + 1)
        settled_runs = len(starts)
        open_start = open_entry
        if open_entry is not None and ends and ends[-1] >= open_entry - 1:
            # The last closed record touches the open stay: they form one run.
            settled_runs -= 1
            open_start = starts[-1]
        return cls(tuple(starts), tuple(ends), tuple(prefix), open_entry, open_start, settled_runs)

    @property
    def is_open(self) -> bool:
        """True when the latest record has no exit (the traveller is inside)."""
        return self.open_entry is not None

    def days_present_through(self, day: int) -> int:
        """Presence days on or before the ordinal `day`; an open stay counts up to `day`."""
        index = bisect_right(self.starts, day, 0, self.settled_runs)
        total = self.prefix[index]
        if index and self.ends[index - 1] > day:
            total -= self.ends[index - 1] - day
        if self.open_start is not None and day >= self.open_start:
            total += day - self.open_start + 1
        return total

    def days_present_between(self, first: int, last: int) -> int:
        """Presence days in the ordinals [first, last], both included (0 if last < first)."""
        if last < first:
            return 0
        return self.days_present_through(last) - self.days_present_through(first - 1)

    def runs_through(self, day: int) -> Iterator[tuple[int, int]]:
        """The runs as (first, last) ordinals, cut at `day`; an open stay ends on `day`."""
        for index in range(self.settled_runs):
            start = self.starts[index]
            if start > day:
                return
            yield start, min(self.ends[index], day)
        if self.open_start is None:
            return
        if self.open_entry is not None and day < self.open_entry:
            # Before the open stay began only the closed record that it continues counts.
            if self.settled_runs < len(self.starts) and self.starts[-1] <= day:
                yield self.starts[-1], min(self.ends[-1], day)
            return
        if day >= self.open_start:
            yield self.open_start, day

    def runs_after(self, day: int) -> Iterator[tuple[int, int]]:
        """Closed runs that start after the ordinal `day`, as (first, last) ordinals."""
        for index in range(bisect_right(self.starts, day, 0, self.settled_runs), self.settled_runs):
            yield self.starts[index], self.ends[index]

    def resolved(self, on: date) -> PresenceHistory:
        """The same presence with the open stay ending on `on` (or dropped if it began later)."""
        if self.open_entry is None:
            return self
        last = on.toordinal()
        if last < self.open_entry:
            return PresenceHistory._from_runs(list(self.starts), list(self.ends), open_entry=None)
        assert self.open_start is not None
        starts = [*self.starts[: self.settled_runs], self.open_start]
        ends = [*self.ends[: self.settled_runs], last]
        return PresenceHistory._from_runs(starts, ends, open_entry=None)

    def merged_stays(self) -> tuple[Stay, ...]:
        """The merged closed runs as stays, then the open stay if any; `from_stays` round-trips."""
        closed = tuple(
            Stay(date.fromordinal(start), date.fromordinal(end))
            for start, end in zip(self.starts, self.ends, strict=True)
        )
        if self.open_entry is None:
            return closed
        return (*closed, Stay(date.fromordinal(self.open_entry)))


def _merge_runs(closed: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Sorted, disjoint, non-adjacent runs covering the same days as the records."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(closed):
        if ends and start <= ends[-1] + 1:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends
