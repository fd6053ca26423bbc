"""Routes of the shared Biometric Matching Service: enrol, verify (1:1), identify (1:N).

Images and minutiae records travel base64-encoded in JSON bodies (up to 8 MiB); answers
carry scores, thresholds, quality and ranks, never templates or images.
"""

import base64
import binascii
from typing import Annotated, Literal

from fastapi import APIRouter, Path
from pydantic import Field

from limes.access.model import Actor
from limes.access.policy import Action
from limes.api.deps import ServicesDep, permitted, roles_note
from limes.api.errors import error_responses
from limes.api.fields import Identifier, Schema, Text
from limes.biometrics.errors import UnreadableImageError
from limes.biometrics.model import BiometricTemplate, SubjectRef, TemplateFormat
from limes.biometrics.results import Candidate, Enrolment, Identification, Verification
from limes.biometrics.service import FingerSample
from limes.interop.model import System

router = APIRouter(
    prefix="/biometrics",
    tags=["biometrics"],
    responses=error_responses(400, 401, 403, 413, 422, 503),
)

MAX_IMAGE_CHARACTERS = 11_000_000  # base64 of an 8 MiB image
Base64 = Annotated[str, Field(min_length=4, max_length=MAX_IMAGE_CHARACTERS)]
SystemName = Literal["EES", "ETIAS", "VIS", "SIS"]
FingerPosition = Annotated[int, Field(ge=0, le=10, description="ISO/IEC 19794-2: 0-10.")]
Ppi = Annotated[int, Field(ge=250, le=1000, description="Image resolution, pixels per inch.")]
Enroller = Annotated[Actor, permitted(Action.BIOMETRIC_ENROL)]
Verifier = Annotated[Actor, permitted(Action.BIOMETRIC_VERIFY)]
Searcher = Annotated[Actor, permitted(Action.BIOMETRIC_IDENTIFY)]
Eraser = Annotated[Actor, permitted(Action.BIOMETRIC_ERASE, "data_protection")]


def decode_base64(text: str, what: str = "image") -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as error:
        raise UnreadableImageError(f"the {what} is not valid base64") from error


class Subject(Schema):
    system: SystemName
    record_id: Identifier

    def to_domain(self) -> SubjectRef:
        return SubjectRef(system=System(self.system).value, record_id=self.record_id)


class FaceEnrolment(Schema):
    subject: Subject
    image: Base64 = Field(description="The facial image (JPEG or PNG), base64.")
    capture_device: Text = "unspecified"


class FingerprintEnrolment(Schema):
    subject: Subject
    image: Base64 = Field(description="The fingerprint image (PNG, TIFF, BMP, JPEG), base64.")
    ppi: Ppi = 500
    finger_position: FingerPosition
    capture_device: Text = "unspecified"


class MinutiaeImport(Schema):
    subject: Subject
    record: Base64 = Field(description="An ISO/IEC 19794-2 or ANSI/INCITS 378 record, base64.")
    format: Literal["iso-19794-2-2005", "iso-19794-2-2011", "ansi-378-2004"]
    capture_device: Text = "unspecified"


class EnrolmentRead(Schema):
    template_id: str
    system: str
    record_id: str
    modality: str
    format: str
    quality: int
    finger_position: int | None

    @classmethod
    def from_domain(cls, enrolment: Enrolment) -> "EnrolmentRead":
        return cls(
            template_id=enrolment.template_id,
            system=enrolment.subject.system,
            record_id=enrolment.subject.record_id,
            modality=enrolment.modality.value,
            format=enrolment.format,
            quality=enrolment.quality,
            finger_position=enrolment.finger_position,
        )


class FaceProbe(Schema):
    template_id: Identifier
    image: Base64


class FingerprintProbe(Schema):
    template_id: Identifier
    image: Base64
    ppi: Ppi = 500


class VerificationRead(Schema):
    template_id: str
    modality: str
    score: float = Field(description="Face: distance, lower is closer. Fingerprint: Bozorth3.")
    threshold: float
    decision: str
    threshold_id: str
    probe_quality: int
    reference_quality: int

    @classmethod
    def from_domain(cls, result: Verification) -> "VerificationRead":
        return cls(
            template_id=result.template_id,
            modality=result.modality.value,
            score=result.score,
            threshold=result.threshold,
            decision=result.decision.value,
            threshold_id=result.threshold_id,
            probe_quality=result.probe_quality,
            reference_quality=result.reference_quality,
        )


class FaceSearch(Schema):
    image: Base64
    max_candidates: Annotated[int, Field(ge=1, le=100)] = 10


class CandidateRead(Schema):
    rank: int
    system: str
    record_id: str
    template_ids: list[str]
    decision: str
    face_distance: float | None
    finger_scores: list[int]
    shortlist_rank: int | None
    fused_llr: float | None

    @classmethod
    def from_domain(cls, candidate: Candidate) -> "CandidateRead":
        return cls(
            rank=candidate.rank,
            system=candidate.subject.system,
            record_id=candidate.subject.record_id,
            template_ids=list(candidate.template_ids),
            decision=candidate.decision.value,
            face_distance=candidate.face_distance,
            finger_scores=list(candidate.finger_scores),
            shortlist_rank=candidate.shortlist_rank,
            fused_llr=candidate.fused_llr,
        )


class IdentificationRead(Schema):
    modality: str
    candidates: list[CandidateRead]
    threshold: float
    threshold_id: str
    gallery_size: int
    probe_quality: int

    @classmethod
    def from_domain(cls, result: Identification) -> "IdentificationRead":
        return cls(
            modality=result.modality,
            candidates=[CandidateRead.from_domain(c) for c in result.candidates],
            threshold=result.threshold,
            threshold_id=result.threshold_id,
            gallery_size=result.gallery_size,
            probe_quality=result.probe_quality,
        )


class TemplateRead(Schema):
    """A stored template's description; the template bytes are never sent."""

    template_id: str
    modality: str
    format: str
    model_version: str
    finger_position: int | None
    quality: int
    capture_device: str
    captured_at: str

    @classmethod
    def from_domain(cls, template: BiometricTemplate) -> "TemplateRead":
        return cls(
            template_id=template.template_id,
            modality=template.modality.value,
            format=template.format.value,
            model_version=template.model_version,
            finger_position=template.finger_position,
            quality=template.quality,
            capture_device=template.capture_device,
            captured_at=template.captured_at.isoformat(),
        )


@router.post(
    "/faces",
    status_code=201,
    summary="Enrol a facial image: quality gate, 128-d template, stored for the record",
    description=roles_note(Action.BIOMETRIC_ENROL),
)
def enrol_face(body: FaceEnrolment, services: ServicesDep, actor: Enroller) -> EnrolmentRead:
    enrolment = services.biometrics.enrol_face(
        body.subject.to_domain(), decode_base64(body.image), body.capture_device, actor
    )
    return EnrolmentRead.from_domain(enrolment)


@router.post(
    "/fingerprints",
    status_code=201,
    summary="Enrol a fingerprint image: minutiae (MINDTCT), NFIQ 2 quality gate",
    description=roles_note(Action.BIOMETRIC_ENROL),
)
def enrol_fingerprint(
    body: FingerprintEnrolment, services: ServicesDep, actor: Enroller
) -> EnrolmentRead:
    enrolment = services.biometrics.enrol_fingerprint(
        body.subject.to_domain(),
        decode_base64(body.image),
        ppi=body.ppi,
        finger_position=body.finger_position,
        capture_device=body.capture_device,
        actor=actor,
    )
    return EnrolmentRead.from_domain(enrolment)


@router.post(
    "/minutiae",
    status_code=201,
    summary="Import a standard minutiae record: one template per finger view",
    description=roles_note(Action.BIOMETRIC_ENROL),
)
def import_minutiae(
    body: MinutiaeImport, services: ServicesDep, actor: Enroller
) -> list[EnrolmentRead]:
    enrolments = services.biometrics.enrol_minutiae(
        body.subject.to_domain(),
        decode_base64(body.record, "minutiae record"),
        TemplateFormat(body.format),
        capture_device=body.capture_device,
        actor=actor,
    )
    return [EnrolmentRead.from_domain(enrolment) for enrolment in enrolments]


@router.post(
    "/faces/verify",
    responses=error_responses(404),
    summary="1:1: is this face the one stored under the template?",
    description=roles_note(Action.BIOMETRIC_VERIFY),
)
def verify_face(body: FaceProbe, services: ServicesDep, actor: Verifier) -> VerificationRead:
    result = services.biometrics.verify_face(body.template_id, decode_base64(body.image), actor)
    return VerificationRead.from_domain(result)


@router.post(
    "/fingerprints/verify",
    responses=error_responses(404),
    summary="1:1: is this finger the one stored under the template? (Bozorth3)",
    description=roles_note(Action.BIOMETRIC_VERIFY),
)
def verify_fingerprint(
    body: FingerprintProbe, services: ServicesDep, actor: Verifier
) -> VerificationRead:
    result = services.biometrics.verify_fingerprint(
        body.template_id, decode_base64(body.image), ppi=body.ppi, actor=actor
    )
    return VerificationRead.from_domain(result)


@router.post(
    "/faces/identify",
    summary="1:N: the closest faces in the gallery, ranked, with distances and decisions",
    description=roles_note(Action.BIOMETRIC_IDENTIFY),
)
def identify_face(body: FaceSearch, services: ServicesDep, actor: Searcher) -> IdentificationRead:
    result = services.biometrics.identify_face(
        decode_base64(body.image), actor, max_candidates=body.max_candidates
    )
    return IdentificationRead.from_domain(result)


class FingerprintSearch(Schema):
    image: Base64
    ppi: Ppi = 500
    finger_position: FingerPosition
    max_candidates: Annotated[int, Field(ge=1, le=100)] = 10


class FingerBody(Schema):
    image: Base64
    ppi: Ppi = 500
    finger_position: FingerPosition


class FusedSearch(Schema):
    """A face, up to four fingers (the EES takes four), or both."""

    face_image: Base64 | None = None
    fingers: Annotated[tuple[FingerBody, ...], Field(max_length=4)] = ()
    max_candidates: Annotated[int, Field(ge=1, le=100)] = 10


@router.post(
    "/fingerprints/identify",
    summary="1:N in two stages: a cheap shortlist, then Bozorth3; ranks and both stages' scores",
    description=roles_note(Action.BIOMETRIC_IDENTIFY),
)
def identify_fingerprint(
    body: FingerprintSearch, services: ServicesDep, actor: Searcher
) -> IdentificationRead:
    result = services.biometrics.identify_fingerprint(
        decode_base64(body.image),
        actor,
        ppi=body.ppi,
        finger_position=body.finger_position,
        max_candidates=body.max_candidates,
    )
    return IdentificationRead.from_domain(result)


@router.post(
    "/identify",
    summary="1:N fused: face and fingers scored together by log-likelihood ratio",
    description=roles_note(Action.BIOMETRIC_IDENTIFY),
)
def identify_fused(body: FusedSearch, services: ServicesDep, actor: Searcher) -> IdentificationRead:
    result = services.biometrics.identify_fused(
        actor,
        face_image=None if body.face_image is None else decode_base64(body.face_image),
        fingers=[
            FingerSample(
                image=decode_base64(finger.image),
                ppi=finger.ppi,
                finger_position=finger.finger_position,
            )
            for finger in body.fingers
        ],
        max_candidates=body.max_candidates,
    )
    return IdentificationRead.from_domain(result)


@router.get(
    "/records/{system}/{record_id}/templates",
    summary="The templates stored for a record (descriptions only)",
    description=roles_note(Action.BIOMETRIC_VERIFY),
)
def templates_of_record(
    system: Annotated[SystemName, Path()],
    record_id: Annotated[Identifier, Path()],
    services: ServicesDep,
    actor: Verifier,
) -> list[TemplateRead]:
    subject = SubjectRef(system=system, record_id=record_id)
    return [TemplateRead.from_domain(t) for t in services.biometrics.templates_of(subject, actor)]


class ErasureRead(Schema):
    erased: int


@router.delete(
    "/records/{system}/{record_id}/templates",
    summary="Erase every template of a record (retention end, erasure request)",
    description=roles_note(Action.BIOMETRIC_ERASE),
)
def erase_templates(
    system: Annotated[SystemName, Path()],
    record_id: Annotated[Identifier, Path()],
    services: ServicesDep,
    actor: Eraser,
) -> ErasureRead:
    subject = SubjectRef(system=system, record_id=record_id)
    return ErasureRead(erased=services.biometrics.erase_subject(subject, actor))
