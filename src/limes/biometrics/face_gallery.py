"""The in-memory 1:N face index, kept in step with the template store.

The store is the truth; the index is rebuilt from it on first use (streamed in label
order) and updated after each committed enrolment or erasure, under a lock, so an
identify sees every enrolment committed before it (the MOSIP ABIS rule).
"""

import threading
from collections.abc import Callable, Iterable

import numpy as np

from limes.biometrics.model import BiometricTemplate, Modality, TemplateFormat
from limes.biometrics.ports import SearchResult, Templates, VectorIndex

IndexFactory = Callable[[int], VectorIndex]
_PAGE = 5_000


def embedding_of(template: BiometricTemplate) -> np.ndarray:
    return np.frombuffer(template.data, dtype="<f4").astype(np.float32)


def embedding_bytes(embedding: np.ndarray) -> bytes:
    return np.ascontiguousarray(embedding, dtype="<f4").tobytes()


class FaceGallery:
    def __init__(
        self,
        make_index: IndexFactory,
        dimension: int,
        template_format: TemplateFormat = TemplateFormat.DLIB_RESNET_128,
    ) -> None:
        self._make_index = make_index
        self._dimension = dimension
        self._format = template_format
        self._index: VectorIndex | None = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._index is not None

    def ensure_loaded(self, load_pages: Callable[[int], list[BiometricTemplate]]) -> None:
        """Build the index from the store the first time it is needed."""
        with self._lock:
            if self._index is not None:
                return
            index = self._make_index(self._dimension)
            after = 0
            while page := load_pages(after):
                self._add_to(index, page)
                after = page[-1].label
            self._index = index

    def page_loader(self, templates: Templates) -> Callable[[int], list[BiometricTemplate]]:
        return lambda after: list(templates.stream(Modality.FACE, self._format, after, _PAGE))

    def add(self, templates: Iterable[BiometricTemplate]) -> None:
        with self._lock:
            if self._index is not None:
                self._add_to(self._index, list(templates))

    def remove(self, labels: Iterable[int]) -> None:
        with self._lock:
            if self._index is not None:
                wanted = np.fromiter(labels, dtype=np.int64)
                if wanted.size:
                    self._index.remove(wanted)

    def search(self, probe: np.ndarray, k: int) -> SearchResult:
        with self._lock:
            if self._index is None:
                raise RuntimeError("the face gallery is searched before it was loaded")
            if len(self._index) == 0:
                empty = np.zeros((1, 0))
                return SearchResult(empty.astype(np.float32), empty.astype(np.int64))
            query = np.ascontiguousarray(probe.reshape(1, -1), dtype=np.float32)
            return self._index.search(query, min(k, len(self._index)))

    def __len__(self) -> int:
        with self._lock:
            return 0 if self._index is None else len(self._index)

    def _add_to(self, index: VectorIndex, page: list[BiometricTemplate]) -> None:
        faces = [t for t in page if t.format is self._format]
        if not faces:
            return
        labels = np.array([t.label for t in faces], dtype=np.int64)
        vectors = np.stack([embedding_of(t) for t in faces]).astype(np.float32)
        index.add(labels, vectors)
