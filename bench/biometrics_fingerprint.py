"""Benchmark: two-stage fingerprint 1:N over synthetic minutiae templates, and FVC2002.

    python bench/biometrics_fingerprint.py [--gallery 100000] [--mated 100] [--non-mated 20]
        [--shortlist 200] [--workers 2] [--seed 1] [--json]

Builds `--gallery` synthetic fingers (limes.biometrics.synthetic_minutiae, the stated noise
model, seed `--seed`), one enrolled impression each, 2,000 fingers at a time: pair
histograms, whitening learned from the first 10,000, nbis dialect bytes. `--mated` probes
are other impressions of enrolled fingers (drawn without replacement); `--non-mated`
probes are impressions of fingers never enrolled. Each probe is searched alone through
`FingerprintSearch` (stage 1 in this process, stage 2 Bozorth3 over the shortlist in
`--workers` processes that each hold the whole gallery), after 3 warm-up searches. The
table gives latency per probe and per stage (p50/p95), throughput one probe at a time,
shortlist recall (mate in the shortlist), rank 1 after Bozorth3, non-mated probes whose
best score reaches 40, and resident memory (VmRSS) of this process and of its child
processes (the forkserver, multiprocessing's resource tracker and the workers).

When ../shared/data/fingerprints is beside the checkout, it also extracts the 40 FVC2002
DB1_B images and prints FNMR at FMR <= 0.1 % over their 60 mated and 720 non-mated pairs
(limes.biometrics.error_rates, the same computation as tests/biometrics/test_fvc2002.py).
Synthetic figures are throughput and plumbing, not accuracy (reference biometrics.md §6).
"""

import argparse
import itertools
import json
import os
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from limes.biometrics.error_rates import error_rates, fnmr_at_fmr
from limes.biometrics.fingerprint_features import Whitening, pair_histograms
from limes.biometrics.fingerprint_nbis import Bozorth3Comparator, NbisFingerprintEncoder
from limes.biometrics.fingerprint_search import (
    WHITENING_SAMPLE,
    FingerprintGallery,
    FingerprintGalleryBuilder,
    FingerprintSearch,
    FingerprintSearchResult,
)
from limes.biometrics.minutiae import MinutiaeRecord
from limes.biometrics.synthetic_minutiae import impressions, master_fingers

CHUNK = 2_000  # fingers generated and prepared at a time
WARM_UP_SEARCHES = 3
MATCH_THRESHOLD = 40  # the customary Bozorth3 threshold (reference biometrics.md §2.5)
FINGERPRINTS = Path(__file__).resolve().parents[2] / "shared" / "data" / "fingerprints"
DB1_B = FINGERPRINTS / "openafis" / "fvc2002" / "DB1_B"


@dataclass(frozen=True, slots=True)
class Population:
    gallery: FingerprintGallery
    mated_probes: list[MinutiaeRecord]
    mates: list[int]  # gallery label of each mated probe
    generate_seconds: float
    prepare_seconds: float


def build_population(size: int, mated: int, seed: int, progress: Progress) -> Population:
    """The gallery, chunk by chunk, with the mated probes drawn from the same masters."""
    rng = np.random.default_rng(seed)
    mate_rows = np.sort(rng.choice(size, min(mated, size), replace=False))
    task = progress.add_task("synthetic gallery", total=size)
    generate_seconds = prepare_seconds = 0.0
    builder: FingerprintGalleryBuilder | None = None
    waiting: list[tuple[range, list[MinutiaeRecord]]] = []  # chunks before the whitening
    probes: list[MinutiaeRecord] = []
    for start in range(0, size, CHUNK):
        started = time.perf_counter()
        masters = master_fingers(rng, min(CHUNK, size - start))
        enrolled = impressions(masters, rng)
        rows = mate_rows[(mate_rows >= start) & (mate_rows < start + len(masters))] - start
        probes.extend(impressions(masters, rng, rows=rows))
        prepared = time.perf_counter()
        generate_seconds += prepared - started
        waiting.append((range(start, start + len(enrolled)), enrolled))
        if builder is None and (start + len(enrolled) >= WHITENING_SAMPLE or start + CHUNK >= size):
            sample = [record for _, records in waiting for record in records]
            builder = FingerprintGalleryBuilder(Whitening.fit(pair_histograms(sample)))
        if builder is not None:
            for labels, records in waiting:
                builder.add(labels, records)
            waiting.clear()
        prepare_seconds += time.perf_counter() - prepared
        progress.update(task, completed=start + len(masters))
    assert builder is not None
    progress.remove_task(task)
    return Population(
        builder.build(), probes, mate_rows.tolist(), generate_seconds, prepare_seconds
    )


def resident_bytes(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def descendants(pid: int) -> list[int]:
    """Every process below `pid` (the forkserver and its workers included), from /proc."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        children = (task / "children").read_text().split()
        for child in map(int, children):
            found.extend([child, *descendants(child)])
    return found


def percentile_ms(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def search_all(
    search: FingerprintSearch, probes: list[MinutiaeRecord], progress: Progress
) -> tuple[list[FingerprintSearchResult], list[float], float]:
    """Each probe alone: results, seconds per probe, and the wall time of the whole run."""
    task = progress.add_task("searching", total=len(probes))
    results, seconds = [], []
    started = time.perf_counter()
    for probe in probes:
        began = time.perf_counter()
        results.append(search.identify(probe))
        seconds.append(time.perf_counter() - began)
        progress.advance(task)
    progress.remove_task(task)
    return results, seconds, time.perf_counter() - started


def synthetic_row(
    gallery_size: int,
    *,
    mated: int,
    non_mated: int,
    shortlist_size: int,
    workers: int,
    seed: int,
    progress: Progress,
) -> dict[str, object]:
    population = build_population(gallery_size, mated, seed, progress)
    gallery = population.gallery
    fresh = np.random.default_rng(seed + 1_000_003)
    strangers = impressions(master_fingers(fresh, non_mated), fresh) if non_mated else []

    with FingerprintSearch(gallery, shortlist_size=shortlist_size, workers=workers) as search:
        started = time.perf_counter()
        search.warm_up()
        workers_seconds = time.perf_counter() - started
        for probe in population.mated_probes[:WARM_UP_SEARCHES]:
            search.identify(probe)
        probes = population.mated_probes + strangers
        results, seconds, wall = search_all(search, probes, progress)
        rss_main = resident_bytes(os.getpid())
        rss_workers = sorted(resident_bytes(pid) for pid in descendants(os.getpid()))

    mated_results = results[: len(population.mated_probes)]
    found = [
        next((c for c in result.candidates if c.label == mate), None)
        for result, mate in zip(mated_results, population.mates, strict=True)
    ]
    stranger_best = [
        result.candidates[0].bozorth3_score if result.candidates else 0
        for result in results[len(population.mated_probes) :]
    ]
    stage_one = [result.shortlist_seconds for result in results]
    stage_two = [result.rerank_seconds for result in results]
    return {
        "gallery": len(gallery),
        "mated_probes": len(population.mated_probes),
        "non_mated_probes": len(strangers),
        "shortlist_size": shortlist_size,
        "workers": workers,
        "vector_dimension": gallery.whitening.dimension,
        "generate_seconds": round(population.generate_seconds, 1),
        "prepare_seconds": round(population.prepare_seconds, 1),
        "workers_ready_seconds": round(workers_seconds, 1),
        "p50_ms": round(percentile_ms(seconds, 0.50), 1),
        "p95_ms": round(percentile_ms(seconds, 0.95), 1),
        "stage_one_p50_ms": round(percentile_ms(stage_one, 0.50), 1),
        "stage_one_p95_ms": round(percentile_ms(stage_one, 0.95), 1),
        "stage_two_p50_ms": round(percentile_ms(stage_two, 0.50), 1),
        "stage_two_p95_ms": round(percentile_ms(stage_two, 0.95), 1),
        "probes_per_second": round(len(probes) / wall, 2),
        "shortlist_recall": round(float(np.mean([c is not None for c in found])), 3),
        "stage_one_rank_one": round(
            float(np.mean([c is not None and c.shortlist_rank == 1 for c in found])), 3
        ),
        "rank_one_after_bozorth3": round(
            float(np.mean([c is not None and c.rank == 1 for c in found])), 3
        ),
        "mated_best_at_least_40": round(
            float(
                np.mean([r.candidates[0].bozorth3_score >= MATCH_THRESHOLD for r in mated_results])
            ),
            3,
        ),
        "non_mated_best_at_least_40": sum(score >= MATCH_THRESHOLD for score in stranger_best),
        "non_mated_best_max": max(stranger_best, default=0),
        "rss_main_mb": round(rss_main / 2**20),
        "rss_workers_mb": [round(size / 2**20) for size in rss_workers],
        "load_average_after": round(os.getloadavg()[0], 2),
    }


def fvc2002_row(progress: Progress) -> dict[str, object] | None:
    """FNMR at FMR <= 0.1 % on FVC2002 DB1_B, or None when the shared data is absent."""
    if not DB1_B.is_dir():
        return None
    encoder = NbisFingerprintEncoder()
    names = [(finger, impression) for finger in range(101, 111) for impression in range(1, 5)]
    task = progress.add_task("FVC2002 DB1_B extraction", total=len(names))
    records = {}
    for name in names:
        image = (DB1_B / f"{name[0]}_{name[1]}.tif").read_bytes()
        records[name] = encoder.capture(image, ppi=500, finger_position=0).record
        progress.advance(task)
    progress.remove_task(task)
    comparator = Bozorth3Comparator()
    mated: list[int] = []
    non_mated: list[int] = []
    for first, second in itertools.combinations(names, 2):
        score = comparator.compare(records[first], records[second])
        (mated if first[0] == second[0] else non_mated).append(score)
    threshold, fnmr, achieved = fnmr_at_fmr(mated, non_mated, 0.001)
    fmr_40, fnmr_40 = error_rates(mated, non_mated, MATCH_THRESHOLD)
    return {
        "set": "FVC2002 DB1_B",
        "mated_pairs": len(mated),
        "non_mated_pairs": len(non_mated),
        "mated_range": [min(mated), max(mated)],
        "mated_median": statistics.median(mated),
        "non_mated_range": [min(non_mated), max(non_mated)],
        "threshold_at_fmr_0_1_percent": threshold,
        "fnmr_at_fmr_0_1_percent": round(fnmr, 4),
        "achieved_fmr": round(achieved, 4),
        "fmr_at_40": round(fmr_40, 4),
        "fnmr_at_40": round(fnmr_40, 4),
    }


def run(
    console: Console,
    *,
    gallery: int,
    mated: int = 100,
    non_mated: int = 20,
    shortlist_size: int = 200,
    workers: int = 2,
    seed: int = 1,
) -> list[dict[str, object]]:
    """Measure the search at one gallery size (and FVC2002 if present); print and return."""
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        search = synthetic_row(
            gallery,
            mated=mated,
            non_mated=non_mated,
            shortlist_size=shortlist_size,
            workers=workers,
            seed=seed,
            progress=progress,
        )
        fvc = fvc2002_row(progress)
    console.print(search_table(search))
    if fvc is None:
        console.print(f"FVC2002 DB1_B: not found under {FINGERPRINTS}; skipped.")
        return [search]
    console.print(fvc_table(fvc))
    return [search, fvc]


def search_table(row: dict[str, object]) -> Table:
    table = Table(title="Fingerprint 1:N, two stages: pair histograms, then Bozorth3 (synthetic)")
    table.caption = (
        f"{row['gallery']:,} templates, {row['mated_probes']} mated + {row['non_mated_probes']} "
        f"non-mated probes one at a time, shortlist {row['shortlist_size']}, "
        f"{row['workers']} Bozorth3 workers, {row['vector_dimension']}-d stage-1 vectors; "
        f"load average after {row['load_average_after']}"
    )
    figures = {
        "build: generate / prepare / workers ready": (
            f"{row['generate_seconds']} s / {row['prepare_seconds']} s / "
            f"{row['workers_ready_seconds']} s"
        ),
        "latency per probe p50 / p95": f"{row['p50_ms']} / {row['p95_ms']} ms",
        "stage 1 (shortlist) p50 / p95": (
            f"{row['stage_one_p50_ms']} / {row['stage_one_p95_ms']} ms"
        ),
        "stage 2 (Bozorth3) p50 / p95": (
            f"{row['stage_two_p50_ms']} / {row['stage_two_p95_ms']} ms"
        ),
        "throughput, one probe at a time": f"{row['probes_per_second']} probes/s",
        "shortlist recall (mate in shortlist)": f"{row['shortlist_recall']:.1%}",
        "rank 1 after Bozorth3 / after stage 1": (
            f"{row['rank_one_after_bozorth3']:.1%} / {row['stage_one_rank_one']:.1%}"
        ),
        "mated probes whose best candidate scores >= 40": f"{row['mated_best_at_least_40']:.1%}",
        "non-mated probes whose best candidate scores >= 40": (
            f"{row['non_mated_best_at_least_40']} of {row['non_mated_probes']} "
            f"(highest {row['non_mated_best_max']})"
        ),
        "resident memory: this process / child processes": (
            f"{row['rss_main_mb']} MB / {row['rss_workers_mb']} MB"
        ),
    }
    table.add_column("figure")
    table.add_column("value", justify="right")
    for name, value in figures.items():
        table.add_row(name, value)
    return table


def fvc_table(row: dict[str, object]) -> Table:
    table = Table(title="Bozorth3 on FVC2002 DB1_B (real prints, nbis-py MINDTCT)")
    table.caption = (
        "FMR resolution 1/720 ≈ 0.14 %: FMR <= 0.1 % means no false match, so the threshold "
        "must exceed the highest non-mated score"
    )
    for column in ("pairs mated / non-mated", "mated scores", "non-mated scores",
                   "at 40: FMR / FNMR", "threshold at FMR <= 0.1 %", "FNMR there"):  # fmt: skip
        table.add_column(column, justify="right")
    mated_range, non_mated_range = row["mated_range"], row["non_mated_range"]
    assert isinstance(mated_range, list)
    assert isinstance(non_mated_range, list)
    table.add_row(
        f"{row['mated_pairs']} / {row['non_mated_pairs']}",
        f"{mated_range[0]}-{mated_range[1]} (median {row['mated_median']})",
        f"{non_mated_range[0]}-{non_mated_range[1]}",
        f"{row['fmr_at_40']:.2%} / {row['fnmr_at_40']:.2%}",
        f"{row['threshold_at_fmr_0_1_percent']:g} (achieved FMR {row['achieved_fmr']:.2%})",
        f"{row['fnmr_at_fmr_0_1_percent']:.2%}",
    )
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--gallery", type=int, default=100_000)
    parser.add_argument("--mated", type=int, default=100)
    parser.add_argument("--non-mated", type=int, default=20)
    parser.add_argument("--shortlist", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    arguments = parser.parse_args()
    rows = run(
        Console(width=120),
        gallery=arguments.gallery,
        mated=arguments.mated,
        non_mated=arguments.non_mated,
        shortlist_size=arguments.shortlist,
        workers=arguments.workers,
        seed=arguments.seed,
    )
    if arguments.json:
        print(json.dumps(rows))


if __name__ == "__main__":
    main()
