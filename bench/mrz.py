"""Benchmark: MRZ reads per second, strict and with OCR repair (`python bench/mrz.py`).

Prints a Rich table of per-read time (p50/p90) for each layout's ICAO specimen and for a garbled
specimen under --repair. No target is set for this in the issue; the figures are recorded in
docs/benchmarks.md to catch regressions.
"""

import json
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from functools import partial

from rich.console import Console
from rich.table import Table

from limes.core.mrz.reader import read_mrz

ON = date(2026, 11, 23)
SAMPLES = {
    "TD3 passport": ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                     "L898902C36UTO7408122F1204159ZE184226B<<<<<10"),
    "TD1 card, long number": ("I<UTOD23145890<7349<<<<<<<<<<<", "3407127M9507122UTO<<<<<<<<<<<2",
                              "STEVENSON<<PETER<JOHN<<<<<<<<<"),
    "TD2 card": ("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"),
    "MRV-A visa": ("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                   "L8988901C4XXX4009078F96121096ZE184226B<<<<<<"),
    "French card": ("IDFRANEYRIER<<<<<<<<<<<<<<<<<<013029", "2101133537444MICHEL<<JEAN<<8505279M1"),
}  # fmt: skip
GARBLED = ("P<UT0ERIK55ON<<ANNA<MAR1A<<<<<<<<<<<<<<<<<<<",
           "L898902C36UTO740BIZZF12041S9ZE184226B<<<<<1O")  # fmt: skip


@dataclass(frozen=True, slots=True)
class Result:
    """One benchmark row."""

    case: str
    mode: str
    p50_us: float
    p90_us: float


def per_call_microseconds(
    call: Callable[[], object], rounds: int = 30, batch: int = 100
) -> list[float]:
    """Microseconds per call, one figure per batch of calls."""
    figures = []
    for _ in range(rounds):
        started = time.perf_counter_ns()
        for _ in range(batch):
            call()
        figures.append((time.perf_counter_ns() - started) / batch / 1000)
    return figures


def main() -> None:
    rows: list[tuple[str, str, list[float]]] = []
    for label, lines in SAMPLES.items():
        figures = per_call_microseconds(partial(read_mrz, lines, on=ON))
        rows.append((label, "strict", figures))
    rows.append(("TD3, 10 OCR errors", "--repair", per_call_microseconds(
        lambda: read_mrz(GARBLED, on=ON, repair=True), rounds=10, batch=20)))  # fmt: skip
    results = [
        Result(label, mode, statistics.median(figures), statistics.quantiles(figures, n=10)[-1])
        for label, mode, figures in rows
    ]
    if "--json" in sys.argv:
        print(json.dumps([asdict(result) for result in results]))
        return
    table = Table(title="MRZ read time per zone (pure Python, one core)")
    for column in ("case", "mode", "p50 µs", "p90 µs", "reads/s at p50"):
        table.add_column(column, justify="left" if column in ("case", "mode") else "right")
    for result in results:
        table.add_row(
            result.case,
            result.mode,
            f"{result.p50_us:.1f}",
            f"{result.p90_us:.1f}",
            f"{1e6 / result.p50_us:,.0f}",
        )
    Console().print(table)


if __name__ == "__main__":
    main()
