"""Issued authorisations after the fact: annulment (art. 40), revocation (art. 41(1)) and the
rescreening of valid authorisations when new SIS alerts or watchlist data arrive
(art. 41(3)-(4)), which opens a revocation review (see `authorisations.py` for why it
never revokes on its own)."""

from collections.abc import Collection, Sequence

from limes.access.model import Actor
from limes.access.policy import Action, require
from limes.audit.recorder import record_event
from limes.etias import authorisations, workflow
from limes.etias.answers import RescreenReport
from limes.etias.errors import AuthorisationNotFoundError
from limes.etias.model import ApplicationFile, ApplicationStatus, RefusalGround
from limes.etias.service_base import EtiasServiceBase, subject


class AuthorisationUseCases(EtiasServiceBase):
    def annul(
        self,
        actor: Actor,
        authorisation_number: str,
        grounds: Sequence[RefusalGround],
        *,
        reason: str,
    ) -> ApplicationFile:
        """Art. 40: the conditions for issuing were not met at the time of issue."""
        require(actor, Action.ETIAS_AUTHORISATION_MANAGE)
        return self._end(actor, authorisation_number, "etias.authorisation.annul", grounds, reason)

    def revoke(
        self,
        actor: Actor,
        authorisation_number: str,
        grounds: Sequence[RefusalGround],
        *,
        reason: str,
    ) -> ApplicationFile:
        """Art. 41(1): the conditions for issuing are no longer met."""
        require(actor, Action.ETIAS_AUTHORISATION_MANAGE)
        return self._end(actor, authorisation_number, "etias.authorisation.revoke", grounds, reason)

    def rescreen(self, actor: Actor, *, sources: Collection[str] | None = None) -> RescreenReport:
        """Run the sources (all, or those named) again over every valid authorisation.

        A hit not seen before opens a revocation review for the National Unit of the state
        that entered the data (art. 41(3)-(4)); an art. 20(4) alert only notifies. Hits
        already on the file, or found false before, are not raised again.
        """
        require(actor, Action.ETIAS_CENTRAL_VERIFY)
        chosen = [s for s in self._sources if sources is None or s.name in sources]
        now = self._now()
        checked = notifications = 0
        reviews: list[str] = []
        with self._unit_of_work() as uow:
            for file in list(uow.applications.valid_authorisations(now.date())):
                checked += 1
                known = {hit.ref for hit in file.hits} | set(file.cleared_refs)
                fresh = [
                    hit
                    for source in chosen
                    for hit in source.check(file.application, at=now)
                    if hit.ref not in known
                ]
                if not fresh:
                    continue
                was_open = file.status is ApplicationStatus.REVOCATION_REVIEW
                file = authorisations.open_revocation_review(
                    file, workflow.number_hits(file, fresh, at=now), at=now
                )
                uow.applications.save(file)
                notifications += sum(1 for h in fresh if h.notification_only)
                if file.status is ApplicationStatus.REVOCATION_REVIEW and not was_open:
                    reviews.append(file.application_id)
                record_event(
                    uow.audit_log, actor, "etias.rescreen.hit", subject(file.application_id), now
                )
            record_event(uow.audit_log, actor, "etias.rescreen.run", "etias:rescreen", now)
            uow.commit()
        return RescreenReport(
            checked=checked, reviews_opened=tuple(reviews), notifications=notifications
        )

    def _end(
        self,
        actor: Actor,
        number: str,
        action: str,
        grounds: Sequence[RefusalGround],
        reason: str,
    ) -> ApplicationFile:
        now = self._now()
        end = authorisations.annul if action.endswith("annul") else authorisations.revoke
        with self._unit_of_work() as uow:
            file = uow.applications.get_by_authorisation(number)
            if file is None:
                raise AuthorisationNotFoundError("no travel authorisation with this number")
            file = end(file, grounds, reason=reason, by=actor.user_name, state=actor.state, at=now)
            uow.applications.save(file)
            record_event(uow.audit_log, actor, action, subject(file.application_id), now)
            uow.commit()
        return file
