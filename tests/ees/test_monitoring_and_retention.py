"""Overstayer flagging and list, statistics, retention and erasure on a fixed clock."""

from datetime import date

import pytest

from limes.access.errors import ForbiddenError
from limes.ees.errors import TravellerNotFoundError
from limes.ees.model import DocumentKey, RefusalReason
from limes.ees.statistics import Dimension, StatisticsKind
from tests.builders import (
    AUDITOR,
    DPO,
    GUARD,
    SUPERVISOR,
    at,
    entry,
    exit_of,
    make_traveller,
    refusal,
)
from tests.ees.conftest import NewWorld


def test_an_open_entry_is_flagged_once_the_authorised_stay_has_ended_everywhere(
    new_world: NewWorld,
) -> None:
    world = new_world(now=at(2026, 6, 1))
    world.crossings.register_entry(entry(), GUARD)  # authorised until 29 August

    world.clock.set(at(2026, 8, 29, 23))
    flagged_on_last_day = world.monitoring.flag_overstayers(SUPERVISOR)
    world.clock.set(at(2026, 8, 30, 12))
    flagged_after = world.monitoring.flag_overstayers(SUPERVISOR)

    rows = world.monitoring.overstayers(SUPERVISOR)
    assert flagged_on_last_day == 0
    assert flagged_after == 1
    assert [row.file.identity.surname for row in rows] == ["ERIKSSON"]


def test_the_overstayer_list_filters_by_nationality_and_border_crossing_point(
    new_world: NewWorld,
) -> None:
    world = new_world(now=at(2026, 6, 1))
    world.crossings.register_entry(entry(make_traveller(number="A1")), GUARD)
    world.crossings.register_entry(
        entry(make_traveller(number="B2", nationalities=("GBR",)), bcp_code="FIHEL"), GUARD
    )
    world.clock.set(at(2026, 10, 1))
    world.monitoring.flag_overstayers(SUPERVISOR)

    british = world.monitoring.overstayers(SUPERVISOR, nationality="GBR")
    at_schiphol = world.monitoring.overstayers(SUPERVISOR, bcp_code="NLAMS")

    assert [row.record.document.number for row in british] == ["B2"]
    assert [row.record.document.number for row in at_schiphol] == ["A1"]


def test_travellers_who_left_in_time_are_not_overstayers(new_world: NewWorld) -> None:
    world = new_world(now=at(2026, 6, 1))
    world.crossings.register_entry(entry(), GUARD)
    world.crossings.register_exit(exit_of(when=at(2026, 6, 20)), GUARD)
    world.clock.set(at(2026, 12, 1))

    assert world.monitoring.flag_overstayers(SUPERVISOR) == 0
    assert world.monitoring.overstayers(SUPERVISOR) == []


def test_a_border_guard_may_not_read_the_overstayer_list(new_world: NewWorld) -> None:
    world = new_world()

    with pytest.raises(ForbiddenError):
        world.monitoring.overstayers(GUARD)


def test_statistics_count_by_nationality_and_suppress_small_counts(new_world: NewWorld) -> None:
    world = new_world(now=at(2026, 6, 1))
    for index in range(6):
        world.crossings.register_entry(entry(make_traveller(number=f"US{index}")), GUARD)
    world.crossings.register_entry(
        entry(make_traveller(number="GB1", nationalities=("GBR",))), GUARD
    )

    table = world.monitoring.statistics(
        AUDITOR,
        kind=StatisticsKind.ENTRY,
        dimensions=[Dimension.NATIONALITY],
        from_day=date(2026, 6, 1),
        to_day=date(2026, 6, 30),
    )

    cells = {cell.dimensions: cell.count for cell in table.cells}
    assert cells == {(("nationality", "USA"),): 6, (("nationality", "GBR"),): None}
    assert table.suppressed_cells == 1


def test_refusals_are_counted_by_reason(new_world: NewWorld) -> None:
    world = new_world(now=at(2026, 6, 1))
    for index in range(5):
        world.crossings.register_refusal(
            refusal(
                make_traveller(number=f"R{index}"),
                reasons=frozenset({RefusalReason.INSUFFICIENT_MEANS_OF_SUBSISTENCE}),
            ),
            GUARD,
        )

    table = world.monitoring.statistics(
        SUPERVISOR,
        kind=StatisticsKind.REFUSAL,
        dimensions=[Dimension.REFUSAL_REASON],
        from_day=date(2026, 6, 1),
        to_day=date(2026, 6, 1),
    )

    assert [(cell.dimensions, cell.count) for cell in table.cells] == [
        ((("refusal_reason", "G"),), 5)
    ]


def test_an_exited_record_and_its_file_are_erased_three_years_after_the_exit(
    new_world: NewWorld,
) -> None:
    world = new_world(now=at(2026, 6, 1))
    document = DocumentKey("USA", "L898902C3")
    world.crossings.register_entry(entry(), GUARD)
    world.crossings.register_exit(exit_of(when=at(2026, 6, 10)), GUARD)

    world.clock.set(at(2029, 6, 10, 12))
    kept = world.retention.apply_retention(DPO)
    world.clock.set(at(2029, 6, 11, 12))
    records_gone = world.retention.apply_retention(DPO)
    file_still_there = world.stays.find_traveller(document, GUARD)
    world.clock.set(at(2029, 6, 12, 12))
    file_gone = world.retention.apply_retention(DPO)

    assert (kept.erased_records, kept.erased_files) == (0, 0)
    assert (records_gone.erased_records, records_gone.erased_files) == (1, 0)
    assert file_still_there.entries == ()
    assert file_gone.erased_files == 1
    with pytest.raises(TravellerNotFoundError):
        world.stays.find_traveller(document, GUARD)


def test_a_new_entry_within_three_years_keeps_the_file(new_world: NewWorld) -> None:
    world = new_world(now=at(2026, 6, 1))
    document = DocumentKey("USA", "L898902C3")
    world.crossings.register_entry(entry(), GUARD)
    world.crossings.register_exit(exit_of(when=at(2026, 6, 10)), GUARD)
    world.crossings.register_entry(entry(when=at(2028, 6, 1)), GUARD)
    world.crossings.register_exit(exit_of(when=at(2028, 6, 10)), GUARD)

    world.clock.set(at(2029, 7, 1))
    report = world.retention.apply_retention(DPO)

    history = world.stays.find_traveller(document, GUARD)
    assert report.erased_records == 1
    assert [record.entry.day for record in history.entries] == [date(2028, 6, 1)]


def test_overstayer_data_are_kept_five_years_with_a_warning_three_months_before(
    new_world: NewWorld,
) -> None:
    world = new_world(now=at(2026, 6, 1))
    world.crossings.register_entry(entry(), GUARD)  # authorised until 29 August 2026

    world.clock.set(at(2031, 5, 29, 12))
    before_warning = world.retention.apply_retention(DPO)
    world.clock.set(at(2031, 5, 30, 12))
    warned = world.retention.apply_retention(DPO)
    world.clock.set(at(2031, 8, 30, 12))
    erased = world.retention.apply_retention(DPO)

    assert before_warning.warnings_issued == 0
    assert warned.warnings_issued == 1
    assert (erased.erased_records, erased.erased_files) == (1, 0)


def test_family_members_records_are_kept_one_year_after_exit(new_world: NewWorld) -> None:
    world = new_world(now=at(2026, 6, 1))
    traveller = make_traveller(family_member_of_eu_citizen=True)
    world.crossings.register_entry(entry(traveller), GUARD)
    world.crossings.register_exit(exit_of(traveller, when=at(2026, 6, 10)), GUARD)

    world.clock.set(at(2027, 6, 11, 12))
    report = world.retention.apply_retention(DPO)

    assert report.erased_records == 1


def test_erasing_a_file_removes_everything_about_the_person(new_world: NewWorld) -> None:
    world = new_world(now=at(2026, 6, 1))
    outcome = world.crossings.register_entry(entry(), GUARD)

    world.retention.erase_file(outcome.record.file_id, SUPERVISOR, "acquired_eu_citizenship")

    with pytest.raises(TravellerNotFoundError):
        world.stays.find_traveller(DocumentKey("USA", "L898902C3"), GUARD)
    with world.unit_of_work() as uow:
        assert uow.traveller_files.count() == 0
        assert uow.records.get_entry(outcome.record.record_id) is None
