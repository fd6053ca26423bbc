"""The biometrics and interoperability routes, on stand-in engines (real ones: see
tests/api/test_mid_real_faces.py)."""

import base64
from typing import Any

import pytest
from fastapi.testclient import TestClient

from limes.access.model import Role
from limes.access.service import SYSTEM
from limes.bootstrap import Services, build_memory_services
from limes.core.time import FixedClock
from limes.settings import MEMORY_DATABASE_URL, Settings
from tests.api.conftest import SCHIPHOL, bearer
from tests.biometrics.fakes import fake_engines


@pytest.fixture
def services(clock: FixedClock) -> Services:
    settings = Settings(database_url=MEMORY_DATABASE_URL, face_index="exact")
    built = build_memory_services(clock, settings, fake_engines())
    built.registry.add_border_crossing_point(SCHIPHOL, SYSTEM)
    return built


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def enrol(client: TestClient, token: str, record_id: str, face: bytes) -> str:
    response = client.post(
        "/api/v1/biometrics/faces",
        json={"subject": {"system": "EES", "record_id": record_id}, "image": b64(face)},
        headers=bearer(token),
    )
    assert response.status_code == 201, response.text
    return str(response.json()["template_id"])


def register(
    client: TestClient, token: str, record_id: str, template: str, surname: str, born: str
) -> dict[str, Any]:
    response = client.post(
        "/api/v1/interop/records",
        json={
            "system": "EES",
            "record_id": record_id,
            "member_state": "NLD",
            "identity": {
                "surname": surname,
                "given_names": "A",
                "date_of_birth": born,
                "sex": "F",
                "nationalities": ["USA"],
            },
            "documents": [{"issuing_state": "USA", "number": f"P{record_id.upper()}"}],
            "template_ids": [template],
        },
        headers=bearer(token),
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


@pytest.mark.parametrize("colour", ["red", "green"])
def test_same_face_second_identity_yellow_then_resolved_and_counted(
    client: TestClient, tokens: dict[Role, str], colour: str
) -> None:
    guard = tokens[Role.BORDER_GUARD]
    register(
        client, guard, "f1", enrol(client, guard, "f1", b"face:alice:0"), "Jansen", "1980-05-17"
    )
    second = register(
        client, guard, "f2", enrol(client, guard, "f2", b"face:alice:1"), "Okafor", "1970-01-02"
    )
    [link] = second["links"]
    assert link["colour"] == "yellow"
    assert link["biometric"] == "same"
    assert link["identity"] == "different"

    queue = client.get("/api/v1/interop/links/queue", headers=bearer(guard)).json()
    assert [item["link_id"] for item in queue] == [link["link_id"]]

    file = client.get(f"/api/v1/interop/links/{link['link_id']}", headers=bearer(guard)).json()
    assert file["legal_basis"].endswith("art. 30")
    assert file["record_a"]["identity"]["surname"] == "Okafor"

    resolved = client.post(
        f"/api/v1/interop/links/{link['link_id']}/resolution",
        json={"colour": colour, "reason": "compared at second line"},
        headers=bearer(tokens[Role.SUPERVISOR]),
    )
    assert resolved.status_code == 200, resolved.text
    assert resolved.json()["colour"] == colour
    assert [c["colour"] for c in resolved.json()["history"]] == ["yellow", colour]

    stats = client.get("/api/v1/interop/statistics", headers=bearer(tokens[Role.SUPERVISOR]))
    assert stats.status_code == 200
    assert stats.json()["by_colour"] == {
        "yellow": 0,
        "green": int(colour == "green"),
        "red": int(colour == "red"),
        "white": 0,
    }
    assert stats.json()["yellow"]["closed"] == 1


def test_resolution_errors_are_specific(client: TestClient, tokens: dict[Role, str]) -> None:
    guard = tokens[Role.BORDER_GUARD]
    register(
        client, guard, "f1", enrol(client, guard, "f1", b"face:alice:0"), "Jansen", "1980-05-17"
    )
    second = register(
        client, guard, "f2", enrol(client, guard, "f2", b"face:alice:1"), "Okafor", "1970-01-02"
    )
    link_id = second["links"][0]["link_id"]
    url = f"/api/v1/interop/links/{link_id}/resolution"

    wrong_authority = client.post(
        url, json={"colour": "red", "reason": "x"}, headers=bearer(tokens[Role.VISA_AUTHORITY])
    )
    assert wrong_authority.status_code == 403
    assert wrong_authority.json()["error"]["code"] == "interop.not_responsible_authority"

    back_to_yellow = client.post(
        url, json={"colour": "yellow", "reason": "x"}, headers=bearer(guard)
    )
    assert back_to_yellow.status_code == 422

    missing = client.post(
        "/api/v1/interop/links/nope/resolution",
        json={"colour": "red", "reason": "x"},
        headers=bearer(guard),
    )
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "interop.link_not_found"

    carrier = client.get("/api/v1/interop/links/queue", headers=bearer(tokens[Role.CARRIER]))
    assert carrier.status_code == 403


def test_a_failed_quality_gate_names_each_reason(
    client: TestClient, tokens: dict[Role, str]
) -> None:
    response = client.post(
        "/api/v1/biometrics/faces",
        json={"subject": {"system": "EES", "record_id": "f1"}, "image": b64(b"face:bob:blurred")},
        headers=bearer(tokens[Role.BORDER_GUARD]),
    )
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "biometrics.quality_rejected"
    assert [detail["type"] for detail in error["details"]] == ["blurred"]


def test_bad_base64_and_unknown_templates(client: TestClient, tokens: dict[Role, str]) -> None:
    guard = bearer(tokens[Role.BORDER_GUARD])
    bad = client.post(
        "/api/v1/biometrics/faces",
        json={"subject": {"system": "EES", "record_id": "f1"}, "image": "not base64!"},
        headers=guard,
    )
    assert bad.status_code == 422
    assert bad.json()["error"]["code"] == "biometrics.unreadable_image"
    unknown = client.post(
        "/api/v1/biometrics/faces/verify",
        json={"template_id": "nope", "image": b64(b"face:bob:0")},
        headers=guard,
    )
    assert unknown.status_code == 404
    assert unknown.json()["error"]["code"] == "biometrics.template_not_found"


def test_verify_and_identify(client: TestClient, tokens: dict[Role, str]) -> None:
    guard = tokens[Role.BORDER_GUARD]
    template = enrol(client, guard, "f1", b"face:alice:0")
    enrol(client, guard, "f2", b"face:bob:0")
    same = client.post(
        "/api/v1/biometrics/faces/verify",
        json={"template_id": template, "image": b64(b"face:alice:3")},
        headers=bearer(guard),
    ).json()
    assert same["decision"] == "match"
    assert same["score"] < same["threshold"] == 0.6
    other = client.post(
        "/api/v1/biometrics/faces/verify",
        json={"template_id": template, "image": b64(b"face:bob:3")},
        headers=bearer(guard),
    ).json()
    assert other["decision"] == "no_match"
    found = client.post(
        "/api/v1/biometrics/faces/identify",
        json={"image": b64(b"face:bob:5"), "max_candidates": 2},
        headers=bearer(guard),
    ).json()
    assert [c["record_id"] for c in found["candidates"]] == ["f2", "f1"]
    assert [c["decision"] for c in found["candidates"]] == ["match", "no_match"]
    assert found["gallery_size"] == 2
    templates = client.get(
        "/api/v1/biometrics/records/EES/f1/templates", headers=bearer(guard)
    ).json()
    assert [t["template_id"] for t in templates] == [template]
    assert "data" not in templates[0]


def test_the_search_portal_groups_by_system_and_follows_profiles(
    client: TestClient, tokens: dict[Role, str]
) -> None:
    guard = tokens[Role.BORDER_GUARD]
    register(
        client, guard, "f1", enrol(client, guard, "f1", b"face:alice:0"), "Jansen", "1980-05-17"
    )
    query = {"document": {"issuing_state": "USA", "number": "PF1"}}
    as_guard = client.post("/api/v1/interop/search", json=query, headers=bearer(guard)).json()
    assert as_guard["searched"] == ["EES", "ETIAS", "VIS", "SIS"]
    assert list(as_guard["results"]) == as_guard["searched"]
    [hit] = as_guard["results"]["EES"]
    assert hit["documents"] == [{"number": "PF1", "issuing_state": "USA"}]
    as_sirene = client.post(
        "/api/v1/interop/search", json=query, headers=bearer(tokens[Role.SIRENE])
    ).json()
    [hit] = as_sirene["results"]["EES"]
    assert "documents" not in hit
    assert hit["identity"]["surname"] == "Jansen"
    by_face = client.post(
        "/api/v1/interop/search", json={"face_image": b64(b"face:alice:7")}, headers=bearer(guard)
    ).json()
    assert [h["record_id"] for h in by_face["results"]["EES"]] == ["f1"]
    assert by_face["query_kinds"] == ["face"]
    empty = client.post("/api/v1/interop/search", json={}, headers=bearer(guard))
    assert empty.status_code == 422
    carrier = client.post(
        "/api/v1/interop/search", json=query, headers=bearer(tokens[Role.CARRIER])
    )
    assert carrier.status_code == 403
