import pytest

from tests.cli.entry_point import run_limes


def test_the_demo_reads_every_bundled_passport_and_explains_each_stay(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    outcome = run_limes(monkeypatch, capsys, "demo", "--offline")

    assert outcome.exit_code == 0
    assert outcome.stdout.count("Travel document (MRZ)") == 4
    assert outcome.stdout.count("Schengen 90/180 rule on 2026-11-23") == 4
    assert "O → 0" in outcome.stdout  # the OCR-garbled passport was repaired
    assert "problem(s)" not in outcome.stdout  # every bundled MRZ reads as valid


def test_the_demo_never_prints_a_full_document_number(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    outcome = run_limes(monkeypatch, capsys, "demo", "--offline")

    assert "L898902C3" not in outcome.stdout
    assert "L8•••••C3" in outcome.stdout


def test_a_malformed_date_is_a_usage_error_not_a_crash(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    outcome = run_limes(monkeypatch, capsys, "demo", "--offline", "--on", "nonsense")

    assert outcome.exit_code == 2
    assert "--on" in outcome.stderr
    assert "Traceback" not in outcome.stderr
