"""Interop service tests run on the in-memory store with stand-in biometric engines."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest

from limes.access.model import Actor, Role
from limes.audit.model import AuditEvent
from limes.biometrics.model import SubjectRef
from limes.bootstrap import Services, wire
from limes.core.time import FixedClock
from limes.interop.commands import RecordOutcome, RecordRegistration
from limes.interop.model import IdentityData, System, TravelDocument
from limes.settings import MEMORY_DATABASE_URL, Settings
from limes.store.memory import MemoryStore, MemoryUnitOfWork
from tests.biometrics.fakes import fake_engines
from tests.builders import make_actor

GUARD = make_actor(Role.BORDER_GUARD)
SUPERVISOR = make_actor(Role.SUPERVISOR, name="supervisor-1")
VISA_OFFICER = make_actor(Role.VISA_AUTHORITY, name="visa-1")
SIRENE_NL = make_actor(Role.SIRENE, name="sirene-1")
GERMAN_GUARD = make_actor(Role.BORDER_GUARD, name="guard-de", state="DEU")


def identity(
    surname: str = "Jansen",
    given: str = "Piet",
    born: date | None = date(1980, 5, 17),
    nationality: str = "USA",
) -> IdentityData:
    return IdentityData(
        surname=surname,
        given_names=given,
        date_of_birth=born,
        sex="M",
        nationalities=(nationality,),
    )


def passport(number: str, state: str = "USA") -> TravelDocument:
    return TravelDocument(number=number, issuing_state=state)


@dataclass
class Interop:
    services: Services
    clock: FixedClock
    unit_of_work: Callable[[], MemoryUnitOfWork]

    def audit_events(self) -> list[AuditEvent]:
        with self.unit_of_work() as uow:
            return [entry.event for entry in uow.audit_log.entries()]

    def record(
        self,
        record_id: str,
        *,
        system: System = System.EES,
        who: IdentityData | None = None,
        documents: tuple[TravelDocument, ...] = (),
        face: bytes | None = None,
        finger: bytes | None = None,
        state: str = "NLD",
        actor: Actor = GUARD,
    ) -> RecordOutcome:
        """Enrol the face (if any) for the record, then register the record."""
        templates: tuple[str, ...] = ()
        subject = SubjectRef(system=system.value, record_id=record_id)
        if face is not None:
            enrolment = self.services.biometrics.enrol_face(subject, face, "kiosk-1", actor)
            templates = (enrolment.template_id,)
        if finger is not None:
            enrolled = self.services.biometrics.enrol_fingerprint(
                subject, finger, ppi=500, finger_position=2, capture_device="kiosk-1", actor=actor
            )
            templates = (*templates, enrolled.template_id)
        return self.services.identities.register_record(
            RecordRegistration(
                system=system,
                record_id=record_id,
                member_state=state,
                identity=who or identity(),
                documents=documents,
                template_ids=templates,
            ),
            actor,
        )


@pytest.fixture
def interop() -> Interop:
    clock = FixedClock()
    settings = Settings(database_url=MEMORY_DATABASE_URL, face_index="exact")
    store = MemoryStore()

    def unit_of_work() -> MemoryUnitOfWork:
        return MemoryUnitOfWork(store)

    return Interop(wire(unit_of_work, clock, settings, fake_engines()), clock, unit_of_work)
