"""Individual files as rows: the file with its nationalities, and its documents in order."""

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import BindParameter, Row, bindparam, select
from sqlalchemy.orm import Session

from limes.ees.model import (
    Biometrics,
    DocumentType,
    FingerprintStatus,
    Identity,
    Sex,
    TravelDocument,
    TravellerFile,
)
from limes.store.sql.code_lists import codes, ordered_text
from limes.store.sql.tables import TravelDocumentRow, TravellerFileRow, table_of

FILES = table_of(TravellerFileRow)
DOCUMENTS = table_of(TravelDocumentRow)

_FILE_IDS: BindParameter[list[str]] = bindparam("file_ids", expanding=True)
_FILES_BY_ID = select(FILES).where(FILES.c.file_id.in_(_FILE_IDS))
_DOCUMENTS_OF = (
    select(DOCUMENTS)
    .where(DOCUMENTS.c.file_id.in_(_FILE_IDS))
    .order_by(DOCUMENTS.c.file_id, DOCUMENTS.c.position)
)


def load_files(session: Session, file_ids: Sequence[str]) -> dict[str, TravellerFile]:
    """The files with these identifiers, by identifier; unknown identifiers are left out."""
    if not file_ids:
        return {}
    wanted = {"file_ids": list(file_ids)}
    rows = session.execute(_FILES_BY_ID, wanted).all()
    if not rows:
        return {}
    documents: defaultdict[str, list[TravelDocument]] = defaultdict(list)
    for document in session.execute(_DOCUMENTS_OF, wanted):
        documents[document.file_id].append(_document(document))
    return {row.file_id: _file(row, documents[row.file_id]) for row in rows}


def file_values(file: TravellerFile) -> dict[str, Any]:
    identity = file.identity
    biometrics = file.biometrics
    return {
        "file_id": file.file_id,
        "surname": identity.surname,
        "given_names": identity.given_names,
        "date_of_birth": identity.date_of_birth,
        "sex": identity.sex.value,
        "nationalities": ordered_text(identity.nationalities),
        "nationality": identity.nationalities[0] if identity.nationalities else None,
        "facial_image_ref": biometrics.facial_image_ref,
        "fingerprint_ref": biometrics.fingerprint_ref,
        "fingerprint_status": biometrics.fingerprint_status.value,
        "visa_required": file.visa_required,
        "family_member_of_eu_citizen": file.family_member_of_eu_citizen,
        "created_at": file.created_at,
        "responsible_state": file.responsible_state,
    }


def document_values(file: TravellerFile) -> list[dict[str, Any]]:
    """The document rows of `file`, in its order."""
    return [
        {
            "file_id": file.file_id,
            "position": position,
            "document_type": document.document_type.value,
            "issuing_state": document.issuing_state,
            "number": document.number,
            "expiry": document.expiry,
        }
        for position, document in enumerate(file.documents)
    ]


def _file(row: Row[Any], documents: list[TravelDocument]) -> TravellerFile:
    return TravellerFile(
        file_id=row.file_id,
        identity=Identity(
            surname=row.surname,
            given_names=row.given_names,
            date_of_birth=row.date_of_birth,
            nationalities=codes(row.nationalities),
            sex=Sex(row.sex),
        ),
        documents=tuple(documents),
        biometrics=Biometrics(
            facial_image_ref=row.facial_image_ref,
            fingerprint_ref=row.fingerprint_ref,
            fingerprint_status=FingerprintStatus(row.fingerprint_status),
        ),
        visa_required=row.visa_required,
        family_member_of_eu_citizen=row.family_member_of_eu_citizen,
        created_at=row.created_at,
        responsible_state=row.responsible_state,
    )


def _document(row: Row[Any]) -> TravelDocument:
    return TravelDocument(
        document_type=DocumentType(row.document_type),
        number=row.number,
        issuing_state=row.issuing_state,
        expiry=row.expiry,
    )
