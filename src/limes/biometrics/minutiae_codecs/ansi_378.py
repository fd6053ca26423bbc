"""ANSI/INCITS 378-2004 finger minutiae record.

Layout, all integers big-endian, from NIST biomdi `fingerminutia/src/include/fmr.h` (public
domain: FMR_SMALL_HEADER_LENGTH 26, FMR_LARGE_HEADER_LENGTH 30, FMR_MAX_SHORT_LENGTH 65535)
and shared/reference/biometrics.md §2.4:

    header, 26 bytes: "FMR\\0" 4 · " 20\\0" 4 · record length 2 · CBEFF product owner 2 ·
        CBEFF product type 2 · then as ISO/IEC 19794-2:2005 from the capture equipment on
    long form, 30 bytes: the record length is 0x0000 followed by a 4-byte length, used when
        the record would not fit in 65535 bytes with the short header

Finger views are laid out as in ISO/IEC 19794-2:2005 (`iso_2005.py`), except that the
minutia angle is in units of 2° (0-179).
"""

from limes.biometrics.errors import TemplateFormatError
from limes.biometrics.minutiae import MinutiaeRecord
from limes.biometrics.minutiae_codecs.fields import (
    FieldReader,
    FieldWriter,
    check_declared_length,
)
from limes.biometrics.minutiae_codecs.iso_2005 import (
    FORMAT_IDENTIFIER,
    VERSION,
    MinutiaCoding,
    read_preamble,
    read_record_body,
    write_record_body,
)

HEADER_SIZE = 26
LONG_HEADER_SIZE = 30
MAX_SHORT_LENGTH = 0xFFFF
LONG_FORM_MARK = 0x0000  # a 2-byte record length of 0 announces the 4-byte length
LONG_FORM_EXTRA = LONG_HEADER_SIZE - HEADER_SIZE
CBEFF_PRODUCT_ID_SIZE = 4
ANSI_MINUTIA = MinutiaCoding(angle_units=180)


def decode(data: bytes, *, strict: bool = True) -> MinutiaeRecord:
    reader = FieldReader(data)
    read_preamble(reader, VERSION)
    declared = reader.uint(2, "record length")
    header_size = HEADER_SIZE
    if declared == LONG_FORM_MARK:
        declared = reader.uint(4, "record length (long form)")
        header_size = LONG_HEADER_SIZE
        if strict and declared - LONG_FORM_EXTRA <= MAX_SHORT_LENGTH:
            raise TemplateFormatError(
                "record length: the 6-byte long form is only for records that would exceed "
                "65535 bytes with the 2-byte form"
            )
    check_declared_length(declared, len(data), header_size, strict=strict)
    owner = reader.uint(2, "CBEFF product owner")
    product_type = reader.uint(2, "CBEFF product type")
    return read_record_body(
        reader,
        ANSI_MINUTIA,
        declared_length=declared,
        strict=strict,
        cbeff_product_owner=owner,
        cbeff_product_type=product_type,
    )


def encode(record: MinutiaeRecord) -> bytes:
    body = FieldWriter()
    write_record_body(body, record, ANSI_MINUTIA)
    short_length = len(FORMAT_IDENTIFIER + VERSION) + 2 + CBEFF_PRODUCT_ID_SIZE + len(body)
    writer = FieldWriter()
    writer.raw(FORMAT_IDENTIFIER + VERSION)
    if short_length <= MAX_SHORT_LENGTH:
        writer.uint(short_length, 2, "record length")
    else:
        writer.uint(LONG_FORM_MARK, 2, "record length")
        writer.uint(short_length + LONG_FORM_EXTRA, 4, "record length (long form)")
    writer.uint(record.cbeff_product_owner, 2, "CBEFF product owner")
    writer.uint(record.cbeff_product_type, 2, "CBEFF product type")
    writer.raw(body.to_bytes())
    return writer.to_bytes()
