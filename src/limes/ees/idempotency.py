"""Exactly-once writes: an outcome is kept under its idempotency key in the same transaction.

A retry with the same key and the same request gets the stored outcome back and writes
nothing; the same key with a different request is an error, never a silent overwrite.
"""

import hashlib
import json
from datetime import datetime
from typing import TypeVar

from limes.core.dataclass_json import from_jsonable, to_jsonable
from limes.ees.errors import IdempotencyKeyReusedError
from limes.ees.ports import IdempotencyKeys, StoredResponse

T = TypeVar("T")

MAX_KEY_LENGTH = 200


def request_digest(operation: str, command: object) -> str:
    """SHA-256 over the operation name and the command's canonical JSON."""
    canonical = json.dumps([operation, to_jsonable(command)], sort_keys=True)
    return hashlib.sha256(canonical.encode()).hexdigest()


def replayed(keys: IdempotencyKeys, key: str | None, digest: str, kind: type[T]) -> T | None:
    """The stored outcome for `key`, or None when the key is new (or not given)."""
    if key is None:
        return None
    stored = keys.get(key)
    if stored is None:
        return None
    if stored.request_digest != digest:
        raise IdempotencyKeyReusedError(
            "this idempotency key was already used for a different request"
        )
    return from_jsonable(kind, json.loads(stored.body))


def remember(
    keys: IdempotencyKeys, key: str | None, digest: str, outcome: object, at: datetime
) -> None:
    if key is None:
        return
    if not key or len(key) > MAX_KEY_LENGTH:
        raise IdempotencyKeyReusedError(
            f"an idempotency key must have 1 to {MAX_KEY_LENGTH} characters"
        )
    keys.put(
        StoredResponse(
            key=key,
            request_digest=digest,
            status_code=201,
            body=json.dumps(to_jsonable(outcome)),
            created_at=at,
        )
    )
