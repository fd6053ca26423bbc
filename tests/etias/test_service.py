"""EtiasService beyond the three main flows: transactions, access, the National Unit's
steps, deadlines on a fixed clock, the applicant's own actions, and erasure."""

from datetime import date, timedelta

import pytest

from limes.access.errors import ForbiddenError
from limes.access.service import SYSTEM
from limes.etias.application import BackgroundAnswers
from limes.etias.errors import (
    ApplicationNotFoundError,
    AuthorisationNotFoundError,
    InvalidApplicationError,
    NotResponsibleStateError,
)
from limes.etias.model import (
    ApplicationStatus,
    CheckKind,
    Decision,
    HitStatus,
    RefusalGround,
)
from limes.etias.service_base import CENTRAL_SYSTEM_ACTOR
from tests.etias.builders import (
    APPLICANT,
    CARRIER,
    CENTRAL_UNIT,
    GUARD_NL,
    NATIONAL_UNIT_DE,
    NATIONAL_UNIT_NL,
    make_application,
    make_document,
    make_hit,
)
from tests.etias.conftest import Etias
from tests.etias.test_flows import passport_mrz

DOCUMENT = "L898902C3"


def at_national_unit(etias: Etias) -> str:
    """Submit with a Dutch alert and confirm it: the case waits for the Dutch unit."""
    etias.sis.add(DOCUMENT, make_hit(CheckKind.SIS_ARREST_ALERT, member_state="NLD"))
    answer = etias.service.submit(make_application(), APPLICANT)
    [hit] = etias.stored(answer.application_id).hits
    etias.service.verify_hit(
        CENTRAL_UNIT, answer.application_id, hit.hit_id, HitStatus.CONFIRMED, "data agree"
    )
    return answer.application_id


def test_a_failing_source_stores_nothing(etias: Etias) -> None:
    etias.watchlist.failure = RuntimeError("watchlist unreachable")

    with pytest.raises(RuntimeError):
        etias.service.submit(make_application(), APPLICANT)

    assert etias.count() == 0
    assert etias.audit_events() == []


def test_an_invalid_form_is_rejected_before_any_source_is_asked(etias: Etias) -> None:
    with pytest.raises(InvalidApplicationError):
        etias.service.submit(make_application(nationality="FRA"), APPLICANT)

    assert etias.sis.calls == 0
    assert etias.count() == 0


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda s: s.submit(make_application(), GUARD_NL), id="guard-submits"),
        pytest.param(lambda s: s.central_unit_queue(NATIONAL_UNIT_NL), id="nu-reads-cu-queue"),
        pytest.param(lambda s: s.national_unit_queue(CENTRAL_UNIT), id="cu-reads-nu-queue"),
        pytest.param(lambda s: s.border_query(CARRIER, "x"), id="carrier-border-query"),
        pytest.param(
            lambda s: s.carrier_query(APPLICANT, DOCUMENT, "USA", "USA", travel_date=date.today()),
            id="applicant-carrier-query",
        ),
        pytest.param(lambda s: s.fairness_report(NATIONAL_UNIT_NL), id="nu-fairness"),
        pytest.param(lambda s: s.rescreen(NATIONAL_UNIT_NL), id="nu-rescreen"),
        pytest.param(lambda s: s.screening_rules(NATIONAL_UNIT_NL), id="nu-rules"),
        pytest.param(lambda s: s.apply_retention(CENTRAL_UNIT), id="cu-retention"),
    ],
)
def test_each_use_case_checks_the_role(etias: Etias, call: object) -> None:
    with pytest.raises(ForbiddenError):
        call(etias.service)  # type: ignore[operator]


def test_a_national_unit_reads_only_its_own_states_cases(etias: Etias) -> None:
    application_id = at_national_unit(etias)

    assert etias.service.case(NATIONAL_UNIT_NL, application_id).responsible_state == "NLD"
    assert etias.service.case(CENTRAL_UNIT, application_id).application_id == application_id
    with pytest.raises(NotResponsibleStateError):
        etias.service.case(NATIONAL_UNIT_DE, application_id)


def test_the_national_unit_asks_the_applicant_and_decides_after_the_reply(etias: Etias) -> None:
    application_id = at_national_unit(etias)
    etias.clock.advance(hours=10)
    asked = etias.service.request_information(
        NATIONAL_UNIT_NL, application_id, "Which court issued the 2019 judgment?"
    )
    assert asked.deadline == etias.clock.now() + timedelta(days=10)

    status = etias.service.status(APPLICANT, application_id, DOCUMENT)
    assert status.status is ApplicationStatus.INFORMATION_REQUESTED
    assert status.questions == "Which court issued the 2019 judgment?"

    etias.clock.advance(days=2)
    replied = etias.service.record_information_reply(
        APPLICANT, application_id, DOCUMENT, "None: it was a namesake."
    )
    assert replied.status is ApplicationStatus.NATIONAL_UNIT_ASSESSMENT
    assert etias.stored(application_id).deadline == etias.clock.now() + timedelta(hours=96)

    etias.clock.advance(hours=5)
    invited = etias.service.invite_to_interview(
        NATIONAL_UNIT_NL,
        application_id,
        scheduled_at=etias.clock.now() + timedelta(days=2),
        remote=True,
        reason="the reply contradicts the alert's data",
    )
    assert invited.status is ApplicationStatus.INTERVIEW_INVITED

    etias.clock.advance(days=2)
    etias.service.record_interview(NATIONAL_UNIT_NL, application_id, attended=True, notes="ok")
    decided = etias.service.decide(NATIONAL_UNIT_NL, application_id, Decision.issue())

    assert decided.status is ApplicationStatus.ISSUED
    assert [e.action for e in decided.events] == [
        "submitted",
        "routed.central_unit",
        "hit.confirmed",
        "routed.national_unit",
        "information.requested",
        "information.replied",
        "interview.invited",
        "interview.attended",
        "decided.issue",
    ]


def test_overdue_cases_surface_for_the_unit_that_must_act(etias: Etias) -> None:
    etias.sis.add(DOCUMENT, make_hit(member_state="NLD"))
    waiting = etias.service.submit(make_application(), APPLICANT)

    etias.clock.advance(hours=11)
    assert etias.service.overdue(CENTRAL_UNIT) == []
    etias.clock.advance(hours=2)
    assert [f.application_id for f in etias.service.overdue(CENTRAL_UNIT)] == [
        waiting.application_id
    ]

    [hit] = etias.stored(waiting.application_id).hits
    etias.service.verify_hit(
        CENTRAL_UNIT, waiting.application_id, hit.hit_id, HitStatus.DOUBTFUL, "late but done"
    )
    assert etias.service.overdue(CENTRAL_UNIT) == []
    etias.clock.advance(hours=84)  # 97 h after submission
    assert [f.application_id for f in etias.service.overdue(NATIONAL_UNIT_NL)] == [
        waiting.application_id
    ]
    assert etias.service.overdue(NATIONAL_UNIT_DE) == []


def test_no_reply_within_10_days_is_overdue_and_a_refusal_ground(etias: Etias) -> None:
    application_id = at_national_unit(etias)
    etias.service.request_information(NATIONAL_UNIT_NL, application_id, "Explain the alert.")

    etias.clock.advance(days=10, seconds=1)
    assert [f.application_id for f in etias.service.overdue(NATIONAL_UNIT_NL)] == [application_id]
    refused = etias.service.decide(
        NATIONAL_UNIT_NL,
        application_id,
        Decision.refuse(RefusalGround.NO_REPLY_TO_INFORMATION_REQUEST),
    )

    assert refused.status is ApplicationStatus.REFUSED


def test_only_background_answers_go_straight_to_the_national_unit(etias: Etias) -> None:
    answer = etias.service.submit(
        make_application(
            background=BackgroundAnswers(criminal_conviction=True), first_intended_stay="DEU"
        ),
        APPLICANT,
    )

    assert answer.status is ApplicationStatus.NATIONAL_UNIT_ASSESSMENT
    assert etias.service.central_unit_queue(CENTRAL_UNIT) == []
    [queued] = etias.service.national_unit_queue(NATIONAL_UNIT_DE)
    assert queued.hits[0].check is CheckKind.BACKGROUND_ANSWER


def test_the_applicant_proves_the_file_with_the_document_number(etias: Etias) -> None:
    answer = etias.service.submit(make_application(), APPLICANT)

    assert etias.service.status(APPLICANT, answer.application_id, "l898902c3").status is (
        ApplicationStatus.ISSUED
    )
    with pytest.raises(ApplicationNotFoundError):
        etias.service.status(APPLICANT, answer.application_id, "X0000000")
    with pytest.raises(ApplicationNotFoundError):
        etias.service.status(APPLICANT, "no-such-id", DOCUMENT)


def test_the_applicant_never_sees_hits_or_a_pending_review(etias: Etias) -> None:
    answer = etias.service.submit(make_application(), APPLICANT)
    etias.sis.add(DOCUMENT, make_hit(CheckKind.SIS_REFUSAL_ALERT, member_state="DEU"))
    etias.service.rescreen(CENTRAL_SYSTEM_ACTOR)

    status = etias.service.status(APPLICANT, answer.application_id, DOCUMENT)

    assert status.status is ApplicationStatus.ISSUED
    assert not hasattr(status, "hits")


def test_self_revocation_ends_the_authorisation(etias: Etias) -> None:
    answer = etias.service.submit(make_application(), APPLICANT)

    status = etias.service.self_revoke(APPLICANT, answer.application_id, DOCUMENT)

    assert status.status is ApplicationStatus.REVOKED
    assert etias.service.border_query(GUARD_NL, passport_mrz()).valid_here is False


def test_a_national_unit_annuls_or_revokes_by_authorisation_number(etias: Etias) -> None:
    first = etias.service.submit(make_application(), APPLICANT)
    second = etias.service.submit(
        make_application(travel_document=make_document(number="Z9876543")), APPLICANT
    )
    assert first.authorisation_number is not None
    assert second.authorisation_number is not None

    annulled = etias.service.annul(
        NATIONAL_UNIT_DE,
        first.authorisation_number,
        [RefusalGround.REASONABLE_DOUBTS],
        reason="the document was forged",
    )
    revoked = etias.service.revoke(
        NATIONAL_UNIT_DE,
        second.authorisation_number,
        [RefusalGround.SECURITY_RISK],
        reason="new information",
    )

    assert annulled.status is ApplicationStatus.ANNULLED
    assert revoked.status is ApplicationStatus.REVOKED
    with pytest.raises(AuthorisationNotFoundError):
        etias.service.revoke(NATIONAL_UNIT_DE, "TA-NONE", [RefusalGround.SECURITY_RISK], reason="x")


def test_retention_erases_files_whose_period_ended(etias: Etias) -> None:
    kept = etias.service.submit(make_application(), APPLICANT)
    consent = etias.service.submit(
        make_application(travel_document=make_document(number="Z9876543")), APPLICANT
    )
    etias.service.consent_to_retention(APPLICANT, consent.application_id, "Z9876543")

    assert etias.service.apply_retention(SYSTEM) == 0
    etias.clock.advance(days=3 * 365 + 2)
    assert etias.service.apply_retention(SYSTEM) == 1

    assert etias.count() == 1
    with pytest.raises(ApplicationNotFoundError):
        etias.service.status(APPLICANT, kept.application_id, DOCUMENT)
    assert "etias.retention.erase" in [e.action for e in etias.audit_events()]


def test_every_read_and_write_is_audited_without_personal_data(etias: Etias) -> None:
    application_id = at_national_unit(etias)
    etias.service.case(NATIONAL_UNIT_NL, application_id)
    etias.service.national_unit_queue(NATIONAL_UNIT_NL)

    events = etias.audit_events()

    assert [(e.actor, e.action) for e in events] == [
        ("etias-public-website", "etias.application.submit"),
        ("cu-officer-1", "etias.hit.verify"),
        ("nu-nl-1", "etias.case.read"),
        ("nu-nl-1", "etias.national_unit.queue"),
    ]
    assert {e.subject for e in events[:3]} == {f"etias:{application_id}"}
    assert all("ERIKSSON" not in e.subject and DOCUMENT not in e.subject for e in events)
