"""SIS alerts, the SLTD copy and the ETIAS watchlist in SQL.

Documents are looked up by `watchlists.keys.document_key` and surnames by `name_key`,
both computed here from the domain's functions and kept beside the rows, so the store
finds exactly what the domain calls the same. Iterators page through a table in
identifier order (keyset paging), so an index of a million alerts is built without
holding them all at once.
"""

from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Row,
    Select,
    Table,
    and_,
    bindparam,
    func,
    insert,
    literal,
    or_,
    select,
    union_all,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from limes.store.sql.errors import translated_errors
from limes.store.sql.statements import changed_rows
from limes.store.sql.watchlist_rows import (
    DOCUMENT_ALERTS,
    ENTRIES,
    ENTRY_CHILDREN,
    PERSON_ALERTS,
    PERSON_CHILDREN,
    PERSON_DOCUMENTS,
    document_alert,
    document_alert_values,
    entry_values,
    person_alert,
    person_alert_values,
    watchlist_entry,
)
from limes.watchlists.errors import AlertNotFoundError, DuplicateAlertError
from limes.watchlists.keys import document_key
from limes.watchlists.model import (
    DocumentAlert,
    DocumentSource,
    PersonAlert,
    WatchlistEntry,
    WatchlistKind,
)

PAGE_ROWS = 1000
T = TypeVar("T")

_ID: BindParameter[str] = bindparam("id")
_AT: BindParameter[datetime] = bindparam("at")
_AFTER: BindParameter[str] = bindparam("after")
_LIMIT: BindParameter[int] = bindparam("limit")


def _in_force(table: Table, *, validity: bool = True) -> ColumnElement[bool]:
    """The rows in force at :at: valid then (alerts only) and not withdrawn by then."""
    not_withdrawn = or_(table.c.withdrawn_at.is_(None), table.c.withdrawn_at > _AT)
    if not validity:
        return not_withdrawn
    valid = and_(
        table.c.valid_from <= _AT,
        or_(table.c.valid_until.is_(None), table.c.valid_until > _AT),
    )
    return and_(valid, not_withdrawn)


def _page(table: Table, id_column: str, where: ColumnElement[bool] | None) -> Select[Any]:
    column = table.c[id_column]
    statement = select(table).where(column > _AFTER).order_by(column).limit(_LIMIT)
    return statement if where is None else statement.where(where)


_KIND_OF = union_all(
    select(literal(WatchlistKind.SIS_PERSON.value).label("kind")).where(
        PERSON_ALERTS.c.alert_id == _ID
    ),
    select(DOCUMENT_ALERTS.c.source.label("kind")).where(DOCUMENT_ALERTS.c.alert_id == _ID),
    select(literal(WatchlistKind.ETIAS_WATCHLIST.value).label("kind")).where(
        ENTRIES.c.entry_id == _ID
    ),
)
_DOCUMENT_KINDS = {
    DocumentSource.SIS.value: WatchlistKind.SIS_DOCUMENT,
    DocumentSource.SLTD.value: WatchlistKind.SLTD_DOCUMENT,
}
_SOURCE_OF = {kind: source for source, kind in _DOCUMENT_KINDS.items()}

_PERSON_BY_ID = select(PERSON_ALERTS).where(PERSON_ALERTS.c.alert_id == _ID)
_DOCUMENT_BY_ID = select(DOCUMENT_ALERTS).where(DOCUMENT_ALERTS.c.alert_id == _ID)
_ENTRY_BY_ID = select(ENTRIES).where(ENTRIES.c.entry_id == _ID)

_PERSON_PAGE = _page(PERSON_ALERTS, "alert_id", None)
_DOCUMENT_PAGE = _page(DOCUMENT_ALERTS, "alert_id", None)
_ENTRY_PAGE = _page(ENTRIES, "entry_id", None)
_ACTIVE_PERSON_PAGE = _page(PERSON_ALERTS, "alert_id", _in_force(PERSON_ALERTS))
_ACTIVE_DOCUMENT_PAGE = _page(DOCUMENT_ALERTS, "alert_id", _in_force(DOCUMENT_ALERTS))
_ACTIVE_ENTRY_PAGE = _page(ENTRIES, "entry_id", _in_force(ENTRIES, validity=False))

_SAME_DOCUMENT = (
    select(DOCUMENT_ALERTS)
    .where(
        DOCUMENT_ALERTS.c.country_key == bindparam("country_key"),
        DOCUMENT_ALERTS.c.number_key == bindparam("number_key"),
        _in_force(DOCUMENT_ALERTS),
    )
    .order_by(DOCUMENT_ALERTS.c.alert_id)
)
_HOLDERS = select(PERSON_DOCUMENTS.c.alert_id).where(
    PERSON_DOCUMENTS.c.country_key == bindparam("country_key"),
    PERSON_DOCUMENTS.c.number_key == bindparam("number_key"),
)
_PERSONS_WITH_DOCUMENT = (
    select(PERSON_ALERTS)
    .where(PERSON_ALERTS.c.alert_id.in_(_HOLDERS), _in_force(PERSON_ALERTS))
    .order_by(PERSON_ALERTS.c.alert_id)
)
_PERSONS_WITH_SURNAME = (
    select(PERSON_ALERTS)
    .where(PERSON_ALERTS.c.name_key == bindparam("name_key"), _in_force(PERSON_ALERTS))
    .order_by(PERSON_ALERTS.c.alert_id)
)


def _count(table: Table, *conditions: ColumnElement[bool]) -> Select[Any]:
    return select(func.count()).select_from(table).where(*conditions)


_SOURCE: BindParameter[str] = bindparam("source")
_COUNTS = {
    (WatchlistKind.SIS_PERSON, False): _count(PERSON_ALERTS),
    (WatchlistKind.SIS_PERSON, True): _count(PERSON_ALERTS, _in_force(PERSON_ALERTS)),
    (WatchlistKind.ETIAS_WATCHLIST, False): _count(ENTRIES),
    (WatchlistKind.ETIAS_WATCHLIST, True): _count(ENTRIES, _in_force(ENTRIES, validity=False)),
}
_DOCUMENT_COUNT = _count(DOCUMENT_ALERTS, DOCUMENT_ALERTS.c.source == _SOURCE)
_ACTIVE_DOCUMENT_COUNT = _DOCUMENT_COUNT.where(_in_force(DOCUMENT_ALERTS))

_WITHDRAWN: dict[str, BindParameter[Any]] = {
    "withdrawn_at": bindparam("withdrawn_at"),
    "withdrawal_reason": bindparam("reason"),
}
_WITHDRAW = (
    update(PERSON_ALERTS).where(PERSON_ALERTS.c.alert_id == _ID).values(_WITHDRAWN),
    update(DOCUMENT_ALERTS).where(DOCUMENT_ALERTS.c.alert_id == _ID).values(_WITHDRAWN),
    update(ENTRIES).where(ENTRIES.c.entry_id == _ID).values(_WITHDRAWN),
)
_SAVE_REVIEW = (
    update(ENTRIES)
    .where(ENTRIES.c.entry_id == _ID)
    .values(last_reviewed_at=bindparam("last_reviewed_at"))
)
_INSERT_PERSON = insert(PERSON_ALERTS)
_INSERT_DOCUMENT = insert(DOCUMENT_ALERTS)
_INSERT_ENTRY = insert(ENTRIES)


class SqlWatchlists:
    def __init__(self, session: Session) -> None:
        self._session = session

    def kind_of(self, record_id: str) -> WatchlistKind | None:
        kind = self._session.scalar(_KIND_OF, {"id": record_id})
        if kind is None:
            return None
        return _DOCUMENT_KINDS.get(kind) or WatchlistKind(kind)

    def add_person_alert(self, alert: PersonAlert) -> None:
        self._insert(_INSERT_PERSON, person_alert_values(alert))
        with translated_errors():
            PERSON_CHILDREN.insert(
                self._session, alert.alert_id, alert.other_names, alert.travel_documents
            )

    def add_document_alert(self, alert: DocumentAlert) -> None:
        self._insert(_INSERT_DOCUMENT, document_alert_values(alert))

    def add_watchlist_entry(self, entry: WatchlistEntry) -> None:
        self._insert(_INSERT_ENTRY, entry_values(entry))
        with translated_errors():
            ENTRY_CHILDREN.insert(
                self._session, entry.entry_id, entry.other_names, entry.travel_documents
            )

    def get_person_alert(self, alert_id: str) -> PersonAlert | None:
        found = self._persons(_PERSON_BY_ID, {"id": alert_id})
        return found[0] if found else None

    def get_document_alert(self, alert_id: str) -> DocumentAlert | None:
        row = self._session.execute(_DOCUMENT_BY_ID, {"id": alert_id}).one_or_none()
        return None if row is None else document_alert(row)

    def get_watchlist_entry(self, entry_id: str) -> WatchlistEntry | None:
        found = self._entries(_ENTRY_BY_ID, {"id": entry_id})
        return found[0] if found else None

    def withdraw(self, record_id: str, at: datetime, reason: str) -> bool:
        values = {"id": record_id, "withdrawn_at": at, "reason": reason}
        with translated_errors():
            return any(changed_rows(self._session, statement, values) for statement in _WITHDRAW)

    def save_watchlist_entry(self, entry: WatchlistEntry) -> None:
        values = {"id": entry.entry_id, "last_reviewed_at": entry.last_reviewed_at}
        with translated_errors():
            if changed_rows(self._session, _SAVE_REVIEW, values) == 0:
                raise AlertNotFoundError("no watchlist entry with this identifier")

    def person_alerts(self) -> Iterator[PersonAlert]:
        return self._paged(_PERSON_PAGE, {}, self._persons, lambda a: a.alert_id)

    def document_alerts(self) -> Iterator[DocumentAlert]:
        return self._paged(_DOCUMENT_PAGE, {}, self._documents, lambda a: a.alert_id)

    def watchlist_entries(self) -> Iterator[WatchlistEntry]:
        return self._paged(_ENTRY_PAGE, {}, self._entries, lambda e: e.entry_id)

    def active_person_alerts(self, at: datetime) -> Iterator[PersonAlert]:
        return self._paged(_ACTIVE_PERSON_PAGE, {"at": at}, self._persons, lambda a: a.alert_id)

    def active_document_alerts(self, at: datetime) -> Iterator[DocumentAlert]:
        values = {"at": at}
        return self._paged(_ACTIVE_DOCUMENT_PAGE, values, self._documents, lambda a: a.alert_id)

    def active_watchlist_entries(self, at: datetime) -> Iterator[WatchlistEntry]:
        return self._paged(_ACTIVE_ENTRY_PAGE, {"at": at}, self._entries, lambda e: e.entry_id)

    def find_documents(self, country: str, number: str, at: datetime) -> Sequence[DocumentAlert]:
        return self._documents(_SAME_DOCUMENT, _document_values(country, number, at))

    def find_person_alerts_by_document(
        self, country: str, number: str, at: datetime
    ) -> Sequence[PersonAlert]:
        return self._persons(_PERSONS_WITH_DOCUMENT, _document_values(country, number, at))

    def find_person_alerts_by_surname(self, name_key: str, at: datetime) -> Sequence[PersonAlert]:
        return self._persons(_PERSONS_WITH_SURNAME, {"name_key": name_key, "at": at})

    def count(self, kind: WatchlistKind, at: datetime | None = None) -> int:
        values: dict[str, Any] = {} if at is None else {"at": at}
        if kind in _SOURCE_OF:
            values["source"] = _SOURCE_OF[kind]
            statement = _DOCUMENT_COUNT if at is None else _ACTIVE_DOCUMENT_COUNT
        else:
            statement = _COUNTS[kind, at is not None]
        return self._session.scalar(statement, values) or 0

    def _insert(self, statement: Any, values: dict[str, Any]) -> None:
        try:
            # The primary key refuses a taken identifier before any child row is written.
            self._session.execute(statement, [values])
        except IntegrityError as error:
            raise DuplicateAlertError("an alert or entry with this identifier is stored") from error

    def _paged(
        self,
        statement: Select[Any],
        values: dict[str, Any],
        load: Callable[[Select[Any], dict[str, Any]], list[T]],
        key: Callable[[T], str],
    ) -> Iterator[T]:
        after = ""
        while page := load(statement, {**values, "after": after, "limit": PAGE_ROWS}):
            yield from page
            if len(page) < PAGE_ROWS:
                return
            after = key(page[-1])

    def _persons(self, statement: Select[Any], values: dict[str, Any]) -> list[PersonAlert]:
        rows = self._session.execute(statement, values).all()
        if not rows:
            return []
        names, documents = PERSON_CHILDREN.load(self._session, [row.alert_id for row in rows])
        return [
            person_alert(row, names.get(row.alert_id, ()), documents.get(row.alert_id, ()))
            for row in rows
        ]

    def _documents(self, statement: Select[Any], values: dict[str, Any]) -> list[DocumentAlert]:
        return [document_alert(row) for row in self._session.execute(statement, values)]

    def _entries(self, statement: Select[Any], values: dict[str, Any]) -> list[WatchlistEntry]:
        rows: list[Row[Any]] = list(self._session.execute(statement, values).all())
        if not rows:
            return []
        names, documents = ENTRY_CHILDREN.load(self._session, [row.entry_id for row in rows])
        return [
            watchlist_entry(row, names.get(row.entry_id, ()), documents.get(row.entry_id, ()))
            for row in rows
        ]


def _document_values(country: str, number: str, at: datetime) -> dict[str, Any]:
    country_key, number_key = document_key(country, number)
    return {"country_key": country_key, "number_key": number_key, "at": at}
