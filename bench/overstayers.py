"""Benchmark: the overstayer list and 90/180 counts over a whole population, column by column.

`python bench/overstayers.py [--travellers 10000000] [--crossings 100000000] [--seed 1] [--json]`

Builds a seeded synthetic population in columns (`limes.ees.overstay_columns`), chunk by chunk,
then times the overstayer list (EESR art. 12), its counts per nationality and entry border
crossing point, and days used with the 90/180 verdict for every traveller (SBC art. 6).
Target: the three steps together under 60 s on the project's 2-core machine. The per-row
reference (the pure `limes.core.stay` engine, one traveller at a time) runs on the first
20,000 travellers, must agree, and is extrapolated to the whole population for the ratio.
"""

import argparse
import json
import resource
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import TypeVar

import numpy as np
import numpy.typing as npt
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from limes.core.presence import PresenceHistory, Stay
from limes.core.stay import MAX_STAY_DAYS, days_used
from limes.ees.overstay_columns import (
    NO_EXIT,
    CrossingColumns,
    TravellerColumns,
    breaches_90_180,
    days_used_on,
    find_overstayers,
    overstayer_counts,
)

ON = date(2026, 11, 23)
TARGET_SECONDS = 60.0
REFERENCE_TRAVELLERS = 20_000
TRAVELLERS_PER_CHUNK = 500_000

NATIONALITIES = 150
BORDER_CROSSING_POINTS = 300
INSIDE_SHARE = 0.05  # travellers whose latest record is still open on ON
OVERSTAY_SHARE = 0.015  # of those inside, the share past their authorised stay
SHORTENED_ALLOWANCE_SHARE = 0.2  # entries authorised for fewer than 90 days (days used before)
DAY_TRIP_SHARE = 0.25

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Population:
    travellers: TravellerColumns
    crossings: CrossingColumns
    seconds: float


@dataclass(frozen=True, slots=True)
class Step:
    """One timed step: rows it read, seconds, and rows per second."""

    step: str
    rows: int
    seconds: float
    rows_per_second: float


def zipf_cdf(codes: int, exponent: float) -> npt.NDArray[np.float64]:
    """Cumulative shares of `codes` codes, the k-th as common as 1 / k**exponent."""
    weights = 1.0 / np.arange(1, codes + 1, dtype=np.float64) ** exponent
    cdf: npt.NDArray[np.float64] = np.cumsum(weights) / weights.sum()
    return cdf


def draw_codes(
    rng: np.random.Generator, cdf: npt.NDArray[np.float64], size: int
) -> npt.NDArray[np.int16]:
    return np.minimum(np.searchsorted(cdf, rng.random(size)), len(cdf) - 1).astype(np.int16)


def fill_chunk(
    rng: np.random.Generator,
    columns: CrossingColumns,
    rows: slice,
    first_traveller: int,
    end_traveller: int,
) -> None:
    """Fill `rows` with the records of travellers [first, end): each one's records go back in
    time from ON without overlapping; ~5% of travellers are still inside, a few of them too long.
    """
    count = rows.stop - rows.start
    owner = np.sort(rng.integers(first_traveller, end_traveller, count, dtype=np.int32))
    latest = np.ones(count, np.bool_)  # a traveller's first row is their latest record
    latest[1:] = owner[1:] != owner[:-1]
    starts = np.flatnonzero(latest)
    group = np.cumsum(latest) - 1

    length = np.where(
        rng.random(count) < DAY_TRIP_SHARE, 1, np.minimum(rng.geometric(1 / 8, count), 90)
    )
    gap = rng.geometric(1 / 60, count) - 1  # 0: left and re-entered on the same day
    allowance = np.where(
        rng.random(count) < SHORTENED_ALLOWANCE_SHARE,
        rng.integers(1, MAX_STAY_DAYS + 1, count),
        MAX_STAY_DAYS,
    )
    gap[starts] = rng.integers(0, 365, len(starts))  # days since the latest exit

    inside = starts[rng.random(len(starts)) < INSIDE_SHARE]
    overstaying = rng.random(len(inside)) < OVERSTAY_SHARE
    # Days since entry: within the allowance, or (overstayers) past it.
    since_entry = np.where(
        overstaying,
        allowance[inside] + rng.geometric(1 / 30, len(inside)) - 1,
        rng.integers(0, allowance[inside]),
    )
    length[inside] = since_entry + 1
    gap[inside] = 0

    # Going back from ON: entry of the k-th latest = ON - sum over j <= k of (length - 1 + gap).
    back = np.cumsum(length - 1 + gap)
    back -= (back[starts] - (length - 1 + gap)[starts])[group]
    entry = ON.toordinal() - back
    exit_ = entry + length - 1
    exit_[inside] = NO_EXIT
    authorised = entry + np.where(exit_ == NO_EXIT, allowance, np.maximum(allowance, length)) - 1

    columns.traveller[rows] = owner
    columns.entry_day[rows] = entry
    columns.exit_day[rows] = exit_
    columns.authorised_until_day[rows] = authorised
    columns.entry_bcp[rows] = draw_codes(rng, zipf_cdf(BORDER_CROSSING_POINTS, 0.9), count)


def generate(travellers: int, crossings: int, seed: int, console: Console) -> Population:
    """A seeded population, sorted by traveller; memory beyond the columns is one chunk's."""
    rng = np.random.default_rng(seed)
    started = time.perf_counter()
    people = TravellerColumns(nationality=draw_codes(rng, zipf_cdf(NATIONALITIES, 1.1), travellers))
    columns = CrossingColumns(
        traveller=np.empty(crossings, np.int32),
        entry_day=np.empty(crossings, np.int32),
        exit_day=np.empty(crossings, np.int32),
        authorised_until_day=np.empty(crossings, np.int32),
        entry_bcp=np.empty(crossings, np.int16),
    )
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("generating crossings", total=crossings)
        for first in range(0, travellers, TRAVELLERS_PER_CHUNK):
            end = min(first + TRAVELLERS_PER_CHUNK, travellers)
            rows = slice(first * crossings // travellers, end * crossings // travellers)
            fill_chunk(rng, columns, rows, first, end)
            progress.update(task, completed=rows.stop)
    return Population(people, columns, time.perf_counter() - started)


def used_and_breaches(
    crossings: CrossingColumns, travellers: int
) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.bool_]]:
    used = days_used_on(crossings, travellers, ON)
    return used, breaches_90_180(used)


def timed(label: str, rows: int, call: Callable[[], T]) -> tuple[T, Step]:
    started = time.perf_counter()
    result = call()
    seconds = time.perf_counter() - started
    return result, Step(label, rows, round(seconds, 3), round(rows / seconds))


def first_travellers(population: Population, count: int) -> CrossingColumns:
    """The records of travellers 0 to count - 1: a prefix, since rows are sorted by traveller."""
    crossings = population.crossings
    end = int(np.searchsorted(crossings.traveller, count))
    return CrossingColumns(
        traveller=crossings.traveller[:end],
        entry_day=crossings.entry_day[:end],
        exit_day=crossings.exit_day[:end],
        authorised_until_day=crossings.authorised_until_day[:end],
        entry_bcp=crossings.entry_bcp[:end],
    )


def per_row_reference(crossings: CrossingColumns, travellers: int) -> tuple[list[int], list[int]]:
    """The overstayer rows and days used per traveller, one Python object per record."""
    stays: list[list[Stay]] = [[] for _ in range(travellers)]
    overstayers = []
    on = ON.toordinal()
    rows = zip(
        crossings.traveller.tolist(),
        crossings.entry_day.tolist(),
        crossings.exit_day.tolist(),
        crossings.authorised_until_day.tolist(),
        strict=True,
    )
    for row, (traveller, entry, exit_, authorised_until) in enumerate(rows):
        is_open = exit_ == NO_EXIT
        if is_open and authorised_until < on:
            overstayers.append(row)
        stays[traveller].append(
            Stay(date.fromordinal(entry), None if is_open else date.fromordinal(exit_))
        )
    used = [days_used(PresenceHistory.from_stays(history), ON) for history in stays]
    return overstayers, used


def peak_rss_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux


def gib(size: int) -> str:
    return f"{size / 2**30:.2f} GiB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--travellers", type=int, default=10_000_000)
    parser.add_argument("--crossings", type=int, default=100_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    options = parser.parse_args()
    console = Console(width=120, stderr=options.json)

    population = generate(options.travellers, options.crossings, options.seed, console)
    rss_after_generation = peak_rss_bytes()
    crossings, travellers = population.crossings, population.travellers
    rows = len(crossings)

    found, find_step = timed("find_overstayers", rows, lambda: find_overstayers(crossings, ON))
    counts, count_step = timed(
        "overstayer_counts (nationality × entry BCP)",
        len(found),
        lambda: overstayer_counts(found, travellers, crossings),
    )
    (used, breaches), used_step = timed(
        "days_used_on + breaches_90_180",
        rows,
        lambda: used_and_breaches(crossings, len(travellers)),
    )
    steps = [find_step, count_step, used_step]
    total = sum(step.seconds for step in steps)
    rss_after_evaluation = peak_rss_bytes()
    column_bytes = crossings.nbytes + travellers.nationality.nbytes
    result_bytes = (
        found.record.nbytes
        + found.traveller.nbytes
        + found.overstay_days.nbytes
        + used.nbytes
        + breaches.nbytes
        + counts.count.nbytes
        + sum(codes.nbytes for codes in counts.codes)
    )

    sample = min(REFERENCE_TRAVELLERS, len(travellers))
    sample_rows = first_travellers(population, sample)
    started = time.perf_counter()
    reference_overstayers, reference_used = per_row_reference(sample_rows, sample)
    reference_seconds = time.perf_counter() - started
    agrees = (
        find_overstayers(sample_rows, ON).record.tolist() == reference_overstayers
        and days_used_on(sample_rows, sample, ON).tolist() == reference_used
    )
    extrapolated = reference_seconds * len(travellers) / sample

    figures = {
        "on": ON.isoformat(),
        "travellers": len(travellers),
        "crossings": rows,
        "seed": options.seed,
        "generation_seconds": round(population.seconds, 1),
        "steps": [asdict(step) for step in steps],
        "total_seconds": round(total, 3),
        "target_seconds": TARGET_SECONDS,
        "share_of_target": round(total / TARGET_SECONDS, 3),
        "overstayers": len(found),
        "overstayer_groups": len(counts.count),
        "travellers_in_breach": int(breaches.sum()),
        "column_bytes": column_bytes,
        "result_bytes": result_bytes,
        "peak_rss_bytes_after_generation": rss_after_generation,
        "peak_rss_bytes_after_evaluation": rss_after_evaluation,
        "reference_travellers": sample,
        "reference_rows": len(sample_rows),
        "reference_seconds": round(reference_seconds, 3),
        "reference_extrapolated_seconds": round(extrapolated),
        "reference_agrees": agrees,
        "times_faster_than_reference": round(extrapolated / total),
    }
    if options.json:
        print(json.dumps(figures))
        return

    table = Table(title=f"Overstayers on {ON}: {len(travellers):,} travellers, {rows:,} crossings")
    for column in ("step", "rows", "seconds", "rows/s"):
        table.add_column(column, justify="left" if column == "step" else "right")
    for step in steps:
        seconds, speed = f"{step.seconds:.2f}", f"{step.rows_per_second:,}"
        table.add_row(step.step, f"{step.rows:,}", seconds, speed)
    table.add_row("[bold]total[/]", "", f"[bold]{total:.2f}[/]", "")
    console.print(table)
    verdict = "[green]pass[/]" if total <= TARGET_SECONDS else "[red]FAIL[/]"
    console.print(
        f"target: {total:.1f} s of {TARGET_SECONDS:.0f} s = {total / TARGET_SECONDS:.1%} "
        f"({TARGET_SECONDS / total:.0f}× under) {verdict}\n"
        f"found: {len(found):,} overstayers in {len(counts.count):,} nationality × BCP groups; "
        f"{int(breaches.sum()):,} travellers over 90 days\n"
        f"memory: columns {gib(column_bytes)}, results {gib(result_bytes)}; peak RSS "
        f"{gib(rss_after_generation)} after generation ({population.seconds:.0f} s), "
        f"{gib(rss_after_evaluation)} after evaluation\n"
        f"per-row reference (pure Python): {sample:,} travellers, {len(sample_rows):,} rows in "
        f"{reference_seconds:.2f} s, {'agrees' if agrees else '[red]DISAGREES[/]'}\n"
        f"extrapolated to {len(travellers):,} travellers: "
        f"{timedelta(seconds=round(extrapolated))}, {extrapolated / total:,.0f}× slower"
    )


if __name__ == "__main__":
    main()
