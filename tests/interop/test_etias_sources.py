"""ETIAS automated processing against Limes' own SIS, SLTD, watchlist and EES (art. 20),
and re-screening when a new alert arrives (art. 41(3)), on the in-memory services."""

from datetime import UTC, date, datetime, timedelta

import pytest

from limes.access.service import SYSTEM
from limes.bootstrap import Services, build_memory_services
from limes.core.time import FixedClock
from limes.etias.model import ApplicationStatus, CheckKind, HitStatus, MatchMethod
from limes.interop.etias_watchlist_source import ProposedEntrySource
from limes.watchlists.model import DocumentSource, PersonAction, PersonAlertCategory
from tests.builders import GUARD, SCHIPHOL, make_traveller, refusal
from tests.etias.builders import APPLICANT, CENTRAL_UNIT, make_application, make_document
from tests.watchlists.builders import (
    EUROPOL_ANALYST,
    SIRENE_DE,
    make_document_alert,
    make_entry,
    make_person_alert,
)

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


@pytest.fixture
def services() -> Services:
    return build_memory_services(FixedClock(NOW))


def test_an_applicant_nobody_lists_is_issued_automatically(services: Services) -> None:
    services.watchlists.add_person_alert(SIRENE_DE, make_person_alert(issuing_state="DEU"))

    status = services.etias.submit(make_application(), APPLICANT)

    assert status.status is ApplicationStatus.ISSUED


def test_a_refusal_alert_in_cyrillic_is_found_for_a_latin_application(
    services: Services,
) -> None:
    alert = make_person_alert(
        alert_id="SIS-DEU-77",
        issuing_state="DEU",
        surname="Щербаков",
        given_names="Алексей",
        other_names=(),
        date_of_birth="1970-02-03",
        sex="M",
        nationalities=("RUS",),
        travel_documents=(),
    )
    services.watchlists.add_person_alert(SIRENE_DE, alert)

    status = services.etias.submit(
        make_application(
            surname="CHTCHERBAKOV",
            first_names="ALEXEI",
            surname_at_birth="",
            date_of_birth=date(1970, 3, 2),
            sex=make_application().sex.__class__("M"),
        ),
        APPLICANT,
    )
    file = services.etias.case(CENTRAL_UNIT, status.application_id)

    assert status.status is ApplicationStatus.CENTRAL_UNIT_VERIFICATION
    (hit,) = file.hits
    assert hit.check is CheckKind.SIS_REFUSAL_ALERT
    assert hit.record_ref == "SIS-DEU-77"
    assert hit.member_state == "DEU"
    assert hit.matched_fields[0].method is MatchMethod.NAME_SCREENING
    assert any("Cyrillic" in line for line in hit.explanation)
    assert any("day and month swapped" in line for line in hit.explanation)


def test_a_stolen_passport_in_sis_and_a_lost_one_in_sltd_are_exact_hits(
    services: Services,
) -> None:
    services.watchlists.add_document_alert(
        SIRENE_DE,
        make_document_alert(
            alert_id="SISDOC-1", issuing_state="DEU", document_number="X1234567",
            document_country="USA",
        ),
    )  # fmt: skip
    services.watchlists.add_document_alert(
        SIRENE_DE,
        make_document_alert(
            alert_id="SLTD-1", source=DocumentSource.SLTD, issuing_state="USA",
            document_number="X 123 4567", document_country="USA",
        ),
    )  # fmt: skip

    status = services.etias.submit(
        make_application(travel_document=make_document(number="X1234567")), APPLICANT
    )
    checks = {hit.check for hit in services.etias.case(CENTRAL_UNIT, status.application_id).hits}

    assert checks == {CheckKind.SIS_DOCUMENT, CheckKind.SLTD_DOCUMENT}


def test_a_watchlist_entry_with_a_surname_and_a_birth_date_is_a_hit(services: Services) -> None:
    entry = make_entry(surname="Eriksson", first_names=None, date_of_birth="1980-08-12")
    services.watchlists.add_watchlist_entry(EUROPOL_ANALYST, entry)

    status = services.etias.submit(make_application(), APPLICANT)
    (hit,) = services.etias.case(CENTRAL_UNIT, status.application_id).hits

    assert hit.check is CheckKind.WATCHLIST
    assert hit.member_state is None  # Europol's entry: no Member State supplied it
    assert hit.status is HitStatus.OPEN


def test_a_watchlist_entry_is_also_hit_by_the_e_mail_address(services: Services) -> None:
    entry = make_entry(surname="Someone", email="ANNA.eriksson@example.com")
    services.watchlists.add_watchlist_entry(EUROPOL_ANALYST, entry)

    status = services.etias.submit(make_application(), APPLICANT)
    (hit,) = services.etias.case(CENTRAL_UNIT, status.application_id).hits

    assert [match.application_field for match in hit.matched_fields] == ["email"]


def test_a_new_alert_on_a_valid_authorisation_opens_a_revocation_review(
    services: Services,
) -> None:
    status = services.etias.submit(make_application(), APPLICANT)
    assert status.status is ApplicationStatus.ISSUED

    services.watchlists.add_person_alert(
        SIRENE_DE,
        make_person_alert(
            alert_id="SIS-DEU-88", issuing_state="DEU", surname="ERIKSSON",
            given_names="Anna Maria", other_names=(), date_of_birth="1980-08-12",
            category=PersonAlertCategory.REFUSAL_OF_ENTRY,
            action_to_take=PersonAction.REFUSE_ENTRY, travel_documents=(),
        ),
    )  # fmt: skip

    file = services.etias.case(CENTRAL_UNIT, status.application_id)
    assert file.status is ApplicationStatus.REVOCATION_REVIEW
    assert file.responsible_state == "DEU"
    assert [hit.record_ref for hit in file.hits] == ["SIS-DEU-88"]


def test_a_withdrawn_alert_produces_no_hit(services: Services) -> None:
    alert = make_person_alert(
        alert_id="SIS-DEU-90", issuing_state="DEU", surname="ERIKSSON", given_names="Anna",
        date_of_birth="1980-08-12", travel_documents=(),
    )  # fmt: skip
    services.watchlists.add_person_alert(SIRENE_DE, alert)
    services.watchlists.withdraw(SIRENE_DE, "SIS-DEU-90", "person found")

    status = services.etias.submit(make_application(), APPLICANT)

    assert status.status is ApplicationStatus.ISSUED


def test_an_ees_refusal_of_entry_on_the_same_passport_is_a_hit(services: Services) -> None:
    services.registry.add_border_crossing_point(SCHIPHOL, SYSTEM)
    services.entry_exit.register_refusal(refusal(make_traveller(number="L898902C3")), GUARD)

    status = services.etias.submit(make_application(), APPLICANT)
    hits = services.etias.case(CENTRAL_UNIT, status.application_id).hits

    assert [hit.check for hit in hits] == [CheckKind.EES_REFUSED_ENTRY]


def test_a_proposed_entry_is_compared_with_each_application_for_the_impact_assessment(
    services: Services,
) -> None:
    services.etias.submit(make_application(), APPLICANT)
    services.etias.submit(
        make_application(
            surname="NOVAK", first_names="JAN", surname_at_birth="",
            travel_document=make_document(number="C01X00T47"),
            email="jan@example.com",
        ),
        APPLICANT,
    )  # fmt: skip
    proposal = ProposedEntrySource(
        make_entry(surname="Eriksson", first_names=None, date_of_birth="1980")
    )

    report = services.etias.impact_assessment(CENTRAL_UNIT, proposal)

    assert report.replayed == 2
    assert report.would_hit == 1


def test_clock_moves_do_not_matter_for_checks(services: Services) -> None:
    # An alert valid only from tomorrow is not in force today.
    services.watchlists.add_person_alert(
        SIRENE_DE,
        make_person_alert(
            alert_id="SIS-DEU-91", issuing_state="DEU", surname="ERIKSSON", given_names="Anna",
            date_of_birth="1980-08-12", travel_documents=(),
            valid_from=NOW + timedelta(days=1),
        ),
    )  # fmt: skip

    status = services.etias.submit(make_application(), APPLICANT)

    assert status.status is ApplicationStatus.ISSUED
