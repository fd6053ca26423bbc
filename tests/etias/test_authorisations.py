from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from limes.etias import authorisations, workflow
from limes.etias.dates import add_years
from limes.etias.errors import (
    InvalidDecisionError,
    InvalidTransitionError,
    NotResponsibleStateError,
)
from limes.etias.model import (
    ApplicationFile,
    ApplicationStatus,
    AuthorisationStatus,
    DecisionKind,
    RefusalGround,
    TravelAuthorisation,
)
from tests.etias.builders import make_application, make_document, submitted

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("issued_on", "expires_on", "until"),
    [
        pytest.param(date(2026, 11, 23), date(2034, 1, 1), date(2029, 11, 22), id="three-years"),
        pytest.param(date(2026, 11, 23), date(2027, 5, 1), date(2027, 5, 1), id="document-first"),
        pytest.param(date(2028, 2, 29), date(2040, 1, 1), date(2031, 2, 27), id="leap-day"),
    ],
)
def test_validity_is_three_years_or_the_document_whichever_ends_first(
    issued_on: date, expires_on: date, until: date
) -> None:
    assert authorisations.validity(issued_on, expires_on) == (issued_on, until)


def test_an_authorisation_expires_after_its_last_day() -> None:
    authorisation = TravelAuthorisation(
        number="TA-1",
        application_id="app-1",
        issued_at=T0,
        valid_from=date(2026, 11, 23),
        valid_until=date(2029, 11, 22),
    )

    assert authorisation.is_valid_on(date(2029, 11, 22))
    assert authorisation.status_on(date(2029, 11, 23)) is AuthorisationStatus.EXPIRED
    assert not authorisation.is_valid_on(date(2026, 11, 22))


def issued() -> ApplicationFile:
    file = workflow.submitted(submitted(make_application(), T0))
    return workflow.route(file, (), at=T0, authorisation_number="TA-1")


def test_nothing_is_issued_on_an_expired_document() -> None:
    file = workflow.submitted(
        submitted(make_application(travel_document=make_document(expires_on=date(2026, 11, 1))), T0)
    )
    with pytest.raises(InvalidDecisionError):
        workflow.route(file, (), at=T0, authorisation_number="TA-1")


def test_annulment_and_revocation_end_the_authorisation_with_their_ground() -> None:
    later = T0 + timedelta(days=10)
    annulled = authorisations.annul(
        issued(), [RefusalGround.REASONABLE_DOUBTS], reason="forged", by="nu", state="FRA", at=later
    )
    revoked = authorisations.revoke(
        issued(), [RefusalGround.SECURITY_RISK], reason="new data", by="nu", state="FRA", at=later
    )

    assert annulled.status is ApplicationStatus.ANNULLED
    assert annulled.authorisation is not None
    assert annulled.authorisation.status is AuthorisationStatus.ANNULLED
    assert annulled.decisions[-1].decision.grounds == (RefusalGround.REASONABLE_DOUBTS,)
    assert revoked.status is ApplicationStatus.REVOKED
    assert revoked.decisions[-1].member_state == "FRA"
    with pytest.raises(InvalidTransitionError):
        authorisations.revoke(
            revoked, [RefusalGround.SECURITY_RISK], reason="x", by="nu", state="FRA", at=later
        )


def test_only_the_responsible_state_revokes_a_file_that_has_one() -> None:
    later = T0 + timedelta(days=10)
    reviewed = replace(issued(), responsible_state="DEU")

    with pytest.raises(NotResponsibleStateError):
        authorisations.revoke(
            reviewed, [RefusalGround.SECURITY_RISK], reason="x", by="nu", state="FRA", at=later
        )
    revoked = authorisations.revoke(
        reviewed, [RefusalGround.SECURITY_RISK], reason="x", by="nu", state="DEU", at=later
    )

    assert revoked.status is ApplicationStatus.REVOKED


def test_the_state_that_revokes_an_automatic_issue_becomes_responsible() -> None:
    revoked = authorisations.revoke(
        issued(), [RefusalGround.SECURITY_RISK], reason="x", by="nu", state="FRA",
        at=T0 + timedelta(days=1),
    )  # fmt: skip

    assert revoked.responsible_state == "FRA"


def test_a_revocation_needs_a_ground() -> None:
    with pytest.raises(InvalidDecisionError):
        authorisations.revoke(issued(), [], reason="x", by="nu", state="FRA", at=T0)


def test_the_holder_may_revoke_their_own() -> None:
    file = authorisations.self_revoke(issued(), at=T0 + timedelta(days=1))

    assert file.status is ApplicationStatus.REVOKED
    assert file.decisions[-1].decision.kind is DecisionKind.SELF_REVOKE
    assert file.decisions[-1].decided_by == "applicant"


def test_an_expired_authorisation_cannot_be_revoked() -> None:
    with pytest.raises(InvalidTransitionError):
        authorisations.revoke(
            issued(),
            [RefusalGround.SECURITY_RISK],
            reason="x",
            by="nu",
            state="FRA",
            at=T0 + timedelta(days=3 * 366),
        )


@given(
    issued_on=st.dates(min_value=date(2026, 1, 1), max_value=date(2040, 1, 1)),
    document_days=st.integers(0, 20 * 366),
)
def test_validity_never_outlasts_the_document_or_three_years(
    issued_on: date, document_days: int
) -> None:
    expires_on = issued_on + timedelta(days=document_days)

    valid_from, valid_until = authorisations.validity(issued_on, expires_on)

    assert valid_from == issued_on
    three_years_end = add_years(issued_on, 3) - timedelta(days=1)
    assert valid_until <= expires_on
    assert valid_until <= three_years_end
    assert valid_until in (expires_on, three_years_end)
