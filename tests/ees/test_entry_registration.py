"""Registering entries through the service: files, calculator, visas, scope, biometrics."""

from dataclasses import replace
from datetime import date

import pytest

from limes.access.errors import ForbiddenError
from limes.ees.errors import (
    AlreadyInsideError,
    BiometricsRequiredError,
    DocumentConflictError,
    EntryNotAuthorisedError,
    IdempotencyKeyReusedError,
    InvalidRecordError,
    OutOfScopeError,
    UnknownBorderCrossingPointError,
    UnknownVisaError,
)
from limes.ees.model import DocumentKey, FingerprintStatus, RecordFlag
from limes.ees.scope import ScopeExemption
from tests.builders import (
    CARRIER,
    GUARD,
    SUPERVISOR,
    at,
    entry,
    exit_of,
    make_traveller,
    make_visa,
)
from tests.ees.conftest import NewWorld


def test_a_first_entry_creates_a_file_and_authorises_ninety_days(new_world: NewWorld) -> None:
    world = new_world()

    outcome = world.crossings.register_entry(entry(when=at(2026, 6, 1)), GUARD)

    assert outcome.file_created
    assert outcome.authorised_stay_until == date(2026, 8, 29)
    assert outcome.max_stay_days == 90
    assert outcome.days_used_on_entry == 1
    assert outcome.record.entry.bcp_code == "NLAMS"
    assert outcome.record.entry.authority == "Koninklijke Marechaussee"


def test_the_entry_day_is_the_day_at_the_border_crossing_point_not_in_utc(
    new_world: NewWorld,
) -> None:
    world = new_world()

    # 23:30 UTC on 31 May is already 1 June in Amsterdam (UTC+2 in summer).
    outcome = world.crossings.register_entry(entry(when=at(2026, 5, 31, 23)), GUARD)

    assert outcome.record.entry.day == date(2026, 6, 1)


def test_earlier_stays_in_the_window_shorten_the_authorised_stay(new_world: NewWorld) -> None:
    world = new_world()
    world.crossings.register_entry(entry(when=at(2026, 3, 1)), GUARD)
    world.crossings.register_exit(exit_of(when=at(2026, 4, 29)), GUARD)  # 60 days

    outcome = world.crossings.register_entry(entry(when=at(2026, 5, 15)), GUARD)

    assert not outcome.file_created
    assert outcome.days_used_on_entry == 61
    assert outcome.max_stay_days == 30


def test_a_traveller_with_ninety_days_used_is_not_authorised_and_nothing_is_written(
    new_world: NewWorld,
) -> None:
    world = new_world()
    world.crossings.register_entry(entry(when=at(2026, 3, 1)), GUARD)
    world.crossings.register_exit(exit_of(when=at(2026, 5, 29)), GUARD)  # 90 days

    with pytest.raises(EntryNotAuthorisedError) as refused:
        world.crossings.register_entry(entry(when=at(2026, 6, 2)), GUARD)

    assert refused.value.reason == "stay_exhausted"
    history = world.stays.find_traveller(DocumentKey("USA", "L898902C3"), GUARD)
    assert len(history.entries) == 1


def test_a_visa_required_national_without_a_visa_is_not_authorised(new_world: NewWorld) -> None:
    world = new_world()
    traveller = make_traveller(nationalities=("CHN",), fingerprint_ref=None)

    with pytest.raises(EntryNotAuthorisedError) as refused:
        world.crossings.register_entry(entry(traveller, when=at(2026, 6, 1)), GUARD)

    assert refused.value.reason == "visa_required"


def test_a_single_entry_visa_cannot_be_used_for_a_second_entry(new_world: NewWorld) -> None:
    world = new_world()
    visa = world.registry.register_visa(make_visa(entries_allowed=1), SUPERVISOR)
    traveller = make_traveller(nationalities=("CHN",), fingerprint_ref=None)
    first = world.crossings.register_entry(entry(traveller, when=at(2026, 6, 1), visa=visa), GUARD)
    world.crossings.register_exit(exit_of(traveller, when=at(2026, 6, 10)), GUARD)

    with pytest.raises(EntryNotAuthorisedError) as refused:
        world.crossings.register_entry(entry(traveller, when=at(2026, 7, 1), visa=visa), GUARD)

    assert first.visa_entry_number == 1
    assert first.visa_entries_allowed == 1
    assert first.record.visa_sticker == "012345678"
    assert refused.value.reason == "visa_entries_used"


def test_the_visa_duration_of_stay_caps_the_authorised_stay(new_world: NewWorld) -> None:
    world = new_world()
    visa = world.registry.register_visa(make_visa(duration_of_stay_days=15), SUPERVISOR)
    traveller = make_traveller(nationalities=("IND",), fingerprint_ref=None)

    outcome = world.crossings.register_entry(
        entry(traveller, when=at(2026, 6, 1), visa=visa), GUARD
    )

    assert outcome.authorised_stay_until == date(2026, 6, 15)
    assert outcome.max_stay_days == 15


def test_an_unknown_visa_is_rejected(new_world: NewWorld) -> None:
    world = new_world()
    traveller = make_traveller(nationalities=("IND",), fingerprint_ref=None)

    with pytest.raises(UnknownVisaError):
        world.crossings.register_entry(
            entry(traveller, when=at(2026, 6, 1), visa=make_visa()), GUARD
        )


@pytest.mark.parametrize(
    ("nationalities", "exemption", "category"),
    [
        pytest.param(("NLD",), None, "free_movement_national", id="eu-citizen"),
        pytest.param(("USA", "IRL"), None, "free_movement_national", id="dual-irish"),
        pytest.param(("MCO",), None, "microstate_national", id="monaco"),
        pytest.param(
            ("USA",),
            ScopeExemption.RESIDENCE_PERMIT_OR_LONG_STAY_VISA,
            "residence_permit_or_long_stay_visa",
            id="residence-permit",
        ),
    ],
)
def test_out_of_scope_travellers_are_rejected_with_their_category(
    nationalities: tuple[str, ...],
    exemption: ScopeExemption | None,
    category: str,
    new_world: NewWorld,
) -> None:
    world = new_world()
    traveller = replace(make_traveller(nationalities=nationalities), exemption=exemption)

    with pytest.raises(OutOfScopeError) as rejected:
        world.crossings.register_entry(entry(traveller), GUARD)

    assert rejected.value.category == category


def test_a_second_entry_without_exit_is_rejected(new_world: NewWorld) -> None:
    world = new_world()
    world.crossings.register_entry(entry(when=at(2026, 6, 1)), GUARD)

    with pytest.raises(AlreadyInsideError):
        world.crossings.register_entry(entry(when=at(2026, 6, 2)), GUARD)


def test_an_unknown_border_crossing_point_is_rejected(new_world: NewWorld) -> None:
    world = new_world()

    with pytest.raises(UnknownBorderCrossingPointError):
        world.crossings.register_entry(entry(bcp_code="XXXXX"), GUARD)


def test_a_visa_exempt_adult_without_fingerprints_needs_them_or_a_postponement(
    new_world: NewWorld,
) -> None:
    world = new_world()
    traveller = make_traveller(fingerprint_ref=None)

    with pytest.raises(BiometricsRequiredError):
        world.crossings.register_entry(entry(traveller), GUARD)
    outcome = world.crossings.register_entry(entry(traveller, biometrics_postponed=True), GUARD)

    assert RecordFlag.BIOMETRICS_POSTPONED in outcome.record.flags
    assert outcome.warnings == ("biometrics_outstanding",)


def test_postponed_fingerprints_are_completed_at_the_next_crossing(new_world: NewWorld) -> None:
    world = new_world()
    traveller = make_traveller(fingerprint_ref=None)
    world.crossings.register_entry(
        entry(traveller, when=at(2026, 6, 1), biometrics_postponed=True), GUARD
    )

    exited = world.crossings.register_exit(
        exit_of(traveller, when=at(2026, 6, 5), fingerprint_ref="fingers-later"), GUARD
    )

    history = world.stays.find_traveller(traveller.document.key, GUARD)
    assert exited.warnings == ()
    assert history.file.biometrics.fingerprint_status is FingerprintStatus.CAPTURED
    assert history.file.biometrics.fingerprint_ref == "fingers-later"


def test_children_under_twelve_give_no_fingerprints(new_world: NewWorld) -> None:
    world = new_world()
    child = make_traveller(date_of_birth=date(2016, 1, 1), fingerprint_ref=None)

    outcome = world.crossings.register_entry(entry(child, when=at(2026, 6, 1)), GUARD)

    history = world.stays.find_traveller(child.document.key, GUARD)
    assert outcome.warnings == ()
    assert history.file.biometrics.fingerprint_status is FingerprintStatus.EXEMPT_CHILD_UNDER_12


def test_the_file_follows_the_person_to_a_new_document(new_world: NewWorld) -> None:
    world = new_world()
    first = world.crossings.register_entry(entry(when=at(2026, 6, 1)), GUARD)
    world.crossings.register_exit(exit_of(when=at(2026, 6, 5)), GUARD)
    renewed = make_traveller(number="X12345678", expiry=date(2036, 1, 1))

    second = world.crossings.register_entry(
        replace(entry(renewed, when=at(2026, 7, 1)), file_id=first.record.file_id), GUARD
    )

    history = world.stays.find_traveller(DocumentKey("USA", "X12345678"), GUARD)
    assert second.record.file_id == first.record.file_id
    assert not second.file_created
    assert {doc.number for doc in history.file.documents} == {"L898902C3", "X12345678"}
    assert len(history.entries) == 2
    assert second.days_used_on_entry == 6


def test_a_document_held_by_another_file_cannot_be_attached(new_world: NewWorld) -> None:
    world = new_world()
    first = world.crossings.register_entry(entry(when=at(2026, 6, 1)), GUARD)
    other = make_traveller(surname="DOE", number="Z99999999")
    world.crossings.register_entry(entry(other, when=at(2026, 6, 1)), GUARD)

    with pytest.raises(DocumentConflictError):
        world.crossings.register_entry(
            replace(entry(other, when=at(2026, 6, 2)), file_id=first.record.file_id), GUARD
        )


def test_replaying_an_idempotency_key_returns_the_first_outcome_and_writes_once(
    new_world: NewWorld,
) -> None:
    world = new_world()
    command = entry(when=at(2026, 6, 1))

    first = world.crossings.register_entry(command, GUARD, idempotency_key="lane-3-0001")
    again = world.crossings.register_entry(command, GUARD, idempotency_key="lane-3-0001")

    history = world.stays.find_traveller(command.traveller.document.key, GUARD)
    assert again == first
    assert len(history.entries) == 1


def test_an_idempotency_key_reused_for_another_request_is_an_error(new_world: NewWorld) -> None:
    world = new_world()
    world.crossings.register_entry(entry(when=at(2026, 6, 1)), GUARD, idempotency_key="k-1")

    with pytest.raises(IdempotencyKeyReusedError):
        world.crossings.register_exit(exit_of(when=at(2026, 6, 2)), GUARD, idempotency_key="k-1")


def test_a_carrier_may_not_register_an_entry(new_world: NewWorld) -> None:
    world = new_world()

    with pytest.raises(ForbiddenError):
        world.crossings.register_entry(entry(), CARRIER)


def test_an_expired_travel_document_is_not_accepted(new_world: NewWorld) -> None:
    world = new_world()
    traveller = make_traveller(expiry=date(2026, 5, 31))

    with pytest.raises(EntryNotAuthorisedError) as refused:
        world.crossings.register_entry(entry(traveller, when=at(2026, 6, 1)), GUARD)

    assert refused.value.reason == "travel_document_expired"


def test_family_members_of_eu_citizens_are_marked_and_outside_the_calculator(
    new_world: NewWorld,
) -> None:
    world = new_world()
    traveller = make_traveller(family_member_of_eu_citizen=True)
    world.crossings.register_entry(entry(traveller, when=at(2026, 1, 1)), GUARD)
    world.crossings.register_exit(exit_of(traveller, when=at(2026, 3, 31)), GUARD)  # 90 days

    outcome = world.crossings.register_entry(entry(traveller, when=at(2026, 4, 5)), GUARD)

    assert RecordFlag.FAMILY_MEMBER in outcome.record.flags
    assert outcome.authorised_stay_until == date(2026, 7, 3)


def test_a_visa_used_at_entry_joins_the_travellers_file(new_world: NewWorld) -> None:
    world = new_world()
    visa = world.registry.register_visa(make_visa(), SUPERVISOR)
    traveller = make_traveller(nationalities=("CHN",), fingerprint_ref=None)
    world.crossings.register_entry(entry(traveller, when=at(2026, 6, 1), visa=visa), GUARD)

    report = world.stays.remaining_stay(traveller.document.key, GUARD, on=date(2026, 6, 2))

    assert report.visa is not None
    assert report.visa.sticker_number == visa.sticker_number


def test_a_visa_of_another_person_is_not_accepted(new_world: NewWorld) -> None:
    world = new_world()
    visa = world.registry.register_visa(make_visa(), SUPERVISOR)
    holder = make_traveller(nationalities=("CHN",), fingerprint_ref=None)
    world.crossings.register_entry(entry(holder, when=at(2026, 6, 1), visa=visa), GUARD)
    other = make_traveller(nationalities=("CHN",), number="E00000001", fingerprint_ref=None)

    with pytest.raises(InvalidRecordError):
        world.crossings.register_entry(entry(other, when=at(2026, 6, 1), visa=visa), GUARD)
