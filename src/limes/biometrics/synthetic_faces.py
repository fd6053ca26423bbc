"""Synthetic face templates from a stated noise model, for 1:N throughput and recall tests.

The model (shared/reference/biometrics.md §6): an identity is
`x = normalize(A·z + σ_iso·ε)` with `z ~ N(0, I_k)`, `ε ~ N(0, I_d)` and a fixed random
`A` (d×k, entries N(0, 1/k)); a mated probe is `normalize(x + s·n)`, `n ~ N(0, I_d / d)`,
with `s` set from a cosine to the mate drawn from a quality distribution; a small share of
gallery identities are look-alikes of another identity; non-mated probes are fresh
identities.

Calibration (an assumption, stated): the project has about 100 real impostor pairs, too few
to fit a model, so the impostor cosine spread is chosen, not fitted. At 128-d an isotropic
gallery gives std 1/√128 = 0.088; the reference's face-like 512-d setting has 1.57 times
the isotropic spread (0.069 against 0.044, §4), which would be 0.14 here; and for a typical
mate (cosine 0.65) to stay ahead of the best of 10⁷ impostors (≈ 5.5 σ), as dlib's real
genuine and impostor pairs stay apart (§1.1), the std must be about 0.12 or less. We take
the low end: k = 32 (d/4, as the reference's k = 128 at 512-d) with σ_iso = 1.0 gives,
measured over 100,000 pairs (seeds 0 and 1), impostor cosine mean 0.000, std 0.123-0.124,
99.9th percentile 0.37 (checked in test_synthetic_faces).

Vectors are generated in blocks of `BLOCK_SIZE` labels, each from its own seeded stream,
so the same seed gives the same template for a label however the gallery is chunked.
"""

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from limes.biometrics.ports import Labels, Vectors

BLOCK_SIZE = 1024
# Stream keys under the seed, so gallery blocks, the model matrix and probes never share one.
_MODEL_STREAM = 0
_GALLERY_STREAM = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class FaceModel:
    """The noise model's parameters; the defaults are the calibrated 128-d setting.

    >>> faces = SyntheticFaces(FaceModel(seed=7))
    >>> faces.gallery(0, 3).shape
    (3, 128)
    """

    seed: int = 0
    dimension: int = 128
    latent_dimension: int = 32
    isotropic_noise: float = 1.0
    look_alike_share: float = 0.01
    look_alike_cosine: tuple[float, float] = (0.55, 0.70)
    mate_cosine: tuple[float, float] = (0.65, 0.80)
    tail_share: float = 0.10
    tail_cosine: tuple[float, float] = (0.30, 0.65)


@dataclass(frozen=True, slots=True)
class MatedProbes:
    """Probes of enrolled identities: `vectors[i]` is a new capture of gallery label `mates[i]`."""

    vectors: Vectors
    mates: Labels
    target_cosines: NDArray[np.float32]


def normalize(vectors: NDArray[np.float32]) -> Vectors:
    """Rows scaled to unit length, as float32."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.ascontiguousarray(vectors / norms, dtype=np.float32)


def noise_scale(cosines: NDArray[np.float32]) -> NDArray[np.float32]:
    """`s` such that normalize(x + s·n) has about this cosine to a unit x (n unit, ⟂ x)."""
    return np.sqrt(1.0 / np.square(cosines) - 1.0).astype(np.float32)


class SyntheticFaces:
    """A seeded gallery of face-like templates, readable by label range or by label."""

    def __init__(self, model: FaceModel) -> None:
        self.model = model
        rng = np.random.default_rng([model.seed, _MODEL_STREAM])
        mixing = rng.standard_normal((model.dimension, model.latent_dimension))
        self._mixing = (mixing / np.sqrt(model.latent_dimension)).astype(np.float32).T

    def identities(self, count: int, rng: np.random.Generator) -> Vectors:
        """Fresh identities drawn from `rng`: none of them is in the gallery."""
        return self._identities(count, rng)

    def gallery(self, start: int, stop: int) -> Vectors:
        """Templates of labels `start` .. `stop - 1`."""
        if not 0 <= start <= stop:
            raise ValueError("gallery range must satisfy 0 <= start <= stop")
        first, last = start // BLOCK_SIZE, (stop - 1) // BLOCK_SIZE
        parts = [self._block(block) for block in range(first, last + 1)] if stop > start else []
        if not parts:
            return np.empty((0, self.model.dimension), dtype=np.float32)
        joined = np.concatenate(parts) if len(parts) > 1 else parts[0]
        offset = first * BLOCK_SIZE
        return np.ascontiguousarray(joined[start - offset : stop - offset])

    def chunks(self, size: int, chunk_size: int) -> Iterator[tuple[Labels, Vectors]]:
        """The gallery of labels 0 .. size - 1 in chunks, never all of it in one array."""
        for start in range(0, size, chunk_size):
            stop = min(size, start + chunk_size)
            yield np.arange(start, stop, dtype=np.int64), self.gallery(start, stop)

    def templates(self, labels: Labels) -> Vectors:
        """Gallery templates of arbitrary labels (each block they fall in is generated once)."""
        result = np.empty((len(labels), self.model.dimension), dtype=np.float32)
        blocks = labels // BLOCK_SIZE
        for block in np.unique(blocks):
            rows = np.flatnonzero(blocks == block)
            result[rows] = self._block(int(block))[labels[rows] - block * BLOCK_SIZE]
        return result

    def mated_probes(self, mates: Labels, rng: np.random.Generator) -> MatedProbes:
        """One probe per mate label, its cosine to the mate drawn from the quality model."""
        model = self.model
        count = len(mates)
        in_tail = rng.random(count) < model.tail_share
        cosines = np.where(
            in_tail,
            rng.uniform(*model.tail_cosine, size=count),
            rng.uniform(*model.mate_cosine, size=count),
        ).astype(np.float32)
        noise = rng.standard_normal((count, model.dimension), dtype=np.float32)
        noise /= np.float32(np.sqrt(model.dimension))
        vectors = normalize(self.templates(mates) + noise_scale(cosines)[:, None] * noise)
        return MatedProbes(vectors=vectors, mates=mates.astype(np.int64), target_cosines=cosines)

    def _identities(self, count: int, rng: np.random.Generator) -> Vectors:
        model = self.model
        latent = rng.standard_normal((count, model.latent_dimension), dtype=np.float32)
        noise = rng.standard_normal((count, model.dimension), dtype=np.float32)
        return normalize(latent @ self._mixing + np.float32(model.isotropic_noise) * noise)

    def _block(self, block: int) -> Vectors:
        model = self.model
        rng = np.random.default_rng([model.seed, _GALLERY_STREAM, block])
        vectors = self._identities(BLOCK_SIZE, rng)
        # Look-alikes: a share of the block's labels are another identity of the same block
        # pushed towards a fresh face, to a cosine between impostor and genuine scores.
        look_alikes = np.flatnonzero(rng.random(BLOCK_SIZE) < model.look_alike_share)
        if len(look_alikes):
            shift = rng.integers(1, BLOCK_SIZE, size=len(look_alikes))
            parents = vectors[(look_alikes + shift) % BLOCK_SIZE]
            cosines = rng.uniform(*model.look_alike_cosine, size=len(look_alikes))
            pushes = self._identities(len(look_alikes), rng)
            scale = noise_scale(cosines.astype(np.float32))[:, None]
            vectors[look_alikes] = normalize(parents + scale * pushes)
        return vectors
