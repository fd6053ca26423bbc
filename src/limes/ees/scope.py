"""Who the EES registers (EESR art. 2): third-country nationals on a short stay.

A person outside the scope is rejected with `OutOfScopeError`, whose `category` names the
art. 2(3) category, so the guard knows why no file was created.
"""

from collections.abc import Iterable
from enum import StrEnum
from typing import Final

from limes.ees.errors import OutOfScopeError

# EU Member States (27) and the Schengen associated states (ISL, LIE, NOR, CHE): their
# nationals enjoy free movement and are never registered (art. 2(3)(a)); this includes
# Cyprus and Ireland, which do not operate the EES (ees_rules.md §2, §6).
FREE_MOVEMENT_NATIONALITIES: Final = frozenset(
    {
        "AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "D",
        "DEU", "GRC", "HUN", "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL",
        "PRT", "ROU", "SVK", "SVN", "ESP", "SWE", "ISL", "LIE", "NOR", "CHE",
    }
)  # fmt: skip
# "D" is the ICAO 9303 code Germany uses in its documents instead of DEU.

# Art. 2(3)(e): nationals of Andorra, Monaco and San Marino, holders of Vatican passports.
MICROSTATE_NATIONALITIES: Final = frozenset({"AND", "MCO", "SMR", "VAT"})

# The states that operate the EES (the 29 Schengen states), as ICAO/ISO alpha-3 codes.
EES_STATES: Final = frozenset(FREE_MOVEMENT_NATIONALITIES - {"CYP", "IRL", "D"})


class ScopeExemption(StrEnum):
    """The art. 2(3) categories a guard can state for a third-country national."""

    FAMILY_MEMBER_WITH_RESIDENCE_CARD = "family_member_with_residence_card"  # (b)
    RESIDENCE_PERMIT_OR_LONG_STAY_VISA = "residence_permit_or_long_stay_visa"  # (c), (d)
    INTRA_EU_MOBILITY = "intra_eu_mobility"  # (c): ICT, researchers, students, au pairs...
    EXEMPT_FROM_BORDER_CHECKS = "exempt_from_border_checks"  # (f): heads of state, ...
    NOT_OBLIGED_TO_CROSS_AT_BCP = "not_obliged_to_cross_at_bcp"  # (g)
    LOCAL_BORDER_TRAFFIC_PERMIT = "local_border_traffic_permit"  # (h)
    TRAIN_CREW = "train_crew"  # (i)
    FACILITATED_TRANSIT_BY_TRAIN = "facilitated_transit_by_train"  # (j): FTD/FRTD


def require_in_scope(nationalities: Iterable[str], exemption: ScopeExemption | None = None) -> None:
    """Raise OutOfScopeError naming the category if the EES does not register this person."""
    codes = set(nationalities)
    if codes & FREE_MOVEMENT_NATIONALITIES:
        raise OutOfScopeError(
            "nationals of EU Member States and Schengen associated states are not registered "
            "in the EES (EESR art. 2(3)(a))",
            "free_movement_national",
        )
    if codes & MICROSTATE_NATIONALITIES:
        raise OutOfScopeError(
            "nationals of Andorra, Monaco and San Marino and holders of Vatican passports are "
            "not registered in the EES (EESR art. 2(3)(e))",
            "microstate_national",
        )
    if exemption is not None:
        raise OutOfScopeError(
            f"travellers in the category {exemption.value} are not registered in the EES "
            "(EESR art. 2(3))",
            exemption.value,
        )
