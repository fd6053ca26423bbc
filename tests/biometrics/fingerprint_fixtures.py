"""Fingerprint test data: the FVC2002 DB1_B captures, extracted once per test session.

The images live in ../shared/data/fingerprints beside the checkout (README there: origin,
licence, ground truth) and are never copied into the project. Tests that need them call
`require_fingerprints()` first, which skips them when the folder is absent.
"""

import itertools
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from limes.biometrics.fingerprint_nbis import Bozorth3Comparator, NbisFingerprintEncoder
from limes.biometrics.ports import FingerprintCapture

FINGERPRINTS = Path(__file__).resolve().parents[3] / "shared" / "data" / "fingerprints"
DB1_B = FINGERPRINTS / "openafis" / "fvc2002" / "DB1_B"
SOURCEAFIS = FINGERPRINTS / "sourceafis-java"
DB1_B_FINGERS = tuple(range(101, 111))
DB1_B_IMPRESSIONS = (1, 2, 3, 4)
DB1_B_PPI = 500  # FVC2002 DB1: optical sensor at 500 dpi (README); the TIFFs carry no tag

Impression = tuple[int, int]  # (finger, impression), e.g. (102, 1) for 102_1.tif


def require_fingerprints() -> None:
    if not DB1_B.is_dir():
        pytest.skip(f"shared fingerprint data absent: {DB1_B} not found")


def read_image(path: Path) -> bytes:
    if not path.is_file():
        pytest.skip(f"shared fingerprint data absent: {path.name} not found")
    return path.read_bytes()


@cache
def db1_b_captures() -> dict[Impression, FingerprintCapture]:
    """All 40 DB1_B impressions through MINDTCT and NFIQ 2 (about 10 s, once a session)."""
    require_fingerprints()
    encoder = NbisFingerprintEncoder()
    return {
        (finger, impression): encoder.capture(
            read_image(DB1_B / f"{finger}_{impression}.tif"), ppi=DB1_B_PPI, finger_position=0
        )
        for finger in DB1_B_FINGERS
        for impression in DB1_B_IMPRESSIONS
    }


@dataclass(frozen=True, slots=True)
class PairScores:
    """Bozorth3 scores of every unordered pair of DB1_B impressions, split by ground truth."""

    mated: dict[tuple[Impression, Impression], int]  # same finger: 10 × 6 = 60
    non_mated: dict[tuple[Impression, Impression], int]  # different fingers: 720


@cache
def db1_b_pair_scores() -> PairScores:
    captures = db1_b_captures()
    comparator = Bozorth3Comparator()
    mated: dict[tuple[Impression, Impression], int] = {}
    non_mated: dict[tuple[Impression, Impression], int] = {}
    for first, second in itertools.combinations(sorted(captures), 2):
        score = comparator.compare(captures[first].record, captures[second].record)
        (mated if first[0] == second[0] else non_mated)[first, second] = score
    return PairScores(mated, non_mated)
