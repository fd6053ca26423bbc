"""One synthetic traveller's trips: when they cross, where, on which visa, and refusals.

Pure: all randomness comes from the `random.Random` passed in. Trips start on or after the
EES's full operation (10.04.2026); they respect the 90/180 rule (`limes.core.stay`) and the
visa's validity, entries and days, except for a deliberate share of overstayers.
"""

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import Enum
from functools import cache
from itertools import accumulate
from typing import Final, TypeVar
from zoneinfo import ZoneInfo

from limes.core.presence import PresenceHistory, Stay
from limes.core.stay import MAX_STAY_DAYS, max_stay
from limes.ees.model import BorderCrossingPoint, BorderType, RefusalReason, VisaRecord
from limes.ees.scope import EES_STATES
from limes.seed.crossing_points import draw_entry_bcp, draw_exit_bcp

# The EES has been fully operational at all external borders since this day (ees_rules.md §5).
EES_FULL_OPERATION: Final = date(2026, 4, 10)

REFUSAL_SHARE: Final = 0.01  # of attempted entries
# Of travellers whose entry would break the 90/180 rule: come anyway and are refused (F).
_TRY_ANYWAY_SHARE: Final = 0.2
# Children under 12 give no fingerprints (EESR art. 17(3)).
FINGERPRINT_MINIMUM_AGE: Final = 12

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True, kw_only=True)
class SyntheticTrip:
    """One entry (or refusal of entry) and its exit; `exit_at` is None while inside.

    A non-empty `refused` makes this a refusal of entry at `entry_at` (no stay, no exit).
    Instants are UTC; the stay's days are the calendar days at each BCP (core/time.py).
    """

    entry_at: datetime
    exit_at: datetime | None
    entry_bcp: str
    exit_bcp: str | None
    visa_sticker: str | None
    refused: frozenset[RefusalReason]
    self_service: bool


_HOURS: Final = tuple(range(24))
# Local hour of arrival by border type: long-haul flights land early, ferries in the morning.
_ENTRY_HOUR_WEIGHTS: Final = {
    BorderType.AIR: (1, 1, 1, 1, 2, 5, 9, 10, 9, 8, 7, 7, 7, 7, 7, 7, 7, 7, 7, 6, 6, 5, 4, 2),
    BorderType.SEA: (0, 0, 0, 0, 1, 2, 6, 10, 10, 6, 3, 2, 2, 2, 2, 2, 3, 5, 5, 4, 2, 1, 1, 0),
    BorderType.LAND: (1, 1, 1, 1, 1, 2, 4, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 6, 5, 4, 3, 2, 2, 1),
}
_ENTRY_HOUR_CUMULATIVE: Final = {
    kind: tuple(accumulate(weights)) for kind, weights in _ENTRY_HOUR_WEIGHTS.items()
}
# Exits from 04:00 only, so an exit the day after an entry is always later in UTC too.
_EXIT_HOUR_CUMULATIVE: Final = tuple(
    accumulate((0, 0, 0, 0, 1, 3, 7, 9, 9, 8, 8, 8, 8, 8, 8, 8, 8, 8, 7, 6, 5, 4, 2, 1))
)

# Share of entries through a self-service system or e-gate (SBC art. 8a, 8b), by border type.
_SELF_SERVICE_SHARE: Final = {BorderType.AIR: 0.35, BorderType.SEA: 0.1, BorderType.LAND: 0.15}

# (shortest, longest, weight) in days: most stays are short.
_STAY_DAYS: Final = ((1, 3, 15), (4, 7, 30), (8, 14, 28), (15, 30, 17), (31, 60, 10))
_MEAN_STAY_DAYS: Final = 13
_TRIP_COUNT_WEIGHTS: Final = (3, 34, 20, 13, 9, 7, 6, 4, 4)  # 0 to 8 trips

# Visa validity in days (90 days to 5 years), with weights; longer ones are MULT only
# (Visa Code art. 24(2), as amended by Reg. (EU) 2019/1155: the multiple-entry "cascade").
_VISA_VALIDITY_DAYS: Final = ((90, 45), (180, 20), (365, 20), (730, 8), (1095, 4), (1825, 3))
_VISA_DURATION_DAYS: Final = (15, 30, 30, 45, 60, 90, 90, 90)
_VISA_ISSUING_STATES: Final = tuple(sorted(EES_STATES))

# Annex V Part B letters with weights, for travellers with and without a visa requirement.
_REFUSAL_REASONS_VISA_REQUIRED: Final = (
    (RefusalReason.NO_VALID_VISA_OR_RESIDENCE_PERMIT, 35),
    (RefusalReason.NO_JUSTIFICATION_OF_PURPOSE, 25),
    (RefusalReason.INSUFFICIENT_MEANS_OF_SUBSISTENCE, 20),
    (RefusalReason.NO_VALID_TRAVEL_DOCUMENT, 12),
    (RefusalReason.FALSE_VISA_OR_RESIDENCE_PERMIT, 4),
    (RefusalReason.FALSE_TRAVEL_DOCUMENT, 2),
    (RefusalReason.SIS_OR_NATIONAL_ALERT, 2),
)
_REFUSAL_REASONS_VISA_EXEMPT: Final = (
    (RefusalReason.NO_JUSTIFICATION_OF_PURPOSE, 35),
    (RefusalReason.INSUFFICIENT_MEANS_OF_SUBSISTENCE, 30),
    (RefusalReason.NO_VALID_TRAVEL_DOCUMENT, 22),
    (RefusalReason.FALSE_TRAVEL_DOCUMENT, 5),
    (RefusalReason.SIS_OR_NATIONAL_ALERT, 4),
    (RefusalReason.THREAT_TO_PUBLIC_POLICY, 4),
)
_SECOND_REFUSAL_REASON_SHARE: Final = 0.15


class Outcome(Enum):
    """Where the traveller is on `until`."""

    LEFT = "left"
    INSIDE = "inside"
    OVERSTAYED = "overstayed"


@dataclass(slots=True)
class StickerNumbers:
    """Visa sticker numbers already given out, to keep them unique."""

    issued: set[str] = field(default_factory=set)

    def issue(self, rng: random.Random) -> str:
        while True:
            number = f"{rng.randrange(10**9):09d}"
            if number not in self.issued:
                self.issued.add(number)
                return number


def age_on(born: date, on: date) -> int:
    """Completed years of age on `on`."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


@dataclass(frozen=True, slots=True)
class TravellerFacts:
    """What trip planning needs to know about the traveller."""

    nationality: str
    visa_required: bool
    date_of_birth: date


@dataclass(slots=True)
class _VisaInUse:
    """A visa and what the trips on it have used so far."""

    record: VisaRecord
    entries_used: int = 0
    days_used: int = 0

    def last_covered_day(self, entry: date) -> date | None:
        """Last day a stay from `entry` is covered; None when the visa does not cover `entry`.

        Days count over all stays on the visa, as core/short_stay_visa.py counts them.
        """
        visa = self.record
        if not visa.valid_from <= entry <= visa.valid_until:
            return None
        if visa.entries_allowed is not None and self.entries_used >= visa.entries_allowed:
            return None
        days_left = visa.duration_of_stay_days - self.days_used
        if days_left < 1:
            return None
        return min(visa.valid_until, entry + timedelta(days=days_left - 1))


@dataclass(slots=True)
class Itinerary:
    """One traveller's trips and visas while they are planned, oldest first."""

    facts: TravellerFacts
    stickers: StickerNumbers
    trips: list[SyntheticTrip] = field(default_factory=list)
    stays: list[Stay] = field(default_factory=list)
    visas: list[VisaRecord] = field(default_factory=list)
    visa: _VisaInUse | None = None
    first_day: date | None = None
    last_day: date | None = None  # the latest exit day or refusal day

    def history(self) -> PresenceHistory:
        return PresenceHistory.from_stays(self.stays)

    def add(self, trip: SyntheticTrip, first_day: date, last_day: date) -> None:
        self.trips.append(trip)
        self.first_day = self.first_day or first_day
        self.last_day = last_day


def plan_itinerary(
    rng: random.Random,
    facts: TravellerFacts,
    outcome: Outcome,
    until: date,
    stickers: StickerNumbers,
) -> Itinerary | None:
    """The traveller's trips ending in `outcome` on `until`; None if the draw cannot."""
    itinerary = Itinerary(facts=facts, stickers=stickers)
    if outcome is Outcome.LEFT:
        _plan_closed_trips(rng, itinerary, _draw_trip_count(rng), until)
        return itinerary
    allowed_days = MAX_STAY_DAYS
    if outcome is Outcome.INSIDE:
        entry = max(EES_FULL_OPERATION, until - timedelta(days=_draw_stay_days(rng) - 1))
    else:
        if facts.visa_required:
            allowed_days = rng.choice(_VISA_DURATION_DAYS)  # overstaying the visa's days
        overstay_days = 1 + min(int(rng.expovariate(1 / 20)), 120)
        entry = until - timedelta(days=allowed_days - 1 + overstay_days)
        if entry < EES_FULL_OPERATION:
            return None
    closed_trips = _draw_trip_count(rng, minimum=1) - 1
    _plan_closed_trips(rng, itinerary, closed_trips, entry - timedelta(days=2))
    if not _add_open_stay(rng, itinerary, outcome, entry, until, allowed_days):
        return None
    return itinerary


def _plan_closed_trips(rng: random.Random, it: Itinerary, count: int, horizon: date) -> None:
    """Up to `count` trips (or refusals) that are over by `horizon`, spread over the period."""
    if count == 0 or horizon < EES_FULL_OPERATION:
        return
    span_days = (horizon - EES_FULL_OPERATION).days + 1
    mean_gap_days = max(3.0, (span_days - count * _MEAN_STAY_DAYS) / (count + 1))
    for _ in range(count):
        gap = timedelta(days=int(rng.uniform(0, 2 * mean_gap_days)))
        # Two days apart at least, so that no two stays merge into one (core/presence.py).
        start = EES_FULL_OPERATION if it.last_day is None else it.last_day + timedelta(days=2)
        if start + gap > horizon or not _attempt_entry(rng, it, start + gap, horizon):
            return


def _attempt_entry(rng: random.Random, it: Itinerary, day: date, horizon: date) -> bool:
    """Add an entry on `day` (or later, if the 90/180 rule forbids it) or a refusal."""
    history = it.history()
    plan = max_stay(history, day)
    bcp = draw_entry_bcp(rng, it.facts.nationality)
    if rng.random() < REFUSAL_SHARE or (not plan.allowed and rng.random() < _TRY_ANYWAY_SHARE):
        if plan.allowed:
            reasons = _draw_refusal_reasons(rng, it, day)
        else:
            reasons = frozenset({RefusalReason.ALREADY_STAYED_90_DAYS})
        _add_refusal(rng, it, day, bcp, reasons)
        return True
    if not plan.allowed:
        if plan.earliest_entry is None or plan.earliest_entry > horizon:
            return False
        day = plan.earliest_entry
        plan = max_stay(history, day)
    assert plan.latest_exit is not None
    wanted_last = day + timedelta(days=_draw_stay_days(rng) - 1)
    latest = min(plan.latest_exit, horizon)
    visa = None
    if it.facts.visa_required:
        visa = _visa_for(rng, it, day, wanted_last, bcp)
        covered = visa.last_covered_day(day)
        assert covered is not None
        latest = min(latest, covered)
    _add_stay(rng, it, day, min(wanted_last, latest), bcp, visa)
    return True


def _add_open_stay(
    rng: random.Random,
    it: Itinerary,
    outcome: Outcome,
    entry: date,
    until: date,
    allowed_days: int,
) -> bool:
    """Add the last entry, still without exit on `until`; False if it cannot end in `outcome`."""
    plan = max_stay(it.history(), entry)
    if plan.latest_exit is None:
        return False
    latest = plan.latest_exit
    bcp = draw_entry_bcp(rng, it.facts.nationality)
    visa = None
    if it.facts.visa_required:
        if outcome is Outcome.INSIDE:
            last_planned = entry + timedelta(days=MAX_STAY_DAYS - 1)
            wanted_last = min(until + timedelta(days=rng.randint(0, 30)), last_planned)
            visa = _visa_for(rng, it, entry, wanted_last, bcp, must_cover=until)
        else:
            wanted_last = entry + timedelta(days=allowed_days - 1)
            visa = _visa_for(rng, it, entry, wanted_last, bcp, duration_days=allowed_days)
        covered = visa.last_covered_day(entry)
        if covered is None:
            return False
        latest = min(latest, covered)
    if (latest >= until) != (outcome is Outcome.INSIDE):
        return False
    trip = SyntheticTrip(
        entry_at=_instant(rng, entry, bcp, _hour(rng, _ENTRY_HOUR_CUMULATIVE[bcp.border_type])),
        exit_at=None,
        entry_bcp=bcp.code,
        exit_bcp=None,
        visa_sticker=visa.record.sticker_number if visa else None,
        refused=frozenset(),
        self_service=_uses_self_service(rng, it, entry, bcp),
    )
    it.stays.append(Stay(entry))
    it.add(trip, entry, entry)
    return True


def _add_stay(
    rng: random.Random,
    it: Itinerary,
    entry: date,
    exit: date,
    entry_bcp: BorderCrossingPoint,
    visa: _VisaInUse | None,
) -> None:
    exit_bcp = entry_bcp if entry == exit else draw_exit_bcp(rng, entry_bcp)
    if entry == exit:
        entry_hour = rng.randint(5, 13)
        exit_hour = entry_hour + rng.randint(2, 9)
    else:
        entry_hour = _hour(rng, _ENTRY_HOUR_CUMULATIVE[entry_bcp.border_type])
        exit_hour = _hour(rng, _EXIT_HOUR_CUMULATIVE)
    trip = SyntheticTrip(
        entry_at=_instant(rng, entry, entry_bcp, entry_hour),
        exit_at=_instant(rng, exit, exit_bcp, exit_hour),
        entry_bcp=entry_bcp.code,
        exit_bcp=exit_bcp.code,
        visa_sticker=visa.record.sticker_number if visa else None,
        refused=frozenset(),
        self_service=_uses_self_service(rng, it, entry, entry_bcp),
    )
    it.stays.append(Stay(entry, exit))
    it.add(trip, entry, exit)
    if visa is not None:
        visa.entries_used += 1
        visa.days_used += (exit - entry).days + 1


def _add_refusal(
    rng: random.Random,
    it: Itinerary,
    day: date,
    bcp: BorderCrossingPoint,
    reasons: frozenset[RefusalReason],
) -> None:
    trip = SyntheticTrip(
        entry_at=_instant(rng, day, bcp, _hour(rng, _ENTRY_HOUR_CUMULATIVE[bcp.border_type])),
        exit_at=None,
        entry_bcp=bcp.code,
        exit_bcp=None,
        visa_sticker=None,
        refused=reasons,
        self_service=False,
    )
    it.add(trip, day, day)


def _visa_for(
    rng: random.Random,
    it: Itinerary,
    entry: date,
    wanted_last: date,
    bcp: BorderCrossingPoint,
    *,
    must_cover: date | None = None,
    duration_days: int | None = None,
) -> _VisaInUse:
    """The current visa if it covers the entry (through `must_cover`), else a new one.

    With `duration_days` a new visa with exactly that many days is always issued.
    """
    current = it.visa
    if current is not None and duration_days is None:
        covered = current.last_covered_day(entry)
        if covered is not None and (must_cover is None or covered >= must_cover):
            return current
    # Valid from after the latest trip, so that only this visa's own trips count on it.
    earliest = entry - timedelta(days=45)
    if it.last_day is not None:
        earliest = max(earliest, it.last_day + timedelta(days=1))
    valid_from = earliest + timedelta(days=rng.randint(0, (entry - earliest).days))
    validity_days = _weighted(rng, _VISA_VALIDITY_DAYS)
    needed_days = (wanted_last - valid_from).days + 1
    if validity_days < needed_days:
        validity_days = min(days for days, _ in _VISA_VALIDITY_DAYS if days >= needed_days)
    multiple_entry_only = validity_days > 180
    entries = None if multiple_entry_only else _weighted(rng, ((1, 50), (2, 15), (None, 35)))
    if duration_days is None:
        wanted_days = (wanted_last - entry).days + 1
        duration_days = (
            90 if multiple_entry_only else max(wanted_days, rng.choice(_VISA_DURATION_DAYS))
        )
    issuing_state = bcp.state if rng.random() < 0.7 else rng.choice(_VISA_ISSUING_STATES)
    record = VisaRecord(
        sticker_number=it.stickers.issue(rng),
        issuing_state=issuing_state,
        valid_from=valid_from,
        valid_until=valid_from + timedelta(days=validity_days - 1),
        entries_allowed=entries,
        duration_of_stay_days=min(duration_days, MAX_STAY_DAYS),
    )
    it.visas.append(record)
    it.visa = _VisaInUse(record)
    return it.visa


def _draw_refusal_reasons(rng: random.Random, it: Itinerary, day: date) -> frozenset[RefusalReason]:
    """One or two Annex V Part B reasons; no "no valid visa" for a traveller who has one."""
    table: Sequence[tuple[RefusalReason, int]] = _REFUSAL_REASONS_VISA_EXEMPT
    if it.facts.visa_required:
        table = _REFUSAL_REASONS_VISA_REQUIRED
        if it.visa is not None and it.visa.last_covered_day(day) is not None:
            table = [
                row
                for row in table
                if row[0] is not RefusalReason.NO_VALID_VISA_OR_RESIDENCE_PERMIT
            ]
    reasons = {_weighted(rng, table)}
    if rng.random() < _SECOND_REFUSAL_REASON_SHARE:
        reasons.add(_weighted(rng, table))
    return frozenset(reasons)


def _uses_self_service(
    rng: random.Random, it: Itinerary, day: date, bcp: BorderCrossingPoint
) -> bool:
    adult_enough = age_on(it.facts.date_of_birth, day) >= FINGERPRINT_MINIMUM_AGE
    return adult_enough and rng.random() < _SELF_SERVICE_SHARE[bcp.border_type]


def _hour(rng: random.Random, cumulative_weights: Sequence[int]) -> int:
    return rng.choices(_HOURS, cum_weights=cumulative_weights)[0]


def _instant(rng: random.Random, day: date, bcp: BorderCrossingPoint, hour: int) -> datetime:
    """A UTC instant at `hour` local time on `day` at the BCP, with random minutes."""
    local = datetime(
        day.year,
        day.month,
        day.day,
        hour,
        rng.randrange(60),
        rng.randrange(60),
        tzinfo=_zone(bcp.time_zone),
    )
    return local.astimezone(UTC)


@cache
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def _draw_trip_count(rng: random.Random, minimum: int = 0) -> int:
    weights = _TRIP_COUNT_WEIGHTS[minimum:]
    return minimum + rng.choices(range(len(weights)), weights=weights)[0]


def _draw_stay_days(rng: random.Random) -> int:
    shortest, longest, _ = rng.choices(_STAY_DAYS, weights=[w for *_, w in _STAY_DAYS])[0]
    return rng.randint(shortest, longest)


def _weighted(rng: random.Random, table: Sequence[tuple[_T, int]]) -> _T:
    return rng.choices([value for value, _ in table], weights=[w for _, w in table])[0]
