"""Database errors become the EES errors the service acts on."""

import sqlite3
from pathlib import Path

from sqlalchemy.exc import OperationalError

from limes.ees.errors import StoreUnavailableError
from limes.store.sql.errors import translate


def test_a_lock_held_past_the_busy_timeout_is_a_store_unavailable_error(tmp_path: Path) -> None:
    path = tmp_path / "ees.db"
    holder = sqlite3.connect(path, isolation_level=None)
    waiter = sqlite3.connect(path, isolation_level=None, timeout=0)
    holder.execute("CREATE TABLE t (x INTEGER)")
    holder.execute("BEGIN IMMEDIATE")
    try:
        waiter.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as busy:
        error = OperationalError("BEGIN IMMEDIATE", None, busy)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        waiter.close()

    assert isinstance(translate(error), StoreUnavailableError)


def test_an_ordinary_operational_error_is_left_alone(tmp_path: Path) -> None:
    connection = sqlite3.connect(tmp_path / "ees.db")
    try:
        connection.execute("SELECT * FROM no_such_table")
    except sqlite3.OperationalError as missing:
        error = OperationalError("SELECT", None, missing)
    finally:
        connection.close()

    assert translate(error) is None
