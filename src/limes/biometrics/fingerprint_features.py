"""Stage 1 of fingerprint 1:N: one fixed-length vector per minutiae record, and the shortlist.

Pure NumPy, no nbis. The vector of a record:

1. Every ordered pair of minutiae (i, j) between 15 and 250 px apart (at 500 ppi) gives
   three numbers that do not change when the finger is shifted or turned: the distance d
   and the directions of both minutiae relative to the line from i to j,
   αi = θi − φij and αj = θj − φij. This is the pair table of Bozorth3 (NISTIR 7392, NBIS
   user's guide) and the edge of SourceAFIS, here counted instead of matched.
2. A joint histogram of the pairs over 10 distance × 12 × 12 angle bins (1,440 bins); each
   pair is spread linearly over its two nearest bins on every axis, so that jitter moves
   weight gradually instead of across a hard edge. Then the square root of each bin
   (the Hellinger map), which damps bins that every finger fills.
3. PCA whitening learned on the gallery, without labels (`Whitening`): subtract the
   mean, project on the top 256 principal directions, divide each by its singular value
   (plus 5 % of the largest, so that noise directions are not blown up), and scale to unit
   length. Whitening is what makes the histograms discriminative: the raw bins are
   dominated by what all fingers of a pattern class share (H. Jégou, O. Chum, "Negative
   evidence and co-occurrences in image retrieval: the benefit of PCA and whitening",
   ECCV 2012). On the synthetic noise model it lifted the share of probes whose mate
   ranks first among 2,000 from about 50 % (centred histograms) to about 87 %.

The score of a gallery entry is the cosine of the two vectors: one matrix-vector product
scores a whole gallery.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from limes.biometrics.errors import TemplateFormatError
from limes.biometrics.minutiae import MinutiaeRecord, pixels_per_cm

Vectors = NDArray[np.float32]
FloatArray = NDArray[np.float64]
NATIVE_PX_PER_CM = pixels_per_cm(500)
_RECORDS_PER_BATCH = 32  # measured fastest: the pair arrays of 32 records stay in cache


@dataclass(frozen=True, slots=True, kw_only=True)
class PairHistogramLayout:
    """Bins of the pair histogram.

    Example: `PairHistogramLayout(angle_bins=16).dimension == 10 * 16 * 16`.
    """

    min_distance_px: float = 15.0
    max_distance_px: float = 250.0
    distance_bins: int = 10
    angle_bins: int = 12

    def __post_init__(self) -> None:
        if self.angle_bins % 2 or self.angle_bins < 2 or self.distance_bins < 1:
            raise ValueError("angle bins must be an even number; distance bins at least 1")
        if not 0 <= self.min_distance_px < self.max_distance_px:
            raise ValueError("distance range must be 0 <= min < max")

    @property
    def dimension(self) -> int:
        return self.distance_bins * self.angle_bins**2


DEFAULT_LAYOUT = PairHistogramLayout()


@dataclass(frozen=True, slots=True)
class _Padded:
    """A batch of records as padded arrays at 500 ppi: row = record, `present` = real."""

    x: NDArray[np.float32]
    y: NDArray[np.float32]
    angle: NDArray[np.float32]
    present: NDArray[np.bool_]


def _padded(records: Sequence[MinutiaeRecord]) -> _Padded:
    width = max((len(record.views[0].minutiae) for record in records), default=0)
    shape = (len(records), max(width, 1))
    x, y, angle = (np.zeros(shape, np.float32) for _ in range(3))
    present = np.zeros(shape, dtype=np.bool_)
    for row, record in enumerate(records):
        if len(record.views) != 1:
            raise TemplateFormatError("fingerprint search takes records of one finger view")
        minutiae = record.views[0].minutiae
        count = len(minutiae)
        if not count:
            continue
        scale_x = NATIVE_PX_PER_CM / record.x_resolution if record.x_resolution else 1.0
        scale_y = NATIVE_PX_PER_CM / record.y_resolution if record.y_resolution else 1.0
        x[row, :count] = [m.x * scale_x for m in minutiae]
        y[row, :count] = [m.y * scale_y for m in minutiae]
        angle[row, :count] = [m.angle for m in minutiae]
        present[row, :count] = True
    return _Padded(x, y, angle, present)


def _linear_bins(
    position: NDArray[np.float32], bins: int, *, circular: bool
) -> tuple[tuple[NDArray[np.int64], NDArray[np.float32]], ...]:
    """The two nearest bins of each position (bin k is centred on k + 0.5) and their weights."""
    centred = position - np.float32(0.5)
    if not circular:
        centred = np.clip(centred, 0.0, bins - 1)
    low = np.floor(centred)
    upper_weight = centred - low
    low_bin = low.astype(np.int64)
    high_bin = low_bin + 1
    if circular:
        low_bin %= bins
        high_bin %= bins
    else:
        np.minimum(high_bin, bins - 1, out=high_bin)
    return (low_bin, 1 - upper_weight), (high_bin, upper_weight)


def _batch_histograms(batch: _Padded, layout: PairHistogramLayout) -> FloatArray:
    # Each unordered pair once (i < j); the reversed pairs are added by symmetry below.
    first, second = np.triu_indices(batch.x.shape[1], k=1)
    dx = batch.x[:, second] - batch.x[:, first]
    dy = batch.y[:, second] - batch.y[:, first]
    squared = dx * dx + dy * dy
    valid = batch.present[:, first] & batch.present[:, second]
    valid &= (squared >= layout.min_distance_px**2) & (squared < layout.max_distance_px**2)
    record, pair = np.nonzero(valid)
    distance = np.sqrt(squared[record, pair])
    pair_dx, pair_dy = dx[record, pair], dy[record, pair]
    line = np.arctan2(-pair_dy, pair_dx) * np.float32(180 / np.pi)  # y points down
    first_angle = batch.angle[record, first[pair]] - line  # any real; binning wraps it
    second_angle = batch.angle[record, second[pair]] - line

    bins = layout.angle_bins
    span = layout.max_distance_px - layout.min_distance_px
    distance_scale = np.float32(layout.distance_bins / span)
    angle_scale = np.float32(bins / 360.0)
    distance_position = (distance - np.float32(layout.min_distance_px)) * distance_scale
    distance_bins = _linear_bins(distance_position, layout.distance_bins, circular=False)
    first_bins = _linear_bins(first_angle * angle_scale, bins, circular=True)
    second_bins = _linear_bins(second_angle * angle_scale, bins, circular=True)

    # Bin index = ((record · distance bins + d) · bins + a) · bins + b, built up axis by
    # axis over the 2 × 2 × 2 neighbouring bins, with the product of the three weights.
    base = record * layout.distance_bins
    partial = [
        (((base + d) * bins + a) * bins, d_weight * a_weight)
        for d, d_weight in distance_bins
        for a, a_weight in first_bins
    ]
    indices = [index + b for index, _ in partial for b, _ in second_bins]
    weights = [weight * b_weight for _, weight in partial for _, b_weight in second_bins]
    counts = np.asarray(
        np.bincount(
            np.concatenate(indices),
            np.concatenate(weights),
            minlength=len(batch.x) * layout.dimension,
        ),
        dtype=np.float64,
    )
    # The reversed pair (j, i) sees the line turned by 180°: it lands in bin
    # (d, αj − 180°, αi − 180°), a fixed permutation of the bins of (i, j) when the angle
    # bins are an even number (half a turn is a whole number of bins).
    forward = counts.reshape(len(batch.x), layout.distance_bins, bins, bins)
    reversed_pairs = np.roll(forward.transpose(0, 1, 3, 2), -(bins // 2), axis=(2, 3))
    both: FloatArray = (forward + reversed_pairs).reshape(len(batch.x), layout.dimension)
    return both


def pair_histograms(
    records: Sequence[MinutiaeRecord], layout: PairHistogramLayout = DEFAULT_LAYOUT
) -> Vectors:
    """The square-rooted pair histogram of each one-view record, shape (records, bins)."""
    result = np.zeros((len(records), layout.dimension), dtype=np.float32)
    # Batches of records with similar minutiae counts waste little on padding.
    sizes = [len(record.views[0].minutiae) if record.views else 0 for record in records]
    order = np.argsort(sizes, kind="stable")
    for start in range(0, len(records), _RECORDS_PER_BATCH):
        rows = order[start : start + _RECORDS_PER_BATCH]
        batch = _padded([records[row] for row in rows])
        result[rows] = np.sqrt(_batch_histograms(batch, layout))
    return result


@dataclass(frozen=True, slots=True, eq=False)
class Whitening:
    """PCA whitening of pair histograms into unit vectors, learned without labels.

    Example: `Whitening.fit(pair_histograms(gallery)).apply(pair_histograms([probe]))`.
    """

    mean: Vectors  # (bins,)
    projection: Vectors  # (bins, dimension)

    @property
    def dimension(self) -> int:
        return int(self.projection.shape[1])

    @classmethod
    def fit(
        cls, histograms: Vectors, *, dimension: int = 256, regularisation: float = 0.05
    ) -> "Whitening":
        """Learn from (a sample of) the gallery's histograms, at least two rows.

        The principal directions come from the covariance by randomised subspace iteration
        (N. Halko, P. G. Martinsson, J. A. Tropp, "Finding structure with randomness",
        SIAM Review 53(2), 2011, algorithm 4.4), seeded, so a fit is reproducible and takes
        a second or two where a full eigendecomposition of 1,440 bins took several.
        """
        if len(histograms) < 2:
            raise ValueError("whitening needs at least two histograms")
        data = histograms.astype(np.float64)
        mean = data.mean(axis=0)
        centred = data - mean
        covariance = centred.T @ centred
        if not np.any(covariance):
            # No spread to learn from (one template, or identical ones): keep the centred
            # histogram as it is. Such a gallery is small enough to be shortlisted whole.
            identity = np.eye(len(mean), min(dimension, len(mean)), dtype=np.float32)
            return cls(mean=mean.astype(np.float32), projection=identity)
        kept = min(dimension, len(data) - 1, len(mean))
        values, directions = _top_eigenvectors(covariance, kept)
        singular = np.sqrt(np.maximum(values, 0.0))
        scale = singular + regularisation * singular[0]
        projection = directions / np.where(scale > 0, scale, 1.0)
        return cls(mean=mean.astype(np.float32), projection=projection.astype(np.float32))

    def apply(self, histograms: Vectors) -> Vectors:
        """Whitened vectors of unit length, shape (rows, dimension); cosine = dot product."""
        projected = (histograms - self.mean) @ self.projection
        norms = np.linalg.norm(projected, axis=1, keepdims=True)
        unit: Vectors = (projected / np.maximum(norms, 1e-12)).astype(np.float32)
        return unit


def _top_eigenvectors(matrix: FloatArray, count: int) -> tuple[FloatArray, FloatArray]:
    """The `count` largest eigenvalues (descending) and eigenvectors of a symmetric PSD matrix.

    One power iteration on a Gaussian sketch with 32 extra columns, then Rayleigh-Ritz.
    Measured on the synthetic gallery, the retrieval it gives equals that of the exact
    eigendecomposition; a second iteration changed nothing.
    """
    size = len(matrix)
    if count >= size // 2:
        values, vectors = np.linalg.eigh(matrix)
        return values[::-1][:count], vectors[:, ::-1][:, :count]
    sketch = np.random.default_rng(0).standard_normal((size, min(size, count + 32)))
    basis = _orthonormal(matrix @ _orthonormal(matrix @ sketch))
    small_values, small_vectors = np.linalg.eigh(basis.T @ matrix @ basis)
    order = np.argsort(small_values)[::-1][:count]
    return small_values[order], basis @ small_vectors[:, order]


def _orthonormal(columns: FloatArray) -> FloatArray:
    """An orthonormal basis of the columns' span, through the eigenvectors of their Gram
    matrix (LAPACK's QR was several times slower here); near-null directions are dropped."""
    values, vectors = np.linalg.eigh(columns.T @ columns)
    kept = values > values.max() * 1e-12
    basis: FloatArray = columns @ (vectors[:, kept] / np.sqrt(values[kept]))
    return basis


@dataclass(frozen=True, slots=True)
class Shortlist:
    """Gallery rows by descending stage-1 score (ties by row), and their scores."""

    rows: NDArray[np.intp]
    scores: NDArray[np.float32]


def shortlist(probe: Vectors, gallery: Vectors, size: int) -> Shortlist:
    """The `size` gallery rows most similar to the probe vector, best first."""
    scores = gallery @ probe
    size = min(size, len(scores))
    if size <= 0:
        return Shortlist(np.empty(0, np.intp), np.empty(0, np.float32))
    top = np.argpartition(-scores, size - 1)[:size] if size < len(scores) else np.arange(size)
    order = np.lexsort((top, -scores[top]))
    rows = top[order].astype(np.intp)
    return Shortlist(rows, scores[rows].astype(np.float32))
