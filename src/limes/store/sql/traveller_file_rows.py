"""Individual files as rows: the file, its nationalities in order, its documents."""

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
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
from limes.store.sql.statements import FRESH
from limes.store.sql.tables import NationalityRow, TravelDocumentRow, TravellerFileRow


def child_values(file: TravellerFile) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The nationality rows and the document rows of `file`, positions kept."""
    nationalities = [
        {"file_id": file.file_id, "position": position, "nationality": nationality}
        for position, nationality in enumerate(file.identity.nationalities)
    ]
    documents = [
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
    return nationalities, documents


def load_files(session: Session, file_ids: Sequence[str]) -> dict[str, TravellerFile]:
    """The files with these identifiers, by identifier; unknown identifiers are left out."""
    if not file_ids:
        return {}
    rows = session.scalars(
        select(TravellerFileRow).where(TravellerFileRow.file_id.in_(file_ids)),
        execution_options=FRESH,
    ).all()
    if not rows:
        return {}
    nationalities: defaultdict[str, list[str]] = defaultdict(list)
    for nationality in session.scalars(
        select(NationalityRow)
        .where(NationalityRow.file_id.in_(file_ids))
        .order_by(NationalityRow.file_id, NationalityRow.position),
        execution_options=FRESH,
    ):
        nationalities[nationality.file_id].append(nationality.nationality)
    documents: defaultdict[str, list[TravelDocument]] = defaultdict(list)
    for document in session.scalars(
        select(TravelDocumentRow)
        .where(TravelDocumentRow.file_id.in_(file_ids))
        .order_by(TravelDocumentRow.file_id, TravelDocumentRow.position),
        execution_options=FRESH,
    ):
        documents[document.file_id].append(_document(document))
    return {
        row.file_id: _file(row, nationalities[row.file_id], documents[row.file_id]) for row in rows
    }


def file_values(file: TravellerFile) -> dict[str, Any]:
    identity = file.identity
    biometrics = file.biometrics
    return {
        "file_id": file.file_id,
        "surname": identity.surname,
        "given_names": identity.given_names,
        "date_of_birth": identity.date_of_birth,
        "sex": identity.sex.value,
        "facial_image_ref": biometrics.facial_image_ref,
        "fingerprint_ref": biometrics.fingerprint_ref,
        "fingerprint_status": biometrics.fingerprint_status.value,
        "visa_required": file.visa_required,
        "family_member_of_eu_citizen": file.family_member_of_eu_citizen,
        "created_at": file.created_at,
        "responsible_state": file.responsible_state,
    }


def _file(
    row: TravellerFileRow, nationalities: list[str], documents: list[TravelDocument]
) -> TravellerFile:
    return TravellerFile(
        file_id=row.file_id,
        identity=Identity(
            surname=row.surname,
            given_names=row.given_names,
            date_of_birth=row.date_of_birth,
            nationalities=tuple(nationalities),
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


def _document(row: TravelDocumentRow) -> TravelDocument:
    return TravelDocument(
        document_type=DocumentType(row.document_type),
        number=row.number,
        issuing_state=row.issuing_state,
        expiry=row.expiry,
    )
