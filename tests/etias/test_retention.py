from dataclasses import replace
from datetime import UTC, datetime, timedelta

from limes.etias import authorisations, workflow
from limes.etias.model import ApplicationFile, Decision, HitStatus, RefusalGround
from limes.etias.retention import erase_after
from tests.etias.builders import make_application, make_hit, submitted

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def issued() -> ApplicationFile:
    file = workflow.submitted(submitted(make_application(), T0))
    return workflow.route(file, (), at=T0, authorisation_number="TA-1")


def test_an_issued_file_is_kept_for_the_validity_period() -> None:
    assert erase_after(issued()) == datetime(2029, 11, 23, tzinfo=UTC)


def test_consent_keeps_it_three_more_years() -> None:
    assert erase_after(replace(issued(), retention_consent=True)) == datetime(
        2032, 11, 23, tzinfo=UTC
    )


def test_a_revoked_file_is_kept_five_years_from_the_revocation() -> None:
    revoked_at = T0 + timedelta(days=100)
    file = authorisations.revoke(
        issued(), [RefusalGround.SECURITY_RISK], reason="x", by="nu", state="NLD", at=revoked_at
    )

    assert erase_after(file) == revoked_at.replace(year=revoked_at.year + 5)


def test_a_self_revoked_file_is_kept_only_for_the_validity_it_had() -> None:
    file = authorisations.self_revoke(issued(), at=T0 + timedelta(days=1))

    assert erase_after(file) == datetime(2029, 11, 23, tzinfo=UTC)


def test_a_refused_file_is_kept_five_years_from_the_refusal() -> None:
    file = workflow.submitted(submitted(make_application(), T0))
    file = workflow.route(
        file,
        workflow.number_hits(file, [make_hit(member_state="NLD")], at=T0),
        at=T0,
        authorisation_number="x",
    )
    file = workflow.verify_hit(
        file, "app-1-h1", HitStatus.CONFIRMED, reason="r", by="cu", at=T0, authorisation_number="x"
    )
    refused_at = T0 + timedelta(hours=50)
    file = workflow.decide(
        file,
        Decision.refuse(RefusalGround.SECURITY_RISK),
        by="nu",
        state="NLD",
        at=refused_at,
        authorisation_number="x",
    )

    assert erase_after(file) == refused_at.replace(year=2031)


def test_an_open_case_is_not_erased() -> None:
    file = workflow.submitted(submitted(make_application(), T0))
    file = workflow.route(
        file, workflow.number_hits(file, [make_hit()], at=T0), at=T0, authorisation_number="x"
    )

    assert erase_after(file) is None
