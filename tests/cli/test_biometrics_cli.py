"""`limes biometrics` and `limes mid` on a real SQLite store with the real engines."""

import json
from pathlib import Path

import pytest

from tests.biometrics.face_samples import SamplesUnavailableError, fetch_samples
from tests.cli.entry_point import run_limes


@pytest.fixture(scope="module")
def photos() -> dict[str, Path]:
    try:
        return fetch_samples()
    except SamplesUnavailableError as error:
        pytest.skip(f"real face photos unavailable: {error}")


def _guard(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    outcome = run_limes(
        monkeypatch, capsys, "users", "add", "guard-7",
        "--role", "border_guard", "--authority", "KMar", "--state", "NLD",
    )  # fmt: skip
    assert outcome.exit_code == 0
    return outcome.stdout.strip()


def test_enrol_verify_and_identify_a_face(
    database: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    photos: dict[str, Path],
) -> None:
    token = _guard(monkeypatch, capsys)
    enrolled = run_limes(
        monkeypatch, capsys, "biometrics", "enrol-face", str(photos["obama.jpg"]),
        "--record-id", "f1", "--token", token,
    )  # fmt: skip
    assert enrolled.exit_code == 0, enrolled.stderr
    template_id = json.loads(enrolled.stdout)["template_id"]

    verified = run_limes(
        monkeypatch, capsys, "biometrics", "verify-face", template_id, str(photos["biden.jpg"]),
        "--token", token,
    )  # fmt: skip
    assert json.loads(verified.stdout)["decision"] == "no_match"

    found = run_limes(
        monkeypatch, capsys, "biometrics", "identify-face", str(photos["obama2.jpg"]),
        "--token", token,
    )  # fmt: skip
    [candidate] = json.loads(found.stdout)["candidates"]
    assert candidate["subject"] == {"system": "EES", "record_id": "f1"}
    assert candidate["decision"] == "match"


def test_a_group_photo_is_refused_with_the_reason(
    database: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    photos: dict[str, Path],
) -> None:
    outcome = run_limes(
        monkeypatch, capsys, "biometrics", "enrol-face", str(photos["t1.jpg"]), "--record-id", "f1"
    )
    assert outcome.exit_code == 2
    assert "error [biometrics.quality_rejected]" in outcome.stderr
    assert "several_faces" in outcome.stderr


def test_mid_statistics_and_an_unknown_link(
    database: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stats = run_limes(monkeypatch, capsys, "mid", "statistics")
    assert stats.exit_code == 0
    assert json.loads(stats.stdout)["by_colour"] == {"yellow": 0, "green": 0, "red": 0, "white": 0}
    missing = run_limes(
        monkeypatch, capsys, "mid", "resolve", "nope", "--colour", "red", "--reason", "x"
    )
    assert missing.exit_code == 2
    assert "error [interop.link_not_found]" in missing.stderr
