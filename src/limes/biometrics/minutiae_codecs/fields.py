"""Big-endian unsigned fields with bounds checks, shared by the minutiae record codecs.

ANSI/INCITS 378-2004 and ISO/IEC 19794-2:2005 and :2011 store every multi-byte integer
big-endian, most significant byte first (NIST biomdi `fingerminutia/src/include/fmr.h`
reads them with `ntohs`/`ntohl`). Errors name the field and the rule they break; they
never quote the record's content, only sizes and offsets.
"""

from limes.biometrics.errors import TemplateFormatError


class FieldReader:
    """Reads fields in order; a field that runs past the end of the data is an error."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._offset = 0

    @property
    def offset(self) -> int:
        """Bytes read so far."""
        return self._offset

    def take(self, size: int, field: str) -> bytes:
        end = self._offset + size
        if end > len(self._data):
            left = len(self._data) - self._offset
            raise TemplateFormatError(
                f"{field}: the data ends before this field "
                f"({size} bytes needed at offset {self._offset}, {left} left)"
            )
        chunk = self._data[self._offset : end]
        self._offset = end
        return chunk

    def uint(self, size: int, field: str) -> int:
        return int.from_bytes(self.take(size, field), "big")

    def expect(self, expected: bytes, field: str, rule: str) -> None:
        """Reads a constant field (format identifier, version) and checks it."""
        if self.take(len(expected), field) != expected:
            raise TemplateFormatError(f"{field} must be {rule}")


class FieldWriter:
    """Collects fields in order; a value that does not fit its field is an error."""

    def __init__(self) -> None:
        self._buffer = bytearray()

    def __len__(self) -> int:
        return len(self._buffer)

    def uint(self, value: int, size: int, field: str) -> None:
        check_range(value, 0, (1 << (8 * size)) - 1, field)
        self._buffer += value.to_bytes(size, "big")

    def raw(self, data: bytes) -> None:
        self._buffer += data

    def to_bytes(self) -> bytes:
        return bytes(self._buffer)


def check_range(value: int, low: int, high: int, field: str) -> int:
    """The value itself, when it lies in [low, high]."""
    if not low <= value <= high:
        raise TemplateFormatError(f"{field} must be in {low}–{high}")
    return value


def check_declared_length(declared: int, given: int, header_size: int, *, strict: bool) -> None:
    """Before parsing, in strict mode: the record-length field against the bytes given."""
    if not strict:
        return
    if declared < header_size:
        raise TemplateFormatError(
            f"record length must be at least {header_size} bytes (the header alone)"
        )
    if declared > given:
        raise TemplateFormatError(
            f"record length: the field declares {declared} bytes but only {given} were given "
            "(truncated record)"
        )


def check_content_length(declared: int, content: int, field: str, *, strict: bool) -> None:
    """After parsing, in strict mode: a length field must equal the bytes its content took."""
    if strict and declared != content:
        raise TemplateFormatError(
            f"{field}: the field declares {declared} bytes but the content ends after "
            f"{content}; decode with strict=False to read by the content"
        )
