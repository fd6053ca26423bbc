"""Contract: ETIAS application files and screening-rule versions, on memory, SQLite and
PostgreSQL."""

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta, timezone

import pytest

from limes.etias.errors import (
    ApplicationNotFoundError,
    DuplicateApplicationError,
    InvalidScreeningRuleError,
)
from limes.etias.model import ApplicationFile, ApplicationStatus, AuthorisationStatus
from limes.etias.screening_rules import Condition
from limes.store.sql import etias as sql_etias
from tests.store.conftest import StoreUnderTest
from tests.store.etias_builders import (
    SUBMITTED,
    issued_file,
    make_authorisation,
    make_file,
    make_rich_file,
    make_rule,
)

NATIONAL_UNIT_STATUSES = (
    ApplicationStatus.NATIONAL_UNIT_ASSESSMENT,
    ApplicationStatus.INFORMATION_REQUESTED,
)


def add_all(store: StoreUnderTest, *files: ApplicationFile) -> None:
    with store.unit_of_work() as uow:
        for file in files:
            uow.applications.add(file)
        uow.commit()


def ids(files: Iterable[ApplicationFile]) -> list[str]:
    return [file.application_id for file in files]


def hours(n: int) -> timedelta:
    return timedelta(hours=n)


def test_a_rich_file_is_stored_and_read_back_whole(store: StoreUnderTest) -> None:
    file = make_rich_file()
    assert file.authorisation is not None
    add_all(store, file)

    with store.unit_of_work() as uow:
        assert uow.applications.get(file.application_id) == file
        assert uow.applications.get_by_authorisation(file.authorisation.number) == file
        assert uow.applications.get("unknown") is None
        assert uow.applications.get_by_authorisation("TA-UNKNOWN") is None


def test_instants_keep_their_offset_and_microseconds(store: StoreUnderTest) -> None:
    plus_two = timezone(timedelta(hours=2))
    file = make_file(
        submitted_at=SUBMITTED.astimezone(plus_two),
        deadline=(SUBMITTED + hours(96)).astimezone(plus_two),
    )
    add_all(store, file)

    with store.unit_of_work() as uow:
        stored = uow.applications.get(file.application_id)
    assert stored == file
    assert stored is not None
    assert stored.application.submitted_at.utcoffset() == timedelta(hours=2)
    assert stored.deadline is not None
    assert stored.deadline.microsecond == 123456


def test_a_saved_file_replaces_the_stored_one_and_its_keys(store: StoreUnderTest) -> None:
    file = make_file(status=ApplicationStatus.NATIONAL_UNIT_ASSESSMENT, responsible_state="NLD")
    add_all(store, file)
    issued = replace(
        file,
        status=ApplicationStatus.ISSUED,
        responsible_state="DEU",
        authorisation=make_authorisation(file.application_id),
        updated_at=SUBMITTED + hours(3),
    ).logged(SUBMITTED + hours(3), "decided.issue", by="nu-de-1")
    assert issued.authorisation is not None

    with store.unit_of_work() as uow:
        uow.applications.save(issued)
        uow.commit()

    with store.unit_of_work() as uow:
        assert uow.applications.get(file.application_id) == issued
        assert uow.applications.get_by_authorisation(issued.authorisation.number) == issued
        assert uow.applications.queue(NATIONAL_UNIT_STATUSES) == []
        assert ids(uow.applications.valid_authorisations(date(2026, 7, 1))) == [file.application_id]
        assert uow.applications.count() == 1


def test_a_taken_application_id_is_refused(store: StoreUnderTest) -> None:
    file = make_file()
    add_all(store, file)

    with store.unit_of_work() as uow, pytest.raises(DuplicateApplicationError):
        uow.applications.add(replace(file, status=ApplicationStatus.ISSUED))

    with store.unit_of_work() as uow:
        assert uow.applications.get(file.application_id) == file


def test_a_file_that_was_never_added_cannot_be_saved(store: StoreUnderTest) -> None:
    with store.unit_of_work() as uow, pytest.raises(ApplicationNotFoundError):
        uow.applications.save(make_file())


def test_a_taken_authorisation_number_is_refused(store: StoreUnderTest) -> None:
    first = issued_file()
    assert first.authorisation is not None
    add_all(store, first)
    second = make_file()
    taken = make_authorisation(second.application_id, number=first.authorisation.number)

    with store.unit_of_work() as uow, pytest.raises(DuplicateApplicationError):
        uow.applications.add(replace(second, authorisation=taken))


def test_documents_are_found_by_country_and_normalised_number(store: StoreUnderTest) -> None:
    later = make_file(document_number="l898 902-c3<", submitted_at=SUBMITTED + hours(2))
    earlier = make_file(document_number="L898902C3", submitted_at=SUBMITTED)
    other_country = make_file(document_number="L898902C3", issuing_country="CAN")
    other_number = make_file(document_number="L898902C4")
    add_all(store, later, earlier, other_country, other_number)

    with store.unit_of_work() as uow:
        found = uow.applications.find_by_document("USA", "L898-902 C3")
        assert ids(found) == [earlier.application_id, later.application_id]
        assert found[1] == later  # the number as written is kept in the file
        assert ids(uow.applications.find_by_document("CAN", "L898902C3")) == [
            other_country.application_id
        ]
        assert uow.applications.find_by_document("USA", "X1") == []


def test_e_mail_addresses_are_compared_case_insensitively(store: StoreUnderTest) -> None:
    later = make_file(email="  Anna.Eriksson@Example.COM", submitted_at=SUBMITTED + hours(1))
    earlier = make_file(email="anna.eriksson@example.com")
    other = make_file(email="karl.eriksson@example.com")
    add_all(store, later, earlier, other)

    with store.unit_of_work() as uow:
        found = uow.applications.find_by_email("ANNA.ERIKSSON@example.com ")
        assert ids(found) == [earlier.application_id, later.application_id]
        assert found[1].application.form.email == "  Anna.Eriksson@Example.COM"
        assert uow.applications.find_by_email("nobody@example.com") == []


def test_valid_authorisations_on_a_day_leave_out_expired_revoked_and_future_ones(
    store: StoreUnderTest,
) -> None:
    on = date(2027, 3, 10)
    last_day = issued_file(valid_until=on, submitted_at=SUBMITTED + hours(3))
    first_day = issued_file(valid_from=on, submitted_at=SUBMITTED + hours(1))
    valid = issued_file(submitted_at=SUBMITTED + hours(2))
    expired = issued_file(valid_until=on - timedelta(days=1))
    not_yet = issued_file(valid_from=on + timedelta(days=1))
    revoked = issued_file(status=AuthorisationStatus.REVOKED)
    annulled = issued_file(status=AuthorisationStatus.ANNULLED)
    pending = make_file()
    add_all(store, last_day, first_day, valid, expired, not_yet, revoked, annulled, pending)

    with store.unit_of_work() as uow:
        found = list(uow.applications.valid_authorisations(on))

    assert ids(found) == [first_day.application_id, valid.application_id, last_day.application_id]
    assert found[0] == first_day


def test_the_queue_gives_the_earliest_deadline_first_and_files_without_one_last(
    store: StoreUnderTest,
) -> None:
    no_deadline = make_file(
        status=ApplicationStatus.NATIONAL_UNIT_ASSESSMENT, responsible_state="NLD"
    )
    late = make_file(
        status=ApplicationStatus.INFORMATION_REQUESTED,
        responsible_state="NLD",
        deadline=SUBMITTED + hours(48),
    )
    # 01:00 at UTC+2 is 23:00 UTC the day before: earlier than `late`, whatever the text.
    early_other_offset = make_file(
        status=ApplicationStatus.NATIONAL_UNIT_ASSESSMENT,
        responsible_state="NLD",
        deadline=(SUBMITTED + hours(24)).astimezone(timezone(timedelta(hours=2))),
    )
    same_deadline_later_submission = make_file(
        status=ApplicationStatus.NATIONAL_UNIT_ASSESSMENT,
        responsible_state="NLD",
        deadline=SUBMITTED + hours(48),
        submitted_at=SUBMITTED + hours(1),
    )
    other_state = make_file(
        status=ApplicationStatus.NATIONAL_UNIT_ASSESSMENT,
        responsible_state="DEU",
        deadline=SUBMITTED + hours(1),
    )
    other_status = make_file(
        status=ApplicationStatus.CENTRAL_UNIT_VERIFICATION, deadline=SUBMITTED + hours(2)
    )
    add_all(
        store,
        no_deadline,
        late,
        early_other_offset,
        same_deadline_later_submission,
        other_state,
        other_status,
    )
    in_order = [
        early_other_offset.application_id,
        late.application_id,
        same_deadline_later_submission.application_id,
        no_deadline.application_id,
    ]

    with store.unit_of_work() as uow:
        queue = uow.applications.queue
        assert ids(queue(NATIONAL_UNIT_STATUSES, responsible_state="NLD")) == in_order
        assert ids(queue(NATIONAL_UNIT_STATUSES)) == [other_state.application_id, *in_order]
        assert (
            ids(queue(NATIONAL_UNIT_STATUSES, responsible_state="NLD", limit=2, offset=1))
            == (in_order[1:3])
        )
        assert ids(queue({ApplicationStatus.CENTRAL_UNIT_VERIFICATION})) == [
            other_status.application_id
        ]
        assert queue(NATIONAL_UNIT_STATUSES, responsible_state="FRA") == []
        assert queue(()) == []
        assert queue(NATIONAL_UNIT_STATUSES, responsible_state="NLD")[0] == early_other_offset


def test_all_gives_every_file_in_submission_order_and_count_counts_them(
    store: StoreUnderTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sql_etias, "PAGE_ROWS", 2)  # several pages, and a tie across one
    files = [
        make_file(application_id="app-e", submitted_at=SUBMITTED + hours(2)),
        make_file(application_id="app-b", submitted_at=SUBMITTED),
        make_file(application_id="app-a", submitted_at=SUBMITTED + hours(1)),
        make_file(application_id="app-d", submitted_at=SUBMITTED),
        make_file(application_id="app-c", submitted_at=SUBMITTED),
    ]
    add_all(store, *files)

    with store.unit_of_work() as uow:
        assert ids(uow.applications.all()) == ["app-b", "app-c", "app-d", "app-a", "app-e"]
        assert sorted(uow.applications.all(), key=lambda f: f.application_id) == sorted(
            files, key=lambda f: f.application_id
        )
        assert uow.applications.count() == 5


def test_files_can_be_erased_while_all_files_are_read(
    store: StoreUnderTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sql_etias, "PAGE_ROWS", 2)
    files = [make_file(submitted_at=SUBMITTED + hours(n)) for n in range(5)]
    add_all(store, *files)

    with store.unit_of_work() as uow:
        seen = []
        for file in uow.applications.all():
            seen.append(file.application_id)
            uow.applications.erase(file.application_id)
        uow.commit()

    assert seen == ids(files)
    with store.unit_of_work() as uow:
        assert uow.applications.count() == 0


def test_an_erased_file_leaves_no_trace(store: StoreUnderTest) -> None:
    erased, kept = make_rich_file(), make_file()
    assert erased.authorisation is not None
    add_all(store, erased, kept)

    with store.unit_of_work() as uow:
        uow.applications.erase(erased.application_id)
        uow.applications.erase("unknown")  # nothing to erase is not an error
        uow.commit()

    with store.unit_of_work() as uow:
        applications = uow.applications
        assert applications.get(erased.application_id) is None
        assert applications.get_by_authorisation(erased.authorisation.number) is None
        assert ids(applications.find_by_document("USA", "L898902C3")) == [kept.application_id]
        assert ids(applications.find_by_email(erased.application.form.email)) == [
            kept.application_id
        ]
        assert list(applications.valid_authorisations(date(2026, 7, 1))) == []
        assert ids(applications.all()) == [kept.application_id]
        assert applications.count() == 1


def test_screening_rule_versions_follow_each_other(store: StoreUnderTest) -> None:
    first = make_rule("R-1")
    second = replace(first, version=2, reason="updated statistics", created_at=SUBMITTED + hours(1))
    with store.unit_of_work() as uow:
        uow.screening_rules.add(first)
        uow.screening_rules.add(second)
        uow.commit()

    with store.unit_of_work() as uow:
        rules = uow.screening_rules
        assert rules.latest("R-1") == second
        assert rules.history("R-1") == [first, second]
        assert rules.active() == [second]
        assert rules.latest("R-404") is None
        assert rules.history("R-404") == []


@pytest.mark.parametrize("version", [pytest.param(2, id="taken"), pytest.param(4, id="skipped")])
def test_a_version_out_of_turn_is_refused(store: StoreUnderTest, version: int) -> None:
    with store.unit_of_work() as uow:
        uow.screening_rules.add(make_rule("R-1"))
        uow.screening_rules.add(make_rule("R-1", version=2))
        uow.commit()

    with store.unit_of_work() as uow, pytest.raises(InvalidScreeningRuleError) as raised:
        uow.screening_rules.add(make_rule("R-1", version=version, active=False))
    assert raised.value.reason == "version_conflict"

    with store.unit_of_work() as uow:
        assert [rule.version for rule in uow.screening_rules.history("R-1")] == [1, 2]


def test_a_new_rule_starts_at_version_one(store: StoreUnderTest) -> None:
    with store.unit_of_work() as uow, pytest.raises(InvalidScreeningRuleError) as raised:
        uow.screening_rules.add(make_rule("R-9", version=2))
    assert raised.value.reason == "version_conflict"


def test_a_rule_the_law_forbids_is_refused(store: StoreUnderTest) -> None:
    forbidden = make_rule(conditions=(Condition.one_of("religion", "any"),))
    with store.unit_of_work() as uow, pytest.raises(InvalidScreeningRuleError) as raised:
        uow.screening_rules.add(forbidden)
    assert raised.value.reason == "forbidden_attribute"


def test_active_rules_are_the_active_latest_versions_by_rule_id(store: StoreUnderTest) -> None:
    withdrawn_v1 = make_rule("R-3")
    withdrawn_v2 = replace(withdrawn_v1, version=2, active=False)
    revived_v1 = make_rule("R-2", active=False)
    revived_v2 = replace(revived_v1, version=2, active=True)
    plain = make_rule("R-1")
    with store.unit_of_work() as uow:
        for rule in (withdrawn_v1, withdrawn_v2, revived_v1, revived_v2, plain):
            uow.screening_rules.add(rule)
        uow.commit()

    with store.unit_of_work() as uow:
        assert uow.screening_rules.active() == [plain, revived_v2]
        assert uow.screening_rules.latest("R-3") == withdrawn_v2


def test_nothing_is_kept_without_a_commit(store: StoreUnderTest) -> None:
    before = store.row_counts()
    with store.unit_of_work() as uow:
        uow.applications.add(make_rich_file())
        uow.screening_rules.add(make_rule())
    with store.unit_of_work() as uow:
        uow.applications.add(make_file())
        uow.screening_rules.add(make_rule("R-2"))
        uow.rollback()

    assert store.row_counts() == before
    with store.unit_of_work() as uow:
        assert uow.applications.count() == 0
        assert uow.screening_rules.active() == []
