import sqlite3

import pytest

from tests.cli.entry_point import run_limes


def _add_users(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("guard-1", "guard-2", "guard-3"):
        run_limes(
            monkeypatch, capsys, "users", "add", name,
            "--role", "border_guard", "--authority", "KMar", "--state", "NLD",
        )  # fmt: skip


def test_an_untouched_audit_log_verifies_with_exit_0(
    database: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _add_users(monkeypatch, capsys)

    outcome = run_limes(monkeypatch, capsys, "audit", "verify")

    assert outcome.exit_code == 0
    assert "audit log intact: 3 entries" in outcome.stdout


def test_an_edited_entry_fails_verification_with_its_sequence_number(
    database: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _add_users(monkeypatch, capsys)
    with sqlite3.connect(database.removeprefix("sqlite:///")) as connection:
        connection.execute("UPDATE audit_log SET purpose = 'curiosity' WHERE sequence = 2")

    outcome = run_limes(monkeypatch, capsys, "audit", "verify")

    assert outcome.exit_code == 1
    assert "audit log broken at entry 2" in outcome.stdout


def test_a_border_guard_may_not_verify_the_audit_log(
    database: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    token = run_limes(
        monkeypatch, capsys, "users", "add", "guard-9",
        "--role", "border_guard", "--authority", "KMar", "--state", "NLD",
    ).stdout.strip()  # fmt: skip

    outcome = run_limes(monkeypatch, capsys, "audit", "verify", "--token", token)

    assert outcome.exit_code == 2
    assert "error [auth.forbidden]" in outcome.stderr
