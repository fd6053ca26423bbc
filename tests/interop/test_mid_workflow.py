"""The multiple-identity check on writes, and the manual verification of yellow links."""

from datetime import date, timedelta

import pytest

from limes.access.errors import ForbiddenError
from limes.interop.errors import (
    InvalidLinkChangeError,
    InvalidQueryError,
    LinkNotFoundError,
    NotResponsibleAuthorityError,
)
from limes.interop.model import (
    BiometricComparison,
    DocumentComparison,
    IdentityComparison,
    LinkColour,
    System,
)
from tests.interop.conftest import (
    GERMAN_GUARD,
    GUARD,
    SIRENE_NL,
    SUPERVISOR,
    VISA_OFFICER,
    Interop,
    identity,
    passport,
)


def test_a_first_record_has_no_links_and_its_own_identity(interop: Interop) -> None:
    outcome = interop.record("f1", face=b"face:alice:0", documents=(passport("P1"),))
    assert outcome.created
    assert outcome.links == ()
    assert outcome.record.identity_id


def test_same_face_and_same_identity_is_a_white_link_and_one_identity(interop: Interop) -> None:
    first = interop.record("v1", system=System.VIS, face=b"face:alice:0", actor=VISA_OFFICER)
    second = interop.record("f1", face=b"face:alice:1")
    [link] = second.links
    assert link.colour is LinkColour.WHITE
    assert link.evidence.biometric is BiometricComparison.SAME
    assert link.evidence.identity is IdentityComparison.SAME
    assert link.evidence.biometric_score is not None
    assert link.evidence.biometric_score < 0.6
    assert link.verify_by is None
    assert second.record.identity_id == first.record.identity_id
    records = interop.services.identities.identity(first.record.identity_id, GUARD)
    assert {r.key for r in records} == {"VIS:v1", "EES:f1"}


def test_same_face_under_another_name_is_a_yellow_link_for_the_writing_authority(
    interop: Interop,
) -> None:
    first = interop.record("f1", face=b"face:alice:0", who=identity("Jansen", "Piet"))
    second = interop.record(
        "f2", face=b"face:alice:2", who=identity("Okafor", "Chidi", born=date(1970, 1, 2))
    )
    [link] = second.links
    assert link.colour is LinkColour.YELLOW
    assert (link.record_a, link.record_b) == ("EES:f2", "EES:f1")
    assert link.evidence.identity is IdentityComparison.DIFFERENT
    assert link.responsible_system is System.EES
    assert link.responsible_state == "NLD"
    assert link.verify_by == interop.clock.now() + timedelta(hours=2)
    assert [change.colour for change in link.history] == [LinkColour.YELLOW]
    assert second.record.identity_id != first.record.identity_id


def test_the_same_finger_under_another_name_is_a_yellow_link(interop: Interop) -> None:
    interop.record("f1", finger=b"finger:alice-right-index", who=identity("Jansen", "Piet"))
    interop.record("f3", finger=b"finger:bob-right-index", who=identity("Smit", born=None))
    second = interop.record(
        "f2",
        finger=b"finger:alice-right-index",
        who=identity("Okafor", "Chidi", born=date(1970, 1, 2)),
    )
    [link] = second.links
    assert link.record_b == "EES:f1"
    assert link.colour is LinkColour.YELLOW
    assert link.evidence.biometric is BiometricComparison.SAME
    assert link.evidence.biometric_modality == "fingerprint"
    assert link.evidence.biometric_score is not None
    assert link.evidence.biometric_score >= 40


def test_a_face_match_is_labelled_as_such(interop: Interop) -> None:
    interop.record("f1", face=b"face:alice:0", who=identity("Jansen", "Piet"))
    second = interop.record(
        "f2", face=b"face:alice:1", who=identity("Okafor", "Chidi", born=date(1970, 1, 2))
    )
    assert second.links[0].evidence.biometric_modality == "face"


def test_no_link_between_different_people(interop: Interop) -> None:
    interop.record("f1", face=b"face:alice:0", who=identity("Jansen"))
    other = interop.record("f2", face=b"face:bob:0", who=identity("Okafor", born=date(1970, 1, 2)))
    assert other.links == ()


def test_namesakes_with_different_faces_get_a_yellow_link(interop: Interop) -> None:
    interop.record("f1", face=b"face:alice:0")
    second = interop.record("f2", face=b"face:bob:0")  # same identity data, another face
    [link] = second.links
    assert link.colour is LinkColour.YELLOW
    assert link.evidence.biometric is BiometricComparison.DIFFERENT
    assert link.evidence.biometric_score is not None
    assert link.evidence.biometric_score > 0.6


def test_same_document_without_biometrics_on_one_side_is_white(interop: Interop) -> None:
    interop.record(
        "f1",
        face=b"face:alice:0",
        documents=(
            passport(
                "P 123",
            ),
        ),
    )
    etias = interop.record(
        "a1", system=System.ETIAS, documents=(passport("p123"),), actor=SUPERVISOR
    )
    [link] = etias.links
    assert link.colour is LinkColour.WHITE
    assert link.evidence.biometric is BiometricComparison.NOT_AVAILABLE
    assert link.evidence.document is DocumentComparison.SAME


def test_a_link_to_a_sis_alert_goes_to_the_issuing_states_sirene(interop: Interop) -> None:
    interop.record(
        "alert-1",
        system=System.SIS,
        face=b"face:alice:0",
        who=identity("Other", "Name", born=date(1960, 1, 1)),
        state="NLD",
        actor=SIRENE_NL,
    )
    found = interop.record("f1", face=b"face:alice:1", state="DEU", actor=GERMAN_GUARD)
    [link] = found.links
    assert link.responsible_system is System.SIS
    assert link.responsible_state == "NLD"
    assert [found.link_id for found in interop.services.mid.queue(SIRENE_NL)] == [link.link_id]
    assert interop.services.mid.queue(GERMAN_GUARD) == []


def test_updating_a_record_does_not_duplicate_its_links(interop: Interop) -> None:
    interop.record("f1", face=b"face:alice:0")
    interop.record("f2", face=b"face:bob:0")
    again = interop.services.identities.register_record(_same_registration(interop, "f2"), GUARD)
    assert not again.created
    assert again.links == ()


def _same_registration(interop: Interop, record_id: str):  # type: ignore[no-untyped-def]
    from limes.interop.commands import RecordRegistration

    record = interop.services.identities.get_record(System.EES, record_id, GUARD)
    return RecordRegistration(
        system=record.system,
        record_id=record.record_id,
        member_state=record.member_state,
        identity=record.identity,
        documents=record.documents,
        template_ids=record.template_ids,
    )


def test_templates_must_belong_to_the_record(interop: Interop) -> None:
    first = interop.record("f1", face=b"face:alice:0")
    from limes.interop.commands import RecordRegistration

    with pytest.raises(InvalidQueryError, match="enrolled for that record"):
        interop.services.identities.register_record(
            RecordRegistration(
                system=System.EES,
                record_id="f9",
                member_state="NLD",
                identity=identity(),
                template_ids=first.record.template_ids,
            ),
            GUARD,
        )


@pytest.fixture
def yellow(interop: Interop) -> str:
    interop.record("f1", face=b"face:alice:0", who=identity("Jansen", "Piet"))
    second = interop.record(
        "f2", face=b"face:alice:2", who=identity("Okafor", "Chidi", born=date(1970, 1, 2))
    )
    return second.links[0].link_id


@pytest.mark.parametrize("colour", [LinkColour.RED, LinkColour.GREEN])
def test_the_responsible_authority_resolves_and_statistics_count(
    interop: Interop, yellow: str, colour: LinkColour
) -> None:
    mid = interop.services.mid
    assert [link.link_id for link in mid.queue(GUARD)] == [yellow]
    interop.clock.advance(minutes=90)
    resolved = mid.resolve(yellow, colour, "passport photos compared at the booth", SUPERVISOR)
    assert resolved.colour is colour
    assert resolved.history[-1].by == SUPERVISOR.user_name
    assert mid.queue(GUARD) == []
    stats = mid.statistics(SUPERVISOR)
    assert stats.by_colour[colour.value] == 1
    assert stats.by_colour["yellow"] == 0
    assert stats.yellow.closed == 1
    assert stats.yellow.closed_max_hours == 1.5
    file = mid.link_file(yellow, GUARD)
    assert file.record_a is not None
    assert file.record_b is not None
    assert file.legal_basis.endswith("art. 32" if colour is LinkColour.RED else "art. 31")


def test_white_after_verification_merges_identities(interop: Interop, yellow: str) -> None:
    interop.services.mid.resolve(yellow, LinkColour.WHITE, "name changed by marriage", GUARD)
    a = interop.services.identities.get_record(System.EES, "f1", GUARD)
    b = interop.services.identities.get_record(System.EES, "f2", GUARD)
    assert a.identity_id == b.identity_id


def test_only_the_responsible_authority_resolves(interop: Interop, yellow: str) -> None:
    with pytest.raises(NotResponsibleAuthorityError):
        interop.services.mid.resolve(yellow, LinkColour.RED, "r", GERMAN_GUARD)
    with pytest.raises(NotResponsibleAuthorityError):
        interop.services.mid.resolve(yellow, LinkColour.RED, "r", VISA_OFFICER)
    with pytest.raises(NotResponsibleAuthorityError):
        interop.services.mid.link_file(yellow, GERMAN_GUARD)


def test_a_red_link_is_visible_to_other_authorities_without_the_records(
    interop: Interop, yellow: str
) -> None:
    interop.services.mid.resolve(yellow, LinkColour.RED, "two passports, one face", GUARD)
    file = interop.services.mid.link_file(yellow, GERMAN_GUARD)
    assert file.link.colour is LinkColour.RED
    assert file.record_a is None
    assert file.record_b is None


def test_bad_resolutions_are_refused(interop: Interop, yellow: str) -> None:
    mid = interop.services.mid
    with pytest.raises(InvalidLinkChangeError, match="reason"):
        mid.resolve(yellow, LinkColour.RED, "  ", GUARD)
    with pytest.raises(InvalidLinkChangeError, match="yellow"):
        mid.resolve(yellow, LinkColour.YELLOW, "r", GUARD)
    with pytest.raises(LinkNotFoundError):
        mid.resolve("nope", LinkColour.RED, "r", GUARD)


def test_overdue_links_are_counted(interop: Interop, yellow: str) -> None:
    interop.clock.advance(hours=3)
    stats = interop.services.mid.statistics(SUPERVISOR)
    assert stats.yellow.still_open == 1
    assert stats.yellow.overdue == 1
    assert stats.yellow.open_max_hours == 3.0


def test_statistics_need_a_statistics_role(interop: Interop) -> None:
    with pytest.raises(ForbiddenError):
        interop.services.mid.statistics(GUARD)


def test_every_step_is_audited_without_personal_data(interop: Interop, yellow: str) -> None:
    interop.services.mid.resolve(yellow, LinkColour.GREEN, "namesakes", GUARD)
    events = interop.audit_events()
    actions = [event.action for event in events]
    assert actions.count("biometrics.enrol") == 2
    assert actions.count("interop.record.write") == 2
    assert actions.count("mid.link.create") == 1
    assert actions[-1] == "mid.link.resolve"
    assert events[-1].subject == f"link:{yellow}"
    text = repr(events)
    for personal in ("Jansen", "Okafor", "Piet", "1970-01-02"):
        assert personal not in text
