"""Recall against exact search, rank-1 agreement and mate-found rates on hand-made results."""

import numpy as np
import pytest

from limes.biometrics.ports import SearchResult
from limes.biometrics.recall import mate_found_rate, rank_one_agreement, recall_at_k


def result(labels: list[list[int]], distances: list[list[float]] | None = None) -> SearchResult:
    label_array = np.array(labels, dtype=np.int64)
    if distances is None:
        distance_array = np.tile(
            np.arange(label_array.shape[1], dtype=np.float32), (len(labels), 1)
        )
    else:
        distance_array = np.array(distances, dtype=np.float32)
    return SearchResult(distances=distance_array, labels=label_array)


EXACT = result([[1, 2, 3], [4, 5, 6]])


@pytest.mark.parametrize(
    ("approximate", "k", "expected"),
    [
        pytest.param([[1, 2, 3], [4, 5, 6]], 3, 1.0, id="identical"),
        pytest.param([[3, 2, 1], [6, 5, 4]], 3, 1.0, id="order-within-k-does-not-matter"),
        pytest.param([[1, 9, 8], [4, 5, 9]], 3, 0.5, id="one-of-three-and-two-of-three"),
        pytest.param([[2, 1, 3], [4, 6, 5]], 1, 0.5, id="recall-at-1"),
        pytest.param([[9, 8, 7], [9, 8, 7]], 2, 0.0, id="nothing-found"),
    ],
)
def test_recall_at_k(approximate: list[list[int]], k: int, expected: float) -> None:
    assert recall_at_k(result(approximate), EXACT, k) == pytest.approx(expected)


def test_padding_never_counts_and_short_exact_rows_divide_by_what_they_hold() -> None:
    exact = result([[1, -1, -1], [-1, -1, -1]])
    approximate = result([[-1, 1, -1], [-1, -1, -1]])

    assert recall_at_k(approximate, exact, 3) == 1.0


def test_rank_one_agreement_accepts_a_label_tied_at_the_same_distance() -> None:
    exact = result([[1, 2], [3, 4], [5, 6]], [[0.5, 0.5], [0.2, 0.9], [0.1, 0.3]])
    approximate = result([[2, 1], [4, 3], [5, 6]], [[0.5, 0.5], [0.9, 0.2], [0.1000001, 0.3]])

    assert rank_one_agreement(approximate, exact) == pytest.approx(2 / 3)
    assert recall_at_k(approximate, exact, 1) == pytest.approx(1 / 3)


@pytest.mark.parametrize(
    ("k", "expected"),
    [pytest.param(1, 0.5, id="rank-1"), pytest.param(3, 1.0, id="within-3")],
)
def test_mate_found_rate(k: int, expected: float) -> None:
    assert mate_found_rate(EXACT, np.array([1, 6]), k) == expected


def test_results_for_different_query_counts_are_refused() -> None:
    with pytest.raises(ValueError, match="rows"):
        recall_at_k(result([[1, 2, 3]]), EXACT, 1)
    with pytest.raises(ValueError, match="mates"):
        mate_found_rate(EXACT, np.array([1]))
