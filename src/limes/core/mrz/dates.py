"""MRZ dates: YYMMDD as printed, unknown parts kept unknown, and the century rule.

Doc 9303 prints no century, so the reader resolves it against a reference date `on`
(see docs/decisions/0002-mrz-century-rule.md):

- birth date: the latest century that does not put the date after `on`;
- expiry date: the century that puts it within EXPIRY_HORIZON_YEARS of `on`, in either
  direction, and never before the birth date.
"""

from datetime import date

from limes.core.mrz.check_digit import FILLER
from limes.core.mrz.model import MrzDate

# Long enough for the longest validities seen on real documents (Portuguese specimen card
# valid to 2070, German specimen to 2067; mrz_sources.md §2.8), short enough that a date
# 51+ years ahead reads as last century.
EXPIRY_HORIZON_YEARS = 50

_UNKNOWN = FILLER * 2
_DIGITS = frozenset("0123456789")


def _pair(text: str, *, unknown_allowed: bool) -> int | bool | None:
    """The number in a two-character part, None when unknown, False when malformed."""
    if text == _UNKNOWN and unknown_allowed:
        return None
    if len(text) == 2 and set(text) <= _DIGITS:
        return int(text)
    return False


def _days_in_month(month: int | None, year: int | None) -> int:
    if month is None or month in (1, 3, 5, 7, 8, 10, 12):
        return 31
    if month in (4, 6, 9, 11):
        return 30
    leap = year is None or (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0))
    return 29 if leap else 28


def split_date(raw: str, *, unknown_parts_allowed: bool) -> tuple[int | None, ...] | None:
    """(YY, MM, DD) with None for unknown parts, or None when the text is no valid date."""
    if len(raw) != 6:
        return None
    parts = [_pair(raw[i : i + 2], unknown_allowed=unknown_parts_allowed) for i in (0, 2, 4)]
    if any(part is False for part in parts):
        return None
    two_digit_year, month, day = (None if part is None else int(part) for part in parts)
    if month is not None and not 1 <= month <= 12:
        return None
    # Without the century, 00 may be 2000 (leap); the resolved date is checked again later.
    year_hint = None if two_digit_year is None else 2000 + two_digit_year
    if day is not None and not 1 <= day <= _days_in_month(month, year_hint):
        return None
    return two_digit_year, month, day


def read_birth_date(raw: str, on: date) -> MrzDate | None:
    """The birth date with its century resolved, or None when it is no valid date."""
    parts = split_date(raw, unknown_parts_allowed=True)
    if parts is None:
        return None
    two_digit_year, month, day = parts
    if two_digit_year is None:
        return MrzDate(raw=raw, year=None, month=month, day=day)
    year = 2000 + two_digit_year
    if (year, month or 1, day or 1) > (on.year, on.month, on.day):
        year -= 100
    if month is not None and day is not None and day > _days_in_month(month, year):
        return None
    return MrzDate(raw=raw, year=year, month=month, day=day)


def read_expiry_date(raw: str, on: date, birth: MrzDate | None) -> MrzDate | None:
    """The expiry date with its century resolved; all fillers means no expiry date.

    Returns None when the text is no valid date (partly filled is invalid: an expiry date
    is either printed in full or, on some real documents, left out entirely).
    """
    if raw == FILLER * 6:
        return MrzDate(raw=raw, year=None, month=None, day=None)
    parts = split_date(raw, unknown_parts_allowed=False)
    if parts is None:
        return None
    two_digit_year, month, day = (int(part or 0) for part in parts)
    year = (on.year - EXPIRY_HORIZON_YEARS) // 100 * 100 + two_digit_year
    while (year, month, day) < (on.year - EXPIRY_HORIZON_YEARS, on.month, on.day):
        year += 100
    if birth is not None and birth.year is not None and year < birth.year:
        year += 100
    if day > _days_in_month(month, year):
        return None
    return MrzDate(raw=raw, year=year, month=month, day=day)


def read_issue_month(raw: str) -> bool:
    """True when a French card's YYMM issue month is well formed."""
    return len(raw) == 4 and set(raw) <= _DIGITS and 1 <= int(raw[2:]) <= 12
