"""`limes demo` end to end: a small seeded database, a real server, the printed curl calls."""

import json
import re
import socket
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from limes.api import examples
from tests.cli.entry_point import run_limes


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _post(url: str, token: str, body: object) -> Any:
    request = urllib.request.Request(
        url,
        data=json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def test_the_demo_serves_a_seeded_api_that_its_printed_token_and_curl_lines_work_with(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LIMES_DATABASE_URL", raising=False)
    port = _free_port()
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        outcome = run_limes(monkeypatch, capsys, "demo", "--travellers", "30", "--port", str(port))
        token = re.search(r"demo-guard\):\s+(\S+)", outcome.stdout)

        assert outcome.exit_code == 0
        assert f"{base}/docs" in outcome.stdout
        assert f"curl -s -X POST {base}/entries" in outcome.stdout
        assert f"curl -s -X POST {base}/stay/remaining" in outcome.stdout
        assert token is not None
        assert _post(f"{base}/entries", token.group(1), examples.ENTRY)["file_created"] is True
        assert (
            _post(f"{base}/stay/remaining", token.group(1), examples.STAY_QUERY)["days_used"] == 1
        )
    finally:
        stopped = run_limes(monkeypatch, capsys, "demo", "--stop")

    assert stopped.exit_code == 0
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0
