from datetime import date

import pytest

from limes.etias.application import EuFamilyMember, FamilyTie
from limes.etias.fee import FEE_CENTS, fee_for
from limes.etias.model import Fee, FeeWaiver
from tests.etias.builders import make_application

ON = date(2026, 11, 23)
SPOUSE = EuFamilyMember(
    tie=FamilyTie.SPOUSE,
    surname="DUPONT",
    first_names="MARIE",
    date_of_birth=date(1982, 1, 1),
    place_of_birth="Lyon",
    country_of_birth="FRA",
    nationality="FRA",
    address="1 rue de la Paix, Paris",
)


def test_the_fee_is_twenty_euro() -> None:
    assert FEE_CENTS == 2000


@pytest.mark.parametrize(
    ("born", "expected"),
    [
        pytest.param(
            date(2008, 11, 24),
            Fee(amount_cents=0, waiver=FeeWaiver.UNDER_18),
            id="17-turning-18-tomorrow",
        ),
        pytest.param(date(2008, 11, 23), Fee(amount_cents=2000), id="18-today"),
        pytest.param(date(1956, 11, 23), Fee(amount_cents=2000), id="70-today"),
        pytest.param(date(1955, 11, 24), Fee(amount_cents=2000), id="70-turning-71-tomorrow"),
        pytest.param(
            date(1955, 11, 23), Fee(amount_cents=0, waiver=FeeWaiver.OVER_70), id="71-today"
        ),
    ],
)
def test_the_fee_depends_on_the_age_on_the_day_of_application(born: date, expected: Fee) -> None:
    assert fee_for(make_application(date_of_birth=born), on=ON) == expected


def test_family_members_of_eu_citizens_pay_nothing() -> None:
    assert fee_for(make_application(eu_family_member=SPOUSE), on=ON) == Fee(
        amount_cents=0, waiver=FeeWaiver.EU_FAMILY_MEMBER
    )
