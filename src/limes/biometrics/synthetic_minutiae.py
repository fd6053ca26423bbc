"""Synthetic minutiae: master fingers and their impressions, from a stated noise model.

For throughput and regression tests of 1:N fingerprint search, never for accuracy claims
(reference `biometrics.md` §6: "accuracy and throughput are separate claims"). The model:

* A master finger holds 30-80 minutiae spread over an elliptical 300 × 400 px area (500 ppi),
  at least about 10 px apart. Their directions follow a smooth orientation field of the
  zero-pole kind (B. G. Sherlock, D. M. Monro, "A model for interpreting fingerprint
  topology", Pattern Recognition 26(7), 1993): a loop, a whorl or an arch. Each direction
  points one way or the other along the ridge flow at random, and types are random.
* An impression of a master drops 10-30 % of its minutiae, adds 5-20 % spurious ones (on
  the ridge flow, at random places), bends the finger with a mild smooth warp, rotates it
  by up to ±30° and shifts it by up to ±50 px, jitters positions (σ 3-5 px) and directions
  (σ 5-10°), and keeps what falls inside the capture window.

Every impression is an independent draw from the master, so two impressions of one finger
differ by about √2 times each jitter. Measured with Bozorth3 (test_synthetic_minutiae.py),
this model is harsher than FVC2002 DB1_B: mated pairs score a median of about 15 here
against 116 there (10 % reach 40), while non-mated pairs stay under about 16 (28 there).

Coordinates follow `minutiae.py`: origin top-left, y downwards, angles counter-clockwise
as seen on the image, in degrees. Fingers are made in batches of padded arrays (row = finger)
so that 10⁵ of them take seconds. Everything random comes from the `numpy.random.Generator`
passed in: the same seed and the same calls give the same fingers.
"""

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from limes.biometrics.minutiae import (
    FingerView,
    Minutia,
    MinutiaeRecord,
    MinutiaKind,
    pixels_per_cm,
)

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]
_KINDS = (MinutiaKind.RIDGE_ENDING, MinutiaKind.BIFURCATION)
LOOP, WHORL, ARCH = 0, 1, 2  # pattern classes
_THINNING_CHUNK = 256  # fingers per distance tensor: 256 × 128² float32, 17 MB


@dataclass(frozen=True, slots=True, kw_only=True)
class SyntheticFingerprintModel:
    """Every parameter of the generator; a range (low, high) is drawn from uniformly.

    Example: `SyntheticFingerprintModel(dropped_share=(0.0, 0.0))` loses no minutia.
    """

    ppi: int = 500
    minutiae_per_finger: tuple[int, int] = (30, 80)
    finger_width_px: float = 300.0  # the ellipse's axes
    finger_height_px: float = 400.0
    min_spacing_px: float = 10.0
    ridge_ending_share: float = 0.5
    # Shares of loops, whorls and arches, roughly their frequencies in the population
    # (D. Maltoni et al., Handbook of Fingerprint Recognition, 2nd ed., 2009, §5.1).
    pattern_shares: tuple[float, float, float] = (0.65, 0.30, 0.05)
    max_rotation_degrees: float = 30.0
    max_translation_px: float = 50.0
    warp_amplitude_px: float = 6.0  # largest displacement of the smooth warp
    warp_wavelength_px: tuple[float, float] = (300.0, 600.0)
    position_sigma_px: tuple[float, float] = (3.0, 5.0)
    angle_sigma_degrees: tuple[float, float] = (5.0, 10.0)
    dropped_share: tuple[float, float] = (0.10, 0.30)
    spurious_share: tuple[float, float] = (0.05, 0.20)
    window_width_px: int = 300  # the capture window an impression is cropped to
    window_height_px: int = 400
    minutia_quality: tuple[int, int] = (20, 100)


DEFAULT_MODEL = SyntheticFingerprintModel()


@dataclass(frozen=True, slots=True, eq=False)
class OrientationFields:
    """Zero-pole ridge orientation (Sherlock and Monro 1993), one field per finger (row).

    Singular points are complex offsets x + iy from the finger's centre in a y-up frame, so
    that `arg` is counter-clockwise as seen on the image; absent ones have weight 0. A loop
    has one core and one delta, a whorl two of each, an arch none but a gentle bend.
    """

    base_degrees: FloatArray  # (fingers,)
    cores: NDArray[np.complex128]  # (fingers, 2)
    core_weights: FloatArray  # (fingers, 2): 1 present, 0 absent
    deltas: NDArray[np.complex128]
    delta_weights: FloatArray
    arch_bend: FloatArray  # (fingers,): slope of an arch's ridges at their steepest
    arch_half_width_px: float = 150.0

    def orientation(self, rows: NDArray[np.intp], x: FloatArray, y: FloatArray) -> FloatArray:
        """Ridge orientation in degrees, [0, 180), at offsets (x, y down) of fingers `rows`.

        `x` and `y` have shape (len(rows), points).
        """
        z = (x - 1j * y)[:, :, None]
        radians = np.radians(self.base_degrees[rows])[:, None] + np.zeros_like(x)
        radians += 0.5 * (
            np.angle(z - self.cores[rows][:, None, :]) * self.core_weights[rows][:, None, :]
        ).sum(2)
        radians -= 0.5 * (
            np.angle(z - self.deltas[rows][:, None, :]) * self.delta_weights[rows][:, None, :]
        ).sum(2)
        bend = self.arch_bend[rows][:, None]
        radians += np.arctan(bend * np.sin(np.pi * x / self.arch_half_width_px))
        degrees: FloatArray = np.degrees(radians) % 180.0
        return degrees


@dataclass(frozen=True, slots=True, eq=False)
class MasterFingers:
    """The true minutiae of a batch of synthetic fingers: row i is finger i, padded.

    Positions are offsets from each finger's centre (y down); `present` marks real entries.
    """

    x: FloatArray  # (fingers, max minutiae)
    y: FloatArray
    angle: FloatArray  # degrees, counter-clockwise
    ridge_ending: BoolArray
    present: BoolArray
    fields: OrientationFields
    patterns: NDArray[np.int64]  # LOOP, WHORL or ARCH per finger

    def __len__(self) -> int:
        return len(self.x)

    def minutiae_counts(self) -> NDArray[np.int64]:
        counts: NDArray[np.int64] = self.present.sum(axis=1)
        return counts


def _orientation_fields(rng: np.random.Generator, patterns: NDArray[np.int64]) -> OrientationFields:
    """Random fields of the given classes, singular points jittered around typical places."""
    count = len(patterns)
    jitter = rng.normal(0.0, 15.0, size=(count, 8))
    side = rng.choice((-1.0, 1.0), size=count)  # left or right loop
    cores = np.zeros((count, 2), np.complex128)
    deltas = np.zeros((count, 2), np.complex128)
    core_weights = np.zeros((count, 2))
    delta_weights = np.zeros((count, 2))
    loop, whorl = patterns == LOOP, patterns == WHORL
    cores[:, 0] = np.where(
        whorl,
        -15 + jitter[:, 0] + 1j * (50 + jitter[:, 1]),
        jitter[:, 0] + 1j * (40 + jitter[:, 1]),
    )
    cores[:, 1] = 15 + jitter[:, 2] + 1j * (20 + jitter[:, 3])
    deltas[:, 0] = np.where(
        whorl,
        -110 + jitter[:, 4] + 1j * (-90 + jitter[:, 5]),
        side * (90 + jitter[:, 4]) + 1j * (-90 + jitter[:, 5]),
    )
    deltas[:, 1] = 110 + jitter[:, 6] + 1j * (-90 + jitter[:, 7])
    core_weights[:, 0] = delta_weights[:, 0] = loop | whorl
    core_weights[:, 1] = delta_weights[:, 1] = whorl
    return OrientationFields(
        base_degrees=rng.uniform(-15.0, 15.0, count),
        cores=cores,
        core_weights=core_weights,
        deltas=deltas,
        delta_weights=delta_weights,
        arch_bend=np.where(patterns == ARCH, rng.uniform(0.3, 0.8, count), 0.0),
    )


def _points_in_ellipse(
    rng: np.random.Generator, shape: tuple[int, int], model: SyntheticFingerprintModel
) -> tuple[FloatArray, FloatArray]:
    radius = np.sqrt(rng.random(shape))
    theta = rng.uniform(0.0, 2 * np.pi, shape)
    return (
        radius * np.cos(theta) * model.finger_width_px / 2,
        radius * np.sin(theta) * model.finger_height_px / 2,
    )


def _first_columns(selected: BoolArray, width: int) -> NDArray[np.intp]:
    """Per row, the column indices of the selected entries first (in order), `width` of them."""
    order: NDArray[np.intp] = np.argsort(~selected, axis=1, kind="stable")[:, :width]
    return order


def _spaced_points(
    rng: np.random.Generator, counts: NDArray[np.int64], model: SyntheticFingerprintModel
) -> tuple[FloatArray, FloatArray, BoolArray]:
    """Per row, `counts[row]` points in the ellipse, no two closer than the minimum spacing.

    Matérn type II thinning, vectorised: draw 1.6 times the largest count of candidates,
    give each a random mark, drop every candidate with a neighbour within the spacing that
    has a lower mark, and keep the first survivors. At 80 minutiae about 100 of 128
    candidates survive; a row that falls short (rare) is drawn again.
    """
    fingers, width = len(counts), int(counts.max(initial=0))
    candidates = (8 * width + 4) // 5
    x, y = np.zeros((fingers, width)), np.zeros((fingers, width))
    present = np.arange(width)[None, :] < counts[:, None]
    todo = np.arange(fingers)
    while len(todo):
        rows = todo[:_THINNING_CHUNK]
        cx, cy = _points_in_ellipse(rng, (len(rows), candidates), model)
        marks = rng.random(cx.shape)
        px, py = cx.astype(np.float32), cy.astype(np.float32)
        squared = (px[:, :, None] - px[:, None, :]) ** 2 + (py[:, :, None] - py[:, None, :]) ** 2
        beaten = (squared < model.min_spacing_px**2) & (marks[:, None, :] < marks[:, :, None])
        survives: BoolArray = np.logical_not(beaten.any(axis=2))
        columns = _first_columns(survives, width)
        done = survives.sum(axis=1) >= counts[rows]
        x[rows[done]] = np.take_along_axis(cx, columns, axis=1)[done]
        y[rows[done]] = np.take_along_axis(cy, columns, axis=1)[done]
        todo = np.concatenate([todo[_THINNING_CHUNK:], rows[~done]])
    return np.where(present, x, 0.0), np.where(present, y, 0.0), present


def master_fingers(
    rng: np.random.Generator, count: int, model: SyntheticFingerprintModel = DEFAULT_MODEL
) -> MasterFingers:
    """`count` new random fingers."""
    low, high = model.minutiae_per_finger
    counts = rng.integers(low, high, size=count, endpoint=True)
    patterns = rng.choice(3, size=count, p=model.pattern_shares).astype(np.int64)
    fields = _orientation_fields(rng, patterns)
    x, y, present = _spaced_points(rng, counts, model)
    flow = fields.orientation(np.arange(count), x, y)
    angle = (flow + 180.0 * rng.integers(0, 2, x.shape)) % 360.0
    return MasterFingers(
        x=x,
        y=y,
        angle=angle,
        ridge_ending=rng.random(x.shape) < model.ridge_ending_share,
        present=present,
        fields=fields,
        patterns=patterns,
    )


def _warp(
    rng: np.random.Generator, x: FloatArray, y: FloatArray, model: SyntheticFingerprintModel
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """A smooth displacement field per finger (two plane waves per axis), and its Jacobian.

    Skin is elastic: pressing and twisting a finger on a platen moves minutiae by a few
    pixels, smoothly (R. Cappelli, D. Maio, D. Maltoni, "Modelling plastic distortion in
    fingerprint images", ICAPR 2001). Waves longer than the finger keep the warp mild.
    Returns the moved x, y and the Jacobian, shape (fingers, points, 2, 2).
    """
    fingers = len(x)
    jacobian = np.zeros((*x.shape, 2, 2))
    jacobian[..., 0, 0] = jacobian[..., 1, 1] = 1.0
    moved = [x.copy(), y.copy()]
    amplitude = (rng.uniform(0.0, model.warp_amplitude_px, fingers) / 2)[:, None]
    for axis in (0, 1):
        for _ in range(2):
            wavenumber = 2 * np.pi / rng.uniform(*model.warp_wavelength_px, fingers)
            direction = rng.uniform(0.0, 2 * np.pi, fingers)
            kx = (np.cos(direction) * wavenumber)[:, None]
            ky = (np.sin(direction) * wavenumber)[:, None]
            phase = kx * x + ky * y + rng.uniform(0.0, 2 * np.pi, fingers)[:, None]
            moved[axis] += amplitude * np.sin(phase)
            slope = amplitude * np.cos(phase)
            jacobian[..., axis, 0] += slope * kx
            jacobian[..., axis, 1] += slope * ky
    return moved[0], moved[1], jacobian


def _warped_angles(angle: FloatArray, jacobian: FloatArray) -> FloatArray:
    """Directions carried through the warp: the Jacobian maps each direction vector."""
    radians = np.radians(angle)
    vx, vy = np.cos(radians), -np.sin(radians)  # image frame, y down
    wx = jacobian[..., 0, 0] * vx + jacobian[..., 0, 1] * vy
    wy = jacobian[..., 1, 0] * vx + jacobian[..., 1, 1] * vy
    degrees: FloatArray = np.degrees(np.arctan2(-wy, wx))
    return degrees


def _spurious(
    rng: np.random.Generator,
    masters: MasterFingers,
    rows: NDArray[np.intp],
    kept: NDArray[np.int64],
    model: SyntheticFingerprintModel,
) -> tuple[FloatArray, FloatArray, FloatArray, BoolArray]:
    """False minutiae on the ridge flow at random places: x, y, angle and presence."""
    counts = np.rint(rng.uniform(*model.spurious_share, len(rows)) * kept).astype(np.int64)
    width = int(counts.max(initial=0))
    x, y = _points_in_ellipse(rng, (len(rows), width), model)
    flow = masters.fields.orientation(rows, x, y)
    angle = (flow + 180.0 * rng.integers(0, 2, x.shape)) % 360.0
    return x, y, angle, np.arange(width)[None, :] < counts[:, None]


def impressions(
    masters: MasterFingers,
    rng: np.random.Generator,
    model: SyntheticFingerprintModel = DEFAULT_MODEL,
    *,
    rows: NDArray[np.intp] | None = None,
    finger_position: int = 0,
) -> list[MinutiaeRecord]:
    """One capture of each master in `rows` (all by default), as one-view minutiae records."""
    rows = np.arange(len(masters)) if rows is None else np.asarray(rows, dtype=np.intp)
    fingers = len(rows)
    present = masters.present[rows] & (
        rng.random(masters.present[rows].shape)
        >= rng.uniform(*model.dropped_share, fingers)[:, None]
    )
    extra_x, extra_y, extra_angle, extra_present = _spurious(
        rng, masters, rows, present.sum(axis=1), model
    )
    x = np.concatenate([masters.x[rows], extra_x], axis=1)
    y = np.concatenate([masters.y[rows], extra_y], axis=1)
    angle = np.concatenate([masters.angle[rows], extra_angle], axis=1)
    present = np.concatenate([present, extra_present], axis=1)
    ridge_ending = np.concatenate(
        [masters.ridge_ending[rows], rng.random(extra_x.shape) < model.ridge_ending_share], axis=1
    )

    x, y, jacobian = _warp(rng, x, y, model)
    angle = _warped_angles(angle, jacobian)

    # Rigid motion: counter-clockwise on the image by `rotation` about the finger's centre,
    # which lands at the window's centre plus a shift. With y downwards, a point offset
    # (dx, dy) goes to (dx cos r + dy sin r, -dx sin r + dy cos r).
    rotation_degrees = rng.uniform(-model.max_rotation_degrees, model.max_rotation_degrees, fingers)
    rotation = np.radians(rotation_degrees)[:, None]
    cos, sin = np.cos(rotation), np.sin(rotation)
    shift = rng.uniform(-model.max_translation_px, model.max_translation_px, (fingers, 2))
    centre_x = model.window_width_px / 2 + shift[:, :1]
    centre_y = model.window_height_px / 2 + shift[:, 1:]
    x, y = centre_x + x * cos + y * sin, centre_y - x * sin + y * cos
    angle = angle + rotation_degrees[:, None]

    position_sigma = rng.uniform(*model.position_sigma_px, fingers)[:, None]
    x = x + rng.normal(0.0, 1.0, x.shape) * position_sigma
    y = y + rng.normal(0.0, 1.0, y.shape) * position_sigma
    angle_sigma = rng.uniform(*model.angle_sigma_degrees, fingers)[:, None]
    angle = (angle + rng.normal(0.0, 1.0, angle.shape) * angle_sigma) % 360.0
    angle = np.where(angle >= 360.0, 0.0, angle)  # -1e-20 % 360.0 is 360.0 in floating point

    column, row = np.rint(x).astype(np.int64), np.rint(y).astype(np.int64)
    present &= (column >= 0) & (column < model.window_width_px)
    present &= (row >= 0) & (row < model.window_height_px)
    quality = rng.integers(*model.minutia_quality, size=x.shape, endpoint=True)
    return [
        _record(model, finger_position, *values)
        for values in zip(
            present.tolist(),
            column.tolist(),
            row.tolist(),
            angle.tolist(),
            (~ridge_ending).astype(np.int64).tolist(),
            quality.tolist(),
            strict=True,
        )
    ]


def _record(
    model: SyntheticFingerprintModel,
    finger_position: int,
    present: list[bool],
    column: list[int],
    row: list[int],
    angle: list[float],
    kind: list[int],
    quality: list[int],
) -> MinutiaeRecord:
    minutiae = tuple(
        Minutia(x=cx, y=cy, angle=ca, kind=_KINDS[ck], quality=cq)
        for keep, cx, cy, ca, ck, cq in zip(present, column, row, angle, kind, quality, strict=True)
        if keep
    )
    resolution = pixels_per_cm(model.ppi)
    return MinutiaeRecord(
        width=model.window_width_px,
        height=model.window_height_px,
        x_resolution=resolution,
        y_resolution=resolution,
        views=(FingerView(finger_position=finger_position, minutiae=minutiae),),
    )
