"""ETIAS oversight routes: the screening rules and their versions (art. 33), the impact
assessment of a proposed rule or watchlist entry (art. 35(1)(b)), and the fairness report
(art. 10, 33(5)). Mounted under /etias by `api/etias.py`."""

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Path
from pydantic import Field, StringConstraints, model_validator

from limes.access.model import Actor
from limes.access.policy import Action
from limes.api.deps import ServicesDep, permitted, roles_note
from limes.api.errors import error_responses
from limes.api.etias_forms import Statement
from limes.api.fields import Identifier, Schema
from limes.api.watchlist_schemas import WatchlistEntryCreate
from limes.etias.screening_rules import Condition, RiskKind, ScreeningRule
from limes.etias.statistics import Cell, FairnessReport, ImpactReport
from limes.interop.etias_watchlist_source import ProposedEntrySource
from limes.watchlists.responsibility import entering_party
from limes.watchlists.validation import EUROPOL

router = APIRouter(responses=error_responses(400, 401, 403, 413, 422, 503))

RuleManager = Annotated[Actor, permitted(Action.ETIAS_RULES_MANAGE, "etias_screening_rules")]
Assessor = Annotated[Actor, permitted(Action.ETIAS_IMPACT_ASSESS, "etias_impact_assessment")]
Statistician = Annotated[Actor, permitted(Action.ETIAS_STATISTICS_READ, "statistics")]
RuleId = Annotated[Identifier, Path(description="The screening rule's identifier.")]

AttributeName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]{0,39}$")]
ConditionValue = Annotated[str, StringConstraints(pattern=r"^[^\x00-\x1f\x7f]{1,100}$")]
Age = Annotated[int, Field(ge=0, le=150)]
PROPOSED_RULE_ID = "proposed"


class ConditionBody(Schema):
    """One attribute and the values it may take, or an age range (`age_range`).

    Art. 33(4) allows only `age_range`, `sex`, `nationality`, `country_of_residence`,
    `city_of_residence`, `education_level` and `occupation`; any other attribute, or a
    rule resting solely on sex or age, is refused (`etias.invalid_screening_rule`)."""

    attribute: AttributeName
    values: Annotated[tuple[ConditionValue, ...], Field(max_length=50)] = ()
    min_age: Age | None = None
    max_age: Age | None = None

    def to_domain(self) -> Condition:
        return Condition(
            attribute=self.attribute,
            values=self.values,
            min_age=self.min_age,
            max_age=self.max_age,
        )

    @classmethod
    def from_domain(cls, condition: Condition) -> "ConditionBody":
        return cls(
            attribute=condition.attribute,
            values=condition.values,
            min_age=condition.min_age,
            max_age=condition.max_age,
        )


Conditions = Annotated[tuple[ConditionBody, ...], Field(max_length=10)]


class ScreeningRuleCreate(Schema):
    """A new risk indicator: what it points to, its conditions (all must hold), and what
    it rests on (art. 33(2))."""

    rule_id: Identifier | None = Field(default=None, description="Default: a new identifier.")
    risk: RiskKind
    conditions: Conditions
    reason: Statement

    def proposal(self, author: str, at: datetime) -> ScreeningRule:
        """The rule as it would be stored, for an impact assessment (nothing is stored)."""
        return ScreeningRule(
            rule_id=self.rule_id or PROPOSED_RULE_ID,
            version=1,
            author=author,
            reason=self.reason,
            created_at=at,
            risk=self.risk,
            conditions=tuple(c.to_domain() for c in self.conditions),
        )


class ScreeningRuleChange(Schema):
    """A new version of a rule: the fields given change; `active: false` withdraws it."""

    reason: Statement
    risk: RiskKind | None = None
    conditions: Conditions | None = None
    active: bool | None = None


class ScreeningRuleRead(Schema):
    rule_id: str
    version: int
    ref: str
    author: str
    reason: str
    created_at: str
    risk: str
    conditions: list[ConditionBody]
    active: bool

    @classmethod
    def from_domain(cls, rule: ScreeningRule) -> "ScreeningRuleRead":
        return cls(
            rule_id=rule.rule_id,
            version=rule.version,
            ref=rule.ref,
            author=rule.author,
            reason=rule.reason,
            created_at=rule.created_at.isoformat(),
            risk=rule.risk.value,
            conditions=[ConditionBody.from_domain(c) for c in rule.conditions],
            active=rule.active,
        )


class ImpactBody(Schema):
    """Exactly one proposal: a screening rule, or an ETIAS watchlist entry (as posted to
    /watchlist/entries; entered by the caller's party)."""

    rule: ScreeningRuleCreate | None = None
    entry: WatchlistEntryCreate | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> "ImpactBody":
        if (self.rule is None) == (self.entry is None):
            raise ValueError("give either a rule or an entry")
        return self


def entry_proposal(entry: WatchlistEntryCreate, actor: Actor, at: datetime) -> ProposedEntrySource:
    """A proposed watchlist entry as the source an impact assessment replays."""
    # The Central Unit enters no watchlist data (art. 34(2)) but may assess an entry; the
    # party only names the hits' Member State, which the report does not count.
    return ProposedEntrySource(entry.to_domain(entering_party(actor) or EUROPOL, at))


class CellRead(Schema):
    dimension: str
    value: str
    outcome: str
    count: int | None = Field(description="None: fewer than `min_count`, suppressed.")

    @classmethod
    def from_domain(cls, cell: Cell) -> "CellRead":
        return cls(
            dimension=cell.dimension, value=cell.value, outcome=cell.outcome, count=cell.count
        )


class ImpactReportRead(Schema):
    """How many stored applications the proposal hits, and how many of those were issued
    without verification and would now go to manual processing, by dimension."""

    replayed: int
    would_hit: int
    additional_manual: int
    additional_manual_rate: float
    cells: list[CellRead]
    suppressed_cells: int
    min_count: int

    @classmethod
    def from_domain(cls, report: ImpactReport) -> "ImpactReportRead":
        return cls(
            replayed=report.replayed,
            would_hit=report.would_hit,
            additional_manual=report.additional_manual,
            additional_manual_rate=report.additional_manual_rate,
            cells=[CellRead.from_domain(cell) for cell in report.cells],
            suppressed_cells=report.suppressed_cells,
            min_count=report.min_count,
        )


class OutcomeCount(Schema):
    outcome: str
    count: int | None


class FairnessReportRead(Schema):
    """Outcomes overall and by nationality, sex and age band; small cells suppressed."""

    total: int
    outcomes: list[OutcomeCount]
    cells: list[CellRead]
    suppressed_cells: int
    min_count: int

    @classmethod
    def from_domain(cls, report: FairnessReport) -> "FairnessReportRead":
        return cls(
            total=report.total,
            outcomes=[OutcomeCount(outcome=o, count=n) for o, n in report.outcomes],
            cells=[CellRead.from_domain(cell) for cell in report.cells],
            suppressed_cells=report.suppressed_cells,
            min_count=report.min_count,
        )


@router.get(
    "/screening-rules",
    summary="The screening rules in force: the latest active version of each (art. 33)",
    description=roles_note(Action.ETIAS_RULES_MANAGE),
)
def list_screening_rules(services: ServicesDep, actor: RuleManager) -> list[ScreeningRuleRead]:
    return [ScreeningRuleRead.from_domain(r) for r in services.etias.screening_rules(actor)]


@router.post(
    "/screening-rules",
    status_code=201,
    summary="Add a risk indicator, version 1 (art. 33(2)-(6))",
    description=roles_note(Action.ETIAS_RULES_MANAGE),
)
def add_screening_rule(
    body: ScreeningRuleCreate, services: ServicesDep, actor: RuleManager
) -> ScreeningRuleRead:
    rule = services.etias.add_screening_rule(
        actor,
        risk=body.risk,
        conditions=[c.to_domain() for c in body.conditions],
        reason=body.reason,
        rule_id=body.rule_id,
    )
    return ScreeningRuleRead.from_domain(rule)


@router.post(
    "/screening-rules/{rule_id}/versions",
    status_code=201,
    responses=error_responses(404),
    summary="Change a risk indicator: a new version; old versions stay for audit",
    description=roles_note(Action.ETIAS_RULES_MANAGE),
)
def change_screening_rule(
    rule_id: RuleId, body: ScreeningRuleChange, services: ServicesDep, actor: RuleManager
) -> ScreeningRuleRead:
    conditions = None if body.conditions is None else [c.to_domain() for c in body.conditions]
    rule = services.etias.change_screening_rule(
        actor,
        rule_id,
        reason=body.reason,
        risk=body.risk,
        conditions=conditions,
        active=body.active,
    )
    return ScreeningRuleRead.from_domain(rule)


@router.get(
    "/screening-rules/{rule_id}/history",
    responses=error_responses(404),
    summary="Every version of a screening rule, oldest first",
    description=roles_note(Action.ETIAS_RULES_MANAGE),
)
def screening_rule_history(
    rule_id: RuleId, services: ServicesDep, actor: RuleManager
) -> list[ScreeningRuleRead]:
    history = services.etias.screening_rule_history(actor, rule_id)
    return [ScreeningRuleRead.from_domain(rule) for rule in history]


@router.post(
    "/impact-assessment",
    summary="What a proposed screening rule or watchlist entry would do to past "
    "applications (art. 35(1)(b)); nothing is stored",
    description=roles_note(Action.ETIAS_IMPACT_ASSESS),
)
def assess_impact(body: ImpactBody, services: ServicesDep, actor: Assessor) -> ImpactReportRead:
    now = services.clock.now()
    if body.rule is not None:
        proposal = body.rule.proposal(actor.user_name, now)
        return ImpactReportRead.from_domain(services.etias.impact_assessment(actor, proposal))
    assert body.entry is not None  # the body's validator allows nothing else
    source = entry_proposal(body.entry, actor, now)
    return ImpactReportRead.from_domain(services.etias.impact_assessment(actor, source))


@router.get(
    "/fairness-report",
    summary="Outcomes by nationality, sex and age band, cells under the minimum suppressed",
    description=roles_note(Action.ETIAS_STATISTICS_READ),
)
def fairness_report(services: ServicesDep, actor: Statistician) -> FairnessReportRead:
    return FairnessReportRead.from_domain(services.etias.fairness_report(actor))
