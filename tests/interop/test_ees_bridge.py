"""EES writes and enrolments run the multiple-identity check without the border waiting."""

from datetime import date

import pytest

from limes.access.service import SYSTEM
from limes.biometrics.model import SubjectRef
from limes.interop.errors import RecordNotFoundError
from limes.interop.model import LinkColour, System
from tests.builders import SCHIPHOL, at, entry, exit_of, make_traveller
from tests.interop.conftest import GUARD, SUPERVISOR, Interop


def test_a_new_ees_file_enters_the_cir_and_a_later_face_links_it(interop: Interop) -> None:
    services = interop.services
    services.registry.add_border_crossing_point(SCHIPHOL, SYSTEM)
    interop.clock.at = at(2026, 6, 1)
    first = services.entry_exit.register_entry(entry(make_traveller()), GUARD)
    held = services.identities.get_record(System.EES, first.record.file_id, GUARD)
    assert held.identity.surname == "ERIKSSON"
    assert [d.number for d in held.documents] == ["L898902C3"]
    assert held.template_ids == ()

    # A second person's file, then both faces enrolled for their files: same face.
    other = make_traveller(
        surname="OKAFOR", given_names="CHIDI", date_of_birth=date(1970, 1, 2), number="X1234567"
    )
    second = services.entry_exit.register_entry(entry(other), GUARD)
    for outcome, face in ((first, b"face:alice:0"), (second, b"face:alice:1")):
        subject = SubjectRef(system="EES", record_id=outcome.record.file_id)
        services.biometrics.enrol_face(subject, face, "kiosk-1", GUARD)

    [link] = services.mid.queue(GUARD)
    assert link.colour is LinkColour.YELLOW
    assert {link.record_a, link.record_b} == {
        f"EES:{first.record.file_id}",
        f"EES:{second.record.file_id}",
    }
    refreshed = services.identities.get_record(System.EES, second.record.file_id, GUARD)
    assert len(refreshed.template_ids) == 1


def test_a_routine_crossing_does_not_check_again(interop: Interop) -> None:
    services = interop.services
    services.registry.add_border_crossing_point(SCHIPHOL, SYSTEM)
    interop.clock.at = at(2026, 6, 10)
    outcome = services.entry_exit.register_entry(entry(when=at(2026, 6, 1)), GUARD)
    services.entry_exit.register_exit(exit_of(when=at(2026, 6, 5)), GUARD)
    services.entry_exit.register_entry(entry(when=at(2026, 6, 8)), GUARD)
    writes = [e for e in interop.audit_events() if e.action == "interop.record.write"]
    assert len(writes) == 1
    assert writes[0].subject == f"record:EES:{outcome.record.file_id}"


def test_erasing_an_ees_file_erases_its_cir_record_links_and_templates(
    interop: Interop,
) -> None:
    services = interop.services
    services.registry.add_border_crossing_point(SCHIPHOL, SYSTEM)
    interop.clock.at = at(2026, 6, 1)
    first = services.entry_exit.register_entry(entry(make_traveller()), GUARD)
    other = make_traveller(
        surname="OKAFOR", given_names="CHIDI", date_of_birth=date(1970, 1, 2), number="X1234567"
    )
    second = services.entry_exit.register_entry(entry(other), GUARD)
    for outcome, face in ((first, b"face:alice:0"), (second, b"face:alice:1")):
        subject = SubjectRef(system="EES", record_id=outcome.record.file_id)
        services.biometrics.enrol_face(subject, face, "kiosk-1", GUARD)
    assert len(services.mid.queue(GUARD)) == 1

    services.retention.erase_file(first.record.file_id, SUPERVISOR, "data_subject_request")

    with pytest.raises(RecordNotFoundError):
        services.identities.get_record(System.EES, first.record.file_id, GUARD)
    assert services.mid.queue(GUARD) == []
    subject = SubjectRef(system="EES", record_id=first.record.file_id)
    assert services.biometrics.templates_of(subject, GUARD) == []
    found = services.biometrics.identify_face(b"face:alice:2", GUARD, max_candidates=5)
    assert [c.subject.record_id for c in found.candidates] == [second.record.file_id]
