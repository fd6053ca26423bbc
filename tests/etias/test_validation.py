from dataclasses import replace
from datetime import date

import pytest

from limes.etias.application import (
    ApplicationForm,
    EuFamilyMember,
    FamilyTie,
    Guardian,
    Representative,
    Residence,
)
from limes.etias.errors import InvalidApplicationError
from limes.etias.validation import validate_form
from tests.etias.builders import make_application, make_document, make_minor

ON = date(2026, 11, 23)


def problems(form: ApplicationForm) -> list[dict[str, object]]:
    with pytest.raises(InvalidApplicationError) as raised:
        validate_form(form, on=ON)
    assert raised.value.code == "etias.invalid_application"
    return raised.value.details() or []


def test_a_complete_form_is_valid() -> None:
    validate_form(make_application(), on=ON)


def test_a_minor_with_a_guardian_is_valid() -> None:
    validate_form(make_minor(), on=ON)


@pytest.mark.parametrize(
    ("form", "field", "kind"),
    [
        pytest.param(make_application(surname=" "), "surname", "missing", id="no-surname"),
        pytest.param(make_application(email=""), "email", "missing", id="no-email"),
        pytest.param(
            make_application(date_of_birth=date(2027, 1, 1)),
            "date_of_birth",
            "date_in_future",
            id="born-tomorrow",
        ),
        pytest.param(
            make_application(date_of_birth=date(1880, 1, 1)),
            "date_of_birth",
            "date_too_early",
            id="older-than-130",
        ),
        pytest.param(
            make_application(travel_document=make_document(expires_on=date(2026, 11, 22))),
            "travel_document.expires_on",
            "document_expired",
            id="document-expired-yesterday",
        ),
        pytest.param(
            make_application(
                travel_document=make_document(
                    issued_on=date(2025, 1, 1), expires_on=date(2025, 1, 1)
                )
            ),
            "travel_document.expires_on",
            "expiry_not_after_issue",
            id="expiry-on-issue-day",
        ),
        pytest.param(
            make_application(travel_document=make_document(issued_on=date(2027, 1, 1))),
            "travel_document.issued_on",
            "date_in_future",
            id="issued-in-future",
        ),
        pytest.param(
            make_application(travel_document=make_document(number="AB#12")),
            "travel_document.number",
            "invalid_document_number",
            id="bad-document-number",
        ),
        pytest.param(
            make_application(country_of_birth="XYZ"),
            "country_of_birth",
            "unknown_country_code",
            id="unknown-country",
        ),
        pytest.param(
            make_application(other_nationalities=("QQQ",)),
            "other_nationalities[0]",
            "unknown_country_code",
            id="unknown-other-nationality",
        ),
        pytest.param(
            make_application(first_intended_stay="GBR"),
            "first_intended_stay",
            "not_an_etias_state",
            id="stay-outside-etias",
        ),
        pytest.param(
            make_application(email="anna@example"), "email", "invalid_email", id="email-no-tld"
        ),
        pytest.param(
            make_application(email="anna example.com"), "email", "invalid_email", id="email-no-at"
        ),
        pytest.param(
            make_application(ip_address="300.1.1.1"),
            "ip_address",
            "invalid_ip_address",
            id="bad-ip",
        ),
        pytest.param(
            make_application(nationality="FRA"),
            "nationality",
            "eu_or_schengen_national",
            id="eu-national",
        ),
        pytest.param(
            make_application(other_nationalities=("NOR",)),
            "nationality",
            "eu_or_schengen_national",
            id="dual-norwegian",
        ),
        pytest.param(
            make_application(nationality="IND"),
            "nationality",
            "visa_required_nationality",
            id="visa-required",
        ),
        pytest.param(
            make_application(nationality="MCO"), "nationality", "not_in_scope", id="monaco"
        ),
        pytest.param(make_minor(guardian=None), "guardian", "guardian_required", id="minor-alone"),
        pytest.param(
            make_minor(guardian=Guardian(surname="X", first_names="Y", address="Z", email="bad")),
            "guardian.email",
            "invalid_email",
            id="guardian-bad-email",
        ),
        pytest.param(
            make_application(
                filled_in_by=Representative(
                    surname="AGENT", first_names="A", email="", address="Somewhere"
                )
            ),
            "filled_in_by.email",
            "missing",
            id="representative-without-email",
        ),
    ],
)
def test_each_problem_is_named_by_field_and_type(
    form: ApplicationForm, field: str, kind: str
) -> None:
    assert {"field": field, "type": kind} in problems(form)


def test_every_problem_is_reported_at_once() -> None:
    form = make_application(
        surname="",
        email="nope",
        nationality="CHN",
        residence=Residence(country="ZZZ", city=""),
        date_of_birth=date(2030, 1, 1),
    )

    assert problems(form) == [
        {"field": "surname", "type": "missing"},
        {"field": "residence.city", "type": "missing"},
        {"field": "date_of_birth", "type": "date_in_future"},
        {"field": "residence.country", "type": "unknown_country_code"},
        {"field": "email", "type": "invalid_email"},
        {"field": "nationality", "type": "visa_required_nationality"},
    ]


def test_the_message_carries_no_personal_data() -> None:
    form = make_application(surname="", email="anna.secret@example")
    with pytest.raises(InvalidApplicationError) as raised:
        validate_form(form, on=ON)
    assert "anna" not in str(raised.value)
    assert "L898902C3" not in str(raised.value)


def test_an_eu_family_member_must_name_an_eu_citizen() -> None:
    member = EuFamilyMember(
        tie=FamilyTie.SPOUSE,
        surname="DUPONT",
        first_names="MARIE",
        date_of_birth=date(1982, 1, 1),
        place_of_birth="Lyon",
        country_of_birth="FRA",
        nationality="USA",
        address="1 rue de la Paix, Paris",
    )

    assert {"field": "eu_family_member.nationality", "type": "not_an_eu_citizen"} in problems(
        make_application(eu_family_member=member)
    )
    validate_form(make_application(eu_family_member=replace(member, nationality="FRA")), on=ON)


def test_an_e_mail_address_longer_than_rfc_5321_allows_is_refused() -> None:
    form = make_application(email="a" * 250 + "@example.com")
    with pytest.raises(InvalidApplicationError) as raised:
        validate_form(form, on=date(2026, 11, 23))

    assert {"field": "email", "type": "too_long"} in (raised.value.details() or [])
