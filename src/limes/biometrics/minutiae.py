"""The one internal model of a finger minutiae record, whatever format it came in.

ISO/IEC 19794-2:2005 and :2011 and ANSI/INCITS 378-2004 all describe a record as a header
(image size, resolution) plus finger views, each a list of minutiae (x, y, angle, type,
quality) and optional extended data. Codecs in `minutiae_codecs/` convert between bytes
and this model. Conventions, as in the standards: the origin is the image's top-left
corner, x grows to the right, y grows downwards, and the angle is measured
counter-clockwise (as seen on the image) from the x axis, in degrees in [0, 360). A ridge
ending's angle points into its ridge; a bifurcation's points between its two branches
(the ANSI/NIST-ITL "three rays" rule, which is also what NBIS reports).
"""

from dataclasses import dataclass
from enum import StrEnum


class MinutiaKind(StrEnum):
    RIDGE_ENDING = "ridge_ending"
    BIFURCATION = "bifurcation"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Minutia:
    x: int  # pixels
    y: int  # pixels
    angle: float  # degrees, counter-clockwise, [0, 360)
    kind: MinutiaKind
    quality: int = 0  # 0-100; 0 = not reported


@dataclass(frozen=True, slots=True)
class ExtendedData:
    """One extended-data item: type code (1 ridge counts, 2 cores and deltas, else vendor)."""

    type_code: int
    data: bytes


@dataclass(frozen=True, slots=True, kw_only=True)
class FingerView:
    finger_position: int  # 0 unknown, 1-10 right thumb .. left little (ISO/IEC 19794-2 table)
    view_number: int = 0
    impression_type: int = 0  # 0 live-scan plain, 1 live-scan rolled, 2/3 non-live, 8 swipe
    quality: int = 0  # 0-100 finger quality
    minutiae: tuple[Minutia, ...]
    extended_data: tuple[ExtendedData, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class MinutiaeRecord:
    width: int  # pixels
    height: int  # pixels
    x_resolution: int  # pixels per centimetre (197 = 500 ppi)
    y_resolution: int
    views: tuple[FingerView, ...]
    capture_equipment_compliance: int = 0  # 4 bits
    capture_equipment_id: int = 0  # 12 bits
    cbeff_product_owner: int = 0  # ANSI 378 only
    cbeff_product_type: int = 0  # ANSI 378 only


PPI_PER_PX_PER_CM = 2.54


def pixels_per_cm(ppi: float) -> int:
    """197 for 500 ppi: the standards store resolution in pixels per centimetre."""
    return round(ppi / PPI_PER_PX_PER_CM)
