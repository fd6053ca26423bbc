"""Benchmark: time per 90/180 query on a 20-stay history (`python bench/stay.py [--json]`).

Each query is timed call by call with `time.perf_counter_ns`, cycling through control or
entry dates spread over the history, on a prebuilt `PresenceHistory` and again including
building the history from the raw stays. Targets (pure Python, one core): days used
<= 20 µs and latest exit <= 200 µs at p50. Days used and latest exit are also timed with the
day-by-day method of the official calculator, and the ratio printed.
"""

import json
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date, timedelta

from rich.console import Console
from rich.table import Table

from limes.core.presence import PresenceHistory, Stay
from limes.core.stay import (
    MAX_STAY_DAYS,
    WINDOW_DAYS,
    days_used,
    latest_exit_if_staying,
    max_stay,
    overstay,
)

CALLS = 20_000
WARM_UP_CALLS = 1_000


@dataclass(frozen=True, slots=True)
class Query:
    """One benchmarked query: its label, a call per date, and its p50 target if it has one."""

    label: str
    call: Callable[[date], object]
    target_p50_us: float | None
    reference: Callable[[date], object] | None = None


def frequent_traveller_stays() -> list[Stay]:
    """20 stays from 2024-01-08: 3 to 24 days with gaps of 9 to 41 days, and one 100-day
    stay that breaks the rule."""
    stays = []
    entry = date(2024, 1, 8)
    for number in range(20):
        length = 100 if number == 10 else 3 + (number * 7) % 22
        stays.append(Stay(entry, entry + timedelta(days=length - 1)))
        entry += timedelta(days=length + 9 + (number * 13) % 33)
    return stays


def query_dates(stays: list[Stay], count: int = 97) -> list[date]:
    """Dates spread from the first entry to 60 days after the last exit."""
    first = stays[0].entry
    last_exit = stays[-1].exit
    assert last_exit is not None
    span = (last_exit - first).days + 60
    return [first + timedelta(days=span * n // (count - 1)) for n in range(count)]


class DayByDayReference:
    """The official calculator's method (ees_rules.md §3): a day array from the first entry,
    each window recounted day by day. The reference the ratio column compares against."""

    def __init__(self, stays: list[Stay]) -> None:
        self.present = {
            stay.entry + timedelta(days=offset)
            for stay in stays
            if stay.exit is not None
            for offset in range((stay.exit - stay.entry).days + 1)
        }

    def days_used(self, on: date) -> int:
        return sum(on - timedelta(days=back) in self.present for back in range(WINDOW_DAYS))

    def latest_exit_if_staying(self, on: date) -> date | None:
        staying = set(self.present)
        latest = None
        for offset in range(MAX_STAY_DAYS):
            day = on + timedelta(days=offset)
            staying.add(day)
            if sum(day - timedelta(days=back) in staying for back in range(WINDOW_DAYS)) > 90:
                break
            latest = day
        return latest


def microseconds_per_call(
    call: Callable[[date], object], dates: list[date], calls: int = CALLS
) -> list[float]:
    """One figure per call, in microseconds."""
    for n in range(min(WARM_UP_CALLS, calls)):
        call(dates[n % len(dates)])
    figures = []
    clock = time.perf_counter_ns
    for n in range(calls):
        day = dates[n % len(dates)]
        started = clock()
        call(day)
        figures.append((clock() - started) / 1000)
    return figures


@dataclass(frozen=True, slots=True)
class Figures:
    """Measured time per call of one query, against its target."""

    query: str
    stays: int
    calls: int
    p50_us: float
    p90_us: float
    target_p50_us: float | None
    passed: bool | None
    reference_p50_us: float | None
    times_faster_than_reference: float | None


def measure(query: Query, dates: list[date], stays: int) -> Figures:
    figures = microseconds_per_call(query.call, dates)
    p50 = statistics.median(figures)
    reference = None
    if query.reference is not None:
        reference = statistics.median(microseconds_per_call(query.reference, dates, 2_000))
    return Figures(
        query=query.label,
        stays=stays,
        calls=len(figures),
        p50_us=round(p50, 2),
        p90_us=round(statistics.quantiles(figures, n=10)[-1], 2),
        target_p50_us=query.target_p50_us,
        passed=None if query.target_p50_us is None else p50 <= query.target_p50_us,
        reference_p50_us=None if reference is None else round(reference, 1),
        times_faster_than_reference=None if reference is None else round(reference / p50, 1),
    )


def main() -> None:
    stays = frequent_traveller_stays()
    history = PresenceHistory.from_stays(stays)
    dates = query_dates(stays)
    reference = DayByDayReference(stays)
    queries = [
        Query("days used", lambda on: days_used(history, on), 20.0, reference.days_used),
        Query(
            "latest exit if staying",
            lambda on: latest_exit_if_staying(history, on),
            200.0,
            reference.latest_exit_if_staying,
        ),
        Query("max stay (planning)", lambda on: max_stay(history, on), None),
        Query("overstay (both measures)", lambda on: overstay(history, on), None),
        Query(
            "build history + days used",
            lambda on: days_used(PresenceHistory.from_stays(stays), on),
            None,
        ),
        Query(
            "build history + latest exit",
            lambda on: latest_exit_if_staying(PresenceHistory.from_stays(stays), on),
            None,
        ),
    ]
    results = [measure(query, dates, len(stays)) for query in queries]
    if "--json" in sys.argv:
        print(json.dumps([asdict(result) for result in results]))
        return
    table = Table(title="Schengen 90/180 query time, 20-stay history (pure Python, one core)")
    columns = ("query", "p50 µs", "p90 µs", "target p50", "result", "day-by-day p50", "ratio")
    for column in columns:
        table.add_column(column, justify="left" if column == "query" else "right")
    for result in results:
        target = result.target_p50_us
        table.add_row(
            result.query,
            f"{result.p50_us:.2f}",
            f"{result.p90_us:.2f}",
            "—" if target is None else f"≤ {target:.0f} µs",
            {None: "—", True: "[green]pass[/]", False: "[red]FAIL[/]"}[result.passed],
            "—" if result.reference_p50_us is None else f"{result.reference_p50_us:,.1f} µs",
            "—"
            if result.times_faster_than_reference is None
            else f"{result.times_faster_than_reference:,.0f}× faster",
        )
    Console(width=120).print(table)


if __name__ == "__main__":
    main()
