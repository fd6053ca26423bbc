"""Who ETIAS is for, and where it applies, as ICAO/ISO alpha-3 code sets.

The same free-movement set lives in `ees/scope.py`; ETIAS does not import the EES (STYLE
§4.1), so it keeps its own copy, which must change with that one.
"""

from typing import Final

# EU Member States and the Schengen associated states (ISL, LIE, NOR, CHE): their nationals
# enjoy free movement and need no travel authorisation (art. 2(2)(a)-(b), (verify letters)).
# "D" is the ICAO 9303 code Germany uses in its documents instead of DEU.
FREE_MOVEMENT_NATIONALITIES: Final = frozenset(
    {
        "AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "D",
        "DEU", "GRC", "HUN", "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL",
        "PRT", "ROU", "SVK", "SVN", "ESP", "SWE", "ISL", "LIE", "NOR", "CHE",
    }
)  # fmt: skip

# Nationals of Andorra, Monaco and San Marino and holders of Vatican passports are exempt
# from ETIAS as they are from the EES (verify the ETIAS letter of art. 2(2)).
MICROSTATE_NATIONALITIES: Final = frozenset({"AND", "MCO", "SMR", "VAT"})

# The 30 European countries that require ETIAS: the 29 Schengen states and Cyprus
# (etias_screening.md §1, nik.gov.hu). Ireland does not take part.
ETIAS_STATES: Final = frozenset(FREE_MOVEMENT_NATIONALITIES - {"IRL", "D"})
