"""Screening rules through the service, impact assessments and the fairness report."""

import pytest

from limes.etias.application import Sex, TravelDocument
from limes.etias.errors import InvalidScreeningRuleError, ScreeningRuleNotFoundError
from limes.etias.model import ApplicationStatus, CheckKind, Decision, HitStatus, RefusalGround
from limes.etias.screening_rules import Condition, RiskKind, ScreeningRule
from limes.etias.statistics import Cell, Outcome, age_band, outcome
from tests.etias.builders import (
    APPLICANT,
    CENTRAL_UNIT,
    EUROPOL,
    NATIONAL_UNIT_NL,
    PredicateSource,
    make_application,
    make_document,
    make_hit,
)
from tests.etias.conftest import Etias


def document(i: int) -> TravelDocument:
    return make_document(number=f"D{i:07d}")


def submit_many(etias: Etias, count: int, start: int = 0, **form: object) -> list[str]:
    return [
        etias.service.submit(
            make_application(travel_document=document(start + i), **form), APPLICANT
        ).application_id
        for i in range(count)
    ]


def test_a_screening_rule_makes_hits_at_submission_and_versions_change_it(etias: Etias) -> None:
    rule = etias.service.add_screening_rule(
        CENTRAL_UNIT,
        risk=RiskKind.EPIDEMIC,
        conditions=[Condition.one_of("country_of_residence", "USA"), Condition.age_range(40, 60)],
        reason="ECDC notice 2026/17",
        rule_id="epi-1",
    )
    hit = etias.service.submit(make_application(), APPLICANT)

    assert hit.status is ApplicationStatus.CENTRAL_UNIT_VERIFICATION
    [found] = etias.stored(hit.application_id).hits
    assert (found.check, found.record_ref) == (CheckKind.SCREENING_RULE, "epi-1@v1")

    withdrawn = etias.service.change_screening_rule(
        CENTRAL_UNIT, rule.rule_id, reason="notice lifted", active=False
    )
    assert withdrawn.version == 2
    assert etias.service.screening_rules(CENTRAL_UNIT) == []
    assert [r.version for r in etias.service.screening_rule_history(CENTRAL_UNIT, "epi-1")] == [
        1,
        2,
    ]
    later = etias.service.submit(make_application(travel_document=document(1)), APPLICANT)
    assert later.status is ApplicationStatus.ISSUED


def test_the_service_rejects_rules_the_law_forbids(etias: Etias) -> None:
    with pytest.raises(InvalidScreeningRuleError) as raised:
        etias.service.add_screening_rule(
            CENTRAL_UNIT,
            risk=RiskKind.SECURITY,
            conditions=[Condition.one_of("sex", "M"), Condition.age_range(18, 30)],
            reason="none",
        )
    assert raised.value.reason == "sex_or_age_only"
    with pytest.raises(ScreeningRuleNotFoundError):
        etias.service.change_screening_rule(CENTRAL_UNIT, "nope", reason="x", active=False)


def test_an_impact_assessment_replays_a_proposed_rule(etias: Etias) -> None:
    submit_many(etias, 6, occupation="agriculture")
    submit_many(etias, 3, start=100, occupation="finance")
    # One already went to the Central Unit: it costs no additional manual processing.
    etias.sis.add("D0000000", make_hit(member_state="NLD"))
    etias.service.submit(
        make_application(travel_document=document(0), occupation="agriculture"), APPLICANT
    )

    proposed = ScreeningRule(
        rule_id="proposal",
        version=1,
        author="cu",
        reason="EES refusal rate in this job group",
        created_at=etias.clock.now(),
        risk=RiskKind.ILLEGAL_IMMIGRATION,
        conditions=(Condition.one_of("occupation", "agriculture"),),
    )

    report = etias.service.impact_assessment(CENTRAL_UNIT, proposed)

    assert (report.replayed, report.would_hit, report.additional_manual) == (10, 7, 6)
    assert report.additional_manual_rate == 0.6
    assert Cell(dimension="nationality", value="USA", outcome="additional_manual", count=6) in (
        report.cells
    )
    assert Cell(dimension="age_band", value="45-59", outcome="additional_manual", count=6) in (
        report.cells
    )


def test_an_impact_assessment_replays_a_proposed_watchlist_entry(etias: Etias) -> None:
    submit_many(etias, 3)
    submit_many(etias, 2, start=10, sex=Sex.MALE)
    entry = PredicateSource(lambda application: application.form.sex is Sex.MALE)

    report = etias.service.impact_assessment(EUROPOL, entry)

    assert (report.replayed, report.would_hit, report.additional_manual) == (5, 2, 2)
    # Two cases are too few to show by nationality, sex or age band.
    assert {cell.count for cell in report.cells} == {None}
    assert report.suppressed_cells == 3


def test_the_fairness_report_counts_outcomes_and_suppresses_small_cells(etias: Etias) -> None:
    submit_many(etias, 6)
    etias.sis.add("D0000100", make_hit(member_state="NLD"))
    [refused_id] = submit_many(etias, 1, start=100, sex=Sex.MALE)
    [hit] = etias.stored(refused_id).hits
    etias.service.verify_hit(CENTRAL_UNIT, refused_id, hit.hit_id, HitStatus.CONFIRMED, "agree")
    etias.service.decide(NATIONAL_UNIT_NL, refused_id, Decision.refuse(RefusalGround.SECURITY_RISK))

    report = etias.service.fairness_report(CENTRAL_UNIT)

    assert report.total == 7
    assert dict(report.outcomes) == {
        "issued_automatically": 6,
        "issued_after_central_unit": 0,
        "issued_after_manual_processing": 0,
        "refused": None,
        "pending": 0,
    }
    assert Cell(dimension="sex", value="F", outcome="issued_automatically", count=6) in (
        report.cells
    )
    assert Cell(dimension="sex", value="M", outcome="refused", count=None) in report.cells


@pytest.mark.parametrize(
    ("age", "band"),
    [
        pytest.param(0, "0-17", id="newborn"),
        pytest.param(17, "0-17", id="minor"),
        pytest.param(18, "18-29", id="adult"),
        pytest.param(70, "60-70", id="seventy"),
        pytest.param(71, "71+", id="over-seventy"),
    ],
)
def test_age_bands_meet_the_fee_limits(age: int, band: str) -> None:
    assert age_band(age) == band


def test_outcomes_tell_central_unit_clearance_from_manual_processing(etias: Etias) -> None:
    etias.sis.add("D0000001", make_hit(member_state="NLD"))
    [cleared] = submit_many(etias, 1, start=1)
    [hit] = etias.stored(cleared).hits
    etias.service.verify_hit(CENTRAL_UNIT, cleared, hit.hit_id, HitStatus.FALSE, "namesake")

    assert outcome(etias.stored(cleared)) is Outcome.ISSUED_AFTER_CENTRAL_UNIT
    assert etias.stored(cleared).status is ApplicationStatus.ISSUED
