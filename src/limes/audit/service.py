"""Proving the audit log untouched: replay the hash chain from the first entry."""

from collections.abc import Callable

from limes.access.model import Actor
from limes.access.policy import Action, require
from limes.audit.chain import ChainVerdict, verify_chain
from limes.ees.ports import UnitOfWork


class AuditService:
    def __init__(self, unit_of_work: Callable[[], UnitOfWork]) -> None:
        self._unit_of_work = unit_of_work

    def verify(self, actor: Actor) -> ChainVerdict:
        require(actor, Action.AUDIT_VERIFY)
        with self._unit_of_work() as uow:
            return verify_chain(uow.audit_log.entries())
