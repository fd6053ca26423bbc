"""ETIAS application files and screening-rule versions in SQL.

A file is written whole, as JSON (`etias_codec`), with the keys its queries need beside it:
the document and e-mail as `etias.application.normalise_*` compare them, the status,
responsible state and deadline of the queues, and the authorisation's number, status and
validity. Every query is answered by SQL on those keys, in the orders `memory_etias.py`
gives; `all()` and `valid_authorisations()` page through the submission order (keyset
paging), so a replay over every file never holds them all at once.
"""

from collections.abc import Collection, Iterator, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Select,
    and_,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from limes.core.documents import normalise_document_number
from limes.etias.application import normalise_email
from limes.etias.errors import (
    ApplicationNotFoundError,
    DuplicateApplicationError,
    InvalidScreeningRuleError,
)
from limes.etias.model import ApplicationFile, ApplicationStatus, AuthorisationStatus
from limes.etias.screening_rules import ScreeningRule, validate_rule
from limes.store.sql.etias_codec import (
    application_file_from_json,
    application_file_to_json,
    screening_rule_from_json,
    screening_rule_to_json,
)
from limes.store.sql.statements import changed_rows
from limes.store.sql.tables import (
    AUTHORISATION_NUMBER_CONSTRAINT,
    EtiasApplicationFileRow,
    EtiasScreeningRuleRow,
    table_of,
)

PAGE_ROWS = 500

FILES = table_of(EtiasApplicationFileRow)
RULES = table_of(EtiasScreeningRuleRow)

_ID: BindParameter[str] = bindparam("application_id")
_AFTER_AT: BindParameter[datetime] = bindparam("after_at")
_AFTER_ID: BindParameter[str] = bindparam("after_id")
_ON: BindParameter[date] = bindparam("on")
_STATUSES: BindParameter[list[str]] = bindparam("statuses", expanding=True)

_FILE = select(FILES.c.file_json)
_IN_SUBMISSION_ORDER = _FILE.order_by(FILES.c.submitted_at, FILES.c.application_id)
_BY_ID = _FILE.where(FILES.c.application_id == _ID)
_BY_AUTHORISATION = _FILE.where(FILES.c.authorisation_number == bindparam("number"))
_BY_DOCUMENT = _IN_SUBMISSION_ORDER.where(
    FILES.c.document_country == bindparam("country"),
    FILES.c.document_number_key == bindparam("number_key"),
)
_BY_EMAIL = _IN_SUBMISSION_ORDER.where(FILES.c.email_key == bindparam("email_key"))
# Keyset paging: the page after the last (submitted_at, application_id) returned.
_AFTER = or_(
    FILES.c.submitted_at > _AFTER_AT,
    and_(FILES.c.submitted_at == _AFTER_AT, FILES.c.application_id > _AFTER_ID),
)
# `TravelAuthorisation.is_valid_on`: stored as valid, and `on` within its validity; an
# expired authorisation is still stored as valid, its last day tells.
_VALID_ON = and_(
    FILES.c.authorisation_status == AuthorisationStatus.VALID.value,
    FILES.c.authorisation_valid_from <= _ON,
    FILES.c.authorisation_valid_until >= _ON,
)
_QUEUE = (
    _FILE.where(FILES.c.status.in_(_STATUSES))
    # Earliest deadline first, files without one last (the memory store's order).
    .order_by(FILES.c.deadline.nulls_last(), FILES.c.submitted_at, FILES.c.application_id)
    .limit(bindparam("limit"))
    .offset(bindparam("offset"))
)
_STATE_QUEUE = _QUEUE.where(FILES.c.responsible_state == bindparam("state"))
_COUNT = select(func.count()).select_from(FILES)
_INSERT = insert(FILES)
_UPDATE = update(FILES).where(FILES.c.application_id == bindparam("saved_id"))
_DELETE = delete(FILES).where(FILES.c.application_id == _ID)


def _pages(where: ColumnElement[bool] | None) -> tuple[Select[Any], Select[Any]]:
    """The first page of the files `where` selects in submission order, and the next one."""
    first = _IN_SUBMISSION_ORDER.limit(bindparam("page_rows"))
    if where is not None:
        first = first.where(where)
    return first, first.where(_AFTER)


_ALL_PAGES = _pages(None)
_VALID_ON_PAGES = _pages(_VALID_ON)


class SqlApplications:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, file: ApplicationFile) -> None:
        try:
            self._session.execute(_INSERT, _file_values(file))
        except IntegrityError as error:
            if _is_authorisation_number(error):
                raise _authorisation_taken() from error
            raise DuplicateApplicationError("an application with this id exists") from error

    def save(self, file: ApplicationFile) -> None:
        values = _file_values(file)
        values["saved_id"] = values.pop("application_id")
        try:
            saved = changed_rows(self._session, _UPDATE, values)
        except IntegrityError as error:
            raise _authorisation_taken() from error
        if saved == 0:
            raise ApplicationNotFoundError("no application with this id")

    def get(self, application_id: str) -> ApplicationFile | None:
        found = self._load(_BY_ID, {"application_id": application_id})
        return found[0] if found else None

    def get_by_authorisation(self, number: str) -> ApplicationFile | None:
        found = self._load(_BY_AUTHORISATION, {"number": number})
        return found[0] if found else None

    def find_by_document(self, issuing_country: str, number: str) -> Sequence[ApplicationFile]:
        values = {"country": issuing_country, "number_key": normalise_document_number(number)}
        return self._load(_BY_DOCUMENT, values)

    def find_by_email(self, email: str) -> Sequence[ApplicationFile]:
        return self._load(_BY_EMAIL, {"email_key": normalise_email(email)})

    def valid_authorisations(self, on: date) -> Iterator[ApplicationFile]:
        return self._paged(_VALID_ON_PAGES, {"on": on})

    def queue(
        self,
        statuses: Collection[ApplicationStatus],
        *,
        responsible_state: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Sequence[ApplicationFile]:
        values: dict[str, Any] = {
            "statuses": sorted(status.value for status in statuses),
            "limit": limit,
            "offset": offset,
        }
        if responsible_state is None:
            return self._load(_QUEUE, values)
        return self._load(_STATE_QUEUE, values | {"state": responsible_state})

    def all(self) -> Iterator[ApplicationFile]:
        return self._paged(_ALL_PAGES, {})

    def erase(self, application_id: str) -> None:
        self._session.execute(_DELETE, {"application_id": application_id})

    def count(self) -> int:
        return self._session.scalar(_COUNT) or 0

    def _load(self, statement: Select[Any], values: dict[str, Any]) -> list[ApplicationFile]:
        return [
            application_file_from_json(text) for text in self._session.scalars(statement, values)
        ]

    def _paged(
        self, pages: tuple[Select[Any], Select[Any]], values: dict[str, Any]
    ) -> Iterator[ApplicationFile]:
        first, following = pages
        page_rows = PAGE_ROWS
        values = values | {"page_rows": page_rows}
        page = self._load(first, values)
        while page:
            yield from page
            if len(page) < page_rows:
                return
            last = page[-1]
            after = {"after_at": last.application.submitted_at, "after_id": last.application_id}
            page = self._load(following, values | after)


def _file_values(file: ApplicationFile) -> dict[str, Any]:
    form = file.application.form
    authorisation = file.authorisation
    return {
        "application_id": file.application_id,
        "submitted_at": file.application.submitted_at,
        "status": file.status.value,
        "responsible_state": file.responsible_state,
        "deadline": file.deadline,
        "document_country": form.travel_document.issuing_country,
        "document_number_key": normalise_document_number(form.travel_document.number),
        "email_key": normalise_email(form.email),
        "authorisation_number": None if authorisation is None else authorisation.number,
        "authorisation_status": None if authorisation is None else authorisation.status.value,
        "authorisation_valid_from": None if authorisation is None else authorisation.valid_from,
        "authorisation_valid_until": None if authorisation is None else authorisation.valid_until,
        "file_json": application_file_to_json(file),
    }


def _is_authorisation_number(error: IntegrityError) -> bool:
    constraint = getattr(getattr(error.orig, "diag", None), "constraint_name", None)
    return constraint == AUTHORISATION_NUMBER_CONSTRAINT or (
        "etias_application_files.authorisation_number" in str(error.orig)
    )


def _authorisation_taken() -> DuplicateApplicationError:
    return DuplicateApplicationError("the travel authorisation number belongs to another file")


_RULE = select(RULES.c.rule_json)
_RULE_ID: BindParameter[str] = bindparam("rule_id")
_HISTORY = _RULE.where(RULES.c.rule_id == _RULE_ID).order_by(RULES.c.version)
_LATEST = _RULE.where(RULES.c.rule_id == _RULE_ID).order_by(RULES.c.version.desc()).limit(1)
_LATEST_VERSION = select(func.max(RULES.c.version)).where(RULES.c.rule_id == _RULE_ID)
_LATEST_VERSIONS = (
    select(RULES.c.rule_id, func.max(RULES.c.version).label("version"))
    .group_by(RULES.c.rule_id)
    .subquery()
)
_ACTIVE = (
    _RULE.join(
        _LATEST_VERSIONS,
        and_(
            RULES.c.rule_id == _LATEST_VERSIONS.c.rule_id,
            RULES.c.version == _LATEST_VERSIONS.c.version,
        ),
    )
    .where(RULES.c.active.is_(True))
    .order_by(RULES.c.rule_id)
)
_INSERT_RULE = insert(RULES)


class SqlScreeningRules:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, rule: ScreeningRule) -> None:
        validate_rule(rule)
        latest = self._session.scalar(_LATEST_VERSION, {"rule_id": rule.rule_id}) or 0
        if rule.version != latest + 1:
            raise _version_conflict()
        values = {
            "rule_id": rule.rule_id,
            "version": rule.version,
            "active": rule.active,
            "created_at": rule.created_at,
            "rule_json": screening_rule_to_json(rule),
        }
        try:
            # Another transaction may have added the same version since the check above.
            self._session.execute(_INSERT_RULE, values)
        except IntegrityError as error:
            raise _version_conflict() from error

    def latest(self, rule_id: str) -> ScreeningRule | None:
        found = self._load(_LATEST, {"rule_id": rule_id})
        return found[0] if found else None

    def active(self) -> Sequence[ScreeningRule]:
        return self._load(_ACTIVE, {})

    def history(self, rule_id: str) -> Sequence[ScreeningRule]:
        return self._load(_HISTORY, {"rule_id": rule_id})

    def _load(self, statement: Select[Any], values: dict[str, Any]) -> list[ScreeningRule]:
        return [screening_rule_from_json(text) for text in self._session.scalars(statement, values)]


def _version_conflict() -> InvalidScreeningRuleError:
    return InvalidScreeningRuleError("a new version follows the latest one", "version_conflict")
