"""Time for the services: an injected clock, UTC instants, and the border's calendar day.

The EES stores the date *and time* of a crossing (EESR art. 16(2)(a)) but the 90/180 rule
counts calendar days at the border (ees_rules.md §15.1), so an instant is turned into a
day in the border crossing point's own time zone, never by cutting the UTC timestamp.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo


class Clock(Protocol):
    """Where the services read the current instant from."""

    def now(self) -> datetime:
        """The current instant, timezone-aware, in UTC."""
        ...


class SystemClock:
    """The machine's clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass(slots=True)
class FixedClock:
    """A clock that stands still until moved; for tests, seeding and replays.

    >>> clock = FixedClock(datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
    >>> clock.advance(days=1).now().day
    24
    """

    at: datetime = field(default_factory=lambda: datetime(2026, 11, 23, 9, 0, tzinfo=UTC))

    def __post_init__(self) -> None:
        self.at = require_aware(self.at)

    def now(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> "FixedClock":
        """Move forward by a `timedelta(**delta)` and return self."""
        self.at += timedelta(**delta)
        return self

    def set(self, at: datetime) -> "FixedClock":
        """Jump to `at` and return self."""
        self.at = require_aware(at)
        return self


def require_aware(at: datetime) -> datetime:
    """The same instant in UTC; naive datetimes are rejected, never guessed."""
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("a crossing time must carry a time zone")
    return at.astimezone(UTC)


def local_day(at: datetime, time_zone: str) -> date:
    """The calendar day at a border crossing point in `time_zone` (IANA name) at instant `at`."""
    return require_aware(at).astimezone(ZoneInfo(time_zone)).date()
