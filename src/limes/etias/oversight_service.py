"""Oversight: what a proposed watchlist entry or screening rule would cost (art. 35(1)(b),
33), who bears the outcomes (art. 10, 33(5)), and erasure when retention ends (art. 54)."""

from collections.abc import Callable

from limes.access.model import Actor
from limes.access.policy import Action, require
from limes.audit.recorder import record_event
from limes.etias.model import Application
from limes.etias.ports import CheckSource
from limes.etias.retention import erase_after
from limes.etias.screening_rules import ScreeningRule, evaluate, validate_rule
from limes.etias.service_base import EtiasServiceBase, subject
from limes.etias.statistics import FairnessReport, ImpactReport, fairness_report, impact_report


class OversightUseCases(EtiasServiceBase):
    def impact_assessment(
        self, actor: Actor, proposed: CheckSource | ScreeningRule
    ) -> ImpactReport:
        """Replay a proposal over the stored applications: how many it hits, and how many
        of those would newly go to manual processing, by nationality, sex and age band.

        A proposed watchlist entry comes as a `CheckSource` built around it (the matching
        lives outside ETIAS); a screening rule is checked against art. 33 and evaluated as
        of each application's submission day.
        """
        require(actor, Action.ETIAS_IMPACT_ASSESS)
        now = self._now()
        hits: Callable[[Application], bool]
        if isinstance(proposed, ScreeningRule):
            validate_rule(proposed)
            rule = proposed

            def hits(application: Application) -> bool:
                return bool(evaluate([rule], application, on=application.submitted_at.date()))

        else:
            source = proposed

            def hits(application: Application) -> bool:
                return bool(source.check(application, at=now))

        with self._unit_of_work() as uow:
            report = impact_report((f, hits(f.application)) for f in uow.applications.all())
            record_event(uow.audit_log, actor, Action.ETIAS_IMPACT_ASSESS, "etias:impact", now)
            uow.commit()
        return report

    def fairness_report(self, actor: Actor) -> FairnessReport:
        """Outcomes by nationality, sex and age band, cells under five suppressed."""
        require(actor, Action.ETIAS_STATISTICS_READ)
        now = self._now()
        with self._unit_of_work() as uow:
            report = fairness_report(uow.applications.all())
            record_event(uow.audit_log, actor, Action.ETIAS_STATISTICS_READ, "etias:fairness", now)
            uow.commit()
        return report

    def apply_retention(self, actor: Actor) -> int:
        """Erase every application file whose retention period has ended; how many."""
        require(actor, Action.RETENTION_RUN)
        now = self._now()
        with self._unit_of_work() as uow:
            due = [
                f.application_id
                for f in uow.applications.all()
                if (until := erase_after(f)) is not None and until <= now
            ]
            for application_id in due:
                uow.applications.erase(application_id)
                record_event(
                    uow.audit_log, actor, "etias.retention.erase", subject(application_id), now
                )
            uow.commit()
        return len(due)
