"""Records as the interoperability layer sees them, identities, and multiple-identity links.

Each EU system keeps its own data and purpose; the CIR keeps, per system record, the
identity data, the travel documents and references to the biometric templates in the
sBMS (Reg. 2019/817 art. 17-18), grouped into one identity per person. The MID keeps
links between records that may belong to the same person (art. 25-36), each with its
colour and an identity confirmation file (art. 34).
"""

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class System(StrEnum):
    EES = "EES"
    ETIAS = "ETIAS"
    VIS = "VIS"
    SIS = "SIS"


# The CIR holds identity data for the EES, ETIAS and VIS (art. 17(1)); SIS stays in SIS and
# is reached by the MID through the sBMS and the ESP.
CIR_SYSTEMS = frozenset({System.EES, System.ETIAS, System.VIS})


@dataclass(frozen=True, slots=True, kw_only=True)
class IdentityData:
    """The identity data the MID compares (Delegated Reg. (EU) 2023/333 art. 1(1))."""

    surname: str
    given_names: str
    date_of_birth: date | None
    sex: str | None  # ICAO 9303: F, M, X
    nationalities: tuple[str, ...]  # ISO 3166 alpha-3


@dataclass(frozen=True, slots=True, kw_only=True)
class TravelDocument:
    number: str
    issuing_state: str  # ISO 3166 alpha-3

    def masked(self) -> str:
        """For messages and logs: the state and the last two characters only."""
        return f"{self.issuing_state}/…{self.number[-2:]}"


@dataclass(frozen=True, slots=True, kw_only=True)
class SystemRecord:
    """One record in one EU system: an EES individual file, an ETIAS application file, a
    VIS application file, or a SIS alert on a person."""

    system: System
    record_id: str
    identity_id: str  # the CIR identity this record belongs to
    identity: IdentityData
    documents: tuple[TravelDocument, ...]
    template_ids: tuple[str, ...]  # sBMS templates (face, fingerprints)
    member_state: str  # the state that created the record (SIS: the issuing state)
    created_at: datetime
    updated_at: datetime

    @property
    def key(self) -> str:
        return record_key(self.system, self.record_id)


def record_key(system: System, record_id: str) -> str:
    return f"{system.value}:{record_id}"


class LinkColour(StrEnum):
    """Reg. 2019/817 art. 30-33."""

    YELLOW = "yellow"  # art. 30: to be verified manually
    GREEN = "green"  # art. 31: different persons sharing identity data, lawfully
    RED = "red"  # art. 32: unjustified multiple identities or identity fraud
    WHITE = "white"  # art. 33: the same person, lawfully


class BiometricComparison(StrEnum):
    SAME = "same"  # the sBMS matched the templates
    DIFFERENT = "different"  # both records have comparable templates and they do not match
    NOT_AVAILABLE = "not_available"  # at least one record has no comparable template


class IdentityComparison(StrEnum):
    """Same, similar or different identity data (Delegated Reg. (EU) 2023/333 art. 2-3)."""

    SAME = "same"
    SIMILAR = "similar"
    DIFFERENT = "different"


class DocumentComparison(StrEnum):
    SAME = "same"
    DIFFERENT = "different"
    NOT_AVAILABLE = "not_available"


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkEvidence:
    """Why the MID linked two records: what matched, and how strongly."""

    biometric: BiometricComparison
    biometric_score: float | None  # face distance, or Bozorth3 score for a fingerprint
    identity: IdentityComparison
    document: DocumentComparison
    biometric_modality: str | None = None  # "face" or "fingerprint": what biometric_score is


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkChange:
    """One entry of the identity confirmation file's history: who changed the colour, why."""

    at: datetime
    by: str  # user name, or "mid" for the automatic classification
    authority: str
    colour: LinkColour
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Link:
    """A MID link with its identity confirmation file (art. 34): colour, the linked records
    and their systems, the authority responsible for manual verification, dates."""

    link_id: str  # also the identity confirmation file's single identification number
    record_a: str  # record keys, "SYSTEM:record_id"; a is the record whose write found b
    record_b: str
    colour: LinkColour
    evidence: LinkEvidence
    responsible_system: System  # whose authority verifies (art. 29(1)-(2))
    responsible_state: str
    created_at: datetime
    verify_by: datetime | None  # deadline for a yellow link
    verified_at: datetime | None
    history: tuple[LinkChange, ...]

    @property
    def open(self) -> bool:
        return self.colour is LinkColour.YELLOW
