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


def _post(url: str, token: str | None, body: object) -> Any:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def _get(url: str, token: str) -> Any:
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
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
        # ETIAS: the two printed applications, the Central Unit's queue, the carrier.
        bodies = re.findall(r"-d '(\{.*\})'", outcome.stdout)
        forms = [json.loads(body) for body in bodies if '"first_intended_stay"' in body]
        issued = _post(f"{base}/etias/applications", None, forms[0])
        listed = _post(f"{base}/etias/applications", None, forms[1])
        central = re.search(
            r"central-unit/queue -H \"Authorization: Bearer (\S+)\"", outcome.stdout
        )
        assert central is not None
        queue = _get(f"{base}/etias/central-unit/queue", central.group(1))
        carrier = re.search(
            r"carrier-query \\\n  -H \"Authorization: Bearer (\S+)\"", outcome.stdout
        )
        assert carrier is not None

        assert "sample SIS alerts" in outcome.stdout
        assert issued["status"] == "issued"
        assert listed["status"] == "central_unit_verification"
        assert [case["application_id"] for case in queue] == [listed["application_id"]]
        query = {"document": {"issuing_state": "CAN", "number": "DEMO00002"}, "nationality": "CAN"}
        assert _post(f"{base}/etias/carrier-query", carrier.group(1), query) == {"answer": "OK"}
    finally:
        stopped = run_limes(monkeypatch, capsys, "demo", "--stop")

    assert stopped.exit_code == 0
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0
