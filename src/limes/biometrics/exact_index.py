"""Exact 1:N search by brute force in NumPy, the reference for every approximate index.

Also what every index here shares: input checks, their errors, the ranking rule and
`RowStore`.

Ranking rule, shared by every index in this package: squared Euclidean distance, smallest
first; equal distances are ordered by the smaller label, so results are deterministic.
Short rows are padded with label -1 at distance +inf (ports.SearchResult).
"""

from collections.abc import Mapping
from typing import Any

import numpy as np
from numpy.typing import NDArray

from limes.biometrics.errors import BiometricError
from limes.biometrics.ports import Labels, SearchResult, Vectors

# Distances are computed a block of queries against a chunk of the gallery at a time; this
# caps the block of distances (and the matrix product behind it) at about 64 MB.
_DISTANCE_BLOCK_VALUES = 1 << 24
_QUERY_BLOCK = 256


class IndexDimensionError(BiometricError, ValueError):
    """Vectors or queries are not a 2-D array with the index's dimension."""

    code = "biometrics.index_dimension"


class IndexInputError(BiometricError, ValueError):
    """Labels and vectors do not pair up, a label is negative, a value is not finite, or k < 1."""

    code = "biometrics.index_input"


class IndexTrainingError(IndexInputError):
    """A trained index (IVF) was given fewer vectors to train on than it has lists."""

    code = "biometrics.index_training"


def checked_vectors(vectors: NDArray[Any], dimension: int) -> Vectors:
    """The vectors as a C-contiguous float32 (n, dimension) array of finite values."""
    array = np.asarray(vectors)
    if array.ndim != 2 or array.shape[1] != dimension:
        raise IndexDimensionError(f"expected vectors of shape (n, {dimension}), got {array.shape}")
    array = np.ascontiguousarray(array, dtype=np.float32)
    if not np.isfinite(array).all():
        raise IndexInputError("vectors must be finite")
    return array


def checked_batch(
    labels: NDArray[Any], vectors: NDArray[Any], dimension: int
) -> tuple[Labels, Vectors]:
    """Labels and vectors to insert; a label given twice keeps its last vector, like two adds."""
    checked = checked_vectors(vectors, dimension)
    label_array = checked_labels(labels)
    if len(label_array) != len(checked):
        raise IndexInputError(f"{len(label_array)} labels for {len(checked)} vectors")
    unique, first_from_end = np.unique(label_array[::-1], return_index=True)
    if len(unique) == len(label_array):
        return label_array, checked
    keep = np.sort(len(label_array) - 1 - first_from_end)
    return label_array[keep], np.ascontiguousarray(checked[keep])


def checked_labels(labels: NDArray[Any]) -> Labels:
    """A 1-D int64 array of labels >= 0 (-1 is the padding label of SearchResult)."""
    array = np.asarray(labels)
    if array.ndim != 1 or not (array.size == 0 or np.issubdtype(array.dtype, np.integer)):
        raise IndexInputError("labels must be a 1-D array of integers")
    array = array.astype(np.int64, copy=False)
    if array.size and array.min() < 0:
        raise IndexInputError("labels must be >= 0")
    return array


def checked_k(k: int) -> int:
    if k < 1:
        raise IndexInputError(f"k must be at least 1, got {k}")
    return k


def empty_result(queries: int, k: int) -> SearchResult:
    return SearchResult(
        distances=np.full((queries, k), np.inf, dtype=np.float32),
        labels=np.full((queries, k), -1, dtype=np.int64),
    )


def top_k(distances: NDArray[np.float32], labels: NDArray[np.int64], k: int) -> SearchResult:
    """The k best of each row's candidates by (distance, label); pads when a row has fewer."""
    queries, candidates = distances.shape
    if candidates <= k:
        chosen_distances, chosen_labels = distances, labels
    else:
        part = np.argpartition(distances, k - 1, axis=1)[:, :k]
        chosen_distances = np.take_along_axis(distances, part, axis=1)
        chosen_labels = np.take_along_axis(labels, part, axis=1)
        kth = chosen_distances.max(axis=1)
        # argpartition picks any of the candidates tied at the k-th distance; where a tie
        # crosses the cut, rank that row's tied candidates by label instead (rare).
        for row in np.flatnonzero((distances <= kth[:, None]).sum(axis=1) > k):
            within = np.flatnonzero(distances[row] <= kth[row])
            order = np.lexsort((labels[row, within], distances[row, within]))[:k]
            chosen_distances[row] = distances[row, within[order]]
            chosen_labels[row] = labels[row, within[order]]
    order = np.lexsort((chosen_labels, chosen_distances), axis=1)
    result_distances = np.take_along_axis(chosen_distances, order, axis=1)
    result_labels = np.take_along_axis(chosen_labels, order, axis=1)
    if candidates < k:
        padding = empty_result(queries, k - candidates)
        result_distances = np.hstack([result_distances, padding.distances])
        result_labels = np.hstack([result_labels, padding.labels])
    return SearchResult(
        distances=np.ascontiguousarray(result_distances, dtype=np.float32),
        labels=np.ascontiguousarray(result_labels, dtype=np.int64),
    )


class RowStore:
    """Rows of named columns under unique labels: amortised appends, removal by swap-with-last.

    >>> store = RowStore({"vectors": ((2,), np.dtype(np.float32))})
    >>> store.put(np.array([7, 9]), {"vectors": np.zeros((2, 2), np.float32)})
    >>> store.remove(np.array([7, 8]))
    1
    """

    _GROWTH = 1.5

    def __init__(
        self, columns: Mapping[str, tuple[tuple[int, ...], np.dtype[Any]]], capacity: int = 0
    ):
        self._shapes = dict(columns)
        self._count = 0
        self._row_of: dict[int, int] = {}
        self._labels = np.empty(capacity, dtype=np.int64)
        self._columns = {
            name: np.empty((capacity, *shape), dtype=dtype)
            for name, (shape, dtype) in columns.items()
        }

    def __len__(self) -> int:
        return self._count

    @property
    def labels(self) -> Labels:
        return self._labels[: self._count]

    def column(self, name: str) -> NDArray[Any]:
        return self._columns[name][: self._count]

    def put(self, labels: Labels, values: Mapping[str, NDArray[Any]]) -> None:
        """Store each (unique) label's values, replacing the row of a label already present."""
        get = self._row_of.get
        rows = np.fromiter((get(label, -1) for label in labels.tolist()), np.int64, len(labels))
        present = rows >= 0
        for name, column in self._columns.items():
            column[rows[present]] = values[name][present]
        new = np.flatnonzero(~present)
        start, stop = self._count, self._count + len(new)
        self._reserve(stop)
        self._labels[start:stop] = labels[new]
        for name, column in self._columns.items():
            column[start:stop] = values[name][new]
        self._row_of.update(zip(labels[new].tolist(), range(start, stop), strict=True))
        self._count = stop

    def remove(self, labels: Labels) -> int:
        """Drop these labels, each by moving the last row into its place; O(labels removed)."""
        removed = 0
        for label in labels.tolist():
            row = self._row_of.pop(label, None)
            if row is None:
                continue
            last = self._count - 1
            if row != last:
                moved = int(self._labels[last])
                self._labels[row] = moved
                for column in self._columns.values():
                    column[row] = column[last]
                self._row_of[moved] = row
            self._count = last
            removed += 1
        return removed

    def _reserve(self, rows: int) -> None:
        capacity = len(self._labels)
        if rows <= capacity:
            return
        capacity = max(rows, int(capacity * self._GROWTH), 1024)
        self._labels = _grown(self._labels, capacity, self._count)
        self._columns = {
            name: _grown(column, capacity, self._count) for name, column in self._columns.items()
        }


def _grown(array: NDArray[Any], capacity: int, used: int) -> NDArray[Any]:
    grown = np.empty((capacity, *array.shape[1:]), dtype=array.dtype)
    grown[:used] = array[:used]
    return grown


class ExactIndex:
    """Brute-force L2² over every stored vector, in bounded blocks (`||q||² − 2q·x + ||x||²`)."""

    def __init__(self, dimension: int, *, capacity: int = 0) -> None:
        self._dimension = dimension
        self._rows = RowStore(
            {
                "vectors": ((dimension,), np.dtype(np.float32)),
                "norms": ((), np.dtype(np.float32)),
            },
            capacity,
        )

    @property
    def dimension(self) -> int:
        return self._dimension

    def __len__(self) -> int:
        return len(self._rows)

    def add(self, labels: Labels, vectors: Vectors) -> None:
        labels, vectors = checked_batch(labels, vectors, self._dimension)
        norms = np.einsum("ij,ij->i", vectors, vectors)
        self._rows.put(labels, {"vectors": vectors, "norms": norms})

    def remove(self, labels: Labels) -> int:
        return self._rows.remove(checked_labels(labels))

    def search(self, queries: Vectors, k: int) -> SearchResult:
        queries = checked_vectors(queries, self._dimension)
        checked_k(k)
        results = [
            self._search_block(queries[start : start + _QUERY_BLOCK], k)
            for start in range(0, len(queries), _QUERY_BLOCK)
        ]
        if not results:
            return empty_result(0, k)
        return SearchResult(
            distances=np.vstack([result.distances for result in results]),
            labels=np.vstack([result.labels for result in results]),
        )

    def _search_block(self, queries: Vectors, k: int) -> SearchResult:
        best = empty_result(len(queries), k)
        vectors, norms = self._rows.column("vectors"), self._rows.column("norms")
        labels = self._rows.labels
        query_norms = np.einsum("ij,ij->i", queries, queries)[:, None]
        chunk = max(1024, _DISTANCE_BLOCK_VALUES // max(1, len(queries)))
        for start in range(0, len(labels), chunk):
            stop = start + chunk
            distances = queries @ vectors[start:stop].T
            distances *= -2.0
            distances += query_norms
            distances += norms[start:stop]
            np.maximum(distances, 0.0, out=distances)
            chunk_labels = np.broadcast_to(labels[start:stop], distances.shape)
            found = top_k(distances, chunk_labels, k)
            best = top_k(
                np.hstack([best.distances, found.distances]),
                np.hstack([best.labels, found.labels]),
                k,
            )
        return best
