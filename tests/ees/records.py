"""Builders for EES records in tests of the pure rule modules: keyword defaults, no store.

Every builder gives a valid value for a visa-exempt traveller who entered at Amsterdam
Schiphol; a test names only what it is about (`make_entry(exit_day=date(2026, 5, 1))`).
"""

from datetime import UTC, date, datetime, time, timedelta

from limes.ees.model import (
    Biometrics,
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
    TravellerHistory,
    VisaRecord,
    VisaStatus,
)

FILE_ID = "file-1"
DOCUMENT = DocumentKey("USA", "P12345678")
ENTRY_DAY = date(2026, 2, 1)


def make_crossing(
    day: date = ENTRY_DAY,
    *,
    at: datetime | None = None,
    bcp_code: str = "NLAMS",
    authority: str = "KMar Schiphol",
) -> Crossing:
    """A crossing at 09:00 UTC on `day` unless `at` says otherwise."""
    return Crossing(
        at=at or datetime.combine(day, time(9, 0), tzinfo=UTC),
        day=day,
        bcp_code=bcp_code,
        authority=authority,
    )


def make_decision(
    kind: StayDecisionKind = StayDecisionKind.EXTENSION,
    *,
    decided_on: date = date(2026, 3, 1),
    authorised_stay_until: date | None = None,
    new_visa_sticker: str | None = None,
) -> StayDecision:
    return StayDecision(
        kind=kind,
        decided_on=decided_on,
        authority="IND",
        place="Den Haag",
        authorised_stay_until=authorised_stay_until,
        new_visa_sticker=new_visa_sticker,
        recorded_at=datetime.combine(decided_on, time(12, 0), tzinfo=UTC),
    )


def make_entry(
    *,
    entry_day: date = ENTRY_DAY,
    exit_day: date | None = None,
    authorised_stay_until: date | None = None,
    visa_sticker: str | None = None,
    record_id: str | None = None,
    file_id: str = FILE_ID,
    flags: frozenset[RecordFlag] = frozenset(),
    decisions: tuple[StayDecision, ...] = (),
    overstay_flagged_at: datetime | None = None,
) -> EntryExitRecord:
    """An entry/exit record; the authorised stay defaults to 90 days from the entry day."""
    return EntryExitRecord(
        record_id=record_id or f"entry-{entry_day.isoformat()}",
        file_id=file_id,
        document=DOCUMENT,
        entry=make_crossing(entry_day),
        authorised_stay_until=authorised_stay_until or entry_day + timedelta(days=89),
        visa_sticker=visa_sticker,
        flags=flags,
        exit=None if exit_day is None else make_crossing(exit_day),
        exit_flags=frozenset(),
        overstay_flagged_at=overstay_flagged_at,
        decisions=decisions,
    )


def make_stay(
    entry_day: date, exit_day: date | None, visa_sticker: str | None = None
) -> EntryExitRecord:
    """A record for the stay [entry_day, exit_day], both days included."""
    return make_entry(entry_day=entry_day, exit_day=exit_day, visa_sticker=visa_sticker)


def make_refusal(
    *,
    day: date = ENTRY_DAY,
    reasons: frozenset[RefusalReason] = frozenset({RefusalReason.ALREADY_STAYED_90_DAYS}),
    record_id: str | None = None,
    file_id: str = FILE_ID,
    biometrics_refused: bool = False,
) -> RefusalRecord:
    return RefusalRecord(
        record_id=record_id or f"refusal-{day.isoformat()}",
        file_id=file_id,
        document=DOCUMENT,
        crossing=make_crossing(day),
        reasons=reasons,
        biometrics_refused=biometrics_refused,
    )


def make_visa(
    *,
    sticker_number: str = "NLD000000001",
    valid_from: date = date(2026, 1, 1),
    valid_until: date = date(2026, 12, 31),
    entries_allowed: int | None = None,
    duration_of_stay_days: int = 90,
    limited_territorial_validity: tuple[str, ...] = (),
    status: VisaStatus = VisaStatus.ISSUED,
) -> VisaRecord:
    """A multiple-entry visa for all Schengen states valid through 2026 unless told otherwise."""
    return VisaRecord(
        sticker_number=sticker_number,
        issuing_state="NLD",
        valid_from=valid_from,
        valid_until=valid_until,
        entries_allowed=entries_allowed,
        duration_of_stay_days=duration_of_stay_days,
        limited_territorial_validity=limited_territorial_validity,
        status=status,
        file_id=FILE_ID,
    )


def make_biometrics(
    *,
    facial_image_ref: str | None = "face-1",
    fingerprint_ref: str | None = "fingers-1",
    fingerprint_status: FingerprintStatus = FingerprintStatus.CAPTURED,
) -> Biometrics:
    return Biometrics(
        facial_image_ref=facial_image_ref,
        fingerprint_ref=fingerprint_ref,
        fingerprint_status=fingerprint_status,
    )


def make_file(
    *,
    file_id: str = FILE_ID,
    nationalities: tuple[str, ...] = ("USA",),
    date_of_birth: date = date(1980, 6, 15),
    visa_required: bool = False,
    family_member: bool = False,
    created_at: datetime = datetime(2026, 2, 1, 9, 0, tzinfo=UTC),
    biometrics: Biometrics | None = None,
) -> TravellerFile:
    return TravellerFile(
        file_id=file_id,
        identity=Identity(
            surname="DOE",
            given_names="JANE",
            date_of_birth=date_of_birth,
            nationalities=nationalities,
            sex=Sex.FEMALE,
        ),
        documents=(
            TravelDocument(
                document_type=DocumentType.PASSPORT,
                number=DOCUMENT.number,
                issuing_state=DOCUMENT.issuing_state,
                expiry=date(2032, 6, 14),
            ),
        ),
        biometrics=biometrics or make_biometrics(),
        visa_required=visa_required,
        family_member_of_eu_citizen=family_member,
        created_at=created_at,
        responsible_state="NLD",
    )


def make_history(
    *,
    entries: tuple[EntryExitRecord, ...] = (),
    refusals: tuple[RefusalRecord, ...] = (),
    visas: tuple[VisaRecord, ...] = (),
    family_member: bool = False,
    created_at: datetime = datetime(2026, 2, 1, 9, 0, tzinfo=UTC),
) -> TravellerHistory:
    """A file with the given records, oldest first."""
    return TravellerHistory(
        file=make_file(family_member=family_member, created_at=created_at),
        entries=entries,
        refusals=refusals,
        visas=visas,
    )
