from typing import Any

import pytest
from fastapi.testclient import TestClient

from limes.access.model import Role
from limes.access.policy import Action, allowed_roles
from limes.api.etias_forms import EXAMPLE
from tests.api.bodies import document_body, entry_body, traveller_body
from tests.api.conftest import bearer

V1 = "/api/v1"
# Bodies the routes accept as well-formed; an image of three zero bytes is refused (422)
# after the access check, which is all these tests need.
_ENROL_FACE: dict[str, Any] = {"subject": {"system": "EES", "record_id": "r-1"}, "image": "AAAA"}
_PROBE: dict[str, Any] = {"template_id": "t-unknown", "image": "AAAA"}
_RECORD: dict[str, Any] = {
    "system": "EES",
    "record_id": "r-1",
    "member_state": "NLD",
    "identity": {"surname": "Test"},
}
_PERSON_ALERT: dict[str, Any] = {
    "alert_id": "SIS-NLD-1",
    "issuing_state": "NLD",
    "category": "refusal_of_entry",
    "surname": "Test",
}
_DOCUMENT_ALERT: dict[str, Any] = {
    "source": "sis",
    "alert_id": "SISDOC-NLD-1",
    "issuing_state": "NLD",
    "document_type": "P",
    "document_number": "SPEC1",
    "document_country": "NLD",
    "status": "stolen",
}

# Every authenticated route: method, path as declared, path as called, body, action.
ROUTES: list[tuple[str, str, str, dict[str, Any] | None, Action]] = [
    ("POST", "/travellers/lookup", "", document_body(), Action.TRAVELLER_READ),
    ("POST", "/entries", "", entry_body(), Action.ENTRY_REGISTER),
    (
        "POST",
        "/exits",
        "",
        {"document": document_body(), "bcp_code": "NLAMS"},
        Action.EXIT_REGISTER,
    ),
    (
        "POST",
        "/refusals",
        "",
        {"traveller": traveller_body(), "bcp_code": "NLAMS", "reasons": ["E"]},
        Action.REFUSAL_REGISTER,
    ),
    (
        "POST",
        "/stay-decisions",
        "",
        {
            "document": document_body(),
            "kind": "extension",
            "decided_on": "2026-11-20",
            "place": "Amsterdam",
            "authorised_stay_until": "2027-01-31",
        },
        Action.STAY_DECISION_REGISTER,
    ),
    ("POST", "/stay/remaining", "", {"document": document_body()}, Action.STAY_READ),
    (
        "POST",
        "/carrier/verify",
        "",
        {"document": document_body(), "nationality": "USA", "planned_entry": "2026-12-01"},
        Action.CARRIER_VERIFY,
    ),
    ("GET", "/overstayers", "", None, Action.OVERSTAYERS_READ),
    ("POST", "/overstayers/flag", "", None, Action.OVERSTAYERS_FLAG),
    (
        "GET",
        "/statistics",
        "?kind=entry&dimension=nationality&from_day=2026-01-01&to_day=2026-12-31",
        None,
        Action.STATISTICS_READ,
    ),
    (
        "POST",
        "/visas",
        "",
        {
            "sticker_number": "012345678",
            "issuing_state": "NLD",
            "valid_from": "2026-11-01",
            "valid_until": "2027-04-30",
            "entries_allowed": None,
            "duration_of_stay_days": 90,
        },
        Action.VISA_REGISTER,
    ),
    ("GET", "/border-crossing-points", "", None, Action.BCP_READ),
    (
        "POST",
        "/border-crossing-points",
        "",
        {
            "code": "FIHEL",
            "name": "Port of Helsinki",
            "state": "FIN",
            "border_type": "sea",
            "time_zone": "Europe/Helsinki",
        },
        Action.BCP_MANAGE,
    ),
    (
        "POST",
        "/data-subject-requests",
        "",
        {"document": document_body(), "kind": "access"},
        Action.DATA_SUBJECT_MANAGE,
    ),
    ("GET", "/data-subject-requests", "", None, Action.DATA_SUBJECT_MANAGE),
    (
        "POST",
        "/data-subject-requests/{request_id}/forward",
        "",
        None,
        Action.DATA_SUBJECT_MANAGE,
    ),
    ("GET", "/data-subject-requests/{request_id}/export", "", None, Action.DATA_SUBJECT_MANAGE),
    (
        "POST",
        "/data-subject-requests/{request_id}/complete",
        "",
        {"accepted": False, "outcome": "not held"},
        Action.DATA_SUBJECT_MANAGE,
    ),
    ("POST", "/files/{file_id}/erase", "", {"reason": "test"}, Action.FILE_ERASE),
    ("POST", "/retention/run", "", None, Action.RETENTION_RUN),
    ("GET", "/audit/verify", "", None, Action.AUDIT_VERIFY),
    ("POST", "/biometrics/faces", "", _ENROL_FACE, Action.BIOMETRIC_ENROL),
    (
        "POST",
        "/biometrics/fingerprints",
        "",
        {**_ENROL_FACE, "finger_position": 2},
        Action.BIOMETRIC_ENROL,
    ),
    (
        "POST",
        "/biometrics/minutiae",
        "",
        {"subject": _ENROL_FACE["subject"], "record": "AAAA", "format": "iso-19794-2-2005"},
        Action.BIOMETRIC_ENROL,
    ),
    ("POST", "/biometrics/faces/verify", "", _PROBE, Action.BIOMETRIC_VERIFY),
    ("POST", "/biometrics/fingerprints/verify", "", _PROBE, Action.BIOMETRIC_VERIFY),
    ("POST", "/biometrics/faces/identify", "", {"image": "AAAA"}, Action.BIOMETRIC_IDENTIFY),
    (
        "POST",
        "/biometrics/fingerprints/identify",
        "",
        {"image": "AAAA", "finger_position": 2},
        Action.BIOMETRIC_IDENTIFY,
    ),
    ("POST", "/biometrics/identify", "", {"face_image": "AAAA"}, Action.BIOMETRIC_IDENTIFY),
    (
        "GET",
        "/biometrics/records/{system}/{record_id}/templates",
        "",
        None,
        Action.BIOMETRIC_VERIFY,
    ),
    (
        "DELETE",
        "/biometrics/records/{system}/{record_id}/templates",
        "",
        None,
        Action.BIOMETRIC_ERASE,
    ),
    ("POST", "/interop/records", "", _RECORD, Action.INTEROP_RECORD_WRITE),
    ("GET", "/interop/records/{system}/{record_id}", "", None, Action.INTEROP_RECORD_READ),
    ("GET", "/interop/identities/{identity_id}", "", None, Action.INTEROP_RECORD_READ),
    ("GET", "/interop/links/queue", "", None, Action.MID_QUEUE_READ),
    ("GET", "/interop/links/{link_id}", "", None, Action.MID_QUEUE_READ),
    (
        "POST",
        "/interop/links/{link_id}/resolution",
        "",
        {"colour": "red", "reason": "test"},
        Action.MID_LINK_RESOLVE,
    ),
    ("GET", "/interop/statistics", "", None, Action.MID_STATISTICS_READ),
    (
        "POST",
        "/interop/search",
        "",
        {"document": {"issuing_state": "USA", "number": "X1"}},
        Action.ESP_SEARCH,
    ),
    ("POST", "/watchlist/person-alerts", "", _PERSON_ALERT, Action.WATCHLIST_ALERT_WRITE),
    ("POST", "/watchlist/document-alerts", "", _DOCUMENT_ALERT, Action.WATCHLIST_ALERT_WRITE),
    (
        "POST",
        "/watchlist/entries",
        "",
        {"offence": "terrorist_offence", "email": "x@example.org"},
        Action.WATCHLIST_ENTRY_WRITE,
    ),
    ("POST", "/watchlist/import", "", {"lines": ["{}"]}, Action.WATCHLIST_IMPORT),
    ("GET", "/watchlist/person-alerts/{alert_id}", "", None, Action.WATCHLIST_READ),
    ("GET", "/watchlist/document-alerts/{alert_id}", "", None, Action.WATCHLIST_READ),
    ("GET", "/watchlist/entries/{entry_id}", "", None, Action.WATCHLIST_READ),
    (
        "POST",
        "/watchlist/person-alerts/{alert_id}/withdraw",
        "",
        {"reason": "test"},
        Action.WATCHLIST_ALERT_WRITE,
    ),
    (
        "POST",
        "/watchlist/document-alerts/{alert_id}/withdraw",
        "",
        {"reason": "test"},
        Action.WATCHLIST_ALERT_WRITE,
    ),
    (
        "POST",
        "/watchlist/entries/{entry_id}/withdraw",
        "",
        {"reason": "test"},
        Action.WATCHLIST_ENTRY_WRITE,
    ),
    ("POST", "/watchlist/entries/{entry_id}/review", "", None, Action.WATCHLIST_ENTRY_WRITE),
    ("GET", "/watchlist/review-due", "", None, Action.WATCHLIST_READ),
    (
        "POST",
        "/watchlist/documents/check",
        "",
        {"country": "UTO", "number": "SPEC1"},
        Action.WATCHLIST_READ,
    ),
    ("GET", "/etias/central-unit/queue", "", None, Action.ETIAS_CENTRAL_VERIFY),
    ("GET", "/etias/national-unit/queue", "", None, Action.ETIAS_NATIONAL_DECIDE),
    ("GET", "/etias/overdue", "", None, Action.ETIAS_CASE_READ),
    ("GET", "/etias/applications/{application_id}", "", None, Action.ETIAS_CASE_READ),
    (
        "POST",
        "/etias/applications/{application_id}/hits/{hit_id}/verification",
        "",
        {"verdict": "false", "reason": "test"},
        Action.ETIAS_CENTRAL_VERIFY,
    ),
    (
        "POST",
        "/etias/applications/{application_id}/information-requests",
        "",
        {"questions": "test"},
        Action.ETIAS_NATIONAL_DECIDE,
    ),
    (
        "POST",
        "/etias/applications/{application_id}/interview",
        "",
        {"scheduled_at": "2026-11-30T09:00:00+00:00", "remote": True, "reason": "test"},
        Action.ETIAS_NATIONAL_DECIDE,
    ),
    (
        "POST",
        "/etias/applications/{application_id}/interview/outcome",
        "",
        {"attended": True},
        Action.ETIAS_NATIONAL_DECIDE,
    ),
    (
        "POST",
        "/etias/applications/{application_id}/decision",
        "",
        {"kind": "issue"},
        Action.ETIAS_NATIONAL_DECIDE,
    ),
    (
        "POST",
        "/etias/authorisations/{authorisation_number}/annul",
        "",
        {"grounds": ["security_risk"], "reason": "test"},
        Action.ETIAS_AUTHORISATION_MANAGE,
    ),
    (
        "POST",
        "/etias/authorisations/{authorisation_number}/revoke",
        "",
        {"grounds": ["security_risk"], "reason": "test"},
        Action.ETIAS_AUTHORISATION_MANAGE,
    ),
    ("POST", "/etias/rescreen", "", {}, Action.ETIAS_CENTRAL_VERIFY),
    (
        "POST",
        "/etias/carrier-query",
        "",
        {"document": document_body(), "nationality": "USA"},
        Action.ETIAS_CARRIER_QUERY,
    ),
    ("POST", "/etias/border-query", "", {"mrz": ["P<UTO"]}, Action.ETIAS_BORDER_QUERY),
    ("GET", "/etias/screening-rules", "", None, Action.ETIAS_RULES_MANAGE),
    (
        "POST",
        "/etias/screening-rules",
        "",
        {"risk": "security", "conditions": [], "reason": "test"},
        Action.ETIAS_RULES_MANAGE,
    ),
    (
        "POST",
        "/etias/screening-rules/{rule_id}/versions",
        "",
        {"reason": "test"},
        Action.ETIAS_RULES_MANAGE,
    ),
    ("GET", "/etias/screening-rules/{rule_id}/history", "", None, Action.ETIAS_RULES_MANAGE),
    (
        "POST",
        "/etias/impact-assessment",
        "",
        {"entry": {"offence": "terrorist_offence", "email": "x@example.org"}},
        Action.ETIAS_IMPACT_ASSESS,
    ),
    ("GET", "/etias/fairness-report", "", None, Action.ETIAS_STATISTICS_READ),
    (
        "POST",
        "/screening/compare",
        "",
        {"query": {"names": [{"text": "A B"}]}, "candidate": {"names": [{"text": "A C"}]}},
        Action.SCREENING_COMPARE,
    ),
]

# The ETIAS applicant's routes: no account, so no token (Reg. 2018/1240 art. 15); the API
# acts for the applicant. Method, path as declared, body.
PUBLIC_ROUTES: list[tuple[str, str, dict[str, Any]]] = [
    ("POST", "/etias/applications", EXAMPLE),
    ("POST", "/etias/applications/{application_id}/status", {"document_number": "X1"}),
    (
        "POST",
        "/etias/applications/{application_id}/information-reply",
        {"document_number": "X1", "reply": "test"},
    ),
    ("POST", "/etias/applications/{application_id}/retention-consent", {"document_number": "X1"}),
    (
        "POST",
        "/etias/authorisations/self-revoke",
        {"application_id": "a-unknown", "document_number": "X1"},
    ),
]


_PATH_VALUES = {
    "{request_id}": "r-unknown",
    "{file_id}": "f-unknown",
    "{system}": "EES",
    "{record_id}": "r-unknown",
    "{link_id}": "l-unknown",
    "{identity_id}": "i-unknown",
    "{alert_id}": "a-unknown",
    "{entry_id}": "e-unknown",
    "{application_id}": "a-unknown",
    "{hit_id}": "h-unknown",
    "{authorisation_number}": "TA-UNKNOWN",
    "{rule_id}": "rule-unknown",
}


def _call(
    client: TestClient, method: str, path: str, query: str, body: object, token: str | None
) -> Any:
    for placeholder, value in _PATH_VALUES.items():
        path = path.replace(placeholder, value)
    url = V1 + path
    headers = bearer(token) if token else {}
    return client.request(method, url + query, json=body, headers=headers)


@pytest.mark.parametrize(
    ("method", "path", "query", "body", "action"),
    ROUTES,
    ids=[f"{method} {path}" for method, path, *_ in ROUTES],
)
def test_each_route_answers_403_to_exactly_the_roles_it_does_not_allow(
    client: TestClient,
    tokens: dict[Role, str],
    method: str,
    path: str,
    query: str,
    body: object,
    action: Action,
) -> None:
    forbidden = {
        role
        for role in Role
        if _call(client, method, path, query, body, tokens[role]).status_code == 403
    }

    assert forbidden == set(Role) - allowed_roles(action)


@pytest.mark.parametrize(
    ("method", "path", "query", "body", "action"),
    ROUTES,
    ids=[f"{method} {path}" for method, path, *_ in ROUTES],
)
def test_each_route_answers_401_without_a_token(
    client: TestClient, method: str, path: str, query: str, body: object, action: Action
) -> None:
    response = _call(client, method, path, query, body, None)

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "auth.not_authenticated"
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_an_unknown_token_is_not_authenticated(client: TestClient) -> None:
    response = client.post(
        f"{V1}/travellers/lookup", json=document_body(), headers=bearer("limes_nonsense")
    )

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "auth.not_authenticated"


def test_a_forbidden_answer_names_the_roles_that_may(
    client: TestClient, tokens: dict[Role, str]
) -> None:
    response = client.post(f"{V1}/entries", json=entry_body(), headers=bearer(tokens[Role.CARRIER]))

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "auth.forbidden"
    assert "border_guard" in response.json()["error"]["message"]


def test_health_needs_no_token(client: TestClient) -> None:
    response = client.get(f"{V1}/health")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_every_route_but_health_is_in_the_role_table(client: TestClient) -> None:
    paths = client.get(f"{V1}/openapi.json").json()["paths"]

    declared = {
        (method.upper(), path.removeprefix(V1))
        for path, operations in paths.items()
        for method in operations
    }

    assert declared - {("GET", "/health")} == {
        (method, path) for method, path, *_ in ROUTES + PUBLIC_ROUTES
    }


@pytest.mark.parametrize(
    ("method", "path", "body"), PUBLIC_ROUTES, ids=[f"{m} {p}" for m, p, _ in PUBLIC_ROUTES]
)
def test_each_public_route_answers_without_a_token_and_a_token_changes_nothing(
    client: TestClient, tokens: dict[Role, str], method: str, path: str, body: object
) -> None:
    anonymous = _call(client, method, path, "", body, None)
    with_token = _call(client, method, path, "", body, tokens[Role.CARRIER])

    assert anonymous.status_code not in {401, 403}
    assert with_token.status_code == anonymous.status_code
    description = client.get(f"{V1}/openapi.json").json()["paths"][V1 + path]["post"]
    assert "No account" in description["description"]


def test_each_route_states_its_roles_in_the_openapi_description(client: TestClient) -> None:
    paths = client.get(f"{V1}/openapi.json").json()["paths"]

    for method, path, _, _, action in ROUTES:
        description = paths[V1 + path][method.lower()]["description"]
        assert all(f"`{role}`" in description for role in allowed_roles(action))
