"""Proving the audit log untouched (replay the hash chain from the first entry), and
auditing uses that read no stored record."""

from collections.abc import Callable
from datetime import datetime

from limes.access.model import Actor
from limes.access.policy import Action, require
from limes.audit.chain import ChainVerdict, verify_chain
from limes.audit.recorder import record_event
from limes.ees.ports import UnitOfWork


class AuditService:
    def __init__(self, unit_of_work: Callable[[], UnitOfWork]) -> None:
        self._unit_of_work = unit_of_work

    def verify(self, actor: Actor) -> ChainVerdict:
        require(actor, Action.AUDIT_VERIFY)
        with self._unit_of_work() as uow:
            return verify_chain(uow.audit_log.entries())

    def record_use(self, actor: Actor, action: Action, subject: str, at: datetime) -> None:
        """Audit an action that reads no stored record (e.g. comparing two names given in
        the request): who took it, with which roles, for what purpose, when."""
        require(actor, action)
        with self._unit_of_work() as uow:
            record_event(uow.audit_log, actor, action, subject, at)
            uow.commit()
