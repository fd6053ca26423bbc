"""Calendar arithmetic the ETIAS rules share: ages and periods counted in years."""

from datetime import date, datetime
from typing import TypeVar

Day = TypeVar("Day", date, datetime)


def age_on(date_of_birth: date, day: date) -> int:
    """Completed years of age on `day`; someone born on 29 February ages on 1 March."""
    had_birthday = (day.month, day.day) >= (date_of_birth.month, date_of_birth.day)
    return day.year - date_of_birth.year - (0 if had_birthday else 1)


def add_years(day: Day, years: int) -> Day:
    """The same day (or instant) `years` later; 29 February falls back to 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
