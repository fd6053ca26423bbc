import pytest
from fastapi.testclient import TestClient

from limes.access.model import Role
from tests.api.bodies import document_body, entry_body, traveller_body
from tests.api.conftest import bearer

V1 = "/api/v1"


@pytest.fixture
def guard(tokens: dict[Role, str]) -> dict[str, str]:
    return bearer(tokens[Role.BORDER_GUARD])


def test_an_entry_is_registered_with_the_maximum_authorised_stay(
    client: TestClient, guard: dict[str, str]
) -> None:
    response = client.post(f"{V1}/entries", json=entry_body(), headers=guard)

    assert response.status_code == 201
    body = response.json()
    assert body["file_created"] is True
    assert body["max_stay_days"] == 90
    assert body["authorised_stay_until"] == "2027-02-20"
    assert body["record"]["entry"]["bcp_code"] == "NLAMS"
    assert body["record"]["entry"]["day"] == "2026-11-23"
    assert body["record"]["exit"] is None


def test_the_remaining_stay_after_an_entry_counts_the_entry_day(
    client: TestClient, guard: dict[str, str]
) -> None:
    client.post(f"{V1}/entries", json=entry_body(), headers=guard)

    response = client.post(
        f"{V1}/stay/remaining", json={"document": document_body()}, headers=guard
    )

    assert response.status_code == 200
    report = response.json()
    assert report["inside"] is True
    assert report["days_used"] == 1
    assert report["days_remaining"] == 89
    assert report["overstay_days"] == 0


def test_a_remaining_stay_can_be_asked_for_another_day(
    client: TestClient, guard: dict[str, str]
) -> None:
    client.post(f"{V1}/entries", json=entry_body(), headers=guard)

    response = client.post(
        f"{V1}/stay/remaining",
        json={"document": document_body(), "on": "2026-12-02"},
        headers=guard,
    )

    assert response.json()["days_used"] == 10


def test_a_replayed_entry_returns_the_first_answer_and_writes_one_record(
    client: TestClient, guard: dict[str, str]
) -> None:
    headers = {**guard, "Idempotency-Key": "lane-3-0001"}

    first = client.post(f"{V1}/entries", json=entry_body(), headers=headers)
    again = client.post(f"{V1}/entries", json=entry_body(), headers=headers)

    assert again.status_code == 201
    assert again.json() == first.json()
    history = client.post(f"{V1}/travellers/lookup", json=document_body(), headers=guard).json()
    assert len(history["entries"]) == 1


def test_an_idempotency_key_reused_for_another_request_is_a_conflict(
    client: TestClient, guard: dict[str, str]
) -> None:
    headers = {**guard, "Idempotency-Key": "lane-3-0002"}
    client.post(f"{V1}/entries", json=entry_body(), headers=headers)

    response = client.post(
        f"{V1}/entries", json=entry_body(number="X1234567", issuing_state="USA"), headers=headers
    )

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "ees.idempotency_key_reused"


def test_an_exit_closes_the_entry_and_reports_no_overstay(
    client: TestClient, guard: dict[str, str]
) -> None:
    client.post(f"{V1}/entries", json=entry_body(), headers=guard)

    response = client.post(
        f"{V1}/exits",
        json={"document": document_body(), "bcp_code": "NLAMS", "at": "2026-11-23T15:00:00Z"},
        headers=guard,
    )

    assert response.status_code == 201
    assert response.json()["record"]["exit"]["day"] == "2026-11-23"
    assert response.json()["overstay_days"] == 0


def test_a_second_entry_without_an_exit_is_a_conflict(
    client: TestClient, guard: dict[str, str]
) -> None:
    client.post(f"{V1}/entries", json=entry_body(), headers=guard)

    response = client.post(f"{V1}/entries", json=entry_body(), headers=guard)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "ees.already_inside"


def test_a_refusal_is_registered_with_its_reasons(
    client: TestClient, guard: dict[str, str]
) -> None:
    response = client.post(
        f"{V1}/refusals",
        json={"traveller": traveller_body(), "bcp_code": "NLAMS", "reasons": ["E", "G"]},
        headers=guard,
    )

    assert response.status_code == 201
    assert response.json()["record"]["reasons"] == ["E", "G"]


def test_looking_up_an_unknown_document_is_not_found(
    client: TestClient, guard: dict[str, str]
) -> None:
    response = client.post(
        f"{V1}/travellers/lookup", json=document_body(number="NOSUCH000"), headers=guard
    )

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "ees.traveller_not_found"
    assert "NOSUCH000" not in response.text


def test_an_unknown_border_crossing_point_is_unprocessable(
    client: TestClient, guard: dict[str, str]
) -> None:
    response = client.post(f"{V1}/entries", json=entry_body(bcp_code="XXNOPE"), headers=guard)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "ees.unknown_border_crossing_point"


def test_an_eu_national_is_out_of_scope(client: TestClient, guard: dict[str, str]) -> None:
    response = client.post(
        f"{V1}/entries", json=entry_body(nationalities=("FRA",), issuing_state="FRA"), headers=guard
    )

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "ees.out_of_scope"


def test_an_expired_document_is_refused_by_the_calculator(
    client: TestClient, guard: dict[str, str]
) -> None:
    response = client.post(f"{V1}/entries", json=entry_body(expiry="2026-01-31"), headers=guard)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "ees.entry_not_authorised"


def test_a_carrier_gets_only_ok_or_not_ok(client: TestClient, tokens: dict[Role, str]) -> None:
    response = client.post(
        f"{V1}/carrier/verify",
        json={"document": document_body(), "nationality": "IND", "planned_entry": "2026-12-01"},
        headers=bearer(tokens[Role.CARRIER]),
    )

    assert response.status_code == 200
    assert response.json() == {"ok": False, "reason": "visa_required"}
