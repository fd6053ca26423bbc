"""Dates of birth compared by how far apart they are, not just equal or not. Pure.

etias_screening.md §3 point 4: an unknown date is not a mismatch; a year-only date is
compatible with any date in that year; a swapped day and month (8/2 vs 2/8) or one part
off by one are typing errors and cost little; years three or more apart mean another
person (a veto), unless a side marks its date as approximate, when five years are
tolerated.
"""

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

VETO_YEARS = 3
APPROXIMATE_YEARS = 5


@dataclass(frozen=True, slots=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None


@dataclass(frozen=True, slots=True)
class BirthDateEvidence:
    effect: float  # added to the name score
    veto: bool
    relation: str  # for the explanation


@lru_cache(maxsize=65536)
def parse_partial(text: str | None) -> PartialDate | None:
    """'1974', '1974-08' or '1974-08-12'; None for a missing or unreadable date."""
    if not text:
        return None
    pieces = text.strip()[:10].split("-")
    try:
        numbers = [int(piece) for piece in pieces if piece]
    except ValueError:
        return None
    if not numbers or not 1800 <= numbers[0] <= 2200:
        return None
    month = numbers[1] if len(numbers) > 1 and 1 <= numbers[1] <= 12 else None
    day = numbers[2] if len(numbers) > 2 and month and 1 <= numbers[2] <= 31 else None
    return PartialDate(numbers[0], month, day)


def _off_by_one(a: PartialDate, b: PartialDate) -> bool:
    """Exactly one of year, month, day differs, by one, or by one digit."""
    pairs = [(a.year, b.year), (a.month, b.month), (a.day, b.day)]
    differing = [(x, y) for x, y in pairs if x != y]
    if len(differing) != 1:
        return False
    x, y = differing[0]
    assert x is not None
    assert y is not None
    if abs(x - y) == 1:
        return True
    text_x, text_y = f"{x:04d}", f"{y:04d}"
    return sum(p != q for p, q in zip(text_x, text_y, strict=True)) == 1


def _one_day_apart(a: PartialDate, b: PartialDate) -> bool:
    """30 April and 1 May: one day apart across a month (or year) boundary."""
    try:
        first = date(a.year, a.month or 1, a.day or 1)
        second = date(b.year, b.month or 1, b.day or 1)
    except ValueError:
        return False
    return abs((first - second).days) == 1


def compare_birth_dates(
    a_text: str | None, b_text: str | None, *, approximate: bool = False
) -> BirthDateEvidence:
    a, b = parse_partial(a_text), parse_partial(b_text)
    if a is None or b is None:
        return BirthDateEvidence(0.0, False, "unknown on one side")
    years = abs(a.year - b.year)
    tolerance = APPROXIMATE_YEARS if approximate else VETO_YEARS - 1
    full = a.day is not None and b.day is not None
    if full and a == b:
        return BirthDateEvidence(0.05, False, "same date")
    if full and a.year == b.year and a.month == b.day and a.day == b.month:
        return BirthDateEvidence(-0.03, False, "day and month swapped")
    if full and (_off_by_one(a, b) or _one_day_apart(a, b)):
        return BirthDateEvidence(-0.05, False, "one part off by one (a typing error)")
    if years > tolerance:
        return BirthDateEvidence(-0.5, True, f"{years} years apart")
    if approximate and years:
        return BirthDateEvidence(-0.05, False, f"{years} year(s) apart, approximate date")
    if not full:
        if years == 0 and (a.month is None or b.month is None or a.month == b.month):
            return BirthDateEvidence(0.0, False, "same year (one date is partial)")
        if years == 0:
            return BirthDateEvidence(-0.1, False, "same year, different month")
        return BirthDateEvidence(-0.15 * years, False, f"{years} year(s) apart (partial date)")
    if years == 0:
        penalty = -0.1 if a.month == b.month else -0.15
        return BirthDateEvidence(penalty, False, "same year, different day")
    # Two full dates in different years that are not a typing slip: most likely two
    # people of one name, so the same name alone no longer reaches the threshold.
    return BirthDateEvidence(-0.25 - 0.1 * years, False, f"{years} year(s) apart")
