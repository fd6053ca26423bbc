"""Contract: an idempotency key keeps the first outcome; it is never overwritten."""

import pytest

from limes.ees.errors import IdempotencyKeyReusedError
from limes.ees.ports import StoredResponse
from tests.store.builders import at
from tests.store.conftest import StoreUnderTest


def response(key: str = "key-1", body: str = '{"record_id": "entry-1"}') -> StoredResponse:
    return StoredResponse(
        key=key,
        request_digest="ab" * 32,
        status_code=201,
        body=body,
        created_at=at(2026, 11, 1, 10, 0),
    )


def test_a_stored_outcome_is_read_back(store: StoreUnderTest) -> None:
    with store.unit_of_work() as uow:
        uow.idempotency_keys.put(response())
        uow.commit()

    with store.unit_of_work() as uow:
        assert uow.idempotency_keys.get("key-1") == response()
        assert uow.idempotency_keys.get("key-2") is None


def test_a_key_is_written_once(store: StoreUnderTest) -> None:
    with store.unit_of_work() as uow:
        uow.idempotency_keys.put(response())
        uow.commit()

    with store.unit_of_work() as uow, pytest.raises(IdempotencyKeyReusedError):
        uow.idempotency_keys.put(response(body="{}"))
