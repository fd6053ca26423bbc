"""`BiometricService`: the shared Biometric Matching Service's use cases.

enrol (face image, fingerprint image or minutiae template) -> a stored template;
verify (1:1) -> score, threshold, decision; identify (1:N) -> ranked candidates.
Every call is access-checked and audit-logged (who, when, what, why); the audit entry
names the template or record, never biometric data.
"""

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

import numpy as np

from limes.access.model import Actor
from limes.access.policy import Action, require
from limes.audit.recorder import record_event
from limes.biometrics.candidates import face_candidates, fingerprint_candidates, fused_candidate
from limes.biometrics.errors import (
    ModalityMismatchError,
    QualityRejectedError,
    TemplateNotFoundError,
)
from limes.biometrics.face_distance import euclidean_distance
from limes.biometrics.face_gallery import FaceGallery, embedding_bytes, embedding_of
from limes.biometrics.fingerprint_gallery import FingerprintGalleryHolder, all_fingerprints
from limes.biometrics.matching import (
    Decision,
    Thresholds,
    face_decision,
    finger_decision,
)
from limes.biometrics.minutiae import MinutiaeRecord
from limes.biometrics.minutiae_codecs import decode as decode_minutiae
from limes.biometrics.minutiae_codecs import encode as encode_minutiae
from limes.biometrics.model import (
    BiometricTemplate,
    FaceQuality,
    Modality,
    SubjectRef,
    TemplateFormat,
)
from limes.biometrics.ports import (
    BiometricUnitOfWork,
    FaceEncoder,
    FingerprintComparator,
    FingerprintEncoder,
)
from limes.biometrics.results import Candidate, Enrolment, Identification, Verification
from limes.core.time import Clock

STORED_FINGER_FORMAT = TemplateFormat.ISO_19794_2_2005


@dataclass(frozen=True, slots=True, kw_only=True)
class FingerSample:
    """One finger of a probe: the image, its resolution and the ISO finger position."""

    image: bytes
    ppi: int
    finger_position: int


def _issues_message(what: str, reasons: tuple[str, ...]) -> str:
    return f"the {what} failed the quality gate: " + ", ".join(reasons)


class BiometricService:
    def __init__(
        self,
        unit_of_work: Callable[[], BiometricUnitOfWork],
        clock: Clock,
        *,
        face_encoder: FaceEncoder,
        fingerprint_encoder: FingerprintEncoder,
        comparator: FingerprintComparator,
        face_gallery: FaceGallery,
        thresholds: Thresholds,
        fingerprint_gallery: FingerprintGalleryHolder | None = None,
    ) -> None:
        self._uow = unit_of_work
        self._clock = clock
        self._faces = face_encoder
        self._fingers = fingerprint_encoder
        self._comparator = comparator
        self._gallery = face_gallery
        self._fingerprints = fingerprint_gallery or FingerprintGalleryHolder()
        self.thresholds = thresholds
        self._observers: list[Callable[[SubjectRef, Actor], None]] = []

    def observe_enrolments(self, observer: Callable[[SubjectRef, Actor], None]) -> None:
        """Call `observer(subject, actor)` after each committed enrolment (the MID's cue)."""
        self._observers.append(observer)

    # -- enrolment ---------------------------------------------------------------------

    def enrol_face(
        self, subject: SubjectRef, image: bytes, capture_device: str, actor: Actor
    ) -> Enrolment:
        require(actor, Action.BIOMETRIC_ENROL)
        capture = self._faces.capture(image)
        if not capture.quality.acceptable:
            reasons = tuple(issue.value for issue in capture.quality.issues)
            raise QualityRejectedError(_issues_message("facial image", reasons), reasons)
        template = self._new_template(
            subject,
            Modality.FACE,
            TemplateFormat.DLIB_RESNET_128,
            self._faces.model_version,
            None,
            capture.quality.score,
            capture_device,
            embedding_bytes(capture.embedding),
        )
        return self._store(template, actor)

    def enrol_face_template(
        self,
        subject: SubjectRef,
        embedding: np.ndarray,
        *,
        quality: int,
        model_version: str,
        capture_device: str,
        actor: Actor,
    ) -> Enrolment:
        """Enrol a template computed elsewhere (a migration, another sBMS, a benchmark).

        It must come from the face model in use: a template of another model is not
        comparable with the gallery, so the dimension is checked and the model recorded.
        """
        require(actor, Action.BIOMETRIC_ENROL)
        vector = np.asarray(embedding, dtype=np.float32).reshape(-1)
        if vector.shape[0] != self._faces.dimension or not np.all(np.isfinite(vector)):
            raise ModalityMismatchError(
                f"a face template here has {self._faces.dimension} finite values"
            )
        template = self._new_template(
            subject,
            Modality.FACE,
            TemplateFormat.DLIB_RESNET_128,
            model_version,
            None,
            quality,
            capture_device,
            embedding_bytes(vector),
        )
        return self._store(template, actor)

    def enrol_fingerprint(
        self,
        subject: SubjectRef,
        image: bytes,
        *,
        ppi: int,
        finger_position: int,
        capture_device: str,
        actor: Actor,
    ) -> Enrolment:
        require(actor, Action.BIOMETRIC_ENROL)
        capture = self._fingers.capture(image, ppi=ppi, finger_position=finger_position)
        if not capture.quality.acceptable:
            reasons = tuple(issue.value for issue in capture.quality.issues)
            raise QualityRejectedError(_issues_message("fingerprint", reasons), reasons)
        template = self._new_template(
            subject,
            Modality.FINGERPRINT,
            STORED_FINGER_FORMAT,
            self._fingers.model_version,
            finger_position,
            capture.quality.nfiq2,
            capture_device,
            encode_minutiae(capture.record, STORED_FINGER_FORMAT),
        )
        return self._store(template, actor)

    def enrol_minutiae(
        self,
        subject: SubjectRef,
        record: bytes,
        template_format: TemplateFormat,
        *,
        capture_device: str,
        actor: Actor,
    ) -> list[Enrolment]:
        """Import a standard minutiae record: one stored template per finger view."""
        require(actor, Action.BIOMETRIC_ENROL)
        decoded = decode_minutiae(record, template_format)
        enrolments = []
        for view in decoded.views:
            single = replace(decoded, views=(view,))
            template = self._new_template(
                subject,
                Modality.FINGERPRINT,
                STORED_FINGER_FORMAT,
                f"imported:{template_format.value}",
                view.finger_position,
                view.quality,
                capture_device,
                encode_minutiae(single, STORED_FINGER_FORMAT),
            )
            enrolments.append(self._store(template, actor))
        return enrolments

    # -- verification (1:1) ------------------------------------------------------------

    def verify_face(self, template_id: str, image: bytes, actor: Actor) -> Verification:
        require(actor, Action.BIOMETRIC_VERIFY)
        reference = self._reference(template_id, Modality.FACE, actor, "verify")
        capture = self._faces.capture(image)
        distance = euclidean_distance(capture.embedding, embedding_of(reference))
        return Verification(
            template_id=template_id,
            modality=Modality.FACE,
            score=round(distance, 4),
            threshold=self.thresholds.face_distance,
            decision=face_decision(distance, self.thresholds),
            threshold_id=self.thresholds.threshold_id,
            probe_quality=capture.quality.score,
            reference_quality=reference.quality,
        )

    def verify_fingerprint(
        self, template_id: str, image: bytes, *, ppi: int, actor: Actor
    ) -> Verification:
        require(actor, Action.BIOMETRIC_VERIFY)
        reference = self._reference(template_id, Modality.FINGERPRINT, actor, "verify")
        position = reference.finger_position or 0
        capture = self._fingers.capture(image, ppi=ppi, finger_position=position)
        stored = decode_minutiae(reference.data, reference.format)
        score = self._comparator.compare(capture.record, stored)
        return Verification(
            template_id=template_id,
            modality=Modality.FINGERPRINT,
            score=float(score),
            threshold=float(self.thresholds.fingerprint_score),
            decision=finger_decision(score, self.thresholds),
            threshold_id=self.thresholds.threshold_id,
            probe_quality=capture.quality.nfiq2,
            reference_quality=reference.quality,
        )

    def face_distance(self, a: BiometricTemplate, b: BiometricTemplate) -> float:
        """1:1 between two stored face templates (the MID's check of a biographic link)."""
        if a.format is not b.format:
            raise ModalityMismatchError("the two face templates come from different models")
        return euclidean_distance(embedding_of(a), embedding_of(b))

    # -- identification (1:N) ----------------------------------------------------------

    def identify_face(
        self,
        image: bytes,
        actor: Actor,
        *,
        max_candidates: int = 10,
        exclude: SubjectRef | None = None,
    ) -> Identification:
        require(actor, Action.BIOMETRIC_IDENTIFY)
        capture = self._faces.capture(image)
        return self.identify_face_embedding(
            capture.embedding, capture.quality, actor, max_candidates, exclude
        )

    def identify_face_embedding(
        self,
        embedding: np.ndarray,
        quality: FaceQuality | int,
        actor: Actor,
        max_candidates: int,
        exclude: SubjectRef | None,
    ) -> Identification:
        require(actor, Action.BIOMETRIC_IDENTIFY)
        self._load_gallery()
        extra = 8 if exclude is not None else 0
        found = self._gallery.search(embedding, max_candidates + extra)
        labels = [int(label) for label in found.labels[0] if label >= 0]
        with self._uow() as uow:
            templates = {t.label: t for t in uow.biometric_templates.by_labels(labels)}
            record_event(uow.audit_log, actor, "biometrics.identify", "face", self._now())
            uow.commit()
        candidates = face_candidates(
            found, templates, self.thresholds, max_candidates=max_candidates, exclude=exclude
        )
        score = quality.score if isinstance(quality, FaceQuality) else quality
        return Identification(
            modality="face",
            candidates=candidates,
            threshold=self.thresholds.face_distance,
            threshold_id=self.thresholds.threshold_id,
            gallery_size=len(self._gallery),
            probe_quality=score,
        )

    def identify_fingerprint(
        self,
        image: bytes,
        actor: Actor,
        *,
        ppi: int,
        finger_position: int,
        max_candidates: int = 10,
    ) -> Identification:
        """1:N in two stages: pair-histogram shortlist, then Bozorth3 on the shortlist."""
        require(actor, Action.BIOMETRIC_IDENTIFY)
        capture = self._fingers.capture(image, ppi=ppi, finger_position=finger_position)
        return self.identify_minutiae(
            capture.record, capture.quality.nfiq2, actor, max_candidates, exclude=None
        )

    def identify_minutiae(
        self,
        probe: MinutiaeRecord,
        quality: int,
        actor: Actor,
        max_candidates: int,
        *,
        exclude: SubjectRef | None,
    ) -> Identification:
        """1:N for a minutiae record already extracted (a stored template, an import)."""
        require(actor, Action.BIOMETRIC_IDENTIFY)
        extra = 4 if exclude is not None else 0
        found = self._fingerprints.identify(self._load_fingerprints, probe, max_candidates + extra)
        candidates: tuple[Candidate, ...] = ()
        if found is not None:
            with self._uow() as uow:
                labels = [c.label for c in found.candidates]
                by_label = {t.label: t for t in uow.biometric_templates.by_labels(labels)}
                record_event(
                    uow.audit_log, actor, "biometrics.identify", "fingerprint", self._now()
                )
                uow.commit()
            ranked = fingerprint_candidates(found, by_label, self.thresholds)
            kept = [c for c in ranked if c.subject != exclude][:max_candidates]
            candidates = tuple(replace(c, rank=rank) for rank, c in enumerate(kept, 1))
        return Identification(
            modality="fingerprint",
            candidates=candidates,
            threshold=float(self.thresholds.fingerprint_score),
            threshold_id=self.thresholds.threshold_id,
            gallery_size=self._fingerprints.size(),
            probe_quality=quality,
        )

    def identify_fused(
        self,
        actor: Actor,
        *,
        face_image: bytes | None,
        fingers: Sequence[FingerSample],
        max_candidates: int = 10,
    ) -> Identification:
        """Face and fingers together: every candidate either modality finds is scored on
        every modality the probe and the candidate both have, and ranked by fused LLR."""
        require(actor, Action.BIOMETRIC_IDENTIFY)
        if face_image is None and not fingers:
            raise ModalityMismatchError("a fused search needs a face or at least one finger")
        wide = max_candidates * 3
        subjects: dict[SubjectRef, None] = {}
        embedding = None
        qualities: list[int] = []
        if face_image is not None:
            face = self._faces.capture(face_image)
            embedding = face.embedding
            qualities.append(face.quality.score)
            found = self.identify_face_embedding(embedding, face.quality, actor, wide, None)
            subjects.update((c.subject, None) for c in found.candidates)
        probes: list[tuple[int, MinutiaeRecord]] = []
        for sample in fingers:
            capture = self._fingers.capture(
                sample.image, ppi=sample.ppi, finger_position=sample.finger_position
            )
            qualities.append(capture.quality.nfiq2)
            probes.append((sample.finger_position, capture.record))
            hits = self._fingerprints.identify(self._load_fingerprints, capture.record, wide)
            if hits is not None:
                with self._uow() as uow:
                    labels = [c.label for c in hits.candidates]
                    templates = uow.biometric_templates.by_labels(labels)
                subjects.update((t.subject, None) for t in templates)
        scored = [self._fused_candidate(s, embedding, probes) for s in subjects]
        scored.sort(key=lambda c: -(c.fused_llr or 0.0))
        ranked = tuple(replace(c, rank=rank) for rank, c in enumerate(scored[:max_candidates], 1))
        with self._uow() as uow:
            record_event(uow.audit_log, actor, "biometrics.identify", "fused", self._now())
            uow.commit()
        return Identification(
            modality="fused",
            candidates=ranked,
            threshold=self.thresholds.fused_llr,
            threshold_id=self.thresholds.threshold_id,
            gallery_size=len(self._gallery) + self._fingerprints.size(),
            probe_quality=min(qualities),
        )

    def _fused_candidate(
        self,
        subject: SubjectRef,
        embedding: np.ndarray | None,
        probes: list[tuple[int, MinutiaeRecord]],
    ) -> Candidate:
        with self._uow() as uow:
            templates = list(uow.biometric_templates.for_subject(subject))
        return fused_candidate(
            subject,
            templates,
            embedding,
            probes,
            self._comparator.compare_many,
            lambda t: decode_minutiae(t.data, t.format),
            self.thresholds,
        )

    def _load_fingerprints(self) -> list[BiometricTemplate]:
        with self._uow() as uow:
            return all_fingerprints(uow.biometric_templates)

    # -- reads and erasure -------------------------------------------------------------

    def templates_of(self, subject: SubjectRef, actor: Actor) -> list[BiometricTemplate]:
        require(actor, Action.BIOMETRIC_VERIFY)
        with self._uow() as uow:
            found = list(uow.biometric_templates.for_subject(subject))
            record_event(
                uow.audit_log, actor, "biometrics.read", _subject_text(subject), self._now()
            )
            uow.commit()
        return found

    def erase_subject(self, subject: SubjectRef, actor: Actor) -> int:
        require(actor, Action.BIOMETRIC_ERASE)
        with self._uow() as uow:
            labels = list(uow.biometric_templates.erase_subject(subject))
            record_event(
                uow.audit_log, actor, "biometrics.erase", _subject_text(subject), self._now()
            )
            uow.commit()
        self._gallery.remove(labels)
        self._fingerprints.mark_stale()
        return len(labels)

    # -- internals ---------------------------------------------------------------------

    def _new_template(
        self,
        subject: SubjectRef,
        modality: Modality,
        template_format: TemplateFormat,
        model_version: str,
        finger_position: int | None,
        quality: int,
        capture_device: str,
        data: bytes,
    ) -> BiometricTemplate:
        now = self._now()
        return BiometricTemplate(
            template_id=uuid.uuid4().hex,
            label=0,
            subject=subject,
            modality=modality,
            format=template_format,
            model_version=model_version,
            finger_position=finger_position,
            quality=quality,
            capture_device=capture_device,
            captured_at=now,
            enrolled_at=now,
            data=data,
        )

    def _store(self, template: BiometricTemplate, actor: Actor) -> Enrolment:
        self._load_gallery()
        with self._uow() as uow:
            stored = uow.biometric_templates.add(template)
            record_event(
                uow.audit_log,
                actor,
                "biometrics.enrol",
                f"template:{stored.template_id}",
                self._now(),
            )
            uow.commit()
        if stored.modality is Modality.FACE:
            self._gallery.add([stored])
        else:
            self._fingerprints.mark_stale()
        for observer in self._observers:
            observer(stored.subject, actor)
        return Enrolment(
            template_id=stored.template_id,
            subject=stored.subject,
            modality=stored.modality,
            format=stored.format.value,
            quality=stored.quality,
            finger_position=stored.finger_position,
        )

    def _reference(
        self, template_id: str, modality: Modality, actor: Actor, verb: str
    ) -> BiometricTemplate:
        with self._uow() as uow:
            template = uow.biometric_templates.get(template_id)
            if template is None:
                raise TemplateNotFoundError("no template with this id")
            if template.modality is not modality:
                raise ModalityMismatchError(
                    f"the template is a {template.modality.value} template, not {modality.value}"
                )
            record_event(
                uow.audit_log, actor, f"biometrics.{verb}", f"template:{template_id}", self._now()
            )
            uow.commit()
        return template

    def _load_gallery(self) -> None:
        if self._gallery.loaded:
            return
        with self._uow() as uow:
            self._gallery.ensure_loaded(self._gallery.page_loader(uow.biometric_templates))

    def _now(self) -> datetime:
        return self._clock.now()


def _subject_text(subject: SubjectRef) -> str:
    return f"record:{subject.system}:{subject.record_id}"


__all__ = ["BiometricService", "Decision"]
