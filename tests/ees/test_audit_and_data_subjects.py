"""Every read and write is audited in a hash chain; data-subject requests run to deadline."""

from dataclasses import replace
from datetime import date

import pytest

from limes.access.errors import ForbiddenError
from limes.ees.data_subject import RequestKind, RequestStatus
from limes.ees.errors import TravellerNotFoundError
from limes.ees.model import DocumentKey
from tests.builders import AUDITOR, DPO, GUARD, at, entry, make_actor
from tests.ees.conftest import NewWorld

DOCUMENT = DocumentKey("USA", "L898902C3")


def test_registrations_and_reads_are_audited_with_who_what_and_why(new_world: NewWorld) -> None:
    world = new_world(now=at(2026, 6, 1))
    outcome = world.crossings.register_entry(entry(), GUARD)
    world.stays.find_traveller(DOCUMENT, GUARD)

    with world.unit_of_work() as uow:
        events = [entry.event for entry in uow.audit_log.entries()]

    mine = [event for event in events if event.actor == "guard-1"]
    assert [(event.action, event.subject) for event in mine] == [
        ("ees.entry.register", outcome.record.record_id),
        ("ees.traveller.read", outcome.record.file_id),
    ]
    assert all(event.purpose == "border_check" for event in mine)


def test_the_audit_chain_verifies_and_no_entry_names_the_person(new_world: NewWorld) -> None:
    world = new_world(now=at(2026, 6, 1))
    world.crossings.register_entry(entry(), GUARD)

    verdict = world.audit.verify(AUDITOR)

    with world.unit_of_work() as uow:
        text = repr(list(uow.audit_log.entries()))
    assert verdict.intact
    assert verdict.entries_checked >= 1
    assert "ERIKSSON" not in text
    assert "L898902C3" not in text


def test_a_border_guard_may_not_verify_the_audit_log(new_world: NewWorld) -> None:
    world = new_world()

    with pytest.raises(ForbiddenError):
        world.audit.verify(GUARD)


def test_an_access_request_from_another_state_has_its_forwarding_deadline(
    new_world: NewWorld,
) -> None:
    world = new_world(now=at(2026, 6, 1))
    world.crossings.register_entry(entry(), GUARD)  # responsible state: NLD
    german_dpo = make_actor(*DPO.roles, name="dpo-de", state="DEU")

    request = world.data_subjects.open(DOCUMENT, RequestKind.ACCESS, german_dpo)
    forwarded = world.data_subjects.forward(request.request_id, german_dpo)

    assert request.answer_due_on == date(2026, 7, 16)
    assert request.forward_due_on == date(2026, 6, 8)
    assert forwarded.status is RequestStatus.FORWARDED
    assert forwarded.check_due_on == date(2026, 7, 1)


def test_an_access_request_exports_the_whole_file(new_world: NewWorld) -> None:
    world = new_world(now=at(2026, 6, 1))
    world.crossings.register_entry(entry(), GUARD)
    request = world.data_subjects.open(DOCUMENT, RequestKind.ACCESS, DPO)

    history = world.data_subjects.export(request.request_id, DPO)
    closed = world.data_subjects.complete(
        request.request_id, DPO, accepted=True, outcome="sent by letter"
    )

    assert len(history.entries) == 1
    assert closed.status is RequestStatus.COMPLETED
    assert world.data_subjects.list_open(DPO) == []


def test_an_accepted_erasure_request_erases_the_file(new_world: NewWorld) -> None:
    world = new_world(now=at(2026, 6, 1))
    world.crossings.register_entry(entry(), GUARD)
    request = world.data_subjects.open(DOCUMENT, RequestKind.ERASURE, DPO)

    world.data_subjects.complete(request.request_id, DPO, accepted=True, outcome="erased")

    with pytest.raises(TravellerNotFoundError):
        world.stays.find_traveller(DOCUMENT, GUARD)


def test_an_accepted_rectification_corrects_the_identity(new_world: NewWorld) -> None:
    world = new_world(now=at(2026, 6, 1))
    outcome = world.crossings.register_entry(entry(), GUARD)
    request = world.data_subjects.open(DOCUMENT, RequestKind.RECTIFICATION, DPO)
    history = world.stays.find_traveller(DOCUMENT, GUARD)

    world.data_subjects.complete(
        request.request_id,
        DPO,
        accepted=True,
        outcome="surname corrected",
        rectified_identity=replace(history.file.identity, surname="ERIKSEN"),
    )

    corrected = world.stays.find_traveller(DOCUMENT, GUARD)
    assert corrected.file.file_id == outcome.record.file_id
    assert corrected.file.identity.surname == "ERIKSEN"
