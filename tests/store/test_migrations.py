"""The hand-written migrations build exactly the schema `tables.py` describes."""

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from limes.store.sql.engine import create_engine_for
from limes.store.sql.migrate import current_revision, upgrade
from limes.store.sql.tables import Base

HEAD = "0004_etias"


def test_the_migrated_schema_equals_the_tables(committed_database_url: str) -> None:
    engine = create_engine_for(committed_database_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert differences == []


def test_partial_indexes_keep_their_conditions(committed_database_url: str) -> None:
    # Alembic compares index columns but not index conditions, so compare those here.
    engine = create_engine_for(committed_database_url)
    dialect = engine.dialect
    try:
        with engine.connect() as connection:
            reflected = {
                index["name"]: normalised(
                    index.get("dialect_options", {}).get(f"{dialect.name}_where")
                )
                for table in Base.metadata.sorted_tables
                for index in inspect(connection).get_indexes(table.name)
            }
    finally:
        engine.dispose()
    declared = {
        index.name: normalised(
            None
            if (where := index.dialect_options[dialect.name]["where"]) is None
            else where.compile(dialect=dialect, compile_kwargs={"include_table": False})
        )
        for table in Base.metadata.sorted_tables
        for index in table.indexes
    }
    assert "ix_entry_exit_records_overstayers" in declared
    assert {name: reflected[name] for name in declared} == declared


def normalised(condition: object) -> str:
    """A condition without brackets, case or spacing differences; "" when there is none."""
    if condition is None:
        return ""
    return " ".join(str(condition).replace("(", " ").replace(")", " ").lower().split())


def test_the_revision_is_none_before_and_head_after_upgrading(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ees.db'}"
    assert current_revision(url) is None

    upgrade(url)
    upgrade(url)  # a second run finds nothing to do

    assert current_revision(url) == HEAD
