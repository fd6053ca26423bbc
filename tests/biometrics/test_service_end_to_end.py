"""The biometric service on real engines and real samples: a face and fingerprints go
through enrolment, 1:1 verification, 1:N identification and fused identification.

Faces: the registry-package photos (face_samples.py). Fingerprints: FVC2002 DB1_B from
../shared/data/fingerprints (skipped where that folder is absent).
"""

from pathlib import Path

import pytest

from limes.access.model import Role
from limes.biometrics.matching import Decision
from limes.biometrics.model import SubjectRef
from limes.biometrics.service import BiometricService, FingerSample
from limes.bootstrap import build_memory_services
from limes.core.time import FixedClock
from limes.settings import MEMORY_DATABASE_URL, Settings
from tests.biometrics.fingerprint_data import read_fingerprint_file
from tests.builders import make_actor

GUARD = make_actor(Role.BORDER_GUARD)
FINGERS = range(101, 111)  # FVC2002 DB1_B fingers; impressions 1-4 each
RIGHT_INDEX = 2


def fvc(finger: int, impression: int) -> bytes:
    return read_fingerprint_file(f"openafis/fvc2002/DB1_B/{finger}_{impression}.tif")


def subject(record_id: str) -> SubjectRef:
    return SubjectRef(system="EES", record_id=record_id)


@pytest.fixture(scope="module")
def service() -> BiometricService:
    settings = Settings(database_url=MEMORY_DATABASE_URL, face_index="exact")
    return build_memory_services(FixedClock(), settings).biometrics


@pytest.fixture(scope="module")
def enrolled_fingers(service: BiometricService) -> dict[int, str]:
    """Impression 1 of each of the ten fingers, enrolled for records f101..f110."""
    return {
        finger: service.enrol_fingerprint(
            subject(f"f{finger}"),
            fvc(finger, 1),
            ppi=500,
            finger_position=RIGHT_INDEX,
            capture_device="FVC2002 DB1 (Identix TouchView II)",
            actor=GUARD,
        ).template_id
        for finger in FINGERS
    }


def test_fingerprint_verification_on_real_prints(
    service: BiometricService, enrolled_fingers: dict[int, str]
) -> None:
    mated = service.verify_fingerprint(enrolled_fingers[102], fvc(102, 2), ppi=500, actor=GUARD)
    assert mated.decision is Decision.MATCH
    assert mated.score >= mated.threshold == 40
    other = service.verify_fingerprint(enrolled_fingers[103], fvc(102, 2), ppi=500, actor=GUARD)
    assert other.decision is Decision.NO_MATCH
    assert other.reference_quality > 0


def test_fingerprint_identification_ranks_the_mate_first(
    service: BiometricService, enrolled_fingers: dict[int, str]
) -> None:
    found = service.identify_fingerprint(
        fvc(105, 3), GUARD, ppi=500, finger_position=RIGHT_INDEX, max_candidates=3
    )
    assert found.gallery_size == len(FINGERS)
    best = found.candidates[0]
    assert best.subject == subject("f105")
    assert best.decision is Decision.MATCH
    assert best.shortlist_rank is not None
    assert [c.rank for c in found.candidates] == [1, 2, 3]
    assert all(c.decision is Decision.NO_MATCH for c in found.candidates[1:])


def test_face_enrolment_verification_and_identification(
    service: BiometricService, face_sample_paths: dict[str, Path]
) -> None:
    obama = service.enrol_face(
        subject("p1"), face_sample_paths["obama.jpg"].read_bytes(), "kiosk-1", GUARD
    )
    service.enrol_face(subject("p2"), face_sample_paths["biden.jpg"].read_bytes(), "kiosk-1", GUARD)
    same = service.verify_face(
        obama.template_id, face_sample_paths["obama2.jpg"].read_bytes(), GUARD
    )
    assert same.decision is Decision.MATCH
    found = service.identify_face(face_sample_paths["obama3.jpg"].read_bytes(), GUARD)
    assert found.candidates[0].subject == subject("p1")
    assert found.candidates[0].decision is Decision.MATCH
    assert found.candidates[1].decision is Decision.NO_MATCH


def test_fused_identification_scores_every_candidate_on_both_modalities(
    service: BiometricService,
    enrolled_fingers: dict[int, str],
    face_sample_paths: dict[str, Path],
) -> None:
    # Record f107 gets a face too: the same person by face and by finger.
    service.enrol_face(
        subject("f107"), face_sample_paths["obama.jpg"].read_bytes(), "kiosk-1", GUARD
    )
    found = service.identify_fused(
        GUARD,
        face_image=face_sample_paths["obama2.jpg"].read_bytes(),
        fingers=[FingerSample(image=fvc(107, 4), ppi=500, finger_position=RIGHT_INDEX)],
        max_candidates=3,
    )
    best = found.candidates[0]
    assert best.subject == subject("f107")
    assert best.face_distance is not None
    assert best.face_distance < 0.6
    assert best.finger_scores
    assert best.finger_scores[0] >= 40
    assert best.decision is Decision.MATCH
    assert best.fused_llr is not None
    assert found.candidates[1].fused_llr is not None
    assert best.fused_llr > found.candidates[1].fused_llr
