"""Fingerprint 1:N in two stages: a pair-histogram shortlist, then Bozorth3 re-ranking.

Bozorth3 costs about 0.5 ms per non-mated comparison, so comparing a probe with every
template does not scale (reference `biometrics.md` §2.5: 400 M × 1.5 ms is about a week of
one core per search). Stage 1 scores the whole gallery with one matrix-vector product of
whitened pair histograms (`fingerprint_features`) and keeps the best `shortlist_size`;
stage 2 compares the probe with each of those in worker processes (nbis-py's comparison
does not scale across threads, reference §5) and ranks them by Bozorth3 score.

Each worker builds the nbis objects of the whole gallery once, from dialect bytes, and
looks them up by label: any worker can score any candidate, so the shortlist is split
evenly. A `FingerprintSearch` serves one fixed gallery; to change it, build a new one.
"""

import multiprocessing
import time
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from types import TracebackType

import numpy as np
from numpy.typing import NDArray

from limes.biometrics.fingerprint_features import (
    DEFAULT_LAYOUT,
    PairHistogramLayout,
    Vectors,
    Whitening,
    pair_histograms,
    shortlist,
)
from limes.biometrics.fingerprint_nbis import Bozorth3Gallery, nbis_dialect
from limes.biometrics.minutiae import MinutiaeRecord

DEFAULT_SHORTLIST_SIZE = 200
DEFAULT_WORKERS = 2
WHITENING_SAMPLE = 10_000  # gallery records the whitening is learned from, at most


@dataclass(frozen=True, slots=True, kw_only=True)
class FingerprintCandidate:
    """One gallery entry found for a probe, with both stages' scores and ranks (from 1)."""

    label: int
    rank: int  # after Bozorth3 re-ranking
    bozorth3_score: int
    shortlist_rank: int  # stage 1
    shortlist_score: float  # stage 1 cosine, -1 to 1


@dataclass(frozen=True, slots=True, kw_only=True)
class FingerprintSearchResult:
    candidates: tuple[FingerprintCandidate, ...]  # best first
    shortlist_seconds: float
    rerank_seconds: float


@dataclass(frozen=True, slots=True, eq=False)
class FingerprintGallery:
    """The gallery as the search needs it: stage-1 vectors and Bozorth3 templates by label."""

    labels: NDArray[np.int64]
    vectors: Vectors  # (templates, whitening dimension), unit rows
    dialects: tuple[bytes, ...]  # nbis_dialect of each template
    whitening: Whitening
    layout: PairHistogramLayout = DEFAULT_LAYOUT

    def __len__(self) -> int:
        return len(self.labels)

    @classmethod
    def from_records(
        cls,
        labels: Sequence[int],
        records: Sequence[MinutiaeRecord],
        *,
        whitening: Whitening | None = None,
        layout: PairHistogramLayout = DEFAULT_LAYOUT,
    ) -> "FingerprintGallery":
        """Prepare one-view records; learns the whitening from them unless one is given."""
        builder = FingerprintGalleryBuilder(whitening or fit_whitening(records, layout), layout)
        builder.add(labels, records)
        return builder.build()


def fit_whitening(
    records: Sequence[MinutiaeRecord], layout: PairHistogramLayout = DEFAULT_LAYOUT
) -> Whitening:
    """Whitening learned from an evenly spaced sample of at most 10,000 gallery records."""
    step = max(1, len(records) // WHITENING_SAMPLE)
    return Whitening.fit(pair_histograms(records[::step][:WHITENING_SAMPLE], layout))


class FingerprintGalleryBuilder:
    """Prepares a gallery chunk by chunk, so that a large one never holds all its records."""

    def __init__(self, whitening: Whitening, layout: PairHistogramLayout = DEFAULT_LAYOUT) -> None:
        self.whitening = whitening
        self.layout = layout
        self._labels: list[NDArray[np.int64]] = []
        self._vectors: list[Vectors] = []
        self._dialects: list[bytes] = []

    def add(self, labels: Sequence[int], records: Sequence[MinutiaeRecord]) -> None:
        if len(labels) != len(records):
            raise ValueError("one label per record")
        self._labels.append(np.asarray(labels, dtype=np.int64))
        self._vectors.append(self.whitening.apply(pair_histograms(records, self.layout)))
        self._dialects.extend(nbis_dialect(record) for record in records)

    def build(self) -> FingerprintGallery:
        labels = np.concatenate(self._labels) if self._labels else np.empty(0, np.int64)
        if len(np.unique(labels)) != len(labels):
            raise ValueError("gallery labels must be unique")
        dimension = self.whitening.dimension
        vectors = (
            np.concatenate(self._vectors) if self._vectors else np.empty((0, dimension), np.float32)
        )
        return FingerprintGallery(
            labels=labels,
            vectors=np.ascontiguousarray(vectors),
            dialects=tuple(self._dialects),
            whitening=self.whitening,
            layout=self.layout,
        )


_worker_gallery: Bozorth3Gallery | None = None


def _start_worker(labels: list[int], dialects: tuple[bytes, ...]) -> None:
    global _worker_gallery
    _worker_gallery = Bozorth3Gallery(dict(zip(labels, dialects, strict=True)))


def _worker_size() -> int:
    return 0 if _worker_gallery is None else len(_worker_gallery)


def _rerank(probe: bytes, labels: list[int]) -> list[int]:
    if _worker_gallery is None:
        raise RuntimeError("worker started without a gallery")
    return _worker_gallery.scores(probe, labels)


class FingerprintSearch:
    """Two-stage 1:N over one gallery; a context manager that owns its worker processes.

    With `workers=0` stage 2 runs in this process (for small galleries and tests). Workers
    start through multiprocessing's forkserver, which imports the main module again: a
    script that builds a search needs the `if __name__ == "__main__":` guard.
    Example: `with FingerprintSearch(gallery) as search: search.identify(probe)`.
    """

    def __init__(
        self,
        gallery: FingerprintGallery,
        *,
        shortlist_size: int = DEFAULT_SHORTLIST_SIZE,
        workers: int = DEFAULT_WORKERS,
    ) -> None:
        if shortlist_size < 1 or workers < 0:
            raise ValueError("shortlist size must be at least 1 and workers at least 0")
        self.gallery = gallery
        self.shortlist_size = shortlist_size
        self.workers = workers
        self._local: Bozorth3Gallery | None = None
        self._pool: ProcessPoolExecutor | None = None
        labels = gallery.labels.tolist()
        if workers == 0:
            self._local = Bozorth3Gallery(dict(zip(labels, gallery.dialects, strict=True)))
        else:
            # forkserver: workers start clean instead of inheriting this process's native
            # nbis state (and any threads) through fork.
            self._pool = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=multiprocessing.get_context("forkserver"),
                initializer=_start_worker,
                initargs=(labels, gallery.dialects),
            )

    def warm_up(self) -> None:
        """Start every worker and wait until each has built the gallery."""
        if self._pool is not None:
            started = [self._pool.submit(_worker_size) for _ in range(self.workers)]
            for future in started:
                future.result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> "FingerprintSearch":
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def identify(
        self, probe: MinutiaeRecord, *, max_candidates: int | None = None
    ) -> FingerprintSearchResult:
        """The shortlisted gallery entries by Bozorth3 score (ties: stage-1 rank), best first.

        Every shortlisted entry is returned unless `max_candidates` is given; deciding
        which scores count as a match is the caller's (`matching`).
        """
        started = time.perf_counter()
        histogram = pair_histograms([probe], self.gallery.layout)
        vector = self.gallery.whitening.apply(histogram)[0]
        found = shortlist(vector, self.gallery.vectors, self.shortlist_size)
        labels = self.gallery.labels[found.rows].tolist()
        shortlisted = time.perf_counter()
        scores = self._bozorth3(nbis_dialect(probe), labels)
        reranked = time.perf_counter()

        order = sorted(range(len(labels)), key=lambda position: (-scores[position], position))
        if max_candidates is not None:
            order = order[:max_candidates]
        candidates = tuple(
            FingerprintCandidate(
                label=labels[position],
                rank=rank,
                bozorth3_score=scores[position],
                shortlist_rank=position + 1,
                shortlist_score=float(found.scores[position]),
            )
            for rank, position in enumerate(order, start=1)
        )
        return FingerprintSearchResult(
            candidates=candidates,
            shortlist_seconds=shortlisted - started,
            rerank_seconds=reranked - shortlisted,
        )

    def _bozorth3(self, probe: bytes, labels: list[int]) -> list[int]:
        if self._local is not None:
            return self._local.scores(probe, labels)
        if self._pool is None:
            raise RuntimeError("the search is closed")
        # Interleaved slices: the likeliest mates (top of the shortlist) cost the most
        # (about 10 ms each against 0.5 ms), and interleaving spreads them over workers.
        parts = min(self.workers, len(labels))
        futures: list[Future[list[int]]] = [
            self._pool.submit(_rerank, probe, labels[part::parts]) for part in range(parts)
        ]
        scores = [0] * len(labels)
        for part, future in enumerate(futures):
            scores[part::parts] = future.result()
        return scores
