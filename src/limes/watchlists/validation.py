"""Field rules shared by the watchlist records. Pure; each raises InvalidFieldError.

The error names the field and the rule, never the value: it may be a name, a date of birth
or a document number.
"""

import ipaddress
import re
from collections.abc import Iterable
from datetime import date, datetime

from limes.core.countries import is_known_country_code
from limes.watchlists.errors import InvalidFieldError

MAX_NAME_CHARACTERS = 200
MAX_TEXT_CHARACTERS = 1000
MAX_LIST_ITEMS = 20
EUROPOL = "EUROPOL"  # the entering party of Europol's ETIAS watchlist entries (art. 34(2))

_IDENTIFIER = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,63}")
_PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_DOCUMENT_TYPE = re.compile(r"[A-Za-z0-9_]{1,32}")
_DOCUMENT_NUMBER = re.compile(r"[A-Za-z0-9 <-]{1,64}")
_EMAIL = re.compile(r"[^@\s]{1,64}@[^@\s]{1,255}")
_PHONE = re.compile(r"\+?[0-9 ()./-]{3,40}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SEXES = frozenset({"M", "F", "X"})


def identifier(field: str, value: str) -> None:
    if _IDENTIFIER.fullmatch(value) is None:
        raise InvalidFieldError(
            field, "1-64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit"
        )


def country(field: str, value: str) -> None:
    if not is_known_country_code(value):
        raise InvalidFieldError(field, "not an ISO 3166-1 alpha-3 or ICAO country code")


def countries(field: str, values: Iterable[str]) -> None:
    items = tuple(values)
    bounded(field, items)
    for value in items:
        country(field, value)
    if len(set(items)) != len(items):
        raise InvalidFieldError(field, "a country is given twice")


def party(field: str, value: str) -> None:
    """Europol or a country code: who entered an ETIAS watchlist entry."""
    if value != EUROPOL and not is_known_country_code(value):
        raise InvalidFieldError(field, f"{EUROPOL} or an ISO 3166-1 alpha-3 country code")


def text(field: str, value: str | None, *, required: bool = False, limit: int = 0) -> None:
    """Printable text without control characters, within `limit` characters."""
    limit = limit or MAX_NAME_CHARACTERS
    if value is None or not value.strip():
        if required or value is not None:
            raise InvalidFieldError(field, "must not be empty")
        return
    if len(value) > limit or _CONTROL.search(value):
        raise InvalidFieldError(field, f"1-{limit} characters without control characters")


def names(field: str, values: Iterable[str]) -> None:
    items = tuple(values)
    bounded(field, items)
    for value in items:
        text(field, value, required=True)


def bounded(field: str, items: tuple[object, ...]) -> None:
    if len(items) > MAX_LIST_ITEMS:
        raise InvalidFieldError(field, f"at most {MAX_LIST_ITEMS} items")


def partial_date(field: str, value: str | None) -> None:
    """ISO 8601, possibly partial: "1975", "1975-03" or "1975-03-02", from 1900 on."""
    if value is None:
        return
    rule = "an ISO 8601 date YYYY, YYYY-MM or YYYY-MM-DD from 1900 on"
    if _PARTIAL_DATE.fullmatch(value) is None:
        raise InvalidFieldError(field, rule)
    year, month, day = [*value.split("-"), "01", "01"][:3]
    try:
        date(int(year), int(month), int(day))
    except ValueError:
        raise InvalidFieldError(field, rule) from None
    if int(year) < 1900:
        raise InvalidFieldError(field, rule)


def sex(field: str, value: str | None) -> None:
    if value is not None and value not in _SEXES:
        raise InvalidFieldError(field, "M, F or X (ICAO 9303)")


def instant(field: str, value: datetime | None) -> None:
    if value is not None and value.utcoffset() is None:
        raise InvalidFieldError(field, "an instant needs its UTC offset")


def validity(valid_from: datetime, valid_until: datetime | None) -> None:
    instant("valid_from", valid_from)
    instant("valid_until", valid_until)
    if valid_until is not None and valid_until <= valid_from:
        raise InvalidFieldError("valid_until", "must lie after valid_from")


def document_type(field: str, value: str) -> None:
    if _DOCUMENT_TYPE.fullmatch(value) is None:
        raise InvalidFieldError(field, "1-32 letters, digits or '_' (e.g. P, ID)")


def document_number(field: str, value: str) -> None:
    if _DOCUMENT_NUMBER.fullmatch(value) is None or not any(ch.isalnum() for ch in value):
        raise InvalidFieldError(field, "1-64 letters and digits (spaces, '-' and '<' ignored)")


def email(field: str, value: str | None) -> None:
    if value is not None and _EMAIL.fullmatch(value) is None:
        raise InvalidFieldError(field, "an e-mail address: local-part@domain")


def phone(field: str, value: str | None) -> None:
    if value is not None and _PHONE.fullmatch(value) is None:
        raise InvalidFieldError(field, "3-40 digits, optionally with +, spaces, ( ) . / -")


def ip_address(field: str, value: str | None) -> None:
    if value is None:
        return
    try:
        ipaddress.ip_address(value)
    except ValueError:
        raise InvalidFieldError(field, "an IPv4 or IPv6 address") from None
