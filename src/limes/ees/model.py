"""The EES records (EESR art. 14-19): individual files, entry/exit and refusal records, visas.

Identifiers are strings (UUID4 hex) created by the service. Instants are UTC-aware
datetimes; the matching calendar days at the border crossing point are stored beside them
because the stay rule counts days (core/time.py).
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class Sex(StrEnum):
    """ICAO 9303 sex marker: F, M, or X for unspecified."""

    FEMALE = "F"
    MALE = "M"
    UNSPECIFIED = "X"


class DocumentType(StrEnum):
    """Travel document type as EESR art. 16(1)(b) records it (ICAO 9303 document code)."""

    PASSPORT = "passport"
    IDENTITY_CARD = "identity_card"
    OTHER = "other_travel_document"


class BorderType(StrEnum):
    AIR = "air"
    SEA = "sea"
    LAND = "land"


class FingerprintStatus(StrEnum):
    """Why the EES does or does not hold the four fingerprints (EESR art. 17(1)(c), (3)-(5))."""

    CAPTURED = "captured"
    HELD_IN_VIS = "held_in_vis"  # visa holders: checked against the VIS, not stored (art. 16)
    EXEMPT_CHILD_UNDER_12 = "exempt_child_under_12"  # art. 17(3)
    NOT_APPLICABLE = "not_applicable"  # physically impossible, art. 17(4)
    TEMPORARILY_IMPOSSIBLE = "temporarily_impossible"  # art. 17(5): take at next crossing
    POSTPONED = "postponed"  # biometrics postponed at busy times; complete at next crossing


OUTSTANDING_FINGERPRINTS = frozenset(
    {FingerprintStatus.TEMPORARILY_IMPOSSIBLE, FingerprintStatus.POSTPONED}
)


class RecordFlag(StrEnum):
    """Marks on an entry/exit record."""

    FALLBACK = "fallback"  # entered through the art. 21 fallback procedure
    BIOMETRICS_POSTPONED = "biometrics_postponed"
    SELF_SERVICE = "self_service"  # SBC art. 8a / 8b self-service system
    E_GATE = "e_gate"  # SBC art. 8b
    FAMILY_MEMBER = "family_member"  # EESR art. 16(2)(c): art. 2(1)(b) family member


class RefusalReason(StrEnum):
    """Schengen Borders Code Annex V Part B, standard form for refusal of entry."""

    NO_VALID_TRAVEL_DOCUMENT = "A"
    FALSE_TRAVEL_DOCUMENT = "B"
    NO_VALID_VISA_OR_RESIDENCE_PERMIT = "C"
    FALSE_VISA_OR_RESIDENCE_PERMIT = "D"
    NO_JUSTIFICATION_OF_PURPOSE = "E"
    ALREADY_STAYED_90_DAYS = "F"
    INSUFFICIENT_MEANS_OF_SUBSISTENCE = "G"
    SIS_OR_NATIONAL_ALERT = "H"
    THREAT_TO_PUBLIC_POLICY = "I"
    NO_VALID_TRAVEL_AUTHORISATION = "J"  # added by the ETIAS Regulation 2018/1240


class StayDecisionKind(StrEnum):
    """What a competent authority decided about an authorised stay (EESR art. 19)."""

    EXTENSION = "extension"
    REVOCATION = "revocation"
    ANNULMENT = "annulment"


class VisaStatus(StrEnum):
    ISSUED = "issued"
    EXTENDED = "extended"
    REVOKED = "revoked"
    ANNULLED = "annulled"


@dataclass(frozen=True, slots=True)
class DocumentKey:
    """A travel document's identity: issuing state (ICAO code) and document number.

    >>> DocumentKey("UTO", "L898902C3").masked()
    'UTO-L89******'
    """

    issuing_state: str
    number: str

    def masked(self) -> str:
        """The key with all but the first three characters of the number hidden, for logs."""
        return f"{self.issuing_state}-{self.number[:3]}{'*' * max(len(self.number) - 3, 0)}"


@dataclass(frozen=True, slots=True, kw_only=True)
class TravelDocument:
    document_type: DocumentType
    number: str
    issuing_state: str
    expiry: date

    @property
    def key(self) -> DocumentKey:
        return DocumentKey(self.issuing_state, self.number)


@dataclass(frozen=True, slots=True, kw_only=True)
class Identity:
    """The alphanumeric identity data of an individual file (EESR art. 16(1)(a), 17(1)(a))."""

    surname: str
    given_names: str
    date_of_birth: date
    nationalities: tuple[str, ...]
    sex: Sex


@dataclass(frozen=True, slots=True, kw_only=True)
class Biometrics:
    """References to the biometric data; the templates live in the biometric store (issue 4)."""

    facial_image_ref: str | None
    fingerprint_ref: str | None
    fingerprint_status: FingerprintStatus


@dataclass(frozen=True, slots=True, kw_only=True)
class TravellerFile:
    """One person's individual file; it follows the person across documents."""

    file_id: str
    identity: Identity
    documents: tuple[TravelDocument, ...]
    biometrics: Biometrics
    visa_required: bool
    family_member_of_eu_citizen: bool
    created_at: datetime
    responsible_state: str


@dataclass(frozen=True, slots=True, kw_only=True)
class BorderCrossingPoint:
    """A border crossing point; `code` is its UN/LOCODE, optionally with a suffix (NLAMS)."""

    code: str
    name: str
    state: str
    border_type: BorderType
    time_zone: str


@dataclass(frozen=True, slots=True, kw_only=True)
class VisaRecord:
    """The part of a VIS short-stay visa the border needs (ees_rules.md §4)."""

    sticker_number: str
    issuing_state: str
    valid_from: date
    valid_until: date
    entries_allowed: int | None  # 1, 2, or None for MULT
    duration_of_stay_days: int
    limited_territorial_validity: tuple[str, ...] = ()  # states where valid; empty = all
    status: VisaStatus = VisaStatus.ISSUED
    file_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Crossing:
    """One side of a border crossing: when, where, by whom."""

    at: datetime
    day: date  # the calendar day at the border crossing point
    bcp_code: str
    authority: str


@dataclass(frozen=True, slots=True, kw_only=True)
class StayDecision:
    """An extension, revocation or annulment attached to the latest record (EESR art. 19)."""

    kind: StayDecisionKind
    decided_on: date
    authority: str
    place: str
    authorised_stay_until: date | None
    new_visa_sticker: str | None = None
    recorded_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class EntryExitRecord:
    """An entry and, once the person leaves, the matching exit (EESR art. 16(2), 17(2))."""

    record_id: str
    file_id: str
    document: DocumentKey
    entry: Crossing
    authorised_stay_until: date  # last day of the maximum authorised stay (art. 11(2)(a))
    visa_sticker: str | None = None
    flags: frozenset[RecordFlag] = frozenset()
    exit: Crossing | None = None
    exit_flags: frozenset[RecordFlag] = frozenset()
    overstay_flagged_at: datetime | None = None
    decisions: tuple[StayDecision, ...] = ()

    @property
    def is_open(self) -> bool:
        return self.exit is None


@dataclass(frozen=True, slots=True, kw_only=True)
class RefusalRecord:
    """A refusal of entry (EESR art. 18) with its Annex V Part B reasons."""

    record_id: str
    file_id: str
    document: DocumentKey
    crossing: Crossing
    reasons: frozenset[RefusalReason]
    biometrics_refused: bool = False
    flags: frozenset[RecordFlag] = frozenset()


@dataclass(frozen=True, slots=True, kw_only=True)
class TravellerHistory:
    """A file with all its records, oldest first; what a border check looks at."""

    file: TravellerFile
    entries: tuple[EntryExitRecord, ...] = ()
    refusals: tuple[RefusalRecord, ...] = ()
    visas: tuple[VisaRecord, ...] = field(default=())

    @property
    def open_entry(self) -> EntryExitRecord | None:
        """The entry without exit, if the person is inside."""
        return next((record for record in reversed(self.entries) if record.is_open), None)
