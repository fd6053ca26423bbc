"""Individual files in SQL; a travel document belongs to one file at most."""

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from limes.biometrics.model import SubjectRef
from limes.ees.errors import DocumentConflictError, TravellerNotFoundError
from limes.ees.model import DocumentKey, TravellerFile, TravellerHistory
from limes.interop.model import System, record_key
from limes.store.sql.biometric_templates import SqlTemplates
from limes.store.sql.errors import translated_errors
from limes.store.sql.links import SqlLinks
from limes.store.sql.records import entries_of_file, refusals_of_file
from limes.store.sql.statements import changed_rows
from limes.store.sql.system_records import SqlSystemRecords
from limes.store.sql.traveller_file_rows import (
    DOCUMENTS,
    FILES,
    document_values,
    file_values,
    load_files,
)
from limes.store.sql.visas import visas_of_file

_HOLDER_OF_DOCUMENT = select(DOCUMENTS.c.file_id).where(
    DOCUMENTS.c.issuing_state == bindparam("issuing_state"),
    DOCUMENTS.c.number == bindparam("number"),
)
_UPDATE_FILE = update(FILES).where(FILES.c.file_id == bindparam("saved_file_id"))
_DELETE_DOCUMENTS = delete(DOCUMENTS).where(DOCUMENTS.c.file_id == bindparam("file_id"))
_DELETE_FILE = delete(FILES).where(FILES.c.file_id == bindparam("file_id"))
_COUNT_FILES = select(func.count()).select_from(FILES)
_INSERT_FILE = insert(FILES)
_INSERT_DOCUMENTS = insert(DOCUMENTS)


def erase_ees_interop_data(session: Session, file_id: str) -> None:
    key = record_key(System.EES, file_id)
    SqlLinks(session).erase_for_record(key)
    SqlSystemRecords(session).erase(key)
    SqlTemplates(session).erase_subject(SubjectRef(system=System.EES.value, record_id=file_id))


class SqlTravellerFiles:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, file: TravellerFile) -> None:
        # The unique (issuing state, number) index refuses a taken document, translated to
        # DocumentConflictError; no look-up first on this hot path (one new file per lane).
        with translated_errors():
            self._session.execute(_INSERT_FILE, [file_values(file)])
            self._insert_documents(file)

    def save(self, file: TravellerFile) -> None:
        self._refuse_taken_documents(file)  # before any change: a refusal changes nothing
        values = file_values(file) | {"saved_file_id": file.file_id}
        with translated_errors():
            if changed_rows(self._session, _UPDATE_FILE, values) == 0:
                raise TravellerNotFoundError("no individual file with this identifier")
            self._session.execute(_DELETE_DOCUMENTS, {"file_id": file.file_id})
            self._insert_documents(file)

    def get(self, file_id: str) -> TravellerFile | None:
        return load_files(self._session, [file_id]).get(file_id)

    def find_by_document(self, key: DocumentKey) -> TravellerFile | None:
        file_id = self._holder(key)
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
        # Documents, records, decisions, reasons, visas and the retention
        # plan go with the file: their foreign keys cascade on delete.
        self._session.execute(_DELETE_FILE, {"file_id": file_id})
        # So do its CIR record, MID links and sBMS templates (Reg. 2019/817 art. 35):
        # in the same transaction, so no identity outlives the file it came from.
        erase_ees_interop_data(self._session, file_id)

    def count(self) -> int:
        return self._session.scalar(_COUNT_FILES) or 0

    def _holder(self, key: DocumentKey) -> str | None:
        values = {"issuing_state": key.issuing_state, "number": key.number}
        return self._session.scalar(_HOLDER_OF_DOCUMENT, values)

    def _refuse_taken_documents(self, file: TravellerFile) -> None:
        for document in file.documents:
            holder = self._holder(document.key)
            if holder is not None and holder != file.file_id:
                raise DocumentConflictError(
                    "the travel document belongs to another individual file"
                )

    def _insert_documents(self, file: TravellerFile) -> None:
        if file.documents:
            self._session.execute(_INSERT_DOCUMENTS, document_values(file))
