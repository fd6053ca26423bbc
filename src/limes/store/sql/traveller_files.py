"""Individual files in SQL; a travel document belongs to one file at most."""

from collections.abc import Iterable
from typing import Any, cast

from sqlalchemy import ColumnElement, CursorResult, and_, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

from limes.ees.errors import DocumentConflictError, TravellerNotFoundError
from limes.ees.model import DocumentKey, TravellerFile, TravellerHistory
from limes.store.sql.errors import translated_errors
from limes.store.sql.records import entries_of_file, refusals_of_file
from limes.store.sql.statements import NO_SYNC
from limes.store.sql.tables import NationalityRow, TravelDocumentRow, TravellerFileRow
from limes.store.sql.traveller_file_rows import child_values, file_values, load_files
from limes.store.sql.visas import visas_of_file


class SqlTravellerFiles:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, file: TravellerFile) -> None:
        self._refuse_taken_documents(file)
        with translated_errors():
            self._session.execute(insert(TravellerFileRow), [file_values(file)])
            self._insert_children(file)

    def save(self, file: TravellerFile) -> None:
        values = file_values(file)
        statement = update(TravellerFileRow).where(TravellerFileRow.file_id == file.file_id)
        with translated_errors():
            result = self._session.execute(statement.values(values), execution_options=NO_SYNC)
            if cast(CursorResult[Any], result).rowcount == 0:
                raise TravellerNotFoundError("no individual file with this identifier")
            for table in (NationalityRow, TravelDocumentRow):
                self._session.execute(
                    delete(table).where(table.file_id == file.file_id), execution_options=NO_SYNC
                )
            self._refuse_taken_documents(file)
            self._insert_children(file)

    def get(self, file_id: str) -> TravellerFile | None:
        return load_files(self._session, [file_id]).get(file_id)

    def find_by_document(self, key: DocumentKey) -> TravellerFile | None:
        file_id = self._session.scalar(
            select(TravelDocumentRow.file_id).where(
                TravelDocumentRow.issuing_state == key.issuing_state,
                TravelDocumentRow.number == key.number,
            )
        )
        return None if file_id is None else self.get(file_id)

    def history(self, file_id: str) -> TravellerHistory | None:
        file = self.get(file_id)
        if file is None:
            return None
        return TravellerHistory(
            file=file,
            entries=entries_of_file(self._session, file_id),
            refusals=refusals_of_file(self._session, file_id),
            visas=visas_of_file(self._session, file_id),
        )

    def erase(self, file_id: str) -> None:
        # Documents, nationalities, records, decisions, reasons, visas and the retention
        # plan go with the file: their foreign keys cascade on delete.
        self._session.execute(
            delete(TravellerFileRow).where(TravellerFileRow.file_id == file_id),
            execution_options=NO_SYNC,
        )

    def count(self) -> int:
        return self._session.scalar(select(func.count()).select_from(TravellerFileRow)) or 0

    def _refuse_taken_documents(self, file: TravellerFile) -> None:
        if not file.documents:
            return
        taken = self._session.scalar(
            select(TravelDocumentRow.file_id)
            .where(_any_document(document.key for document in file.documents))
            .where(TravelDocumentRow.file_id != file.file_id)
            .limit(1)
        )
        if taken is not None:
            raise DocumentConflictError("the travel document belongs to another individual file")

    def _insert_children(self, file: TravellerFile) -> None:
        nationalities, documents = child_values(file)
        if nationalities:
            self._session.execute(insert(NationalityRow), nationalities)
        if documents:
            self._session.execute(insert(TravelDocumentRow), documents)


def _any_document(keys: Iterable[DocumentKey]) -> ColumnElement[bool]:
    return or_(
        *(
            and_(
                TravelDocumentRow.issuing_state == key.issuing_state,
                TravelDocumentRow.number == key.number,
            )
            for key in keys
        )
    )
