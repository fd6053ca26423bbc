"""The face pipeline end to end on real photos: decode, detect, gate, embed, compare.

The photos come from PyPI packages (face_samples.py): 5 of Obama, 1 each of Biden, Eileen
Collins and Tom Hanks, and a group photo of 6 strangers. That gives 10 genuine pairs and
81 impostor pairs: a smoke test of the model and the 0.6 threshold, never an error rate
(shared/reference/biometrics.md §6). The decoding tests at the end need no photo.
"""

import io
import itertools
import struct
import threading
import time
import zlib
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageEnhance, ImageFilter, ImageOps

from limes.biometrics import face_dlib
from limes.biometrics.errors import QualityRejectedError, UnreadableImageError
from limes.biometrics.face_distance import DEFAULT_VERIFICATION_THRESHOLD, euclidean_distance
from limes.biometrics.face_dlib import DlibFaceEncoder
from limes.biometrics.images import ImageLimits, decode_image, reduced_to_max_side
from limes.biometrics.model import QualityIssue
from limes.biometrics.ports import FaceCapture, FaceEncoder

OBAMA = (
    "obama.jpg",
    "obama2.jpg",
    "obama3.jpg",
    "obama_partial_face.jpg",
    "obama_partial_face2.jpg",
)
Labelled = list[tuple[str, str, FaceCapture]]  # (which face, whose, capture)


def png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def jpeg(image: Image.Image, quality: int = 90) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=quality)
    return buffer.getvalue()


def distance(first: FaceCapture, second: FaceCapture) -> float:
    return euclidean_distance(first.embedding, second.embedding)


@pytest.fixture(scope="module")
def captures(
    face_encoder: DlibFaceEncoder, face_sample_paths: dict[str, Path]
) -> dict[str, list[FaceCapture]]:
    """Every face in every photo, surest detection first; computed once for the module."""
    return {
        name: face_encoder.capture_all(path.read_bytes())
        for name, path in face_sample_paths.items()
    }


@pytest.fixture(scope="module")
def labelled(captures: dict[str, list[FaceCapture]]) -> Labelled:
    """One capture per face with the identity it belongs to."""
    faces: Labelled = [(name, "obama", captures[name][0]) for name in OBAMA]
    faces.append(("biden.jpg", "biden", captures["biden.jpg"][0]))
    # The surest detection in the astronaut photo is her face; the other is the mission
    # patch on her suit (test_hog_also_finds_the_mission_patch_in_the_astronaut_photo).
    faces.append(("astronaut.png", "collins", captures["astronaut.png"][0]))
    faces.append(("Tom_Hanks_54745.png", "hanks", captures["Tom_Hanks_54745.png"][0]))
    faces.extend(
        (f"t1.jpg face {number}", f"stranger {number}", capture)
        for number, capture in enumerate(captures["t1.jpg"])
    )
    return faces


@pytest.fixture(scope="module")
def obama(face_sample_paths: dict[str, Path]) -> Image.Image:
    return Image.open(face_sample_paths["obama.jpg"]).convert("RGB")


# --- Accuracy on real pairs ---------------------------------------------------------------


def test_each_photo_holds_the_faces_expected(captures: dict[str, list[FaceCapture]]) -> None:
    counts = {name: len(faces) for name, faces in captures.items()}

    assert counts == {
        **dict.fromkeys(OBAMA, 1),
        "biden.jpg": 1,
        "Tom_Hanks_54745.png": 1,
        "t1.jpg": 6,
        "astronaut.png": 2,  # her face and the mission patch
    }


def test_genuine_pairs_are_under_the_threshold(labelled: Labelled) -> None:
    """Passes 10 of 10 real genuine pairs (the 5 Obama photos; measured 0.235-0.428)."""
    pairs = [
        (first[0], second[0], distance(first[2], second[2]))
        for first, second in itertools.combinations(labelled, 2)
        if first[1] == second[1]
    ]
    passed = [pair for pair in pairs if pair[2] < DEFAULT_VERIFICATION_THRESHOLD]

    assert len(pairs) == 10
    assert len(passed) == len(pairs), (
        f"passes {len(passed)} of {len(pairs)} real genuine pairs; "
        f"farthest {max(pair[2] for pair in pairs):.3f}"
    )


def test_impostor_pairs_are_over_the_threshold(labelled: Labelled) -> None:
    """Passes 81 of 81 real impostor pairs across Obama, Biden, Collins, Tom Hanks and the
    6 strangers of t1.jpg (measured closest: 0.628, two of the strangers)."""
    pairs = [
        (first[0], second[0], distance(first[2], second[2]))
        for first, second in itertools.combinations(labelled, 2)
        if first[1] != second[1]
    ]
    passed = [pair for pair in pairs if pair[2] >= DEFAULT_VERIFICATION_THRESHOLD]
    closest = min(pairs, key=lambda pair: pair[2])

    assert len(pairs) == 81
    assert len(passed) == len(pairs), (
        f"passes {len(passed)} of {len(pairs)} real impostor pairs; closest {closest}"
    )


def test_the_obama_photos_that_show_the_whole_face_pass_the_gate(
    captures: dict[str, list[FaceCapture]],
) -> None:
    for name in ("obama.jpg", "obama2.jpg", "obama3.jpg"):
        assert captures[name][0].quality.issues == (), name


def test_the_partial_obama_photos_are_rejected_as_cut_off_and_still_match(
    captures: dict[str, list[FaceCapture]],
) -> None:
    """The gate rejects them, the caller decides; their embeddings are still close."""
    reference = captures["obama.jpg"][0]
    for name in ("obama_partial_face.jpg", "obama_partial_face2.jpg"):
        capture = captures[name][0]
        assert capture.quality.issues == (QualityIssue.FACE_CUT_OFF,), name
        assert distance(capture, reference) < DEFAULT_VERIFICATION_THRESHOLD


def test_genuine_pairs_among_photos_that_pass_the_gate(
    captures: dict[str, list[FaceCapture]],
) -> None:
    """Passes 3 of 3 genuine pairs of gate-passing photos."""
    passing = [captures[name][0] for name in ("obama.jpg", "obama2.jpg", "obama3.jpg")]
    distances = [distance(a, b) for a, b in itertools.combinations(passing, 2)]

    assert all(value < DEFAULT_VERIFICATION_THRESHOLD for value in distances), distances


def test_the_tom_hanks_crop_is_found_but_too_small_and_cut_off(
    captures: dict[str, list[FaceCapture]],
) -> None:
    """A 112×112 aligned crop: HOG finds the face at upsample 1, but its eyes are 36 px
    apart and its chin is outside the crop. It still takes part in the impostor pairs."""
    quality = captures["Tom_Hanks_54745.png"][0].quality

    assert quality.issues == (QualityIssue.EYES_TOO_CLOSE, QualityIssue.FACE_CUT_OFF)
    assert 30 < quality.inter_eye_distance < 40


def test_hog_also_finds_the_mission_patch_in_the_astronaut_photo(
    face_encoder: DlibFaceEncoder, face_sample_paths: dict[str, Path]
) -> None:
    """A known false detection at dlib's own threshold (score about 0.1, her face about
    1.2): capture() therefore refuses the photo as SEVERAL_FACES."""
    data = face_sample_paths["astronaut.png"].read_bytes()
    face, patch = face_encoder.find_faces(decode_image(data))

    assert face.detection_score > patch.detection_score
    assert face.observation.box.bottom < 256 < patch.observation.box.top
    with pytest.raises(QualityRejectedError) as rejected:
        face_encoder.capture(data)
    assert rejected.value.reasons == (QualityIssue.SEVERAL_FACES,)


def test_capture_gives_a_reproducible_float32_embedding(
    face_encoder: DlibFaceEncoder, face_sample_paths: dict[str, Path]
) -> None:
    data = face_sample_paths["obama2.jpg"].read_bytes()
    as_port: FaceEncoder = face_encoder  # mypy checks that it implements the port

    first = as_port.capture(data)
    second = face_encoder.capture(data)

    assert as_port.model_version == "dlib_face_recognition_resnet_model_v1"
    assert as_port.dimension == 128
    assert first.embedding.dtype == np.float32
    assert first.embedding.shape == (128,)
    assert np.array_equal(first.embedding, second.embedding)
    assert first.quality == second.quality


# --- Robustness: the same photo changed, against its original -----------------------------


def _rotate(image: Image.Image) -> Image.Image:
    return image.rotate(10, resample=Image.Resampling.BICUBIC, expand=True)


def _quarter(image: Image.Image) -> Image.Image:
    size = (image.width // 4, image.height // 4)
    return image.resize(size, Image.Resampling.LANCZOS)


CHANGES: dict[str, Callable[[Image.Image], bytes]] = {
    "JPEG quality 20": lambda image: jpeg(image, quality=20),
    "downscaled ×¼": lambda image: png(_quarter(image)),
    "rotated 10°": lambda image: png(_rotate(image)),
    "brightness ×0.5": lambda image: png(ImageEnhance.Brightness(image).enhance(0.5)),
    "brightness ×1.6": lambda image: png(ImageEnhance.Brightness(image).enhance(1.6)),
    "mirrored": lambda image: png(ImageOps.mirror(image)),
    "greyscale": lambda image: png(image.convert("L")),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_changed_photo_still_matches_its_original(
    change: str,
    face_encoder: DlibFaceEncoder,
    obama: Image.Image,
    captures: dict[str, list[FaceCapture]],
) -> None:
    """Reference figures (biometrics.md §1.1): 0.05-0.23 for these changes."""
    changed = face_encoder.capture(CHANGES[change](obama))

    value = distance(changed, captures["obama.jpg"][0])

    assert value < DEFAULT_VERIFICATION_THRESHOLD, f"{change}: {value:.3f}"


# --- The quality gate on real photos ----------------------------------------------------


def test_the_group_photo_is_refused_by_capture(
    face_encoder: DlibFaceEncoder, face_sample_paths: dict[str, Path]
) -> None:
    with pytest.raises(QualityRejectedError) as rejected:
        face_encoder.capture(face_sample_paths["t1.jpg"].read_bytes())

    assert rejected.value.reasons == (QualityIssue.SEVERAL_FACES,)
    assert rejected.value.code == "biometrics.quality_rejected"


def test_capture_all_gives_the_six_faces_of_the_group_photo(
    captures: dict[str, list[FaceCapture]],
) -> None:
    group = captures["t1.jpg"]

    assert len(group) == 6
    for capture in group:
        assert capture.quality.face_count == 6
        assert QualityIssue.SEVERAL_FACES in capture.quality.issues
        assert capture.embedding.shape == (128,)


def test_a_tiny_face_has_its_eyes_too_close(
    face_encoder: DlibFaceEncoder, obama: Image.Image
) -> None:
    """Shrunk to a fifth the eyes are ~21 px apart (40 required); it still matches."""
    tiny = obama.resize((obama.width // 5, obama.height // 5), Image.Resampling.LANCZOS)

    capture = face_encoder.capture(png(tiny))

    assert capture.quality.issues == (QualityIssue.EYES_TOO_CLOSE,)
    assert capture.quality.inter_eye_distance < 25


def test_a_blurred_face_is_blurred(face_encoder: DlibFaceEncoder, obama: Image.Image) -> None:
    capture = face_encoder.capture(png(obama.filter(ImageFilter.GaussianBlur(8))))

    assert capture.quality.issues == (QualityIssue.BLURRED,)


def test_an_image_without_a_face_is_refused(face_encoder: DlibFaceEncoder) -> None:
    blank = Image.new("RGB", (400, 300), (128, 140, 150))

    with pytest.raises(QualityRejectedError) as rejected:
        face_encoder.capture(png(blank))

    assert rejected.value.reasons == (QualityIssue.NO_FACE,)
    assert face_encoder.capture_all(png(blank)) == []


def test_bytes_that_are_not_an_image_are_unreadable(face_encoder: DlibFaceEncoder) -> None:
    with pytest.raises(UnreadableImageError) as unreadable:
        face_encoder.capture(b"%PDF-1.7 this is not a photo")

    assert unreadable.value.code == "biometrics.unreadable_image"


def test_measures_are_in_original_pixels_when_detection_runs_reduced(
    face_sample_paths: dict[str, Path], captures: dict[str, list[FaceCapture]]
) -> None:
    """obama3.jpg is 1434×2333: the default encoder detects on it at 1280 px high."""
    full_size = DlibFaceEncoder(detection_max_side=None)
    data = face_sample_paths["obama3.jpg"].read_bytes()

    unreduced = full_size.capture(data)
    reduced = captures["obama3.jpg"][0]

    assert reduced.quality.inter_eye_distance == pytest.approx(
        unreduced.quality.inter_eye_distance, rel=0.03
    )
    assert distance(reduced, unreduced) < 0.1


def test_exif_orientation_is_applied_before_detection(
    face_encoder: DlibFaceEncoder, obama: Image.Image, captures: dict[str, list[FaceCapture]]
) -> None:
    """A camera that stored the photo on its side and said so in EXIF (orientation 6)."""
    on_its_side = obama.transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to view
    buffer = io.BytesIO()
    on_its_side.save(buffer, format="JPEG", quality=95, exif=exif)

    capture = face_encoder.capture(buffer.getvalue())

    assert distance(capture, captures["obama.jpg"][0]) < 0.2


def test_models_are_loaded_once_by_concurrent_first_calls(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    loads: list[int] = []

    def slow_load() -> object:
        loads.append(1)
        time.sleep(0.05)
        return object()

    monkeypatch.setattr(face_dlib._Models, "load", staticmethod(slow_load))
    encoder = DlibFaceEncoder()
    threads = [threading.Thread(target=encoder.load_models) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(loads) == 1


# --- Decoding: no photo needed ------------------------------------------------------------


def test_decoding_gives_rgb_uint8_from_grey_and_transparent_images() -> None:
    grey = decode_image(png(Image.new("L", (64, 48), 90)))
    transparent = decode_image(png(Image.new("RGBA", (64, 48), (10, 20, 30, 0))))

    assert grey.shape == (48, 64, 3)
    assert grey.dtype == np.uint8
    assert (grey == 90).all()
    assert transparent.shape == (48, 64, 3)
    assert tuple(transparent[0, 0]) == (10, 20, 30)


def test_decoding_turns_the_image_upright_by_exif() -> None:
    image = Image.new("RGB", (80, 40), (0, 0, 0))
    image.putpixel((0, 0), (255, 255, 255))  # top-left as stored
    exif = Image.Exif()
    exif[0x0112] = 6
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", exif=exif)

    upright = decode_image(buffer.getvalue())

    assert upright.shape == (80, 40, 3)  # turned a quarter: 40 wide, 80 high
    assert upright[0, -1].min() > 200  # the stored top-left is now top-right


@pytest.mark.parametrize(
    "data",
    [b"", b"not an image", b"\x89PNG\r\n\x1a\n truncated", b"GIF89a" + b"\x00" * 64],
    ids=["empty", "text", "truncated PNG", "GIF is not accepted"],
)
def test_non_images_are_unreadable(data: bytes) -> None:
    with pytest.raises(UnreadableImageError, match="not a readable"):
        decode_image(data)


def test_a_truncated_jpeg_is_unreadable() -> None:
    data = jpeg(Image.new("RGB", (200, 200), (200, 100, 50)))

    with pytest.raises(UnreadableImageError):
        decode_image(data[: len(data) // 2])


def test_a_tiff_is_not_accepted() -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64)).save(buffer, format="TIFF")

    with pytest.raises(UnreadableImageError):
        decode_image(buffer.getvalue())


def _png_header_only(width: int, height: int) -> bytes:
    """A PNG that declares `width`×`height` greyscale but carries almost no data."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 16))
        + chunk(b"IEND", b"")
    )


def test_a_decompression_bomb_is_refused_before_decoding() -> None:
    """900 MP declared: Pillow's own guard refuses it; nothing is allocated."""
    with pytest.raises(UnreadableImageError, match="more pixels than allowed"):
        decode_image(_png_header_only(30_000, 30_000))


def test_an_image_over_the_pixel_limit_is_refused_before_decoding() -> None:
    """50 MP declared: under Pillow's guard (89 MP) but over ours (40 MP)."""
    with pytest.raises(UnreadableImageError, match="more than 40,000,000 pixels"):
        decode_image(_png_header_only(10_000, 5_000))


def test_an_image_too_small_for_a_face_is_refused() -> None:
    with pytest.raises(UnreadableImageError, match="smaller than 40 pixels"):
        decode_image(png(Image.new("RGB", (300, 39))))


def test_limits_can_be_set() -> None:
    small_limits = ImageLimits(max_pixels=10_000, min_side=10)

    assert decode_image(png(Image.new("RGB", (100, 100))), small_limits).shape == (100, 100, 3)
    with pytest.raises(UnreadableImageError):
        decode_image(png(Image.new("RGB", (101, 100))), small_limits)


def test_reduction_for_detection_records_its_scale() -> None:
    image = np.zeros((2000, 1000, 3), dtype=np.uint8)

    reduced = reduced_to_max_side(image, 500)
    untouched = reduced_to_max_side(image, 2000)

    assert reduced.pixels.shape == (500, 250, 3)
    assert reduced.scale == pytest.approx(4.0)
    assert reduced.to_original(100.0) == pytest.approx(400.0)
    assert untouched.pixels is image
    assert untouched.scale == 1.0
    assert reduced_to_max_side(image, None).scale == 1.0
