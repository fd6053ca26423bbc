"""Store fixtures: every contract test runs on memory, SQLite and PostgreSQL.

The SQL stores are migrated once per test session with `upgrade()`; PostgreSQL gets a
schema of its own, so parallel test runs on one server do not meet. Each test then runs
inside one outer transaction that is rolled back at the end: the units of work it opens
commit to SAVEPOINTs within it. Tests that need real commits (concurrency, durability)
ask for `committed_database_url`, a fresh database per test.
"""

import os
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Protocol

import pytest
from sqlalchemy import Engine, create_engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import sessionmaker

from limes.ees.ports import UnitOfWork
from limes.etias.ports import EtiasUnitOfWork
from limes.interop.ports import InteropUnitOfWork
from limes.store.memory import MemoryStore, MemoryUnitOfWork
from limes.store.sql.engine import create_engine_for
from limes.store.sql.migrate import upgrade
from limes.store.sql.tables import Base
from limes.store.sql.unit_of_work import SqlUnitOfWork
from limes.watchlists.ports import WatchlistUnitOfWork

POSTGRES_URL = os.environ.get(
    "LIMES_TEST_POSTGRES_URL", "postgresql+psycopg://root@127.0.0.1:5432/test"
)
BACKENDS = ("memory", "sqlite", "postgresql")


class StoreUnitOfWork(
    UnitOfWork, InteropUnitOfWork, WatchlistUnitOfWork, EtiasUnitOfWork, Protocol
):
    """Every port at once: mypy checks here that every store's unit of work offers them."""


@dataclass(frozen=True, slots=True)
class StoreUnderTest:
    """A store as the contract tests see it: units of work, and a look at its row counts."""

    backend: str
    unit_of_work: Callable[[], StoreUnitOfWork]
    row_counts: Callable[[], dict[str, int]]


def postgres_server() -> Engine:
    """An engine on the test server, or a skip saying why there is none."""
    engine = create_engine(
        make_url(POSTGRES_URL).set(drivername="postgresql+psycopg"),
        connect_args={"connect_timeout": 3},
    )
    try:
        with engine.connect():
            pass
    except OperationalError as error:
        engine.dispose()
        pytest.skip(f"no PostgreSQL server answers at {make_url(POSTGRES_URL)!r}: {error.orig}")
    return engine


@pytest.fixture(scope="session")
def postgres_schema_url() -> Iterator[Callable[[], str]]:
    """Makes fresh, migrated PostgreSQL schemas; drops them all at the end of the session."""
    server = postgres_server()
    schemas: list[str] = []

    def new_schema() -> str:
        schema = f"limes_test_{os.getpid()}_{secrets.token_hex(4)}"
        with server.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        schemas.append(schema)
        url = make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
        rendered = url.render_as_string(hide_password=False)
        upgrade(rendered)
        return rendered

    yield new_schema
    with server.begin() as connection:
        for schema in schemas:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    server.dispose()


@pytest.fixture(scope="session")
def sqlite_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    url = f"sqlite:///{tmp_path_factory.mktemp('store') / 'ees.db'}"
    upgrade(url)
    engine = create_engine_for(url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def postgresql_engine(postgres_schema_url: Callable[[], str]) -> Iterator[Engine]:
    engine = create_engine_for(postgres_schema_url())
    yield engine
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest) -> Iterator[StoreUnderTest]:
    if request.param == "memory":
        memory = MemoryStore()
        yield StoreUnderTest(
            "memory", lambda: MemoryUnitOfWork(memory), lambda: _memory_counts(memory)
        )
        return
    engine: Engine = request.getfixturevalue(f"{request.param}_engine")
    with engine.connect() as connection:
        outer = connection.begin()
        sessions = sessionmaker(
            bind=connection,
            join_transaction_mode="create_savepoint",
            expire_on_commit=False,
            autoflush=False,
        )

        def row_counts() -> dict[str, int]:
            return {
                table.name: connection.scalar(select(func.count()).select_from(table)) or 0
                for table in Base.metadata.sorted_tables
            }

        yield StoreUnderTest(request.param, lambda: SqlUnitOfWork(sessions), row_counts)
        outer.rollback()


@pytest.fixture
def unit_of_work_factory(store: StoreUnderTest) -> Callable[[], UnitOfWork]:
    return store.unit_of_work


@pytest.fixture
def new_database(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[str], str]:
    """Makes a fresh, migrated database whose commits are real (no surrounding transaction)."""

    def make(backend: str) -> str:
        if backend == "sqlite":
            url = f"sqlite:///{tmp_path / f'ees-{secrets.token_hex(4)}.db'}"
            upgrade(url)
            return url
        new_schema: Callable[[], str] = request.getfixturevalue("postgres_schema_url")
        return new_schema()

    return make


@pytest.fixture(params=("sqlite", "postgresql"))
def committed_database_url(
    request: pytest.FixtureRequest, new_database: Callable[[str], str]
) -> str:
    return new_database(request.param)


def _memory_counts(store: MemoryStore) -> dict[str, int]:
    committed = store.committed
    return {field.name: len(getattr(committed, field.name)) for field in fields(committed)}
