"""The EES records as the API shows them: response schemas built from the domain records."""

from datetime import date, datetime

from limes.api.fields import Schema
from limes.ees.model import (
    Crossing,
    DocumentKey,
    DocumentType,
    EntryExitRecord,
    FingerprintStatus,
    RecordFlag,
    RefusalReason,
    RefusalRecord,
    Sex,
    StayDecision,
    StayDecisionKind,
    TravellerFile,
    TravellerHistory,
    VisaRecord,
    VisaStatus,
)


class DocumentKeyRead(Schema):
    issuing_state: str
    number: str

    @classmethod
    def from_domain(cls, key: DocumentKey) -> "DocumentKeyRead":
        return cls(issuing_state=key.issuing_state, number=key.number)


class CrossingRead(Schema):
    at: datetime
    day: date
    bcp_code: str
    authority: str

    @classmethod
    def from_domain(cls, crossing: Crossing) -> "CrossingRead":
        return cls(
            at=crossing.at,
            day=crossing.day,
            bcp_code=crossing.bcp_code,
            authority=crossing.authority,
        )


class StayDecisionRead(Schema):
    kind: StayDecisionKind
    decided_on: date
    authority: str
    place: str
    authorised_stay_until: date | None
    new_visa_sticker: str | None
    recorded_at: datetime

    @classmethod
    def from_domain(cls, decision: StayDecision) -> "StayDecisionRead":
        return cls(
            kind=decision.kind,
            decided_on=decision.decided_on,
            authority=decision.authority,
            place=decision.place,
            authorised_stay_until=decision.authorised_stay_until,
            new_visa_sticker=decision.new_visa_sticker,
            recorded_at=decision.recorded_at,
        )


class EntryRecordRead(Schema):
    """An entry/exit record; `exit` is null while the person is inside."""

    record_id: str
    file_id: str
    document: DocumentKeyRead
    entry: CrossingRead
    authorised_stay_until: date
    visa_sticker: str | None
    flags: list[RecordFlag]
    exit: CrossingRead | None
    exit_flags: list[RecordFlag]
    overstay_flagged_at: datetime | None
    decisions: list[StayDecisionRead]

    @classmethod
    def from_domain(cls, record: EntryExitRecord) -> "EntryRecordRead":
        return cls(
            record_id=record.record_id,
            file_id=record.file_id,
            document=DocumentKeyRead.from_domain(record.document),
            entry=CrossingRead.from_domain(record.entry),
            authorised_stay_until=record.authorised_stay_until,
            visa_sticker=record.visa_sticker,
            flags=sorted(record.flags),
            exit=CrossingRead.from_domain(record.exit) if record.exit else None,
            exit_flags=sorted(record.exit_flags),
            overstay_flagged_at=record.overstay_flagged_at,
            decisions=[StayDecisionRead.from_domain(item) for item in record.decisions],
        )


class RefusalRecordRead(Schema):
    record_id: str
    file_id: str
    document: DocumentKeyRead
    crossing: CrossingRead
    reasons: list[RefusalReason]
    biometrics_refused: bool
    flags: list[RecordFlag]

    @classmethod
    def from_domain(cls, record: RefusalRecord) -> "RefusalRecordRead":
        return cls(
            record_id=record.record_id,
            file_id=record.file_id,
            document=DocumentKeyRead.from_domain(record.document),
            crossing=CrossingRead.from_domain(record.crossing),
            reasons=sorted(record.reasons),
            biometrics_refused=record.biometrics_refused,
            flags=sorted(record.flags),
        )


class VisaRead(Schema):
    sticker_number: str
    issuing_state: str
    valid_from: date
    valid_until: date
    entries_allowed: int | None  # null: multiple entries
    duration_of_stay_days: int
    limited_territorial_validity: list[str]
    status: VisaStatus
    file_id: str | None

    @classmethod
    def from_domain(cls, visa: VisaRecord) -> "VisaRead":
        return cls(
            sticker_number=visa.sticker_number,
            issuing_state=visa.issuing_state,
            valid_from=visa.valid_from,
            valid_until=visa.valid_until,
            entries_allowed=visa.entries_allowed,
            duration_of_stay_days=visa.duration_of_stay_days,
            limited_territorial_validity=list(visa.limited_territorial_validity),
            status=visa.status,
            file_id=visa.file_id,
        )


class TravelDocumentRead(Schema):
    document_type: DocumentType
    number: str
    issuing_state: str
    expiry: date


class TravellerFileRead(Schema):
    """An individual file: identity, documents and the references to biometric data."""

    file_id: str
    surname: str
    given_names: str
    date_of_birth: date
    nationalities: list[str]
    sex: Sex
    documents: list[TravelDocumentRead]
    facial_image_ref: str | None
    fingerprint_ref: str | None
    fingerprint_status: FingerprintStatus
    visa_required: bool
    family_member_of_eu_citizen: bool
    created_at: datetime
    responsible_state: str

    @classmethod
    def from_domain(cls, file: TravellerFile) -> "TravellerFileRead":
        return cls(
            file_id=file.file_id,
            surname=file.identity.surname,
            given_names=file.identity.given_names,
            date_of_birth=file.identity.date_of_birth,
            nationalities=list(file.identity.nationalities),
            sex=file.identity.sex,
            documents=[
                TravelDocumentRead(
                    document_type=document.document_type,
                    number=document.number,
                    issuing_state=document.issuing_state,
                    expiry=document.expiry,
                )
                for document in file.documents
            ],
            facial_image_ref=file.biometrics.facial_image_ref,
            fingerprint_ref=file.biometrics.fingerprint_ref,
            fingerprint_status=file.biometrics.fingerprint_status,
            visa_required=file.visa_required,
            family_member_of_eu_citizen=file.family_member_of_eu_citizen,
            created_at=file.created_at,
            responsible_state=file.responsible_state,
        )


class TravellerHistoryRead(Schema):
    """A file with its entry/exit and refusal records and visas, oldest first."""

    file: TravellerFileRead
    entries: list[EntryRecordRead]
    refusals: list[RefusalRecordRead]
    visas: list[VisaRead]

    @classmethod
    def from_domain(cls, history: TravellerHistory) -> "TravellerHistoryRead":
        return cls(
            file=TravellerFileRead.from_domain(history.file),
            entries=[EntryRecordRead.from_domain(record) for record in history.entries],
            refusals=[RefusalRecordRead.from_domain(record) for record in history.refusals],
            visas=[VisaRead.from_domain(visa) for visa in history.visas],
        )
