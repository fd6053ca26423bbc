"""Verification error rates from comparison scores: FMR, FNMR, and FNMR at a target FMR.

Scores are similarities (higher = more alike) and a comparison is a match when its score
is at least the threshold. Terms as in ISO/IEC 19795-1: the false match rate (FMR) is the
share of non-mated comparisons declared a match, the false non-match rate (FNMR) the share
of mated comparisons declared a non-match.

With N non-mated comparisons the FMR moves in steps of 1/N, so a target below 1/N can only
be met with no false match at all: the threshold must then exceed every non-mated score.
"""

from collections.abc import Sequence

import numpy as np


def error_rates(
    mated_scores: Sequence[float], non_mated_scores: Sequence[float], threshold: float
) -> tuple[float, float]:
    """(FMR, FNMR) when a score of at least `threshold` counts as a match."""
    mated, non_mated = _scores(mated_scores), _scores(non_mated_scores)
    return float(np.mean(non_mated >= threshold)), float(np.mean(mated < threshold))


def fnmr_at_fmr(
    mated_scores: Sequence[float], non_mated_scores: Sequence[float], target_fmr: float
) -> tuple[float, float, float]:
    """(threshold, FNMR, achieved FMR) at the lowest threshold whose FMR is ≤ `target_fmr`.

    The lowest such threshold gives the lowest FNMR. Candidates are the observed scores
    and the value just above the highest non-mated score (its next integer when all scores
    are integers, as Bozorth3's are), which always meets any target.
    """
    if not 0.0 <= target_fmr <= 1.0:
        raise ValueError("target FMR must be between 0 and 1")
    mated, non_mated = _scores(mated_scores), _scores(non_mated_scores)
    highest = float(non_mated.max())
    integral = bool(np.all(np.mod(np.concatenate([mated, non_mated]), 1.0) == 0.0))
    above = highest + 1.0 if integral else float(np.nextafter(highest, np.inf))
    candidates = np.unique(np.concatenate([mated, non_mated, [above]]))
    ordered = np.sort(non_mated)
    # FMR at each candidate: non-mated scores at or above it.
    fmr = (len(ordered) - np.searchsorted(ordered, candidates, side="left")) / len(ordered)
    threshold = float(candidates[np.argmax(fmr <= target_fmr)])
    achieved_fmr, fnmr = error_rates(mated_scores, non_mated_scores, threshold)
    return threshold, fnmr, achieved_fmr


def _scores(values: Sequence[float]) -> np.ndarray[tuple[int], np.dtype[np.float64]]:
    scores = np.asarray(values, dtype=np.float64).reshape(-1)
    if not len(scores):
        raise ValueError("need at least one mated and one non-mated score")
    return scores
