"""FAISS behind `VectorIndex`: binary sketches with exact re-ranking (default), IVF, or flat.

The only module that imports faiss. Kinds:

* ``binary`` (default): each vector is projected with a fixed, seeded Gaussian matrix
  (dimension × `bits`) and its sign bits kept (SimHash: the share of differing bits
  estimates the angle, Charikar 2002, "Similarity estimation techniques from rounding
  algorithms"). A query scans every code by Hamming distance (faiss `knn_hamming`,
  exhaustive, so no training and no data-dependent recall cliff), keeps a shortlist, and
  re-ranks it by exact L2² on the stored vectors. Shortlist = max(`rerank`,
  `rerank_share` × stored vectors): the impostors that outrank the true nearest neighbour
  in Hamming distance grow with the gallery, though far slower than it (recall@1 1.000
  needed about 1,000 at 40 k, 4,000 at 1 M, 5,000 at 5 M; docs/biometric-search.md), so
  the defaults 4,000 and 0.1 % cover the measured points. Storage is our own `RowStore`:
  remove is O(labels removed), by swap-with-last.
* ``ivf``: `IndexIVFFlat` with `nlist` lists, `nprobe` probed. Training rule: on
  `training_sample` when given, otherwise on the vectors of the first `add`, which must
  hold at least `nlist` vectors (faiss asks for 39 per list for stable centroids). Labels
  are IVF ids; a hash-table direct map makes remove O(labels removed).
* ``flat``: `IndexFlatL2` inside `IndexIDMap`: exact, for comparison. Remove (and the
  replace inside add) compacts the whole index: O(stored vectors) per call.

Thread count: `threads` calls `faiss.omp_set_num_threads`, which is process-wide. A shard
worker passes 1: two OpenMP threads on one query are 3× slower on a 2-vCPU VM
(shared/reference/biometrics.md §4), so parallelism comes from shards, not threads.
"""

import math
from typing import Any, Literal, Protocol

import faiss
import numpy as np
from numpy.typing import NDArray

from limes.biometrics.exact_index import (
    IndexInputError,
    IndexTrainingError,
    RowStore,
    checked_batch,
    checked_k,
    checked_labels,
    checked_vectors,
    empty_result,
    top_k,
)
from limes.biometrics.ports import Labels, SearchResult, Vectors

KINDS = ("binary", "ivf", "flat")
_HASHTABLE_DIRECT_MAP = 2  # faiss::DirectMap::Hashtable (faiss/invlists/DirectMap.h)
# Codes and re-ranking are computed a block at a time to bound temporaries (~16–32 MB).
_BLOCK_VALUES = 1 << 22
_COUNTER_BYTES = 1 << 28


class _Engine(Protocol):
    def add(self, labels: Labels, vectors: Vectors) -> None: ...
    def remove(self, labels: Labels) -> int: ...
    def search(self, queries: Vectors, k: int) -> SearchResult: ...
    def __len__(self) -> int: ...


class FaissIndex:
    """A `VectorIndex` on FAISS; see the module docstring for what each kind costs."""

    def __init__(
        self,
        dimension: int,
        *,
        kind: str = "binary",
        bits: int = 512,
        rerank: int = 4000,
        rerank_share: float = 0.001,
        rerank_dtype: Literal["float32", "float16"] = "float32",
        seed: int = 0,
        nlist: int = 1024,
        nprobe: int = 32,
        training_sample: Vectors | None = None,
        capacity: int = 0,
        threads: int | None = None,
    ) -> None:
        if kind not in KINDS:
            raise IndexInputError(f"unknown index kind {kind!r}; expected one of {KINDS}")
        if threads is not None:
            faiss.omp_set_num_threads(threads)
        self._dimension = dimension
        self.kind = kind
        self._engine: _Engine
        if kind == "binary":
            self._engine = _BinaryRerank(
                dimension, bits, rerank, rerank_share, np.dtype(rerank_dtype), seed, capacity
            )
        elif kind == "ivf":
            sample = (
                None if training_sample is None else checked_vectors(training_sample, dimension)
            )
            self._engine = _InvertedFile(dimension, nlist, nprobe, sample)
        else:
            self._engine = _IdMapFlat(dimension)

    @property
    def dimension(self) -> int:
        return self._dimension

    def __len__(self) -> int:
        return len(self._engine)

    def add(self, labels: Labels, vectors: Vectors) -> None:
        labels, vectors = checked_batch(labels, vectors, self._dimension)
        if len(labels):
            self._engine.add(labels, vectors)

    def remove(self, labels: Labels) -> int:
        labels = np.unique(checked_labels(labels))
        return self._engine.remove(labels) if len(labels) and len(self._engine) else 0

    def search(self, queries: Vectors, k: int) -> SearchResult:
        queries = checked_vectors(queries, self._dimension)
        checked_k(k)
        if not len(self._engine) or not len(queries):
            return empty_result(len(queries), k)
        return self._engine.search(queries, k)


class _BinaryRerank:
    def __init__(
        self,
        dimension: int,
        bits: int,
        rerank: int,
        rerank_share: float,
        rerank_dtype: np.dtype[Any],
        seed: int,
        capacity: int,
    ) -> None:
        if bits % 8 or bits <= 0:
            raise IndexInputError(f"bits must be a positive multiple of 8, got {bits}")
        if rerank < 1 or rerank_share < 0:
            raise IndexInputError("rerank must be >= 1 and rerank_share >= 0")
        rng = np.random.default_rng(seed)
        self._projection = rng.standard_normal((dimension, bits)).astype(np.float32)
        self._rerank = rerank
        self._rerank_share = rerank_share
        self._rows = RowStore(
            {
                "vectors": ((dimension,), rerank_dtype),
                "codes": ((bits // 8,), np.dtype(np.uint8)),
            },
            capacity,
        )

    def __len__(self) -> int:
        return len(self._rows)

    def encode(self, vectors: Vectors) -> NDArray[np.uint8]:
        """Sign bits of the projected vectors, packed 8 to a byte."""
        block = max(1, _BLOCK_VALUES // self._projection.shape[1])
        return np.vstack(
            [
                np.packbits(vectors[start : start + block] @ self._projection > 0, axis=1)
                for start in range(0, max(1, len(vectors)), block)
            ]
        )

    def add(self, labels: Labels, vectors: Vectors) -> None:
        self._rows.put(labels, {"vectors": vectors, "codes": self.encode(vectors)})

    def remove(self, labels: Labels) -> int:
        return self._rows.remove(labels)

    def shortlist_size(self, k: int) -> int:
        stored = len(self._rows)
        return min(stored, max(k, self._rerank, math.ceil(self._rerank_share * stored)))

    def search(self, queries: Vectors, k: int) -> SearchResult:
        shortlist = self.shortlist_size(k)
        # faiss's counting variant ("mc": one bucket per Hamming distance) costs the same
        # for a shortlist of 10 or 5,000 (5 ms over 500,000 codes), where its heap variant
        # grows to 9 ms (measured). It reserves (bits + 1) x shortlist ids per query up
        # front, so queries go in blocks that keep that reservation near 256 MB.
        per_query_bytes = (self._projection.shape[1] + 1) * shortlist * 8
        block = max(1, _COUNTER_BYTES // per_query_bytes)
        results = [
            self._search_block(queries[start : start + block], k, shortlist)
            for start in range(0, len(queries), block)
        ]
        if len(results) == 1:
            return results[0]
        return SearchResult(
            distances=np.vstack([result.distances for result in results]),
            labels=np.vstack([result.labels for result in results]),
        )

    def _search_block(self, queries: Vectors, k: int, shortlist: int) -> SearchResult:
        codes = self._rows.column("codes")
        _, rows = faiss.knn_hamming(self.encode(queries), codes, shortlist, variant="mc")
        vectors = self._rows.column("vectors")
        distances = np.empty(rows.shape, dtype=np.float32)
        if vectors.dtype == np.float32:
            faiss.fvec_L2sqr_by_idx(  # type: ignore[attr-defined]  # absent from faiss's stubs
                faiss.swig_ptr(distances),
                faiss.swig_ptr(queries),
                faiss.swig_ptr(vectors),
                faiss.swig_ptr(rows),
                queries.shape[1],
                len(queries),
                shortlist,
            )
        else:
            block = max(1, _BLOCK_VALUES // (shortlist * queries.shape[1]))
            for start in range(0, len(queries), block):
                gathered = vectors[rows[start : start + block]].astype(np.float32)
                difference = gathered - queries[start : start + block, None, :]
                distances[start : start + block] = np.einsum("qrd,qrd->qr", difference, difference)
        return top_k(distances, self._rows.labels[rows], k)


class _InvertedFile:
    def __init__(self, dimension: int, nlist: int, nprobe: int, sample: Vectors | None) -> None:
        self._quantizer = faiss.IndexFlatL2(dimension)
        self._index = faiss.IndexIVFFlat(self._quantizer, dimension, nlist, faiss.METRIC_L2)
        self._index.nprobe = nprobe
        self._index.set_direct_map_type(_HASHTABLE_DIRECT_MAP)
        self._nlist = nlist
        if sample is not None:
            self._train(sample)

    def __len__(self) -> int:
        return int(self._index.ntotal)

    def _train(self, sample: Vectors) -> None:
        if len(sample) < self._nlist:
            raise IndexTrainingError(
                f"IVF training needs at least nlist={self._nlist} vectors, got {len(sample)}"
            )
        self._index.train(sample)

    def add(self, labels: Labels, vectors: Vectors) -> None:
        if not self._index.is_trained:
            self._train(vectors)
        elif len(self):
            self.remove(labels)
        self._index.add_with_ids(vectors, labels)

    def remove(self, labels: Labels) -> int:
        # With a hash-table direct map faiss removes by IDSelectorArray only.
        selector = faiss.IDSelectorArray(len(labels), faiss.swig_ptr(labels))
        return int(self._index.remove_ids(selector))

    def search(self, queries: Vectors, k: int) -> SearchResult:
        distances, labels = self._index.search(queries, k)
        return _ranked(distances, labels, k)


class _IdMapFlat:
    def __init__(self, dimension: int) -> None:
        self._flat = faiss.IndexFlatL2(dimension)
        self._index = faiss.IndexIDMap(self._flat)

    def __len__(self) -> int:
        return int(self._index.ntotal)

    def add(self, labels: Labels, vectors: Vectors) -> None:
        if len(self):
            self.remove(labels)
        self._index.add_with_ids(vectors, labels)

    def remove(self, labels: Labels) -> int:
        selector = faiss.IDSelectorBatch(len(labels), faiss.swig_ptr(labels))
        return int(self._index.remove_ids(selector))

    def search(self, queries: Vectors, k: int) -> SearchResult:
        distances, labels = self._index.search(queries, k)
        return _ranked(distances, labels, k)


def _ranked(distances: NDArray[np.float32], labels: NDArray[np.int64], k: int) -> SearchResult:
    """FAISS's answer in our ranking rule: pads at +inf, ties ordered by label."""
    distances = np.where(labels < 0, np.float32(np.inf), np.maximum(distances, 0.0))
    return top_k(distances.astype(np.float32), labels.astype(np.int64), k)
