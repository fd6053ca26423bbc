"""Scores, thresholds, decisions and score-level fusion. Pure: numbers in, decisions out.

Every decision carries the threshold it was taken at and a `threshold_id` (a digest of the
whole threshold and fusion configuration), so an audit can tell which settings decided.

Fusion (face + fingerprints) is score-level, by log-likelihood ratio. For each modality a
score s is mapped to LLR(s) = log p(s | mated) - log p(s | non-mated) with Gaussian
class-conditional densities of one shared spread (so the LLR is linear in s and
monotone), and the LLRs of independent comparisons add up: one face and up to four
fingers. This is the textbook rule (A. Ross, K. Nandakumar, A. Jain, *Handbook of
Multibiometrics*, 2006, ch. 4); the calibration figures below are stated assumptions from
the small real sets we have (docs/biometrics.md), not measured error rates.
"""

import hashlib
import json
import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from enum import StrEnum

from limes.biometrics.face_distance import DEFAULT_VERIFICATION_THRESHOLD


class Decision(StrEnum):
    MATCH = "match"
    NO_MATCH = "no_match"


@dataclass(frozen=True, slots=True, kw_only=True)
class ScoreModel:
    """Gaussian means of mated and non-mated scores, with one shared standard deviation."""

    mated_mean: float
    non_mated_mean: float
    spread: float

    def llr(self, score: float) -> float:
        """log p(score | mated) / p(score | non-mated), clipped to ±20 (no score is proof)."""
        gap = self.mated_mean - self.non_mated_mean
        midpoint = (self.mated_mean + self.non_mated_mean) / 2
        value = gap / self.spread**2 * (score - midpoint)
        return max(-20.0, min(20.0, value))


# Face: dlib's Euclidean distance, as a *negative* score so that higher means more alike.
# Reference §1.1: mated real pairs at 0.235-0.428, non-mated at 0.628-0.926.
FACE_MODEL = ScoreModel(mated_mean=-0.35, non_mated_mean=-0.85, spread=0.12)
# Fingerprint: Bozorth3 on log(1 + score); FVC2002 DB1_B, 60 mated and 720 non-mated
# pairs (docs/biometrics.md): mated 9-283 with median 116, non-mated 0-28.
FINGER_MODEL = ScoreModel(mated_mean=4.6, non_mated_mean=2.2, spread=0.6)


@dataclass(frozen=True, slots=True, kw_only=True)
class Thresholds:
    """Operating points. Lowering face_distance or raising the others cuts false matches
    and adds false non-matches; see docs/biometrics.md for the trade-off."""

    face_distance: float = DEFAULT_VERIFICATION_THRESHOLD  # dlib's: same person below it
    fingerprint_score: int = 40  # Bozorth3: the customary match threshold (NISTIR 7392)
    fused_llr: float = 4.6  # fused decision: a likelihood ratio of about 100 to 1
    face_model: ScoreModel = field(default=FACE_MODEL)
    finger_model: ScoreModel = field(default=FINGER_MODEL)

    @property
    def threshold_id(self) -> str:
        """A short digest of every value above: which configuration took a decision."""
        text = json.dumps(asdict(self), sort_keys=True)
        return "thr-" + hashlib.sha256(text.encode()).hexdigest()[:12]


def face_decision(distance: float, thresholds: Thresholds) -> Decision:
    return Decision.MATCH if distance < thresholds.face_distance else Decision.NO_MATCH


def finger_decision(score: int, thresholds: Thresholds) -> Decision:
    return Decision.MATCH if score >= thresholds.fingerprint_score else Decision.NO_MATCH


def face_llr(distance: float, thresholds: Thresholds) -> float:
    return thresholds.face_model.llr(-distance)


def finger_llr(score: int, thresholds: Thresholds) -> float:
    return thresholds.finger_model.llr(math.log1p(max(score, 0)))


@dataclass(frozen=True, slots=True, kw_only=True)
class FusedScore:
    face_distance: float | None
    finger_scores: tuple[int, ...]
    llr: float
    decision: Decision


def fuse(
    face_distance: float | None, finger_scores: Sequence[int], thresholds: Thresholds
) -> FusedScore:
    """Sum of the per-comparison LLRs; a missing modality adds nothing (neither way)."""
    if face_distance is None and not finger_scores:
        raise ValueError("fusion needs at least one score")
    total = sum(finger_llr(score, thresholds) for score in finger_scores)
    if face_distance is not None:
        total += face_llr(face_distance, thresholds)
    decision = Decision.MATCH if total >= thresholds.fused_llr else Decision.NO_MATCH
    return FusedScore(
        face_distance=face_distance,
        finger_scores=tuple(finger_scores),
        llr=round(total, 4),
        decision=decision,
    )
