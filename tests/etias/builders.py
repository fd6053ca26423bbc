"""Builders with keyword defaults for ETIAS tests: forms, hits, actors and a fake source."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from limes.access.model import Actor, Role
from limes.etias.application import (
    ApplicationForm,
    DocumentType,
    EducationLevel,
    Guardian,
    Residence,
    Sex,
    TravelDocument,
)
from limes.etias.fee import fee_for
from limes.etias.model import Application, CheckKind, FieldMatch, Hit, MatchMethod
from tests.builders import make_actor

APPLICANT = Actor(
    user_name="etias-public-website",
    roles=frozenset({Role.APPLICANT}),
    authority="ETIAS public website",
    state="",
    purpose="etias_application",
)
CENTRAL_UNIT = make_actor(Role.ETIAS_CENTRAL_UNIT, name="cu-officer-1", state="")
NATIONAL_UNIT_NL = make_actor(Role.ETIAS_UNIT, name="nu-nl-1", state="NLD")
NATIONAL_UNIT_DE = make_actor(Role.ETIAS_UNIT, name="nu-de-1", state="DEU")
EUROPOL = make_actor(Role.EUROPOL, name="europol-1", state="")
GUARD_NL = make_actor(Role.BORDER_GUARD, name="guard-nl", state="NLD")
GUARD_FR = make_actor(Role.BORDER_GUARD, name="guard-fr", state="FRA")
CARRIER = make_actor(Role.CARRIER, name="carrier-1")


def make_document(
    *,
    number: str = "L898902C3",
    issuing_country: str = "USA",
    issued_on: date = date(2024, 4, 16),
    expires_on: date = date(2034, 4, 15),
) -> TravelDocument:
    return TravelDocument(
        document_type=DocumentType.PASSPORT,
        number=number,
        issuing_country=issuing_country,
        issued_on=issued_on,
        expires_on=expires_on,
    )


def make_application(**overrides: object) -> ApplicationForm:
    """A complete, valid form of an adult US national; override any field by keyword."""
    form = ApplicationForm(
        surname="ERIKSSON",
        first_names="ANNA MARIA",
        surname_at_birth="LARSSON",
        date_of_birth=date(1980, 8, 12),
        place_of_birth="Minneapolis",
        country_of_birth="USA",
        sex=Sex.FEMALE,
        nationality="USA",
        parents_first_names=("KARL", "INGRID"),
        travel_document=make_document(),
        residence=Residence(country="USA", city="New York", address="1 Main Street, 10001"),
        email="anna.eriksson@example.com",
        phones=("+12125550100",),
        education=EducationLevel.HIGHER,
        occupation="engineering",
        first_intended_stay="NLD",
        ip_address="203.0.113.7",
    )
    return replace(form, **overrides)  # type: ignore[arg-type]


def make_minor(**overrides: object) -> ApplicationForm:
    guardian = Guardian(
        surname="ERIKSSON",
        first_names="KARL",
        address="1 Main Street, 10001, New York",
        email="karl.eriksson@example.com",
    )
    values: dict[str, object] = {"date_of_birth": date(2015, 3, 1), "guardian": guardian}
    values.update(overrides)
    return make_application(**values)


def submitted(form: ApplicationForm, at: datetime, application_id: str = "app-1") -> Application:
    """An `Application` as the service would store it, for the pure modules' tests."""
    return Application(
        application_id=application_id, submitted_at=at, form=form, fee=fee_for(form, on=at.date())
    )


def make_hit(
    check: CheckKind = CheckKind.SIS_ARREST_ALERT,
    *,
    source: str = "sis",
    record_ref: str = "SIS-ALERT-1",
    member_state: str | None = "DEU",
    score: float | None = 0.93,
    record_created_at: datetime | None = None,
) -> Hit:
    return Hit(
        check=check,
        source=source,
        record_ref=record_ref,
        member_state=member_state,
        matched_fields=(
            FieldMatch(
                application_field="surname",
                record_field="surname",
                method=MatchMethod.NAME_SCREENING,
                score=score,
            ),
        ),
        score=score,
        explanation=("surname aligned: ERIKSSON ~ ERIKSON", "birth date agrees"),
        record_created_at=record_created_at,
    )


@dataclass
class FakeSource:
    """A `CheckSource` whose data tests change: hits per document number, or a failure."""

    name: str = "sis"
    by_document: dict[str, list[Hit]] = field(default_factory=dict)
    failure: Exception | None = None
    calls: int = 0

    def check(self, application: Application, *, at: datetime) -> Sequence[Hit]:
        self.calls += 1
        if self.failure is not None:
            raise self.failure
        return list(self.by_document.get(application.form.travel_document.number, ()))

    def add(self, document_number: str, *hits: Hit) -> None:
        self.by_document.setdefault(document_number, []).extend(hits)


@dataclass
class PredicateSource:
    """A proposed watchlist entry as a `CheckSource`: hits every application `matches` takes."""

    matches: Callable[[Application], bool]
    name: str = "proposed-watchlist-entry"

    def check(self, application: Application, *, at: datetime) -> Sequence[Hit]:
        if not self.matches(application):
            return []
        return [make_hit(CheckKind.WATCHLIST, source=self.name, record_ref="proposed")]
