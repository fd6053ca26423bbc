"""The /watchlist routes on in-memory services: bodies in, reads out, errors by code."""

from typing import Any

from fastapi.testclient import TestClient

from limes.access.model import Role
from tests.api.conftest import bearer
from tests.watchlists.builders import SAMPLE

V1 = "/api/v1/watchlist"

PERSON: dict[str, Any] = {
    "alert_id": "SIS-NLD-1",
    "issuing_state": "NLD",
    "category": "refusal_of_entry",
    "surname": "Vandermeer",
    "given_names": "Jorien",
    "date_of_birth": "1975-03",
    "sex": "F",
    "nationalities": ["UTO"],
    "travel_documents": [{"document_type": "P", "number": "SPEC01234", "country": "UTO"}],
}
DOCUMENT: dict[str, Any] = {
    "source": "sltd",
    "alert_id": "SLTD-1",
    "issuing_state": "UTO",
    "document_type": "P",
    "document_number": "SPEC 777-01",
    "document_country": "UTO",
    "status": "stolen",
}
ENTRY: dict[str, Any] = {
    "entry_id": "ETW-1",
    "offence": "terrorist_offence",
    "surname": "Kestrel",
    "date_of_birth": "1981",
    "organisation": {"name": "Example Trading Ltd"},
}


def test_a_person_alert_is_stored_and_read_back(
    client: TestClient, tokens: dict[Role, str]
) -> None:
    created = client.post(f"{V1}/person-alerts", json=PERSON, headers=bearer(tokens[Role.SIRENE]))

    assert created.status_code == 201, created.json()
    body = created.json()
    assert body["action_to_take"] == "refuse_entry"
    assert body["created_at"] == body["valid_from"] == "2026-11-23T09:00:00+00:00"
    read = client.get(f"{V1}/person-alerts/SIS-NLD-1", headers=bearer(tokens[Role.BORDER_GUARD]))
    assert read.json() == body
    again = client.post(f"{V1}/person-alerts", json=PERSON, headers=bearer(tokens[Role.SIRENE]))
    assert (again.status_code, again.json()["error"]["code"]) == (409, "watchlist.duplicate_alert")


def test_another_states_alert_is_refused(client: TestClient, tokens: dict[Role, str]) -> None:
    response = client.post(
        f"{V1}/person-alerts",
        json=PERSON | {"issuing_state": "DEU"},
        headers=bearer(tokens[Role.SIRENE]),
    )
    assert (response.status_code, response.json()["error"]["code"]) == (
        403,
        "watchlist.not_responsible",
    )


def test_a_broken_field_is_a_422_naming_the_field(
    client: TestClient, tokens: dict[Role, str]
) -> None:
    response = client.post(
        f"{V1}/person-alerts",
        json=PERSON | {"date_of_birth": "1975-02-30"},
        headers=bearer(tokens[Role.SIRENE]),
    )
    error = response.json()["error"]
    assert (response.status_code, error["code"]) == (422, "watchlist.invalid_field")
    assert error["message"].startswith("date_of_birth:")


def test_an_entry_is_entered_by_the_callers_party_after_the_sis_check(
    client: TestClient, tokens: dict[Role, str]
) -> None:
    client.post(f"{V1}/person-alerts", json=PERSON, headers=bearer(tokens[Role.SIRENE]))

    europol = client.post(f"{V1}/entries", json=ENTRY, headers=bearer(tokens[Role.EUROPOL]))
    national = client.post(
        f"{V1}/entries",
        json={"offence": "serious_criminal_offence", "email": "a@example.org"},
        headers=bearer(tokens[Role.ETIAS_UNIT]),
    )
    in_sis = client.post(
        f"{V1}/entries",
        json=ENTRY | {"entry_id": "ETW-2", "surname": "VANDERMEER", "date_of_birth": "1975"},
        headers=bearer(tokens[Role.EUROPOL]),
    )

    assert europol.status_code == 201
    assert europol.json()["entered_by"] == "EUROPOL"
    assert europol.json()["organisation"]["name"] == "Example Trading Ltd"
    assert national.status_code == 201
    assert national.json()["entered_by"] == "NLD"
    assert len(national.json()["entry_id"]) == 32
    assert (in_sis.status_code, in_sis.json()["error"]["code"]) == (409, "watchlist.entry_in_sis")


def test_an_entry_with_first_names_only_is_refused(
    client: TestClient, tokens: dict[Role, str]
) -> None:
    response = client.post(
        f"{V1}/entries",
        json={"offence": "terrorist_offence", "first_names": "Amon"},
        headers=bearer(tokens[Role.EUROPOL]),
    )
    assert (response.status_code, response.json()["error"]["code"]) == (
        422,
        "watchlist.no_identifying_item",
    )


def test_import_reports_per_kind_and_per_refused_line(
    client: TestClient, tokens: dict[Role, str]
) -> None:
    lines = [*SAMPLE.read_text(encoding="utf-8").splitlines(), '{"kind": "nonsense"}']

    response = client.post(
        f"{V1}/import", json={"lines": lines}, headers=bearer(tokens[Role.ADMIN])
    )

    assert response.status_code == 200
    report = response.json()
    assert report["stored"] == 12
    assert report["accepted"] == {
        "sis_person": 5,
        "sis_document": 2,
        "sltd_document": 2,
        "etias_watchlist": 3,
    }
    assert report["rejected"] == [
        {
            "line": 13,
            "code": "unknown_kind",
            "message": "kind is one of: sis_person, sis_document, sltd_document, etias_watchlist",
        }
    ]


def test_a_document_check_takes_the_document_in_the_body(
    client: TestClient, tokens: dict[Role, str]
) -> None:
    client.post(f"{V1}/document-alerts", json=DOCUMENT, headers=bearer(tokens[Role.SIRENE]))
    client.post(f"{V1}/person-alerts", json=PERSON, headers=bearer(tokens[Role.SIRENE]))
    guard = bearer(tokens[Role.BORDER_GUARD])

    stolen = client.post(
        f"{V1}/documents/check", json={"country": "UTO", "number": "SPEC77701"}, headers=guard
    ).json()
    held = client.post(
        f"{V1}/documents/check", json={"country": "UTO", "number": "SPEC01234"}, headers=guard
    ).json()
    clean = client.post(
        f"{V1}/documents/check", json={"country": "UTO", "number": "OTHER1"}, headers=guard
    ).json()

    assert stolen["hit"]
    assert [a["alert_id"] for a in stolen["document_alerts"]] == ["SLTD-1"]
    assert [a["alert_id"] for a in held["person_alerts"]] == ["SIS-NLD-1"]
    assert clean == {"hit": False, "document_alerts": [], "person_alerts": []}


def test_withdrawing_and_reviewing(client: TestClient, tokens: dict[Role, str]) -> None:
    sirene, europol = bearer(tokens[Role.SIRENE]), bearer(tokens[Role.EUROPOL])
    client.post(f"{V1}/document-alerts", json=DOCUMENT, headers=sirene)
    client.post(f"{V1}/entries", json=ENTRY, headers=europol)

    withdrawn = client.post(
        f"{V1}/document-alerts/SLTD-1/withdraw", json={"reason": "recovered"}, headers=sirene
    )
    again = client.post(
        f"{V1}/document-alerts/SLTD-1/withdraw", json={"reason": "recovered"}, headers=sirene
    )
    wrong_kind = client.post(
        f"{V1}/person-alerts/SLTD-1/withdraw", json={"reason": "recovered"}, headers=sirene
    )
    reviewed = client.post(f"{V1}/entries/ETW-1/review", headers=europol)
    entry_withdrawn = client.post(
        f"{V1}/entries/ETW-1/withdraw", json={"reason": "obsolete"}, headers=europol
    )
    due = client.get(f"{V1}/review-due", headers=bearer(tokens[Role.BORDER_GUARD]))

    assert withdrawn.status_code == 200
    assert withdrawn.json()["withdrawal_reason"] == "recovered"
    assert again.json()["error"]["code"] == "watchlist.already_withdrawn"
    assert (wrong_kind.status_code, wrong_kind.json()["error"]["code"]) == (
        404,
        "watchlist.not_found",
    )
    assert reviewed.json()["last_reviewed_at"] == "2026-11-23T09:00:00+00:00"
    assert entry_withdrawn.json()["withdrawn_at"] == "2026-11-23T09:00:00+00:00"
    assert due.json() == []
