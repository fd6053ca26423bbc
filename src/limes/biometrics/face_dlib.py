"""DlibFaceEncoder: dlib's HOG face detector, 5-point landmarks and 128-d ResNet embedding.

The only module that imports dlib and face_recognition_models. One image goes:

    decode (images.py) -> shrink to `detection_max_side` -> HOG detector, `upsample` times
    -> boxes back in original pixels -> 5 landmarks on the original -> aligned 150×150
    chip (dlib.get_face_chip, padding 0.25, as dlib's ResNet was trained) -> quality gate
    (face_quality.py) -> 128-d descriptor of that chip.

Timings on one core of the 2-core project machine (shared/reference/biometrics.md §1.1,
and bench/biometrics_face.py): HOG 80-350 ms for up to ~1 MP at upsample 1, landmarks
1-2 ms, the descriptor ≈75 ms. dlib holds the GIL while it computes, so threads do not add
throughput: run one encoder per process.
"""

import threading
from dataclasses import dataclass
from typing import Any

import dlib
import face_recognition_models
import numpy as np
from numpy.typing import NDArray

from limes.biometrics.errors import QualityRejectedError
from limes.biometrics.face_quality import (
    DEFAULT_THRESHOLDS,
    FaceBox,
    FaceObservation,
    FaceQualityThresholds,
    assess_face,
)
from limes.biometrics.images import (
    DEFAULT_LIMITS,
    ImageLimits,
    RgbImage,
    decode_image,
    reduced_to_max_side,
)
from limes.biometrics.model import QualityIssue
from limes.biometrics.ports import FaceCapture

MODEL_VERSION = "dlib_face_recognition_resnet_model_v1"
DIMENSION = 128
# dlib's defaults for compute_face_descriptor: the chip the ResNet was trained on.
CHIP_SIZE = 150
CHIP_PADDING = 0.25


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class DetectedFace:
    """A face the detector found, with what the quality gate needs to look at it."""

    observation: FaceObservation
    detection_score: float  # the HOG SVM's margin: above `detection_threshold`, higher is surer


@dataclass(frozen=True, slots=True)
class _Models:
    detector: Any  # dlib.fhog_object_detector
    landmarks: Any  # dlib.shape_predictor
    recogniser: Any  # dlib.face_recognition_model_v1

    @classmethod
    def load(cls) -> "_Models":
        return cls(
            dlib.get_frontal_face_detector(),
            dlib.shape_predictor(
                face_recognition_models.pose_predictor_five_point_model_location()
            ),
            dlib.face_recognition_model_v1(
                face_recognition_models.face_recognition_model_location()
            ),
        )


class DlibFaceEncoder:
    """The FaceEncoder on dlib; models are loaded on first use, once, whichever thread asks.

    `upsample`: how many times HOG doubles the image; each step halves the smallest face
    found (≈80 px at 0, ≈40 px at 1) and roughly quadruples detection time.
    `num_jitters`: 0 embeds the chip once. 0 and 1 give the same descriptor; above 1 dlib
    averages that many randomly jittered copies, costs that many forward passes (10 took
    836 ms) and is no longer reproducible from one call to the next, so 0 is the default.
    `detection_max_side`: larger images are shrunk to this longer side for detection only
    (1280 px: a 2333 px photo detects ≈3× faster; the face is still found at its full
    resolution for landmarks and embedding). A face smaller than ≈40 px at the reduced
    scale is not found at all. None never shrinks.
    `detection_threshold`: dlib's adjust_threshold; 0 is dlib's own decision boundary.
    """

    def __init__(
        self,
        *,
        upsample: int = 1,
        num_jitters: int = 0,
        detection_max_side: int | None = 1280,
        detection_threshold: float = 0.0,
        thresholds: FaceQualityThresholds = DEFAULT_THRESHOLDS,
        limits: ImageLimits = DEFAULT_LIMITS,
    ) -> None:
        if upsample < 0 or num_jitters < 0:
            raise ValueError("upsample and num_jitters cannot be negative")
        if detection_max_side is not None and detection_max_side < limits.min_side:
            raise ValueError("detection_max_side is below the smallest image accepted")
        self._upsample = upsample
        self._num_jitters = num_jitters
        self._detection_max_side = detection_max_side
        self._detection_threshold = detection_threshold
        self._thresholds = thresholds
        self._limits = limits
        self._models: _Models | None = None
        self._loading = threading.Lock()
        # dlib's detector and network keep working state per object: one call at a time.
        self._computing = threading.Lock()

    @property
    def model_version(self) -> str:
        return MODEL_VERSION

    @property
    def dimension(self) -> int:
        return DIMENSION

    def load_models(self) -> None:
        """Load the models now rather than on the first capture (about a second)."""
        self._loaded()

    def capture(self, image: bytes) -> FaceCapture:
        """The one face in `image`, embedded, with its quality (see FaceEncoder.capture)."""
        faces = self.find_faces(decode_image(image, self._limits))
        if not faces:
            raise QualityRejectedError("no face was found in the image", (QualityIssue.NO_FACE,))
        if len(faces) > 1:
            raise QualityRejectedError(
                f"exactly one face is required; the image holds {len(faces)}",
                (QualityIssue.SEVERAL_FACES,),
            )
        return self._capture(faces[0], face_count=1)

    def capture_all(self, image: bytes) -> list[FaceCapture]:
        """Every face in `image`, surest detection first; an empty list when there is none.

        With more than one face each capture's issues include SEVERAL_FACES; its other
        issues and its measures are that face's own.
        """
        faces = self.find_faces(decode_image(image, self._limits))
        return [self._capture(face, face_count=len(faces)) for face in faces]

    def find_faces(self, pixels: RgbImage) -> list[DetectedFace]:
        """Detect, place landmarks and align every face in a decoded image, surest first."""
        models = self._loaded()
        height, width = pixels.shape[:2]
        reduced = reduced_to_max_side(pixels, self._detection_max_side)
        found = []
        with self._computing:
            boxes, scores, _ = models.detector.run(
                reduced.pixels, self._upsample, self._detection_threshold
            )
            for box, score in sorted(zip(boxes, scores, strict=True), key=lambda pair: -pair[1]):
                face_box = FaceBox(
                    reduced.to_original(box.left()),
                    reduced.to_original(box.top()),
                    reduced.to_original(box.right() + 1),
                    reduced.to_original(box.bottom() + 1),
                )
                region = dlib.rectangle(
                    round(face_box.left),
                    round(face_box.top),
                    round(face_box.right) - 1,
                    round(face_box.bottom) - 1,
                )
                shape = models.landmarks(pixels, region)
                chip = dlib.get_face_chip(pixels, shape, size=CHIP_SIZE, padding=CHIP_PADDING)
                observation = FaceObservation(
                    landmarks=np.array([(p.x, p.y) for p in shape.parts()], dtype=np.float64),
                    box=face_box,
                    image_width=width,
                    image_height=height,
                    chip=np.asarray(chip, dtype=np.uint8),
                )
                found.append(DetectedFace(observation=observation, detection_score=float(score)))
        return found

    def embed_chip(self, chip: NDArray[np.uint8]) -> NDArray[np.float32]:
        """The 128-d descriptor of an aligned 150×150 RGB chip, as float32."""
        models = self._loaded()
        with self._computing:
            descriptor = models.recogniser.compute_face_descriptor(
                np.ascontiguousarray(chip, dtype=np.uint8), self._num_jitters
            )
        return np.asarray(descriptor, dtype=np.float32).reshape(DIMENSION)

    def _capture(self, face: DetectedFace, *, face_count: int) -> FaceCapture:
        quality = assess_face(face.observation, face_count=face_count, thresholds=self._thresholds)
        return FaceCapture(embedding=self.embed_chip(face.observation.chip), quality=quality)

    def _loaded(self) -> _Models:
        models = self._models
        if models is None:
            with self._loading:
                if self._models is None:
                    self._models = _Models.load()
                models = self._models
        return models
