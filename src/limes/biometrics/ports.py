"""What the biometric service needs: encoders, a comparator, 1:N indexes and a template store.

`VectorIndex` is the one 1:N face search interface. `exact_index.ExactIndex` (NumPy brute
force) is the reference every approximate index is measured against;
`faiss_index.FaissIndex` is the production one; `sharded_index.ShardedIndex` spreads
either over worker processes. Distances are squared Euclidean (L2²), smallest first.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from numpy.typing import NDArray

from limes.biometrics.minutiae import MinutiaeRecord
from limes.biometrics.model import (
    BiometricTemplate,
    FaceQuality,
    FingerprintQuality,
    Modality,
    SubjectRef,
    TemplateFormat,
)
from limes.core.transaction import Transaction
from limes.ees.ports import AuditLog

Vectors = NDArray[np.float32]  # shape (n, dimension), C-contiguous
Labels = NDArray[np.int64]  # shape (n,)


@dataclass(frozen=True, slots=True)
class SearchResult:
    """Top-k per query: `distances[i, j]` is L2² to `labels[i, j]`; label -1 pads short rows."""

    distances: NDArray[np.float32]  # shape (queries, k), ascending per row
    labels: NDArray[np.int64]  # shape (queries, k)


class VectorIndex(Protocol):
    @property
    def dimension(self) -> int: ...

    def add(self, labels: Labels, vectors: Vectors) -> None:
        """Insert vectors under their labels; a label already present is replaced."""

    def remove(self, labels: Labels) -> int:
        """Remove these labels; returns how many were present."""

    def search(self, queries: Vectors, k: int) -> SearchResult: ...

    def __len__(self) -> int: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class FaceCapture:
    """A face found in an image: its embedding and what the quality gate measured."""

    embedding: NDArray[np.float32]  # shape (dimension,)
    quality: FaceQuality


class FaceEncoder(Protocol):
    @property
    def model_version(self) -> str: ...

    @property
    def dimension(self) -> int: ...

    def capture(self, image: bytes) -> FaceCapture:
        """Decode, detect, check quality and embed the one face in `image`.

        Raises UnreadableImageError for bytes that are not an image, and returns a capture
        whose `quality.issues` is non-empty when the gate fails (the caller decides).
        With no face or several faces there is no embedding to give: QualityRejectedError.
        """


@dataclass(frozen=True, slots=True, kw_only=True)
class FingerprintCapture:
    record: MinutiaeRecord  # one view
    quality: FingerprintQuality


class FingerprintEncoder(Protocol):
    @property
    def model_version(self) -> str: ...

    def capture(self, image: bytes, *, ppi: int, finger_position: int) -> FingerprintCapture: ...


class FingerprintComparator(Protocol):
    def compare(self, probe: MinutiaeRecord, reference: MinutiaeRecord) -> int:
        """Bozorth3 score: higher is more similar; about 40 is the customary threshold."""

    def compare_many(
        self, probe: MinutiaeRecord, references: Sequence[MinutiaeRecord]
    ) -> list[int]: ...


class Templates(Protocol):
    """The sBMS template store. Repositories never commit; the unit of work does."""

    def add(self, template: BiometricTemplate) -> BiometricTemplate:
        """Insert; returns the template with its `label` assigned (the one passed is ignored).

        Raises DuplicateTemplateError when `template_id` is taken.
        """

    def get(self, template_id: str) -> BiometricTemplate | None: ...

    def for_subject(self, subject: SubjectRef) -> Sequence[BiometricTemplate]: ...

    def by_labels(self, labels: Sequence[int]) -> Sequence[BiometricTemplate]:
        """The templates with these labels, in no particular order; unknown labels skipped."""

    def stream(
        self, modality: Modality, format: TemplateFormat, after_label: int, limit: int
    ) -> Sequence[BiometricTemplate]:
        """A page of one modality and format in label order, for (re)building an index."""

    def erase_subject(self, subject: SubjectRef) -> Sequence[int]:
        """Erase every template of the record; returns their labels (to drop from indexes)."""

    def count(self, modality: Modality) -> int: ...


class BiometricUnitOfWork(Transaction, Protocol):
    """The templates and the audit log in one transaction (the store's units of work)."""

    biometric_templates: Templates
    audit_log: AuditLog
