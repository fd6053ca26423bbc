"""Benchmark: 1:N face search over a sharded FAISS index, measured against exact search.

    python bench/biometrics_search.py [--sizes 1000000,10000000] [--queries 1000] [--shards 2]
        [--kind binary|ivf|flat] [--rerank 4000] [--rerank-share 0.001] [--bits 512]
        [--rerank-dtype float32|float16] [--nlist 4096] [--nprobe 64]
        [--exact-latency-queries 100] [--batch 100] [--json]

For each gallery size, synthetic face templates (limes.biometrics.synthetic_faces,
`FaceModel(seed=0)`, generated chunk by chunk in a background thread) go into a
`ShardedIndex` of `--shards` worker processes, one FAISS thread each. Mated probes (seed 1,
`--queries` of them, mates drawn without replacement) are searched one at a time for
latency (p50/p95/p99, k = 10), then in batches of `--batch` for throughput. The same gallery
is then built again as exact shards (`kind="flat"`: IndexFlatL2) for the reference answer:
every probe is searched exactly (batched) for recall, and the first
`--exact-latency-queries` one at a time for the exact latency the speed-up is taken
against. Resident memory per shard is the worker's VmRSS (/proc/<pid>/status) after the
build. Targets (2-core machine): 10 million templates, p95 <= 50 ms per query, recall@1 >=
99.5 % of exact search.
"""

import argparse
import json
import math
import os
import queue
import statistics
import threading
import time
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from limes.biometrics.ports import Labels, SearchResult, Vectors
from limes.biometrics.recall import mate_found_rate, rank_one_agreement, recall_at_k
from limes.biometrics.sharded_index import IndexSpec, ShardedIndex
from limes.biometrics.synthetic_faces import FaceModel, MatedProbes, SyntheticFaces

DIMENSION = 128
K = 10
CHUNK = 1 << 18  # 262,144 templates, 128 MB of float32 per chunk
TIMEOUT_SECONDS = 1800.0  # building or batch-searching a 5 M shard takes minutes, not hours
WARM_UP_QUERIES = 20
P95_TARGET_MS = 50.0
RECALL_AT_1_TARGET = 0.995


def default_params(kind: str) -> dict[str, int | float | str]:
    """FaissIndex's own defaults for the kind, written out so the table shows them."""
    defaults: dict[str, dict[str, int | float | str]] = {
        "binary": {"bits": 512, "rerank": 4000, "rerank_share": 0.001},
        "ivf": {"nlist": 4096, "nprobe": 64},
        "flat": {},
    }
    return dict(defaults[kind])


def background_chunks(faces: SyntheticFaces, size: int) -> Iterator[tuple[Labels, Vectors]]:
    """The gallery in chunks, generated one chunk ahead on a thread (NumPy releases the GIL)."""
    ready: queue.Queue[tuple[Labels, Vectors] | None] = queue.Queue(maxsize=2)

    def produce() -> None:
        for chunk in faces.chunks(size, CHUNK):
            ready.put(chunk)
        ready.put(None)

    threading.Thread(target=produce, daemon=True).start()
    while (chunk := ready.get()) is not None:
        yield chunk


def build(
    spec: IndexSpec, faces: SyntheticFaces, size: int, shards: int, progress: Progress
) -> tuple[ShardedIndex, float]:
    """A sharded index holding the gallery, and the seconds it took (generation overlapped)."""
    task = progress.add_task(f"{spec.kind}: generate + add", total=size)
    started = time.perf_counter()
    index = ShardedIndex.start(spec, shards, timeout_seconds=TIMEOUT_SECONDS)
    for labels, vectors in background_chunks(faces, size):
        index.add(labels, vectors)
        progress.advance(task, len(labels))
    return index, time.perf_counter() - started


def one_by_one(
    index: ShardedIndex, queries: Vectors, progress: Progress, label: str
) -> tuple[list[float], SearchResult]:
    """Milliseconds per single-query search, and the answers."""
    for query in queries[:WARM_UP_QUERIES]:
        index.search(query[None, :], K)
    task = progress.add_task(label, total=len(queries))
    milliseconds, distances, labels = [], [], []
    clock = time.perf_counter
    for query in queries:
        started = clock()
        result = index.search(query[None, :], K)
        milliseconds.append((clock() - started) * 1000)
        distances.append(result.distances)
        labels.append(result.labels)
        progress.advance(task)
    return milliseconds, SearchResult(np.vstack(distances), np.vstack(labels))


def batched(index: ShardedIndex, queries: Vectors, batch: int) -> tuple[float, SearchResult]:
    """Queries per second searching in batches, and the answers."""
    started = time.perf_counter()
    results = [index.search(queries[n : n + batch], K) for n in range(0, len(queries), batch)]
    seconds = time.perf_counter() - started
    merged = SearchResult(
        np.vstack([result.distances for result in results]),
        np.vstack([result.labels for result in results]),
    )
    return len(queries) / seconds, merged


def percentile(values: list[float], share: float) -> float:
    return float(np.percentile(values, share * 100))


def measure_size(
    size: int,
    *,
    queries: int,
    shards: int,
    spec: IndexSpec,
    batch: int,
    exact_latency_queries: int,
    progress: Progress,
) -> dict[str, Any]:
    faces = SyntheticFaces(FaceModel(seed=0))
    rng = np.random.default_rng(1)
    probes: MatedProbes = faces.mated_probes(rng.choice(size, queries, replace=False), rng)
    per_shard = math.ceil(size / shards)
    load_before = os.getloadavg()[0]

    approximate_spec = IndexSpec(spec.kind, DIMENSION, {**spec.params, "capacity": per_shard})
    index, build_seconds = build(approximate_spec, faces, size, shards, progress)
    try:
        resident = [status.resident_bytes for status in index.status()]
        latencies, single = one_by_one(index, probes.vectors, progress, f"{spec.kind}: 1 by 1")
        batched_qps, batched_result = batched(index, probes.vectors, batch)
    finally:
        index.close()

    exact_index, exact_build_seconds = build(
        IndexSpec("flat", DIMENSION), faces, size, shards, progress
    )
    try:
        exact_latencies, _ = one_by_one(
            exact_index, probes.vectors[:exact_latency_queries], progress, "exact: 1 by 1"
        )
        _, exact = batched(exact_index, probes.vectors, max(batch, 250))
    finally:
        exact_index.close()

    exact_p50 = statistics.median(exact_latencies)
    return {
        "gallery": size,
        "shards": shards,
        "kind": spec.kind,
        "params": dict(spec.params),
        "queries": queries,
        "build_seconds": round(build_seconds, 1),
        "resident_gb_per_shard": [round(value / 1e9, 2) for value in resident],
        "p50_ms": round(percentile(latencies, 0.50), 2),
        "p95_ms": round(percentile(latencies, 0.95), 2),
        "p99_ms": round(percentile(latencies, 0.99), 2),
        "queries_per_second_single": round(len(latencies) / (sum(latencies) / 1000), 1),
        "queries_per_second_batched": round(batched_qps, 1),
        "batch": batch,
        "recall_at_1": round(recall_at_k(single, exact, 1), 4),
        "recall_at_10": round(recall_at_k(single, exact, K), 4),
        "rank_one_agreement": round(rank_one_agreement(single, exact), 4),
        "batched_recall_at_1": round(recall_at_k(batched_result, exact, 1), 4),
        "mate_at_1": round(mate_found_rate(single, probes.mates, 1), 4),
        "exact_mate_at_1": round(mate_found_rate(exact, probes.mates, 1), 4),
        "exact_mate_at_10": round(mate_found_rate(exact, probes.mates, K), 4),
        "exact_build_seconds": round(exact_build_seconds, 1),
        "exact_latency_queries": len(exact_latencies),
        "exact_p50_ms": round(exact_p50, 1),
        "exact_p95_ms": round(percentile(exact_latencies, 0.95), 1),
        "speed_up_p50": round(exact_p50 / percentile(latencies, 0.50), 1),
        "load_average_before": round(load_before, 2),
        "load_average_after": round(os.getloadavg()[0], 2),
    }


def run(
    console: Console,
    *,
    sizes: list[int],
    queries: int,
    shards: int,
    kind: str = "binary",
    params: dict[str, int | float | str] | None = None,
    batch: int = 100,
    exact_latency_queries: int = 100,
) -> list[dict[str, object]]:
    """Measure every gallery size, print the table, and return one row of figures per size."""
    spec = IndexSpec(kind, DIMENSION, default_params(kind) if params is None else params)
    rows: list[dict[str, object]] = []
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        for size in sizes:
            rows.append(
                measure_size(
                    size,
                    queries=queries,
                    shards=shards,
                    spec=spec,
                    batch=batch,
                    exact_latency_queries=exact_latency_queries,
                    progress=progress,
                )
            )
    console.print(figures_table(rows))
    console.print(machine_line())
    return rows


def figures_table(rows: list[dict[str, Any]]) -> Table:
    table = Table(title="1:N face search, 128-d synthetic templates, k = 10, sharded FAISS")
    table.caption = "; ".join(
        sorted({f"{row['kind']}: {row['params'] or 'exact'}" for row in rows})
    )
    headers = (
        "gallery", "index", "build s", "RSS/shard GB", "p50 ms", "p95 ms", "p99 ms",
        "q/s 1×1", "q/s batched", "recall@1", "recall@10", "mate@1 ANN / exact",
        "exact p50 ms", "speed-up", "targets",
    )  # fmt: skip
    for header in headers:
        table.add_column(header, justify="left" if header in ("index", "targets") else "right")
    for row in rows:
        passed = row["p95_ms"] <= P95_TARGET_MS and row["recall_at_1"] >= RECALL_AT_1_TARGET
        table.add_row(
            f"{row['gallery']:,}",
            f"{row['kind']}, {row['shards']} shards",
            f"{row['build_seconds']:,.0f}",
            " / ".join(f"{value:.2f}" for value in row["resident_gb_per_shard"]),
            f"{row['p50_ms']:.1f}",
            f"{row['p95_ms']:.1f}",
            f"{row['p99_ms']:.1f}",
            f"{row['queries_per_second_single']:,.0f}",
            f"{row['queries_per_second_batched']:,.0f} (×{row['batch']})",
            f"{row['recall_at_1']:.4f}",
            f"{row['recall_at_10']:.4f}",
            f"{row['mate_at_1']:.3f} / {row['exact_mate_at_1']:.3f}",
            f"{row['exact_p50_ms']:,.0f} ({row['exact_latency_queries']} q)",
            f"{row['speed_up_p50']:,.0f}×",
            "[green]pass[/]" if passed else "[red]miss[/]",
        )
    return table


def machine_line() -> str:
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return (
        f"{model}, {os.cpu_count()} cores, faiss-cpu {version('faiss-cpu')}, "
        f"numpy {np.__version__}; load average now {os.getloadavg()[0]:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", default="1000000,10000000")
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--shards", type=int, default=2)
    parser.add_argument("--kind", default="binary", choices=("binary", "ivf", "flat"))
    parser.add_argument("--bits", type=int)
    parser.add_argument("--rerank", type=int)
    parser.add_argument("--rerank-share", type=float)
    parser.add_argument("--rerank-dtype", choices=("float32", "float16"))
    parser.add_argument("--nlist", type=int)
    parser.add_argument("--nprobe", type=int)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--exact-latency-queries", type=int, default=100)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    arguments = parser.parse_args()
    params = default_params(arguments.kind)
    for name in ("bits", "rerank", "rerank_share", "rerank_dtype", "nlist", "nprobe"):
        if getattr(arguments, name) is not None:
            params[name] = getattr(arguments, name)
    console = Console(width=200)
    rows = run(
        console,
        sizes=[int(size) for size in arguments.sizes.split(",")],
        queries=arguments.queries,
        shards=arguments.shards,
        kind=arguments.kind,
        params=params,
        batch=arguments.batch,
        exact_latency_queries=arguments.exact_latency_queries,
    )
    if arguments.json:
        print(json.dumps(rows))


if __name__ == "__main__":
    main()
