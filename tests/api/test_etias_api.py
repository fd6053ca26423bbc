"""The /etias routes on in-memory services: the three flows of the issue through the API,
the applicant's rate limit, validation details, what carriers see, role checks."""

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from limes.access.model import Role
from limes.api.app import create_app
from limes.api.etias_forms import EXAMPLE
from limes.api.rate_limit import TokenBuckets
from limes.bootstrap import Services
from limes.core.mrz.model import MrzFields, MrzFormat
from limes.core.mrz.writer import write_mrz
from limes.core.time import FixedClock
from limes.settings import MEMORY_DATABASE_URL, Settings
from tests.api.conftest import bearer
from tests.builders import make_actor

V1 = "/api/v1"
ETIAS = f"{V1}/etias"
DOCUMENT = EXAMPLE["travel_document"]["number"]
AUDITOR = make_actor(Role.AUDITOR, name="auditor-1")
EXAMPLE_FILE = Path(__file__).parents[2] / "src" / "limes" / "examples" / "etias_application.json"


def form(**overrides: Any) -> dict[str, Any]:
    """The documented example form, with top-level fields replaced."""
    return copy.deepcopy(EXAMPLE) | overrides


def other_applicant() -> dict[str, Any]:
    document = EXAMPLE["travel_document"] | {"number": "DEMO00003"}
    return form(
        surname="Brackenridge",
        first_names="Oswin",
        surname_at_birth="",
        date_of_birth="1975-02-11",
        sex="M",
        email="oswin.brackenridge@example.com",
        travel_document=document,
    )


def person_alert(alert_id: str, category: str, applicant: dict[str, Any]) -> dict[str, Any]:
    """An SIS alert of the Netherlands on the applicant of `applicant`."""
    return {
        "alert_id": alert_id,
        "issuing_state": "NLD",
        "category": category,
        "surname": applicant["surname"],
        "given_names": applicant["first_names"],
        "date_of_birth": applicant["date_of_birth"],
        "sex": applicant["sex"],
        "nationalities": [applicant["nationality"]],
    }


def passport_mrz() -> list[str]:
    return list(
        write_mrz(
            MrzFields(
                format=MrzFormat.TD3,
                document_code="P",
                issuing_state="CAN",
                surname="HOLLOWELL",
                given_names="TAMSIN GRACE",
                document_number=DOCUMENT,
                nationality="CAN",
                birth_date="880614",
                sex="F",
                expiry_date="340228",
            )
        )
    )


def carrier_query(document_number: str = DOCUMENT) -> dict[str, Any]:
    return {
        "document": {"issuing_state": "CAN", "number": document_number},
        "nationality": "CAN",
        "travel_date": "2027-06-01",
    }


def ask_carrier(client: TestClient, headers: dict[str, str]) -> Any:
    return client.post(f"{ETIAS}/carrier-query", json=carrier_query(), headers=headers).json()


def apply(client: TestClient, body: dict[str, Any]) -> dict[str, Any]:
    response = client.post(f"{ETIAS}/applications", json=body)
    assert response.status_code == 201, response.json()
    result: dict[str, Any] = response.json()
    return result


def national_unit(services: Services, state: str) -> dict[str, str]:
    _, token = services.users.add_user(
        f"nu-{state.lower()}", [Role.ETIAS_UNIT], authority="ETIAS NU", state=state
    )
    return bearer(token)


def test_the_documented_example_is_the_schemas_example() -> None:
    assert json.loads(EXAMPLE_FILE.read_text(encoding="utf-8")) == EXAMPLE


def test_an_application_without_hits_is_issued_automatically(client: TestClient) -> None:
    answer = apply(client, form())

    assert answer["status"] == "issued"
    assert answer["fee"] == {"amount_cents": 2000, "currency": "EUR", "waiver": None}
    assert answer["authorisation_number"].startswith("TA-")
    assert (answer["valid_from"], answer["valid_until"]) == ("2026-11-23", "2029-11-22")
    status = client.post(
        f"{ETIAS}/applications/{answer['application_id']}/status",
        json={"document_number": DOCUMENT.lower()},
    )
    assert status.json() == answer
    wrong = client.post(
        f"{ETIAS}/applications/{answer['application_id']}/status",
        json={"document_number": "DEMO99999"},
    )
    assert (wrong.status_code, wrong.json()["error"]["code"]) == (
        404,
        "etias.application_not_found",
    )


def test_a_hit_goes_through_the_central_unit_to_the_national_unit_which_decides(
    client: TestClient, services: Services, tokens: dict[Role, str]
) -> None:
    sirene = bearer(tokens[Role.SIRENE])
    central, national = bearer(tokens[Role.ETIAS_CENTRAL_UNIT]), bearer(tokens[Role.ETIAS_UNIT])
    flagged, refused = form(), other_applicant()
    for alert in (
        person_alert("SIS-NLD-ARREST-1", "arrest", flagged),
        person_alert("SIS-NLD-REFUSAL-1", "refusal_of_entry", refused),
    ):
        assert client.post(f"{V1}/watchlist/person-alerts", json=alert, headers=sirene).is_success

    first, second = apply(client, flagged), apply(client, refused)

    assert first["status"] == second["status"] == "central_unit_verification"
    queue = client.get(f"{ETIAS}/central-unit/queue", headers=central).json()
    assert {case["application_id"] for case in queue} == {
        first["application_id"],
        second["application_id"],
    }
    for answer, check in ((first, "sis_arrest_alert"), (second, "sis_refusal_alert")):
        case = client.get(f"{ETIAS}/applications/{answer['application_id']}", headers=central)
        [hit] = case.json()["hits"]
        assert (hit["check"], hit["member_state"], hit["status"]) == (check, "NLD", "open")
        assert hit["matched_fields"][0]["method"] == "name_screening"
        assert hit["explanation"]
        verified = client.post(
            f"{ETIAS}/applications/{answer['application_id']}/hits/{hit['hit_id']}/verification",
            json={"verdict": "confirmed", "reason": "name, birth date and nationality agree"},
            headers=central,
        )
        assert verified.json()["status"] == "national_unit_assessment"
        assert verified.json()["responsible_state"] == "NLD"

    queue = client.get(f"{ETIAS}/national-unit/queue", headers=national).json()
    assert len(queue) == 2
    germany = national_unit(services, "DEU")
    assert client.get(f"{ETIAS}/national-unit/queue", headers=germany).json() == []
    not_theirs = client.post(
        f"{ETIAS}/applications/{first['application_id']}/decision",
        json={"kind": "issue"},
        headers=germany,
    )
    assert (not_theirs.status_code, not_theirs.json()["error"]["code"]) == (
        403,
        "etias.not_responsible_state",
    )

    issued = client.post(
        f"{ETIAS}/applications/{first['application_id']}/decision",
        json={
            "kind": "issue_with_flag",
            "flags": [{"kind": "second_line_check"}],
            "reason": "identity confirmed; the arrest alert is for another procedure",
        },
        headers=national,
    )
    issue_despite_refusal_alert = client.post(
        f"{ETIAS}/applications/{second['application_id']}/decision",
        json={"kind": "issue"},
        headers=national,
    )
    refusal = client.post(
        f"{ETIAS}/applications/{second['application_id']}/decision",
        json={
            "kind": "refuse",
            "grounds": ["sis_refusal_alert"],
            "reason": "refusal-of-entry alert confirmed",
        },
        headers=national,
    )

    assert issued.json()["authorisation"]["flags"][0]["kind"] == "second_line_check"
    assert (
        issue_despite_refusal_alert.status_code,
        issue_despite_refusal_alert.json()["error"]["code"],
    ) == (422, "etias.invalid_decision")
    assert refusal.json()["status"] == "refused"
    seen_by_first = client.post(
        f"{ETIAS}/applications/{first['application_id']}/status",
        json={"document_number": DOCUMENT},
    ).json()
    seen_by_second = client.post(
        f"{ETIAS}/applications/{second['application_id']}/status",
        json={"document_number": "DEMO00003"},
    ).json()
    assert seen_by_first["status"] == "issued"
    assert seen_by_first["grounds"] == []
    assert "hits" not in seen_by_first
    assert (seen_by_second["status"], seen_by_second["grounds"]) == (
        "refused",
        ["sis_refusal_alert"],
    )
    assert seen_by_second["authorisation_number"] is None
    guard = bearer(tokens[Role.BORDER_GUARD])
    border = client.post(f"{ETIAS}/border-query", json={"mrz": passport_mrz()}, headers=guard)
    assert border.json()["valid_here"] is True
    assert [flag["kind"] for flag in border.json()["flags"]] == ["second_line_check"]


def test_a_new_refusal_alert_puts_an_authorisation_under_review_and_it_is_revoked(
    client: TestClient, tokens: dict[Role, str]
) -> None:
    national, carrier = bearer(tokens[Role.ETIAS_UNIT]), bearer(tokens[Role.CARRIER])
    guard = bearer(tokens[Role.BORDER_GUARD])
    answer = apply(client, form())
    application_id = answer["application_id"]
    assert ask_carrier(client, carrier) == {"answer": "OK"}

    added = client.post(
        f"{V1}/watchlist/person-alerts",
        json=person_alert("SIS-NLD-NEW-1", "refusal_of_entry", form()),
        headers=bearer(tokens[Role.SIRENE]),
    )

    assert added.status_code == 201
    [queued] = client.get(f"{ETIAS}/national-unit/queue", headers=national).json()
    assert (queued["application_id"], queued["status"]) == (application_id, "revocation_review")
    assert queued["checks"] == ["sis_refusal_alert"]
    # Until the National Unit decides, the holder and carriers see a valid authorisation.
    status = client.post(
        f"{ETIAS}/applications/{application_id}/status", json={"document_number": DOCUMENT}
    )
    assert status.json()["status"] == "issued"
    assert ask_carrier(client, carrier) == {"answer": "OK"}

    revoked = client.post(
        f"{ETIAS}/applications/{application_id}/decision",
        json={
            "kind": "revoke",
            "grounds": ["sis_refusal_alert"],
            "reason": "new refusal-of-entry alert confirmed",
        },
        headers=national,
    )

    assert revoked.json()["status"] == "revoked"
    assert revoked.json()["authorisation"]["status"] == "revoked"
    assert ask_carrier(client, carrier) == {"answer": "NOT_OK"}
    border = client.post(f"{ETIAS}/border-query", json={"mrz": passport_mrz()}, headers=guard)
    assert (border.json()["found"], border.json()["valid_here"], border.json()["status"]) == (
        True,
        False,
        "revoked",
    )
    seen = client.post(
        f"{ETIAS}/applications/{application_id}/status", json={"document_number": DOCUMENT}
    ).json()
    assert (seen["status"], seen["authorisation_status"], seen["grounds"]) == (
        "revoked",
        "revoked",
        ["sis_refusal_alert"],
    )


def test_an_authorisation_is_revoked_by_its_number_and_the_holder_may_revoke_their_own(
    client: TestClient, tokens: dict[Role, str]
) -> None:
    national = bearer(tokens[Role.ETIAS_UNIT])
    first, second = apply(client, form()), apply(client, other_applicant())

    revoked = client.post(
        f"{ETIAS}/authorisations/{first['authorisation_number']}/revoke",
        json={"grounds": ["security_risk"], "reason": "new information from the police"},
        headers=national,
    )
    again = client.post(
        f"{ETIAS}/authorisations/{first['authorisation_number']}/annul",
        json={"grounds": ["security_risk"], "reason": "already ended"},
        headers=national,
    )
    own = client.post(
        f"{ETIAS}/authorisations/self-revoke",
        json={"application_id": second["application_id"], "document_number": "DEMO00003"},
    )

    assert revoked.json()["status"] == "revoked"
    assert (again.status_code, again.json()["error"]["code"]) == (409, "etias.invalid_transition")
    assert (own.json()["status"], own.json()["authorisation_status"]) == ("revoked", "revoked")


def test_an_invalid_form_lists_every_problem_by_field_without_the_values(
    client: TestClient,
) -> None:
    document = EXAMPLE["travel_document"] | {"number": ""}
    response = client.post(
        f"{ETIAS}/applications",
        json=form(email="tamsin-at-example", nationality="XYZ", travel_document=document),
    )

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "etias.invalid_application"
    assert {(d["field"], d["type"]) for d in error["details"]} >= {
        ("email", "invalid_email"),
        ("nationality", "unknown_country_code"),
        ("travel_document.number", "missing"),
    }
    assert all(set(detail) == {"field", "type"} for detail in error["details"])
    assert "tamsin-at-example" not in response.text


def test_a_malformed_form_is_refused_before_the_service_naming_the_field(
    client: TestClient,
) -> None:
    response = client.post(
        f"{ETIAS}/applications", json=form(date_of_birth="1988-02-30", surname="A\nB")
    )

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "request.invalid"
    assert {tuple(d["location"]) for d in error["details"]} == {
        ("body", "date_of_birth"),
        ("body", "surname"),
    }


def test_the_public_routes_answer_429_after_the_burst_with_retry_after(
    services: Services,
) -> None:
    settings = Settings(
        database_url=MEMORY_DATABASE_URL,
        etias_public_requests_per_minute=2,
        etias_public_burst=3,
    )
    app = create_app(services, settings)
    body = {"document_number": DOCUMENT}
    with (
        TestClient(app, client=("198.51.100.7", 40000)) as busy,
        TestClient(app, client=("198.51.100.8", 40000)) as other,
    ):
        answers = [busy.post(f"{ETIAS}/applications/x/status", json=body) for _ in range(4)]
        elsewhere = other.post(f"{ETIAS}/applications/x/status", json=body)

    assert [a.status_code for a in answers] == [404, 404, 404, 429]
    assert answers[-1].json()["error"]["code"] == "request.rate_limited"
    assert answers[-1].headers["Retry-After"] == "30"
    assert elsewhere.status_code == 404
    assert "rate limited" in app.openapi()["info"]["description"]


def test_a_bucket_refills_at_the_rate_and_holds_no_more_than_the_burst() -> None:
    now = [0.0]
    buckets = TokenBuckets(per_minute=60, burst=2, clock=lambda: now[0])

    taken = [buckets.take("a"), buckets.take("a"), buckets.take("a")]
    now[0] = 1.5
    after_a_second = [buckets.take("a"), buckets.take("a")]
    now[0] = 100.0
    after_a_while = [buckets.take("a"), buckets.take("a"), buckets.take("a")]

    assert taken == [0.0, 0.0, 1.0]
    assert after_a_second == [0.0, 0.5]
    assert after_a_while == [0.0, 0.0, 1.0]


def test_a_full_table_of_clients_forgets_idle_ones_first() -> None:
    now = [0.0]
    buckets = TokenBuckets(per_minute=60, burst=1, clock=lambda: now[0], max_keys=2)
    buckets.take("idle")
    now[0] = 10.0
    buckets.take("busy")

    buckets.take("new")

    assert buckets.take("busy") > 0  # still remembered: its token is spent
    assert buckets.take("idle") == 0.0  # forgotten, so a full bucket again


def test_the_carrier_learns_ok_or_not_ok_and_nothing_else(
    client: TestClient, tokens: dict[Role, str]
) -> None:
    carrier = bearer(tokens[Role.CARRIER])
    apply(client, form())

    holder = client.post(f"{ETIAS}/carrier-query", json=carrier_query(), headers=carrier)
    stranger = client.post(
        f"{ETIAS}/carrier-query", json=carrier_query("DEMO77777"), headers=carrier
    )
    wrong_nationality = client.post(
        f"{ETIAS}/carrier-query", json=carrier_query() | {"nationality": "USA"}, headers=carrier
    )

    assert holder.json() == {"answer": "OK"}
    assert stranger.json() == wrong_nationality.json() == {"answer": "NOT_OK"}
    assert client.get(f"{ETIAS}/central-unit/queue", headers=carrier).status_code == 403


def test_units_read_only_what_their_role_and_state_allow(
    client: TestClient, services: Services, tokens: dict[Role, str]
) -> None:
    sirene = bearer(tokens[Role.SIRENE])
    alert = person_alert("SIS-NLD-ARREST-2", "arrest", form())
    client.post(f"{V1}/watchlist/person-alerts", json=alert, headers=sirene)
    answer = apply(client, form())
    path = f"{ETIAS}/applications/{answer['application_id']}"

    central = client.get(path, headers=bearer(tokens[Role.ETIAS_CENTRAL_UNIT]))
    guard = client.get(path, headers=bearer(tokens[Role.BORDER_GUARD]))
    germany = client.get(path, headers=national_unit(services, "DEU"))
    national_verifies = client.post(
        f"{path}/hits/{central.json()['hits'][0]['hit_id']}/verification",
        json={"verdict": "false", "reason": "namesake"},
        headers=bearer(tokens[Role.ETIAS_UNIT]),
    )

    assert central.status_code == 200
    assert central.json()["form"]["travel_document"]["number"] == DOCUMENT
    assert (guard.status_code, guard.json()["error"]["code"]) == (403, "auth.forbidden")
    assert (germany.status_code, germany.json()["error"]["code"]) == (
        403,
        "etias.not_responsible_state",
    )
    assert national_verifies.status_code == 403


def test_a_false_hit_is_deleted_and_the_authorisation_issued(
    client: TestClient, tokens: dict[Role, str]
) -> None:
    central = bearer(tokens[Role.ETIAS_CENTRAL_UNIT])
    alert = person_alert("SIS-NLD-ARREST-3", "arrest", form())
    client.post(f"{V1}/watchlist/person-alerts", json=alert, headers=bearer(tokens[Role.SIRENE]))
    answer = apply(client, form())
    case = client.get(f"{ETIAS}/applications/{answer['application_id']}", headers=central)
    [hit] = case.json()["hits"]

    cleared = client.post(
        f"{ETIAS}/applications/{answer['application_id']}/hits/{hit['hit_id']}/verification",
        json={"verdict": "false", "reason": "another person: birth place differs"},
        headers=central,
    )
    twice = client.post(
        f"{ETIAS}/applications/{answer['application_id']}/hits/{hit['hit_id']}/verification",
        json={"verdict": "false", "reason": "again"},
        headers=central,
    )

    assert (cleared.json()["status"], cleared.json()["hits"]) == ("issued", [])
    assert twice.status_code in {404, 409}


def test_screening_rules_are_versioned_and_an_art_33_violation_is_refused_with_its_reason(
    client: TestClient, tokens: dict[Role, str]
) -> None:
    central = bearer(tokens[Role.ETIAS_CENTRAL_UNIT])
    rule = {
        "rule_id": "overstay-2026-1",
        "risk": "illegal_immigration",
        "conditions": [
            {"attribute": "nationality", "values": ["CAN"]},
            {"attribute": "occupation", "values": ["education"]},
        ],
        "reason": "abnormal overstay rate in EES statistics, 2026 Q3",
    }

    added = client.post(f"{ETIAS}/screening-rules", json=rule, headers=central)
    changed = client.post(
        f"{ETIAS}/screening-rules/overstay-2026-1/versions",
        json={"reason": "rate back to normal", "active": False},
        headers=central,
    )
    forbidden = client.post(
        f"{ETIAS}/screening-rules",
        json=rule | {"rule_id": "bad", "conditions": [{"attribute": "religion", "values": ["x"]}]},
        headers=central,
    )

    assert (added.status_code, added.json()["ref"]) == (201, "overstay-2026-1@v1")
    assert (changed.json()["version"], changed.json()["active"]) == (2, False)
    assert client.get(f"{ETIAS}/screening-rules", headers=central).json() == []
    history = client.get(f"{ETIAS}/screening-rules/overstay-2026-1/history", headers=central)
    assert [version["version"] for version in history.json()] == [1, 2]
    assert (forbidden.status_code, forbidden.json()["error"]["code"]) == (
        422,
        "etias.invalid_screening_rule",
    )
    assert forbidden.json()["error"]["details"] == [
        {"field": "conditions", "type": "forbidden_attribute"}
    ]


def test_an_impact_assessment_replays_a_rule_or_an_entry_without_storing_it(
    client: TestClient, tokens: dict[Role, str]
) -> None:
    central, europol = bearer(tokens[Role.ETIAS_CENTRAL_UNIT]), bearer(tokens[Role.EUROPOL])
    apply(client, form())
    apply(client, other_applicant())
    rule = {
        "risk": "security",
        "conditions": [{"attribute": "nationality", "values": ["CAN"]}],
        "reason": "proposal",
    }

    by_rule = client.post(f"{ETIAS}/impact-assessment", json={"rule": rule}, headers=central)
    by_entry = client.post(
        f"{ETIAS}/impact-assessment",
        json={"entry": {"offence": "terrorist_offence", "email": EXAMPLE["email"]}},
        headers=europol,
    )
    both = client.post(
        f"{ETIAS}/impact-assessment",
        json={"rule": rule, "entry": {"offence": "terrorist_offence", "surname": "X"}},
        headers=central,
    )

    assert (by_rule.json()["replayed"], by_rule.json()["would_hit"]) == (2, 2)
    assert by_rule.json()["additional_manual"] == 2
    assert by_rule.json()["suppressed_cells"] == len(by_rule.json()["cells"])  # under 5 each
    assert (by_entry.json()["would_hit"], by_entry.json()["additional_manual_rate"]) == (1, 0.5)
    assert (both.status_code, both.json()["error"]["code"]) == (422, "request.invalid")
    assert client.get(f"{ETIAS}/screening-rules", headers=central).json() == []


def test_the_fairness_report_suppresses_small_cells(
    client: TestClient, tokens: dict[Role, str]
) -> None:
    apply(client, form())

    report = client.get(f"{ETIAS}/fairness-report", headers=bearer(tokens[Role.AUDITOR]))

    assert report.json()["total"] == 1
    outcomes = {o["outcome"]: o["count"] for o in report.json()["outcomes"]}
    assert outcomes["issued_automatically"] is None  # one application: under five
    assert all(cell["count"] is None for cell in report.json()["cells"])


def test_an_unreadable_mrz_is_a_422_asking_for_a_rescan(
    client: TestClient, tokens: dict[Role, str]
) -> None:
    lines = passport_mrz()
    broken = [lines[0], lines[1][:-1] + ("0" if lines[1][-1] != "0" else "1")]

    response = client.post(
        f"{ETIAS}/border-query", json={"mrz": broken}, headers=bearer(tokens[Role.BORDER_GUARD])
    )

    assert (response.status_code, response.json()["error"]["code"]) == (
        422,
        "etias.unreadable_mrz",
    )
    assert DOCUMENT not in response.text


@pytest.mark.parametrize("role", [Role.SIRENE, Role.ETIAS_CENTRAL_UNIT])
def test_two_people_are_compared_with_reasons_and_the_comparison_is_audited(
    client: TestClient, services: Services, tokens: dict[Role, str], role: Role
) -> None:
    before = services.audit.verify(AUDITOR).entries_checked
    body = {
        "query": {"names": [{"text": "Владимир Путин"}], "birth_date": "1952-10-07"},
        "candidate": {
            "names": [{"family": "PUTIN", "given": "VLADIMIR"}],
            "birth_date": "1952",
            "sex": "M",
        },
    }

    response = client.post(f"{V1}/screening/compare", json=body, headers=bearer(tokens[role]))

    assert response.status_code == 200
    result = response.json()
    assert result["decision"] == "match"
    assert result["score"] >= result["threshold"] == 0.7
    assert {reason["code"] for reason in result["reasons"]} >= {"birth_date"}
    assert services.audit.verify(AUDITOR).entries_checked == before + 1


def declaring_a_conviction() -> dict[str, Any]:
    """A form whose only hit is the applicant's own answer: straight to the National Unit."""
    return form(background=EXAMPLE["background"] | {"criminal_conviction": True})


def test_information_is_requested_answered_and_a_missed_interview_refused(
    client: TestClient, clock: FixedClock, tokens: dict[Role, str]
) -> None:
    national = bearer(tokens[Role.ETIAS_UNIT])
    answer = apply(client, declaring_a_conviction())
    case = f"{ETIAS}/applications/{answer['application_id']}"
    proof = {"document_number": DOCUMENT}
    assert answer["status"] == "national_unit_assessment"

    asked = client.post(
        f"{case}/information-requests",
        json={"questions": "Which offence, and when was the sentence served?"},
        headers=national,
    )
    seen = client.post(f"{case}/status", json=proof).json()
    clock.advance(days=2)
    replied = client.post(
        f"{case}/information-reply", json=proof | {"reply": "A traffic offence in 2019."}
    )
    invited = client.post(
        f"{case}/interview",
        json={
            "scheduled_at": "2026-11-30T10:00:00+00:00",
            "remote": True,
            "reason": "the reply leaves the dates open",
        },
        headers=national,
    )
    invitation_seen = client.post(f"{case}/status", json=proof).json()
    clock.advance(days=6)
    missed = client.post(f"{case}/interview/outcome", json={"attended": False}, headers=national)
    refused = client.post(
        f"{case}/decision",
        json={"kind": "refuse", "grounds": ["no_show_at_interview"], "reason": "did not attend"},
        headers=national,
    )
    consent = client.post(f"{case}/retention-consent", json=proof)

    assert asked.json()["status"] == "information_requested"
    assert (seen["status"], seen["questions"]) == (
        "information_requested",
        "Which offence, and when was the sentence served?",
    )
    assert seen["reply_due"] == "2026-12-03T09:00:00+00:00"
    assert replied.json()["status"] == "national_unit_assessment"
    assert invited.json()["interview"]["remote"] is True
    assert invitation_seen["interview_at"] == "2026-11-30T10:00:00+00:00"
    assert missed.json()["interview"]["attended"] is False
    assert (refused.json()["status"], refused.json()["decisions"][-1]["grounds"]) == (
        "refused",
        ["no_show_at_interview"],
    )
    assert (consent.status_code, consent.json()["error"]["code"]) == (
        409,
        "etias.invalid_transition",
    )


def test_an_unanswered_request_becomes_overdue_and_may_be_refused_for_it(
    client: TestClient, clock: FixedClock, tokens: dict[Role, str]
) -> None:
    national = bearer(tokens[Role.ETIAS_UNIT])
    answer = apply(client, declaring_a_conviction())
    case = f"{ETIAS}/applications/{answer['application_id']}"
    client.post(f"{case}/information-requests", json={"questions": "Which?"}, headers=national)

    clock.advance(days=11)
    overdue = client.get(f"{ETIAS}/overdue", headers=national).json()
    late_reply = client.post(
        f"{case}/information-reply", json={"document_number": DOCUMENT, "reply": "Late."}
    )
    refused = client.post(
        f"{case}/decision",
        json={"kind": "refuse", "grounds": ["no_reply_to_information_request"]},
        headers=national,
    )

    assert [c["application_id"] for c in overdue] == [answer["application_id"]]
    assert late_reply.status_code == 409
    assert refused.json()["status"] == "refused"


def test_the_holder_consents_to_a_longer_retention(
    client: TestClient, tokens: dict[Role, str]
) -> None:
    answer = apply(client, form())

    consent = client.post(
        f"{ETIAS}/applications/{answer['application_id']}/retention-consent",
        json={"document_number": DOCUMENT},
    )
    case = client.get(
        f"{ETIAS}/applications/{answer['application_id']}",
        headers=bearer(tokens[Role.ETIAS_CENTRAL_UNIT]),
    )

    assert consent.json()["status"] == "issued"
    assert case.json()["retention_consent"] is True


def test_a_limited_territorial_validity_answers_carriers_by_the_state_of_entry(
    client: TestClient, tokens: dict[Role, str]
) -> None:
    national, carrier = bearer(tokens[Role.ETIAS_UNIT]), bearer(tokens[Role.CARRIER])
    answer = apply(client, declaring_a_conviction())

    decided = client.post(
        f"{ETIAS}/applications/{answer['application_id']}/decision",
        json={
            "kind": "limited_territorial_validity",
            "territorial_validity": ["NLD"],
            "reason": "humanitarian grounds (art. 44)",
        },
        headers=national,
    )
    answers = {
        entry: client.post(
            f"{ETIAS}/carrier-query",
            json=carrier_query() | ({"state_of_entry": entry} if entry else {}),
            headers=carrier,
        ).json()["answer"]
        for entry in ("NLD", "FRA", None)
    }

    assert decided.json()["authorisation"]["territorial_validity"] == ["NLD"]
    assert answers == {"NLD": "OK", "FRA": "NOT_OK", None: "NOT_OK"}
