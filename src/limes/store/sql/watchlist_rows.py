"""Watchlist records as rows: the alert or entry, its other names and its documents in order.

The child tables of person alerts and of watchlist entries have the same shape, so one
`Children` pair of tables serves each parent.
"""

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import BindParameter, Row, Table, bindparam, insert, select
from sqlalchemy.orm import Session

from limes.store.sql.code_lists import codes, ordered_text
from limes.store.sql.tables import (
    DocumentAlertRow,
    PersonAlertDocumentRow,
    PersonAlertNameRow,
    PersonAlertRow,
    WatchlistEntryDocumentRow,
    WatchlistEntryNameRow,
    WatchlistEntryRow,
    table_of,
)
from limes.watchlists.keys import name_key
from limes.watchlists.model import (
    DocumentAction,
    DocumentAlert,
    DocumentSource,
    DocumentStatus,
    Offence,
    Organisation,
    PersonAction,
    PersonAlert,
    PersonAlertCategory,
    TravelDocument,
    WatchlistEntry,
)

PERSON_ALERTS = table_of(PersonAlertRow)
DOCUMENT_ALERTS = table_of(DocumentAlertRow)
ENTRIES = table_of(WatchlistEntryRow)

_IDS: BindParameter[list[str]] = bindparam("ids", expanding=True)


class Children:
    """The names and documents tables of one parent table, keyed by `parent_column`."""

    def __init__(self, parent_column: str, names: Table, documents: Table) -> None:
        self.parent_column = parent_column
        self._insert_names = insert(names)
        self._insert_documents = insert(documents)
        self._names_of = (
            select(names)
            .where(names.c[parent_column].in_(_IDS))
            .order_by(names.c[parent_column], names.c.position)
        )
        self._documents_of = (
            select(documents)
            .where(documents.c[parent_column].in_(_IDS))
            .order_by(documents.c[parent_column], documents.c.position)
        )

    def insert(
        self,
        session: Session,
        parent_id: str,
        other_names: tuple[str, ...],
        documents: tuple[TravelDocument, ...],
    ) -> None:
        key = self.parent_column
        if other_names:
            session.execute(
                self._insert_names,
                [
                    {key: parent_id, "position": position, "name": name}
                    for position, name in enumerate(other_names)
                ],
            )
        if documents:
            session.execute(
                self._insert_documents,
                [
                    {key: parent_id, "position": position, **_document_values(document)}
                    for position, document in enumerate(documents)
                ],
            )

    def load(
        self, session: Session, parent_ids: Sequence[str]
    ) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[TravelDocument, ...]]]:
        """Other names and documents of these parents, by parent identifier, in order."""
        key = self.parent_column
        wanted = {"ids": list(parent_ids)}
        names: defaultdict[str, list[str]] = defaultdict(list)
        for row in session.execute(self._names_of, wanted):
            names[row._mapping[key]].append(row.name)
        documents: defaultdict[str, list[TravelDocument]] = defaultdict(list)
        for row in session.execute(self._documents_of, wanted):
            documents[row._mapping[key]].append(
                TravelDocument(
                    document_type=row.document_type,
                    number=row.document_number,
                    country=row.document_country,
                )
            )
        return (
            {parent: tuple(found) for parent, found in names.items()},
            {parent: tuple(found) for parent, found in documents.items()},
        )


PERSON_DOCUMENTS = table_of(PersonAlertDocumentRow)
PERSON_CHILDREN = Children("alert_id", table_of(PersonAlertNameRow), PERSON_DOCUMENTS)
ENTRY_CHILDREN = Children(
    "entry_id", table_of(WatchlistEntryNameRow), table_of(WatchlistEntryDocumentRow)
)


def _document_values(document: TravelDocument) -> dict[str, str]:
    country_key, number_key = document.key
    return {
        "document_type": document.document_type,
        "document_country": document.country,
        "document_number": document.number,
        "country_key": country_key,
        "number_key": number_key,
    }


def _life_values(alert: PersonAlert | DocumentAlert) -> dict[str, Any]:
    return {
        "valid_from": alert.valid_from,
        "valid_until": alert.valid_until,
        "created_at": alert.created_at,
        "withdrawn_at": alert.withdrawn_at,
        "withdrawal_reason": alert.withdrawal_reason,
    }


def person_alert_values(alert: PersonAlert) -> dict[str, Any]:
    return {
        "alert_id": alert.alert_id,
        "issuing_state": alert.issuing_state,
        "category": alert.category.value,
        "surname": alert.surname,
        "given_names": alert.given_names,
        "name_key": name_key(alert.surname),
        "date_of_birth": alert.date_of_birth,
        "sex": alert.sex,
        "nationalities": ordered_text(alert.nationalities),
        "action_to_take": alert.action_to_take.value,
        **_life_values(alert),
    }


def document_alert_values(alert: DocumentAlert) -> dict[str, Any]:
    country_key, number_key = alert.key
    return {
        "alert_id": alert.alert_id,
        "source": alert.source.value,
        "issuing_state": alert.issuing_state,
        "document_type": alert.document_type,
        "document_country": alert.document_country,
        "document_number": alert.document_number,
        "country_key": country_key,
        "number_key": number_key,
        "status": alert.status.value,
        "action_to_take": alert.action_to_take.value,
        **_life_values(alert),
    }


def entry_values(entry: WatchlistEntry) -> dict[str, Any]:
    organisation = entry.organisation
    return {
        "entry_id": entry.entry_id,
        "entered_by": entry.entered_by,
        "offence": entry.offence.value,
        "surname": entry.surname,
        "surname_at_birth": entry.surname_at_birth,
        "name_key": None if entry.surname is None else name_key(entry.surname),
        "first_names": entry.first_names,
        "date_of_birth": entry.date_of_birth,
        "place_of_birth": entry.place_of_birth,
        "country_of_birth": entry.country_of_birth,
        "sex": entry.sex,
        "nationalities": ordered_text(entry.nationalities),
        "home_address": entry.home_address,
        "email": entry.email,
        "phone": entry.phone,
        "ip_address": entry.ip_address,
        "organisation_name": None if organisation is None else organisation.name,
        "organisation_email": None if organisation is None else organisation.email,
        "organisation_address": None if organisation is None else organisation.address,
        "organisation_phone": None if organisation is None else organisation.phone,
        "created_at": entry.created_at,
        "last_reviewed_at": entry.last_reviewed_at,
        "withdrawn_at": entry.withdrawn_at,
        "withdrawal_reason": entry.withdrawal_reason,
    }


def person_alert(
    row: Row[Any], other_names: tuple[str, ...], documents: tuple[TravelDocument, ...]
) -> PersonAlert:
    return PersonAlert(
        alert_id=row.alert_id,
        issuing_state=row.issuing_state,
        category=PersonAlertCategory(row.category),
        surname=row.surname,
        given_names=row.given_names,
        other_names=other_names,
        date_of_birth=row.date_of_birth,
        sex=row.sex,
        nationalities=codes(row.nationalities),
        travel_documents=documents,
        action_to_take=PersonAction(row.action_to_take),
        valid_from=row.valid_from,
        valid_until=row.valid_until,
        created_at=row.created_at,
        withdrawn_at=row.withdrawn_at,
        withdrawal_reason=row.withdrawal_reason,
    )


def document_alert(row: Row[Any]) -> DocumentAlert:
    return DocumentAlert(
        source=DocumentSource(row.source),
        alert_id=row.alert_id,
        issuing_state=row.issuing_state,
        document_type=row.document_type,
        document_number=row.document_number,
        document_country=row.document_country,
        status=DocumentStatus(row.status),
        action_to_take=DocumentAction(row.action_to_take),
        valid_from=row.valid_from,
        valid_until=row.valid_until,
        created_at=row.created_at,
        withdrawn_at=row.withdrawn_at,
        withdrawal_reason=row.withdrawal_reason,
    )


def watchlist_entry(
    row: Row[Any], other_names: tuple[str, ...], documents: tuple[TravelDocument, ...]
) -> WatchlistEntry:
    items = (
        row.organisation_name,
        row.organisation_email,
        row.organisation_address,
        row.organisation_phone,
    )
    return WatchlistEntry(
        entry_id=row.entry_id,
        entered_by=row.entered_by,
        offence=Offence(row.offence),
        surname=row.surname,
        surname_at_birth=row.surname_at_birth,
        first_names=row.first_names,
        other_names=other_names,
        date_of_birth=row.date_of_birth,
        place_of_birth=row.place_of_birth,
        country_of_birth=row.country_of_birth,
        sex=row.sex,
        nationalities=codes(row.nationalities),
        travel_documents=documents,
        home_address=row.home_address,
        email=row.email,
        phone=row.phone,
        ip_address=row.ip_address,
        organisation=None
        if items == (None,) * 4
        else Organisation(name=items[0], email=items[1], address=items[2], phone=items[3]),
        created_at=row.created_at,
        last_reviewed_at=row.last_reviewed_at,
        withdrawn_at=row.withdrawn_at,
        withdrawal_reason=row.withdrawal_reason,
    )
