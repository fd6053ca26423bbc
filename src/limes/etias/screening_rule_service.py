"""The Central Unit keeps the screening rules (art. 33(6)): each change is a new version,
written by a named person with its reason; old versions stay for audit."""

from collections.abc import Sequence

from limes.access.model import Actor
from limes.access.policy import Action, require
from limes.audit.recorder import record_event
from limes.etias.errors import ScreeningRuleNotFoundError
from limes.etias.screening_rules import Condition, RiskKind, ScreeningRule, new_version
from limes.etias.service_base import EtiasServiceBase


class ScreeningRuleUseCases(EtiasServiceBase):
    def add_screening_rule(
        self,
        actor: Actor,
        *,
        risk: RiskKind,
        conditions: Sequence[Condition],
        reason: str,
        rule_id: str | None = None,
    ) -> ScreeningRule:
        """Version 1 of a new risk indicator; raises InvalidScreeningRuleError if art. 33(4)-
        (5) forbids it."""
        require(actor, Action.ETIAS_RULES_MANAGE)
        now = self._now()
        rule = ScreeningRule(
            rule_id=rule_id or f"rule-{self._new_id()[:12]}",
            version=1,
            author=actor.user_name,
            reason=reason,
            created_at=now,
            risk=risk,
            conditions=tuple(conditions),
        )
        with self._unit_of_work() as uow:
            uow.screening_rules.add(rule)
            record_event(uow.audit_log, actor, "etias.rule.add", f"rule:{rule.ref}", now)
            uow.commit()
        return rule

    def change_screening_rule(
        self,
        actor: Actor,
        rule_id: str,
        *,
        reason: str,
        risk: RiskKind | None = None,
        conditions: Sequence[Condition] | None = None,
        active: bool | None = None,
    ) -> ScreeningRule:
        """A new version with the changes (`active=False` withdraws the rule)."""
        require(actor, Action.ETIAS_RULES_MANAGE)
        now = self._now()
        with self._unit_of_work() as uow:
            latest = uow.screening_rules.latest(rule_id)
            if latest is None:
                raise ScreeningRuleNotFoundError("no screening rule with this id")
            rule = new_version(
                latest,
                author=actor.user_name,
                reason=reason,
                at=now,
                risk=risk,
                conditions=None if conditions is None else tuple(conditions),
                active=active,
            )
            uow.screening_rules.add(rule)
            record_event(uow.audit_log, actor, "etias.rule.change", f"rule:{rule.ref}", now)
            uow.commit()
        return rule

    def screening_rules(self, actor: Actor) -> list[ScreeningRule]:
        """The rules in force: the latest active version of each."""
        require(actor, Action.ETIAS_RULES_MANAGE)
        with self._unit_of_work() as uow:
            rules = list(uow.screening_rules.active())
            record_event(uow.audit_log, actor, "etias.rule.read", "rule:active", self._now())
            uow.commit()
        return rules

    def screening_rule_history(self, actor: Actor, rule_id: str) -> list[ScreeningRule]:
        """Every version of one rule, oldest first."""
        require(actor, Action.ETIAS_RULES_MANAGE)
        with self._unit_of_work() as uow:
            history = list(uow.screening_rules.history(rule_id))
            record_event(uow.audit_log, actor, "etias.rule.read", f"rule:{rule_id}", self._now())
            uow.commit()
        if not history:
            raise ScreeningRuleNotFoundError("no screening rule with this id")
        return history
