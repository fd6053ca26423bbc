from typing import Any

import pytest
from fastapi import FastAPI

from tests.cli.entry_point import run_limes


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """What `limes serve` hands to uvicorn, instead of serving it."""
    calls: dict[str, Any] = {}

    def run(app: Any, **options: Any) -> None:
        calls.update(options, app=app)

    monkeypatch.setattr("limes.cli.serve.uvicorn.run", run)
    return calls


@pytest.mark.usefixtures("database")
def test_serve_runs_the_api_on_the_configured_host_and_port(
    served: dict[str, Any], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LIMES_API_PORT", "8123")

    outcome = run_limes(monkeypatch, capsys, "serve")

    assert outcome.exit_code == 0
    assert isinstance(served["app"], FastAPI)
    assert (served["host"], served["port"]) == ("127.0.0.1", 8123)


@pytest.mark.usefixtures("database")
def test_serve_options_override_the_settings(
    served: dict[str, Any], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    outcome = run_limes(monkeypatch, capsys, "serve", "--host", "0.0.0.0", "--port", "9000")

    assert outcome.exit_code == 0
    assert (served["host"], served["port"]) == ("0.0.0.0", 9000)
