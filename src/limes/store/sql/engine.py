"""Engines for SQLite and PostgreSQL, set up once per process and reused.

SQLite: every write unit of work opens with `BEGIN IMMEDIATE`, taking the write lock at
the start. A deferred transaction that reads first and writes later cannot wait for the
lock in WAL mode (SQLITE_BUSY at once), so two registrations would fail instead of
queueing. Read-only units of work open with a plain deferred `BEGIN`.

`synchronous=FULL` is the default: with it a commit reaches the disk before it returns,
so an acknowledged entry or exit survives a power cut. An EES record that vanishes after
the guard saw "registered" breaks the 90/180 count and the exit match for that person,
and nobody would know it is missing. NORMAL (faster, survives process crashes but may
lose the last commits on power loss) is for seeding and benchmarks only.
"""

from typing import Any, Literal

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry, StaticPool

READ_ONLY = "limes_read_only"  # connection execution option set by read-only units of work
BUSY_TIMEOUT_MS = 10_000

SqliteSynchronous = Literal["FULL", "NORMAL"]


def create_engine_for(url: str, *, sqlite_synchronous: SqliteSynchronous = "FULL") -> Engine:
    """An engine for `url`: `sqlite:///path` or `postgresql://` (driven by psycopg 3)."""
    parsed = _with_psycopg(make_url(url))
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed, sqlite_synchronous)
    if parsed.get_backend_name() == "postgresql":
        return create_engine(parsed, pool_pre_ping=False, pool_size=10, max_overflow=10)
    raise ValueError(f"unsupported database backend: {parsed.get_backend_name()}")


def create_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions for `SqlUnitOfWork`: nothing expires on commit, nothing flushes by itself."""
    return sessionmaker(engine, expire_on_commit=False, autoflush=False)


def _with_psycopg(url: URL) -> URL:
    if url.drivername in ("postgresql", "postgres"):
        return url.set(drivername="postgresql+psycopg")
    return url


def _sqlite_engine(url: URL, synchronous: SqliteSynchronous) -> Engine:
    in_memory = url.database in (None, "", ":memory:")
    options: dict[str, Any] = {}
    if in_memory:
        # One shared connection so every session sees the same database; one thread only.
        options = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
    engine = create_engine(url, **options)

    @event.listens_for(engine, "connect")
    def configure(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        # Transactions are begun below, not by the sqlite3 module's guess before a write.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if not in_memory:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA synchronous={synchronous}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def begin(connection: Connection) -> None:
        read_only = connection.get_execution_options().get(READ_ONLY, False)
        # Straight to the driver: this runs once per unit of work, and the full statement
        # machinery (events, result set-up) costs more than the BEGIN itself.
        connection.connection.driver_connection.execute(  # type: ignore[union-attr]
            "BEGIN" if read_only else "BEGIN IMMEDIATE"
        )

    return engine
