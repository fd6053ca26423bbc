"""The watchlist service on the in-memory store with a fixed clock."""

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from limes.audit.model import AuditEvent
from limes.core.time import FixedClock
from limes.store.memory import MemoryStore, MemoryUnitOfWork
from limes.watchlists.service import WatchlistService
from tests.watchlists.builders import CREATED


@dataclass
class Lists:
    service: WatchlistService
    clock: FixedClock
    unit_of_work: Callable[[], MemoryUnitOfWork]

    def audit_events(self) -> list[AuditEvent]:
        with self.unit_of_work() as uow:
            return [entry.event for entry in uow.audit_log.entries()]


def make_lists(batch_rows: int = 1000) -> Lists:
    store = MemoryStore()
    clock = FixedClock(CREATED)

    def unit_of_work() -> MemoryUnitOfWork:
        return MemoryUnitOfWork(store)

    return Lists(WatchlistService(unit_of_work, clock, batch_rows=batch_rows), clock, unit_of_work)


@pytest.fixture
def lists() -> Lists:
    return make_lists()
