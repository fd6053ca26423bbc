"""Which biometrics the EES must hold for a traveller (EESR art. 15-17). Pure."""

from datetime import date

from limes.ees.errors import BiometricsRequiredError
from limes.ees.model import OUTSTANDING_FINGERPRINTS, Biometrics, FingerprintStatus

FINGERPRINT_MIN_AGE_YEARS = 12  # art. 17(3): children under 12 are exempt


def age_in_years(date_of_birth: date, on: date) -> int:
    """Completed years on `on`."""
    before_birthday = (on.month, on.day) < (date_of_birth.month, date_of_birth.day)
    return on.year - date_of_birth.year - before_birthday


def required_biometrics(
    *,
    current: Biometrics | None,
    facial_image_ref: str | None,
    fingerprint_ref: str | None,
    stated_status: FingerprintStatus | None,
    visa_holder: bool,
    date_of_birth: date,
    on: date,
    postponed: bool,
) -> Biometrics:
    """The file's biometrics after this crossing; raises if something required is missing.

    A registered traveller is verified, not enrolled again, so data already held are
    enough. `postponed` (busy-time postponement or art. 21 fallback) defers what is
    missing to the next crossing.
    """
    facial = facial_image_ref or (current.facial_image_ref if current else None)
    if facial is None and not postponed:
        raise BiometricsRequiredError(
            "a facial image is required (EESR art. 15); if the traveller refuses, register "
            "a refusal of entry"
        )
    held = current.fingerprint_status if current else None
    fingerprints = fingerprint_ref or (current.fingerprint_ref if current else None)
    if visa_holder:
        status = FingerprintStatus.HELD_IN_VIS  # checked against the VIS (art. 16)
    elif age_in_years(date_of_birth, on) < FINGERPRINT_MIN_AGE_YEARS:
        status = FingerprintStatus.EXEMPT_CHILD_UNDER_12
    elif fingerprints is not None:
        status = FingerprintStatus.CAPTURED
    elif stated_status in (
        FingerprintStatus.NOT_APPLICABLE,
        FingerprintStatus.TEMPORARILY_IMPOSSIBLE,
    ):
        status = stated_status
    elif held is FingerprintStatus.NOT_APPLICABLE:
        status = held
    elif postponed:
        status = FingerprintStatus.POSTPONED
    else:
        raise BiometricsRequiredError(
            "four fingerprints are required from visa-exempt travellers aged 12 or more "
            "(EESR art. 17(1)(c)); state an exemption or postpone them"
        )
    if status is not FingerprintStatus.CAPTURED:
        fingerprints = None
    return Biometrics(
        facial_image_ref=facial, fingerprint_ref=fingerprints, fingerprint_status=status
    )


def outstanding(biometrics: Biometrics) -> bool:
    """Whether biometrics are still to be completed at a next crossing (art. 17(5))."""
    return biometrics.facial_image_ref is None or (
        biometrics.fingerprint_status in OUTSTANDING_FINGERPRINTS
    )
