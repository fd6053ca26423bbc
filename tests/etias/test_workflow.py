"""The case state machine, step by step, with deadlines from the passed-in instants."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from limes.etias import enquiries, workflow
from limes.etias.application import BackgroundAnswers, Residence
from limes.etias.checks import declared_hits
from limes.etias.errors import (
    HitNotFoundError,
    InvalidDecisionError,
    InvalidTransitionError,
    NotResponsibleStateError,
)
from limes.etias.model import (
    CENTRAL_SYSTEM,
    ApplicationFile,
    ApplicationStatus,
    CheckKind,
    Decision,
    Hit,
    HitStatus,
    RefusalGround,
)
from tests.etias.builders import make_application, make_hit, submitted

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def routed(*hits: Hit, **form_overrides: object) -> ApplicationFile:
    file = workflow.submitted(submitted(make_application(**form_overrides), T0))
    return workflow.route(
        file, workflow.number_hits(file, hits, at=T0), at=T0, authorisation_number="TA-1"
    )


def at_national_unit(*hits: Hit) -> ApplicationFile:
    file = routed(*(hits or (make_hit(member_state="NLD"),)))
    for hit in file.hits:
        file = workflow.verify_hit(
            file,
            hit.hit_id,
            HitStatus.CONFIRMED,
            reason="data agree",
            by="cu-1",
            at=T0 + timedelta(hours=1),
            authorisation_number="TA-1",
        )
    return file


def test_no_hit_issues_automatically() -> None:
    file = routed()

    assert file.status is ApplicationStatus.ISSUED
    assert file.deadline is None
    assert file.decisions[0].decided_by == CENTRAL_SYSTEM
    assert [e.action for e in file.events] == ["submitted", "issued.automatically"]


def test_a_hit_goes_to_the_central_unit_for_12_hours() -> None:
    file = routed(make_hit())

    assert file.status is ApplicationStatus.CENTRAL_UNIT_VERIFICATION
    assert file.deadline == T0 + timedelta(hours=12)
    assert file.hits[0].hit_id == "app-1-h1"
    assert file.hits[0].found_at == T0


def test_notification_only_alerts_do_not_hold_the_case_up() -> None:
    file = routed(make_hit(CheckKind.SIS_MISSING_PERSON))

    assert file.status is ApplicationStatus.ISSUED
    assert file.hits[0].status is HitStatus.NOTIFIED


@pytest.mark.parametrize(
    "overrides",
    [
        pytest.param({"background": BackgroundAnswers(conflict_zone_stay=True)}, id="background"),
        pytest.param(
            {"residence": Residence(country="USA", city="New York")}, id="no-home-address"
        ),
    ],
)
def test_only_the_applicants_own_answers_go_straight_to_the_national_unit(
    overrides: dict[str, object],
) -> None:
    application = submitted(make_application(**overrides), T0)
    file = workflow.submitted(application)
    file = workflow.route(
        file,
        workflow.number_hits(file, declared_hits(application), at=T0),
        at=T0,
        authorisation_number="TA-1",
    )

    assert file.status is ApplicationStatus.NATIONAL_UNIT_ASSESSMENT
    assert file.responsible_state == "NLD"  # the first intended stay
    assert file.deadline == T0 + timedelta(hours=96)
    assert file.hits[0].status is HitStatus.CONFIRMED


def test_all_hits_false_deletes_them_and_issues_automatically() -> None:
    file = routed(make_hit(record_ref="A"), make_hit(record_ref="B"))
    for hit in file.hits:
        file = workflow.verify_hit(
            file,
            hit.hit_id,
            HitStatus.FALSE,
            reason="other person",
            by="cu-1",
            at=T0 + timedelta(hours=3),
            authorisation_number="TA-1",
        )

    assert file.status is ApplicationStatus.ISSUED
    assert file.hits == ()
    assert file.cleared_refs == ("sis_arrest_alert:A", "sis_arrest_alert:B")
    assert file.issued_automatically
    assert file.events[-1].action == "issued.after_central_unit"


def test_a_background_answer_still_goes_to_the_national_unit_when_other_hits_are_false() -> None:
    application = submitted(
        make_application(background=BackgroundAnswers(return_decision=True)), T0
    )
    file = workflow.submitted(application)
    hits = [make_hit(member_state="ITA"), *declared_hits(application)]
    file = workflow.route(
        file, workflow.number_hits(file, hits, at=T0), at=T0, authorisation_number="x"
    )
    assert [h.hit_id for h in file.open_hits] == ["app-1-h1"]

    file = workflow.verify_hit(
        file,
        "app-1-h1",
        HitStatus.FALSE,
        reason="namesake",
        by="cu",
        at=T0,
        authorisation_number="x",
    )

    assert file.status is ApplicationStatus.NATIONAL_UNIT_ASSESSMENT
    assert file.responsible_state == "NLD"  # no state supplied the remaining hit


def test_the_case_waits_until_every_hit_is_verified() -> None:
    file = routed(make_hit(record_ref="A"), make_hit(record_ref="B"))
    file = workflow.verify_hit(
        file,
        file.hits[0].hit_id,
        HitStatus.FALSE,
        reason="other person",
        by="cu-1",
        at=T0,
        authorisation_number="TA-1",
    )

    assert file.status is ApplicationStatus.CENTRAL_UNIT_VERIFICATION
    assert [h.hit_id for h in file.open_hits] == ["app-1-h2"]


def test_a_confirmed_or_doubtful_hit_goes_to_the_responsible_state_for_96_hours() -> None:
    file = routed(make_hit(member_state="ITA"), make_hit(record_ref="B", member_state="ITA"))
    file = workflow.verify_hit(
        file,
        "app-1-h1",
        HitStatus.DOUBTFUL,
        reason="unsure",
        by="cu",
        at=T0,
        authorisation_number="x",
    )
    file = workflow.verify_hit(
        file,
        "app-1-h2",
        HitStatus.FALSE,
        reason="other",
        by="cu",
        at=T0,
        authorisation_number="x",
    )

    assert file.status is ApplicationStatus.NATIONAL_UNIT_ASSESSMENT
    assert file.responsible_state == "ITA"
    assert file.deadline == T0 + timedelta(hours=96)
    assert [h.status for h in file.hits] == [HitStatus.DOUBTFUL, HitStatus.FALSE]


@pytest.mark.parametrize(
    ("verdict", "reason", "error"),
    [
        pytest.param(HitStatus.OPEN, "x", InvalidTransitionError, id="open-is-no-verdict"),
        pytest.param(HitStatus.FALSE, " ", InvalidTransitionError, id="no-reason"),
    ],
)
def test_a_verification_needs_a_verdict_and_a_reason(
    verdict: HitStatus, reason: str, error: type[Exception]
) -> None:
    file = routed(make_hit())
    with pytest.raises(error):
        workflow.verify_hit(
            file, "app-1-h1", verdict, reason=reason, by="cu", at=T0, authorisation_number="x"
        )


def test_unknown_hits_and_verified_hits_cannot_be_verified() -> None:
    file = at_national_unit()
    with pytest.raises(InvalidTransitionError):
        workflow.verify_hit(
            file, "app-1-h1", HitStatus.FALSE, reason="x", by="cu", at=T0, authorisation_number="x"
        )
    file = routed(make_hit(), make_hit(record_ref="B"))
    with pytest.raises(HitNotFoundError):
        workflow.verify_hit(
            file, "nope", HitStatus.FALSE, reason="x", by="cu", at=T0, authorisation_number="x"
        )
    file = workflow.verify_hit(
        file, "app-1-h1", HitStatus.FALSE, reason="x", by="cu", at=T0, authorisation_number="x"
    )
    with pytest.raises(InvalidTransitionError):
        workflow.verify_hit(
            file,
            "app-1-h1",
            HitStatus.CONFIRMED,
            reason="x",
            by="cu",
            at=T0,
            authorisation_number="x",
        )


def test_an_information_request_gives_10_days_and_the_reply_restarts_96_hours() -> None:
    file = at_national_unit()
    asked_at = T0 + timedelta(hours=30)
    file = enquiries.request_information(
        file, "Please explain your stay in 2024.", by="nu-1", state="NLD", at=asked_at
    )

    assert file.status is ApplicationStatus.INFORMATION_REQUESTED
    assert file.deadline == asked_at + timedelta(days=10)

    replied_at = asked_at + timedelta(days=4)
    file = enquiries.record_information_reply(file, "I studied there.", at=replied_at)

    assert file.status is ApplicationStatus.NATIONAL_UNIT_ASSESSMENT
    assert file.deadline == replied_at + timedelta(hours=96)
    assert file.information_requests[0].reply == "I studied there."


def test_a_late_reply_is_refused_and_the_silence_is_a_refusal_ground() -> None:
    file = enquiries.request_information(
        at_national_unit(), "Explain.", by="nu-1", state="NLD", at=T0
    )
    late = T0 + timedelta(days=10, seconds=1)

    with pytest.raises(InvalidTransitionError):
        enquiries.record_information_reply(file, "Too late", at=late)
    with pytest.raises(InvalidTransitionError):
        workflow.decide(
            file,
            Decision.issue(),
            by="nu-1",
            state="NLD",
            at=T0 + timedelta(days=2),
            authorisation_number="x",
        )
    refused = workflow.decide(
        file,
        Decision.refuse(RefusalGround.NO_REPLY_TO_INFORMATION_REQUEST),
        by="nu-1",
        state="NLD",
        at=late,
        authorisation_number="x",
    )

    assert refused.status is ApplicationStatus.REFUSED


def test_no_reply_is_no_ground_while_the_applicant_still_has_time_or_answered() -> None:
    file = at_national_unit()
    with pytest.raises(InvalidDecisionError):
        workflow.decide(
            file,
            Decision.refuse(RefusalGround.NO_REPLY_TO_INFORMATION_REQUEST),
            by="nu-1",
            state="NLD",
            at=T0,
            authorisation_number="x",
        )


def test_an_interview_is_a_last_resort_after_written_information() -> None:
    file = at_national_unit()
    meeting = T0 + timedelta(days=3)
    with pytest.raises(InvalidTransitionError):
        enquiries.invite_to_interview(
            file, scheduled_at=meeting, remote=True, reason="doubts", by="nu", state="NLD", at=T0
        )

    file = enquiries.request_information(file, "Explain.", by="nu", state="NLD", at=T0)
    file = enquiries.record_information_reply(file, "Because.", at=T0 + timedelta(hours=5))
    file = enquiries.invite_to_interview(
        file,
        scheduled_at=meeting,
        remote=True,
        reason="reply unclear",
        by="nu",
        state="NLD",
        at=T0 + timedelta(hours=6),
    )

    assert file.status is ApplicationStatus.INTERVIEW_INVITED
    assert file.deadline == meeting + timedelta(hours=48)
    with pytest.raises(InvalidTransitionError):
        enquiries.record_interview(
            file, attended=True, notes="", by="nu", state="NLD", at=meeting - timedelta(hours=1)
        )

    missed = enquiries.record_interview(
        file, attended=False, notes="did not connect", by="nu", state="NLD", at=meeting
    )
    assert missed.status is ApplicationStatus.NATIONAL_UNIT_ASSESSMENT
    assert missed.deadline == meeting + timedelta(hours=48)
    refused = workflow.decide(
        missed,
        Decision.refuse(RefusalGround.NO_SHOW_AT_INTERVIEW),
        by="nu",
        state="NLD",
        at=meeting + timedelta(hours=1),
        authorisation_number="x",
    )
    assert refused.status is ApplicationStatus.REFUSED


def test_no_show_is_no_ground_without_a_missed_interview() -> None:
    with pytest.raises(InvalidDecisionError):
        workflow.decide(
            at_national_unit(),
            Decision.refuse(RefusalGround.NO_SHOW_AT_INTERVIEW),
            by="nu",
            state="NLD",
            at=T0,
            authorisation_number="x",
        )


def test_only_the_responsible_state_acts() -> None:
    file = at_national_unit()
    with pytest.raises(NotResponsibleStateError):
        enquiries.request_information(file, "Explain.", by="nu-de", state="DEU", at=T0)


def test_a_confirmed_sis_document_alert_allows_only_refusal_or_limited_validity() -> None:
    file = at_national_unit(make_hit(CheckKind.SIS_DOCUMENT, member_state="NLD"))
    with pytest.raises(InvalidDecisionError):
        workflow.decide(
            file, Decision.issue(), by="nu", state="NLD", at=T0, authorisation_number="x"
        )

    limited = workflow.decide(
        file,
        Decision.limited_territorial_validity(("NLD",), reason="humanitarian grounds"),
        by="nu",
        state="NLD",
        at=T0,
        authorisation_number="TA-9",
    )

    assert limited.status is ApplicationStatus.ISSUED
    assert limited.authorisation is not None
    assert limited.authorisation.territorial_validity == ("NLD",)
    assert limited.authorisation.covers("NLD")
    assert not limited.authorisation.covers("FRA")


@pytest.mark.parametrize(
    "states",
    [
        pytest.param(("FRA",), id="without-the-deciding-state"),
        pytest.param(("NLD", "GBR"), id="non-etias"),
    ],
)
def test_limited_validity_covers_the_deciding_state_and_etias_states_only(
    states: tuple[str, ...],
) -> None:
    with pytest.raises(InvalidDecisionError):
        workflow.decide(
            at_national_unit(),
            Decision.limited_territorial_validity(states),
            by="nu",
            state="NLD",
            at=T0,
            authorisation_number="x",
        )


@pytest.mark.parametrize(
    ("step", "status"),
    [
        pytest.param(
            lambda f: enquiries.request_information(f, "q", by="nu", state="NLD", at=T0),
            ApplicationStatus.CENTRAL_UNIT_VERIFICATION,
            id="request-before-the-central-unit-is-done",
        ),
        pytest.param(
            lambda f: enquiries.record_information_reply(f, "reply", at=T0),
            ApplicationStatus.CENTRAL_UNIT_VERIFICATION,
            id="reply-without-request",
        ),
        pytest.param(
            lambda f: workflow.decide(
                f, Decision.issue(), by="nu", state="NLD", at=T0, authorisation_number="x"
            ),
            ApplicationStatus.CENTRAL_UNIT_VERIFICATION,
            id="decide-before-the-central-unit",
        ),
    ],
)
def test_steps_out_of_order_raise(step: object, status: ApplicationStatus) -> None:
    file = routed(make_hit())
    assert file.status is status
    with pytest.raises((InvalidTransitionError, NotResponsibleStateError)):
        step(file)  # type: ignore[operator]


def test_a_decided_case_takes_no_more_steps() -> None:
    issued = routed()
    with pytest.raises(InvalidTransitionError):
        workflow.decide(
            issued, Decision.issue(), by="nu", state="NLD", at=T0, authorisation_number="x"
        )
    with pytest.raises(InvalidTransitionError):
        workflow.route(issued, (), at=T0, authorisation_number="x")


def test_overdue_lists_open_cases_past_their_deadline_longest_overdue_first() -> None:
    central = routed(make_hit())  # due T0 + 12 h
    national = replace(
        at_national_unit(), application=replace(central.application, application_id="app-2")
    )
    issued = routed()

    assert workflow.overdue([central, national, issued], T0 + timedelta(hours=12)) == []
    assert workflow.overdue([national, central, issued], T0 + timedelta(hours=13)) == [central]
    assert workflow.overdue([national, central], T0 + timedelta(hours=97)) == [central, national]
