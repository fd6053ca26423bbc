"""Contract: users with roles, API tokens by digest, and data-subject requests."""

from dataclasses import replace
from datetime import date

import pytest

from limes.access.model import Role
from limes.ees.data_subject import RequestStatus, close, forward
from limes.ees.errors import InvalidRecordError, RecordNotFoundError
from tests.store.builders import at, make_request, make_token, make_user
from tests.store.conftest import StoreUnderTest


def test_a_user_comes_back_with_all_roles(store: StoreUnderTest) -> None:
    user = make_user("dpo-1", Role.DATA_PROTECTION_OFFICER, Role.AUDITOR, Role.ADMIN)
    with store.unit_of_work() as uow:
        uow.users.add(user)
        uow.users.add(replace(make_user("retired"), active=False, roles=frozenset()))
        uow.commit()

    with store.unit_of_work() as uow:
        assert uow.users.get("dpo-1") == user
        assert uow.users.get("retired") == replace(
            make_user("retired"), active=False, roles=frozenset()
        )
        assert uow.users.get("nobody") is None


def test_a_token_is_found_by_its_digest(store: StoreUnderTest) -> None:
    token = make_token("guard-1")
    revoked = replace(make_token("guard-1"), revoked=True)
    with store.unit_of_work() as uow:
        uow.users.add(make_user("guard-1"))
        uow.users.add_token(token)
        uow.users.add_token(revoked)
        uow.commit()

    with store.unit_of_work() as uow:
        assert uow.users.find_token(token.digest) == token
        assert uow.users.find_token(revoked.digest) == revoked
        assert uow.users.find_token("unknown-digest") is None


def test_a_token_digest_is_unique(store: StoreUnderTest) -> None:
    with store.unit_of_work() as uow:
        uow.users.add(make_user("guard-1"))
        uow.users.add_token(make_token("guard-1", digest="same"))
        uow.commit()

    with store.unit_of_work() as uow, pytest.raises(InvalidRecordError):
        uow.users.add_token(make_token("guard-1", digest="same"))


def test_a_data_subject_request_comes_back_as_saved(store: StoreUnderTest) -> None:
    request = make_request()
    with store.unit_of_work() as uow:
        uow.data_subject_requests.add(request)
        uow.commit()
    forwarded = forward(request, date(2026, 11, 4))
    closed = close(forwarded, at(2026, 11, 20), RequestStatus.COMPLETED, "copy sent")
    with store.unit_of_work() as uow:
        assert uow.data_subject_requests.get(request.request_id) == request
        uow.data_subject_requests.save(forwarded)
        assert uow.data_subject_requests.get(request.request_id) == forwarded
        uow.data_subject_requests.save(closed)
        uow.commit()

    with store.unit_of_work() as uow:
        assert uow.data_subject_requests.get(request.request_id) == closed
        assert uow.data_subject_requests.get("request-missing") is None


def test_open_requests_are_listed_earliest_deadline_first(store: StoreUnderTest) -> None:
    later = make_request(received_on=date(2026, 11, 10))
    earlier = make_request(received_on=date(2026, 11, 1))
    done = close(make_request(), at(2026, 11, 2), RequestStatus.REJECTED, "not the person")
    with store.unit_of_work() as uow:
        for request in (later, earlier, done):
            uow.data_subject_requests.add(request)
        uow.commit()

    with store.unit_of_work() as uow:
        assert uow.data_subject_requests.list_open(10) == [earlier, later]
        assert uow.data_subject_requests.list_open(1) == [earlier]


def test_saving_a_request_never_stored_is_an_error(store: StoreUnderTest) -> None:
    with store.unit_of_work() as uow, pytest.raises(RecordNotFoundError):
        uow.data_subject_requests.save(make_request())
