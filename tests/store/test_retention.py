"""Contract: the retention plan says what is due for erasure and whom to warn first."""

from datetime import date

from limes.ees.ports import RetentionItem
from tests.store.builders import at, make_file
from tests.store.conftest import StoreUnderTest


def item(
    file_id: str, subject_id: str, erase_on: date, warn_on: date | None = None
) -> RetentionItem:
    kind = "file" if subject_id == file_id else "entry"
    return RetentionItem(
        subject_kind=kind,
        subject_id=subject_id,
        file_id=file_id,
        erase_on=erase_on,
        warn_on=warn_on,
    )


def test_items_are_due_on_and_after_their_erasure_day(store: StoreUnderTest) -> None:
    file = make_file()
    plan = [
        item(file.file_id, file.file_id, date(2029, 11, 1)),
        item(file.file_id, "entry-a", date(2029, 6, 1)),
        item(file.file_id, "entry-b", date(2030, 1, 1)),
    ]
    with store.unit_of_work() as uow:
        uow.traveller_files.add(file)
        uow.retention.schedule(file.file_id, plan)
        uow.commit()

    with store.unit_of_work() as uow:
        assert uow.retention.due(date(2029, 5, 31), 10) == []
        assert uow.retention.due(date(2029, 11, 1), 10) == [plan[1], plan[0]]
        assert uow.retention.due(date(2031, 1, 1), 1) == [plan[1]]


def test_scheduling_again_replaces_the_files_plan(store: StoreUnderTest) -> None:
    file, other = make_file(), make_file()
    with store.unit_of_work() as uow:
        uow.traveller_files.add(file)
        uow.traveller_files.add(other)
        uow.retention.schedule(other.file_id, [item(other.file_id, "entry-o", date(2029, 1, 1))])
        uow.retention.schedule(file.file_id, [item(file.file_id, "entry-a", date(2029, 1, 1))])
        uow.retention.schedule(file.file_id, [item(file.file_id, "entry-b", date(2029, 2, 1))])
        uow.commit()

    with store.unit_of_work() as uow:
        assert [found.subject_id for found in uow.retention.due(date(2030, 1, 1), 10)] == [
            "entry-o",
            "entry-b",
        ]


def test_a_warning_is_due_once_until_marked(store: StoreUnderTest) -> None:
    file = make_file()
    overstay = item(file.file_id, "entry-a", date(2031, 2, 1), warn_on=date(2030, 11, 1))
    quiet = item(file.file_id, "entry-b", date(2031, 2, 1))
    with store.unit_of_work() as uow:
        uow.traveller_files.add(file)
        uow.retention.schedule(file.file_id, [overstay, quiet])
        uow.commit()

    with store.unit_of_work() as uow:
        assert uow.retention.warnings_due(date(2030, 10, 31), 10) == []
        assert uow.retention.warnings_due(date(2030, 11, 1), 10) == [overstay]
        uow.retention.mark_warned(overstay, at(2030, 11, 1))
        uow.commit()

    with store.unit_of_work() as uow:
        assert uow.retention.warnings_due(date(2030, 12, 1), 10) == []
        uow.retention.schedule(file.file_id, [overstay, quiet])  # planned again, unchanged
        assert uow.retention.warnings_due(date(2030, 12, 1), 10) == []
        uow.retention.schedule(
            file.file_id, [item(file.file_id, "entry-a", date(2031, 5, 1), date(2031, 2, 1))]
        )
        assert [found.warn_on for found in uow.retention.warnings_due(date(2031, 3, 1), 10)] == [
            date(2031, 2, 1)
        ]
