"""Contract: entry/exit and refusal records, the overstay sweep and the overstayer list."""

from dataclasses import replace
from datetime import UTC, date

import pytest

from limes.ees.errors import RecordNotFoundError
from limes.ees.model import RecordFlag, RefusalReason, StayDecisionKind, TravellerFile
from limes.ees.ports import RetentionItem
from tests.store.builders import (
    at,
    make_crossing,
    make_decision,
    make_entry,
    make_file,
    make_refusal,
)
from tests.store.conftest import StoreUnderTest


def stored_file(store: StoreUnderTest, **changes: object) -> TravellerFile:
    file = make_file(**changes)  # type: ignore[arg-type]
    with store.unit_of_work() as uow:
        uow.traveller_files.add(file)
        uow.commit()
    return file


def test_an_entry_comes_back_equal_to_the_one_stored(store: StoreUnderTest) -> None:
    file = stored_file(store)
    entry = make_entry(
        file,
        entry=make_crossing(at(2026, 11, 1, 23, 30), day=date(2026, 11, 2)),
        visa_sticker="NLD123",
        flags=frozenset({RecordFlag.E_GATE, RecordFlag.SELF_SERVICE}),
        decisions=(
            make_decision(StayDecisionKind.EXTENSION),
            make_decision(StayDecisionKind.REVOCATION, until=None),
        ),
    )
    with store.unit_of_work() as uow:
        uow.records.add_entry(entry)
        uow.commit()

    with store.unit_of_work() as uow:
        assert uow.records.get_entry(entry.record_id) == entry


def test_a_saved_entry_keeps_its_exit_flags_and_decisions(store: StoreUnderTest) -> None:
    file = stored_file(store)
    entry = make_entry(file, decisions=(make_decision(),))
    exited = replace(
        entry,
        exit=make_crossing(at(2026, 11, 20, 7, 15), bcp_code="FIHEL"),
        exit_flags=frozenset({RecordFlag.BIOMETRICS_POSTPONED}),
        overstay_flagged_at=at(2026, 11, 19, 0, 0),
        decisions=(make_decision(StayDecisionKind.ANNULMENT, until=None),),
    )
    with store.unit_of_work() as uow:
        uow.records.add_entry(entry)
        uow.records.save_entry(exited)
        uow.commit()

    with store.unit_of_work() as uow:
        found = uow.records.get_entry(entry.record_id)

    assert found == exited
    assert found is not None
    assert found.exit is not None
    assert found.exit.at.tzinfo is UTC


def test_saving_an_entry_never_stored_is_an_error(store: StoreUnderTest) -> None:
    file = stored_file(store)
    with store.unit_of_work() as uow, pytest.raises(RecordNotFoundError):
        uow.records.save_entry(make_entry(file))


def test_a_refusal_comes_back_with_all_its_reasons(store: StoreUnderTest) -> None:
    file = stored_file(store)
    refusal = make_refusal(
        file,
        reasons=frozenset(
            {RefusalReason.ALREADY_STAYED_90_DAYS, RefusalReason.SIS_OR_NATIONAL_ALERT}
        ),
    )
    with store.unit_of_work() as uow:
        uow.records.add_refusal(refusal)
        uow.commit()

    with store.unit_of_work() as uow:
        history = uow.traveller_files.history(file.file_id)

    assert history is not None
    assert history.refusals == (refusal,)


def test_erasing_records_takes_them_off_the_retention_plan(store: StoreUnderTest) -> None:
    file = stored_file(store)
    entry, refusal = make_entry(file, decisions=(make_decision(),)), make_refusal(file)
    with store.unit_of_work() as uow:
        uow.records.add_entry(entry)
        uow.records.add_refusal(refusal)
        uow.retention.schedule(
            file.file_id,
            [
                RetentionItem(
                    subject_kind=kind,
                    subject_id=record_id,
                    file_id=file.file_id,
                    erase_on=date(2029, 11, 1),
                )
                for kind, record_id in (("entry", entry.record_id), ("refusal", refusal.record_id))
            ],
        )
        uow.commit()

    with store.unit_of_work() as uow:
        uow.records.erase_entry(entry.record_id)
        uow.records.erase_refusal(refusal.record_id)
        uow.commit()

    with store.unit_of_work() as uow:
        history = uow.traveller_files.history(file.file_id)
        assert uow.records.get_entry(entry.record_id) is None
        assert uow.retention.due(date(2030, 1, 1), 10) == []
    assert history is not None
    assert (history.entries, history.refusals) == ((), ())


def test_the_overstay_sweep_finds_open_unflagged_stays_that_ended(store: StoreUnderTest) -> None:
    file = stored_file(store)
    ended = make_entry(file, authorised_stay_until=date(2026, 11, 9))
    ended_earlier = make_entry(file, authorised_stay_until=date(2026, 11, 1))
    ends_today = make_entry(file, authorised_stay_until=date(2026, 11, 10))
    left = make_entry(file, authorised_stay_until=date(2026, 11, 2), exit=make_crossing())
    flagged = make_entry(
        file, authorised_stay_until=date(2026, 11, 2), overstay_flagged_at=at(2026, 11, 3)
    )
    with store.unit_of_work() as uow:
        for record in (ended, ended_earlier, ends_today, left, flagged):
            uow.records.add_entry(record)
        uow.commit()

    with store.unit_of_work() as uow:
        assert uow.records.due_for_overstay_flag(date(2026, 11, 10), 10) == [
            ended_earlier,
            ended,
        ]
        assert uow.records.due_for_overstay_flag(date(2026, 11, 10), 1) == [ended_earlier]


def test_the_overstayer_list_filters_by_nationality_and_bcp(store: StoreUnderTest) -> None:
    syrian = stored_file(store, nationalities=("TUR", "SYR"))
    american = stored_file(store, nationalities=("USA",))
    flagged = at(2026, 11, 20)
    syrian_at_amsterdam = make_entry(
        syrian, authorised_stay_until=date(2026, 11, 5), overstay_flagged_at=flagged
    )
    american_at_helsinki = make_entry(
        american,
        entry=make_crossing(bcp_code="FIHEL"),
        authorised_stay_until=date(2026, 11, 3),
        overstay_flagged_at=flagged,
    )
    american_not_flagged = make_entry(american, authorised_stay_until=date(2026, 11, 1))
    with store.unit_of_work() as uow:
        for record in (syrian_at_amsterdam, american_at_helsinki, american_not_flagged):
            uow.records.add_entry(record)
        uow.commit()

    with store.unit_of_work() as uow:
        everyone = uow.records.overstayers(nationality=None, bcp_code=None, limit=10, offset=0)
        syrians = uow.records.overstayers(nationality="SYR", bcp_code=None, limit=10, offset=0)
        at_helsinki = uow.records.overstayers(
            nationality=None, bcp_code="FIHEL", limit=10, offset=0
        )
        second_page = uow.records.overstayers(nationality=None, bcp_code=None, limit=1, offset=1)
        nobody = uow.records.overstayers(nationality="SYR", bcp_code="FIHEL", limit=10, offset=0)

    assert [(row.record, row.file) for row in everyone] == [
        (american_at_helsinki, american),
        (syrian_at_amsterdam, syrian),
    ]
    assert [row.record for row in syrians] == [syrian_at_amsterdam]
    assert [row.record for row in at_helsinki] == [american_at_helsinki]
    assert [row.record for row in second_page] == [syrian_at_amsterdam]
    assert nobody == []
