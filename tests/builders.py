"""Builders with keyword defaults for service tests, and the in-memory EES they run on."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from limes.access.model import Actor, Role
from limes.access.service import SYSTEM, UserService
from limes.audit.service import AuditService
from limes.core.time import FixedClock
from limes.ees.commands import (
    EntryRegistration,
    ExitRegistration,
    RefusalRegistration,
    TravellerData,
    VisaReference,
)
from limes.ees.crossing_service import EntryExitService
from limes.ees.data_subject_service import DataSubjectService
from limes.ees.model import (
    BorderCrossingPoint,
    BorderType,
    DocumentKey,
    DocumentType,
    FingerprintStatus,
    Identity,
    RefusalReason,
    Sex,
    TravelDocument,
    VisaRecord,
)
from limes.ees.monitoring_service import MonitoringService
from limes.ees.ports import UnitOfWork
from limes.ees.registry_service import RegistryService
from limes.ees.retention_service import RetentionService
from limes.ees.stay_service import StayService
from limes.store.memory import MemoryStore, MemoryUnitOfWork

SCHIPHOL = BorderCrossingPoint(
    code="NLAMS",
    name="Amsterdam Airport Schiphol",
    state="NLD",
    border_type=BorderType.AIR,
    time_zone="Europe/Amsterdam",
)
HELSINKI_PORT = BorderCrossingPoint(
    code="FIHEL",
    name="Helsinki port",
    state="FIN",
    border_type=BorderType.SEA,
    time_zone="Europe/Helsinki",
)


def make_actor(*roles: Role, name: str = "guard-1", state: str = "NLD") -> Actor:
    return Actor(
        user_name=name,
        roles=frozenset(roles or (Role.BORDER_GUARD,)),
        authority="Koninklijke Marechaussee",
        state=state,
        purpose="border_check",
    )


GUARD = make_actor(Role.BORDER_GUARD)
SUPERVISOR = make_actor(Role.SUPERVISOR, name="supervisor-1")
CARRIER = make_actor(Role.CARRIER, name="carrier-1")
DPO = make_actor(Role.DATA_PROTECTION_OFFICER, name="dpo-1")
AUDITOR = make_actor(Role.AUDITOR, name="auditor-1")


def make_traveller(
    *,
    surname: str = "ERIKSSON",
    given_names: str = "ANNA MARIA",
    date_of_birth: date = date(1980, 8, 12),
    nationalities: tuple[str, ...] = ("USA",),
    sex: Sex = Sex.FEMALE,
    number: str = "L898902C3",
    issuing_state: str | None = None,
    expiry: date = date(2031, 4, 15),
    facial_image_ref: str | None = "face-1",
    fingerprint_ref: str | None = "fingers-1",
    fingerprint_status: FingerprintStatus | None = None,
    family_member_of_eu_citizen: bool = False,
    visa_required: bool | None = None,
) -> TravellerData:
    return TravellerData(
        identity=Identity(
            surname=surname,
            given_names=given_names,
            date_of_birth=date_of_birth,
            nationalities=nationalities,
            sex=sex,
        ),
        document=TravelDocument(
            document_type=DocumentType.PASSPORT,
            number=number,
            issuing_state=issuing_state or nationalities[0],
            expiry=expiry,
        ),
        facial_image_ref=facial_image_ref,
        fingerprint_ref=fingerprint_ref,
        fingerprint_status=fingerprint_status,
        family_member_of_eu_citizen=family_member_of_eu_citizen,
        visa_required=visa_required,
    )


def make_visa(
    *,
    sticker_number: str = "012345678",
    issuing_state: str = "NLD",
    valid_from: date = date(2026, 5, 1),
    valid_until: date = date(2026, 10, 31),
    entries_allowed: int | None = None,
    duration_of_stay_days: int = 90,
    limited_territorial_validity: tuple[str, ...] = (),
) -> VisaRecord:
    return VisaRecord(
        sticker_number=sticker_number,
        issuing_state=issuing_state,
        valid_from=valid_from,
        valid_until=valid_until,
        entries_allowed=entries_allowed,
        duration_of_stay_days=duration_of_stay_days,
        limited_territorial_validity=limited_territorial_validity,
    )


def at(year: int, month: int, day: int, hour: int = 10) -> datetime:
    return datetime(year, month, day, hour, tzinfo=UTC)


def entry(
    traveller: TravellerData | None = None,
    *,
    when: datetime | None = None,
    bcp_code: str = "NLAMS",
    visa: VisaRecord | None = None,
    biometrics_postponed: bool = False,
    fallback: bool = False,
    self_service: bool = False,
    e_gate: bool = False,
) -> EntryRegistration:
    return EntryRegistration(
        traveller=traveller or make_traveller(),
        bcp_code=bcp_code,
        at=when,
        visa=(
            VisaReference(issuing_state=visa.issuing_state, sticker_number=visa.sticker_number)
            if visa
            else None
        ),
        biometrics_postponed=biometrics_postponed,
        fallback=fallback,
        self_service=self_service,
        e_gate=e_gate,
    )


def exit_of(
    traveller: TravellerData | None = None,
    *,
    when: datetime | None = None,
    bcp_code: str = "NLAMS",
    fingerprint_ref: str | None = None,
) -> ExitRegistration:
    document = (traveller or make_traveller()).document
    return ExitRegistration(
        document=DocumentKey(document.issuing_state, document.number),
        bcp_code=bcp_code,
        at=when,
        fingerprint_ref=fingerprint_ref,
    )


def refusal(
    traveller: TravellerData | None = None,
    *,
    reasons: frozenset[RefusalReason] = frozenset({RefusalReason.NO_JUSTIFICATION_OF_PURPOSE}),
    when: datetime | None = None,
    biometrics_refused: bool = False,
) -> RefusalRegistration:
    return RefusalRegistration(
        traveller=traveller or make_traveller(),
        bcp_code="NLAMS",
        reasons=reasons,
        at=when,
        biometrics_refused=biometrics_refused,
    )


@dataclass
class World:
    """Every EES service over one in-memory store and one fixed clock."""

    clock: FixedClock
    unit_of_work: Callable[[], UnitOfWork]
    crossings: EntryExitService = field(init=False)
    stays: StayService = field(init=False)
    monitoring: MonitoringService = field(init=False)
    retention: RetentionService = field(init=False)
    registry: RegistryService = field(init=False)
    data_subjects: DataSubjectService = field(init=False)
    users: UserService = field(init=False)
    audit: AuditService = field(init=False)

    def __post_init__(self) -> None:
        zone = "Europe/Brussels"
        self.crossings = EntryExitService(self.unit_of_work, self.clock)
        self.stays = StayService(self.unit_of_work, self.clock, zone)
        self.monitoring = MonitoringService(self.unit_of_work, self.clock, min_count=5)
        self.retention = RetentionService(self.unit_of_work, self.clock, zone)
        self.registry = RegistryService(self.unit_of_work, self.clock)
        self.data_subjects = DataSubjectService(self.unit_of_work, self.clock, zone)
        self.users = UserService(self.unit_of_work, self.clock)
        self.audit = AuditService(self.unit_of_work)
        for bcp in (SCHIPHOL, HELSINKI_PORT):
            self.registry.add_border_crossing_point(bcp, SYSTEM)


def make_world(
    now: datetime | None = None, unit_of_work: Callable[[], UnitOfWork] | None = None
) -> World:
    if unit_of_work is None:
        store = MemoryStore()

        def unit_of_work() -> UnitOfWork:
            return MemoryUnitOfWork(store)

    return World(clock=FixedClock(now or at(2026, 6, 1)), unit_of_work=unit_of_work)
