"""How close an approximate 1:N search comes to exact search, and how often it finds the mate.

These measure the *index*, not the face model: recall is agreement with exact search over
the same gallery (an ANN index can never do better than exact), and the mate-found rates
are reported for both so that the loss the index causes can be read off beside the loss
the templates cause (shared/reference/biometrics.md §6: report recall against exact
search, never "accuracy", from synthetic data).
"""

import numpy as np

from limes.biometrics.ports import Labels, SearchResult


def recall_at_k(approximate: SearchResult, exact: SearchResult, k: int) -> float:
    """Mean over queries of |approximate top-k ∩ exact top-k| / |exact top-k|.

    Padding labels (-1) never count; a row where exact search found fewer than k labels
    (a gallery smaller than k) is divided by what it found, and a row where it found none
    is left out.
    """
    _check_same_queries(approximate, exact)
    found = []
    for approximate_row, exact_row in zip(
        approximate.labels[:, :k], exact.labels[:, :k], strict=True
    ):
        wanted = set(exact_row[exact_row >= 0].tolist())
        if wanted:
            found.append(len(wanted.intersection(approximate_row.tolist())) / len(wanted))
    return float(np.mean(found)) if found else 1.0


def rank_one_agreement(
    approximate: SearchResult, exact: SearchResult, *, relative_tolerance: float = 1e-5
) -> float:
    """Share of queries whose approximate top-1 is at the exact top-1's distance.

    Unlike recall@1 this accepts another label tied at the same distance, which is an
    equally correct answer; the tolerance absorbs float32 rounding between implementations.
    """
    _check_same_queries(approximate, exact)
    if not len(exact.labels):
        return 1.0
    same = np.isclose(
        approximate.distances[:, 0], exact.distances[:, 0], rtol=relative_tolerance, atol=1e-6
    )
    return float(np.mean(same | (approximate.labels[:, 0] == exact.labels[:, 0])))


def mate_found_rate(result: SearchResult, mates: Labels, k: int = 1) -> float:
    """Share of mated probes whose mate's label is among the first k candidates."""
    if len(mates) != len(result.labels):
        raise ValueError(f"{len(mates)} mates for {len(result.labels)} queries")
    if not len(mates):
        return 1.0
    return float(np.mean((result.labels[:, :k] == mates[:, None]).any(axis=1)))


def _check_same_queries(approximate: SearchResult, exact: SearchResult) -> None:
    if approximate.labels.shape[0] != exact.labels.shape[0]:
        raise ValueError(
            f"{approximate.labels.shape[0]} approximate rows for {exact.labels.shape[0]} exact"
        )
