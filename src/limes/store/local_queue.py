"""The border crossing point's durable local queue for fallback registrations (EESR art. 21).

A SQLite file of its own, separate from the central store it stands in for. Every append
is committed with `synchronous=FULL` before it returns: a crossing acknowledged as queued
survives a crash or a power cut.
"""

import json
import sqlite3
import threading
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from limes.ees.fallback import Operation, QueuedCommand, QueueState

_SCHEMA = """
CREATE TABLE IF NOT EXISTS fallback_queue (
    position INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL UNIQUE,
    operation TEXT NOT NULL,
    payload TEXT NOT NULL,
    actor TEXT NOT NULL,
    queued_at TEXT NOT NULL,
    state TEXT NOT NULL,
    error_code TEXT NOT NULL DEFAULT ''
)
"""


class SqliteFallbackQueue:
    def __init__(self, path: Path | str) -> None:
        self._path = str(path)
        if self._path != ":memory:":
            Path(self._path).parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._connection = sqlite3.connect(self._path, check_same_thread=False)
        self._connection.execute("PRAGMA journal_mode=WAL")
        self._connection.execute("PRAGMA synchronous=FULL")
        self._connection.execute(_SCHEMA)
        self._connection.commit()

    def append(self, item: QueuedCommand) -> None:
        with self._lock, self._connection:
            self._connection.execute(
                "INSERT OR IGNORE INTO fallback_queue"
                " (key, operation, payload, actor, queued_at, state, error_code)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    item.key,
                    item.operation.value,
                    json.dumps(item.payload),
                    json.dumps(item.actor),
                    item.queued_at.isoformat(),
                    item.state.value,
                    item.error_code,
                ),
            )

    def pending(self, limit: int) -> Sequence[QueuedCommand]:
        return self._select(
            "WHERE state = ? ORDER BY position LIMIT ?", (QueueState.PENDING, limit)
        )

    def failed(self, limit: int = 1000) -> Sequence[QueuedCommand]:
        return self._select("WHERE state = ? ORDER BY position LIMIT ?", (QueueState.FAILED, limit))

    def mark(self, key: str, state: QueueState, error_code: str = "") -> None:
        with self._lock, self._connection:
            self._connection.execute(
                "UPDATE fallback_queue SET state = ?, error_code = ? WHERE key = ?",
                (state.value, error_code, key),
            )

    def close(self) -> None:
        self._connection.close()

    def _select(self, where: str, parameters: tuple[object, ...]) -> list[QueuedCommand]:
        with self._lock:
            rows = self._connection.execute(
                "SELECT key, operation, payload, actor, queued_at, state, error_code"
                f" FROM fallback_queue {where}",
                parameters,
            ).fetchall()
        return [
            QueuedCommand(
                key=key,
                operation=Operation(operation),
                payload=json.loads(payload),
                actor=json.loads(actor),
                queued_at=datetime.fromisoformat(queued_at),
                state=QueueState(state),
                error_code=error_code,
            )
            for key, operation, payload, actor, queued_at, state, error_code in rows
        ]
