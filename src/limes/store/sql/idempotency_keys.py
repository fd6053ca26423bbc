"""Idempotency keys in SQL: a key is written once; a retry reads the stored outcome."""

from sqlalchemy import bindparam, insert, select
from sqlalchemy.orm import Session

from limes.ees.ports import StoredResponse
from limes.store.sql.errors import translated_errors
from limes.store.sql.tables import IdempotencyKeyRow, table_of

_KEYS = table_of(IdempotencyKeyRow)
_KEY = select(_KEYS).where(_KEYS.c.key == bindparam("key"))
_INSERT_KEY = insert(_KEYS)


class SqlIdempotencyKeys:
    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, key: str) -> StoredResponse | None:
        row = self._session.execute(_KEY, {"key": key}).one_or_none()
        if row is None:
            return None
        return StoredResponse(
            key=row.key,
            request_digest=row.request_digest,
            status_code=row.status_code,
            body=row.body,
            created_at=row.created_at,
        )

    def put(self, response: StoredResponse) -> None:
        """Store the outcome; IdempotencyKeyReusedError if the key is already stored."""
        values = {
            "key": response.key,
            "request_digest": response.request_digest,
            "status_code": response.status_code,
            "body": response.body,
            "created_at": response.created_at,
        }
        with translated_errors():
            self._session.execute(_INSERT_KEY, [values])
