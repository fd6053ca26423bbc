"""Service tests run on every store: in memory, SQLite and PostgreSQL (skipped if absent)."""

from collections.abc import Callable
from datetime import datetime

import pytest

from tests.builders import World, make_world
from tests.store.conftest import (
    StoreUnderTest,
    postgres_schema_url,
    postgresql_engine,
    sqlite_engine,
    store,
)

__all__ = ["postgres_schema_url", "postgresql_engine", "sqlite_engine", "store"]

NewWorld = Callable[..., World]


@pytest.fixture
def new_world(store: StoreUnderTest) -> NewWorld:
    """Builds the EES services over this test's store, with a fixed clock at `now`."""

    def build(now: datetime | None = None) -> World:
        return make_world(now=now, unit_of_work=store.unit_of_work)

    return build
