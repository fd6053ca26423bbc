"""What a border crossing point asks the EES to do; the service's inputs.

`at=None` means "now" by the service's clock; a command replayed from the fallback queue
carries the instant it was taken at the border.
"""

from dataclasses import dataclass
from datetime import date, datetime

from limes.ees.model import (
    DocumentKey,
    FingerprintStatus,
    Identity,
    RefusalReason,
    StayDecisionKind,
    TravelDocument,
)
from limes.ees.scope import ScopeExemption


@dataclass(frozen=True, slots=True, kw_only=True)
class VisaReference:
    issuing_state: str
    sticker_number: str


@dataclass(frozen=True, slots=True, kw_only=True)
class TravellerData:
    """The person as read from the document and captured at the border."""

    identity: Identity
    document: TravelDocument
    facial_image_ref: str | None = None
    fingerprint_ref: str | None = None
    # Set only to state an exemption the guard established (art. 17(3)-(5)); otherwise
    # the service derives the status from age, visa and the captured data.
    fingerprint_status: FingerprintStatus | None = None
    family_member_of_eu_citizen: bool = False
    exemption: ScopeExemption | None = None
    visa_required: bool | None = None  # None: from the EU visa list (Reg. 2018/1806)


@dataclass(frozen=True, slots=True, kw_only=True)
class EntryRegistration:
    traveller: TravellerData
    bcp_code: str
    at: datetime | None = None
    visa: VisaReference | None = None
    file_id: str | None = None  # identity established another way (biometric search)
    self_service: bool = False
    e_gate: bool = False
    biometrics_postponed: bool = False
    fallback: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class ExitRegistration:
    document: DocumentKey
    bcp_code: str
    at: datetime | None = None
    facial_image_ref: str | None = None
    fingerprint_ref: str | None = None  # completes postponed fingerprints
    self_service: bool = False
    e_gate: bool = False
    fallback: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class RefusalRegistration:
    traveller: TravellerData
    bcp_code: str
    reasons: frozenset[RefusalReason]
    biometrics_refused: bool = False
    at: datetime | None = None
    fallback: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class StayDecisionRegistration:
    document: DocumentKey
    kind: StayDecisionKind
    decided_on: date
    place: str
    authorised_stay_until: date | None = None
    new_visa_sticker: str | None = None
