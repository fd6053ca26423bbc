"""Biometric templates as the sBMS stores them, and what a capture tells us about quality."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Modality(StrEnum):
    FACE = "face"
    FINGERPRINT = "fingerprint"


class TemplateFormat(StrEnum):
    """How a template's bytes are laid out; a face template also names its model."""

    DLIB_RESNET_128 = "dlib-resnet-128"  # 128 float32, little-endian (dlib model v1)
    FLOAT32_VECTOR = "float32-vector"  # synthetic or imported vectors of any dimension
    ISO_19794_2_2005 = "iso-19794-2-2005"
    ISO_19794_2_2011 = "iso-19794-2-2011"
    ANSI_378_2004 = "ansi-378-2004"


class QualityIssue(StrEnum):
    """Why a sample failed the quality gate; each is a stated rule, see docs/biometrics.md."""

    NO_FACE = "no_face"
    SEVERAL_FACES = "several_faces"
    EYES_TOO_CLOSE = "eyes_too_close"  # inter-eye distance below the minimum, in pixels
    NOT_FRONTAL = "not_frontal"
    BLURRED = "blurred"
    FACE_CUT_OFF = "face_cut_off"
    TOO_FEW_MINUTIAE = "too_few_minutiae"
    LOW_NFIQ2 = "low_nfiq2"


@dataclass(frozen=True, slots=True, kw_only=True)
class FaceQuality:
    """What the quality gate measured on the chosen face (see `face_quality.py`)."""

    face_count: int
    inter_eye_distance: float  # pixels in the submitted image
    yaw: float  # 0 = frontal; asymmetry of the eyes about the nose, in [0, 1]
    sharpness: float  # variance of the Laplacian on the aligned face chip
    score: int  # 0-100, a summary for storage and ranking; the issues decide
    issues: tuple[QualityIssue, ...]

    @property
    def acceptable(self) -> bool:
        return not self.issues


@dataclass(frozen=True, slots=True, kw_only=True)
class FingerprintQuality:
    nfiq2: int  # NFIQ 2 score, 0-100
    minutiae: int
    issues: tuple[QualityIssue, ...]

    @property
    def acceptable(self) -> bool:
        return not self.issues


@dataclass(frozen=True, slots=True, kw_only=True)
class SubjectRef:
    """The record a template belongs to: which system and which record in it."""

    system: str  # "EES", "ETIAS", "VIS", "SIS", ...
    record_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class BiometricTemplate:
    """One stored template: the data, how it was made, and how good the sample was."""

    template_id: str
    label: int  # the dense integer key the 1:N indexes use
    subject: SubjectRef
    modality: Modality
    format: TemplateFormat
    model_version: str  # e.g. "dlib_face_recognition_resnet_model_v1", "nbis-mindtct-5.0"
    finger_position: int | None  # 1-10 for fingerprints (ISO/IEC 19794-2), None for a face
    quality: int  # 0-100: face score or NFIQ 2
    capture_device: str
    captured_at: datetime
    enrolled_at: datetime
    data: bytes
