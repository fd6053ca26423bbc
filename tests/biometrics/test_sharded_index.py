"""ShardedIndex: exact shards give exactly ExactIndex's answer; failures surface, never hang."""

import os
import signal
from collections.abc import Iterator
from multiprocessing import Pipe

import numpy as np
import pytest

from limes.biometrics.exact_index import ExactIndex, IndexTrainingError
from limes.biometrics.ports import Vectors
from limes.biometrics.sharded_index import (
    IndexSpec,
    ProcessShard,
    ShardedIndex,
    ShardFailedError,
    ShardUnavailableError,
    receive_message,
    send_message,
)

DIMENSION = 32


def random_vectors(count: int, seed: int = 0) -> Vectors:
    return np.random.default_rng(seed).standard_normal((count, DIMENSION)).astype(np.float32)


@pytest.fixture
def sharded() -> Iterator[ShardedIndex]:
    with ShardedIndex.start(IndexSpec("exact", DIMENSION), 3, timeout_seconds=5.0) as index:
        yield index


def test_exact_shards_give_exactly_the_exact_index_answer(sharded: ShardedIndex) -> None:
    reference = ExactIndex(DIMENSION)
    vectors = random_vectors(6000)
    for index in (sharded, reference):
        index.add(np.arange(6000), vectors)
        index.remove(np.arange(0, 6000, 7))
        index.add(np.arange(10, 400), random_vectors(390, seed=1))
    queries = random_vectors(200, seed=2)

    result = sharded.search(queries, 25)
    expected = reference.search(queries, 25)

    assert len(sharded) == len(reference)
    assert result.labels.tolist() == expected.labels.tolist()
    assert np.allclose(result.distances, expected.distances, rtol=1e-5, atol=1e-5)


def test_each_label_lives_on_the_shard_named_by_its_remainder(sharded: ShardedIndex) -> None:
    sharded.add(np.array([0, 3, 6, 9, 1, 4, 2]), random_vectors(7))

    statuses = sharded.status()

    assert [status.size for status in statuses] == [4, 2, 1]
    assert all(status.resident_bytes > 0 for status in statuses)


def test_a_crashed_shard_raises_a_clear_error_and_the_index_stays_refused(
    sharded: ShardedIndex,
) -> None:
    sharded.add(np.arange(30), random_vectors(30))
    shard = sharded.shards[1]
    assert isinstance(shard, ProcessShard)
    assert shard.pid is not None
    os.kill(shard.pid, signal.SIGKILL)

    with pytest.raises(ShardUnavailableError, match="shard-1 exited"):
        sharded.search(random_vectors(1), 3)
    with pytest.raises(ShardUnavailableError, match="unusable"):
        len(sharded)


def test_a_shard_that_stops_answering_times_out() -> None:
    with ShardedIndex.start(IndexSpec("exact", DIMENSION), 2) as sharded:
        sharded.timeout_seconds = 0.5  # after the start, which a busy machine may slow
        shard = sharded.shards[0]
        assert isinstance(shard, ProcessShard)
        assert shard.pid is not None
        os.kill(shard.pid, signal.SIGSTOP)

        with pytest.raises(ShardUnavailableError, match=r"did not answer within 0\.5 s"):
            sharded.search(random_vectors(1), 3)


def test_an_error_inside_a_shard_arrives_as_the_same_error() -> None:
    spec = IndexSpec("ivf", DIMENSION, {"nlist": 16})
    with ShardedIndex.start(spec, 2) as sharded:
        with pytest.raises(IndexTrainingError):
            sharded.add(np.arange(4), random_vectors(4))

        sharded.add(np.arange(200), random_vectors(200))  # every shard still answers
        assert len(sharded) == 200


def test_an_index_spec_survives_json() -> None:
    spec = IndexSpec("binary", 128, {"rerank": 2000, "rerank_dtype": "float16"})

    assert IndexSpec.from_json(spec.to_json()) == spec


@pytest.mark.parametrize(
    "array",
    [
        pytest.param(np.arange(12, dtype=np.float32).reshape(3, 4), id="float32-matrix"),
        pytest.param(np.array([5, -1], dtype=np.int64), id="int64-labels"),
        pytest.param(np.zeros((0, 4), dtype=np.float16), id="empty-float16"),
    ],
)
def test_arrays_cross_the_wire_unchanged(array: np.ndarray) -> None:
    sending, receiving = Pipe()

    send_message(sending, {"op": "search", "k": 3}, [array])
    header, arrays = receive_message(receiving)

    assert header == {"op": "search", "k": 3}
    assert arrays[0].dtype == array.dtype
    assert np.array_equal(arrays[0], array)


def test_an_object_array_is_refused_on_the_wire() -> None:
    sending, receiving = Pipe()
    sending.send_bytes(b'{"op": "add", "arrays": [["|O", [1]]]}')

    with pytest.raises(ShardFailedError):
        receive_message(receiving)
