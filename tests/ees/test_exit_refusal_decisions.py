"""Exits with overstay measures, refusals of entry, and art. 19 stay decisions."""

from datetime import date

import pytest

from limes.ees.commands import StayDecisionRegistration
from limes.ees.errors import AlreadyInsideError, InvalidRecordError, NotInsideError
from limes.ees.model import DocumentKey, RefusalReason, StayDecisionKind
from tests.builders import (
    GUARD,
    SUPERVISOR,
    at,
    entry,
    exit_of,
    make_traveller,
    refusal,
)
from tests.ees.conftest import NewWorld

DOCUMENT = DocumentKey("USA", "L898902C3")


def test_an_exit_within_the_authorised_stay_reports_no_overstay(new_world: NewWorld) -> None:
    world = new_world()
    world.crossings.register_entry(entry(when=at(2026, 6, 1)), GUARD)

    outcome = world.crossings.register_exit(exit_of(when=at(2026, 6, 30)), GUARD)

    assert outcome.record.exit is not None
    assert outcome.record.exit.day == date(2026, 6, 30)
    assert outcome.days_used == 30
    assert outcome.overstay_days == 0
    assert outcome.days_after_authorised_stay == 0


def test_an_exit_after_the_authorised_stay_reports_both_overstay_measures(
    new_world: NewWorld,
) -> None:
    world = new_world()
    world.crossings.register_entry(entry(when=at(2026, 6, 1)), GUARD)  # until 29 August

    outcome = world.crossings.register_exit(exit_of(when=at(2026, 9, 8)), GUARD)

    assert outcome.days_used == 100
    assert outcome.overstay_days == 10
    assert outcome.days_in_breach == 10
    assert outcome.days_after_authorised_stay == 10


def test_an_exit_without_an_open_entry_is_rejected(new_world: NewWorld) -> None:
    world = new_world()
    world.crossings.register_entry(entry(when=at(2026, 6, 1)), GUARD)
    world.crossings.register_exit(exit_of(when=at(2026, 6, 2)), GUARD)

    with pytest.raises(NotInsideError):
        world.crossings.register_exit(exit_of(when=at(2026, 6, 3)), GUARD)


def test_an_exit_before_its_entry_is_rejected(new_world: NewWorld) -> None:
    world = new_world()
    world.crossings.register_entry(entry(when=at(2026, 6, 10)), GUARD)

    with pytest.raises(InvalidRecordError):
        world.crossings.register_exit(exit_of(when=at(2026, 6, 9)), GUARD)


def test_a_refusal_creates_a_file_with_its_annex_v_reasons(new_world: NewWorld) -> None:
    world = new_world()
    reasons = frozenset({RefusalReason.NO_VALID_VISA_OR_RESIDENCE_PERMIT})
    traveller = make_traveller(nationalities=("NGA",), fingerprint_ref=None)

    outcome = world.crossings.register_refusal(refusal(traveller, reasons=reasons), GUARD)

    history = world.stays.find_traveller(traveller.document.key, GUARD)
    assert outcome.file_created
    assert outcome.record.reasons == reasons
    assert history.refusals == (outcome.record,)


def test_a_refusal_because_biometrics_are_refused_needs_no_other_reason(
    new_world: NewWorld,
) -> None:
    world = new_world()
    traveller = make_traveller(facial_image_ref=None, fingerprint_ref=None)

    outcome = world.crossings.register_refusal(
        refusal(traveller, reasons=frozenset(), biometrics_refused=True), GUARD
    )

    assert outcome.record.biometrics_refused


def test_a_refusal_without_any_reason_is_rejected(new_world: NewWorld) -> None:
    world = new_world()

    with pytest.raises(InvalidRecordError):
        world.crossings.register_refusal(refusal(reasons=frozenset()), GUARD)


def test_a_traveller_inside_cannot_be_refused_entry(new_world: NewWorld) -> None:
    world = new_world()
    world.crossings.register_entry(entry(when=at(2026, 6, 1)), GUARD)

    with pytest.raises(AlreadyInsideError):
        world.crossings.register_refusal(refusal(when=at(2026, 6, 2)), GUARD)


def test_an_extension_moves_the_authorised_stay_and_clears_the_overstay_flag(
    new_world: NewWorld,
) -> None:
    world = new_world(now=at(2026, 6, 1))
    world.crossings.register_entry(entry(), GUARD)
    world.clock.set(at(2026, 9, 1))
    assert world.monitoring.flag_overstayers(SUPERVISOR) == 1

    record = world.crossings.register_stay_decision(
        StayDecisionRegistration(
            document=DOCUMENT,
            kind=StayDecisionKind.EXTENSION,
            decided_on=date(2026, 9, 1),
            place="Den Haag",
            authorised_stay_until=date(2026, 9, 30),
        ),
        SUPERVISOR,
    )

    report = world.stays.remaining_stay(DOCUMENT, GUARD, on=date(2026, 9, 1))
    assert record.overstay_flagged_at is None
    assert report.authorised_stay_until == date(2026, 9, 30)
    assert world.monitoring.overstayers(SUPERVISOR) == []


def test_an_extension_must_end_after_the_current_authorised_stay(new_world: NewWorld) -> None:
    world = new_world()
    world.crossings.register_entry(entry(when=at(2026, 6, 1)), GUARD)

    with pytest.raises(InvalidRecordError):
        world.crossings.register_stay_decision(
            StayDecisionRegistration(
                document=DOCUMENT,
                kind=StayDecisionKind.EXTENSION,
                decided_on=date(2026, 6, 5),
                place="Den Haag",
                authorised_stay_until=date(2026, 8, 1),
            ),
            SUPERVISOR,
        )


def test_a_revocation_ends_the_authorised_stay_on_the_decision_day(new_world: NewWorld) -> None:
    world = new_world()
    world.crossings.register_entry(entry(when=at(2026, 6, 1)), GUARD)

    world.crossings.register_stay_decision(
        StayDecisionRegistration(
            document=DOCUMENT,
            kind=StayDecisionKind.REVOCATION,
            decided_on=date(2026, 6, 10),
            place="Schiphol",
        ),
        SUPERVISOR,
    )

    report = world.stays.remaining_stay(DOCUMENT, GUARD, on=date(2026, 6, 12))
    assert report.authorised_stay_until == date(2026, 6, 10)


def test_the_remaining_stay_counts_days_used_and_left(new_world: NewWorld) -> None:
    world = new_world()
    world.crossings.register_entry(entry(when=at(2026, 6, 1)), GUARD)

    report = world.stays.remaining_stay(DOCUMENT, GUARD, on=date(2026, 6, 20))

    assert report.inside
    assert report.days_used == 20
    assert report.days_remaining == 70
    assert report.latest_exit == date(2026, 8, 29)
    assert report.authorised_stay_until == date(2026, 8, 29)
