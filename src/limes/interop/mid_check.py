"""The multiple-identity check on one record (art. 27-28): find candidates, weigh evidence.

Candidates come from three searches: the sBMS (the record's face templates, 1:N), the
travel documents, and the identity data (a blocking search on surname or date of birth,
then `compare_identities`). For each candidate the evidence is assembled and
`links.classify` gives the colour, or no link.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from limes.biometrics.model import BiometricTemplate, Modality, SubjectRef
from limes.interop.identity_comparison import compare_documents, compare_identities, name_key
from limes.interop.model import (
    BiometricComparison,
    IdentityComparison,
    LinkEvidence,
    System,
    SystemRecord,
    record_key,
)
from limes.interop.ports import InteropUnitOfWork

IDENTITY_CANDIDATES = 200


@dataclass(frozen=True, slots=True)
class BiometricHit:
    """A record whose template the sBMS matched to the new record's, and how closely:
    a face distance (lower is closer) or a Bozorth3 score (higher is closer)."""

    key: str
    modality: str  # "face" or "fingerprint"
    score: float


def subject_key(subject: SubjectRef) -> str:
    return record_key(System(subject.system), subject.record_id)


def find_candidates(
    uow: InteropUnitOfWork, record: SystemRecord, hits: Iterable[BiometricHit]
) -> dict[str, SystemRecord]:
    found: dict[str, SystemRecord] = {}
    for hit in hits:
        other = uow.system_records.get(hit.key)
        if other is not None:
            found[other.key] = other
    for document in record.documents:
        for other in uow.system_records.find_by_document(document):
            found[other.key] = other
    for other in uow.system_records.find_by_identity(
        name_key=name_key(record.identity),
        date_of_birth=record.identity.date_of_birth,
        limit=IDENTITY_CANDIDATES,
    ):
        if compare_identities(record.identity, other.identity) is not IdentityComparison.DIFFERENT:
            found[other.key] = other
    found.pop(record.key, None)
    return found


def weigh(
    record: SystemRecord,
    other: SystemRecord,
    hits: dict[str, BiometricHit],
    mine: list[BiometricTemplate],
    theirs: list[BiometricTemplate],
    face_distance: Callable[[BiometricTemplate, BiometricTemplate], float],
    threshold: float,
) -> LinkEvidence:
    """The evidence for a link between `record` and `other`, given their face templates."""
    hit = hits.get(other.key)
    score: float | None
    modality: str | None = "face"
    if hit is not None:
        biometric, score, modality = BiometricComparison.SAME, hit.score, hit.modality
    else:
        biometric, score = _compare_faces(mine, theirs, face_distance, threshold)
        if score is None:
            modality = None
    return LinkEvidence(
        biometric=biometric,
        biometric_score=None if score is None else round(score, 4),
        identity=compare_identities(record.identity, other.identity),
        document=compare_documents(record.documents, other.documents),
        biometric_modality=modality,
    )


def _compare_faces(
    mine: list[BiometricTemplate],
    theirs: list[BiometricTemplate],
    face_distance: Callable[[BiometricTemplate, BiometricTemplate], float],
    threshold: float,
) -> tuple[BiometricComparison, float | None]:
    pairs = [(a, b) for a in mine for b in theirs if a.format is b.format]
    if not pairs:
        return BiometricComparison.NOT_AVAILABLE, None
    best = min(face_distance(a, b) for a, b in pairs)
    same = best < threshold
    return (BiometricComparison.SAME if same else BiometricComparison.DIFFERENT), best


def face_templates(uow: InteropUnitOfWork, record: SystemRecord) -> list[BiometricTemplate]:
    subject = SubjectRef(system=record.system.value, record_id=record.record_id)
    return [t for t in uow.biometric_templates.for_subject(subject) if t.modality is Modality.FACE]
