"""ETIAS application files and screening rules for the store tests, with keyword defaults.

`make_file` builds a plain submitted file; `make_rich_file` one that has been through the
whole workflow: hits of each status, an information request, an interview, decisions
and an issued authorisation with flags and limited territorial validity.
"""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from itertools import count

from limes.etias.application import (
    BackgroundAnswers,
    EuFamilyMember,
    FamilyTie,
    Representative,
)
from limes.etias.model import (
    ApplicationFile,
    ApplicationStatus,
    AuthorisationStatus,
    CaseEvent,
    CheckKind,
    Decision,
    DecisionRecord,
    Flag,
    FlagKind,
    HitStatus,
    InformationRequest,
    Interview,
    TravelAuthorisation,
)
from limes.etias.screening_rules import Condition, RiskKind, ScreeningRule
from tests.etias.builders import make_application, make_document, make_hit, submitted

SUBMITTED = datetime(2026, 6, 1, 9, 30, 15, 123456, tzinfo=UTC)

_serial = count(1)


def new_application_id() -> str:
    return f"app-{next(_serial):06d}"


def make_file(
    *,
    application_id: str | None = None,
    submitted_at: datetime = SUBMITTED,
    status: ApplicationStatus = ApplicationStatus.CENTRAL_UNIT_VERIFICATION,
    document_number: str = "L898902C3",
    issuing_country: str = "USA",
    email: str = "anna.eriksson@example.com",
    responsible_state: str | None = None,
    deadline: datetime | None = None,
    authorisation: TravelAuthorisation | None = None,
) -> ApplicationFile:
    form = make_application(
        travel_document=make_document(number=document_number, issuing_country=issuing_country),
        email=email,
    )
    return ApplicationFile(
        application=submitted(form, submitted_at, application_id or new_application_id()),
        status=status,
        responsible_state=responsible_state,
        deadline=deadline,
        authorisation=authorisation,
        updated_at=submitted_at,
    )


def make_authorisation(
    application_id: str,
    *,
    number: str | None = None,
    valid_from: date = date(2026, 6, 2),
    valid_until: date = date(2029, 6, 1),
    status: AuthorisationStatus = AuthorisationStatus.VALID,
) -> TravelAuthorisation:
    changed = None if status is AuthorisationStatus.VALID else SUBMITTED + timedelta(days=40)
    return TravelAuthorisation(
        number=number or f"TA-{application_id.upper()}",
        application_id=application_id,
        issued_at=SUBMITTED + timedelta(days=1),
        valid_from=valid_from,
        valid_until=valid_until,
        status=status,
        status_changed_at=changed,
    )


def issued_file(
    *,
    valid_from: date = date(2026, 6, 2),
    valid_until: date = date(2029, 6, 1),
    status: AuthorisationStatus = AuthorisationStatus.VALID,
    submitted_at: datetime = SUBMITTED,
) -> ApplicationFile:
    application_id = new_application_id()
    authorisation = make_authorisation(
        application_id, valid_from=valid_from, valid_until=valid_until, status=status
    )
    file_status = {
        AuthorisationStatus.VALID: ApplicationStatus.ISSUED,
        AuthorisationStatus.REVOKED: ApplicationStatus.REVOKED,
        AuthorisationStatus.ANNULLED: ApplicationStatus.ANNULLED,
    }[status]
    return make_file(
        application_id=application_id,
        submitted_at=submitted_at,
        status=file_status,
        authorisation=authorisation,
    )


def make_rich_file(application_id: str | None = None) -> ApplicationFile:
    """A file that went through every step, with something in each of its fields."""
    application_id = application_id or new_application_id()
    at = SUBMITTED
    form = make_application(
        other_nationalities=("CAN",),
        other_names=("Anna Larsson", "Анна"),
        phones=("+12125550100", "+12125550199"),
        job_title="Bridge engineer",
        employer="Example Structures Inc.",
        first_intended_stay_address="Damrak 1, Amsterdam",
        eu_family_member=EuFamilyMember(
            tie=FamilyTie.SPOUSE,
            surname="DE VRIES",
            first_names="JAN",
            date_of_birth=date(1979, 2, 28),
            place_of_birth="Utrecht",
            country_of_birth="NLD",
            nationality="NLD",
            address="Damrak 1, Amsterdam",
        ),
        filled_in_by=Representative(
            surname="AGENT",
            first_names="TRAVEL",
            organisation="Example Travel",
            email="desk@example.travel",
            address="2 Broadway, New York",
            relationship="travel agency",
        ),
        background=BackgroundAnswers(conflict_zone_stay=True, details=("2019: aid work",)),
    )
    confirmed = replace(
        make_hit(CheckKind.SIS_REFUSAL_ALERT, record_created_at=at - timedelta(days=400)),
        hit_id="H1",
        status=HitStatus.CONFIRMED,
        found_at=at,
        verified_by="cu-officer-1",
        verified_at=at + timedelta(hours=5),
        verification_reason="photograph and date of birth correspond",
    )
    rule_hit = replace(
        make_hit(
            CheckKind.SCREENING_RULE,
            source="etias.screening_rules",
            record_ref="R-7@v2",
            member_state=None,
            score=None,
        ),
        hit_id="H2",
        status=HitStatus.DOUBTFUL,
        found_at=at,
    )
    flags = (
        Flag(kind=FlagKind.HIT_VERIFIED_FALSE, check=CheckKind.EUROPOL, note="other person"),
        Flag(kind=FlagKind.SECOND_LINE_CHECK),
    )
    decision = Decision.limited_territorial_validity(
        ("NLD", "BEL"), flags=flags, reason="humanitarian grounds (art. 44)"
    )
    decided_at = at + timedelta(days=20, microseconds=7)
    return ApplicationFile(
        application=submitted(form, at, application_id),
        status=ApplicationStatus.ISSUED,
        hits=(confirmed, rule_hit),
        deadline=None,
        responsible_state="NLD",
        information_requests=(
            InformationRequest(
                requested_at=at + timedelta(days=2),
                requested_by="nu-nl-1",
                member_state="NLD",
                questions="Purpose of the 2019 stay?",
                reply_due=at + timedelta(days=12),
                replied_at=at + timedelta(days=5),
                reply="Medical aid with an NGO.",
            ),
        ),
        interview=Interview(
            invited_at=at + timedelta(days=6),
            invited_by="nu-nl-1",
            scheduled_at=at + timedelta(days=15),
            remote=True,
            reason="the reply left doubts",
            held_at=at + timedelta(days=15, minutes=3),
            attended=True,
            notes="consistent account",
        ),
        decisions=(
            DecisionRecord(
                decision=decision, decided_at=decided_at, decided_by="nu-nl-1", member_state="NLD"
            ),
        ),
        authorisation=TravelAuthorisation(
            number=f"TA-{application_id.upper()}",
            application_id=application_id,
            issued_at=decided_at,
            valid_from=date(2026, 6, 21),
            valid_until=date(2026, 9, 18),
            flags=flags,
            territorial_validity=("NLD", "BEL"),
        ),
        events=(
            CaseEvent(at=at, action="submitted", by="etias-central-system"),
            CaseEvent(at=decided_at, action="decided.limited_territorial_validity", by="nu-nl-1"),
        ),
        retention_consent=True,
        cleared_refs=("europol:EP-123",),
        updated_at=decided_at,
    )


def make_rule(
    rule_id: str = "R-1",
    *,
    version: int = 1,
    active: bool = True,
    created_at: datetime = SUBMITTED,
    conditions: tuple[Condition, ...] = (
        Condition.one_of("nationality", "XXA"),
        Condition.age_range(18, 35),
    ),
) -> ScreeningRule:
    return ScreeningRule(
        rule_id=rule_id,
        version=version,
        author="cu-analyst-1",
        reason="overstay statistics 2025 (art. 33(2)(a))",
        created_at=created_at,
        risk=RiskKind.ILLEGAL_IMMIGRATION,
        conditions=conditions,
        active=active,
    )
