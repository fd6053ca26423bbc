"""Domain records with keyword defaults for the store contract tests; unique ids each call."""

from datetime import UTC, date, datetime, timedelta
from itertools import count

from limes.access.model import ApiToken, Role, User
from limes.audit.model import AuditEntry, AuditEvent
from limes.ees.data_subject import DataSubjectRequest, RequestKind, open_request
from limes.ees.model import (
    Biometrics,
    BorderCrossingPoint,
    BorderType,
    Crossing,
    DocumentKey,
    DocumentType,
    EntryExitRecord,
    FingerprintStatus,
    Identity,
    RecordFlag,
    RefusalReason,
    RefusalRecord,
    Sex,
    StayDecision,
    StayDecisionKind,
    TravelDocument,
    TravellerFile,
    VisaRecord,
)

_serial = count(1)


def new_id(prefix: str) -> str:
    return f"{prefix}-{next(_serial):06d}"


def at(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def make_bcp(
    code: str = "NLAMS", border_type: BorderType = BorderType.AIR, state: str = "NLD"
) -> BorderCrossingPoint:
    return BorderCrossingPoint(
        code=code,
        name=f"Border crossing point {code}",
        state=state,
        border_type=border_type,
        time_zone="Europe/Amsterdam",
    )


def make_document(
    number: str | None = None,
    *,
    issuing_state: str = "UTO",
    document_type: DocumentType = DocumentType.PASSPORT,
) -> TravelDocument:
    return TravelDocument(
        document_type=document_type,
        number=number or new_id("P"),
        issuing_state=issuing_state,
        expiry=date(2031, 4, 15),
    )


def make_file(
    *,
    file_id: str | None = None,
    documents: tuple[TravelDocument, ...] | None = None,
    nationalities: tuple[str, ...] = ("UTO", "CAN"),
    sex: Sex = Sex.FEMALE,
    date_of_birth: date = date(1974, 8, 12),
    fingerprint_status: FingerprintStatus = FingerprintStatus.CAPTURED,
) -> TravellerFile:
    return TravellerFile(
        file_id=file_id or new_id("file"),
        identity=Identity(
            surname="ERIKSSON",
            given_names="ANNA MARIA",
            date_of_birth=date_of_birth,
            nationalities=nationalities,
            sex=sex,
        ),
        documents=documents if documents is not None else (make_document(),),
        biometrics=Biometrics(
            facial_image_ref="face-1",
            fingerprint_ref=None,
            fingerprint_status=fingerprint_status,
        ),
        visa_required=True,
        family_member_of_eu_citizen=False,
        created_at=at(2026, 11, 1, 9, 30),
        responsible_state="NLD",
    )


def make_crossing(
    when: datetime | None = None, *, bcp_code: str = "NLAMS", day: date | None = None
) -> Crossing:
    when = when or at(2026, 11, 1)
    return Crossing(
        at=when,
        day=day or when.date(),
        bcp_code=bcp_code,
        authority="Koninklijke Marechaussee",
    )


def make_entry(
    file: TravellerFile,
    *,
    entry: Crossing | None = None,
    authorised_stay_until: date = date(2027, 1, 29),
    exit: Crossing | None = None,
    overstay_flagged_at: datetime | None = None,
    visa_sticker: str | None = None,
    flags: frozenset[RecordFlag] = frozenset(),
    decisions: tuple[StayDecision, ...] = (),
) -> EntryExitRecord:
    return EntryExitRecord(
        record_id=new_id("entry"),
        file_id=file.file_id,
        document=file.documents[0].key,
        entry=entry or make_crossing(),
        authorised_stay_until=authorised_stay_until,
        visa_sticker=visa_sticker,
        flags=flags,
        exit=exit,
        overstay_flagged_at=overstay_flagged_at,
        decisions=decisions,
    )


def make_decision(
    kind: StayDecisionKind = StayDecisionKind.EXTENSION, *, until: date | None = date(2027, 3, 1)
) -> StayDecision:
    return StayDecision(
        kind=kind,
        decided_on=date(2026, 12, 1),
        authority="IND",
        place="Rijswijk",
        authorised_stay_until=until,
        new_visa_sticker="NLD-EXT-1" if kind is StayDecisionKind.EXTENSION else None,
        recorded_at=at(2026, 12, 1, 14, 5),
    )


def make_refusal(
    file: TravellerFile,
    *,
    crossing: Crossing | None = None,
    reasons: frozenset[RefusalReason] = frozenset(
        {RefusalReason.NO_VALID_VISA_OR_RESIDENCE_PERMIT}
    ),
    document: DocumentKey | None = None,
) -> RefusalRecord:
    return RefusalRecord(
        record_id=new_id("refusal"),
        file_id=file.file_id,
        document=document or file.documents[0].key,
        crossing=crossing or make_crossing(),
        reasons=reasons,
        biometrics_refused=True,
        flags=frozenset({RecordFlag.FALLBACK}),
    )


def make_visa(
    *,
    sticker_number: str | None = None,
    issuing_state: str = "NLD",
    file_id: str | None = None,
    limited_territorial_validity: tuple[str, ...] = (),
) -> VisaRecord:
    return VisaRecord(
        sticker_number=sticker_number or new_id("V"),
        issuing_state=issuing_state,
        valid_from=date(2026, 10, 1),
        valid_until=date(2027, 3, 31),
        entries_allowed=2,
        duration_of_stay_days=30,
        limited_territorial_validity=limited_territorial_validity,
        file_id=file_id,
    )


def make_user(name: str = "guard-1", *roles: Role) -> User:
    return User(
        name=name,
        roles=frozenset(roles or (Role.BORDER_GUARD, Role.SUPERVISOR)),
        authority="Koninklijke Marechaussee",
        state="NLD",
        created_at=at(2026, 11, 1, 8),
    )


def make_token(user_name: str = "guard-1", digest: str | None = None) -> ApiToken:
    return ApiToken(
        token_id=new_id("token"),
        user_name=user_name,
        digest=digest or new_id("sha256"),
        created_at=at(2026, 11, 1, 8, 5),
    )


def make_audit_entry(sequence: int, previous_digest: str = "") -> AuditEntry:
    return AuditEntry(
        sequence=sequence,
        event=AuditEvent(
            at=at(2026, 11, 1) + timedelta(seconds=sequence),
            actor="guard-1",
            roles=("supervisor", "border_guard"),
            action="ees.entry.register",
            subject=f"file-{sequence}",
            purpose="border_check",
        ),
        previous_digest=previous_digest,
        digest=f"{sequence:064x}",
    )


def make_request(
    file_id: str = "file-x",
    *,
    received_on: date = date(2026, 11, 2),
    received_by_state: str = "DEU",
) -> DataSubjectRequest:
    return open_request(
        request_id=new_id("request"),
        kind=RequestKind.ACCESS,
        file_id=file_id,
        received_on=received_on,
        received_by_state=received_by_state,
        responsible_state="NLD",
    )
