from dataclasses import replace
from datetime import UTC, date, datetime

from limes.etias import authorisations, checks, workflow
from limes.etias.application import BackgroundAnswers, Residence
from limes.etias.model import ApplicationFile, CheckKind, RefusalGround
from tests.etias.builders import make_application, make_document, submitted

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def issued(application_id: str, **overrides: object) -> ApplicationFile:
    file = workflow.submitted(submitted(make_application(**overrides), T0, application_id))
    return workflow.route(file, (), at=T0, authorisation_number=f"TA-{application_id}")


def revoked(application_id: str, **overrides: object) -> ApplicationFile:
    return authorisations.revoke(
        issued(application_id, **overrides),
        [RefusalGround.ILLEGAL_IMMIGRATION_RISK],
        reason="overstay",
        by="nu-it",
        state="ITA",
        at=T0,
    )


NEW = submitted(make_application(), T0, "new")


def test_a_revoked_application_with_the_same_document_is_a_hit_of_its_state() -> None:
    [hit] = checks.etias_record_hits(NEW, [revoked("old")], [])

    assert (hit.check, hit.record_ref, hit.member_state, hit.score) == (
        CheckKind.ETIAS_REFUSED_REVOKED_ANNULLED,
        "old",
        "ITA",
        1.0,
    )
    assert [m.application_field for m in hit.matched_fields] == [
        "travel_document.number",
        "travel_document.issuing_country",
    ]


def test_a_self_revoked_or_issued_one_is_not() -> None:
    self_revoked = authorisations.self_revoke(issued("old"), at=T0)

    assert checks.etias_record_hits(NEW, [self_revoked, issued("older")], []) == []


def test_the_same_document_under_other_identity_data_is_a_hit() -> None:
    other = issued("old", surname="JOHNSON", date_of_birth=date(1981, 8, 12))

    [hit] = checks.etias_record_hits(NEW, [other], [])

    assert hit.check is CheckKind.ETIAS_SAME_DOCUMENT_OTHER_IDENTITY
    assert hit.explanation[1] == "with different identity data: surname, date_of_birth"


def test_names_are_compared_as_the_mrz_writes_them() -> None:
    same = issued("old", surname="Eriksson", first_names="Anna-Maria")

    assert checks.etias_record_hits(NEW, [same], []) == []


def test_the_application_itself_is_never_its_own_hit() -> None:
    itself = revoked("new")

    assert checks.etias_record_hits(NEW, [itself], [itself]) == []


def test_the_same_email_in_a_revoked_application_is_a_hit() -> None:
    other = revoked("old", travel_document=make_document(number="X1234567"))

    [hit] = checks.etias_record_hits(NEW, [], [other])

    assert (hit.check, hit.member_state) == (CheckKind.ETIAS_SAME_EMAIL, "ITA")


def test_background_answers_and_a_missing_address_are_declared_hits() -> None:
    form = make_application(
        background=BackgroundAnswers(criminal_conviction=True, return_decision=True),
        residence=Residence(country="USA", city="Chicago"),
    )

    hits = checks.declared_hits(submitted(form, T0))

    assert [(h.check, h.record_ref) for h in hits] == [
        (CheckKind.BACKGROUND_ANSWER, "art. 17(4)(a)"),
        (CheckKind.BACKGROUND_ANSWER, "art. 17(4)(c)"),
        (CheckKind.MISSING_HOME_ADDRESS, "art. 20(3)"),
    ]
    assert checks.declared_hits(NEW) == []
    assert replace(form.residence, address="1 Lake St").has_home_address
