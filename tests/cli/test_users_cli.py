import pytest

from limes.bootstrap import build_services
from limes.settings import Settings
from tests.cli.entry_point import run_limes


def _add_guard(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    outcome = run_limes(
        monkeypatch, capsys, "users", "add", "guard-7",
        "--role", "border_guard", "--authority", "KMar", "--state", "NLD",
    )  # fmt: skip
    assert outcome.exit_code == 0
    return outcome.stdout.strip()


def test_users_add_prints_only_the_token_on_standard_output(
    database: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    token = _add_guard(monkeypatch, capsys)

    assert token.startswith("limes_")
    assert len(token.split()) == 1


def test_the_printed_token_authenticates_as_the_new_user(
    database: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    token = _add_guard(monkeypatch, capsys)

    actor = build_services(Settings()).users.authenticate(token, "border_check")

    assert actor.user_name == "guard-7"
    assert {role.value for role in actor.roles} == {"border_guard"}


def test_adding_a_user_twice_is_a_coded_error(
    database: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _add_guard(monkeypatch, capsys)

    outcome = run_limes(
        monkeypatch, capsys, "users", "add", "guard-7",
        "--role", "supervisor", "--authority", "KMar", "--state", "NLD",
    )  # fmt: skip

    assert outcome.exit_code == 2
    assert "error [auth.user_exists]" in outcome.stderr


def test_an_unknown_role_is_a_usage_error(
    database: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    outcome = run_limes(
        monkeypatch, capsys, "users", "add", "someone",
        "--role", "king", "--authority", "KMar", "--state", "NLD",
    )  # fmt: skip

    assert outcome.exit_code == 2
    assert "--role" in outcome.stderr


def test_a_border_guard_token_cannot_add_users(
    database: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    token = _add_guard(monkeypatch, capsys)

    outcome = run_limes(
        monkeypatch, capsys, "users", "add", "intruder", "--token", token,
        "--role", "admin", "--authority", "KMar", "--state", "NLD",
    )  # fmt: skip

    assert outcome.exit_code == 2
    assert "error [auth.forbidden]" in outcome.stderr
