"""NBIS on real prints: FVC2002 DB1_B, 10 fingers × 4 impressions, with ground truth.

60 mated and 720 non-mated Bozorth3 comparisons. These are smoke-level accuracy checks on
a tiny set (reference `biometrics.md` §6): with 720 non-mated pairs the FMR moves in steps
of 1/720 ≈ 0.14 %, so "FMR ≤ 0.1 %" here means no false match at all, and the threshold
must exceed the highest non-mated score. Measured with nbis-py 0.1.3: mated 9-283,
non-mated 0-28; at 40, FMR 0/720 and FNMR 6/60; FNMR at FMR ≤ 0.1 % is 6/60 = 10 % at a
threshold of 29.
"""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from limes.biometrics.error_rates import error_rates, fnmr_at_fmr
from limes.biometrics.fingerprint_nbis import Bozorth3Comparator, NbisFingerprintEncoder
from tests.biometrics.fingerprint_fixtures import (
    FINGERPRINTS,
    SOURCEAFIS,
    db1_b_captures,
    db1_b_pair_scores,
    read_image,
    require_fingerprints,
)

DEFAULT_THRESHOLD = 40  # the customary Bozorth3 threshold (reference §2.5)


def test_the_set_has_60_mated_and_720_non_mated_pairs() -> None:
    scores = db1_b_pair_scores()

    assert (len(scores.mated), len(scores.non_mated)) == (60, 720)


def test_sourceafis_mated_pair_scores_at_least_40_and_non_mated_under_40() -> None:
    # probe.png is DB1_B 102_1, matching.png 102_2, nonmatching.png 103_7 (README).
    require_fingerprints()
    encoder = NbisFingerprintEncoder()
    probe, matching, nonmatching = (
        encoder.capture(read_image(SOURCEAFIS / name), ppi=500, finger_position=0).record
        for name in ("probe.png", "matching.png", "nonmatching.png")
    )
    comparator = Bozorth3Comparator()

    assert comparator.compare(probe, matching) >= DEFAULT_THRESHOLD
    assert comparator.compare(probe, nonmatching) < DEFAULT_THRESHOLD
    assert comparator.compare(matching, nonmatching) < DEFAULT_THRESHOLD


def test_db2_b_at_569_ppi_is_resampled_and_its_mated_pair_still_matches() -> None:
    require_fingerprints()
    folder = FINGERPRINTS / "openafis" / "fvc2002" / "DB2_B"
    encoder = NbisFingerprintEncoder()
    first, second = (
        encoder.capture(read_image(folder / f"101_{n}.tif"), ppi=569, finger_position=0)
        for n in (1, 2)
    )

    assert (first.record.width, first.record.height) == (260, 492)  # 296 × 560 at 500/569
    assert Bozorth3Comparator().compare(first.record, second.record) >= DEFAULT_THRESHOLD


def test_at_the_default_threshold_fmr_and_fnmr_stay_within_bounds() -> None:
    scores = db1_b_pair_scores()

    fmr, fnmr = error_rates(
        list(scores.mated.values()), list(scores.non_mated.values()), DEFAULT_THRESHOLD
    )

    # Measured 0/720 and 6/60; bounds leave one false match and three more misses.
    assert fmr <= 1 / 720
    assert fnmr <= 9 / 60


def test_fnmr_at_fmr_of_one_in_a_thousand_needs_a_threshold_above_every_non_mated_score() -> None:
    scores = db1_b_pair_scores()
    mated, non_mated = list(scores.mated.values()), list(scores.non_mated.values())

    threshold, fnmr, achieved_fmr = fnmr_at_fmr(mated, non_mated, 0.001)

    assert achieved_fmr == 0.0
    assert threshold == max(non_mated) + 1
    assert fnmr <= 9 / 60  # measured 6/60 at threshold 29


def test_mated_scores_are_mostly_far_above_non_mated_ones() -> None:
    scores = db1_b_pair_scores()
    mated = sorted(scores.mated.values())

    assert max(scores.non_mated.values()) < DEFAULT_THRESHOLD  # measured 28
    assert mated[len(mated) // 2] >= 80  # median measured 116


def test_nfiq2_scores_and_minutiae_counts_are_in_plausible_ranges() -> None:
    captures = db1_b_captures()
    nfiq2 = sorted(capture.quality.nfiq2 for capture in captures.values())
    minutiae = [capture.quality.minutiae for capture in captures.values()]

    assert all(0 <= score <= 100 for score in nfiq2)
    assert nfiq2[len(nfiq2) // 2] >= 50  # measured 27-84, median 67
    assert min(minutiae) >= 12  # measured 22-68
    assert sum(capture.quality.acceptable for capture in captures.values()) >= 36


# --- error_rates: the pure computation behind the figures above -------------------------


@pytest.mark.parametrize(
    ("mated", "non_mated", "target", "expected"),
    [
        pytest.param([50, 60], [10, 20], 0.0, (21.0, 0.0, 0.0), id="separated"),
        pytest.param([30, 60], [10, 40], 0.0, (41.0, 0.5, 0.0), id="overlap-no-false-match"),
        pytest.param([30, 60], [10, 40], 0.5, (30.0, 0.0, 0.5), id="half-the-non-mated"),
        pytest.param(
            [0.5, 0.9], [0.1, 0.7], 0.0, (math.nextafter(0.7, math.inf), 0.5, 0.0), id="real-valued"
        ),
    ],
)
def test_fnmr_at_fmr(
    mated: list[float],
    non_mated: list[float],
    target: float,
    expected: tuple[float, float, float],
) -> None:
    assert fnmr_at_fmr(mated, non_mated, target) == expected


@given(
    mated=st.lists(st.integers(0, 300), min_size=1, max_size=40),
    non_mated=st.lists(st.integers(0, 300), min_size=1, max_size=40),
    target=st.floats(0.0, 1.0),
)
def test_fnmr_at_fmr_meets_the_target_with_the_lowest_threshold_that_does(
    mated: list[int], non_mated: list[int], target: float
) -> None:
    threshold, fnmr, achieved = fnmr_at_fmr(mated, non_mated, target)

    assert achieved <= target
    assert (achieved, fnmr) == error_rates(mated, non_mated, threshold)
    lower = [score for score in {*mated, *non_mated} if score < threshold]
    assert all(error_rates(mated, non_mated, score)[0] > target for score in lower)
