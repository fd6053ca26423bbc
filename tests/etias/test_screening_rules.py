from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from limes.etias.application import EducationLevel, Residence, Sex
from limes.etias.errors import InvalidScreeningRuleError
from limes.etias.model import CheckKind, MatchMethod
from limes.etias.screening_rules import (
    Condition,
    RiskKind,
    ScreeningRule,
    evaluate,
    new_version,
    rule_hit,
    validate_rule,
)
from tests.etias.builders import make_application, submitted

AT = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
ON = AT.date()


def make_rule(*conditions: Condition, **overrides: object) -> ScreeningRule:
    rule = ScreeningRule(
        rule_id="rule-1",
        version=1,
        author="cu-analyst",
        reason="EES statistics 2026-Q3: abnormal overstay rate in this group",
        created_at=AT,
        risk=RiskKind.ILLEGAL_IMMIGRATION,
        conditions=conditions
        or (
            Condition.one_of("nationality", "USA"),
            Condition.one_of("city_of_residence", "new york"),
            Condition.age_range(30, 50),
        ),
    )
    return replace(rule, **overrides)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("rule", "reason"),
    [
        pytest.param(
            make_rule(Condition.one_of("nationality", "USA"), Condition.one_of("religion", "x")),
            "forbidden_attribute",
            id="religion",
        ),
        pytest.param(
            make_rule(Condition.one_of("language", "x")), "forbidden_attribute", id="language"
        ),
        pytest.param(make_rule(Condition.one_of("sex", "F")), "sex_or_age_only", id="sex-only"),
        pytest.param(make_rule(Condition.age_range(18, 25)), "sex_or_age_only", id="age-only"),
        pytest.param(
            make_rule(Condition.one_of("sex", "M"), Condition.age_range(18, 25)),
            "sex_or_age_only",
            id="sex-and-age",
        ),
        pytest.param(make_rule(conditions=()), "no_conditions", id="empty"),
        pytest.param(make_rule(Condition.one_of("nationality")), "empty_values", id="no-values"),
        pytest.param(
            make_rule(Condition.one_of("nationality", "USA"), Condition.age_range(40, 30)),
            "invalid_age_range",
            id="age-backwards",
        ),
        pytest.param(
            make_rule(Condition.one_of("nationality", "USA"), Condition.age_range(None, None)),
            "invalid_age_range",
            id="age-unbounded",
        ),
        pytest.param(
            make_rule(
                Condition.one_of("nationality", "USA"), Condition.one_of("nationality", "CAN")
            ),
            "repeated_attribute",
            id="repeated",
        ),
        pytest.param(make_rule(reason=" "), "missing_reason", id="no-reason"),
    ],
)
def test_rules_the_law_forbids_are_rejected_with_a_reason(rule: ScreeningRule, reason: str) -> None:
    with pytest.raises(InvalidScreeningRuleError) as raised:
        validate_rule(rule)
    assert raised.value.reason == reason
    assert raised.value.code == "etias.invalid_screening_rule"


@pytest.mark.parametrize(
    "conditions",
    [
        pytest.param((Condition.one_of("occupation", "agriculture"),), id="occupation-alone"),
        pytest.param(
            (Condition.one_of("sex", "M"), Condition.one_of("education_level", "none")),
            id="sex-with-education",
        ),
        pytest.param(
            (Condition.age_range(18, None), Condition.one_of("country_of_residence", "USA")),
            id="age-with-residence",
        ),
    ],
)
def test_rules_combining_allowed_attributes_are_accepted(
    conditions: tuple[Condition, ...],
) -> None:
    validate_rule(make_rule(*conditions))


def test_a_rule_matches_when_every_condition_holds() -> None:
    rule = make_rule()
    matching = submitted(make_application(date_of_birth=date(1980, 8, 12)), AT)  # 46 years
    too_young = submitted(make_application(date_of_birth=date(2000, 1, 1)), AT)
    elsewhere = submitted(
        make_application(residence=Residence(country="USA", city="Boston", address="x")), AT
    )

    assert evaluate([rule], matching, on=ON) == [rule]
    assert evaluate([rule], too_young, on=ON) == []
    assert evaluate([rule], elsewhere, on=ON) == []
    assert evaluate([replace(rule, active=False)], matching, on=ON) == []


def test_nationality_conditions_match_any_declared_nationality() -> None:
    rule = make_rule(Condition.one_of("nationality", "CAN"), Condition.one_of("sex", "F"))
    dual = submitted(make_application(other_nationalities=("CAN",), sex=Sex.FEMALE), AT)

    assert evaluate([rule], dual, on=ON) == [rule]


def test_education_and_occupation_compare_as_words() -> None:
    rule = make_rule(
        Condition.one_of("education_level", "higher"), Condition.one_of("occupation", "Engineering")
    )
    application = submitted(
        make_application(education=EducationLevel.HIGHER, occupation="engineering"), AT
    )

    assert evaluate([rule], application, on=ON) == [rule]


def test_a_rule_hit_names_the_rule_version_and_each_condition() -> None:
    hit = rule_hit(make_rule(), submitted(make_application(), AT), on=ON)

    assert (hit.check, hit.record_ref, hit.member_state) == (
        CheckKind.SCREENING_RULE,
        "rule-1@v1",
        None,
    )
    assert [m.application_field for m in hit.matched_fields] == [
        "nationality",
        "residence.city",
        "date_of_birth",
    ]
    assert {m.method for m in hit.matched_fields} == {MatchMethod.RULE_CONDITION}
    assert hit.explanation == (
        "illegal_immigration risk indicator",
        "nationality is one of USA",
        "city_of_residence is one of new york",
        "age 46 within 30-50",
    )


def test_a_change_is_a_new_version_and_keeps_the_old() -> None:
    old = make_rule()
    later = datetime(2027, 1, 1, tzinfo=UTC)

    new = new_version(
        old,
        author="cu-analyst-2",
        reason="narrowed after review",
        at=later,
        conditions=(Condition.one_of("nationality", "USA"), Condition.age_range(30, 40)),
    )

    assert (new.rule_id, new.version, new.author, new.created_at) == (
        "rule-1",
        2,
        "cu-analyst-2",
        later,
    )
    assert old.version == 1
    assert old.conditions[1] == Condition.one_of("city_of_residence", "new york")
    with pytest.raises(InvalidScreeningRuleError):
        new_version(old, author="x", reason="r", at=later, conditions=(Condition.age_range(1, 2),))
