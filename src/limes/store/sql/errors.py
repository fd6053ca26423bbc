"""Database errors turned into the EES errors the service understands.

Only these leave the store: a taken travel document, a reused idempotency key, a broken
key (duplicate or dangling), and a store that cannot be reached. Anything else is a bug
and propagates unchanged.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError, IntegrityError

from limes.ees.errors import (
    DocumentConflictError,
    EesError,
    IdempotencyKeyReusedError,
    InvalidRecordError,
    StoreUnavailableError,
)
from limes.store.sql.tables import DOCUMENT_UNIQUE_CONSTRAINT

# PostgreSQL SQLSTATEs meaning the server is gone or refuses work: class 08 (connection
# exception), admin/crash shutdown, cannot connect now.
_UNAVAILABLE_STATES = {"57P01", "57P02", "57P03"}
_SQLITE_UNAVAILABLE = {"SQLITE_CANTOPEN", "SQLITE_BUSY"}


@contextmanager
def translated_errors() -> Iterator[None]:
    """Re-raise database errors from the block as EES errors where one applies."""
    try:
        yield
    except DBAPIError as error:
        translated = translate(error)
        if translated is None:
            raise
        raise translated from error


def translate(error: DBAPIError) -> EesError | None:
    if isinstance(error, IntegrityError):
        return _integrity(error)
    if is_unreachable(error):
        return StoreUnavailableError("the EES store cannot be reached")
    return None


def is_unreachable(error: DBAPIError) -> bool:
    if error.connection_invalidated:
        return True
    original = error.orig
    state = getattr(original, "sqlstate", None)
    if state is not None:
        return str(state).startswith("08") or state in _UNAVAILABLE_STATES
    module = type(original).__module__
    if module.startswith("psycopg"):
        # psycopg reports a failed connection attempt without a SQLSTATE.
        return type(original).__name__ == "OperationalError"
    # SQLite: the file cannot be opened, or another writer held the lock for longer than
    # the busy timeout; either way nothing can be written now, as when a server is down.
    return getattr(original, "sqlite_errorname", "") in _SQLITE_UNAVAILABLE


def _integrity(error: IntegrityError) -> EesError:
    message = str(error.orig)
    constraint = getattr(getattr(error.orig, "diag", None), "constraint_name", None)
    if constraint == DOCUMENT_UNIQUE_CONSTRAINT or (
        "travel_documents.issuing_state, travel_documents.number" in message
    ):
        return DocumentConflictError("the travel document belongs to another individual file")
    if constraint == "pk_idempotency_keys" or "idempotency_keys.key" in message:
        return IdempotencyKeyReusedError("the idempotency key is already used")
    return InvalidRecordError("a record refers to a missing record or repeats a stored key")
