from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from limes.etias.dates import add_years, age_on


@pytest.mark.parametrize(
    ("born", "on", "age"),
    [
        pytest.param(date(2000, 5, 10), date(2018, 5, 9), 17, id="day-before-birthday"),
        pytest.param(date(2000, 5, 10), date(2018, 5, 10), 18, id="on-birthday"),
        pytest.param(date(2000, 2, 29), date(2018, 2, 28), 17, id="leap-born-28-feb"),
        pytest.param(date(2000, 2, 29), date(2018, 3, 1), 18, id="leap-born-1-mar"),
    ],
)
def test_age_on(born: date, on: date, age: int) -> None:
    assert age_on(born, on) == age


def test_add_years_moves_29_february_to_28() -> None:
    assert add_years(date(2024, 2, 29), 3) == date(2027, 2, 28)


@given(born=st.dates(max_value=date(2100, 1, 1)), years=st.integers(0, 120))
def test_the_age_on_the_anniversary_is_the_years_added(born: date, years: int) -> None:
    later = add_years(born, years)
    # Someone born on 29 February is a day short of the anniversary in a common year.
    expected = years if later.day == born.day else years - 1
    assert age_on(born, later) == expected
