"""CIR records in SQL, with their documents and template references in their own order.

Lists of records come in key order. Documents are looked up by `document_key` and
candidates by `name_key`, both computed here from the domain's functions, so the store
finds exactly what the MID's comparison would call the same.
"""

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import (
    BindParameter,
    Row,
    Select,
    bindparam,
    case,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from limes.interop.errors import DuplicateRecordError, RecordNotFoundError
from limes.interop.identity_comparison import document_key, name_key
from limes.interop.model import IdentityData, System, SystemRecord, TravelDocument
from limes.store.sql.code_lists import codes, ordered_text
from limes.store.sql.errors import translated_errors
from limes.store.sql.statements import changed_rows
from limes.store.sql.tables import (
    RecordDocumentRow,
    RecordTemplateRow,
    SystemRecordRow,
    table_of,
)

RECORDS = table_of(SystemRecordRow)
DOCUMENTS = table_of(RecordDocumentRow)
TEMPLATE_REFERENCES = table_of(RecordTemplateRow)

_KEYS: BindParameter[list[str]] = bindparam("keys", expanding=True)
_DOCUMENTS_OF = (
    select(DOCUMENTS)
    .where(DOCUMENTS.c.record_key.in_(_KEYS))
    .order_by(DOCUMENTS.c.record_key, DOCUMENTS.c.position)
)
_TEMPLATES_OF = (
    select(TEMPLATE_REFERENCES)
    .where(TEMPLATE_REFERENCES.c.record_key.in_(_KEYS))
    .order_by(TEMPLATE_REFERENCES.c.record_key, TEMPLATE_REFERENCES.c.position)
)
_HOLDERS = select(DOCUMENTS.c.record_key).where(
    DOCUMENTS.c.state_key == bindparam("state_key"),
    DOCUMENTS.c.number_key == bindparam("number_key"),
)
_IN_KEY_ORDER = select(RECORDS).order_by(RECORDS.c.key)
_BY_KEY = _IN_KEY_ORDER.where(RECORDS.c.key == bindparam("key"))
_OF_IDENTITY = _IN_KEY_ORDER.where(RECORDS.c.identity_id == bindparam("identity_id"))
_WITH_DOCUMENT = _IN_KEY_ORDER.where(RECORDS.c.key.in_(_HOLDERS))
_SAME_NAME = RECORDS.c.name_key == bindparam("name_key")
_SAME_BIRTH = RECORDS.c.date_of_birth == bindparam("date_of_birth")
_BY_NAME = _IN_KEY_ORDER.where(_SAME_NAME).limit(bindparam("limit"))
# Records sharing both keys come first, so a tight limit drops the weaker candidates.
_BY_NAME_OR_BIRTH = (
    select(RECORDS)
    .where(_SAME_NAME | _SAME_BIRTH)
    .order_by(case((_SAME_NAME & _SAME_BIRTH, 0), else_=1), RECORDS.c.key)
    .limit(bindparam("limit"))
)
_COUNT = select(func.count()).select_from(RECORDS)
_COUNT_OF_SYSTEM = _COUNT.where(RECORDS.c.system == bindparam("system"))
_INSERT_RECORD = insert(RECORDS)
_INSERT_DOCUMENTS = insert(DOCUMENTS)
_INSERT_TEMPLATES = insert(TEMPLATE_REFERENCES)
_UPDATE_RECORD = update(RECORDS).where(RECORDS.c.key == bindparam("saved_key"))
_MOVE_IDENTITY = (
    update(RECORDS)
    .where(RECORDS.c.identity_id == bindparam("from_identity"))
    .values(identity_id=bindparam("to_identity"))
)
_DELETE_DOCUMENTS = delete(DOCUMENTS).where(DOCUMENTS.c.record_key == bindparam("key"))
_DELETE_TEMPLATES = delete(TEMPLATE_REFERENCES).where(
    TEMPLATE_REFERENCES.c.record_key == bindparam("key")
)
_DELETE_RECORD = delete(RECORDS).where(RECORDS.c.key == bindparam("key"))


class SqlSystemRecords:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, record: SystemRecord) -> None:
        values = _record_values(record) | {
            "key": record.key,
            "system": record.system.value,
            "record_id": record.record_id,
            "member_state": record.member_state,
            "created_at": record.created_at,
        }
        try:
            # The primary key refuses a taken key before any document is written.
            self._session.execute(_INSERT_RECORD, [values])
        except IntegrityError as error:
            raise DuplicateRecordError(
                f"the {record.system.value} record identifier is taken"
            ) from error
        with translated_errors():
            self._insert_children(record)

    def save(self, record: SystemRecord) -> None:
        values = _record_values(record) | {"saved_key": record.key}
        with translated_errors():
            if changed_rows(self._session, _UPDATE_RECORD, values) == 0:
                raise RecordNotFoundError(f"no {record.system.value} record with this identifier")
            self._session.execute(_DELETE_DOCUMENTS, {"key": record.key})
            self._session.execute(_DELETE_TEMPLATES, {"key": record.key})
            self._insert_children(record)

    def get(self, key: str) -> SystemRecord | None:
        found = self._load(_BY_KEY, {"key": key})
        return found[0] if found else None

    def find_by_document(self, document: TravelDocument) -> Sequence[SystemRecord]:
        state, number = document_key(document)
        return self._load(_WITH_DOCUMENT, {"state_key": state, "number_key": number})

    def find_by_identity(
        self, *, name_key: str, date_of_birth: date | None, limit: int
    ) -> Sequence[SystemRecord]:
        if date_of_birth is None:
            return self._load(_BY_NAME, {"name_key": name_key, "limit": limit})
        values = {"name_key": name_key, "date_of_birth": date_of_birth, "limit": limit}
        return self._load(_BY_NAME_OR_BIRTH, values)

    def of_identity(self, identity_id: str) -> Sequence[SystemRecord]:
        return self._load(_OF_IDENTITY, {"identity_id": identity_id})

    def move_identity(self, from_identity: str, to_identity: str) -> int:
        values = {"from_identity": from_identity, "to_identity": to_identity}
        return changed_rows(self._session, _MOVE_IDENTITY, values)

    def erase(self, key: str) -> None:
        # Documents and template references cascade; links are the MID's to erase.
        self._session.execute(_DELETE_RECORD, {"key": key})

    def count(self, system: System | None = None) -> int:
        if system is None:
            return self._session.scalar(_COUNT) or 0
        return self._session.scalar(_COUNT_OF_SYSTEM, {"system": system.value}) or 0

    def _insert_children(self, record: SystemRecord) -> None:
        if record.documents:
            self._session.execute(_INSERT_DOCUMENTS, _document_values(record))
        if record.template_ids:
            self._session.execute(
                _INSERT_TEMPLATES,
                [
                    {"record_key": record.key, "position": position, "template_id": template_id}
                    for position, template_id in enumerate(record.template_ids)
                ],
            )

    def _load(self, statement: Select[Any], values: dict[str, Any]) -> list[SystemRecord]:
        """The records `statement` selects, in its order, with documents and templates."""
        rows = self._session.execute(statement, values).all()
        if not rows:
            return []
        keys = {"keys": [row.key for row in rows]}
        documents: defaultdict[str, list[TravelDocument]] = defaultdict(list)
        for document in self._session.execute(_DOCUMENTS_OF, keys):
            documents[document.record_key].append(
                TravelDocument(number=document.number, issuing_state=document.issuing_state)
            )
        templates: defaultdict[str, list[str]] = defaultdict(list)
        for reference in self._session.execute(_TEMPLATES_OF, keys):
            templates[reference.record_key].append(reference.template_id)
        return [_record(row, tuple(documents[row.key]), tuple(templates[row.key])) for row in rows]


def _record_values(record: SystemRecord) -> dict[str, Any]:
    """The columns `save` replaces; `add` writes these and the record's fixed columns."""
    identity = record.identity
    return {
        "identity_id": record.identity_id,
        "surname": identity.surname,
        "given_names": identity.given_names,
        "date_of_birth": identity.date_of_birth,
        "sex": identity.sex,
        "nationalities": ordered_text(identity.nationalities),
        "name_key": name_key(identity),
        "updated_at": record.updated_at,
    }


def _document_values(record: SystemRecord) -> list[dict[str, Any]]:
    values = []
    for position, document in enumerate(record.documents):
        state_key, number_key = document_key(document)
        values.append(
            {
                "record_key": record.key,
                "position": position,
                "issuing_state": document.issuing_state,
                "number": document.number,
                "state_key": state_key,
                "number_key": number_key,
            }
        )
    return values


def _record(
    row: Row[Any], documents: tuple[TravelDocument, ...], template_ids: tuple[str, ...]
) -> SystemRecord:
    return SystemRecord(
        system=System(row.system),
        record_id=row.record_id,
        identity_id=row.identity_id,
        identity=IdentityData(
            surname=row.surname,
            given_names=row.given_names,
            date_of_birth=row.date_of_birth,
            sex=row.sex,
            nationalities=codes(row.nationalities),
        ),
        documents=documents,
        template_ids=template_ids,
        member_state=row.member_state,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )
