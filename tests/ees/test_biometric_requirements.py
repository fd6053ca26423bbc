"""Which biometrics the EES must hold for a traveller (EESR art. 15-17)."""

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from limes.ees.biometric_requirements import (
    FINGERPRINT_MIN_AGE_YEARS,
    age_in_years,
    outstanding,
    required_biometrics,
)
from limes.ees.errors import BiometricsRequiredError
from limes.ees.model import Biometrics, FingerprintStatus
from tests.ees.records import make_biometrics

ON = date(2026, 11, 23)
ADULT = date(1980, 6, 15)
TWELFTH_BIRTHDAY = date(2014, 11, 23)  # the child turns 12 on ON


@dataclass(frozen=True, slots=True, kw_only=True)
class Capture:
    """What the booth has on this crossing; defaults: a visa-exempt adult, face and fingers."""

    current: Biometrics | None = None
    facial_image_ref: str | None = "face-new"
    fingerprint_ref: str | None = "fingers-new"
    stated_status: FingerprintStatus | None = None
    visa_holder: bool = False
    date_of_birth: date = ADULT
    on: date = ON
    postponed: bool = False


def required(capture: Capture) -> Biometrics:
    return required_biometrics(
        current=capture.current,
        facial_image_ref=capture.facial_image_ref,
        fingerprint_ref=capture.fingerprint_ref,
        stated_status=capture.stated_status,
        visa_holder=capture.visa_holder,
        date_of_birth=capture.date_of_birth,
        on=capture.on,
        postponed=capture.postponed,
    )


def triple(biometrics: Biometrics) -> tuple[str | None, str | None, FingerprintStatus]:
    return (
        biometrics.facial_image_ref,
        biometrics.fingerprint_ref,
        biometrics.fingerprint_status,
    )


@pytest.mark.parametrize(
    ("date_of_birth", "on", "expected"),
    [
        pytest.param("2014-11-24", "2026-11-23", 11, id="day-before-the-12th-birthday"),
        pytest.param("2014-11-23", "2026-11-23", 12, id="on-the-12th-birthday"),
        pytest.param("2014-11-22", "2026-11-23", 12, id="day-after-the-12th-birthday"),
        pytest.param("2014-02-28", "2026-02-27", 11, id="end-of-february"),
        pytest.param("2012-02-29", "2024-02-29", 12, id="leap-day-birthday-in-a-leap-year"),
        pytest.param("2012-02-29", "2025-02-28", 12, id="leap-day-birthday-not-yet-on-28-feb"),
        pytest.param("2012-02-29", "2025-03-01", 13, id="leap-day-birthday-counts-on-1-march"),
        pytest.param("2026-11-23", "2026-11-23", 0, id="born-today"),
    ],
)
def test_age_in_years_counts_completed_years(date_of_birth: str, on: str, expected: int) -> None:
    assert age_in_years(date.fromisoformat(date_of_birth), date.fromisoformat(on)) == expected


@given(
    date_of_birth=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    days=st.integers(0, 40_000),
)
def test_age_never_decreases_and_is_completed_years(date_of_birth: date, days: int) -> None:
    on = date_of_birth + timedelta(days=days)
    age = age_in_years(date_of_birth, on)

    assert 0 <= age <= days // 365
    assert age_in_years(date_of_birth, on + timedelta(days=1)) in (age, age + 1)


def test_the_fingerprint_age_is_twelve() -> None:
    assert FINGERPRINT_MIN_AGE_YEARS == 12


@pytest.mark.parametrize(
    ("capture", "expected"),
    [
        pytest.param(
            Capture(),
            ("face-new", "fingers-new", FingerprintStatus.CAPTURED),
            id="visa-exempt-adult-enrols-face-and-fingers",
        ),
        pytest.param(
            Capture(visa_holder=True),
            ("face-new", None, FingerprintStatus.HELD_IN_VIS),
            id="visa-holder-fingerprints-stay-in-the-vis",
        ),
        pytest.param(
            Capture(visa_holder=True, fingerprint_ref=None),
            ("face-new", None, FingerprintStatus.HELD_IN_VIS),
            id="visa-holder-needs-no-fingerprints",
        ),
        pytest.param(
            Capture(date_of_birth=TWELFTH_BIRTHDAY + timedelta(days=1), fingerprint_ref=None),
            ("face-new", None, FingerprintStatus.EXEMPT_CHILD_UNDER_12),
            id="child-a-day-before-12-is-exempt",
        ),
        pytest.param(
            Capture(date_of_birth=TWELFTH_BIRTHDAY + timedelta(days=1)),
            ("face-new", None, FingerprintStatus.EXEMPT_CHILD_UNDER_12),
            id="child-under-12-fingerprints-not-kept",
        ),
        pytest.param(
            Capture(date_of_birth=TWELFTH_BIRTHDAY),
            ("face-new", "fingers-new", FingerprintStatus.CAPTURED),
            id="twelve-today-gives-fingerprints",
        ),
        pytest.param(
            Capture(fingerprint_ref=None, stated_status=FingerprintStatus.NOT_APPLICABLE),
            ("face-new", None, FingerprintStatus.NOT_APPLICABLE),
            id="physically-impossible",
        ),
        pytest.param(
            Capture(fingerprint_ref=None, stated_status=FingerprintStatus.TEMPORARILY_IMPOSSIBLE),
            ("face-new", None, FingerprintStatus.TEMPORARILY_IMPOSSIBLE),
            id="temporarily-impossible",
        ),
        pytest.param(
            Capture(stated_status=FingerprintStatus.NOT_APPLICABLE),
            ("face-new", "fingers-new", FingerprintStatus.CAPTURED),
            id="captured-fingerprints-win-over-a-stated-exemption",
        ),
        pytest.param(
            Capture(facial_image_ref=None, fingerprint_ref=None, postponed=True),
            (None, None, FingerprintStatus.POSTPONED),
            id="postponed-at-a-busy-time",
        ),
        pytest.param(
            Capture(fingerprint_ref=None, postponed=True),
            ("face-new", None, FingerprintStatus.POSTPONED),
            id="fingerprints-postponed-face-taken",
        ),
        pytest.param(
            Capture(current=make_biometrics(), facial_image_ref=None, fingerprint_ref=None),
            ("face-1", "fingers-1", FingerprintStatus.CAPTURED),
            id="registered-traveller-need-not-re-enrol",
        ),
        pytest.param(
            Capture(current=make_biometrics(), fingerprint_ref=None),
            ("face-new", "fingers-1", FingerprintStatus.CAPTURED),
            id="new-facial-image-replaces-the-old",
        ),
        pytest.param(
            Capture(
                current=make_biometrics(
                    fingerprint_ref=None, fingerprint_status=FingerprintStatus.NOT_APPLICABLE
                ),
                fingerprint_ref=None,
            ),
            ("face-new", None, FingerprintStatus.NOT_APPLICABLE),
            id="held-not-applicable-stays",
        ),
        pytest.param(
            Capture(
                current=make_biometrics(
                    fingerprint_ref=None, fingerprint_status=FingerprintStatus.POSTPONED
                ),
            ),
            ("face-new", "fingers-new", FingerprintStatus.CAPTURED),
            id="postponed-fingerprints-completed",
        ),
        pytest.param(
            Capture(
                current=make_biometrics(
                    fingerprint_ref=None,
                    fingerprint_status=FingerprintStatus.TEMPORARILY_IMPOSSIBLE,
                ),
                fingerprint_ref=None,
                stated_status=FingerprintStatus.TEMPORARILY_IMPOSSIBLE,
            ),
            ("face-new", None, FingerprintStatus.TEMPORARILY_IMPOSSIBLE),
            id="still-temporarily-impossible-stated-again",
        ),
        pytest.param(
            Capture(
                current=make_biometrics(
                    fingerprint_ref=None, fingerprint_status=FingerprintStatus.HELD_IN_VIS
                ),
                visa_holder=True,
                facial_image_ref=None,
                fingerprint_ref=None,
            ),
            ("face-1", None, FingerprintStatus.HELD_IN_VIS),
            id="registered-visa-holder",
        ),
    ],
)
def test_required_biometrics_after_this_crossing(
    capture: Capture, expected: tuple[str | None, str | None, FingerprintStatus]
) -> None:
    assert triple(required(capture)) == expected


@pytest.mark.parametrize(
    "capture",
    [
        pytest.param(Capture(facial_image_ref=None), id="no-facial-image"),
        pytest.param(
            Capture(facial_image_ref=None, visa_holder=True), id="visa-holder-without-face"
        ),
        pytest.param(Capture(fingerprint_ref=None), id="adult-without-fingerprints"),
        pytest.param(
            Capture(date_of_birth=TWELFTH_BIRTHDAY, fingerprint_ref=None),
            id="twelve-today-without-fingerprints",
        ),
        pytest.param(
            Capture(fingerprint_ref=None, stated_status=FingerprintStatus.EXEMPT_CHILD_UNDER_12),
            id="adult-cannot-claim-the-child-exemption",
        ),
        pytest.param(
            Capture(fingerprint_ref=None, stated_status=FingerprintStatus.CAPTURED),
            id="captured-stated-without-data",
        ),
        pytest.param(
            Capture(
                current=make_biometrics(
                    fingerprint_ref=None,
                    fingerprint_status=FingerprintStatus.TEMPORARILY_IMPOSSIBLE,
                ),
                fingerprint_ref=None,
            ),
            id="temporarily-impossible-must-be-taken-next-time",
        ),
        pytest.param(
            Capture(
                current=make_biometrics(
                    fingerprint_ref=None, fingerprint_status=FingerprintStatus.EXEMPT_CHILD_UNDER_12
                ),
                date_of_birth=TWELFTH_BIRTHDAY,
                fingerprint_ref=None,
            ),
            id="child-exemption-ends-at-12",
        ),
        pytest.param(
            Capture(
                current=make_biometrics(
                    fingerprint_ref=None, fingerprint_status=FingerprintStatus.HELD_IN_VIS
                ),
                fingerprint_ref=None,
            ),
            id="former-visa-holder-now-visa-exempt",
        ),
    ],
)
def test_missing_biometrics_are_refused(capture: Capture) -> None:
    with pytest.raises(BiometricsRequiredError):
        required(capture)


def test_the_missing_biometrics_error_names_the_rule_and_no_personal_data() -> None:
    with pytest.raises(BiometricsRequiredError) as raised:
        required(Capture(fingerprint_ref=None))

    assert raised.value.code == "ees.biometrics_required"
    assert "art. 17(1)(c)" in raised.value.message
    assert ADULT.isoformat() not in raised.value.message


@given(
    visa_holder=st.booleans(),
    date_of_birth=st.dates(min_value=date(1920, 1, 1), max_value=ON),
    facial_image_ref=st.sampled_from([None, "face"]),
    fingerprint_ref=st.sampled_from([None, "fingers"]),
    stated_status=st.none() | st.sampled_from(FingerprintStatus),
    postponed=st.booleans(),
)
def test_fingerprints_are_kept_only_when_captured(
    visa_holder: bool,
    date_of_birth: date,
    facial_image_ref: str | None,
    fingerprint_ref: str | None,
    stated_status: FingerprintStatus | None,
    postponed: bool,
) -> None:
    capture = Capture(
        visa_holder=visa_holder,
        date_of_birth=date_of_birth,
        facial_image_ref=facial_image_ref,
        fingerprint_ref=fingerprint_ref,
        stated_status=stated_status,
        postponed=postponed,
    )
    try:
        biometrics = required(capture)
    except BiometricsRequiredError:
        return

    assert (biometrics.fingerprint_ref is not None) == (
        biometrics.fingerprint_status is FingerprintStatus.CAPTURED
    )
    assert biometrics.facial_image_ref is not None or postponed
    if visa_holder:
        assert biometrics.fingerprint_status is FingerprintStatus.HELD_IN_VIS
    elif age_in_years(date_of_birth, ON) < FINGERPRINT_MIN_AGE_YEARS:
        assert biometrics.fingerprint_status is FingerprintStatus.EXEMPT_CHILD_UNDER_12


@pytest.mark.parametrize(
    ("biometrics", "expected"),
    [
        pytest.param(make_biometrics(), False, id="complete"),
        pytest.param(make_biometrics(facial_image_ref=None), True, id="facial-image-missing"),
        pytest.param(
            make_biometrics(fingerprint_ref=None, fingerprint_status=FingerprintStatus.POSTPONED),
            True,
            id="fingerprints-postponed",
        ),
        pytest.param(
            make_biometrics(
                fingerprint_ref=None, fingerprint_status=FingerprintStatus.TEMPORARILY_IMPOSSIBLE
            ),
            True,
            id="fingerprints-temporarily-impossible",
        ),
        pytest.param(
            make_biometrics(
                fingerprint_ref=None, fingerprint_status=FingerprintStatus.NOT_APPLICABLE
            ),
            False,
            id="not-applicable-is-final",
        ),
        pytest.param(
            make_biometrics(fingerprint_ref=None, fingerprint_status=FingerprintStatus.HELD_IN_VIS),
            False,
            id="held-in-vis",
        ),
        pytest.param(
            make_biometrics(
                fingerprint_ref=None, fingerprint_status=FingerprintStatus.EXEMPT_CHILD_UNDER_12
            ),
            False,
            id="child-under-12",
        ),
    ],
)
def test_outstanding_biometrics_are_completed_at_the_next_crossing(
    biometrics: Biometrics, expected: bool
) -> None:
    assert outstanding(biometrics) is expected
