"""Finding or creating the individual file a crossing belongs to; the file follows the person."""

from dataclasses import replace
from datetime import datetime
from typing import NamedTuple
from uuid import uuid4

from limes.ees.commands import TravellerData
from limes.ees.errors import DocumentConflictError, TravellerNotFoundError
from limes.ees.model import Biometrics, DocumentKey, TravellerFile, TravellerHistory
from limes.ees.ports import UnitOfWork


def new_identifier() -> str:
    return uuid4().hex


def history_for_document(uow: UnitOfWork, document: DocumentKey) -> TravellerHistory:
    """The history of the file holding `document`; TravellerNotFoundError if none."""
    file = uow.traveller_files.find_by_document(document)
    history = uow.traveller_files.history(file.file_id) if file else None
    if history is None:
        raise TravellerNotFoundError("no individual file holds this travel document")
    return history


def find_history(
    uow: UnitOfWork, traveller: TravellerData, file_id: str | None
) -> TravellerHistory | None:
    """The existing file for this document, or the one named by `file_id` (identified by
    other means, e.g. a biometric search, when the person presents a new document)."""
    by_document = uow.traveller_files.find_by_document(traveller.document.key)
    if file_id is None:
        return uow.traveller_files.history(by_document.file_id) if by_document else None
    history = uow.traveller_files.history(file_id)
    if history is None:
        raise TravellerNotFoundError("no individual file has this identifier")
    if by_document is not None and by_document.file_id != file_id:
        raise DocumentConflictError("this travel document belongs to another individual file")
    return history


def create_file(
    uow: UnitOfWork,
    traveller: TravellerData,
    biometrics: Biometrics,
    *,
    visa_required: bool,
    at: datetime,
    responsible_state: str,
) -> TravellerHistory:
    file = TravellerFile(
        file_id=new_identifier(),
        identity=traveller.identity,
        documents=(traveller.document,),
        biometrics=biometrics,
        visa_required=visa_required,
        family_member_of_eu_citizen=traveller.family_member_of_eu_citizen,
        created_at=at,
        responsible_state=responsible_state,
    )
    uow.traveller_files.add(file)
    return TravellerHistory(file=file)


def update_file(
    uow: UnitOfWork,
    history: TravellerHistory,
    traveller: TravellerData,
    biometrics: Biometrics,
    *,
    visa_required: bool,
) -> TravellerHistory:
    """Add a newly presented document, refresh document data, biometrics and flags.

    Identity data are not overwritten here: correcting them is a rectification (art. 35).
    """
    file = history.file
    presented = traveller.document
    kept = [doc for doc in file.documents if doc.key != presented.key]
    documents = (*kept, presented)
    updated = replace(
        file,
        documents=documents,
        biometrics=biometrics,
        visa_required=visa_required,
        family_member_of_eu_citizen=traveller.family_member_of_eu_citizen,
    )
    if updated != file:
        uow.traveller_files.save(updated)
    return replace(history, file=updated)


class FileWrite(NamedTuple):
    history: TravellerHistory
    created: bool
    # Created, or it now holds a document it did not hold before: what the
    # multiple-identity check must see again (Reg. 2019/817 art. 27).
    identity_changed: bool


def write_file(
    uow: UnitOfWork,
    history: TravellerHistory | None,
    traveller: TravellerData,
    biometrics: Biometrics,
    *,
    visa_required: bool,
    at: datetime,
    responsible_state: str,
) -> FileWrite:
    """Create the file, or update the one found, and say what changed."""
    if history is None:
        created = create_file(
            uow,
            traveller,
            biometrics,
            visa_required=visa_required,
            at=at,
            responsible_state=responsible_state,
        )
        return FileWrite(created, True, True)
    known = _document_keys(history)
    updated = update_file(uow, history, traveller, biometrics, visa_required=visa_required)
    return FileWrite(updated, False, _document_keys(updated) != known)


def _document_keys(history: TravellerHistory) -> frozenset[DocumentKey]:
    return frozenset(document.key for document in history.file.documents)
