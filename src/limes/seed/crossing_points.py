"""The border crossing points of the synthetic population, and how a traveller picks one.

Pure: all randomness comes from the `random.Random` passed in.
"""

import random
from itertools import accumulate
from typing import Final

from limes.ees.model import BorderCrossingPoint, BorderType


def _bcp(code: str, name: str, state: str, kind: BorderType, zone: str) -> BorderCrossingPoint:
    return BorderCrossingPoint(code=code, name=name, state=state, border_type=kind, time_zone=zone)


_AIR, _SEA, _LAND = BorderType.AIR, BorderType.SEA, BorderType.LAND
# Codes are UN/LOCODEs. Sure: NLAMS, NLRTM, DEFRA, ESMAD, ESALG, ATVIE, GRATH, PLWAW, FIHEL,
# PTLIS. Less sure: FRCDG (Paris-Charles de Gaulle, besides FRPAR) and ITFCO (Fiumicino).
# The land crossings have no UN/LOCODE we know of: HRBJK (Bajakovo, HR-RS), PLMDK (Medyka,
# PL-UA) and GRKIP (Kipoi, GR-TR) are made up from the state's alpha-2 code and the place.
SEED_BORDER_CROSSING_POINTS: Final = (
    _bcp("NLAMS", "Amsterdam Airport Schiphol", "NLD", _AIR, "Europe/Amsterdam"),
    _bcp("DEFRA", "Frankfurt Airport", "DEU", _AIR, "Europe/Berlin"),
    _bcp("FRCDG", "Paris-Charles de Gaulle Airport", "FRA", _AIR, "Europe/Paris"),
    _bcp("ESMAD", "Adolfo Suárez Madrid-Barajas Airport", "ESP", _AIR, "Europe/Madrid"),
    _bcp("ITFCO", "Rome Fiumicino Airport", "ITA", _AIR, "Europe/Rome"),
    _bcp("ATVIE", "Vienna International Airport", "AUT", _AIR, "Europe/Vienna"),
    _bcp("GRATH", "Athens International Airport", "GRC", _AIR, "Europe/Athens"),
    _bcp("PLWAW", "Warsaw Chopin Airport", "POL", _AIR, "Europe/Warsaw"),
    _bcp("FIHEL", "Helsinki Airport", "FIN", _AIR, "Europe/Helsinki"),
    _bcp("PTLIS", "Lisbon Humberto Delgado Airport", "PRT", _AIR, "Europe/Lisbon"),
    _bcp("NLRTM", "Port of Rotterdam", "NLD", _SEA, "Europe/Amsterdam"),
    _bcp("ESALG", "Port of Algeciras", "ESP", _SEA, "Europe/Madrid"),
    _bcp("HRBJK", "Bajakovo road crossing", "HRV", _LAND, "Europe/Zagreb"),
    _bcp("PLMDK", "Medyka road crossing", "POL", _LAND, "Europe/Warsaw"),
    _bcp("GRKIP", "Kipoi road crossing", "GRC", _LAND, "Europe/Athens"),
)

# Rough share of crossings per BCP, in the order above.
_BCP_WEIGHTS: Final = (12, 14, 16, 9, 9, 5, 5, 4, 3, 5, 1, 2, 2, 2, 1)
_BCP_CUMULATIVE: Final = tuple(accumulate(_BCP_WEIGHTS))
_BCP_BY_CODE: Final = {bcp.code: bcp for bcp in SEED_BORDER_CROSSING_POINTS}
# Neighbours and ferry passengers often use "their" crossing: (BCP code, share of trips).
_HOME_CROSSINGS: Final = {
    "SRB": ("HRBJK", 0.5),
    "UKR": ("PLMDK", 0.5),
    "TUR": ("GRKIP", 0.2),
    "MAR": ("ESALG", 0.35),
    "GBR": ("NLRTM", 0.05),
}


def draw_entry_bcp(rng: random.Random, nationality: str) -> BorderCrossingPoint:
    """A BCP weighted by its share of crossings; neighbours often use their home crossing."""
    home = _HOME_CROSSINGS.get(nationality)
    if home is not None and rng.random() < home[1]:
        return _BCP_BY_CODE[home[0]]
    return rng.choices(SEED_BORDER_CROSSING_POINTS, cum_weights=_BCP_CUMULATIVE)[0]


def draw_exit_bcp(rng: random.Random, entry: BorderCrossingPoint) -> BorderCrossingPoint:
    """Mostly the way they came; air travellers sometimes fly home from elsewhere."""
    same_way_share = 0.7 if entry.border_type is BorderType.AIR else 0.85
    if rng.random() < same_way_share:
        return entry
    return rng.choices(SEED_BORDER_CROSSING_POINTS, cum_weights=_BCP_CUMULATIVE)[0]
