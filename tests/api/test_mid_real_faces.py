"""End to end on real photos and dlib's model: enrol, verify, identify, and a second
identity with the same face becoming a yellow link that a supervisor resolves.

The photos come from registry packages at test time (tests/biometrics/face_samples.py).
"""

import base64
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from limes.access.model import Role
from limes.access.service import SYSTEM
from limes.bootstrap import Services, build_memory_services
from limes.core.time import FixedClock
from limes.settings import MEMORY_DATABASE_URL, Settings
from tests.api.conftest import SCHIPHOL, bearer
from tests.biometrics.face_samples import SamplesUnavailableError, fetch_samples


@pytest.fixture(scope="module")
def photos() -> dict[str, Path]:
    try:
        return fetch_samples()
    except SamplesUnavailableError as error:
        pytest.skip(f"real face photos unavailable: {error}")


@pytest.fixture
def services(clock: FixedClock) -> Services:
    settings = Settings(database_url=MEMORY_DATABASE_URL, face_index="faiss-binary")
    built = build_memory_services(clock, settings)
    built.registry.add_border_crossing_point(SCHIPHOL, SYSTEM)
    return built


def image(photos: dict[str, Path], name: str) -> str:
    return base64.b64encode(photos[name].read_bytes()).decode()


def enrol(client: TestClient, token: str, record_id: str, picture: str) -> str:
    response = client.post(
        "/api/v1/biometrics/faces",
        json={"subject": {"system": "EES", "record_id": record_id}, "image": picture},
        headers=bearer(token),
    )
    assert response.status_code == 201, response.text
    return str(response.json()["template_id"])


def register(client: TestClient, token: str, record_id: str, template: str, surname: str) -> dict:  # type: ignore[type-arg]
    response = client.post(
        "/api/v1/interop/records",
        json={
            "system": "EES",
            "record_id": record_id,
            "member_state": "NLD",
            "identity": {"surname": surname, "date_of_birth": "1961-08-04", "sex": "M"},
            "template_ids": [template],
        },
        headers=bearer(token),
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


def test_real_faces_through_enrolment_verification_identification_and_the_mid(
    client: TestClient, tokens: dict[Role, str], photos: dict[str, Path]
) -> None:
    guard = tokens[Role.BORDER_GUARD]
    obama = enrol(client, guard, "f1", image(photos, "obama.jpg"))
    register(client, guard, "f1", obama, "Obama")
    biden = enrol(client, guard, "f3", image(photos, "biden.jpg"))
    register(client, guard, "f3", biden, "Biden")

    same = client.post(
        "/api/v1/biometrics/faces/verify",
        json={"template_id": obama, "image": image(photos, "obama2.jpg")},
        headers=bearer(guard),
    ).json()
    assert same["decision"] == "match"
    other = client.post(
        "/api/v1/biometrics/faces/verify",
        json={"template_id": biden, "image": image(photos, "obama2.jpg")},
        headers=bearer(guard),
    ).json()
    assert other["decision"] == "no_match"

    found = client.post(
        "/api/v1/biometrics/faces/identify",
        json={"image": image(photos, "obama3.jpg"), "max_candidates": 2},
        headers=bearer(guard),
    ).json()
    assert [(c["record_id"], c["decision"]) for c in found["candidates"]] == [
        ("f1", "match"),
        ("f3", "no_match"),
    ]

    # The same man enrolled again under another name: a yellow link for the border.
    second = enrol(client, guard, "f2", image(photos, "obama2.jpg"))
    outcome = register(client, guard, "f2", second, "Barry")
    [link] = outcome["links"]
    assert (link["colour"], link["biometric"], link["record_b"]) == ("yellow", "same", "EES:f1")

    resolved = client.post(
        f"/api/v1/interop/links/{link['link_id']}/resolution",
        json={"colour": "red", "reason": "one face, two identities"},
        headers=bearer(tokens[Role.SUPERVISOR]),
    )
    assert resolved.status_code == 200, resolved.text
    stats = client.get("/api/v1/interop/statistics", headers=bearer(tokens[Role.SUPERVISOR])).json()
    assert stats["by_colour"]["red"] == 1
    assert stats["red"]["still_open"] == 1
