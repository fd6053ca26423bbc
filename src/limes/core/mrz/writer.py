"""Write an MRZ from its fields: the inverse of `reader.read_mrz`, for test data and synthetics.

Every check digit is computed; a TD1/TD2 document number longer than 9 characters is written
the Doc 9303 way (first 9 characters, `<`, the rest and its check digit in the optional field),
with the check digit over the number without the filler, as JMRTD and most issuers do.
"""

from limes.core.errors import LimesError
from limes.core.mrz.check_digit import FILLER, compute_check_digit
from limes.core.mrz.model import MrzFields, MrzFormat
from limes.core.mrz.names import format_name_field

_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ALPHANUMERIC = _LETTERS | frozenset("0123456789")


class MrzFieldError(LimesError):
    """A field cannot be written into the requested layout (too long, wrong characters)."""

    code = "mrz.field"


def _require(condition: bool, field: str, rule: str) -> None:
    if not condition:
        raise MrzFieldError(f"{field}: {rule}")


def _padded(value: str, width: int, field: str, allowed: frozenset[str]) -> str:
    _require(len(value) <= width, field, f"at most {width} characters")
    _require(set(value) <= allowed | {FILLER}, field, "only A-Z, 0-9 and <")
    return value.ljust(width, FILLER)


def _code(value: str, width: int, field: str) -> str:
    return _padded(value, width, field, _LETTERS)


def _name(surname: str, given_names: str, width: int) -> str:
    for field, value in (("surname", surname), ("given_names", given_names)):
        _require(set(value) <= _LETTERS | {" "}, field, "MRZ letters separated by spaces")
    return format_name_field(surname, given_names, width)


def _with_check_digit(value: str, width: int, field: str) -> str:
    padded = _padded(value, width, field, _ALPHANUMERIC)
    return padded + compute_check_digit(padded)


def _dates(fields: MrzFields) -> str:
    expiry = fields.expiry_date or FILLER * 6
    _require(fields.sex in ("M", "F", FILLER), "sex", "M, F or <")
    return (
        _with_check_digit(fields.birth_date, 6, "birth_date")
        + fields.sex
        + _with_check_digit(expiry, 6, "expiry_date")
    )


def _long_number(number: str, optional: str, width: int) -> tuple[str, str]:
    """(the number's 10 printed positions, the optional field) for a TD1/TD2 number."""
    if len(number) <= 9:
        return _with_check_digit(number, 9, "document_number"), _padded(
            optional, width, "optional_data", _ALPHANUMERIC
        )
    _require(set(number) <= _ALPHANUMERIC, "document_number", "only A-Z and 0-9")
    overflow = number[9:] + compute_check_digit(number)
    if optional or len(overflow) < width:
        overflow += FILLER
    text = overflow + optional
    _require(
        len(text) <= width, "document_number", "too long for this layout with its optional data"
    )
    return number[:9] + FILLER, _padded(text, width, "optional_data", _ALPHANUMERIC)


def _document_code_and_state(f: MrzFields) -> str:
    return _code(f.document_code, 2, "document_code") + _code(f.issuing_state, 3, "issuing_state")


def _name_line(f: MrzFields, name_width: int) -> str:
    """Line 1 of TD2, TD3 and the visas: document code, issuing state, name."""
    return _document_code_and_state(f) + _name(f.surname, f.given_names, name_width)


def _td1(f: MrzFields) -> tuple[str, ...]:
    number, optional = _long_number(f.document_number, f.optional_data, 15)
    line1 = _document_code_and_state(f) + number + optional
    dates = _dates(f)
    nationality = _code(f.nationality or "", 3, "nationality")
    optional_2 = _padded(f.optional_data_2 or "", 11, "optional_data_2", _ALPHANUMERIC)
    line2 = dates + nationality + optional_2
    line2 += compute_check_digit(line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29])
    return line1, line2, _name(f.surname, f.given_names, 30)


def _td2(f: MrzFields) -> tuple[str, ...]:
    number, optional = _long_number(f.document_number, f.optional_data, 7)
    line1 = _name_line(f, 31)
    line2 = number + _code(f.nationality or "", 3, "nationality") + _dates(f) + optional
    return line1, line2 + compute_check_digit(line2[0:10] + line2[13:20] + line2[21:35])


def _td3(f: MrzFields) -> tuple[str, ...]:
    line1 = _name_line(f, 39)
    personal = _padded(f.optional_data, 14, "optional_data", _ALPHANUMERIC)
    # Doc 9303 Part 4: an unused personal number's check digit may be '<' (or '0').
    personal += compute_check_digit(personal) if f.optional_data else FILLER
    line2 = _with_check_digit(f.document_number, 9, "document_number")
    line2 += _code(f.nationality or "", 3, "nationality") + _dates(f) + personal
    return line1, line2 + compute_check_digit(line2[0:10] + line2[13:20] + line2[21:43])


def _visa(f: MrzFields, width: int) -> tuple[str, ...]:
    line1 = _name_line(f, width - 5)
    line2 = _with_check_digit(f.document_number, 9, "document_number")
    line2 += _code(f.nationality or "", 3, "nationality") + _dates(f)
    return line1, line2 + _padded(f.optional_data, width - 28, "optional_data", _ALPHANUMERIC)


def _french_id(f: MrzFields) -> tuple[str, ...]:
    _require(f.document_code == "ID" and f.issuing_state == "FRA", "document_code", "IDFRA")
    _require(
        len(f.document_number) == 12, "document_number", "12 characters (YYMM, office, serial)"
    )
    surname = _code(FILLER.join(f.surname.split()), 25, "surname")
    line1 = "IDFRA" + surname + _padded(f.optional_data, 6, "optional_data", _ALPHANUMERIC)
    given = _code((FILLER * 2).join(f.given_names.split()), 14, "given_names")
    _require(f.sex in ("M", "F", FILLER), "sex", "M, F or <")
    line2 = _with_check_digit(f.document_number, 12, "document_number") + given
    line2 += _with_check_digit(f.birth_date, 6, "birth_date") + f.sex
    return line1, line2 + compute_check_digit(line1 + line2)


def write_mrz(fields: MrzFields) -> tuple[str, ...]:
    """The MRZ lines for `fields`, every check digit computed; raises MrzFieldError."""
    if fields.format is MrzFormat.TD1:
        return _td1(fields)
    if fields.format is MrzFormat.TD2:
        return _td2(fields)
    if fields.format is MrzFormat.TD3:
        return _td3(fields)
    if fields.format is MrzFormat.MRVA:
        return _visa(fields, 44)
    if fields.format is MrzFormat.MRVB:
        return _visa(fields, 36)
    return _french_id(fields)
