"""Degraded operation (EESR art. 21): keep registering when the central store is down.

At a border crossing point, a registration that cannot reach the central store is written
to a durable local queue instead and acknowledged as queued. `replay` uploads the queue
later, each command exactly once thanks to its idempotency key, with the crossing's
original time and the fallback mark (art. 21(3)). A command the EES rejects on upload
(say, the calculator authorises no stay) stays in the queue as failed, with its error code,
for a supervisor to resolve: the crossing data are never dropped.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Protocol
from uuid import uuid4

from limes.access.model import Actor
from limes.core.dataclass_json import from_jsonable, to_jsonable
from limes.core.errors import LimesError
from limes.core.time import Clock
from limes.ees.commands import EntryRegistration, ExitRegistration, RefusalRegistration
from limes.ees.crossing_service import EntryExitService
from limes.ees.errors import StoreUnavailableError
from limes.ees.outcomes import EntryOutcome, ExitOutcome, RefusalOutcome

Command = EntryRegistration | ExitRegistration | RefusalRegistration


class Operation(StrEnum):
    ENTRY = "entry"
    EXIT = "exit"
    REFUSAL = "refusal"


class QueueState(StrEnum):
    PENDING = "pending"
    REPLAYED = "replayed"
    FAILED = "failed"


@dataclass(frozen=True, slots=True, kw_only=True)
class QueuedCommand:
    key: str
    operation: Operation
    payload: dict[str, object]  # the command as JSON-ready values
    actor: dict[str, object]
    queued_at: datetime
    state: QueueState = QueueState.PENDING
    error_code: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Queued:
    """The acknowledgement of a registration kept in the local queue."""

    key: str
    operation: Operation
    queued_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class ReplayReport:
    replayed: int
    failed: tuple[tuple[str, str], ...]  # (idempotency key, error code)
    still_unreachable: bool


class FallbackQueue(Protocol):
    def append(self, item: QueuedCommand) -> None:
        """Store the command durably before returning."""

    def pending(self, limit: int) -> Sequence[QueuedCommand]: ...

    def mark(self, key: str, state: QueueState, error_code: str = "") -> None: ...


_KINDS: dict[Operation, type[Command]] = {
    Operation.ENTRY: EntryRegistration,
    Operation.EXIT: ExitRegistration,
    Operation.REFUSAL: RefusalRegistration,
}


class BorderCrossingPointRegistrar:
    """Registers through the central EES, falling back to the local queue (art. 21(1))."""

    def __init__(self, crossings: EntryExitService, queue: FallbackQueue, clock: Clock) -> None:
        self._crossings = crossings
        self._queue = queue
        self._clock = clock

    def register(
        self, command: Command, actor: Actor, idempotency_key: str | None = None
    ) -> EntryOutcome | ExitOutcome | RefusalOutcome | Queued:
        try:
            return _send(self._crossings, command, actor, idempotency_key)
        except StoreUnavailableError:
            return self._enqueue(command, actor, idempotency_key)

    def _enqueue(self, command: Command, actor: Actor, key: str | None) -> Queued:
        now = self._clock.now()
        # The crossing happened now: keep its time and mark it, whenever it is uploaded.
        marked = replace(command, at=command.at or now, fallback=True)
        operation = next(op for op, kind in _KINDS.items() if isinstance(command, kind))
        item = QueuedCommand(
            key=key or f"fallback-{uuid4().hex}",
            operation=operation,
            payload=to_jsonable(marked),
            actor=to_jsonable(actor),
            queued_at=now,
        )
        self._queue.append(item)
        return Queued(key=item.key, operation=operation, queued_at=now)


def replay(queue: FallbackQueue, crossings: EntryExitService, batch: int = 200) -> ReplayReport:
    """Upload every pending command once; stop early if the central store is still down."""
    replayed = 0
    failed: list[tuple[str, str]] = []
    while True:
        pending = queue.pending(batch)
        for item in pending:
            command = from_jsonable(_KINDS[item.operation], item.payload)
            actor = from_jsonable(Actor, item.actor)
            try:
                _send(crossings, command, actor, item.key)
            except StoreUnavailableError:
                return ReplayReport(replayed=replayed, failed=tuple(failed), still_unreachable=True)
            except LimesError as error:
                queue.mark(item.key, QueueState.FAILED, error.code)
                failed.append((item.key, error.code))
                continue
            queue.mark(item.key, QueueState.REPLAYED)
            replayed += 1
        if len(pending) < batch:
            return ReplayReport(replayed=replayed, failed=tuple(failed), still_unreachable=False)


def _send(
    crossings: EntryExitService, command: Command, actor: Actor, key: str | None
) -> EntryOutcome | ExitOutcome | RefusalOutcome:
    if isinstance(command, EntryRegistration):
        return crossings.register_entry(command, actor, key)
    if isinstance(command, ExitRegistration):
        return crossings.register_exit(command, actor, key)
    return crossings.register_refusal(command, actor, key)
