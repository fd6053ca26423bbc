"""Contract: nothing is kept without commit; a commit is seen by the next unit of work."""

import pytest

from limes.ees.model import TravellerFile
from tests.store.builders import make_bcp, make_entry, make_file
from tests.store.conftest import StoreUnderTest


def test_leaving_without_commit_keeps_nothing(store: StoreUnderTest) -> None:
    before = store.row_counts()
    file = make_file()
    with store.unit_of_work() as uow:
        uow.traveller_files.add(file)
        uow.records.add_entry(make_entry(file))
        uow.border_crossing_points.add(make_bcp())
        assert uow.traveller_files.get(file.file_id) == file  # seen inside

    assert store.row_counts() == before
    with store.unit_of_work() as uow:
        assert uow.traveller_files.get(file.file_id) is None
        assert uow.traveller_files.find_by_document(file.documents[0].key) is None


def add_then_fail(store: StoreUnderTest, file: TravellerFile) -> None:
    with store.unit_of_work() as uow:
        uow.traveller_files.add(file)
        raise RuntimeError("the guard's screen froze")


def test_an_error_in_the_block_rolls_back(store: StoreUnderTest) -> None:
    with pytest.raises(RuntimeError):
        add_then_fail(store, make_file())

    with store.unit_of_work() as uow:
        assert uow.traveller_files.count() == 0


def test_rollback_discards_what_came_after_the_last_commit(store: StoreUnderTest) -> None:
    kept, dropped = make_file(), make_file()
    with store.unit_of_work() as uow:
        uow.traveller_files.add(kept)
        uow.commit()
        uow.traveller_files.add(dropped)
        uow.rollback()

    with store.unit_of_work() as uow:
        assert uow.traveller_files.get(kept.file_id) == kept
        assert uow.traveller_files.get(dropped.file_id) is None


def test_a_unit_of_work_is_not_usable_outside_its_block(store: StoreUnderTest) -> None:
    uow = store.unit_of_work()
    with pytest.raises(RuntimeError):
        uow.commit()
