"""Screening rules (art. 33): risk indicators as data, checked against what the law allows.

A rule is a conjunction of conditions on the attributes art. 33(4) lists, and nothing
else: age range, sex, nationality, country and city of residence, education level and
current occupation (job group). Art. 33(5) forbids rules resting solely on sex or age
(or on both), and forbids every other attribute, so a rule naming "religion" or
"language" is rejected with a code rather than silently ignored. Rules are versioned:
a change is a new version and old versions stay for audit (art. 33(6)-(7)).
"""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum

from limes.etias.application import ApplicationForm
from limes.etias.dates import age_on
from limes.etias.errors import InvalidScreeningRuleError
from limes.etias.model import Application, CheckKind, FieldMatch, Hit, MatchMethod


class RiskKind(StrEnum):
    """Art. 33(1)-(2): what the indicator points to."""

    SECURITY = "security"
    ILLEGAL_IMMIGRATION = "illegal_immigration"
    EPIDEMIC = "epidemic"  # high epidemic risk


class RuleAttribute(StrEnum):
    """The only attributes art. 33(4) allows a risk indicator to combine."""

    AGE_RANGE = "age_range"
    SEX = "sex"
    NATIONALITY = "nationality"
    COUNTRY_OF_RESIDENCE = "country_of_residence"
    CITY_OF_RESIDENCE = "city_of_residence"
    EDUCATION_LEVEL = "education_level"
    OCCUPATION = "occupation"  # job group


_ALLOWED = frozenset(RuleAttribute)
# Art. 33(5): never solely on sex or age, nor (by the same reasoning) on the two together.
_NOT_ALONE = frozenset({RuleAttribute.SEX, RuleAttribute.AGE_RANGE})


@dataclass(frozen=True, slots=True, kw_only=True)
class Condition:
    """One attribute and the values it may take (any of them), or an inclusive age range.

    >>> Condition.one_of("nationality", "XXA").attribute
    'nationality'
    """

    attribute: str
    values: tuple[str, ...] = ()
    min_age: int | None = None
    max_age: int | None = None

    @classmethod
    def one_of(cls, attribute: str, *values: str) -> "Condition":
        return cls(attribute=attribute, values=values)

    @classmethod
    def age_range(cls, min_age: int | None, max_age: int | None) -> "Condition":
        return cls(attribute=RuleAttribute.AGE_RANGE.value, min_age=min_age, max_age=max_age)


@dataclass(frozen=True, slots=True, kw_only=True)
class ScreeningRule:
    """One version of a risk indicator, with who wrote it and why (art. 33(2)-(3))."""

    rule_id: str
    version: int
    author: str
    reason: str  # the statistics or information the indicator rests on
    created_at: datetime
    risk: RiskKind
    conditions: tuple[Condition, ...]
    active: bool = True

    @property
    def ref(self) -> str:
        """The reference a hit records: rule id and version."""
        return f"{self.rule_id}@v{self.version}"


def validate_rule(rule: ScreeningRule) -> None:
    """Raise InvalidScreeningRuleError (with a reason code) for a rule the law forbids."""
    if rule.version < 1:
        raise InvalidScreeningRuleError("versions count from 1", "invalid_version")
    if not rule.reason.strip():
        raise InvalidScreeningRuleError(
            "a risk indicator states what it rests on (art. 33(2))", "missing_reason"
        )
    if not rule.conditions:
        raise InvalidScreeningRuleError("a rule needs at least one condition", "no_conditions")
    attributes = [condition.attribute for condition in rule.conditions]
    if forbidden := sorted(set(attributes) - _ALLOWED):
        raise InvalidScreeningRuleError(
            f"art. 33(4) does not allow the attribute(s) {', '.join(forbidden)}",
            "forbidden_attribute",
        )
    if set(attributes) <= _NOT_ALONE:
        raise InvalidScreeningRuleError(
            "a rule may not rest solely on sex or age (art. 33(5))", "sex_or_age_only"
        )
    if len(set(attributes)) != len(attributes):
        raise InvalidScreeningRuleError(
            "each attribute appears in one condition only", "repeated_attribute"
        )
    for condition in rule.conditions:
        _validate_condition(condition)


def _validate_condition(condition: Condition) -> None:
    if condition.attribute == RuleAttribute.AGE_RANGE:
        low, high = condition.min_age, condition.max_age
        if (low is None and high is None) or condition.values:
            raise InvalidScreeningRuleError(
                "an age range gives a minimum, a maximum or both", "invalid_age_range"
            )
        if (low is not None and low < 0) or (low is not None and high is not None and high < low):
            raise InvalidScreeningRuleError(
                "an age range runs from a non-negative minimum up", "invalid_age_range"
            )
        return
    if not condition.values or condition.min_age is not None or condition.max_age is not None:
        raise InvalidScreeningRuleError(
            f"the {condition.attribute} condition lists the values it matches", "empty_values"
        )


def new_version(
    rule: ScreeningRule,
    *,
    author: str,
    reason: str,
    at: datetime,
    risk: RiskKind | None = None,
    conditions: tuple[Condition, ...] | None = None,
    active: bool | None = None,
) -> ScreeningRule:
    """The next version of `rule` with the changes; the old version is kept as it was."""
    changed = replace(
        rule,
        version=rule.version + 1,
        author=author,
        reason=reason,
        created_at=at,
        risk=rule.risk if risk is None else risk,
        conditions=rule.conditions if conditions is None else conditions,
        active=rule.active if active is None else active,
    )
    validate_rule(changed)
    return changed


def evaluate(
    rules: Iterable[ScreeningRule], application: Application, *, on: date
) -> list[ScreeningRule]:
    """The active rules every condition of which holds for the application on day `on`."""
    return [
        rule
        for rule in rules
        if rule.active and all(_holds(c, application.form, on) for c in rule.conditions)
    ]


def rule_hit(rule: ScreeningRule, application: Application, *, on: date) -> Hit:
    """The hit a matched rule produces, naming each condition that held (art. 20(5))."""
    form = application.form
    matched = tuple(
        FieldMatch(
            application_field=_FIELD_NAMES[RuleAttribute(c.attribute)],
            record_field=c.attribute,
            method=MatchMethod.RULE_CONDITION,
        )
        for c in rule.conditions
    )
    explanation = tuple(_describe(c, form, on) for c in rule.conditions)
    return Hit(
        check=CheckKind.SCREENING_RULE,
        source="etias.screening_rules",
        record_ref=rule.ref,
        member_state=None,  # art. 25(2): the state of first intended stay decides
        matched_fields=matched,
        explanation=(f"{rule.risk.value} risk indicator", *explanation),
        record_created_at=rule.created_at,
    )


_FIELD_NAMES = {
    RuleAttribute.AGE_RANGE: "date_of_birth",
    RuleAttribute.SEX: "sex",
    RuleAttribute.NATIONALITY: "nationality",
    RuleAttribute.COUNTRY_OF_RESIDENCE: "residence.country",
    RuleAttribute.CITY_OF_RESIDENCE: "residence.city",
    RuleAttribute.EDUCATION_LEVEL: "education",
    RuleAttribute.OCCUPATION: "occupation",
}


def _normalise(text: str) -> str:
    return " ".join(text.casefold().split())


def _observed(attribute: RuleAttribute, form: ApplicationForm) -> tuple[str, ...]:
    """The application's values for an attribute, normalised for comparison."""
    if attribute is RuleAttribute.SEX:
        return (form.sex.value.casefold(),)
    if attribute is RuleAttribute.NATIONALITY:
        return tuple(_normalise(code) for code in form.nationalities)
    if attribute is RuleAttribute.COUNTRY_OF_RESIDENCE:
        return (_normalise(form.residence.country),)
    if attribute is RuleAttribute.CITY_OF_RESIDENCE:
        return (_normalise(form.residence.city),)
    if attribute is RuleAttribute.EDUCATION_LEVEL:
        return (form.education.value,)
    return (_normalise(form.occupation),)


def _holds(condition: Condition, form: ApplicationForm, on: date) -> bool:
    attribute = RuleAttribute(condition.attribute)
    if attribute is RuleAttribute.AGE_RANGE:
        age = age_on(form.date_of_birth, on)
        low, high = condition.min_age, condition.max_age
        return (low is None or age >= low) and (high is None or age <= high)
    wanted = {_normalise(value) for value in condition.values}
    return any(value in wanted for value in _observed(attribute, form))


def _describe(condition: Condition, form: ApplicationForm, on: date) -> str:
    if condition.attribute == RuleAttribute.AGE_RANGE:
        low = "" if condition.min_age is None else str(condition.min_age)
        high = "" if condition.max_age is None else str(condition.max_age)
        return f"age {age_on(form.date_of_birth, on)} within {low}-{high}"
    return f"{condition.attribute} is one of {', '.join(condition.values)}"
