"""The nbis-py adapter: its conventions, our writer of its template dialect, the gate.

The convention tests draw one minutia as a phase singularity in a grating of straight
ridges (K. G. Larkin, P. A. Fletcher, "A coherent framework for fingerprint analysis",
Optics Express 15(14), 2007: a minutia is a spiral phase term), so that where it is, which
way it points and whether it is an ending or a fork are known exactly. They need no
shared data.
"""

import io
import math
import pickle
import struct

import numpy as np
import pytest
from PIL import Image

from limes.biometrics.errors import TemplateFormatError, UnreadableImageError
from limes.biometrics.fingerprint_nbis import (
    Bozorth3Comparator,
    Bozorth3Gallery,
    NbisFingerprintEncoder,
    _extractor,
    _load,
    minutiae_of,
    nbis_dialect,
)
from limes.biometrics.minutiae import FingerView, Minutia, MinutiaeRecord, MinutiaKind
from limes.biometrics.model import QualityIssue
from limes.biometrics.ports import FingerprintComparator, FingerprintEncoder
from tests.biometrics.fingerprint_fixtures import DB1_B, read_image

CENTRE = (200, 180)


def singularity_image(direction_degrees: float, *, bifurcation: bool) -> bytes:
    """A 400 × 360 PNG of 10 px ridges with one minutia at CENTRE.

    Its ridge (ending) or the valley between its branches (fork) runs from CENTRE towards
    `direction_degrees`, counter-clockwise as seen on the image.
    """
    height, width = 360, 400
    y, x = np.mgrid[0:height, 0:width].astype(float)
    radians = math.radians(direction_degrees)
    along_x, along_y = math.cos(radians), -math.sin(radians)  # y points down
    along = (x - CENTRE[0]) * along_x + (y - CENTRE[1]) * along_y
    across = -(x - CENTRE[0]) * along_y + (y - CENTRE[1]) * along_x
    phase = 2 * math.pi * across / 10.0 + np.arctan2(across, along)
    ridge = np.cos(phase + (math.pi if bifurcation else 0.0)) > 0
    pixels = np.where(ridge, 40, 215).astype(np.uint8)
    pixels[np.hypot(x - width / 2, y - height / 2) > 170] = 255
    encoded = io.BytesIO()
    Image.fromarray(pixels).save(encoded, format="PNG")
    return encoded.getvalue()


def minutia_at_centre(image: bytes) -> Minutia:
    found = minutiae_of(_extractor(nfiq2=False).extract_minutiae(image))
    return min(found, key=lambda m: math.hypot(m.x - CENTRE[0], m.y - CENTRE[1]))


def angle_difference(first: float, second: float) -> float:
    return abs((first - second + 180.0) % 360.0 - 180.0)


def one_view(*minutiae: Minutia, x_resolution: int = 197) -> MinutiaeRecord:
    return MinutiaeRecord(
        width=300,
        height=400,
        x_resolution=x_resolution,
        y_resolution=x_resolution,
        views=(FingerView(finger_position=2, minutiae=minutiae),),
    )


def random_minutiae(seed: int, count: int = 40) -> tuple[Minutia, ...]:
    rng = np.random.default_rng(seed)
    kinds = (MinutiaKind.RIDGE_ENDING, MinutiaKind.BIFURCATION)
    return tuple(
        Minutia(
            x=int(rng.integers(0, 300)),
            y=int(rng.integers(0, 400)),
            angle=float(rng.integers(0, 32)) * 11.25,
            kind=kinds[int(rng.integers(0, 2))],
            quality=int(rng.integers(1, 101)),
        )
        for _ in range(count)
    )


@pytest.mark.parametrize("bifurcation", [False, True], ids=["ridge-ending", "bifurcation"])
@pytest.mark.parametrize("direction", [0.0, 33.75, 90.0, 202.5, 303.75])
def test_nbis_reports_position_y_down_and_the_direction_counter_clockwise(
    direction: float, bifurcation: bool
) -> None:
    found = minutia_at_centre(singularity_image(direction, bifurcation=bifurcation))

    assert math.hypot(found.x - CENTRE[0], found.y - CENTRE[1]) <= 4
    # A ridge ending points into its ridge, a fork between its branches; 11.25° steps.
    assert angle_difference(found.angle, direction) <= 11.25
    assert found.kind is (MinutiaKind.BIFURCATION if bifurcation else MinutiaKind.RIDGE_ENDING)


def test_the_dialect_layout_byte_by_byte() -> None:
    record = one_view(
        Minutia(x=58, y=169, angle=56.25, kind=MinutiaKind.RIDGE_ENDING, quality=100),
        Minutia(x=300, y=2, angle=359.5, kind=MinutiaKind.BIFURCATION, quality=50),
        Minutia(x=1, y=0, angle=0.0, kind=MinutiaKind.OTHER, quality=0),
    )

    written = nbis_dialect(record)

    header = b"FMR\x00 20\x00" + struct.pack(">IHHHHHBB", 44, 0, 300, 400, 0, 0, 0, 0)
    view = bytes((0, 3))
    minutiae = (
        struct.pack(">HHBB", 0x4000 | 58, 169, 40, 63)  # 56.25° = 40 × 360/256; 100 → 63/63
        + struct.pack(">HHBB", 0x8000 | 300, 2, 0, 32)  # 359.5° rounds to 256 ≡ 0
        + struct.pack(">HHBB", 1, 0, 0, 0)
    )
    assert written == header + view + minutiae


def test_nbis_reads_our_dialect_back_as_the_same_minutiae() -> None:
    record = one_view(*random_minutiae(seed=1))

    read_back = minutiae_of(_load(nbis_dialect(record)))

    expected = record.views[0].minutiae
    assert [(m.x, m.y, m.angle, m.kind) for m in read_back] == [
        (m.x, m.y, m.angle, m.kind) for m in expected
    ]
    # Quality passes through nbis's 63 levels: within one point of 100.
    assert all(abs(a.quality - b.quality) <= 1 for a, b in zip(read_back, expected, strict=True))


def test_nbis_rounds_angles_off_its_11_25_degree_steps_to_the_nearest_step() -> None:
    record = one_view(
        *(
            Minutia(x=10 * n, y=20, angle=5.0 * n, kind=MinutiaKind.BIFURCATION)
            for n in range(1, 40)
        )
    )

    read_back = minutiae_of(_load(nbis_dialect(record)))

    assert all(
        angle_difference(m.angle, 5.0 * n) <= 5.625 + 0.71 for n, m in enumerate(read_back, 1)
    )


def test_our_writer_matches_nbis_own_output_except_quality_rounding() -> None:
    extracted = _extractor(nfiq2=False).extract_minutiae(singularity_image(30.0, bifurcation=False))
    own = extracted.to_iso_19794_2_2005()
    record = one_view(*minutiae_of(extracted))
    ours = bytearray(nbis_dialect(record))

    ours[14:18] = own[14:18]  # nbis writes the image size; our record says 300 × 400
    differing = {index for index in range(len(own)) if own[index] != ours[index]}
    assert len(ours) == len(own)
    assert all(index >= 26 and (index - 26) % 6 == 5 for index in differing)  # quality only
    assert _load(bytes(ours)).compare(extracted) == extracted.compare(extracted)


def test_records_at_1000_ppi_are_scaled_to_500_ppi_for_bozorth3() -> None:
    at_500 = one_view(*random_minutiae(seed=2))
    doubled = tuple(
        Minutia(x=2 * m.x, y=2 * m.y, angle=m.angle, kind=m.kind, quality=m.quality)
        for m in at_500.views[0].minutiae
    )
    at_1000 = MinutiaeRecord(
        width=600,
        height=800,
        x_resolution=394,
        y_resolution=394,
        views=(FingerView(finger_position=2, minutiae=doubled),),
    )

    assert nbis_dialect(at_1000) == nbis_dialect(at_500)


def test_only_the_255_best_minutiae_fit_the_dialect() -> None:
    many = tuple(
        Minutia(x=n % 300, y=n // 300, angle=0.0, kind=MinutiaKind.RIDGE_ENDING, quality=n % 100)
        for n in range(300)
    )

    written = nbis_dialect(one_view(*many))

    assert written[25] == 255
    assert min(written[26 + 6 * n + 5] for n in range(255)) == round(15 * 63 / 100)


@pytest.mark.parametrize(
    "record",
    [
        pytest.param(
            MinutiaeRecord(width=1, height=1, x_resolution=197, y_resolution=197, views=()),
            id="no-view",
        ),
        pytest.param(
            MinutiaeRecord(
                width=1,
                height=1,
                x_resolution=197,
                y_resolution=197,
                views=(
                    FingerView(finger_position=1, minutiae=()),
                    FingerView(finger_position=2, minutiae=()),
                ),
            ),
            id="two-views",
        ),
        pytest.param(
            one_view(Minutia(x=-1, y=0, angle=0.0, kind=MinutiaKind.RIDGE_ENDING)),
            id="negative-x",
        ),
        pytest.param(
            one_view(Minutia(x=0, y=20_000, angle=0.0, kind=MinutiaKind.RIDGE_ENDING)),
            id="y-beyond-14-bits",
        ),
    ],
)
def test_records_the_dialect_cannot_hold_are_refused(record: MinutiaeRecord) -> None:
    with pytest.raises(TemplateFormatError):
        nbis_dialect(record)


def test_comparator_scores_a_record_against_itself_high_and_an_empty_one_zero() -> None:
    comparator = Bozorth3Comparator()
    record = one_view(*random_minutiae(seed=3))
    other = one_view(*random_minutiae(seed=4))
    empty = one_view()

    assert comparator.compare(record, record) >= 100
    assert comparator.compare(record, other) < 40
    assert comparator.compare(record, empty) == 0
    assert comparator.compare_many(record, [record, other, empty]) == [
        comparator.compare(record, record),
        comparator.compare(record, other),
        0,
    ]


def test_comparator_cache_is_bounded_and_the_comparator_pickles_without_it() -> None:
    comparator = Bozorth3Comparator(cache_size=2)
    records = [one_view(*random_minutiae(seed=seed)) for seed in range(4)]
    comparator.compare_many(records[0], records[1:])

    copy = pickle.loads(pickle.dumps(comparator))

    assert len(comparator._cache) == 2
    assert copy.compare(records[0], records[0]) == comparator.compare(records[0], records[0])


def test_a_gallery_scores_by_label_like_the_comparator() -> None:
    records = {label: one_view(*random_minutiae(seed=label)) for label in range(10, 15)}
    gallery = Bozorth3Gallery({label: nbis_dialect(r) for label, r in records.items()})
    comparator = Bozorth3Comparator()

    scores = gallery.scores(nbis_dialect(records[12]), [14, 12, 10])

    assert scores == comparator.compare_many(records[12], [records[14], records[12], records[10]])


def test_encoder_and_comparator_satisfy_the_ports() -> None:
    encoder: FingerprintEncoder = NbisFingerprintEncoder()
    comparator: FingerprintComparator = Bozorth3Comparator()

    assert encoder.model_version.startswith("nbis-mindtct+bozorth3")
    assert comparator.compare(one_view(), one_view()) == 0


def test_capture_gives_a_one_view_record_at_500_ppi_with_quality() -> None:
    capture = NbisFingerprintEncoder(min_nfiq2=0, min_minutiae=1).capture(
        singularity_image(0.0, bifurcation=True), ppi=500, finger_position=7
    )

    view = capture.record.views[0]
    assert (capture.record.width, capture.record.height) == (400, 360)
    assert (capture.record.x_resolution, view.finger_position) == (197, 7)
    assert capture.quality.minutiae == len(view.minutiae) > 0
    assert view.quality == capture.quality.nfiq2
    assert capture.quality.acceptable


def test_the_gate_flags_too_few_minutiae_and_low_nfiq2() -> None:
    strict = NbisFingerprintEncoder(min_nfiq2=101, min_minutiae=10_000)

    capture = strict.capture(singularity_image(0.0, bifurcation=True), ppi=500, finger_position=0)

    assert capture.quality.issues == (QualityIssue.TOO_FEW_MINUTIAE, QualityIssue.LOW_NFIQ2)
    assert not capture.quality.acceptable


def test_an_image_nfiq2_cannot_score_keeps_its_minutiae_and_fails_the_gate_with_0() -> None:
    # NFIQ 2 computes no score for the synthetic grating (nbis: Nfiq2ComputeFailed).
    capture = NbisFingerprintEncoder().capture(
        singularity_image(0.0, bifurcation=True), ppi=500, finger_position=0
    )

    assert capture.quality.nfiq2 == 0
    assert capture.quality.minutiae > 0
    assert capture.quality.issues == (QualityIssue.LOW_NFIQ2,)


def test_an_image_at_1000_ppi_is_halved_before_extraction() -> None:
    capture = NbisFingerprintEncoder().capture(
        singularity_image(0.0, bifurcation=True), ppi=1000, finger_position=0
    )

    assert (capture.record.width, capture.record.height) == (200, 180)


@pytest.mark.parametrize(
    ("image", "ppi"),
    [
        pytest.param(b"", 500, id="empty"),
        pytest.param(b"not an image at all", 500, id="text"),
        pytest.param(b"\x89PNG\r\n\x1a\n" + bytes(40), 500, id="broken-png"),
        pytest.param(singularity_image(0.0, bifurcation=False), 100, id="ppi-too-low"),
        pytest.param(singularity_image(0.0, bifurcation=False), 5000, id="ppi-too-high"),
    ],
)
def test_unreadable_images_are_refused_without_echoing_them(image: bytes, ppi: int) -> None:
    with pytest.raises(UnreadableImageError) as refused:
        NbisFingerprintEncoder().capture(image, ppi=ppi, finger_position=0)

    assert "PNG" not in str(refused.value)
    assert str(ppi) not in str(refused.value)


def test_a_finger_position_outside_0_to_10_is_refused() -> None:
    with pytest.raises(TemplateFormatError):
        NbisFingerprintEncoder().capture(
            singularity_image(0.0, bifurcation=False), ppi=500, finger_position=11
        )


def test_the_first_db1_b_image_passes_the_default_gate() -> None:
    capture = NbisFingerprintEncoder().capture(
        read_image(DB1_B / "102_1.tif"), ppi=500, finger_position=0
    )

    assert capture.quality.acceptable
    assert capture.quality.minutiae == 62  # measured, nbis-py 0.1.3
    assert capture.quality.nfiq2 == 66
