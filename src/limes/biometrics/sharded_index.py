"""A gallery split over shards in worker processes, searched in parallel and merged.

Label `n` lives on shard `n mod S`. Labels are dense sequence numbers from the template log,
so the remainder already spreads them evenly and lets anyone name a label's shard without
a hash; a hash would only matter for labels with structure in their low digits.

The coordinator speaks to each shard through `ShardClient`: send a request, later collect
the reply. Requests and replies are one JSON header plus raw array bytes (no pickle on the
wire), so the same `serve_shard` loop can answer over a socket from another host
(`multiprocessing.connection.Listener` with an authkey gives the same `Connection`); here
`ProcessShard` runs it in a local process. Every reply is awaited with a timeout and the
worker's liveness is checked while waiting, so a crashed or hung shard raises
`ShardUnavailableError` instead of hanging the caller.
"""

import json
import multiprocessing
import os
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.context import ForkServerContext, SpawnContext
from types import TracebackType
from typing import Any, Literal, NoReturn, Protocol, Self

import numpy as np
from numpy.typing import NDArray

from limes.biometrics.errors import BiometricError
from limes.biometrics.exact_index import (
    ExactIndex,
    IndexDimensionError,
    IndexInputError,
    IndexTrainingError,
    checked_batch,
    checked_k,
    checked_labels,
    checked_vectors,
    top_k,
)
from limes.biometrics.ports import Labels, SearchResult, VectorIndex, Vectors

Header = dict[str, Any]
StartMethod = Literal["spawn", "forkserver"]
# Only plain numeric arrays cross the wire: an object dtype would let a peer write pointers.
_WIRE_DTYPES = frozenset({"<f2", "<f4", "<f8", "<i4", "<i8", "|u1"})
_POLL_SECONDS = 0.2
_PRELOAD = ["limes.biometrics.sharded_index", "limes.biometrics.faiss_index"]
_ERRORS: dict[str, type[BiometricError]] = {
    error.code: error for error in (IndexDimensionError, IndexInputError, IndexTrainingError)
}


class ShardUnavailableError(BiometricError):
    """A shard crashed, closed, or did not answer in time; the sharded index is unusable."""

    code = "biometrics.shard_unavailable"


class ShardFailedError(BiometricError):
    """A shard answered with an error it does not name with a known code."""

    code = "biometrics.shard_failed"


@dataclass(frozen=True, slots=True)
class IndexSpec:
    """What each shard builds: kind "exact" or a FaissIndex kind, with keyword parameters.

    >>> IndexSpec("binary", 128, {"rerank": 2000}).to_json()["kind"]
    'binary'
    """

    kind: str
    dimension: int
    params: Mapping[str, int | float | str] = field(default_factory=dict)

    def to_json(self) -> Header:
        return {"kind": self.kind, "dimension": self.dimension, "params": dict(self.params)}

    @classmethod
    def from_json(cls, data: Header) -> "IndexSpec":
        return cls(str(data["kind"]), int(data["dimension"]), dict(data["params"]))


def build_index(spec: IndexSpec, *, threads: int | None = None) -> VectorIndex:
    """The index `spec` names; FAISS is imported only when a FAISS kind is asked for."""
    params: dict[str, Any] = dict(spec.params)
    if spec.kind == "exact":
        return ExactIndex(spec.dimension, **params)
    from limes.biometrics.faiss_index import FaissIndex

    return FaissIndex(spec.dimension, kind=spec.kind, threads=threads, **params)


def send_message(
    connection: Connection, header: Header, arrays: Sequence[NDArray[Any]] = ()
) -> None:
    """A JSON header naming each array's dtype and shape, then each array's bytes."""
    arrays = [np.ascontiguousarray(array) for array in arrays]
    described = {**header, "arrays": [[array.dtype.str, list(array.shape)] for array in arrays]}
    connection.send_bytes(json.dumps(described).encode())
    for array in arrays:
        connection.send_bytes(array.reshape(-1).view(np.uint8).data)


def receive_message(connection: Connection) -> tuple[Header, list[NDArray[Any]]]:
    """The next header and its arrays, each read straight into a fresh NumPy buffer."""
    header: Header = json.loads(connection.recv_bytes())
    arrays = []
    for dtype, shape in header.pop("arrays"):
        if dtype not in _WIRE_DTYPES:
            raise ShardFailedError(f"refused array dtype {dtype!r} on the wire")
        array = np.empty(shape, dtype=np.dtype(dtype))
        # recv_bytes_into sizes its buffer by len(memoryview): give it a flat byte view.
        received = connection.recv_bytes_into(array.reshape(-1).view(np.uint8))
        if received != array.nbytes:
            raise ShardFailedError("array bytes do not match the header")
        arrays.append(array)
    return header, arrays


def serve_shard(connection: Connection) -> None:
    """Answer requests until "close" or end of stream (the shard's side, local or remote)."""
    index: VectorIndex | None = None
    while True:
        try:
            header, arrays = receive_message(connection)
        except EOFError:
            return
        reply: Header = {}
        payload: list[NDArray[Any]] = []
        try:
            if header["op"] == "close":
                send_message(connection, reply)
                return
            if header["op"] == "open":
                index = build_index(IndexSpec.from_json(header["spec"]), threads=1)
            elif index is None:
                raise ShardFailedError("the shard has no index yet: send 'open' first")
            else:
                reply, payload = _answer(index, header, arrays)
        except BiometricError as error:
            reply, payload = {"error": error.code, "message": error.message}, []
        except Exception as error:  # a worker must report, not die, on an unexpected failure
            reply = {"error": ShardFailedError.code, "message": f"{type(error).__name__}: {error}"}
            payload = []
        send_message(connection, reply, payload)


def _answer(
    index: VectorIndex, header: Header, arrays: list[NDArray[Any]]
) -> tuple[Header, list[NDArray[Any]]]:
    match header["op"]:
        case "add":
            index.add(arrays[0], arrays[1])
            return {}, []
        case "remove":
            return {"removed": index.remove(arrays[0])}, []
        case "search":
            result = index.search(arrays[0], int(header["k"]))
            return {}, [result.distances, result.labels]
        case "status":
            return {"size": len(index), "resident_bytes": _resident_bytes()}, []
        case other:
            raise ShardFailedError(f"unknown request {other!r}")


def _resident_bytes() -> int:
    """This process's resident memory (VmRSS in /proc/self/status, Linux), 0 where absent."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


class ShardClient(Protocol):
    """One shard as the coordinator sees it; a remote shard implements the same three calls."""

    name: str

    def send(self, header: Header, arrays: Sequence[NDArray[Any]] = ()) -> None: ...

    def receive(self, timeout_seconds: float) -> tuple[Header, list[NDArray[Any]]]: ...

    def close(self) -> None: ...


_environment_lock = threading.Lock()


@contextmanager
def _single_threaded_children() -> Iterator[None]:
    """BLAS threads off in processes started meanwhile: shards, not threads, use the cores."""
    names = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
    with _environment_lock:
        saved = {name: os.environ.get(name) for name in names}
        os.environ.update(dict.fromkeys(names, "1"))
        try:
            yield
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


class ProcessShard:
    """A shard in a local worker process, reached over a pipe."""

    def __init__(self, name: str, start_method: StartMethod = "forkserver") -> None:
        context: SpawnContext | ForkServerContext
        if start_method == "spawn":
            context = multiprocessing.get_context("spawn")
        else:
            # Workers fork from a server that has imported the index modules once instead of
            # each importing NumPy and FAISS (a 2-shard index started in 0.2-0.6 s, not 1-1.5 s).
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(_PRELOAD)
        self.name = name
        self._connection, child = context.Pipe(duplex=True)
        self._process = context.Process(target=serve_shard, args=(child,), name=name, daemon=True)
        with _single_threaded_children():
            self._process.start()
        child.close()  # so the worker's death reads as end of stream here
        self._failure: str | None = None

    @property
    def pid(self) -> int | None:
        return self._process.pid

    def send(self, header: Header, arrays: Sequence[NDArray[Any]] = ()) -> None:
        self._check_usable()
        try:
            send_message(self._connection, header, arrays)
        except OSError as error:
            self._process.join(1.0)  # a broken pipe usually means the worker has died
            if self._process.exitcode is not None:
                self._fail(f"exited with code {self._process.exitcode}")
            self._fail(f"could not be written to ({type(error).__name__})")

    def receive(self, timeout_seconds: float) -> tuple[Header, list[NDArray[Any]]]:
        self._check_usable()
        deadline = time.monotonic() + timeout_seconds
        while not self._connection.poll(min(_POLL_SECONDS, max(0.0, deadline - time.monotonic()))):
            if not self._process.is_alive():
                self._fail(f"exited with code {self._process.exitcode}")
            if time.monotonic() >= deadline:
                self._fail(f"did not answer within {timeout_seconds:g} s")
        try:
            return receive_message(self._connection)
        except (EOFError, OSError):
            self._process.join(1.0)
            self._fail(f"exited with code {self._process.exitcode}")

    def close(self) -> None:
        if self._failure is None:
            try:
                self.send({"op": "close"})
                self.receive(5.0)
            except ShardUnavailableError:
                pass
            self._failure = "closed"
        self._connection.close()
        self._process.join(5.0)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()

    def _check_usable(self) -> None:
        if self._failure is not None:
            raise ShardUnavailableError(f"shard {self.name} is unavailable: {self._failure}")

    def _fail(self, reason: str) -> NoReturn:
        self._failure = reason
        if self._process.is_alive():
            self._process.kill()  # its pipe may be mid-message: never reuse it
        raise ShardUnavailableError(f"shard {self.name} {reason}")


@dataclass(frozen=True, slots=True)
class ShardStatus:
    name: str
    size: int
    resident_bytes: int


class ShardedIndex:
    """A `VectorIndex` whose gallery is spread over shards by `label mod len(shards)`."""

    def __init__(
        self, shards: Sequence[ShardClient], spec: IndexSpec, *, timeout_seconds: float = 60.0
    ) -> None:
        self._shards = list(shards)
        self._dimension = spec.dimension
        self.timeout_seconds = timeout_seconds
        self._failure: ShardUnavailableError | None = None
        self._call(
            dict.fromkeys(range(len(self._shards)), ({"op": "open", "spec": spec.to_json()}, []))
        )

    @classmethod
    def start(
        cls,
        spec: IndexSpec,
        shards: int = 2,
        *,
        timeout_seconds: float = 60.0,
        start_method: StartMethod = "forkserver",
    ) -> Self:
        """Start `shards` local worker processes, each building the index `spec` names."""
        clients = [ProcessShard(f"shard-{number}", start_method) for number in range(shards)]
        try:
            return cls(clients, spec, timeout_seconds=timeout_seconds)
        except BaseException:
            for client in clients:
                client.close()
            raise

    @property
    def dimension(self) -> int:
        return self._dimension

    @property
    def shards(self) -> Sequence[ShardClient]:
        return tuple(self._shards)

    def __len__(self) -> int:
        return sum(int(reply["size"]) for reply, _ in self._everywhere({"op": "status"}))

    def status(self) -> list[ShardStatus]:
        """Each shard's template count and resident memory, as the shard reports them."""
        replies = self._everywhere({"op": "status"})
        return [
            ShardStatus(shard.name, int(reply["size"]), int(reply["resident_bytes"]))
            for shard, (reply, _) in zip(self._shards, replies, strict=True)
        ]

    def add(self, labels: Labels, vectors: Vectors) -> None:
        labels, vectors = checked_batch(labels, vectors, self._dimension)
        owners = labels % len(self._shards)
        requests = {}
        for shard in range(len(self._shards)):
            mine = owners == shard
            if mine.any():
                requests[shard] = ({"op": "add"}, [labels[mine], vectors[mine]])
        self._call(requests)

    def remove(self, labels: Labels) -> int:
        labels = np.unique(checked_labels(labels))
        owners = labels % len(self._shards)
        requests = {
            shard: ({"op": "remove"}, [labels[owners == shard]])
            for shard in range(len(self._shards))
            if (owners == shard).any()
        }
        return sum(int(reply["removed"]) for reply, _ in self._call(requests))

    def search(self, queries: Vectors, k: int) -> SearchResult:
        queries = checked_vectors(queries, self._dimension)
        checked_k(k)
        replies = self._everywhere({"op": "search", "k": k}, [queries])
        distances = np.hstack([arrays[0] for _, arrays in replies])
        labels = np.hstack([arrays[1] for _, arrays in replies])
        return top_k(distances, labels, k)

    def close(self) -> None:
        for shard in self._shards:
            shard.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def _everywhere(
        self, header: Header, arrays: Sequence[NDArray[Any]] = ()
    ) -> list[tuple[Header, list[NDArray[Any]]]]:
        return self._call(dict.fromkeys(range(len(self._shards)), (header, arrays)))

    def _call(
        self, requests: Mapping[int, tuple[Header, Sequence[NDArray[Any]]]]
    ) -> list[tuple[Header, list[NDArray[Any]]]]:
        """Scatter the requests, then gather every reply before raising any shard's error."""
        if self._failure is not None:
            raise ShardUnavailableError(f"sharded index unusable: {self._failure.message}")
        try:
            for shard, (header, arrays) in requests.items():
                self._shards[shard].send(header, arrays)
            replies = [self._shards[shard].receive(self.timeout_seconds) for shard in requests]
        except ShardUnavailableError as error:
            # Other shards may hold unread replies now: the index cannot be trusted again.
            self._failure = error
            raise
        for reply, _ in replies:
            if "error" in reply:
                error_type = _ERRORS.get(reply["error"], ShardFailedError)
                raise error_type(str(reply["message"]))
        return replies
