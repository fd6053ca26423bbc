"""Thresholds, decisions and LLR fusion."""

import dataclasses

import pytest

from limes.biometrics.matching import (
    Decision,
    ScoreModel,
    Thresholds,
    face_decision,
    face_llr,
    finger_decision,
    finger_llr,
    fuse,
)

DEFAULT = Thresholds()


def test_face_decision_at_dlibs_threshold() -> None:
    assert face_decision(0.59, DEFAULT) is Decision.MATCH
    assert face_decision(0.60, DEFAULT) is Decision.NO_MATCH


def test_fingerprint_decision_at_bozorth3s_customary_threshold() -> None:
    assert finger_decision(40, DEFAULT) is Decision.MATCH
    assert finger_decision(39, DEFAULT) is Decision.NO_MATCH


def test_llr_is_zero_midway_monotone_and_clipped() -> None:
    model = ScoreModel(mated_mean=1.0, non_mated_mean=0.0, spread=0.5)
    assert model.llr(0.5) == 0.0
    assert model.llr(0.6) > model.llr(0.5) > model.llr(0.4)
    assert model.llr(1e9) == 20.0
    assert model.llr(-1e9) == -20.0


def test_llrs_point_the_right_way_for_both_modalities() -> None:
    assert face_llr(0.3, DEFAULT) > 0 > face_llr(0.9, DEFAULT)
    assert finger_llr(100, DEFAULT) > 0 > finger_llr(10, DEFAULT)


def test_fusion_adds_evidence() -> None:
    # A borderline face and two clear fingers: fused, a match.
    weak_face = 0.58
    assert fuse(weak_face, [], DEFAULT).decision is Decision.NO_MATCH
    fused = fuse(weak_face, [120, 90], DEFAULT)
    assert fused.decision is Decision.MATCH
    assert fused.llr == pytest.approx(
        face_llr(weak_face, DEFAULT) + finger_llr(120, DEFAULT) + finger_llr(90, DEFAULT), abs=1e-3
    )
    # A close face cannot outweigh four fingers that clearly disagree.
    assert fuse(0.35, [8, 10, 12, 9], DEFAULT).decision is Decision.NO_MATCH


def test_fusion_needs_a_score() -> None:
    with pytest.raises(ValueError, match="at least one"):
        fuse(None, [], DEFAULT)


def test_threshold_id_changes_with_any_setting() -> None:
    assert DEFAULT.threshold_id == Thresholds().threshold_id
    assert DEFAULT.threshold_id.startswith("thr-")
    stricter = dataclasses.replace(DEFAULT, face_distance=0.5)
    assert stricter.threshold_id != DEFAULT.threshold_id
