"""`SqlUnitOfWork`: the EES, interoperability, watchlist and ETIAS repositories on one
transaction."""

from collections.abc import Callable
from types import TracebackType
from typing import Self

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from limes.biometrics.ports import Templates
from limes.ees.ports import (
    AuditLog,
    BorderCrossingPoints,
    DataSubjectRequests,
    IdempotencyKeys,
    Records,
    Retention,
    TravellerFiles,
    Users,
    Visas,
)
from limes.etias.ports import Applications, ScreeningRules
from limes.interop.ports import Links, SystemRecords
from limes.store.sql.audit_log import SqlAuditLog
from limes.store.sql.biometric_templates import SqlTemplates
from limes.store.sql.border_crossing_points import SqlBorderCrossingPoints
from limes.store.sql.data_subject_requests import SqlDataSubjectRequests
from limes.store.sql.engine import READ_ONLY
from limes.store.sql.errors import translate, translated_errors
from limes.store.sql.etias import SqlApplications, SqlScreeningRules
from limes.store.sql.idempotency_keys import SqlIdempotencyKeys
from limes.store.sql.links import SqlLinks
from limes.store.sql.records import SqlRecords
from limes.store.sql.retention import SqlRetention
from limes.store.sql.system_records import SqlSystemRecords
from limes.store.sql.traveller_files import SqlTravellerFiles
from limes.store.sql.users import SqlUsers
from limes.store.sql.visas import SqlVisas
from limes.store.sql.watchlists import SqlWatchlists
from limes.watchlists.ports import Watchlists

# SQLite: a deferred BEGIN (engine.py); PostgreSQL: a READ ONLY transaction.
_READ_ONLY = {READ_ONLY: True, "postgresql_readonly": True}


class SqlUnitOfWork:
    """One transaction, opened on `with` and rolled back on leaving without `commit()`.

    >>> factory = create_session_factory(create_engine_for("sqlite:///ees.db"))
    >>> with SqlUnitOfWork(factory) as uow:
    ...     uow.traveller_files.add(file)
    ...     uow.commit()

    The transaction starts on `with`, so on SQLite a writer takes the database lock
    there; `read_only=True` starts a transaction that never waits for writers and, on
    PostgreSQL, refuses to write.
    Database errors leave as EES errors: DocumentConflictError, StoreUnavailableError, ...;
    a taken template or record identifier as DuplicateTemplateError or DuplicateRecordError.
    A taken application id or travel authorisation number leaves as
    DuplicateApplicationError, a screening-rule version out of turn as
    InvalidScreeningRuleError.
    """

    traveller_files: TravellerFiles
    records: Records
    visas: Visas
    border_crossing_points: BorderCrossingPoints
    retention: Retention
    idempotency_keys: IdempotencyKeys
    audit_log: AuditLog
    users: Users
    data_subject_requests: DataSubjectRequests
    biometric_templates: Templates
    system_records: SystemRecords
    links: Links
    watchlists: Watchlists
    applications: Applications
    screening_rules: ScreeningRules

    def __init__(self, session_factory: Callable[[], Session], *, read_only: bool = False) -> None:
        self._session_factory = session_factory
        self._read_only = read_only
        self._session: Session | None = None

    def __enter__(self) -> Self:
        session = self._session_factory()
        try:
            with translated_errors():
                session.connection(execution_options=_READ_ONLY if self._read_only else None)
        except BaseException:
            session.close()
            raise
        self._session = session
        self.traveller_files = SqlTravellerFiles(session)
        self.records = SqlRecords(session)
        self.visas = SqlVisas(session)
        self.border_crossing_points = SqlBorderCrossingPoints(session)
        self.retention = SqlRetention(session)
        self.idempotency_keys = SqlIdempotencyKeys(session)
        self.audit_log = SqlAuditLog(session)
        self.users = SqlUsers(session)
        self.data_subject_requests = SqlDataSubjectRequests(session)
        self.biometric_templates = SqlTemplates(session)
        self.system_records = SqlSystemRecords(session)
        self.links = SqlLinks(session)
        self.watchlists = SqlWatchlists(session)
        self.applications = SqlApplications(session)
        self.screening_rules = SqlScreeningRules(session)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        session, self._session = self._active(), None
        try:
            session.close()  # rolls back whatever was not committed
        except DBAPIError as error:
            if exc is None:
                raise translate(error) or error from error
        if isinstance(exc, DBAPIError) and (translated := translate(exc)) is not None:
            raise translated from exc

    def commit(self) -> None:
        with translated_errors():
            self._active().commit()

    def rollback(self) -> None:
        with translated_errors():
            self._active().rollback()

    def _active(self) -> Session:
        if self._session is None:
            raise RuntimeError("the unit of work is used outside its `with` block")
        return self._session
