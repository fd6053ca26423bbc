"""Request and response bodies of the watchlist routes (api/watchlists.py), with their
conversion to and from the watchlist records."""

from datetime import datetime
from typing import Annotated, Literal
from uuid import uuid4

from pydantic import Field, StringConstraints

from limes.api.fields import CountryCode, Identifier, Instant, Name, Schema, Text
from limes.ees.model import Sex
from limes.watchlists.import_report import ImportReport
from limes.watchlists.model import (
    DocumentAction,
    DocumentAlert,
    DocumentSource,
    DocumentStatus,
    Offence,
    Organisation,
    PersonAction,
    PersonAlert,
    PersonAlertCategory,
    TravelDocument,
    WatchlistEntry,
    default_person_action,
)
from limes.watchlists.service import DocumentCheck

PartialDate = Annotated[
    str,
    StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$"),
    Field(description="ISO 8601, possibly partial: 1975, 1975-03 or 1975-03-02."),
]
DocumentType = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_]{1,32}$")]
# As issued: letters and digits; spaces, '-' and '<' are ignored when compared.
DocumentNumber = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9 <-]{1,64}$")]
Email = Annotated[str, StringConstraints(pattern=r"^[^@\s]{1,64}@[^@\s]{1,255}$")]
Phone = Annotated[str, StringConstraints(pattern=r"^\+?[0-9 ()./-]{3,40}$")]
Address = Annotated[str, StringConstraints(pattern=r"^[^\x00-\x1f\x7f]{1,1000}$")]
ListedName = Annotated[str, StringConstraints(pattern=r"^[^\x00-\x1f\x7f]{1,100}$")]
Names = Annotated[tuple[ListedName, ...], Field(max_length=20)]
Countries = Annotated[tuple[CountryCode, ...], Field(max_length=20)]


class DocumentItem(Schema):
    document_type: DocumentType
    number: DocumentNumber
    country: CountryCode

    def to_domain(self) -> TravelDocument:
        return TravelDocument(
            document_type=self.document_type, number=self.number, country=self.country
        )

    @classmethod
    def from_domain(cls, document: TravelDocument) -> "DocumentItem":
        return cls(
            document_type=document.document_type, number=document.number, country=document.country
        )


Documents = Annotated[tuple[DocumentItem, ...], Field(max_length=20)]


class OrganisationItem(Schema):
    """A firm or organisation: at least one item."""

    name: ListedName | None = None
    email: Email | None = None
    address: Address | None = None
    phone: Phone | None = None

    def to_domain(self) -> Organisation:
        return Organisation(
            name=self.name, email=self.email, address=self.address, phone=self.phone
        )


class PersonAlertCreate(Schema):
    """An SIS alert on a person, issued by the caller's state (SIRENE)."""

    alert_id: Identifier
    issuing_state: CountryCode
    category: PersonAlertCategory
    surname: Annotated[Name, Field(min_length=1)]
    given_names: Name = ""
    other_names: Names = ()
    date_of_birth: PartialDate | None = None
    sex: Sex | None = None
    nationalities: Countries = ()
    travel_documents: Documents = ()
    action_to_take: PersonAction | None = Field(
        default=None, description="Default: the category's usual action."
    )
    valid_from: Instant | None = Field(default=None, description="Default: now.")
    valid_until: Instant | None = None

    def to_domain(self, now: datetime) -> PersonAlert:
        return PersonAlert(
            alert_id=self.alert_id,
            issuing_state=self.issuing_state,
            category=self.category,
            surname=self.surname,
            given_names=self.given_names,
            other_names=self.other_names,
            date_of_birth=self.date_of_birth,
            sex=None if self.sex is None else self.sex.value,
            nationalities=self.nationalities,
            travel_documents=tuple(d.to_domain() for d in self.travel_documents),
            action_to_take=self.action_to_take or default_person_action(self.category),
            valid_from=self.valid_from or now,
            valid_until=self.valid_until,
            created_at=now,
        )


class PersonAlertRead(Schema):
    alert_id: str
    issuing_state: str
    category: str
    surname: str
    given_names: str
    other_names: list[str]
    date_of_birth: str | None
    sex: str | None
    nationalities: list[str]
    travel_documents: list[DocumentItem]
    action_to_take: str
    valid_from: str
    valid_until: str | None
    created_at: str
    withdrawn_at: str | None
    withdrawal_reason: str | None

    @classmethod
    def from_domain(cls, alert: PersonAlert) -> "PersonAlertRead":
        return cls(
            alert_id=alert.alert_id,
            issuing_state=alert.issuing_state,
            category=alert.category.value,
            surname=alert.surname,
            given_names=alert.given_names,
            other_names=list(alert.other_names),
            date_of_birth=alert.date_of_birth,
            sex=alert.sex,
            nationalities=list(alert.nationalities),
            travel_documents=[DocumentItem.from_domain(d) for d in alert.travel_documents],
            action_to_take=alert.action_to_take.value,
            valid_from=alert.valid_from.isoformat(),
            valid_until=_instant(alert.valid_until),
            created_at=alert.created_at.isoformat(),
            withdrawn_at=_instant(alert.withdrawn_at),
            withdrawal_reason=alert.withdrawal_reason,
        )


class DocumentAlertCreate(Schema):
    """An SIS alert on a travel document (the caller's state), or an SLTD record."""

    source: Literal["sis", "sltd"]
    alert_id: Identifier
    issuing_state: CountryCode = Field(description="For SLTD: the reporting country.")
    document_type: DocumentType
    document_number: DocumentNumber
    document_country: CountryCode
    status: DocumentStatus
    action_to_take: DocumentAction = DocumentAction.SEIZE_DOCUMENT
    valid_from: Instant | None = Field(default=None, description="Default: now.")
    valid_until: Instant | None = None

    def to_domain(self, now: datetime) -> DocumentAlert:
        return DocumentAlert(
            source=DocumentSource(self.source),
            alert_id=self.alert_id,
            issuing_state=self.issuing_state,
            document_type=self.document_type,
            document_number=self.document_number,
            document_country=self.document_country,
            status=self.status,
            action_to_take=self.action_to_take,
            valid_from=self.valid_from or now,
            valid_until=self.valid_until,
            created_at=now,
        )


class DocumentAlertRead(Schema):
    source: str
    alert_id: str
    issuing_state: str
    document_type: str
    document_number: str
    document_country: str
    status: str
    action_to_take: str
    valid_from: str
    valid_until: str | None
    created_at: str
    withdrawn_at: str | None
    withdrawal_reason: str | None

    @classmethod
    def from_domain(cls, alert: DocumentAlert) -> "DocumentAlertRead":
        return cls(
            source=alert.source.value,
            alert_id=alert.alert_id,
            issuing_state=alert.issuing_state,
            document_type=alert.document_type,
            document_number=alert.document_number,
            document_country=alert.document_country,
            status=alert.status.value,
            action_to_take=alert.action_to_take.value,
            valid_from=alert.valid_from.isoformat(),
            valid_until=_instant(alert.valid_until),
            created_at=alert.created_at.isoformat(),
            withdrawn_at=_instant(alert.withdrawn_at),
            withdrawal_reason=alert.withdrawal_reason,
        )


class WatchlistEntryCreate(Schema):
    """An ETIAS watchlist entry (Reg. 2018/1240 art. 34), entered by the caller's party
    (Europol, or the caller's Member State). At least one of: surname, surname_at_birth,
    date_of_birth, other_names, travel_documents, home_address, email, phone, organisation,
    ip_address. Refused (409 `watchlist.entry_in_sis`) when it corresponds to an SIS alert."""

    entry_id: Identifier = Field(default_factory=lambda: uuid4().hex)
    offence: Offence
    surname: ListedName | None = None
    surname_at_birth: ListedName | None = None
    first_names: ListedName | None = None
    other_names: Names = ()
    date_of_birth: PartialDate | None = None
    place_of_birth: ListedName | None = None
    country_of_birth: CountryCode | None = None
    sex: Sex | None = None
    nationalities: Countries = ()
    travel_documents: Documents = ()
    home_address: Address | None = None
    email: Email | None = None
    phone: Phone | None = None
    ip_address: Annotated[str, StringConstraints(max_length=64)] | None = None
    organisation: OrganisationItem | None = None

    def to_domain(self, entered_by: str, now: datetime) -> WatchlistEntry:
        return WatchlistEntry(
            entry_id=self.entry_id,
            entered_by=entered_by,
            offence=self.offence,
            surname=self.surname,
            surname_at_birth=self.surname_at_birth,
            first_names=self.first_names,
            other_names=self.other_names,
            date_of_birth=self.date_of_birth,
            place_of_birth=self.place_of_birth,
            country_of_birth=self.country_of_birth,
            sex=None if self.sex is None else self.sex.value,
            nationalities=self.nationalities,
            travel_documents=tuple(d.to_domain() for d in self.travel_documents),
            home_address=self.home_address,
            email=self.email,
            phone=self.phone,
            ip_address=self.ip_address,
            organisation=None if self.organisation is None else self.organisation.to_domain(),
            created_at=now,
        )


class WatchlistEntryRead(Schema):
    entry_id: str
    entered_by: str
    offence: str
    surname: str | None
    surname_at_birth: str | None
    first_names: str | None
    other_names: list[str]
    date_of_birth: str | None
    place_of_birth: str | None
    country_of_birth: str | None
    sex: str | None
    nationalities: list[str]
    travel_documents: list[DocumentItem]
    home_address: str | None
    email: str | None
    phone: str | None
    ip_address: str | None
    organisation: OrganisationItem | None
    created_at: str
    last_reviewed_at: str | None
    withdrawn_at: str | None
    withdrawal_reason: str | None

    @classmethod
    def from_domain(cls, entry: WatchlistEntry) -> "WatchlistEntryRead":
        organisation = entry.organisation
        return cls(
            entry_id=entry.entry_id,
            entered_by=entry.entered_by,
            offence=entry.offence.value,
            surname=entry.surname,
            surname_at_birth=entry.surname_at_birth,
            first_names=entry.first_names,
            other_names=list(entry.other_names),
            date_of_birth=entry.date_of_birth,
            place_of_birth=entry.place_of_birth,
            country_of_birth=entry.country_of_birth,
            sex=entry.sex,
            nationalities=list(entry.nationalities),
            travel_documents=[DocumentItem.from_domain(d) for d in entry.travel_documents],
            home_address=entry.home_address,
            email=entry.email,
            phone=entry.phone,
            ip_address=entry.ip_address,
            organisation=None
            if organisation is None
            else OrganisationItem(
                name=organisation.name,
                email=organisation.email,
                address=organisation.address,
                phone=organisation.phone,
            ),
            created_at=entry.created_at.isoformat(),
            last_reviewed_at=_instant(entry.last_reviewed_at),
            withdrawn_at=_instant(entry.withdrawn_at),
            withdrawal_reason=entry.withdrawal_reason,
        )


class ImportBody(Schema):
    """Rows of the JSON Lines format, one string per line (docs/watchlists.md).

    Bodies are limited to 64 KiB; import larger files with `limes watchlist import`."""

    lines: Annotated[list[str], Field(min_length=1, max_length=1000)]


class RejectionRead(Schema):
    line: int
    code: str
    message: str


class ImportReportRead(Schema):
    lines_read: int
    stored: int
    accepted: dict[str, int] = Field(description="Rows stored, per kind.")
    rejected: list[RejectionRead]

    @classmethod
    def from_domain(cls, report: ImportReport) -> "ImportReportRead":
        return cls(
            lines_read=report.lines_read,
            stored=report.stored,
            accepted={kind.value: count for kind, count in report.accepted.items()},
            rejected=[
                RejectionRead(line=r.line, code=r.code, message=r.message) for r in report.rejected
            ],
        )


class Withdrawal(Schema):
    reason: Text


class DocumentQuery(Schema):
    """A travel document: the issuing country and the number as printed."""

    country: CountryCode
    number: DocumentNumber


class DocumentCheckRead(Schema):
    hit: bool
    document_alerts: list[DocumentAlertRead]
    person_alerts: list[PersonAlertRead]

    @classmethod
    def from_domain(cls, check: DocumentCheck) -> "DocumentCheckRead":
        return cls(
            hit=check.hit,
            document_alerts=[DocumentAlertRead.from_domain(a) for a in check.document_alerts],
            person_alerts=[PersonAlertRead.from_domain(a) for a in check.person_alerts],
        )


class ReviewDueRead(Schema):
    entry_id: str
    entered_by: str
    offence: str
    created_at: str
    last_reviewed_at: str | None
    review_due_since: str

    @classmethod
    def from_domain(cls, entry: WatchlistEntry) -> "ReviewDueRead":
        return cls(
            entry_id=entry.entry_id,
            entered_by=entry.entered_by,
            offence=entry.offence.value,
            created_at=entry.created_at.isoformat(),
            last_reviewed_at=_instant(entry.last_reviewed_at),
            review_due_since=entry.review_due_since().isoformat(),
        )


def _instant(at: datetime | None) -> str | None:
    return None if at is None else at.isoformat()
