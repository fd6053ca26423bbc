"""The face quality gate and the distance rule, on constructed landmarks and chips (pure).

The constructed face: eye centres 120 px apart on a horizontal line, the nose base midway
below them, its box well inside a 600×600 image and a chip with plenty of fine detail. It
passes every rule; each test then breaks exactly one and expects exactly that reason.
"""

import math

import numpy as np
import pytest

from limes.biometrics.face_distance import (
    DEFAULT_VERIFICATION_THRESHOLD,
    euclidean_distance,
    is_same_face,
)
from limes.biometrics.face_quality import (
    DEFAULT_THRESHOLDS,
    FaceBox,
    FaceObservation,
    FaceQualityThresholds,
    Landmarks,
    assess_face,
    inter_eye_distance,
    is_cut_off,
    no_face,
    sharpness,
    summary_score,
    yaw_index,
)
from limes.biometrics.model import QualityIssue

# dlib's order: image-right eye outer, inner; image-left eye outer, inner; nose base.
FRONTAL = np.array([(340.0, 200.0), (300.0, 200.0), (180.0, 200.0), (220.0, 200.0), (260.0, 280.0)])
INSIDE = FaceBox(170.0, 150.0, 350.0, 360.0)


def detailed_chip() -> np.ndarray:
    """150×150 RGB of fixed noise: far sharper than any threshold."""
    rng = np.random.default_rng(7)
    grey = rng.integers(0, 256, size=(150, 150), dtype=np.uint8)
    return np.repeat(grey[:, :, None], 3, axis=2)


def smooth_chip() -> np.ndarray:
    """150×150 RGB of a slow wave: contrast but no detail, like a badly blurred face."""
    x = np.arange(150)
    wave = 128 + 60 * np.sin(2 * np.pi * x / 150)
    grey = np.tile(wave, (150, 1)).round().astype(np.uint8)
    return np.repeat(grey[:, :, None], 3, axis=2)


def face(
    landmarks: Landmarks = FRONTAL,
    box: FaceBox = INSIDE,
    chip: np.ndarray | None = None,
) -> FaceObservation:
    return FaceObservation(
        landmarks=landmarks,
        box=box,
        image_width=600,
        image_height=600,
        chip=detailed_chip() if chip is None else chip,
    )


def rotated(landmarks: Landmarks, degrees: float, about: tuple[float, float]) -> Landmarks:
    angle = math.radians(degrees)
    rotation = np.array([[math.cos(angle), -math.sin(angle)], [math.sin(angle), math.cos(angle)]])
    centre = np.array(about)
    return np.asarray((landmarks - centre) @ rotation.T + centre, dtype=np.float64)


def test_the_constructed_face_passes_every_rule_with_full_marks() -> None:
    quality = assess_face(face())

    assert quality.issues == ()
    assert quality.acceptable
    assert quality.face_count == 1
    assert quality.inter_eye_distance == pytest.approx(120.0)
    assert quality.yaw == pytest.approx(0.0)
    assert quality.sharpness > 100 * DEFAULT_THRESHOLDS.min_sharpness
    assert quality.score == 100


def test_several_faces_alone() -> None:
    quality = assess_face(face(), face_count=3)

    assert quality.issues == (QualityIssue.SEVERAL_FACES,)
    assert quality.face_count == 3


def test_eyes_too_close_alone() -> None:
    # A quarter of the size, about the same point: 30 px between the eyes.
    small = (FRONTAL - FRONTAL[4]) / 4 + FRONTAL[4]

    quality = assess_face(face(small))

    assert quality.inter_eye_distance == pytest.approx(30.0)
    assert quality.issues == (QualityIssue.EYES_TOO_CLOSE,)


def test_not_frontal_alone() -> None:
    turned = FRONTAL.copy()
    turned[4, 0] = 320.0  # the nose base right under the image-right eye centre

    quality = assess_face(face(turned))

    assert quality.yaw == pytest.approx(1.0)
    assert quality.issues == (QualityIssue.NOT_FRONTAL,)


def test_blurred_alone() -> None:
    quality = assess_face(face(chip=smooth_chip()))

    assert quality.sharpness < DEFAULT_THRESHOLDS.min_sharpness
    assert quality.issues == (QualityIssue.BLURRED,)


def test_face_cut_off_alone() -> None:
    quality = assess_face(face(box=FaceBox(-10.0, 150.0, 170.0, 360.0)))

    assert quality.issues == (QualityIssue.FACE_CUT_OFF,)
    assert quality.score == 50


def test_no_face() -> None:
    quality = no_face()

    assert quality.issues == (QualityIssue.NO_FACE,)
    assert quality.face_count == 0
    assert quality.score == 0
    assert not quality.acceptable


def test_every_broken_rule_is_listed_in_a_fixed_order() -> None:
    small_and_turned = (FRONTAL - FRONTAL[4]) / 4 + FRONTAL[4]
    small_and_turned[4, 0] = small_and_turned[0, 0]
    box = FaceBox(-1.0, -1.0, 700.0, 700.0)

    quality = assess_face(face(small_and_turned, box, smooth_chip()), face_count=2)

    assert quality.issues == (
        QualityIssue.SEVERAL_FACES,
        QualityIssue.EYES_TOO_CLOSE,
        QualityIssue.NOT_FRONTAL,
        QualityIssue.BLURRED,
        QualityIssue.FACE_CUT_OFF,
    )


def test_a_face_count_below_one_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="face_count"):
        assess_face(face(), face_count=0)


def test_the_thresholds_themselves_pass() -> None:
    # 40 px apart exactly, nose offset to a yaw of exactly 0.4: both limits are inclusive.
    at_limit = (FRONTAL - FRONTAL[4]) / 3 + FRONTAL[4]
    at_limit[4, 0] += 0.4 * 40 / 2

    quality = assess_face(face(at_limit))

    assert quality.inter_eye_distance == pytest.approx(40.0)
    assert quality.yaw == pytest.approx(0.4)
    assert quality.issues == ()


def test_stricter_thresholds_such_as_iso_full_frontal_apply() -> None:
    iso = FaceQualityThresholds(min_inter_eye_distance=90.0)
    seventy = (FRONTAL - FRONTAL[4]) * 70 / 120 + FRONTAL[4]

    assert assess_face(face(seventy)).issues == ()
    assert assess_face(face(seventy), thresholds=iso).issues == (QualityIssue.EYES_TOO_CLOSE,)


@pytest.mark.parametrize(
    "settings",
    [
        {"min_inter_eye_distance": 0.0},
        {"min_inter_eye_distance": 130.0},
        {"max_yaw": 0.0},
        {"max_yaw": 1.5},
        {"min_sharpness": 50.0},
    ],
)
def test_inconsistent_thresholds_are_refused(settings: dict[str, float]) -> None:
    with pytest.raises(ValueError, match=r"need|scale"):
        FaceQualityThresholds(**settings)


# --- The measures -------------------------------------------------------------------------


def test_inter_eye_distance_is_between_the_midpoints_of_the_corners() -> None:
    landmarks = FRONTAL.copy()
    landmarks[0] = (350.0, 210.0)  # moving only the outer corner moves that eye's centre by half

    assert inter_eye_distance(landmarks) == pytest.approx(math.hypot(125.0, 5.0))


@pytest.mark.parametrize(("nose_x", "expected"), [(260.0, 0.0), (230.0, 0.5), (290.0, 0.5)])
def test_yaw_index_is_the_nose_offset_over_half_the_eye_distance(
    nose_x: float, expected: float
) -> None:
    landmarks = FRONTAL.copy()
    landmarks[4, 0] = nose_x

    assert yaw_index(landmarks) == pytest.approx(expected)


def test_yaw_index_is_capped_at_one_beyond_the_eyes() -> None:
    landmarks = FRONTAL.copy()
    landmarks[4, 0] = 500.0

    assert yaw_index(landmarks) == 1.0


def test_yaw_index_and_inter_eye_distance_ignore_head_roll() -> None:
    turned = FRONTAL.copy()
    turned[4, 0] = 275.0
    rolled = rotated(turned, 25.0, about=(260.0, 240.0))

    assert yaw_index(rolled) == pytest.approx(yaw_index(turned))
    assert inter_eye_distance(rolled) == pytest.approx(inter_eye_distance(turned))


def test_yaw_index_of_eyes_on_one_point_is_not_frontal() -> None:
    landmarks = np.zeros((5, 2))

    assert yaw_index(landmarks) == 1.0


def test_sharpness_of_a_checkerboard() -> None:
    # Each pixel differs from its 4 neighbours by 255: the Laplacian is ±1020, grey std
    # 127.5; scaled to a std of 50 that is ±400, so the variance is 160,000.
    grey = (np.indices((150, 150)).sum(axis=0) % 2 * 255).astype(np.uint8)

    assert sharpness(grey) == pytest.approx(160_000.0)


def test_sharpness_follows_focus_not_exposure() -> None:
    chip = detailed_chip()
    darker = (chip.astype(np.float64) * 0.5).round().astype(np.uint8)

    assert sharpness(darker) == pytest.approx(sharpness(chip), rel=0.02)


def test_sharpness_of_a_flat_chip_is_zero() -> None:
    assert sharpness(np.full((150, 150, 3), 128, dtype=np.uint8)) == 0.0


def test_sharpness_accepts_colour_and_grey_chips_alike() -> None:
    chip = detailed_chip()

    assert sharpness(chip) == pytest.approx(sharpness(chip[:, :, 0]))


@pytest.mark.parametrize(
    ("box", "cut_off"),
    [
        (FaceBox(0.0, 0.0, 600.0, 600.0), False),
        (FaceBox(-0.5, 0.0, 100.0, 100.0), True),
        (FaceBox(0.0, -3.0, 100.0, 100.0), True),
        (FaceBox(500.0, 0.0, 601.0, 100.0), True),
        (FaceBox(0.0, 500.0, 100.0, 605.0), True),
    ],
)
def test_cut_off_means_any_part_of_the_box_outside_the_image(box: FaceBox, cut_off: bool) -> None:
    assert is_cut_off(box, 600, 600) is cut_off


def test_summary_score_multiplies_resolution_pose_and_focus() -> None:
    # 60/120 resolution, pose 1 - 0.2, focus 20/40: 100 × 0.5 × 0.8 × 0.5 = 20.
    assert summary_score(inter_eye_distance=60.0, yaw=0.2, sharpness=20.0, cut_off=False) == 20
    assert summary_score(inter_eye_distance=60.0, yaw=0.2, sharpness=20.0, cut_off=True) == 10
    assert summary_score(inter_eye_distance=500.0, yaw=0.0, sharpness=1e6, cut_off=False) == 100
    assert summary_score(inter_eye_distance=500.0, yaw=1.0, sharpness=1e6, cut_off=False) == 0


# --- The distance rule ----------------------------------------------------------------------


def test_euclidean_distance() -> None:
    a = np.zeros(128, dtype=np.float32)
    b = np.zeros(128, dtype=np.float32)
    b[:4] = 0.3

    assert euclidean_distance(a, b) == pytest.approx(0.6)
    assert euclidean_distance(b, a) == euclidean_distance(a, b)
    assert euclidean_distance(a, a) == 0.0


def test_embeddings_of_different_dimensions_cannot_be_compared() -> None:
    with pytest.raises(ValueError, match="dimension"):
        euclidean_distance(np.zeros(128), np.zeros(512))


def test_the_threshold_is_dlibs_and_strict() -> None:
    assert DEFAULT_VERIFICATION_THRESHOLD == 0.6
    assert is_same_face(0.599)
    assert not is_same_face(0.6)
    assert is_same_face(0.65, threshold=0.7)
