"""ETIAS's check against the EES: refusals of entry and overstays (art. 20(2)(g)-(h)),
found by travel document and, through the CIR, by identity the screening engine confirms."""

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Protocol

from limes.core.documents import normalise_document_number
from limes.core.names import to_mrz_characters
from limes.core.transaction import Transaction
from limes.ees.model import DocumentKey
from limes.ees.ports import TravellerFiles
from limes.etias.model import Application, CheckKind, FieldMatch, Hit
from limes.interop.etias_evidence import document_match, explanation, name_evidence
from limes.interop.model import System
from limes.interop.ports import SystemRecords
from limes.interop.screening_subjects import applicant
from limes.screening.engine import compare
from limes.screening.model import Comparison, Decision, Name, Person


class EesUnitOfWork(Transaction, Protocol):
    traveller_files: TravellerFiles
    system_records: SystemRecords


_CIR_CANDIDATES = 200


class EesSource:
    """Refusals of entry and overstays recorded in the EES (art. 20(2)(g)-(h))."""

    name = "ees"

    def __init__(self, unit_of_work: Callable[[], EesUnitOfWork]) -> None:
        self._uow = unit_of_work

    def check(self, application: Application, *, at: datetime) -> Sequence[Hit]:
        form = application.form
        person = applicant(form)
        document = form.travel_document
        key = DocumentKey(
            document.issuing_country.upper(), normalise_document_number(document.number)
        )
        hits: list[Hit] = []
        with self._uow() as uow:
            files: dict[str, tuple[FieldMatch, Comparison | None]] = {}
            by_document = uow.traveller_files.find_by_document(key)
            if by_document is not None:
                files[by_document.file_id] = (document_match("travel_documents"), None)
            candidates = uow.system_records.find_by_identity(
                name_key=to_mrz_characters(form.surname),
                date_of_birth=form.date_of_birth,
                limit=_CIR_CANDIDATES,
            )
            for record in candidates:
                if record.system is not System.EES or record.record_id in files:
                    continue
                other = Person(
                    names=(
                        Name(family=record.identity.surname, given=record.identity.given_names),
                    ),
                    birth_date=(
                        record.identity.date_of_birth.isoformat()
                        if record.identity.date_of_birth
                        else None
                    ),
                    nationalities=record.identity.nationalities,
                    sex=record.identity.sex if record.identity.sex in ("M", "F") else None,
                )
                found = compare(person, other)
                if found.decision is Decision.MATCH:
                    files[record.record_id] = (name_evidence(found, "identity"), found)
            for file_id, (evidence, comparison) in files.items():
                history = uow.traveller_files.history(file_id)
                if history is None:
                    continue
                state = history.file.responsible_state
                for refusal in history.refusals:
                    hits.append(
                        _ees_hit(
                            CheckKind.EES_REFUSED_ENTRY,
                            refusal.record_id,
                            state,
                            evidence,
                            comparison,
                            refusal.crossing.at,
                        )
                    )
                for entry in history.entries:
                    overstayed = entry.overstay_flagged_at is not None or (
                        entry.exit is not None and entry.exit.day > entry.authorised_stay_until
                    )
                    if overstayed:
                        hits.append(
                            _ees_hit(
                                CheckKind.EES_OVERSTAYER,
                                entry.record_id,
                                state,
                                evidence,
                                comparison,
                                entry.entry.at,
                            )
                        )
        return hits


def _ees_hit(
    check: CheckKind,
    record_id: str,
    state: str,
    evidence: FieldMatch,
    comparison: Comparison | None,
    created_at: datetime,
) -> Hit:
    return Hit(
        check=check,
        source="ees",
        record_ref=record_id,
        member_state=state,
        matched_fields=(evidence,),
        score=comparison.score if comparison else 1.0,
        explanation=explanation(comparison) if comparison else ("document: same number",),
        record_created_at=created_at,
    )
