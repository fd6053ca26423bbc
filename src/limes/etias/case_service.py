"""The people on a case: the Central Unit verifies hits (art. 22), the National Unit of the
Member State responsible assesses and decides (art. 26-27, 36-37, 44).

A National Unit sees only its own Member State's cases (`actor.state`, art. 25); the
Central Unit sees every case waiting for it. Queues run earliest deadline first.
"""

from collections.abc import Collection
from datetime import datetime

from limes.access.model import Actor, Role
from limes.access.policy import Action, require
from limes.audit.recorder import record_event
from limes.etias import enquiries, workflow
from limes.etias.model import (
    NATIONAL_UNIT_STATUSES,
    ApplicationFile,
    ApplicationStatus,
    Decision,
    HitStatus,
)
from limes.etias.ports import EtiasUnitOfWork
from limes.etias.service_base import EtiasServiceBase, subject

_PAGE = 200


class CaseUseCases(EtiasServiceBase):
    def case(self, actor: Actor, application_id: str) -> ApplicationFile:
        """The whole file, for the Central Unit or the responsible National Unit."""
        require(actor, Action.ETIAS_CASE_READ)
        with self._unit_of_work() as uow:
            file = self._file(uow, application_id)
            self._require_reader(actor, file)
            record_event(
                uow.audit_log, actor, Action.ETIAS_CASE_READ, subject(application_id), self._now()
            )
            uow.commit()
        return file

    def central_unit_queue(
        self, actor: Actor, *, limit: int = 50, offset: int = 0
    ) -> list[ApplicationFile]:
        """Cases with hits to verify, the 12-hour deadline nearest first (art. 22(6))."""
        require(actor, Action.ETIAS_CENTRAL_VERIFY)
        return self._queue(
            actor,
            "etias.central_unit.queue",
            {ApplicationStatus.CENTRAL_UNIT_VERIFICATION},
            None,
            limit,
            offset,
        )

    def national_unit_queue(
        self, actor: Actor, *, limit: int = 50, offset: int = 0
    ) -> list[ApplicationFile]:
        """The actor's Member State's cases: assessments, pending replies and interviews,
        revocation reviews; the nearest deadline first."""
        require(actor, Action.ETIAS_NATIONAL_DECIDE)
        return self._queue(
            actor, "etias.national_unit.queue", NATIONAL_UNIT_STATUSES, actor.state, limit, offset
        )

    def verify_hit(
        self,
        actor: Actor,
        application_id: str,
        hit_id: str,
        verdict: HitStatus,
        reason: str,
    ) -> ApplicationFile:
        """The Central Unit's verdict on a hit; the last verdict moves the case on."""
        require(actor, Action.ETIAS_CENTRAL_VERIFY)
        return self._change(
            actor,
            application_id,
            "etias.hit.verify",
            lambda file, now: workflow.verify_hit(
                file,
                hit_id,
                verdict,
                reason=reason,
                by=actor.user_name,
                at=now,
                authorisation_number=self._number(),
            ),
        )

    def request_information(
        self, actor: Actor, application_id: str, questions: str
    ) -> ApplicationFile:
        """Art. 27(1)-(2): ask the applicant for information; they have 10 days."""
        require(actor, Action.ETIAS_NATIONAL_DECIDE)
        return self._change(
            actor,
            application_id,
            "etias.information.request",
            lambda file, now: enquiries.request_information(
                file, questions, by=actor.user_name, state=actor.state, at=now
            ),
        )

    def invite_to_interview(
        self,
        actor: Actor,
        application_id: str,
        *,
        scheduled_at: datetime,
        remote: bool,
        reason: str,
    ) -> ApplicationFile:
        """Art. 27(4): invite the applicant to an interview, as a last resort."""
        require(actor, Action.ETIAS_NATIONAL_DECIDE)
        return self._change(
            actor,
            application_id,
            "etias.interview.invite",
            lambda file, now: enquiries.invite_to_interview(
                file,
                scheduled_at=scheduled_at,
                remote=remote,
                reason=reason,
                by=actor.user_name,
                state=actor.state,
                at=now,
            ),
        )

    def record_interview(
        self, actor: Actor, application_id: str, *, attended: bool, notes: str = ""
    ) -> ApplicationFile:
        """Whether the applicant attended; the decision is then due within 48 hours."""
        require(actor, Action.ETIAS_NATIONAL_DECIDE)
        return self._change(
            actor,
            application_id,
            "etias.interview.record",
            lambda file, now: enquiries.record_interview(
                file, attended=attended, notes=notes, by=actor.user_name, state=actor.state, at=now
            ),
        )

    def decide(self, actor: Actor, application_id: str, decision: Decision) -> ApplicationFile:
        """Issue, issue with flags, refuse with grounds, issue with limited territorial
        validity; or, in a revocation review, keep or revoke."""
        require(actor, Action.ETIAS_NATIONAL_DECIDE)
        return self._change(
            actor,
            application_id,
            f"etias.decision.{decision.kind.value}",
            lambda file, now: workflow.decide(
                file,
                decision,
                by=actor.user_name,
                state=actor.state,
                at=now,
                authorisation_number=self._number(),
            ),
        )

    def overdue(self, actor: Actor) -> list[ApplicationFile]:
        """The actor's cases past their deadline: the Central Unit's, and the National
        Unit's of the actor's Member State."""
        require(actor, Action.ETIAS_CASE_READ)
        now = self._now()
        found: list[ApplicationFile] = []
        with self._unit_of_work() as uow:
            if Role.ETIAS_CENTRAL_UNIT in actor.roles:
                found += self._late(uow, {ApplicationStatus.CENTRAL_UNIT_VERIFICATION}, None, now)
            if Role.ETIAS_UNIT in actor.roles:
                found += self._late(uow, NATIONAL_UNIT_STATUSES, actor.state, now)
            record_event(uow.audit_log, actor, "etias.overdue.read", "etias:overdue", now)
            uow.commit()
        return workflow.overdue(found, now)

    @staticmethod
    def _late(
        uow: EtiasUnitOfWork,
        statuses: Collection[ApplicationStatus],
        state: str | None,
        now: datetime,
    ) -> list[ApplicationFile]:
        """Queue pages up to the first case not yet due (the queue is by deadline)."""
        late: list[ApplicationFile] = []
        while True:
            page = uow.applications.queue(
                statuses, responsible_state=state, limit=_PAGE, offset=len(late)
            )
            due = [f for f in page if f.deadline is not None and f.deadline < now]
            late += due
            if len(due) < _PAGE:
                return late

    def _queue(
        self,
        actor: Actor,
        action: str,
        statuses: Collection[ApplicationStatus],
        state: str | None,
        limit: int,
        offset: int,
    ) -> list[ApplicationFile]:
        with self._unit_of_work() as uow:
            found = list(
                uow.applications.queue(
                    statuses, responsible_state=state, limit=limit, offset=offset
                )
            )
            record_event(uow.audit_log, actor, action, "etias:queue", self._now())
            uow.commit()
        return found
