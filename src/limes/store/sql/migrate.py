"""Bring a database to the newest schema with the migrations shipped in the package.

>>> upgrade("sqlite:///ees.db")
>>> current_revision("sqlite:///ees.db")
'0001_ees_initial'
"""

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection

from limes.store.sql.engine import create_engine_for

SCRIPT_LOCATION = "limes.store:migrations"


def upgrade(url: str, revision: str = "head") -> None:
    """Run every migration up to `revision` on the database at `url`, in one transaction."""
    engine = create_engine_for(url)
    try:
        with engine.begin() as connection:
            upgrade_connection(connection, revision)
    finally:
        engine.dispose()


def upgrade_connection(connection: Connection, revision: str = "head") -> None:
    """`upgrade` on a connection the caller owns, inside its transaction."""
    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, revision)


def current_revision(url: str) -> str | None:
    """The revision the database at `url` is at; None before the first migration."""
    engine = create_engine_for(url)
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()


def alembic_config() -> Config:
    """An Alembic configuration pointing at the migrations inside the package."""
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    return config
