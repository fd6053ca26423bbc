"""What enrolment, verification and identification answer: scores, thresholds, quality,
ranks. Explainable on purpose: a verifier sees why the system decided, not just a yes/no."""

from dataclasses import dataclass

from limes.biometrics.matching import Decision
from limes.biometrics.model import Modality, SubjectRef


@dataclass(frozen=True, slots=True, kw_only=True)
class Enrolment:
    template_id: str
    subject: SubjectRef
    modality: Modality
    format: str
    quality: int
    finger_position: int | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Verification:
    """1:1: the probe against one stored template."""

    template_id: str
    modality: Modality
    score: float  # face: Euclidean distance (lower = closer); fingerprint: Bozorth3
    threshold: float
    decision: Decision
    threshold_id: str
    probe_quality: int
    reference_quality: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Candidate:
    """One candidate of a 1:N search, with every score that ranked it."""

    rank: int  # 1 = best
    subject: SubjectRef
    template_ids: tuple[str, ...]
    decision: Decision
    face_distance: float | None = None
    finger_scores: tuple[int, ...] = ()
    shortlist_rank: int | None = None  # fingerprint stage-1 rank, before Bozorth3
    fused_llr: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Identification:
    """1:N: candidates best first; `matches` are those at or past the threshold."""

    modality: str  # "face", "fingerprint" or "fused"
    candidates: tuple[Candidate, ...]
    threshold: float
    threshold_id: str
    gallery_size: int
    probe_quality: int

    @property
    def matches(self) -> tuple[Candidate, ...]:
        return tuple(c for c in self.candidates if c.decision is Decision.MATCH)
