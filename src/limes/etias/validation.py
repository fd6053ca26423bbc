"""Checking a submitted form: every problem at once, as (field, type) pairs.

`validate_form` raises `InvalidApplicationError` listing each field that is missing or
wrong, so the public website can mark them all in one round trip. Types are stable codes;
the values themselves never appear (core/errors.py).
"""

import ipaddress
import re
from collections.abc import Iterator
from datetime import date

from limes.core.countries import is_known_country_code
from limes.core.visa_list import requires_short_stay_visa
from limes.etias.application import ApplicationForm
from limes.etias.dates import age_on
from limes.etias.errors import InvalidApplicationError
from limes.etias.member_states import (
    ETIAS_STATES,
    FREE_MOVEMENT_NATIONALITIES,
    MICROSTATE_NATIONALITIES,
)

ADULT_AGE = 18  # art. 17(2)(k): minors give their guardian
MAX_AGE_YEARS = 130
MAX_EMAIL_LENGTH = 254
_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")
_DOCUMENT_NUMBER = re.compile(r"^[A-Z0-9]{1,20}$")

Problem = tuple[str, str]


def validate_form(form: ApplicationForm, *, on: date) -> None:
    """Raise InvalidApplicationError with every problem of `form` submitted on day `on`."""
    problems = [
        *_required(form),
        *_dates(form, on),
        *_countries(form),
        *_contacts(form),
        *_scope(form),
        *_minor(form, on),
    ]
    if problems:
        raise InvalidApplicationError(problems)


def _required(form: ApplicationForm) -> Iterator[Problem]:
    fields = {
        "surname": form.surname,
        "first_names": form.first_names,
        "place_of_birth": form.place_of_birth,
        "country_of_birth": form.country_of_birth,
        "nationality": form.nationality,
        "travel_document.number": form.travel_document.number,
        "travel_document.issuing_country": form.travel_document.issuing_country,
        "residence.country": form.residence.country,
        "residence.city": form.residence.city,
        "email": form.email,
        "occupation": form.occupation,
        "first_intended_stay": form.first_intended_stay,
    }
    for name, value in fields.items():
        if not value.strip():
            yield name, "missing"
    number = form.travel_document.number
    # Spaces, dashes and MRZ fillers are formatting; any other non-alphanumeric is an error.
    written = "".join(ch for ch in number.upper() if ch not in " -<")
    if number.strip() and not _DOCUMENT_NUMBER.match(written):
        yield "travel_document.number", "invalid_document_number"


def _dates(form: ApplicationForm, on: date) -> Iterator[Problem]:
    if form.date_of_birth > on:
        yield "date_of_birth", "date_in_future"
    elif age_on(form.date_of_birth, on) > MAX_AGE_YEARS:
        yield "date_of_birth", "date_too_early"
    document = form.travel_document
    if document.issued_on > on:
        yield "travel_document.issued_on", "date_in_future"
    if document.expires_on <= document.issued_on:
        yield "travel_document.expires_on", "expiry_not_after_issue"
    if document.expires_on < on:
        yield "travel_document.expires_on", "document_expired"
    member = form.eu_family_member
    if member is not None and member.date_of_birth > on:
        yield "eu_family_member.date_of_birth", "date_in_future"


def _countries(form: ApplicationForm) -> Iterator[Problem]:
    codes = {
        "country_of_birth": form.country_of_birth,
        "nationality": form.nationality,
        "travel_document.issuing_country": form.travel_document.issuing_country,
        "residence.country": form.residence.country,
    }
    codes.update(
        (f"other_nationalities[{i}]", code) for i, code in enumerate(form.other_nationalities)
    )
    if form.eu_family_member is not None:
        codes["eu_family_member.country_of_birth"] = form.eu_family_member.country_of_birth
        codes["eu_family_member.nationality"] = form.eu_family_member.nationality
    for name, code in codes.items():
        if code.strip() and not is_known_country_code(code):
            yield name, "unknown_country_code"
    if form.first_intended_stay.strip() and form.first_intended_stay not in ETIAS_STATES:
        yield "first_intended_stay", "not_an_etias_state"
    member = form.eu_family_member
    # Directive 2004/38 applies to the EEA states and, by agreement, Switzerland.
    if member is not None and member.nationality not in FREE_MOVEMENT_NATIONALITIES:
        yield "eu_family_member.nationality", "not_an_eu_citizen"


def _contacts(form: ApplicationForm) -> Iterator[Problem]:
    emails = {"email": form.email}
    if form.guardian is not None:
        emails["guardian.email"] = form.guardian.email
    if form.filled_in_by is not None:
        emails["filled_in_by.email"] = form.filled_in_by.email
    if form.eu_family_member is not None and form.eu_family_member.email:
        emails["eu_family_member.email"] = form.eu_family_member.email
    for name, email in emails.items():
        # RFC 5321 §4.5.3.1.3: a path holds at most 256 octets, an address 254 characters.
        if len(email.strip()) > MAX_EMAIL_LENGTH:
            yield name, "too_long"
        elif email.strip() and not _EMAIL.match(email.strip()):
            yield name, "invalid_email"
        elif name != "email" and not email.strip():
            yield name, "missing"
    if form.ip_address:
        try:
            ipaddress.ip_address(form.ip_address)
        except ValueError:
            yield "ip_address", "invalid_ip_address"


def _scope(form: ApplicationForm) -> Iterator[Problem]:
    """ETIAS is for visa-exempt third-country nationals (art. 2(1))."""
    if set(form.nationalities) & FREE_MOVEMENT_NATIONALITIES:
        yield "nationality", "eu_or_schengen_national"
    elif set(form.nationalities) & MICROSTATE_NATIONALITIES:
        yield "nationality", "not_in_scope"
    elif is_known_country_code(form.nationality) and requires_short_stay_visa(form.nationality):
        # Reg. (EU) 2018/1806 Annex I: these travellers apply for a visa instead.
        yield "nationality", "visa_required_nationality"


def _minor(form: ApplicationForm, on: date) -> Iterator[Problem]:
    if form.date_of_birth <= on and age_on(form.date_of_birth, on) < ADULT_AGE:
        if form.guardian is None:
            yield "guardian", "guardian_required"
        elif not (form.guardian.surname.strip() and form.guardian.address.strip()):
            yield "guardian", "missing"
