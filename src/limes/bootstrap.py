"""The composition root: Settings and a clock in, every service wired to one store out.

Nothing imports this module except the entry points (the API app factory's callers, the
CLI) and tests.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from limes.access.service import UserService
from limes.audit.service import AuditService
from limes.biometrics.engines import BiometricEngines, default_engines
from limes.biometrics.face_gallery import FaceGallery
from limes.biometrics.index_factory import face_index_factory
from limes.biometrics.matching import Thresholds
from limes.biometrics.service import BiometricService
from limes.core.time import Clock, SystemClock
from limes.ees.crossing_service import EntryExitService
from limes.ees.data_subject_service import DataSubjectService
from limes.ees.fallback import BorderCrossingPointRegistrar
from limes.ees.monitoring_service import MonitoringService
from limes.ees.ports import UnitOfWork
from limes.ees.registry_service import RegistryService
from limes.ees.retention_service import RetentionService
from limes.ees.stay_service import StayService
from limes.etias.ports import EtiasUnitOfWork
from limes.etias.service import EtiasService
from limes.interop.ees_bridge import EesInteropBridge
from limes.interop.etias_bridge import EtiasWatchlistBridge
from limes.interop.etias_ees_source import EesSource
from limes.interop.etias_sis_sources import SisPersonSource, TravelDocumentSource
from limes.interop.etias_watchlist_source import WatchlistSource
from limes.interop.identity_service import IdentityService
from limes.interop.mid_service import MidService
from limes.interop.model import System
from limes.interop.ports import InteropUnitOfWork
from limes.interop.search_portal import SearchPortal
from limes.interop.watchlist_screening import WatchlistScreening
from limes.settings import MEMORY_DATABASE_URL, Settings
from limes.store.local_queue import SqliteFallbackQueue
from limes.store.memory import MemoryStore, MemoryUnitOfWork
from limes.store.sql.engine import SqliteSynchronous, create_engine_for, create_session_factory
from limes.store.sql.unit_of_work import SqlUnitOfWork
from limes.watchlists.ports import WatchlistUnitOfWork
from limes.watchlists.service import WatchlistService


class StoreUnitOfWork(
    UnitOfWork, InteropUnitOfWork, WatchlistUnitOfWork, EtiasUnitOfWork, Protocol
):
    """What the stores' units of work offer: the EES's, interop, watchlist and ETIAS ones."""


UnitOfWorkFactory = Callable[[], StoreUnitOfWork]


@dataclass(frozen=True, slots=True, kw_only=True)
class Services:
    """Every service the adapters call, sharing one store and one clock."""

    entry_exit: EntryExitService
    stays: StayService
    monitoring: MonitoringService
    registry: RegistryService
    retention: RetentionService
    data_subjects: DataSubjectService
    users: UserService
    audit: AuditService
    biometrics: BiometricService
    identities: IdentityService
    mid: MidService
    portal: SearchPortal
    watchlists: WatchlistService
    etias: EtiasService
    watchlist_screening: WatchlistScreening
    clock: Clock


def build_services(
    settings: Settings,
    clock: Clock | None = None,
    *,
    sqlite_synchronous: SqliteSynchronous = "FULL",
    engines: BiometricEngines | None = None,
) -> Services:
    """Services on the store `settings.database_url` names ("memory://": in-process).

    `sqlite_synchronous="NORMAL"` trades durability on power loss for speed; for seeding.
    """
    engines = engines or default_engines(settings)
    if settings.database_url == MEMORY_DATABASE_URL:
        return wire(_memory_unit_of_work(), clock or SystemClock(), settings, engines)
    engine = create_engine_for(settings.database_url, sqlite_synchronous=sqlite_synchronous)
    sessions = create_session_factory(engine)
    return wire(
        lambda: SqlUnitOfWork(sessions),
        clock or SystemClock(),
        settings,
        engines,
        read_only=lambda: SqlUnitOfWork(sessions, read_only=True),
    )


def build_memory_services(
    clock: Clock, settings: Settings | None = None, engines: BiometricEngines | None = None
) -> Services:
    """Services on a fresh in-memory store: tests, demos without a database."""
    settings = settings or Settings(database_url=MEMORY_DATABASE_URL)
    return wire(_memory_unit_of_work(), clock, settings, engines or default_engines(settings))


def build_fallback_registrar(
    settings: Settings, services: Services
) -> BorderCrossingPointRegistrar:
    """Registration at a border crossing point that queues locally while the store is down."""
    queue = SqliteFallbackQueue(settings.fallback_queue_path)
    return BorderCrossingPointRegistrar(services.entry_exit, queue, services.clock)


def _memory_unit_of_work() -> UnitOfWorkFactory:
    store = MemoryStore()
    return lambda: MemoryUnitOfWork(store)


def wire(
    unit_of_work: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
    engines: BiometricEngines,
    *,
    read_only: UnitOfWorkFactory | None = None,
) -> Services:
    """Every service on one store; tests call it to keep a handle on the units of work.

    `read_only` makes the units of work the ETIAS checks read the other systems with
    (while ETIAS's own transaction is open); by default `unit_of_work`.
    """
    reader = read_only or unit_of_work
    zone = settings.time_zone
    thresholds = Thresholds(
        face_distance=settings.face_distance_threshold,
        fingerprint_score=settings.fingerprint_score_threshold,
        fused_llr=settings.fused_llr_threshold,
    )
    biometrics = BiometricService(
        unit_of_work,
        clock,
        face_encoder=engines.face,
        fingerprint_encoder=engines.fingerprint,
        comparator=engines.comparator,
        face_gallery=FaceGallery(
            face_index_factory(settings.face_index, settings.face_index_shards),
            engines.face.dimension,
        ),
        thresholds=thresholds,
    )
    hours = {System(name): value for name, value in settings.mid_verification_hours.items()}
    identities = IdentityService(unit_of_work, clock, biometrics, hours)
    entry_exit = EntryExitService(unit_of_work, clock)
    bridge = EesInteropBridge(unit_of_work, unit_of_work, identities)
    entry_exit.observe_files(bridge.file_written)
    biometrics.observe_enrolments(bridge.template_enrolled)
    watchlists = WatchlistService(unit_of_work, clock)
    screening = WatchlistScreening(reader)
    etias = EtiasService(
        unit_of_work,
        clock,
        [
            TravelDocumentSource(reader),
            SisPersonSource(screening, reader),
            WatchlistSource(screening, reader),
            EesSource(reader),
        ],
    )
    watchlists.observe_new(EtiasWatchlistBridge(screening, etias).additions_committed)
    return Services(
        entry_exit=entry_exit,
        stays=StayService(unit_of_work, clock, zone),
        monitoring=MonitoringService(unit_of_work, clock, min_count=settings.statistics_min_count),
        registry=RegistryService(unit_of_work, clock),
        retention=RetentionService(unit_of_work, clock, zone),
        data_subjects=DataSubjectService(unit_of_work, clock, zone),
        users=UserService(unit_of_work, clock),
        audit=AuditService(unit_of_work),
        biometrics=biometrics,
        identities=identities,
        mid=MidService(unit_of_work, clock),
        portal=SearchPortal(unit_of_work, clock, biometrics),
        watchlists=watchlists,
        etias=etias,
        watchlist_screening=screening,
        clock=clock,
    )
