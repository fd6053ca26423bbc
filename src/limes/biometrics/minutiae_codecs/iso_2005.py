"""ISO/IEC 19794-2:2005 finger minutiae record, and the finger-view layout it shares.

Layout, all integers big-endian, from NIST biomdi `fingerminutia/src/include/fmr.h` (public
domain; it reads ANSI/INCITS 378-2004 and ISO/IEC 19794-2:2005 with the same structures)
and shared/reference/biometrics.md §2.4:

    header, 24 bytes: "FMR\\0" 4 · " 20\\0" 4 · record length 4 · capture equipment 2
        (compliance 4 bits, scanner ID 12 bits) · width 2 · height 2 · x resolution 2 ·
        y resolution 2 (pixels per centimetre) · number of finger views 1 · reserved 1
    finger view: finger position 1 · view number 4 bits + impression type 4 bits ·
        finger quality 1 · number of minutiae 1 · minutiae · extended data block
    minutia, 6 bytes: type 2 bits + x 14 bits · reserved 2 bits + y 14 bits ·
        angle 1 (units of 360/256°) · quality 1
    extended data block: length 2 (0 when empty), then items of type code 2 ·
        item length 2 (counting these 4 bytes) · data

ANSI/INCITS 378-2004 (`ansi_378.py`) differs only in its header and its 2° angle unit, so
it reads and writes finger views with the functions here. ISO/IEC 19794-2:2011
(`iso_2011.py`) reuses the minutia and extended-data layouts.
"""

import math
from dataclasses import dataclass
from fractions import Fraction

from limes.biometrics.errors import TemplateFormatError
from limes.biometrics.minutiae import (
    ExtendedData,
    FingerView,
    Minutia,
    MinutiaeRecord,
    MinutiaKind,
)
from limes.biometrics.minutiae_codecs.fields import (
    FieldReader,
    FieldWriter,
    check_content_length,
    check_declared_length,
    check_range,
)

FORMAT_IDENTIFIER = b"FMR\x00"
VERSION = b" 20\x00"
HEADER_SIZE = 24
FULL_CIRCLE_DEGREES = 360
MAX_FINGER_POSITION = 10  # 1-10 right thumb .. left little; 0 unknown
MAX_QUALITY = 100
MAX_COORDINATE = (1 << 14) - 1
MAX_FOUR_BITS = 15
MAX_COUNT = 255  # the number of minutiae is one byte
ITEM_HEADER_SIZE = 4  # extended data item: type code 2 + length 2
MAX_EXTENDED_DATA_BLOCK = 0xFFFF
RESERVED_EXTENDED_DATA_TYPE = 0x0000  # fmr.h FED_RESERVED

KIND_CODES = {
    MinutiaKind.OTHER: 0b00,
    MinutiaKind.RIDGE_ENDING: 0b01,
    MinutiaKind.BIFURCATION: 0b10,
}
KINDS_BY_CODE = {code: kind for kind, code in KIND_CODES.items()}


@dataclass(frozen=True, slots=True, kw_only=True)
class MinutiaCoding:
    """How a format stores a minutia's angle and quality."""

    angle_units: int  # units in a full circle: 256 (ISO), 180 (ANSI 378)
    unreported_quality: int = 0  # the code written for the model's quality 0, "not reported"
    unreported_quality_codes: frozenset[int] = frozenset()  # codes above 100 read as 0


ISO_MINUTIA = MinutiaCoding(angle_units=256)


def quantise_angle(degrees: float, angle_units: int, field: str) -> int:
    """Degrees to angle units, rounding half up, modulo the full circle."""
    if not (math.isfinite(degrees) and 0 <= degrees < FULL_CIRCLE_DEGREES):
        raise TemplateFormatError(f"{field} must be in [0, 360) degrees")
    units = math.floor(Fraction(degrees) * angle_units / FULL_CIRCLE_DEGREES + Fraction(1, 2))
    return units % angle_units


def angle_in_degrees(units: int, angle_units: int) -> float:
    return units * FULL_CIRCLE_DEGREES / angle_units


def read_minutia(
    reader: FieldReader, where: str, coding: MinutiaCoding, *, with_quality: bool = True
) -> Minutia:
    type_and_x = reader.uint(2, f"{where}: type and x")
    kind = KINDS_BY_CODE.get(type_and_x >> 14)
    if kind is None:
        raise TemplateFormatError(
            f"{where}: type bits must be 01 (ridge ending), 10 (bifurcation) or 00 (other)"
        )
    reserved_and_y = reader.uint(2, f"{where}: y")
    if reserved_and_y >> 14:
        raise TemplateFormatError(f"{where}: y is 14 bits; the two bits above it must be 0")
    angle = reader.uint(1, f"{where}: angle")
    check_range(angle, 0, coding.angle_units - 1, f"{where}: angle (in its format's units)")
    quality = reader.uint(1, f"{where}: quality") if with_quality else coding.unreported_quality
    if quality in coding.unreported_quality_codes:
        quality = 0
    return Minutia(
        x=type_and_x & MAX_COORDINATE,
        y=reserved_and_y,
        angle=angle_in_degrees(angle, coding.angle_units),
        kind=kind,
        quality=check_range(quality, 0, MAX_QUALITY, f"{where}: quality"),
    )


def write_minutia(writer: FieldWriter, minutia: Minutia, where: str, coding: MinutiaCoding) -> None:
    x = check_range(minutia.x, 0, MAX_COORDINATE, f"{where}: x (14 bits)")
    y = check_range(minutia.y, 0, MAX_COORDINATE, f"{where}: y (14 bits)")
    quality = check_range(minutia.quality, 0, MAX_QUALITY, f"{where}: quality")
    writer.uint(KIND_CODES[minutia.kind] << 14 | x, 2, f"{where}: type and x")
    writer.uint(y, 2, f"{where}: y")
    angle = quantise_angle(minutia.angle, coding.angle_units, f"{where}: angle")
    writer.uint(angle, 1, f"{where}: angle")
    writer.uint(quality or coding.unreported_quality, 1, f"{where}: quality")


def read_extended_data(reader: FieldReader, where: str) -> tuple[ExtendedData, ...]:
    block_length = reader.uint(2, f"{where}: extended data block length")
    end = reader.offset + block_length
    items: list[ExtendedData] = []
    while reader.offset < end:
        item = f"{where}, extended data item {len(items) + 1}"
        if end - reader.offset < ITEM_HEADER_SIZE:
            raise TemplateFormatError(
                f"{item}: the extended data block length leaves too few bytes for an item header"
            )
        type_code = reader.uint(2, f"{item}: type code")
        if type_code == RESERVED_EXTENDED_DATA_TYPE:
            raise TemplateFormatError(f"{item}: type code 0 is reserved")
        length = reader.uint(2, f"{item}: length")
        if length < ITEM_HEADER_SIZE:
            raise TemplateFormatError(
                f"{item}: length must be at least 4 (it counts its own type code and length)"
            )
        if reader.offset + length - ITEM_HEADER_SIZE > end:
            raise TemplateFormatError(
                f"{item}: the item runs past the end of the extended data block"
            )
        items.append(ExtendedData(type_code, reader.take(length - ITEM_HEADER_SIZE, item)))
    return tuple(items)


def write_extended_data(writer: FieldWriter, items: tuple[ExtendedData, ...], where: str) -> None:
    block_length = sum(ITEM_HEADER_SIZE + len(item.data) for item in items)
    check_range(block_length, 0, MAX_EXTENDED_DATA_BLOCK, f"{where}: extended data block length")
    writer.uint(block_length, 2, f"{where}: extended data block length")
    for number, item in enumerate(items, start=1):
        field = f"{where}, extended data item {number}"
        check_range(item.type_code, 1, 0xFFFF, f"{field}: type code (0 is reserved)")
        writer.uint(item.type_code, 2, f"{field}: type code")
        writer.uint(ITEM_HEADER_SIZE + len(item.data), 2, f"{field}: length")
        writer.raw(item.data)


def check_finger_view(view: FingerView, where: str) -> None:
    """The finger-view values every format bounds the same way."""
    check_range(view.finger_position, 0, MAX_FINGER_POSITION, f"{where}: finger position")
    check_range(view.quality, 0, MAX_QUALITY, f"{where}: finger quality")
    check_range(len(view.minutiae), 0, MAX_COUNT, f"{where}: number of minutiae")


def read_view_content(
    reader: FieldReader,
    where: str,
    coding: MinutiaCoding,
    *,
    finger_position: int,
    view_number: int,
    impression_type: int,
    quality: int,
    with_quality: bool = True,
) -> FingerView:
    """The checked view: the header values given, then the minutiae and extended data read."""
    count = reader.uint(1, f"{where}: number of minutiae")
    minutiae = tuple(
        read_minutia(reader, f"{where}, minutia {index}", coding, with_quality=with_quality)
        for index in range(1, count + 1)
    )
    view = FingerView(
        finger_position=finger_position,
        view_number=view_number,
        impression_type=impression_type,
        quality=quality,
        minutiae=minutiae,
        extended_data=read_extended_data(reader, where),
    )
    check_finger_view(view, where)
    return view


def write_minutiae_and_extended_data(
    writer: FieldWriter, view: FingerView, where: str, coding: MinutiaCoding
) -> None:
    writer.uint(len(view.minutiae), 1, f"{where}: number of minutiae")
    for index, minutia in enumerate(view.minutiae, start=1):
        write_minutia(writer, minutia, f"{where}, minutia {index}", coding)
    write_extended_data(writer, view.extended_data, where)


def read_finger_view(reader: FieldReader, number: int, coding: MinutiaCoding) -> FingerView:
    where = f"finger view {number}"
    position = reader.uint(1, f"{where}: finger position")
    view_and_impression = reader.uint(1, f"{where}: view number and impression type")
    return read_view_content(
        reader,
        where,
        coding,
        finger_position=position,
        view_number=view_and_impression >> 4,
        impression_type=view_and_impression & 0x0F,
        quality=reader.uint(1, f"{where}: finger quality"),
    )


def write_finger_view(
    writer: FieldWriter, view: FingerView, number: int, coding: MinutiaCoding
) -> None:
    where = f"finger view {number}"
    check_finger_view(view, where)
    check_range(view.view_number, 0, MAX_FOUR_BITS, f"{where}: view number (4 bits)")
    check_range(view.impression_type, 0, MAX_FOUR_BITS, f"{where}: impression type (4 bits)")
    writer.uint(view.finger_position, 1, f"{where}: finger position")
    writer.uint(view.view_number << 4 | view.impression_type, 1, f"{where}: view number")
    writer.uint(view.quality, 1, f"{where}: finger quality")
    write_minutiae_and_extended_data(writer, view, where, coding)


def read_record_body(
    reader: FieldReader,
    coding: MinutiaCoding,
    *,
    declared_length: int,
    strict: bool,
    cbeff_product_owner: int = 0,
    cbeff_product_type: int = 0,
) -> MinutiaeRecord:
    """Everything after the record length (ISO) or the CBEFF product ID (ANSI 378).

    Then, in strict mode, the declared record length must be where the content ended.
    """
    equipment = reader.uint(2, "capture equipment")
    width = reader.uint(2, "image width")
    height = reader.uint(2, "image height")
    x_resolution = reader.uint(2, "x resolution")
    y_resolution = reader.uint(2, "y resolution")
    view_count = reader.uint(1, "number of finger views")
    if reader.uint(1, "reserved header byte"):
        raise TemplateFormatError("reserved header byte must be 0")
    views = tuple(read_finger_view(reader, number, coding) for number in range(1, view_count + 1))
    check_content_length(declared_length, reader.offset, "record length", strict=strict)
    return MinutiaeRecord(
        width=width,
        height=height,
        x_resolution=x_resolution,
        y_resolution=y_resolution,
        views=views,
        capture_equipment_compliance=equipment >> 12,
        capture_equipment_id=equipment & 0x0FFF,
        cbeff_product_owner=cbeff_product_owner,
        cbeff_product_type=cbeff_product_type,
    )


def write_record_body(writer: FieldWriter, record: MinutiaeRecord, coding: MinutiaCoding) -> None:
    compliance = check_range(
        record.capture_equipment_compliance, 0, MAX_FOUR_BITS, "capture equipment compliance"
    )
    equipment_id = check_range(record.capture_equipment_id, 0, 0x0FFF, "capture equipment ID")
    writer.uint(compliance << 12 | equipment_id, 2, "capture equipment")
    writer.uint(record.width, 2, "image width")
    writer.uint(record.height, 2, "image height")
    writer.uint(record.x_resolution, 2, "x resolution")
    writer.uint(record.y_resolution, 2, "y resolution")
    writer.uint(len(record.views), 1, "number of finger views")
    writer.uint(0, 1, "reserved header byte")
    for number, view in enumerate(record.views, start=1):
        write_finger_view(writer, view, number, coding)


def read_preamble(reader: FieldReader, version: bytes) -> None:
    """The format identifier and version that open every finger minutiae record."""
    reader.expect(FORMAT_IDENTIFIER, "format identifier", 'the 4 bytes "FMR\\0"')
    shown = version.decode("ascii").replace("\x00", "\\0")
    reader.expect(version, "version", f'the 4 bytes "{shown}"')


def open_record(
    data: bytes, version: bytes, header_size: int, *, strict: bool
) -> tuple[FieldReader, int]:
    """A reader past the identifier, version and 4-byte record length (ISO), and that length."""
    reader = FieldReader(data)
    read_preamble(reader, version)
    declared = reader.uint(4, "record length")
    check_declared_length(declared, len(data), header_size, strict=strict)
    return reader, declared


def decode(data: bytes, *, strict: bool = True) -> MinutiaeRecord:
    reader, declared = open_record(data, VERSION, HEADER_SIZE, strict=strict)
    return read_record_body(reader, ISO_MINUTIA, declared_length=declared, strict=strict)


def encode(record: MinutiaeRecord) -> bytes:
    body = FieldWriter()
    write_record_body(body, record, ISO_MINUTIA)
    writer = FieldWriter()
    writer.raw(FORMAT_IDENTIFIER + VERSION)
    writer.uint(len(FORMAT_IDENTIFIER + VERSION) + 4 + len(body), 4, "record length")
    writer.raw(body.to_bytes())
    return writer.to_bytes()
