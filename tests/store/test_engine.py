"""Engines, transactions and errors at the edge of the database."""

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from limes.ees.errors import StoreUnavailableError
from limes.store.sql.engine import create_engine_for, create_session_factory
from limes.store.sql.unit_of_work import SqlUnitOfWork
from tests.store.builders import make_file


def test_a_plain_postgresql_url_is_driven_by_psycopg() -> None:
    engine = create_engine_for("postgresql://root@127.0.0.1:5432/test")
    assert engine.dialect.driver == "psycopg"
    engine.dispose()


def test_sqlite_is_set_up_for_durable_concurrent_writes(tmp_path: Path) -> None:
    engine = create_engine_for(f"sqlite:///{tmp_path / 'ees.db'}")
    with engine.connect() as connection:
        settings = {
            pragma: connection.execute(text(f"PRAGMA {pragma}")).scalar()
            for pragma in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        }
    engine.dispose()
    assert settings == {
        "journal_mode": "wal",
        "synchronous": 2,  # FULL
        "foreign_keys": 1,
        "busy_timeout": 10_000,
    }


def test_an_unreachable_server_is_a_store_unavailable_error() -> None:
    engine = create_engine_for("postgresql://root@127.0.0.1:1/test?connect_timeout=2")
    with pytest.raises(StoreUnavailableError), SqlUnitOfWork(create_session_factory(engine)):
        pass
    engine.dispose()


def test_instants_come_back_as_the_same_instant_in_utc(committed_database_url: str) -> None:
    engine = create_engine_for(committed_database_url)
    sessions = create_session_factory(engine)
    created_at = datetime(2026, 11, 1, 1, 30, tzinfo=timezone(timedelta(hours=2)))
    file = make_file()
    with SqlUnitOfWork(sessions) as uow:
        uow.traveller_files.add(replace(file, created_at=created_at))
        uow.commit()

    with SqlUnitOfWork(sessions) as uow:
        found = uow.traveller_files.get(file.file_id)
    engine.dispose()
    assert found is not None
    assert found.created_at == datetime(2026, 10, 31, 23, 30, tzinfo=UTC)
    assert found.created_at.tzinfo is UTC


def test_a_reader_does_not_wait_for_a_writer(committed_database_url: str) -> None:
    # On SQLite the writer holds the database lock from `with` on; a reader still reads.
    engine = create_engine_for(committed_database_url)
    sessions = create_session_factory(engine)
    with SqlUnitOfWork(sessions) as writer:
        writer.traveller_files.add(make_file())
        with SqlUnitOfWork(sessions, read_only=True) as reader:
            assert reader.traveller_files.count() == 0
        writer.commit()
    engine.dispose()


def test_a_read_only_unit_of_work_cannot_write_on_postgresql(
    postgres_schema_url: Callable[[], str],
) -> None:
    engine = create_engine_for(postgres_schema_url())
    try:
        with (
            SqlUnitOfWork(create_session_factory(engine), read_only=True) as reader,
            pytest.raises(DBAPIError, match="read-only transaction"),
        ):
            reader.traveller_files.add(make_file())
        with SqlUnitOfWork(create_session_factory(engine)) as writer:
            writer.traveller_files.add(make_file())  # the connection is writable again
            writer.commit()
    finally:
        engine.dispose()
