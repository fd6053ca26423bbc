import importlib
import pkgutil
from typing import Any

import pytest
from fastapi.testclient import TestClient

import limes
from limes.access.model import Role
from limes.api.errors import STATUS_BY_CODE, status_for
from limes.core.errors import LimesError
from tests.api.bodies import entry_body
from tests.api.conftest import bearer

V1 = "/api/v1"


@pytest.fixture
def guard(tokens: dict[Role, str]) -> dict[str, str]:
    return bearer(tokens[Role.BORDER_GUARD])


def _with(body: dict[str, Any], path: tuple[str, ...], value: object) -> dict[str, Any]:
    """`body` with the field at `path` set to `value`."""
    node = body
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return body


@pytest.mark.parametrize(
    ("path", "value"),
    [
        pytest.param(
            ("traveller", "identity", "date_of_birth"), "2026-02-30", id="impossible-date"
        ),
        pytest.param(("traveller", "document", "expiry"), "30/04/2031", id="not-an-iso-date"),
        pytest.param(("traveller", "identity", "date_of_birth"), "0001-01-01", id="year-one"),
        pytest.param(("traveller", "identity", "surname"), "X" * 101, id="surname-too-long"),
        pytest.param(("traveller", "identity", "surname"), "BAD\nNAME", id="control-character"),
        pytest.param(("traveller", "document", "number"), "l898902c3", id="lowercase-number"),
        pytest.param(("traveller", "identity", "nationalities"), [], id="no-nationality"),
        pytest.param(("traveller", "identity", "sex"), "Q", id="unknown-sex"),
        pytest.param(("bcp_code",), "NL AMS", id="bcp-with-space"),
        pytest.param(("self_service",), "yes", id="string-for-boolean"),
        pytest.param(("at",), "2026-11-23T09:00:00", id="instant-without-offset"),
        pytest.param(("unexpected",), 1, id="unknown-field"),
    ],
)
def test_a_malformed_entry_is_unprocessable_and_the_value_is_not_echoed(
    client: TestClient, guard: dict[str, str], path: tuple[str, ...], value: object
) -> None:
    response = client.post(f"{V1}/entries", json=_with(entry_body(), path, value), headers=guard)

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "request.invalid"
    assert [detail["location"] for detail in error["details"]] == [["body", *path]]
    assert all(set(detail) == {"location", "type", "message"} for detail in error["details"])
    if isinstance(value, str) and len(value) > 3:
        assert value not in response.text


def test_a_body_that_is_not_json_is_unprocessable(
    client: TestClient, guard: dict[str, str]
) -> None:
    response = client.post(
        f"{V1}/entries",
        content=b"{not json",
        headers={**guard, "Content-Type": "application/json"},
    )

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "request.invalid"


def test_a_body_over_64_kib_is_too_large(client: TestClient, guard: dict[str, str]) -> None:
    body = entry_body(surname="X" * 70_000)

    response = client.post(f"{V1}/entries", json=body, headers=guard)

    assert response.status_code == 413
    assert response.json()["error"]["code"] == "request.too_large"


def test_a_chunked_body_over_64_kib_is_too_large(client: TestClient, guard: dict[str, str]) -> None:
    chunks = (b" " * 8192 for _ in range(10))

    response = client.post(
        f"{V1}/entries", content=chunks, headers={**guard, "Content-Type": "application/json"}
    )

    assert response.status_code == 413
    assert response.json()["error"]["code"] == "request.too_large"


def test_an_overlong_idempotency_key_is_unprocessable(
    client: TestClient, guard: dict[str, str]
) -> None:
    response = client.post(
        f"{V1}/entries", json=entry_body(), headers={**guard, "Idempotency-Key": "k" * 129}
    )

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["location"] == ["header", "Idempotency-Key"]


def test_an_impossible_statistics_period_is_unprocessable(
    client: TestClient, tokens: dict[Role, str]
) -> None:
    response = client.get(
        f"{V1}/statistics?kind=entry&dimension=sex&from_day=2026-02-30&to_day=2026-03-31",
        headers=bearer(tokens[Role.SUPERVISOR]),
    )

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "request.invalid"


def test_an_unknown_route_has_a_coded_404(client: TestClient) -> None:
    response = client.get(f"{V1}/nowhere")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "request.unknown_route"


def test_a_wrong_method_has_a_coded_405(client: TestClient) -> None:
    response = client.get(f"{V1}/entries")

    assert response.status_code == 405
    assert response.json()["error"]["code"] == "request.method_not_allowed"


def test_no_route_takes_a_document_in_its_url(client: TestClient) -> None:
    paths = client.get(f"{V1}/openapi.json").json()["paths"]

    names = {
        parameter["name"]
        for operations in paths.values()
        for operation in operations.values()
        for parameter in operation.get("parameters", [])
    }

    assert not names & {"number", "document", "document_number", "issuing_state"}


def _every_limes_error() -> set[type[LimesError]]:
    for module in pkgutil.walk_packages(limes.__path__, "limes."):
        if not module.name.endswith("__main__"):  # that one runs the CLI
            importlib.import_module(module.name)
    found: set[type[LimesError]] = set()
    pending = [LimesError]
    while pending:
        error = pending.pop()
        found.add(error)
        pending.extend(error.__subclasses__())
    return found


def test_every_error_code_has_an_explicit_http_status() -> None:
    codes = {
        error.code
        for error in _every_limes_error()
        if not error.__module__.startswith("limes.cli.")  # the CLI's own, never over HTTP
    } - {"limes_error", "ees.error"}

    unmapped = {
        code
        for code in codes
        if code not in STATUS_BY_CODE and f"{code.split('.')[0]}.*" not in STATUS_BY_CODE
    }

    assert unmapped == set()
    assert all(status_for(code) >= 400 for code in codes)


def test_an_instant_before_year_one_in_utc_is_unprocessable_not_a_crash(
    client: TestClient, guard: dict[str, str]
) -> None:
    # Found by the schema fuzzer: one minute east of UTC on 0001-01-01 has no UTC date.
    body = {**entry_body(), "at": "0001-01-01T00:00:00+00:01"}

    response = client.post("/api/v1/entries", json=body, headers=guard)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "request.invalid"
