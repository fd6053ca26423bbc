"""FaissIndex recall against ExactIndex on synthetic faces: measured, then asserted with margin.

Gallery: 40,000 templates from `FaceModel(seed=0)`, 500 mated probes. The default shortlist
(4,000) would be a tenth of so small a gallery, so the binary index is tested with a
shortlist of 1,000 (2.5 %), a harder setting than a 5 M shard's 5,000 (0.1 %) only in
appearance: the candidates that outrank the true neighbour in Hamming distance grow far
slower than the gallery (docs/biometric-search.md). Measured on seeds 0-4 (2-core EPYC,
faiss-cpu 1.15.1): shortlist 1,000 gave recall@1 0.998-1.000 and recall@10 0.970-0.980,
the same with float16 storage for re-ranking, and the mate at rank 1 exactly as often as
exact search; IVF with nlist 128 and nprobe 16 gave recall@1 0.948-0.978 and recall@10
0.718-0.752. The bounds sit about three sampling standard deviations (500 probes) under the
worst seed, so they catch a real loss without flaking.
"""

from dataclasses import dataclass

import numpy as np
import pytest

from limes.biometrics.exact_index import ExactIndex, IndexInputError, IndexTrainingError
from limes.biometrics.faiss_index import FaissIndex
from limes.biometrics.ports import SearchResult
from limes.biometrics.recall import mate_found_rate, recall_at_k
from limes.biometrics.synthetic_faces import FaceModel, MatedProbes, SyntheticFaces

GALLERY_SIZE = 40_000


@dataclass(frozen=True)
class Benchmark:
    gallery: np.ndarray
    probes: MatedProbes
    exact: SearchResult


@pytest.fixture(scope="module")
def benchmark() -> Benchmark:
    faces = SyntheticFaces(FaceModel(seed=0))
    gallery = faces.gallery(0, GALLERY_SIZE)
    rng = np.random.default_rng(0)
    probes = faces.mated_probes(rng.choice(GALLERY_SIZE, 500, replace=False), rng)
    exact = ExactIndex(128)
    exact.add(np.arange(GALLERY_SIZE), gallery)
    return Benchmark(gallery, probes, exact.search(probes.vectors, 10))


def approximate_search(benchmark: Benchmark, **params: object) -> SearchResult:
    index = FaissIndex(128, threads=1, **params)  # type: ignore[arg-type]
    index.add(np.arange(GALLERY_SIZE), benchmark.gallery)
    return index.search(benchmark.probes.vectors, 10)


@pytest.mark.parametrize(
    ("params", "recall_at_1", "recall_at_10"),
    [
        pytest.param({"rerank": 1000}, 0.99, 0.95, id="binary-1000"),
        pytest.param({"rerank": 1000, "rerank_dtype": "float16"}, 0.99, 0.95, id="binary-float16"),
        pytest.param({"kind": "ivf", "nlist": 128, "nprobe": 16}, 0.92, 0.68, id="ivf-128-16"),
    ],
)
def test_recall_against_exact_search_is_at_least_the_measured_bound(
    benchmark: Benchmark, params: dict[str, object], recall_at_1: float, recall_at_10: float
) -> None:
    result = approximate_search(benchmark, **params)

    assert recall_at_k(result, benchmark.exact, 1) >= recall_at_1
    assert recall_at_k(result, benchmark.exact, 10) >= recall_at_10


def test_the_binary_index_finds_the_mate_as_often_as_exact_search(benchmark: Benchmark) -> None:
    result = approximate_search(benchmark, rerank=1000)

    exact_rate = mate_found_rate(benchmark.exact, benchmark.probes.mates)
    assert mate_found_rate(result, benchmark.probes.mates) >= exact_rate - 0.004


def test_a_shortlist_shorter_than_k_still_returns_k_candidates() -> None:
    vectors = np.random.default_rng(1).standard_normal((50, 8)).astype(np.float32)
    index = FaissIndex(8, rerank=1, rerank_share=0.0)
    index.add(np.arange(50), vectors)

    result = index.search(vectors[:2], 5)

    assert (result.labels >= 0).all()
    assert result.labels[:, 0].tolist() == [0, 1]


def test_ivf_trains_on_its_first_batch_when_that_batch_fills_every_list() -> None:
    vectors = np.random.default_rng(2).standard_normal((64, 8)).astype(np.float32)
    index = FaissIndex(8, kind="ivf", nlist=8, nprobe=8, threads=1)

    index.add(np.arange(64), vectors)

    assert len(index) == 64
    assert index.search(vectors[:3], 1).labels[:, 0].tolist() == [0, 1, 2]


def test_ivf_refuses_a_first_batch_smaller_than_its_list_count() -> None:
    index = FaissIndex(8, kind="ivf", nlist=8, threads=1)

    with pytest.raises(IndexTrainingError):
        index.add(np.arange(3), np.ones((3, 8), np.float32))


@pytest.mark.parametrize(
    "params",
    [
        pytest.param({"kind": "hnsw"}, id="unknown-kind"),
        pytest.param({"bits": 500}, id="bits-not-whole-bytes"),
        pytest.param({"rerank": 0}, id="empty-shortlist"),
    ],
)
def test_bad_parameters_are_refused(params: dict[str, object]) -> None:
    with pytest.raises(IndexInputError):
        FaissIndex(8, **params)  # type: ignore[arg-type]
