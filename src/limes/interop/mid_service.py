"""`MidService`: the manual-verification workflow of the Multiple-Identity Detector.

The queue shows an authority the yellow links it must verify (Reg. 2019/817 art. 29):
border authorities for links found on an EES write, visa authorities for VIS, ETIAS units
for ETIAS, the SIRENE Bureau for links to a SIS alert of its state. A person of that
authority resolves a link to white, green or red with a reason; the identity
confirmation file keeps every change. Reading a link's file follows art. 26: the
responsible authority sees every link; red links are visible to every authority with
access to the MID.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from limes.access.model import Actor, Role
from limes.access.policy import Action, require
from limes.audit.recorder import record_event
from limes.core.time import Clock
from limes.interop.errors import (
    InvalidLinkChangeError,
    LinkNotFoundError,
    NotResponsibleAuthorityError,
)
from limes.interop.link_statistics import LinkStatistics, link_statistics
from limes.interop.links import LinkTransitionError, change_colour, legal_basis
from limes.interop.model import Link, LinkColour, System, SystemRecord
from limes.interop.ports import InteropUnitOfWork

# Which system's links each role verifies (art. 29(1)).
RESPONSIBLE_FOR: Final[Mapping[Role, System]] = MappingProxyType(
    {
        Role.BORDER_GUARD: System.EES,
        Role.SUPERVISOR: System.EES,
        Role.VISA_AUTHORITY: System.VIS,
        Role.ETIAS_UNIT: System.ETIAS,
        Role.SIRENE: System.SIS,
    }
)
_STATISTICS_PAGE = 10_000


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkFile:
    """A link's identity confirmation file and, for its verifier, the two linked records."""

    link: Link
    record_a: SystemRecord | None
    record_b: SystemRecord | None
    legal_basis: str


class MidService:
    def __init__(self, unit_of_work: Callable[[], InteropUnitOfWork], clock: Clock) -> None:
        self._uow = unit_of_work
        self._clock = clock

    def queue(self, actor: Actor, *, limit: int = 50, offset: int = 0) -> list[Link]:
        """Yellow links this actor's authority must verify, earliest deadline first."""
        require(actor, Action.MID_QUEUE_READ)
        systems = _systems_of(actor)
        found: list[Link] = []
        with self._uow() as uow:
            for system in sorted(systems):
                found.extend(
                    uow.links.queue(
                        system=system, state=actor.state, limit=limit + offset, offset=0
                    )
                )
            record_event(uow.audit_log, actor, "mid.queue.read", "mid:queue", self._clock.now())
            uow.commit()
        found.sort(key=lambda link: (link.verify_by or link.created_at, link.link_id))
        return found[offset : offset + limit]

    def link_file(self, link_id: str, actor: Actor) -> LinkFile:
        require(actor, Action.MID_QUEUE_READ)
        with self._uow() as uow:
            link = self._get(uow, link_id)
            responsible = _is_responsible(actor, link)
            if not responsible and link.colour is not LinkColour.RED:
                raise NotResponsibleAuthorityError(
                    "only the authority responsible for this link may read its file"
                )
            record_a = uow.system_records.get(link.record_a) if responsible else None
            record_b = uow.system_records.get(link.record_b) if responsible else None
            record_event(
                uow.audit_log, actor, "mid.link.read", f"link:{link_id}", self._clock.now()
            )
            uow.commit()
        return LinkFile(
            link=link,
            record_a=record_a,
            record_b=record_b,
            legal_basis=legal_basis(link.colour, link.evidence, manual=len(link.history) > 1),
        )

    def resolve(self, link_id: str, colour: LinkColour, reason: str, actor: Actor) -> Link:
        """A person's verification: white (same person, justified), green or red."""
        require(actor, Action.MID_LINK_RESOLVE)
        now = self._clock.now()
        with self._uow() as uow:
            link = self._get(uow, link_id)
            if not _is_responsible(actor, link):
                raise NotResponsibleAuthorityError(
                    f"this link is verified by the {link.responsible_system.value} authority "
                    f"of {link.responsible_state}"
                )
            try:
                changed = change_colour(
                    link,
                    colour,
                    at=now,
                    by=actor.user_name,
                    authority=actor.authority,
                    reason=reason,
                )
            except LinkTransitionError as error:
                raise InvalidLinkChangeError(str(error)) from error
            uow.links.save(changed)
            if colour is LinkColour.WHITE:
                self._merge(uow, changed)
            record_event(uow.audit_log, actor, "mid.link.resolve", f"link:{link_id}", now)
            uow.commit()
        return changed

    def statistics(self, actor: Actor) -> LinkStatistics:
        require(actor, Action.MID_STATISTICS_READ)
        now = self._clock.now()
        with self._uow() as uow:
            links: list[Link] = []
            while page := uow.links.all(colour=None, limit=_STATISTICS_PAGE, offset=len(links)):
                links.extend(page)
                if len(page) < _STATISTICS_PAGE:
                    break
            record_event(uow.audit_log, actor, "mid.statistics.read", "mid:statistics", now)
            uow.commit()
        return link_statistics(links, now)

    @staticmethod
    def _get(uow: InteropUnitOfWork, link_id: str) -> Link:
        link = uow.links.get(link_id)
        if link is None:
            raise LinkNotFoundError("no link with this id")
        return link

    @staticmethod
    def _merge(uow: InteropUnitOfWork, link: Link) -> None:
        """A white link: both records belong to one identity in the CIR."""
        a, b = uow.system_records.get(link.record_a), uow.system_records.get(link.record_b)
        if a is not None and b is not None and a.identity_id != b.identity_id:
            uow.system_records.move_identity(b.identity_id, a.identity_id)


def _systems_of(actor: Actor) -> set[System]:
    return {RESPONSIBLE_FOR[role] for role in actor.roles if role in RESPONSIBLE_FOR}


def _is_responsible(actor: Actor, link: Link) -> bool:
    return link.responsible_system in _systems_of(actor) and actor.state == link.responsible_state
