"""Request and response schemas of the border crossing routes: entries, exits, refusals, stays.

Each `*Create` turns into the EES command with `to_domain()`; each `*Read` is built from
the service's outcome with `from_domain()`.
"""

from datetime import date
from typing import Annotated

from pydantic import ConfigDict, Field, StrictBool

from limes.api import examples
from limes.api.fields import (
    BcpCode,
    CountryCode,
    Day,
    DocumentKeyBody,
    DocumentNumber,
    Identifier,
    Instant,
    Name,
    Schema,
    StickerNumber,
    Text,
)
from limes.api.records import EntryRecordRead, RefusalRecordRead, VisaRead
from limes.ees.commands import (
    EntryRegistration,
    ExitRegistration,
    RefusalRegistration,
    StayDecisionRegistration,
    TravellerData,
    VisaReference,
)
from limes.ees.model import (
    DocumentKey,
    DocumentType,
    FingerprintStatus,
    Identity,
    RefusalReason,
    Sex,
    StayDecisionKind,
    TravelDocument,
)
from limes.ees.outcomes import CarrierVerdict, EntryOutcome, ExitOutcome, RefusalOutcome, StayReport
from limes.ees.scope import ScopeExemption


def document_key(body: DocumentKeyBody) -> DocumentKey:
    return DocumentKey(body.issuing_state, body.number)


class TravelDocumentCreate(Schema):
    document_type: DocumentType
    number: DocumentNumber
    issuing_state: CountryCode
    expiry: Day

    def to_domain(self) -> TravelDocument:
        return TravelDocument(
            document_type=self.document_type,
            number=self.number,
            issuing_state=self.issuing_state,
            expiry=self.expiry,
        )


class TravellerIdentity(Schema):
    """The identity data of an individual file (EESR art. 16(1)(a))."""

    surname: Annotated[Name, Field(min_length=1)]
    given_names: Name = ""
    date_of_birth: Day
    nationalities: Annotated[list[CountryCode], Field(min_length=1, max_length=5)]
    sex: Sex

    def to_domain(self) -> Identity:
        return Identity(
            surname=self.surname,
            given_names=self.given_names,
            date_of_birth=self.date_of_birth,
            nationalities=tuple(self.nationalities),
            sex=self.sex,
        )


class TravellerCreate(Schema):
    """The person as read from the document and captured at the border."""

    identity: TravellerIdentity
    document: TravelDocumentCreate
    facial_image_ref: Identifier | None = None
    fingerprint_ref: Identifier | None = None
    fingerprint_status: FingerprintStatus | None = Field(
        default=None, description="Only to state an exemption the guard established."
    )
    family_member_of_eu_citizen: StrictBool = False
    exemption: ScopeExemption | None = Field(
        default=None, description="An EESR art. 2(3) category: the person is not registered."
    )
    visa_required: StrictBool | None = Field(
        default=None, description="Null: decided from the EU visa list (Reg. 2018/1806)."
    )

    def to_domain(self) -> TravellerData:
        return TravellerData(
            identity=self.identity.to_domain(),
            document=self.document.to_domain(),
            facial_image_ref=self.facial_image_ref,
            fingerprint_ref=self.fingerprint_ref,
            fingerprint_status=self.fingerprint_status,
            family_member_of_eu_citizen=self.family_member_of_eu_citizen,
            exemption=self.exemption,
            visa_required=self.visa_required,
        )


class VisaReferenceBody(Schema):
    issuing_state: CountryCode
    sticker_number: StickerNumber

    def to_domain(self) -> VisaReference:
        return VisaReference(issuing_state=self.issuing_state, sticker_number=self.sticker_number)


class EntryCreate(Schema):
    """An entry at a border crossing point; `at` only for records replayed from a fallback."""

    model_config = ConfigDict(json_schema_extra={"examples": [examples.ENTRY]})

    traveller: TravellerCreate
    bcp_code: BcpCode
    at: Instant | None = None
    visa: VisaReferenceBody | None = None
    file_id: Identifier | None = None
    self_service: StrictBool = False
    e_gate: StrictBool = False
    biometrics_postponed: StrictBool = False
    fallback: StrictBool = False

    def to_domain(self) -> EntryRegistration:
        return EntryRegistration(
            traveller=self.traveller.to_domain(),
            bcp_code=self.bcp_code,
            at=self.at,
            visa=self.visa.to_domain() if self.visa else None,
            file_id=self.file_id,
            self_service=self.self_service,
            e_gate=self.e_gate,
            biometrics_postponed=self.biometrics_postponed,
            fallback=self.fallback,
        )


class EntryRead(Schema):
    """The entry record and what the automated calculator found (EESR art. 11(2)(a))."""

    record: EntryRecordRead
    file_created: bool
    authorised_stay_until: date
    max_stay_days: int
    days_used_on_entry: int
    visa_entry_number: int | None
    visa_entries_allowed: int | None
    warnings: list[str]

    @classmethod
    def from_domain(cls, outcome: EntryOutcome) -> "EntryRead":
        return cls(
            record=EntryRecordRead.from_domain(outcome.record),
            file_created=outcome.file_created,
            authorised_stay_until=outcome.authorised_stay_until,
            max_stay_days=outcome.max_stay_days,
            days_used_on_entry=outcome.days_used_on_entry,
            visa_entry_number=outcome.visa_entry_number,
            visa_entries_allowed=outcome.visa_entries_allowed,
            warnings=list(outcome.warnings),
        )


class ExitCreate(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [examples.EXIT]})

    document: DocumentKeyBody
    bcp_code: BcpCode
    at: Instant | None = None
    facial_image_ref: Identifier | None = None
    fingerprint_ref: Identifier | None = None
    self_service: StrictBool = False
    e_gate: StrictBool = False
    fallback: StrictBool = False

    def to_domain(self) -> ExitRegistration:
        return ExitRegistration(
            document=document_key(self.document),
            bcp_code=self.bcp_code,
            at=self.at,
            facial_image_ref=self.facial_image_ref,
            fingerprint_ref=self.fingerprint_ref,
            self_service=self.self_service,
            e_gate=self.e_gate,
            fallback=self.fallback,
        )


class ExitRead(Schema):
    """The completed record and any overstay, measured both ways (EESR art. 11(2)(c))."""

    record: EntryRecordRead
    days_used: int
    overstay_days: int
    days_in_breach: int
    days_after_authorised_stay: int
    warnings: list[str]

    @classmethod
    def from_domain(cls, outcome: ExitOutcome) -> "ExitRead":
        return cls(
            record=EntryRecordRead.from_domain(outcome.record),
            days_used=outcome.days_used,
            overstay_days=outcome.overstay_days,
            days_in_breach=outcome.days_in_breach,
            days_after_authorised_stay=outcome.days_after_authorised_stay,
            warnings=list(outcome.warnings),
        )


class RefusalCreate(Schema):
    """A refusal of entry with its Schengen Borders Code Annex V Part B reason codes."""

    model_config = ConfigDict(json_schema_extra={"examples": [examples.REFUSAL]})

    traveller: TravellerCreate
    bcp_code: BcpCode
    reasons: Annotated[list[RefusalReason], Field(min_length=1, max_length=10)]
    biometrics_refused: StrictBool = False
    at: Instant | None = None
    fallback: StrictBool = False

    def to_domain(self) -> RefusalRegistration:
        return RefusalRegistration(
            traveller=self.traveller.to_domain(),
            bcp_code=self.bcp_code,
            reasons=frozenset(self.reasons),
            biometrics_refused=self.biometrics_refused,
            at=self.at,
            fallback=self.fallback,
        )


class RefusalRead(Schema):
    record: RefusalRecordRead
    file_created: bool

    @classmethod
    def from_domain(cls, outcome: RefusalOutcome) -> "RefusalRead":
        return cls(
            record=RefusalRecordRead.from_domain(outcome.record), file_created=outcome.file_created
        )


class StayDecisionCreate(Schema):
    """An extension, revocation or annulment of the latest authorised stay (EESR art. 19)."""

    model_config = ConfigDict(json_schema_extra={"examples": [examples.STAY_DECISION]})

    document: DocumentKeyBody
    kind: StayDecisionKind
    decided_on: Day
    place: Text
    authorised_stay_until: Day | None = None
    new_visa_sticker: StickerNumber | None = None

    def to_domain(self) -> StayDecisionRegistration:
        return StayDecisionRegistration(
            document=document_key(self.document),
            kind=self.kind,
            decided_on=self.decided_on,
            place=self.place,
            authorised_stay_until=self.authorised_stay_until,
            new_visa_sticker=self.new_visa_sticker,
        )


class StayQuery(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [examples.STAY_QUERY]})

    document: DocumentKeyBody
    on: Day | None = Field(default=None, description="Null: today at the border.")


class StayReportRead(Schema):
    """Remaining authorised stay or the overstay on a day (EESR art. 11(2)(b))."""

    file_id: str
    on: date
    inside: bool
    days_used: int
    days_remaining: int
    overstay_days: int
    days_in_breach: int
    latest_exit: date | None
    authorised_stay_until: date | None
    visa: VisaRead | None

    @classmethod
    def from_domain(cls, report: StayReport) -> "StayReportRead":
        return cls(
            file_id=report.file_id,
            on=report.on,
            inside=report.inside,
            days_used=report.days_used,
            days_remaining=report.days_remaining,
            overstay_days=report.overstay_days,
            days_in_breach=report.days_in_breach,
            latest_exit=report.latest_exit,
            authorised_stay_until=report.authorised_stay_until,
            visa=VisaRead.from_domain(report.visa) if report.visa else None,
        )


class CarrierQuery(Schema):
    """What a carrier may ask before boarding (EESR art. 13(3))."""

    model_config = ConfigDict(json_schema_extra={"examples": [examples.CARRIER_QUERY]})

    document: DocumentKeyBody
    nationality: CountryCode
    planned_entry: Day
    visa: VisaReferenceBody | None = None


class CarrierVerdictRead(Schema):
    """Only "OK" or "NOT OK" and why: nothing about the person."""

    ok: bool
    reason: str

    @classmethod
    def from_domain(cls, verdict: CarrierVerdict) -> "CarrierVerdictRead":
        return cls(ok=verdict.ok, reason=verdict.reason)
