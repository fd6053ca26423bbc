"""ETIAS service tests run on the in-memory store, a fixed clock and fake art. 20 sources."""

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from limes.audit.model import AuditEvent
from limes.core.time import FixedClock
from limes.etias.model import ApplicationFile
from limes.etias.service import EtiasService
from limes.store.memory import MemoryStore, MemoryUnitOfWork
from tests.etias.builders import FakeSource


@dataclass
class Etias:
    service: EtiasService
    clock: FixedClock
    sis: FakeSource
    watchlist: FakeSource
    unit_of_work: Callable[[], MemoryUnitOfWork]

    def audit_events(self) -> list[AuditEvent]:
        with self.unit_of_work() as uow:
            return [entry.event for entry in uow.audit_log.entries()]

    def stored(self, application_id: str) -> ApplicationFile:
        with self.unit_of_work() as uow:
            file = uow.applications.get(application_id)
        assert file is not None
        return file

    def count(self) -> int:
        with self.unit_of_work() as uow:
            return uow.applications.count()


def build_etias(clock: FixedClock | None = None) -> Etias:
    """An `EtiasService` on a fresh in-memory store, with SIS and watchlist fakes."""
    clock = clock or FixedClock()
    store = MemoryStore()
    sis, watchlist = FakeSource(name="sis"), FakeSource(name="watchlist")

    def unit_of_work() -> MemoryUnitOfWork:
        return MemoryUnitOfWork(store)

    counter = iter(range(1, 1_000_000))
    service = EtiasService(
        unit_of_work, clock, [sis, watchlist], new_id=lambda: f"{next(counter):06d}"
    )
    return Etias(service, clock, sis, watchlist, unit_of_work)


@pytest.fixture
def etias() -> Etias:
    return build_etias()
