"""What every ETIAS use case shares: the unit of work, the clock, the art. 20 sources,
identifiers, file look-ups and the automated processing itself."""

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Final
from uuid import uuid4

from limes.access.model import Actor, Role
from limes.audit.recorder import record_event
from limes.core.documents import normalise_document_number
from limes.core.time import Clock
from limes.etias import checks
from limes.etias.errors import ApplicationNotFoundError, NotResponsibleStateError
from limes.etias.model import Application, ApplicationFile, Hit
from limes.etias.ports import CheckSource, EtiasUnitOfWork

UnitOfWorkFactory = Callable[[], EtiasUnitOfWork]
Step = Callable[[ApplicationFile, datetime], ApplicationFile]

# Who acts when the ETIAS Central System itself runs a job (the rescreening of art. 41(3)-
# (4)): it works with the Central Unit's rights.
CENTRAL_SYSTEM_ACTOR: Final = Actor(
    user_name="etias-central-system",
    roles=frozenset({Role.ETIAS_CENTRAL_UNIT}),
    authority="ETIAS Central System",
    state="",
    purpose="automated_processing",
)


def subject(application_id: str) -> str:
    """The audit subject of an application file."""
    return f"etias:{application_id}"


class EtiasServiceBase:
    def __init__(
        self,
        unit_of_work: UnitOfWorkFactory,
        clock: Clock,
        sources: Sequence[CheckSource] = (),
        new_id: Callable[[], str] = lambda: uuid4().hex,
    ) -> None:
        self._unit_of_work = unit_of_work
        self._clock = clock
        self._sources = tuple(sources)
        self._new_id = new_id

    def _now(self) -> datetime:
        return self._clock.now()

    def _number(self) -> str:
        """A travel authorisation number."""
        return f"TA-{self._new_id().upper()}"

    @staticmethod
    def _file(uow: EtiasUnitOfWork, application_id: str) -> ApplicationFile:
        file = uow.applications.get(application_id)
        if file is None:
            raise ApplicationNotFoundError("no application with this id")
        return file

    @staticmethod
    def _applicants_file(
        uow: EtiasUnitOfWork, application_id: str, document_number: str
    ) -> ApplicationFile:
        """The applicant's own file: they prove it is theirs with the document number.

        A wrong number answers exactly like an unknown id, so the pair cannot be probed.
        """
        file = uow.applications.get(application_id)
        if file is None or normalise_document_number(
            file.application.form.travel_document.number
        ) != normalise_document_number(document_number):
            raise ApplicationNotFoundError("no application with this id and document")
        return file

    @staticmethod
    def _require_reader(actor: Actor, file: ApplicationFile) -> None:
        """The Central Unit reads every case; a National Unit those of its own state."""
        if Role.ETIAS_CENTRAL_UNIT in actor.roles:
            return
        if file.responsible_state != actor.state:
            raise NotResponsibleStateError(
                "a National Unit reads the cases of its own Member State (art. 25)"
            )

    def _change(
        self, actor: Actor, application_id: str, action: str, step: Step
    ) -> ApplicationFile:
        """One workflow step on one file: read, step, save, audit, commit."""
        now = self._now()
        with self._unit_of_work() as uow:
            file = step(self._file(uow, application_id), now)
            uow.applications.save(file)
            record_event(uow.audit_log, actor, action, subject(application_id), now)
            uow.commit()
        return file

    def _automated_processing(
        self, uow: EtiasUnitOfWork, application: Application, *, at: datetime
    ) -> list[Hit]:
        """Art. 20: ETIAS's own records, the applicant's answers, the screening rules and
        every injected source, in that order; nothing is written here."""
        form = application.form
        document = form.travel_document
        hits = checks.etias_record_hits(
            application,
            uow.applications.find_by_document(document.issuing_country, document.number),
            uow.applications.find_by_email(form.email),
        )
        hits.extend(checks.declared_hits(application))
        hits.extend(
            checks.screening_rule_hits(uow.screening_rules.active(), application, on=at.date())
        )
        for source in self._sources:
            hits.extend(source.check(application, at=at))
        return hits
