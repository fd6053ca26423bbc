"""The three flows end to end on the in-memory store: automatic issue; a hit through the
Central Unit to a National Unit's manual decision; revocation after a new alert."""

from datetime import date, timedelta

import pytest

from limes.core.mrz.model import MrzFields, MrzFormat
from limes.core.mrz.writer import write_mrz
from limes.etias.answers import CarrierAnswer
from limes.etias.errors import InvalidDecisionError, NotResponsibleStateError
from limes.etias.model import (
    ApplicationStatus,
    AuthorisationStatus,
    CheckKind,
    Decision,
    DecisionKind,
    Flag,
    FlagKind,
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
    make_hit,
)
from tests.etias.conftest import Etias

DOCUMENT = "L898902C3"


def passport_mrz(number: str = DOCUMENT) -> tuple[str, ...]:
    return write_mrz(
        MrzFields(
            format=MrzFormat.TD3,
            document_code="P",
            issuing_state="USA",
            surname="ERIKSSON",
            given_names="ANNA MARIA",
            document_number=number,
            nationality="USA",
            birth_date="800812",
            sex="F",
            expiry_date="340415",
        )
    )


def test_an_application_without_hits_is_issued_automatically(etias: Etias) -> None:
    answer = etias.service.submit(make_application(), APPLICANT)

    assert answer.status is ApplicationStatus.ISSUED
    assert answer.fee.amount_cents == 2000
    assert answer.valid_from == date(2026, 11, 23)
    assert answer.valid_until == date(2029, 11, 22)  # three years, before the passport expires
    file = etias.stored(answer.application_id)
    assert file.issued_automatically
    assert file.hits == ()
    assert etias.service.central_unit_queue(CENTRAL_UNIT) == []
    assert (
        etias.service.carrier_query(CARRIER, DOCUMENT, "USA", "USA", travel_date=date(2027, 6, 1))
        is CarrierAnswer.OK
    )
    border = etias.service.border_query(GUARD_NL, "\n".join(passport_mrz()))
    assert (border.found, border.valid_here, border.flags) == (True, True, ())
    assert [e.action for e in etias.audit_events()] == [
        "etias.application.submit",
        "etias.central_unit.queue",
        "etias.carrier.query",
        "etias.border.query",
    ]


def test_a_hit_goes_to_the_central_unit_then_the_national_unit_issues_with_a_flag(
    etias: Etias,
) -> None:
    submitted_at = etias.clock.now()
    etias.sis.add(DOCUMENT, make_hit(CheckKind.SIS_ARREST_ALERT, member_state="NLD"))

    answer = etias.service.submit(make_application(), APPLICANT)

    assert answer.status is ApplicationStatus.CENTRAL_UNIT_VERIFICATION
    [queued] = etias.service.central_unit_queue(CENTRAL_UNIT)
    assert queued.deadline == submitted_at + timedelta(hours=12)
    [hit] = queued.hits
    assert (hit.source, hit.record_ref, hit.member_state, hit.status) == (
        "sis",
        "SIS-ALERT-1",
        "NLD",
        HitStatus.OPEN,
    )
    assert hit.explanation == ("surname aligned: ERIKSSON ~ ERIKSON", "birth date agrees")

    etias.clock.advance(hours=2)
    file = etias.service.verify_hit(
        CENTRAL_UNIT,
        answer.application_id,
        hit.hit_id,
        HitStatus.DOUBTFUL,
        "place of birth differs",
    )

    assert file.status is ApplicationStatus.NATIONAL_UNIT_ASSESSMENT
    assert file.responsible_state == "NLD"
    assert file.deadline == submitted_at + timedelta(hours=96)
    assert etias.service.national_unit_queue(NATIONAL_UNIT_DE) == []
    assert [f.application_id for f in etias.service.national_unit_queue(NATIONAL_UNIT_NL)] == [
        answer.application_id
    ]

    etias.clock.advance(hours=20)
    decided = etias.service.decide(
        NATIONAL_UNIT_NL,
        answer.application_id,
        Decision.issue_with_flags(
            Flag(kind=FlagKind.SECOND_LINE_CHECK), reason="identity doubts remain"
        ),
    )

    assert decided.status is ApplicationStatus.ISSUED
    assert not decided.issued_automatically
    assert decided.decisions[-1].member_state == "NLD"
    border = etias.service.border_query(GUARD_NL, passport_mrz())
    assert border.valid_here
    assert [flag.kind for flag in border.flags] == [FlagKind.SECOND_LINE_CHECK]


def test_a_confirmed_sis_refusal_alert_is_refused_with_its_ground(etias: Etias) -> None:
    etias.sis.add(DOCUMENT, make_hit(CheckKind.SIS_REFUSAL_ALERT, member_state="NLD"))
    answer = etias.service.submit(make_application(), APPLICANT)
    [hit] = etias.service.case(CENTRAL_UNIT, answer.application_id).hits
    etias.service.verify_hit(
        CENTRAL_UNIT, answer.application_id, hit.hit_id, HitStatus.CONFIRMED, "all data agree"
    )

    with pytest.raises(InvalidDecisionError):
        etias.service.decide(NATIONAL_UNIT_NL, answer.application_id, Decision.issue())
    with pytest.raises(NotResponsibleStateError):
        etias.service.decide(
            NATIONAL_UNIT_DE,
            answer.application_id,
            Decision.refuse(RefusalGround.SIS_REFUSAL_ALERT),
        )
    refused = etias.service.decide(
        NATIONAL_UNIT_NL,
        answer.application_id,
        Decision.refuse(RefusalGround.SIS_REFUSAL_ALERT, reason="alert confirmed"),
    )

    assert refused.status is ApplicationStatus.REFUSED
    status = etias.service.status(APPLICANT, answer.application_id, DOCUMENT)
    assert status.grounds == (RefusalGround.SIS_REFUSAL_ALERT,)
    assert status.authorisation_number is None
    assert (
        etias.service.carrier_query(CARRIER, DOCUMENT, "USA", "USA", travel_date=date(2027, 1, 1))
        is CarrierAnswer.NOT_OK
    )

    # A new application with the same document meets the refusal (art. 20(2)(e)).
    etias.sis.by_document.clear()
    again = etias.service.submit(make_application(), APPLICANT)
    [earlier] = etias.stored(again.application_id).hits
    assert (earlier.check, earlier.record_ref, earlier.member_state) == (
        CheckKind.ETIAS_REFUSED_REVOKED_ANNULLED,
        answer.application_id,
        "NLD",
    )


def test_a_new_alert_on_a_valid_authorisation_opens_a_revocation_review(etias: Etias) -> None:
    answer = etias.service.submit(make_application(), APPLICANT)
    assert etias.service.rescreen(CENTRAL_SYSTEM_ACTOR).reviews_opened == ()

    etias.clock.advance(days=30)
    etias.sis.add(
        DOCUMENT, make_hit(CheckKind.SIS_REFUSAL_ALERT, record_ref="SIS-NEW", member_state="DEU")
    )
    report = etias.service.rescreen(CENTRAL_SYSTEM_ACTOR)

    assert report.reviews_opened == (answer.application_id,)
    review = etias.stored(answer.application_id)
    assert review.status is ApplicationStatus.REVOCATION_REVIEW
    assert review.responsible_state == "DEU"
    # Until a person decides, the authorisation stays valid (no automatic revocation).
    assert etias.service.border_query(GUARD_NL, passport_mrz()).valid_here
    assert etias.service.rescreen(CENTRAL_SYSTEM_ACTOR).reviews_opened == ()  # not raised twice
    assert len(etias.stored(answer.application_id).hits) == 1

    [queued] = etias.service.national_unit_queue(NATIONAL_UNIT_DE)
    revoked = etias.service.decide(
        NATIONAL_UNIT_DE,
        queued.application_id,
        Decision(
            kind=DecisionKind.REVOKE,
            grounds=(RefusalGround.SIS_REFUSAL_ALERT,),
            reason="new refusal-of-entry alert confirmed",
        ),
    )

    assert revoked.status is ApplicationStatus.REVOKED
    assert revoked.hits[0].status is HitStatus.CONFIRMED
    border = etias.service.border_query(GUARD_NL, passport_mrz())
    assert (border.found, border.valid_here, border.status) == (
        True,
        False,
        AuthorisationStatus.REVOKED,
    )
    assert (
        etias.service.carrier_query(
            CARRIER, DOCUMENT, "USA", "USA", travel_date=etias.clock.now().date()
        )
        is CarrierAnswer.NOT_OK
    )
    assert etias.service.rescreen(CENTRAL_SYSTEM_ACTOR).checked == 0


def test_a_review_that_finds_the_new_hit_false_keeps_the_authorisation(etias: Etias) -> None:
    answer = etias.service.submit(make_application(), APPLICANT)
    etias.watchlist.add(
        DOCUMENT, make_hit(CheckKind.WATCHLIST, source="watchlist", member_state="DEU")
    )
    etias.service.rescreen(CENTRAL_SYSTEM_ACTOR, sources={"watchlist"})

    kept = etias.service.decide(
        NATIONAL_UNIT_DE,
        answer.application_id,
        Decision.issue_with_flags(
            Flag(kind=FlagKind.HIT_VERIFIED_FALSE, check=CheckKind.WATCHLIST),
            reason="a namesake",
        ),
    )

    assert kept.status is ApplicationStatus.ISSUED
    assert kept.hits[0].status is HitStatus.FALSE
    assert kept.authorisation is not None
    assert kept.authorisation.flags[0].kind is FlagKind.HIT_VERIFIED_FALSE
    assert etias.service.rescreen(CENTRAL_SYSTEM_ACTOR).reviews_opened == ()
