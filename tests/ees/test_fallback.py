"""Degraded operation: queue locally while the central store is down, replay exactly once."""

from pathlib import Path

from limes.ees.errors import StoreUnavailableError
from limes.ees.fallback import BorderCrossingPointRegistrar, Queued, QueueState, replay
from limes.ees.model import RecordFlag
from limes.ees.outcomes import EntryOutcome
from limes.ees.ports import UnitOfWork
from limes.store.local_queue import SqliteFallbackQueue
from limes.store.memory import MemoryStore, MemoryUnitOfWork
from tests.builders import GUARD, at, entry, exit_of, make_world


class Switchable:
    """A unit-of-work factory whose central store can be switched off."""

    def __init__(self) -> None:
        self.store = MemoryStore()
        self.down = False

    def __call__(self) -> UnitOfWork:
        if self.down:
            raise StoreUnavailableError("the central store cannot be reached")
        return MemoryUnitOfWork(self.store)


def test_a_registration_is_queued_while_the_central_store_is_down(tmp_path: Path) -> None:
    central = Switchable()
    world = make_world(now=at(2026, 6, 1), unit_of_work=central)
    queue = SqliteFallbackQueue(tmp_path / "queue.db")
    registrar = BorderCrossingPointRegistrar(world.crossings, queue, world.clock)
    central.down = True

    acknowledged = registrar.register(entry(), GUARD)

    assert isinstance(acknowledged, Queued)
    assert [item.key for item in queue.pending(10)] == [acknowledged.key]


def test_the_queue_survives_a_restart_and_replays_with_the_original_time(tmp_path: Path) -> None:
    central = Switchable()
    world = make_world(now=at(2026, 6, 1, 8), unit_of_work=central)
    path = tmp_path / "queue.db"
    central.down = True
    BorderCrossingPointRegistrar(world.crossings, SqliteFallbackQueue(path), world.clock).register(
        entry(), GUARD
    )
    central.down = False
    world.clock.set(at(2026, 6, 1, 15))

    report = replay(SqliteFallbackQueue(path), world.crossings)

    history = world.stays.find_traveller(entry().traveller.document.key, GUARD)
    (record,) = history.entries
    assert report.replayed == 1
    assert record.entry.at == at(2026, 6, 1, 8)
    assert RecordFlag.FALLBACK in record.flags


def test_a_replay_interrupted_after_the_write_does_not_register_twice(tmp_path: Path) -> None:
    central = Switchable()
    world = make_world(now=at(2026, 6, 1), unit_of_work=central)
    queue = SqliteFallbackQueue(tmp_path / "queue.db")
    central.down = True
    queued = BorderCrossingPointRegistrar(world.crossings, queue, world.clock).register(
        entry(), GUARD
    )
    assert isinstance(queued, Queued)
    central.down = False
    (item,) = queue.pending(10)
    # The upload reached the central store, but the BCP crashed before marking the item.
    world.crossings.register_entry(entry(when=at(2026, 6, 1), fallback=True), GUARD, item.key)

    report = replay(queue, world.crossings)

    history = world.stays.find_traveller(entry().traveller.document.key, GUARD)
    assert report.replayed == 1
    assert len(history.entries) == 1
    assert queue.pending(10) == []


def test_a_replay_stops_when_the_store_is_still_down_and_keeps_the_queue(
    tmp_path: Path,
) -> None:
    central = Switchable()
    world = make_world(now=at(2026, 6, 1), unit_of_work=central)
    queue = SqliteFallbackQueue(tmp_path / "queue.db")
    central.down = True
    BorderCrossingPointRegistrar(world.crossings, queue, world.clock).register(entry(), GUARD)

    report = replay(queue, world.crossings)

    assert report.still_unreachable
    assert len(queue.pending(10)) == 1


def test_a_command_the_ees_rejects_on_upload_is_kept_as_failed(tmp_path: Path) -> None:
    central = Switchable()
    world = make_world(now=at(2026, 6, 1), unit_of_work=central)
    queue = SqliteFallbackQueue(tmp_path / "queue.db")
    central.down = True
    BorderCrossingPointRegistrar(world.crossings, queue, world.clock).register(
        exit_of(when=at(2026, 6, 1)), GUARD
    )
    central.down = False

    report = replay(queue, world.crossings)

    assert report.failed[0][1] == "ees.traveller_not_found"
    assert [item.state for item in queue.failed()] == [QueueState.FAILED]


def test_registrations_go_straight_through_while_the_store_is_up(tmp_path: Path) -> None:
    world = make_world(now=at(2026, 6, 1))
    queue = SqliteFallbackQueue(tmp_path / "queue.db")

    outcome = BorderCrossingPointRegistrar(world.crossings, queue, world.clock).register(
        entry(), GUARD
    )

    assert isinstance(outcome, EntryOutcome)
    assert queue.pending(10) == []
