"""Keeps the CIR in step with the EES: every EES write runs the multiple-identity check.

After an entry or refusal is committed (a file created or updated), and after a
template is enrolled for an EES file, the file's identity data, documents and templates
are registered with the `IdentityService`, which runs the check (Reg. 2019/817 art. 27).
A file whose data the CIR already holds unchanged is not checked again, so a routine
crossing costs one read. The border registration never waits on or fails because of the
MID: a failure is logged (with the file id only) and the check can be re-run later.
"""

import logging
from collections.abc import Callable

from limes.access.model import Actor
from limes.biometrics.model import SubjectRef
from limes.core.errors import LimesError
from limes.ees.model import TravellerFile
from limes.ees.ports import UnitOfWork
from limes.interop.commands import RecordRegistration
from limes.interop.identity_service import IdentityService
from limes.interop.model import IdentityData, System, TravelDocument, record_key
from limes.interop.ports import InteropUnitOfWork

log = logging.getLogger(__name__)


class EesInteropBridge:
    def __init__(
        self,
        ees_unit_of_work: Callable[[], UnitOfWork],
        interop_unit_of_work: Callable[[], InteropUnitOfWork],
        identities: IdentityService,
    ) -> None:
        self._ees = ees_unit_of_work
        self._interop = interop_unit_of_work
        self._identities = identities

    def file_written(self, file_id: str, actor: Actor) -> None:
        try:
            self._check(file_id, actor)
        except LimesError as error:
            log.warning("multiple-identity check of EES file %s failed: %s", file_id, error.code)

    def template_enrolled(self, subject: SubjectRef, actor: Actor) -> None:
        if subject.system == System.EES.value:
            self.file_written(subject.record_id, actor)

    def _check(self, file_id: str, actor: Actor) -> None:
        with self._ees() as uow:
            file = uow.traveller_files.get(file_id)
        if file is None:
            return
        with self._interop() as uow:
            subject = SubjectRef(system=System.EES.value, record_id=file_id)
            templates = tuple(t.template_id for t in uow.biometric_templates.for_subject(subject))
            held = uow.system_records.get(record_key(System.EES, file_id))
        registration = registration_of(file, templates)
        if held is not None and (held.identity, held.documents, held.template_ids) == (
            registration.identity,
            registration.documents,
            registration.template_ids,
        ):
            return
        self._identities.register_record(registration, actor)


def registration_of(file: TravellerFile, template_ids: tuple[str, ...]) -> RecordRegistration:
    identity = file.identity
    return RecordRegistration(
        system=System.EES,
        record_id=file.file_id,
        member_state=file.responsible_state,
        identity=IdentityData(
            surname=identity.surname,
            given_names=identity.given_names,
            date_of_birth=identity.date_of_birth,
            sex=identity.sex.value,
            nationalities=identity.nationalities,
        ),
        documents=tuple(
            TravelDocument(number=d.number, issuing_state=d.issuing_state) for d in file.documents
        ),
        template_ids=template_ids,
    )
