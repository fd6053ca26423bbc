"""Two lanes at once: one document gives one file, and the audit chain never forks."""

import threading
from collections.abc import Callable, Iterator
from itertools import pairwise

import pytest

from limes.ees.errors import DocumentConflictError
from limes.ees.ports import UnitOfWork
from limes.store.memory import MemoryStore, MemoryUnitOfWork
from limes.store.sql.engine import create_engine_for, create_session_factory
from limes.store.sql.unit_of_work import SqlUnitOfWork
from tests.store.builders import make_audit_entry, make_document, make_file
from tests.store.conftest import BACKENDS

LANES = 2


@pytest.fixture(params=BACKENDS)
def shared_store(
    request: pytest.FixtureRequest, new_database: Callable[[str], str]
) -> Iterator[Callable[[], UnitOfWork]]:
    """Units of work that really commit, on memory, SQLite and PostgreSQL."""
    if request.param == "memory":
        memory = MemoryStore()
        yield lambda: MemoryUnitOfWork(memory)
        return
    engine = create_engine_for(new_database(request.param))
    sessions = create_session_factory(engine)
    yield lambda: SqlUnitOfWork(sessions)
    engine.dispose()


def run_lanes(lane: Callable[[], str]) -> list[str]:
    outcomes: list[str] = []
    threads = [threading.Thread(target=lambda: outcomes.append(lane())) for _ in range(LANES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return sorted(outcomes)


def test_two_lanes_registering_one_document_leave_one_file(
    shared_store: Callable[[], UnitOfWork],
) -> None:
    document = make_document()
    start = threading.Barrier(LANES)

    def lane() -> str:
        start.wait()
        try:
            with shared_store() as uow:
                uow.traveller_files.add(make_file(documents=(document,)))
                uow.commit()
        except DocumentConflictError:
            return "conflict"
        return "registered"

    assert run_lanes(lane) == ["conflict", "registered"]
    with shared_store() as uow:
        assert uow.traveller_files.count() == 1


def test_lanes_that_both_found_no_file_still_leave_one(
    postgres_schema_url: Callable[[], str],
) -> None:
    # Only PostgreSQL lets two writers be inside their transactions at once; there the
    # unique index, not the look-up, decides who wins.
    engine = create_engine_for(postgres_schema_url())
    sessions = create_session_factory(engine)
    document = make_document()
    both_looked = threading.Barrier(LANES)

    def lane() -> str:
        try:
            with SqlUnitOfWork(sessions) as uow:
                assert uow.traveller_files.find_by_document(document.key) is None
                both_looked.wait()
                uow.traveller_files.add(make_file(documents=(document,)))
                uow.commit()
        except DocumentConflictError:
            return "conflict"
        return "registered"

    try:
        assert run_lanes(lane) == ["conflict", "registered"]
        with SqlUnitOfWork(sessions) as uow:
            assert uow.traveller_files.count() == 1
    finally:
        engine.dispose()


def test_concurrent_appenders_extend_one_audit_chain(
    shared_store: Callable[[], UnitOfWork],
) -> None:
    appends_per_lane = 20

    def lane() -> str:
        for _ in range(appends_per_lane):
            with shared_store() as uow:
                head = uow.audit_log.head()
                sequence = 1 if head is None else head.sequence + 1
                previous = "" if head is None else head.digest
                uow.audit_log.append(make_audit_entry(sequence, previous_digest=previous))
                uow.commit()
        return "done"

    assert run_lanes(lane) == ["done"] * LANES
    with shared_store() as uow:
        chain = list(uow.audit_log.entries())
    assert [entry.sequence for entry in chain] == list(range(1, LANES * appends_per_lane + 1))
    assert all(later.previous_digest == earlier.digest for earlier, later in pairwise(chain))
