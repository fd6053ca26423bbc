"""Contract: individual files, their documents, and erasure of everything attached."""

from dataclasses import replace
from datetime import date

import pytest

from limes.ees.errors import DocumentConflictError, TravellerNotFoundError
from limes.ees.model import DocumentType, RefusalReason
from limes.ees.ports import RetentionItem
from tests.store.builders import (
    at,
    make_crossing,
    make_decision,
    make_document,
    make_entry,
    make_file,
    make_refusal,
    make_visa,
)
from tests.store.conftest import StoreUnderTest


def test_a_file_comes_back_equal_to_the_one_stored(store: StoreUnderTest) -> None:
    file = make_file(
        nationalities=("SYR", "TUR", "AFG"),
        documents=(make_document(), make_document(document_type=DocumentType.IDENTITY_CARD)),
    )
    with store.unit_of_work() as uow:
        uow.traveller_files.add(file)
        uow.commit()

    with store.unit_of_work() as uow:
        assert uow.traveller_files.get(file.file_id) == file
        assert uow.traveller_files.find_by_document(file.documents[1].key) == file
        assert uow.traveller_files.count() == 1


def test_an_unknown_file_or_document_is_none(store: StoreUnderTest) -> None:
    with store.unit_of_work() as uow:
        assert uow.traveller_files.get("file-missing") is None
        assert uow.traveller_files.find_by_document(make_document().key) is None
        assert uow.traveller_files.history("file-missing") is None


def test_a_document_of_another_file_is_a_conflict(store: StoreUnderTest) -> None:
    document = make_document()
    with store.unit_of_work() as uow:
        uow.traveller_files.add(make_file(documents=(document,)))
        uow.commit()

    with store.unit_of_work() as uow, pytest.raises(DocumentConflictError):
        uow.traveller_files.add(make_file(documents=(document,)))


def test_saving_a_file_with_another_files_document_is_a_conflict(store: StoreUnderTest) -> None:
    taken = make_document()
    first, second = make_file(documents=(taken,)), make_file()
    with store.unit_of_work() as uow:
        uow.traveller_files.add(first)
        uow.traveller_files.add(second)
        uow.commit()

    with store.unit_of_work() as uow:
        with pytest.raises(DocumentConflictError):
            uow.traveller_files.save(replace(second, documents=(*second.documents, taken)))
        assert uow.traveller_files.get(second.file_id) == second  # the refusal changed nothing


def test_the_file_follows_the_person_to_a_new_document(store: StoreUnderTest) -> None:
    file = make_file()
    new_passport = make_document()
    with store.unit_of_work() as uow:
        uow.traveller_files.add(file)
        uow.commit()

    renewed = replace(file, documents=(*file.documents, new_passport))
    with store.unit_of_work() as uow:
        uow.traveller_files.save(renewed)
        uow.commit()

    with store.unit_of_work() as uow:
        assert uow.traveller_files.find_by_document(new_passport.key) == renewed
        assert uow.traveller_files.find_by_document(file.documents[0].key) == renewed


def test_a_document_dropped_from_a_file_no_longer_finds_it(store: StoreUnderTest) -> None:
    old, new = make_document(), make_document()
    file = make_file(documents=(old,))
    with store.unit_of_work() as uow:
        uow.traveller_files.add(file)
        uow.traveller_files.save(replace(file, documents=(new,)))
        uow.commit()

    with store.unit_of_work() as uow:
        assert uow.traveller_files.find_by_document(old.key) is None
        assert uow.traveller_files.find_by_document(new.key) == replace(file, documents=(new,))


def test_saving_a_file_never_stored_is_an_error(store: StoreUnderTest) -> None:
    with store.unit_of_work() as uow, pytest.raises(TravellerNotFoundError):
        uow.traveller_files.save(make_file())


def test_a_history_lists_entries_refusals_and_visas_oldest_first(store: StoreUnderTest) -> None:
    file = make_file()
    later = make_entry(file, entry=make_crossing(at(2026, 11, 5)), decisions=(make_decision(),))
    earlier = make_entry(
        file, entry=make_crossing(at(2026, 10, 1)), exit=make_crossing(at(2026, 10, 9))
    )
    refusal = make_refusal(file)
    visa = make_visa(file_id=file.file_id)
    with store.unit_of_work() as uow:
        uow.traveller_files.add(file)
        uow.records.add_entry(later)
        uow.records.add_entry(earlier)
        uow.records.add_refusal(refusal)
        uow.visas.add(visa)
        uow.visas.add(make_visa())  # another person's visa
        uow.commit()

    with store.unit_of_work() as uow:
        history = uow.traveller_files.history(file.file_id)

    assert history is not None
    assert history.file == file
    assert history.entries == (earlier, later)
    assert history.refusals == (refusal,)
    assert history.visas == (visa,)
    assert history.open_entry == later


def test_erasing_a_file_leaves_nothing_of_it(store: StoreUnderTest) -> None:
    with store.unit_of_work() as uow:  # a neighbour that must survive
        neighbour = make_file()
        uow.traveller_files.add(neighbour)
        uow.records.add_entry(make_entry(neighbour))
        uow.commit()
    before = store.row_counts()
    file = make_file(documents=(make_document(), make_document()))
    entry = make_entry(file, decisions=(make_decision(),))
    refusal = make_refusal(
        file,
        reasons=frozenset(
            {RefusalReason.FALSE_TRAVEL_DOCUMENT, RefusalReason.NO_VALID_TRAVEL_DOCUMENT}
        ),
    )
    with store.unit_of_work() as uow:
        uow.traveller_files.add(file)
        uow.records.add_entry(entry)
        uow.records.add_refusal(refusal)
        uow.visas.add(make_visa(file_id=file.file_id))
        uow.retention.schedule(
            file.file_id,
            [
                RetentionItem(
                    subject_kind="file",
                    subject_id=file.file_id,
                    file_id=file.file_id,
                    erase_on=date(2030, 1, 1),
                ),
                RetentionItem(
                    subject_kind="entry",
                    subject_id=entry.record_id,
                    file_id=file.file_id,
                    erase_on=date(2029, 1, 1),
                ),
            ],
        )
        uow.commit()

    with store.unit_of_work() as uow:
        uow.traveller_files.erase(file.file_id)
        uow.commit()

    assert store.row_counts() == before
    with store.unit_of_work() as uow:
        assert uow.traveller_files.get(file.file_id) is None
        assert uow.records.get_entry(entry.record_id) is None
        assert uow.retention.due(date(2031, 1, 1), 10) == []
        assert uow.traveller_files.get(neighbour.file_id) == neighbour
        assert uow.traveller_files.count() == 1


def test_an_erased_files_documents_are_free_again(store: StoreUnderTest) -> None:
    file = make_file()
    with store.unit_of_work() as uow:
        uow.traveller_files.add(file)
        uow.traveller_files.erase(file.file_id)
        uow.traveller_files.add(make_file(documents=file.documents))
        uow.commit()

    with store.unit_of_work() as uow:
        assert uow.traveller_files.count() == 1
