"""The VectorIndex contract on every implementation, and ExactIndex against naive NumPy.

Each implementation is configured so that it must give the exact answer on these small
galleries (the binary shortlist covers the whole gallery, IVF probes every list), so the
contract can compare them all with ExactIndex label for label.
"""

from collections.abc import Callable, Iterator

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from limes.biometrics import exact_index
from limes.biometrics.errors import BiometricError
from limes.biometrics.exact_index import (
    ExactIndex,
    IndexDimensionError,
    IndexInputError,
    RowStore,
    top_k,
)
from limes.biometrics.faiss_index import FaissIndex
from limes.biometrics.ports import VectorIndex, Vectors
from limes.biometrics.sharded_index import IndexSpec, ShardedIndex

DIMENSION = 16
SIZE = 300


def random_vectors(count: int, seed: int = 0) -> Vectors:
    return np.random.default_rng(seed).standard_normal((count, DIMENSION)).astype(np.float32)


def ivf_exact_everywhere() -> FaissIndex:
    sample = random_vectors(400, seed=9)
    return FaissIndex(DIMENSION, kind="ivf", nlist=4, nprobe=4, training_sample=sample, threads=1)


# threads=1: on this 2-vCPU VM OpenMP's default of 2 threads makes even tiny FAISS calls
# wait for a busy core (shared/reference/biometrics.md §4); shard workers use 1 as well.
FACTORIES: dict[str, Callable[[], VectorIndex]] = {
    "exact": lambda: ExactIndex(DIMENSION),
    "faiss-binary": lambda: FaissIndex(DIMENSION, kind="binary", rerank=SIZE, threads=1),
    "faiss-binary-float16": lambda: FaissIndex(
        DIMENSION, kind="binary", rerank=SIZE, rerank_dtype="float16", threads=1
    ),
    "faiss-ivf": ivf_exact_everywhere,
    "faiss-flat": lambda: FaissIndex(DIMENSION, kind="flat", threads=1),
    "sharded-exact-2": lambda: ShardedIndex.start(IndexSpec("exact", DIMENSION), 2),
    "sharded-binary-2": lambda: ShardedIndex.start(
        IndexSpec("binary", DIMENSION, {"rerank": SIZE}), 2
    ),
}


@pytest.fixture(params=list(FACTORIES))
def index(request: pytest.FixtureRequest) -> Iterator[VectorIndex]:
    built = FACTORIES[request.param]()
    yield built
    if isinstance(built, ShardedIndex):
        built.close()


@pytest.fixture(scope="module", params=list(FACTORIES))
def untouched_index(request: pytest.FixtureRequest) -> Iterator[VectorIndex]:
    """One empty index per implementation for the module's tests that must not change it."""
    built = FACTORIES[request.param]()
    yield built
    if isinstance(built, ShardedIndex):
        built.close()


@pytest.fixture
def reference() -> ExactIndex:
    built = ExactIndex(DIMENSION)
    built.add(np.arange(SIZE) * 3, random_vectors(SIZE))
    return built


def test_each_vector_finds_its_own_label_first(index: VectorIndex) -> None:
    vectors = random_vectors(SIZE)
    index.add(np.arange(SIZE) * 3, vectors)

    result = index.search(vectors[:50], 1)

    assert result.labels[:, 0].tolist() == (np.arange(50) * 3).tolist()
    assert np.allclose(result.distances[:, 0], 0.0, atol=1e-3)


def test_results_agree_with_exact_search(index: VectorIndex, reference: ExactIndex) -> None:
    index.add(np.arange(SIZE) * 3, random_vectors(SIZE))
    queries = random_vectors(40, seed=1)

    result = index.search(queries, 10)
    expected = reference.search(queries, 10)

    assert result.labels.tolist() == expected.labels.tolist()
    assert np.allclose(result.distances, expected.distances, rtol=1e-3, atol=1e-3)
    assert (np.diff(result.distances, axis=1) >= 0).all()


def test_adding_a_label_again_replaces_its_vector(index: VectorIndex) -> None:
    vectors = random_vectors(SIZE)
    index.add(np.arange(SIZE), vectors)

    index.add(np.array([7]), vectors[100:101] + np.float32(0.01))

    assert len(index) == SIZE
    assert index.search(vectors[100:101], 2).labels[0].tolist() == [100, 7]
    assert index.search(vectors[7:8], 1).labels[0, 0] != 7


def test_a_label_given_twice_in_one_add_keeps_the_last_vector(index: VectorIndex) -> None:
    vectors = random_vectors(3)

    index.add(np.array([5, 5, 6]), vectors)

    assert len(index) == 2
    assert index.search(vectors[1:2], 1).labels[0, 0] == 5
    assert index.search(vectors[0:1], 1).distances[0, 0] > 1e-3


def test_remove_counts_the_labels_present_and_they_are_never_found_again(
    index: VectorIndex,
) -> None:
    vectors = random_vectors(SIZE)
    index.add(np.arange(SIZE), vectors)

    removed = index.remove(np.array([3, 4, 4, 10_000, SIZE - 1]))

    assert removed == 3
    assert len(index) == SIZE - 3
    found = index.search(vectors[[3, 4, SIZE - 1]], 5).labels
    assert not np.isin(found, [3, 4, SIZE - 1]).any()
    assert index.search(vectors[SIZE - 2 : SIZE - 1], 1).labels[0, 0] == SIZE - 2


def test_a_removed_label_can_be_added_again(index: VectorIndex) -> None:
    vectors = random_vectors(10)
    index.add(np.arange(10), vectors)
    index.remove(np.arange(10))

    index.add(np.array([4]), vectors[4:5])

    assert len(index) == 1
    assert index.search(vectors, 2).labels[:, 0].tolist() == [4] * 10


def test_k_larger_than_the_gallery_pads_with_minus_one_at_infinity(index: VectorIndex) -> None:
    index.add(np.array([1, 2, 3]), random_vectors(3))

    result = index.search(random_vectors(2, seed=4), 5)

    assert result.labels.shape == (2, 5)
    assert sorted(result.labels[0, :3].tolist()) == [1, 2, 3]
    assert result.labels[:, 3:].tolist() == [[-1, -1], [-1, -1]]
    assert np.isinf(result.distances[:, 3:]).all()


def test_an_empty_index_finds_nothing(index: VectorIndex) -> None:
    result = index.search(random_vectors(2), 3)

    assert len(index) == 0
    assert index.remove(np.array([1, 2])) == 0
    assert result.labels.tolist() == [[-1, -1, -1], [-1, -1, -1]]
    assert np.isinf(result.distances).all()


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda i: i.add(np.array([1]), np.zeros((1, 3), np.float32)), id="add"),
        pytest.param(lambda i: i.search(np.zeros((1, 3), np.float32), 1), id="search"),
        pytest.param(lambda i: i.search(np.zeros(DIMENSION, np.float32), 1), id="1-d-query"),
    ],
)
def test_a_wrong_dimension_is_refused(
    untouched_index: VectorIndex, call: Callable[[VectorIndex], object]
) -> None:
    with pytest.raises(IndexDimensionError) as raised:
        call(untouched_index)

    assert isinstance(raised.value, ValueError)
    assert isinstance(raised.value, BiometricError)
    assert raised.value.code == "biometrics.index_dimension"


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda i: i.add(np.array([1, 2]), random_vectors(3)), id="count-mismatch"),
        pytest.param(lambda i: i.add(np.array([-2]), random_vectors(1)), id="negative-label"),
        pytest.param(
            lambda i: i.add(np.array([1]), np.full((1, DIMENSION), np.nan, np.float32)), id="nan"
        ),
        pytest.param(lambda i: i.search(random_vectors(1), 0), id="k-zero"),
    ],
)
def test_bad_input_is_refused(
    untouched_index: VectorIndex, call: Callable[[VectorIndex], object]
) -> None:
    with pytest.raises(IndexInputError) as raised:
        call(untouched_index)

    assert raised.value.code == "biometrics.index_input"
    assert len(untouched_index) == 0


# ExactIndex against a naive computation. Small integer components make every distance
# exact in float32, so ties are real and the tie rule (smaller label first) is checked too.
small_vectors = st.lists(
    st.lists(st.integers(-3, 3), min_size=4, max_size=4), min_size=1, max_size=40
)


def naive_top_k(
    labels: list[int], vectors: np.ndarray, query: np.ndarray, k: int
) -> list[tuple[float, int]]:
    distances = ((vectors.astype(np.float64) - query) ** 2).sum(axis=1)
    return sorted(zip(distances.tolist(), labels, strict=True))[:k]


@settings(max_examples=60, deadline=None)
@given(
    gallery=small_vectors,
    queries=small_vectors,
    k=st.integers(1, 8),
    removed=st.sets(st.integers(0, 60), max_size=10),
    data=st.data(),
)
def test_exact_index_matches_a_naive_sort_by_distance_then_label(
    gallery: list[list[int]],
    queries: list[list[int]],
    k: int,
    removed: set[int],
    data: st.DataObject,
) -> None:
    labels = data.draw(
        st.lists(st.integers(0, 60), min_size=len(gallery), max_size=len(gallery), unique=True)
    )
    vectors = np.array(gallery, dtype=np.float32)
    index = ExactIndex(4)
    index.add(np.array(labels), vectors)
    index.remove(np.array(sorted(removed), dtype=np.int64))
    kept = [n for n, label in enumerate(labels) if label not in removed]

    result = index.search(np.array(queries, dtype=np.float32), k)

    for row, query in enumerate(np.array(queries, dtype=np.float64)):
        expected = naive_top_k([labels[n] for n in kept], vectors[kept], query, k)
        found = [
            (distance, label)
            for distance, label in zip(
                result.distances[row].tolist(), result.labels[row].tolist(), strict=True
            )
            if label >= 0
        ]
        assert found == expected


def test_exact_search_over_many_chunks_keeps_the_tie_rule(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(exact_index, "_DISTANCE_BLOCK_VALUES", 1)  # 1024-row chunks
    index = ExactIndex(2)
    count = 5000
    labels = np.random.default_rng(2).permutation(count)
    vectors = np.zeros((count, 2), np.float32)  # every distance ties
    vectors[labels >= 100] = 1.0
    index.add(labels, vectors)

    result = index.search(np.zeros((3, 2), np.float32), 20)

    assert result.labels.tolist() == [list(range(20))] * 3


def test_top_k_breaks_a_tie_across_the_cut_by_label() -> None:
    distances = np.array([[1.0, 0.5, 1.0, 1.0, 2.0]], np.float32)
    labels = np.array([[40, 7, 30, 10, 1]], np.int64)

    result = top_k(distances, labels, 3)

    assert result.labels.tolist() == [[7, 10, 30]]


def test_the_row_store_grows_and_moves_the_last_row_into_a_removed_one() -> None:
    store = RowStore({"values": ((), np.dtype(np.int64))})
    store.put(np.arange(5000), {"values": np.arange(5000) * 10})

    assert store.remove(np.array([0, 17, 17])) == 2

    assert len(store) == 4998
    assert store.labels[0] == 4999
    assert store.column("values")[0] == 49990
    assert dict(zip(store.labels.tolist(), store.column("values").tolist(), strict=True)) == {
        label: label * 10 for label in range(5000) if label not in (0, 17)
    }
