"""The travel authorisation fee (art. 18) and who does not pay it.

Sources: art. 18(1) set the fee at EUR 7; Commission Delegated Regulation (EU) 2025/1411
of 16.7.2025, adopted under art. 18(3) to adjust it for inflation, raised it to EUR 20
(etias_screening.md §1.1, §1.7 [E9][E10]). Art. 18(2) waives it for applicants under 18
or over 70 at the time of the application; art. 24(2) for family members of EU citizens.
"""

from datetime import date
from typing import Final

from limes.etias.application import ApplicationForm
from limes.etias.dates import age_on
from limes.etias.model import Fee, FeeWaiver

FEE_CENTS: Final = 2000  # EUR 20, Delegated Reg. (EU) 2025/1411 (was EUR 7, art. 18(1))
YOUNGEST_PAYING_AGE: Final = 18  # art. 18(2): "under 18 years" pay nothing
OLDEST_PAYING_AGE: Final = 70  # art. 18(2): "above 70 years" pay nothing


def fee_for(form: ApplicationForm, *, on: date) -> Fee:
    """The fee due for an application submitted on `on`, with the waiver that applies.

    Ages are completed years on the day of the application: an applicant pays from the
    18th birthday up to the day before the 71st, when they are "above 70" in completed
    years (verify against the Commission's reading of art. 18(2)).
    """
    if form.eu_family_member is not None:
        return Fee(amount_cents=0, waiver=FeeWaiver.EU_FAMILY_MEMBER)
    age = age_on(form.date_of_birth, on)
    if age < YOUNGEST_PAYING_AGE:
        return Fee(amount_cents=0, waiver=FeeWaiver.UNDER_18)
    if age > OLDEST_PAYING_AGE:
        return Fee(amount_cents=0, waiver=FeeWaiver.OVER_70)
    return Fee(amount_cents=FEE_CENTS)
