"""Finger minutiae records as bytes: ISO/IEC 19794-2:2005 and :2011, ANSI/INCITS 378-2004.

`decode` and `encode` convert between a record's bytes and the one internal model,
`limes.biometrics.minutiae.MinutiaeRecord`; `sniff_format` tells the three formats apart
by their headers. Decoding is strict by default: every layout rule is checked, and a
record-length field must equal the bytes the content takes (trailing bytes after the
declared length are ignored). `strict=False` lets the content decide where a record ends
when a length field disagrees with it; every other rule still applies. Each module cites
the sources of its layout.

    record = decode(data, TemplateFormat.ANSI_378_2004)
    iso_bytes = encode(record, TemplateFormat.ISO_19794_2_2005)  # angles re-quantised
"""

from collections.abc import Callable
from typing import Protocol, TypeVar

from limes.biometrics.errors import TemplateFormatError
from limes.biometrics.minutiae import MinutiaeRecord
from limes.biometrics.minutiae_codecs import ansi_378, iso_2005, iso_2011
from limes.biometrics.model import TemplateFormat

__all__ = ["TemplateFormat", "decode", "encode", "sniff_format"]


class _Decoder(Protocol):
    def __call__(self, data: bytes, *, strict: bool = True) -> MinutiaeRecord: ...


_DECODERS: dict[TemplateFormat, _Decoder] = {
    TemplateFormat.ISO_19794_2_2005: iso_2005.decode,
    TemplateFormat.ANSI_378_2004: ansi_378.decode,
    TemplateFormat.ISO_19794_2_2011: iso_2011.decode,
}
_ENCODERS: dict[TemplateFormat, Callable[[MinutiaeRecord], bytes]] = {
    TemplateFormat.ISO_19794_2_2005: iso_2005.encode,
    TemplateFormat.ANSI_378_2004: ansi_378.encode,
    TemplateFormat.ISO_19794_2_2011: iso_2011.encode,
}
_Codec = TypeVar("_Codec")
_LENGTH_OFFSET = len(iso_2005.FORMAT_IDENTIFIER + iso_2005.VERSION)


def decode(data: bytes, format: TemplateFormat, *, strict: bool = True) -> MinutiaeRecord:
    """The record in `data`; TemplateFormatError names the field and rule it breaks."""
    return _codec(_DECODERS, format)(data, strict=strict)


def encode(record: MinutiaeRecord, format: TemplateFormat) -> bytes:
    """The record's bytes; TemplateFormatError when a value does not fit the format."""
    return _codec(_ENCODERS, format)(record)


def sniff_format(data: bytes) -> TemplateFormat:
    """Which of the three formats the header shows.

    Version "030\\0" is ISO/IEC 19794-2:2011. Version " 20\\0" is shared by ISO/IEC
    19794-2:2005 and ANSI/INCITS 378-2004, and the record-length field at offset 8 tells them
    apart: ISO reads it as 4 bytes, ANSI as 2 bytes, or 0x0000 then 4 bytes. A reading is
    plausible when its length is at least that format's header (24; 26, or 30 in the long
    form) and at most the bytes given (trailing padding is allowed). The one plausible
    reading wins. If both are plausible (only possible for more than 1.5 MiB of data), the
    one whose length equals the data size wins. Otherwise, as for a truncated record,
    bytes 8-9 decide: 0x0000 is ISO/IEC 19794-2:2005 (its length is under 64 KiB), anything
    else is the short form of ANSI/INCITS 378-2004.
    """
    if data[: len(iso_2005.FORMAT_IDENTIFIER)] != iso_2005.FORMAT_IDENTIFIER:
        raise TemplateFormatError('format identifier must be the 4 bytes "FMR\\0"')
    version = data[len(iso_2005.FORMAT_IDENTIFIER) : _LENGTH_OFFSET]
    if version == iso_2011.VERSION:
        return TemplateFormat.ISO_19794_2_2011
    if version != iso_2005.VERSION:
        raise TemplateFormatError(
            'version must be " 20\\0" (ISO/IEC 19794-2:2005, ANSI/INCITS 378-2004) '
            'or "030\\0" (ISO/IEC 19794-2:2011)'
        )
    if len(data) < _LENGTH_OFFSET + 2:
        raise TemplateFormatError("record length: the data ends before this field")
    readings = {
        TemplateFormat.ISO_19794_2_2005: (_uint(data, _LENGTH_OFFSET, 4), iso_2005.HEADER_SIZE),
        TemplateFormat.ANSI_378_2004: _ansi_378_length(data),
    }
    plausible = [
        format
        for format, (length, header_size) in readings.items()
        if header_size <= length <= len(data)
    ]
    if len(plausible) == 1:
        return plausible[0]
    exact = [format for format in plausible if readings[format][0] == len(data)]
    if len(exact) == 1:
        return exact[0]
    if _uint(data, _LENGTH_OFFSET, 2) == ansi_378.LONG_FORM_MARK:
        return TemplateFormat.ISO_19794_2_2005
    return TemplateFormat.ANSI_378_2004


def _ansi_378_length(data: bytes) -> tuple[int, int]:
    """The record length and header size, read as ANSI/INCITS 378-2004."""
    short_length = _uint(data, _LENGTH_OFFSET, 2)
    if short_length != ansi_378.LONG_FORM_MARK:
        return short_length, ansi_378.HEADER_SIZE
    return _uint(data, _LENGTH_OFFSET + 2, 4), ansi_378.LONG_HEADER_SIZE


def _uint(data: bytes, offset: int, size: int) -> int:
    """A big-endian field, or 0 when the data ends before it (no plausible length is 0)."""
    field = data[offset : offset + size]
    return int.from_bytes(field, "big") if len(field) == size else 0


def _codec(codecs: dict[TemplateFormat, _Codec], format: TemplateFormat) -> _Codec:
    if format not in codecs:
        raise TemplateFormatError(f"format {format.value} is not a finger minutiae record format")
    return codecs[format]
