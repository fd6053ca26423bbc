"""ISO/IEC 19794-2:2011 finger minutiae record ("FMR\\0", "030\\0").

Layout, all integers big-endian, as shared/reference/biometrics.md §2.4 gives it (the field
list afis implements; it fits afis's measured 270 bytes for 36 minutiae and one quality
block) on the general header of ISO/IEC 19794-1:2011; R. Važan's format notes
(templates.machinezoo.com, FingerprintIO) give the same order:

    general header, 15 bytes: "FMR\\0" 4 · "030\\0" 4 · record length 4 ·
        number of finger representations 2 · certification flag 1 (0 or 1)
    representation: representation length 4 (counting itself) · capture date and time 9 ·
        capture device technology 1 · capture device vendor 2 · capture device type 2 ·
        number of quality blocks 1 · quality blocks of 5 (score 1, algorithm vendor 2,
        algorithm 2) · [certification flag 1 only: number of certification blocks 1 ·
        blocks of 3 (authority 2, scheme 1)] · finger position 1 · representation number 1 ·
        x and y sampling rate 2 + 2 (pixels per centimetre) · impression type 1 ·
        width 2 · height 2 · minutia field length 4 bits (5 or 6) + ridge ending type
        4 bits (0 valley skeleton bifurcation, 1 ridge skeleton end) · number of minutiae 1 ·
        minutiae as in :2005 (angle in 360/256° units), without the quality byte when the
        field length is 5 · extended data block as in :2005

The model holds one image size, resolution and capture device per record and one quality
per view, so decoding requires every representation to agree on size, sampling rates and
device type, takes the first quality block's score (255, "could not be computed", reads as
0), reads minutia quality 254 ("not reported"), 255 and absent as 0, and checks then drops
the capture date and time, device technology and vendor, the quality algorithm IDs, the
certification blocks and the ridge ending type. Encoding writes: no date and time (all
0xFF), technology 0 and vendor 0 (unknown), device type = capture_equipment_id, one quality
block (the view's quality, algorithm vendor and ID 0), certification flag 0, 6-byte
minutiae with quality 0 written as 254, ridge ending type 0. The record's compliance bits
and CBEFF IDs have no field here and are not written.
"""

from dataclasses import dataclass

from limes.biometrics.errors import TemplateFormatError
from limes.biometrics.minutiae import FingerView, MinutiaeRecord
from limes.biometrics.minutiae_codecs.fields import (
    FieldReader,
    FieldWriter,
    check_content_length,
    check_range,
)
from limes.biometrics.minutiae_codecs.iso_2005 import (
    FORMAT_IDENTIFIER,
    MAX_QUALITY,
    MinutiaCoding,
    check_finger_view,
    open_record,
    read_view_content,
    write_minutiae_and_extended_data,
)

VERSION = b"030\x00"
HEADER_SIZE = 15
REPRESENTATION_LENGTH_SIZE = 4
DATE_TIME_SIZE = 9
DATE_TIME_NOT_GIVEN = b"\xff" * DATE_TIME_SIZE
QUALITY_BLOCK_SIZE = 5
QUALITY_NOT_COMPUTED = 255
CERTIFICATION_BLOCK_SIZE = 3
UNKNOWN = 0  # capture device technology, vendor, quality algorithm vendor and ID
MINUTIA_SIZES = (5, 6)  # without and with the quality byte
VALLEY_SKELETON_BIFURCATION = 0
RIDGE_ENDING_TYPES = (VALLEY_SKELETON_BIFURCATION, 1)
MAX_REPRESENTATIONS = 0xFFFF
ISO_2011_MINUTIA = MinutiaCoding(
    angle_units=256, unreported_quality=254, unreported_quality_codes=frozenset({254, 255})
)


@dataclass(frozen=True, slots=True)
class Frame:
    """What a representation says about its image that the model keeps once per record."""

    width: int
    height: int
    x_resolution: int
    y_resolution: int
    capture_device_type: int


def read_view_quality(reader: FieldReader, where: str) -> int:
    scores = []
    for block in range(1, reader.uint(1, f"{where}: number of quality blocks") + 1):
        field = f"{where}, quality block {block}"
        score = reader.uint(1, f"{field}: score")
        if score != QUALITY_NOT_COMPUTED:
            check_range(score, 0, MAX_QUALITY, f"{field}: score (or 255, not computed)")
        reader.take(QUALITY_BLOCK_SIZE - 1, f"{field}: algorithm vendor and ID")
        scores.append(0 if score == QUALITY_NOT_COMPUTED else score)
    return scores[0] if scores else 0


def read_representation(
    reader: FieldReader, number: int, *, certified: bool, strict: bool
) -> tuple[FingerView, Frame]:
    where = f"finger representation {number}"
    start = reader.offset
    declared = reader.uint(REPRESENTATION_LENGTH_SIZE, f"{where}: representation length")
    reader.take(DATE_TIME_SIZE, f"{where}: capture date and time")
    reader.uint(1, f"{where}: capture device technology")
    reader.uint(2, f"{where}: capture device vendor")
    device_type = reader.uint(2, f"{where}: capture device type")
    quality = read_view_quality(reader, where)
    if certified:
        blocks = reader.uint(1, f"{where}: number of certification blocks")
        reader.take(blocks * CERTIFICATION_BLOCK_SIZE, f"{where}: certification blocks")
    position = reader.uint(1, f"{where}: finger position")
    representation_number = reader.uint(1, f"{where}: representation number")
    x_resolution = reader.uint(2, f"{where}: x sampling rate")
    y_resolution = reader.uint(2, f"{where}: y sampling rate")
    impression_type = reader.uint(1, f"{where}: impression type")
    width = reader.uint(2, f"{where}: image width")
    height = reader.uint(2, f"{where}: image height")
    field_length_and_ending = reader.uint(1, f"{where}: minutia field length")
    if field_length_and_ending >> 4 not in MINUTIA_SIZES:
        raise TemplateFormatError(f"{where}: minutia field length must be 5 or 6 bytes")
    if field_length_and_ending & 0x0F not in RIDGE_ENDING_TYPES:
        raise TemplateFormatError(f"{where}: ridge ending type must be 0 or 1")
    view = read_view_content(
        reader,
        where,
        ISO_2011_MINUTIA,
        finger_position=position,
        view_number=representation_number,
        impression_type=impression_type,
        quality=quality,
        with_quality=field_length_and_ending >> 4 == max(MINUTIA_SIZES),
    )
    check_content_length(
        declared, reader.offset - start, f"{where}: representation length", strict=strict
    )
    return view, Frame(width, height, x_resolution, y_resolution, device_type)


def decode(data: bytes, *, strict: bool = True) -> MinutiaeRecord:
    reader, declared = open_record(data, VERSION, HEADER_SIZE, strict=strict)
    count = reader.uint(2, "number of finger representations")
    if count == 0:
        raise TemplateFormatError("number of finger representations must be at least 1")
    certification_flag = check_range(
        reader.uint(1, "certification flag"), 0, 1, "certification flag"
    )
    read = [
        read_representation(reader, number, certified=bool(certification_flag), strict=strict)
        for number in range(1, count + 1)
    ]
    check_content_length(declared, reader.offset, "record length", strict=strict)
    frame = read[0][1]
    if any(other != frame for _, other in read[1:]):
        raise TemplateFormatError(
            "finger representations must agree on image size, sampling rates and capture "
            "device type: the model holds one of each per record"
        )
    return MinutiaeRecord(
        width=frame.width,
        height=frame.height,
        x_resolution=frame.x_resolution,
        y_resolution=frame.y_resolution,
        views=tuple(view for view, _ in read),
        capture_equipment_id=frame.capture_device_type,
    )


def write_representation(
    writer: FieldWriter, record: MinutiaeRecord, view: FingerView, number: int
) -> None:
    where = f"finger representation {number}"
    check_finger_view(view, where)
    body = FieldWriter()
    body.raw(DATE_TIME_NOT_GIVEN)
    body.uint(UNKNOWN, 1, f"{where}: capture device technology")
    body.uint(UNKNOWN, 2, f"{where}: capture device vendor")
    body.uint(record.capture_equipment_id, 2, "capture equipment ID (capture device type)")
    body.uint(1, 1, f"{where}: number of quality blocks")
    body.uint(view.quality, 1, f"{where}: finger quality")
    body.uint(UNKNOWN, 2, f"{where}: quality algorithm vendor")
    body.uint(UNKNOWN, 2, f"{where}: quality algorithm")
    body.uint(view.finger_position, 1, f"{where}: finger position")
    body.uint(view.view_number, 1, f"{where}: view number (representation number)")
    body.uint(record.x_resolution, 2, "x resolution")
    body.uint(record.y_resolution, 2, "y resolution")
    body.uint(view.impression_type, 1, f"{where}: impression type")
    body.uint(record.width, 2, "image width")
    body.uint(record.height, 2, "image height")
    body.uint(max(MINUTIA_SIZES) << 4 | VALLEY_SKELETON_BIFURCATION, 1, f"{where}: field length")
    write_minutiae_and_extended_data(body, view, where, ISO_2011_MINUTIA)
    writer.uint(
        REPRESENTATION_LENGTH_SIZE + len(body),
        REPRESENTATION_LENGTH_SIZE,
        f"{where}: representation length",
    )
    writer.raw(body.to_bytes())


def encode(record: MinutiaeRecord) -> bytes:
    check_range(len(record.views), 1, MAX_REPRESENTATIONS, "number of finger representations")
    body = FieldWriter()
    for number, view in enumerate(record.views, start=1):
        write_representation(body, record, view, number)
    writer = FieldWriter()
    writer.raw(FORMAT_IDENTIFIER + VERSION)
    writer.uint(HEADER_SIZE + len(body), 4, "record length")
    writer.uint(len(record.views), 2, "number of finger representations")
    writer.uint(0, 1, "certification flag")
    writer.raw(body.to_bytes())
    return writer.to_bytes()
