"""The in-memory ETIAS repositories: staged until commit, indexes, orders."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from limes.etias import workflow
from limes.etias.errors import (
    ApplicationNotFoundError,
    DuplicateApplicationError,
    InvalidScreeningRuleError,
)
from limes.etias.model import ApplicationFile, ApplicationStatus
from limes.etias.screening_rules import Condition, RiskKind, ScreeningRule
from limes.store.memory import MemoryStore, MemoryUnitOfWork
from tests.etias.builders import make_application, make_document, make_hit, submitted

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def file_of(
    application_id: str, *, hits: int = 0, at: datetime = T0, **form: object
) -> ApplicationFile:
    new = workflow.submitted(submitted(make_application(**form), at, application_id))
    found = [make_hit(record_ref=str(i), member_state="NLD") for i in range(hits)]
    return workflow.route(
        new,
        workflow.number_hits(new, found, at=at),
        at=at,
        authorisation_number=f"TA-{application_id}",
    )


def rule(version: int = 1, active: bool = True, rule_id: str = "r1") -> ScreeningRule:
    return ScreeningRule(
        rule_id=rule_id,
        version=version,
        author="cu",
        reason="statistics",
        created_at=T0,
        risk=RiskKind.SECURITY,
        conditions=(Condition.one_of("occupation", "x"),),
        active=active,
    )


@pytest.fixture
def store() -> MemoryStore:
    return MemoryStore()


def test_nothing_is_visible_before_commit_and_a_rollback_keeps_nothing(store: MemoryStore) -> None:
    with MemoryUnitOfWork(store) as uow:
        uow.applications.add(file_of("a"))
        assert uow.applications.get("a") is not None
    with MemoryUnitOfWork(store) as uow:
        assert uow.applications.get("a") is None
        assert uow.applications.find_by_document("USA", "L898902C3") == []
        uow.applications.add(file_of("a"))
        uow.commit()
    with MemoryUnitOfWork(store) as uow:
        assert uow.applications.count() == 1


def test_ids_are_unique_and_saving_needs_an_existing_file(store: MemoryStore) -> None:
    with MemoryUnitOfWork(store) as uow:
        uow.applications.add(file_of("a"))
        with pytest.raises(DuplicateApplicationError):
            uow.applications.add(file_of("a"))
        with pytest.raises(ApplicationNotFoundError):
            uow.applications.save(file_of("b"))


def test_documents_and_emails_are_found_normalised_oldest_first(store: MemoryStore) -> None:
    with MemoryUnitOfWork(store) as uow:
        uow.applications.add(file_of("late", at=T0 + timedelta(hours=1)))
        uow.applications.add(file_of("early"))
        uow.applications.add(
            file_of("other", travel_document=make_document(number="X1"), email="x@example.com")
        )

        by_document = uow.applications.find_by_document("USA", "l89 8902-c3")
        by_email = uow.applications.find_by_email(" Anna.Eriksson@EXAMPLE.com")

    assert [f.application_id for f in by_document] == ["early", "late"]
    assert [f.application_id for f in by_email] == ["early", "late"]


def test_saving_moves_the_indexes_and_erasing_removes_them(store: MemoryStore) -> None:
    with MemoryUnitOfWork(store) as uow:
        original = file_of("a")
        uow.applications.add(original)
        moved = replace(
            original,
            application=replace(
                original.application,
                form=replace(original.application.form, travel_document=make_document(number="N2")),
            ),
        )
        uow.applications.save(moved)
        assert uow.applications.find_by_document("USA", "L898902C3") == []
        assert uow.applications.get_by_authorisation("TA-a") == moved
        uow.applications.erase("a")
        assert uow.applications.find_by_document("USA", "N2") == []
        assert uow.applications.get_by_authorisation("TA-a") is None
        assert uow.applications.count() == 0


def test_the_queue_runs_earliest_deadline_first_per_state(store: MemoryStore) -> None:
    with MemoryUnitOfWork(store) as uow:
        uow.applications.add(file_of("later", hits=1, at=T0 + timedelta(hours=2)))
        uow.applications.add(file_of("sooner", hits=1))
        uow.applications.add(file_of("issued"))
        national = replace(
            file_of("nu", hits=1),
            status=ApplicationStatus.NATIONAL_UNIT_ASSESSMENT,
            responsible_state="ITA",
        )
        uow.applications.add(national)

        central = uow.applications.queue({ApplicationStatus.CENTRAL_UNIT_VERIFICATION})
        italian = uow.applications.queue(
            {ApplicationStatus.NATIONAL_UNIT_ASSESSMENT}, responsible_state="ITA"
        )
        french = uow.applications.queue(
            {ApplicationStatus.NATIONAL_UNIT_ASSESSMENT}, responsible_state="FRA"
        )
        second = uow.applications.queue(
            {ApplicationStatus.CENTRAL_UNIT_VERIFICATION}, limit=1, offset=1
        )

    assert [f.application_id for f in central] == ["sooner", "later"]
    assert [f.application_id for f in italian] == ["nu"]
    assert french == []
    assert [f.application_id for f in second] == ["later"]


def test_valid_authorisations_on_a_day(store: MemoryStore) -> None:
    with MemoryUnitOfWork(store) as uow:
        uow.applications.add(file_of("issued"))
        uow.applications.add(file_of("pending", hits=1))
        assert [f.application_id for f in uow.applications.valid_authorisations(T0.date())] == [
            "issued"
        ]
        assert list(uow.applications.valid_authorisations(T0.date().replace(year=2030))) == []


def test_rules_keep_every_version_and_serve_the_latest_active(store: MemoryStore) -> None:
    with MemoryUnitOfWork(store) as uow:
        uow.screening_rules.add(rule(1))
        uow.screening_rules.add(rule(2))
        uow.screening_rules.add(rule(1, rule_id="r2"))
        uow.screening_rules.add(rule(2, active=False, rule_id="r2"))
        with pytest.raises(InvalidScreeningRuleError):
            uow.screening_rules.add(rule(2))
        with pytest.raises(InvalidScreeningRuleError):
            uow.screening_rules.add(rule(5, rule_id="r3"))
        uow.commit()
    with MemoryUnitOfWork(store) as uow:
        assert [(r.rule_id, r.version) for r in uow.screening_rules.active()] == [("r1", 2)]
        assert [r.version for r in uow.screening_rules.history("r2")] == [1, 2]
        latest = uow.screening_rules.latest("r2")
        assert latest is not None
        assert not latest.active
        assert uow.screening_rules.history("none") == []
