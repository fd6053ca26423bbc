"""The composition root: Settings and a clock in, every service wired to one store out.

Nothing imports this module except the entry points (the API app factory's callers, the
CLI) and tests.
"""

from collections.abc import Callable
from dataclasses import dataclass

from limes.access.service import UserService
from limes.audit.service import AuditService
from limes.core.time import Clock, SystemClock
from limes.ees.crossing_service import EntryExitService
from limes.ees.data_subject_service import DataSubjectService
from limes.ees.fallback import BorderCrossingPointRegistrar
from limes.ees.monitoring_service import MonitoringService
from limes.ees.ports import UnitOfWork
from limes.ees.registry_service import RegistryService
from limes.ees.retention_service import RetentionService
from limes.ees.stay_service import StayService
from limes.settings import MEMORY_DATABASE_URL, Settings
from limes.store.local_queue import SqliteFallbackQueue
from limes.store.memory import MemoryStore, MemoryUnitOfWork
from limes.store.sql.engine import SqliteSynchronous, create_engine_for, create_session_factory
from limes.store.sql.unit_of_work import SqlUnitOfWork

UnitOfWorkFactory = Callable[[], UnitOfWork]


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
    clock: Clock


def build_services(
    settings: Settings,
    clock: Clock | None = None,
    *,
    sqlite_synchronous: SqliteSynchronous = "FULL",
) -> Services:
    """Services on the store `settings.database_url` names ("memory://": in-process).

    `sqlite_synchronous="NORMAL"` trades durability on power loss for speed; for seeding.
    """
    if settings.database_url == MEMORY_DATABASE_URL:
        return _wire(_memory_unit_of_work(), clock or SystemClock(), settings)
    engine = create_engine_for(settings.database_url, sqlite_synchronous=sqlite_synchronous)
    sessions = create_session_factory(engine)
    return _wire(lambda: SqlUnitOfWork(sessions), clock or SystemClock(), settings)


def build_memory_services(clock: Clock, settings: Settings | None = None) -> Services:
    """Services on a fresh in-memory store: tests, demos without a database."""
    settings = settings or Settings(database_url=MEMORY_DATABASE_URL)
    return _wire(_memory_unit_of_work(), clock, settings)


def build_fallback_registrar(
    settings: Settings, services: Services
) -> BorderCrossingPointRegistrar:
    """Registration at a border crossing point that queues locally while the store is down."""
    queue = SqliteFallbackQueue(settings.fallback_queue_path)
    return BorderCrossingPointRegistrar(services.entry_exit, queue, services.clock)


def _memory_unit_of_work() -> UnitOfWorkFactory:
    store = MemoryStore()
    return lambda: MemoryUnitOfWork(store)


def _wire(unit_of_work: UnitOfWorkFactory, clock: Clock, settings: Settings) -> Services:
    zone = settings.time_zone
    return Services(
        entry_exit=EntryExitService(unit_of_work, clock),
        stays=StayService(unit_of_work, clock, zone),
        monitoring=MonitoringService(unit_of_work, clock, min_count=settings.statistics_min_count),
        registry=RegistryService(unit_of_work, clock),
        retention=RetentionService(unit_of_work, clock, zone),
        data_subjects=DataSubjectService(unit_of_work, clock, zone),
        users=UserService(unit_of_work, clock),
        audit=AuditService(unit_of_work),
        clock=clock,
    )
