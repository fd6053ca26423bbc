"""Where each field sits in each MRZ layout, and which positions each check digit covers.

Positions follow ICAO Doc 9303 Parts 4-7 (see ../shared/reference/mrz_sources.md §2.3-2.7);
spans here are 0-based and end-exclusive, while problems report 1-based positions.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from limes.core.mrz.check_digit import FILLER, MRZ_ALPHABET, compute_check_digit
from limes.core.mrz.model import CheckBasis, MrzFormat


class CharacterClass(StrEnum):
    """Which MRZ characters a field may hold (the filler `<` is allowed in all of them)."""

    LETTERS = "letters"
    DIGITS = "digits"
    LETTERS_AND_DIGITS = "letters_and_digits"


@dataclass(frozen=True, slots=True)
class Span:
    """Characters `start` to `end` (exclusive) of line `line`, all 0-based."""

    line: int
    start: int
    end: int

    def text(self, lines: Sequence[str]) -> str:
        """The characters of the span."""
        return lines[self.line][self.start : self.end]

    def positions(self) -> range:
        """The 0-based character positions the span covers on its line."""
        return range(self.start, self.end)


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One field of a layout: its name, its characters and where it sits."""

    name: str
    character_class: CharacterClass
    span: Span


@dataclass(frozen=True, slots=True)
class CheckSpec:
    """One check digit: where it is printed and which spans it covers.

    `alternative` is the second reading of a long TD1/TD2 document number, with the filler at
    the truncation point included; real documents differ on it (mrz_sources.md §3.1).
    """

    field: str
    digit: Span
    covers: tuple[Span, ...]
    alternative: tuple[Span, ...] | None = None
    filler_digit_allowed_when_empty: bool = False

    def covered_positions(self) -> set[tuple[int, int]]:
        """Every (line, position) the check digit protects, the digit itself included."""
        spans = (*self.covers, *(self.alternative or ()), self.digit)
        return {(span.line, position) for span in spans for position in span.positions()}

    def verify(self, lines: Sequence[str]) -> CheckBasis | bool:
        """False when the digit does not verify; True, or the basis that verified a long number."""
        printed = self.digit.text(lines)
        covered = "".join(span.text(lines) for span in self.covers)
        if self.filler_digit_allowed_when_empty and set(covered) <= {FILLER}:
            # TD3 personal number not used: its check digit may be '<' or '0' (§2.5).
            return printed in (FILLER, "0")
        if not _is_checkable(covered) or not printed.isdigit():
            return False
        excluding = compute_check_digit(covered) == printed
        if self.alternative is None:
            return excluding
        alternative = "".join(span.text(lines) for span in self.alternative)
        including = _is_checkable(alternative) and compute_check_digit(alternative) == printed
        if excluding and including:
            return CheckBasis.EITHER
        if excluding:
            return CheckBasis.EXCLUDING_FILLER
        if including:
            return CheckBasis.INCLUDING_FILLER
        return False


@dataclass(frozen=True, slots=True)
class Layout:
    """The fields and check digits of one MRZ, long document numbers resolved."""

    format: MrzFormat
    fields: tuple[FieldSpec, ...]
    checks: tuple[CheckSpec, ...]

    def field(self, name: str) -> FieldSpec | None:
        """The field called `name`, or None when this layout has none."""
        return next((spec for spec in self.fields if spec.name == name), None)

    def text(self, name: str, lines: Sequence[str]) -> str | None:
        """The printed characters of field `name`, or None when this layout has none."""
        spec = self.field(name)
        return None if spec is None else spec.span.text(lines)


def _is_checkable(text: str) -> bool:
    return all(character in MRZ_ALPHABET for character in text)


def _field(
    name: str, character_class: CharacterClass, line: int, start: int, end: int
) -> FieldSpec:
    return FieldSpec(name, character_class, Span(line, start, end))


L, D, LD = CharacterClass.LETTERS, CharacterClass.DIGITS, CharacterClass.LETTERS_AND_DIGITS


def _header(name_end: int) -> tuple[FieldSpec, ...]:
    """Document code, issuing state and name on one line (TD2, TD3, MRV-A, MRV-B)."""
    return (
        _field("document_code", L, 0, 0, 2),
        _field("issuing_state", L, 0, 2, 5),
        _field("name", L, 0, 5, name_end),
    )


def _data_line(line: int) -> tuple[FieldSpec, ...]:
    """Positions 1-28 of the data line shared by TD2, TD3 and both visa formats."""
    return (
        _field("nationality", L, line, 10, 13),
        _field("birth_date", D, line, 13, 19),
        _field("birth_date_check_digit", D, line, 19, 20),
        _field("sex", L, line, 20, 21),
        _field("expiry_date", D, line, 21, 27),
        _field("expiry_date_check_digit", D, line, 27, 28),
    )


def _date_checks(line: int) -> tuple[CheckSpec, ...]:
    return (
        CheckSpec("birth_date", Span(line, 19, 20), (Span(line, 13, 19),)),
        CheckSpec("expiry_date", Span(line, 27, 28), (Span(line, 21, 27),)),
    )


def _document_number(
    lines: Sequence[str], line: int, optional: Span
) -> tuple[tuple[FieldSpec, ...], CheckSpec, Span]:
    """Document number fields, its check, and what is left of the optional field.

    A TD1/TD2 number longer than 9 characters puts '<' where its check digit would be and
    continues in the optional field: overflow, then the check digit, then a filler
    (Doc 9303 Part 5 §4.2.4; Part 11 App. D).
    """
    number = Span(line, 5, 14) if line == 0 else Span(line, 0, 9)
    check_position = Span(line, number.end, number.end + 1)
    optional_text = optional.text(lines)
    is_long = check_position.text(lines) == FILLER and set(optional_text) != {FILLER}
    fields: tuple[FieldSpec, ...]
    if not is_long:
        fields = (
            _field("document_number", LD, line, number.start, number.end),
            _field(
                "document_number_check_digit", D, line, check_position.start, check_position.end
            ),
        )
        return fields, CheckSpec("document_number", check_position, (number,)), optional
    length = optional_text.find(FILLER)
    length = len(optional_text) if length < 0 else length
    overflow = Span(line, optional.start, optional.start + length - 1)
    digit = Span(line, overflow.end, overflow.end + 1)
    rest = Span(line, min(digit.end + 1, optional.end), optional.end)
    fields = (
        _field("document_number", LD, line, number.start, number.end),
        _field("document_number_overflow", LD, line, overflow.start, overflow.end),
        _field("document_number_check_digit", D, line, digit.start, digit.end),
    )
    check = CheckSpec(
        "document_number", digit, (number, overflow), alternative=(number, check_position, overflow)
    )
    return fields, check, rest


def _td1(lines: Sequence[str]) -> Layout:
    number_fields, number_check, optional = _document_number(lines, 0, Span(0, 15, 30))
    fields = (
        _field("document_code", L, 0, 0, 2),
        _field("issuing_state", L, 0, 2, 5),
        *number_fields,
        FieldSpec("optional_data", LD, optional),
        _field("birth_date", D, 1, 0, 6),
        _field("birth_date_check_digit", D, 1, 6, 7),
        _field("sex", L, 1, 7, 8),
        _field("expiry_date", D, 1, 8, 14),
        _field("expiry_date_check_digit", D, 1, 14, 15),
        _field("nationality", L, 1, 15, 18),
        _field("optional_data_2", LD, 1, 18, 29),
        _field("composite_check_digit", D, 1, 29, 30),
        _field("name", L, 2, 0, 30),
    )
    checks = (
        number_check,
        CheckSpec("birth_date", Span(1, 6, 7), (Span(1, 0, 6),)),
        CheckSpec("expiry_date", Span(1, 14, 15), (Span(1, 8, 14),)),
        CheckSpec(
            "composite",
            Span(1, 29, 30),
            (Span(0, 5, 30), Span(1, 0, 7), Span(1, 8, 15), Span(1, 18, 29)),
        ),
    )
    return Layout(MrzFormat.TD1, fields, checks)


def _td2(lines: Sequence[str]) -> Layout:
    number_fields, number_check, optional = _document_number(lines, 1, Span(1, 28, 35))
    fields = (
        *_header(36),
        *number_fields,
        *_data_line(1),
        FieldSpec("optional_data", LD, optional),
        _field("composite_check_digit", D, 1, 35, 36),
    )
    composite = CheckSpec(
        "composite", Span(1, 35, 36), (Span(1, 0, 10), Span(1, 13, 20), Span(1, 21, 35))
    )
    return Layout(MrzFormat.TD2, fields, (number_check, *_date_checks(1), composite))


def _td3(lines: Sequence[str]) -> Layout:
    fields = (
        *_header(44),
        _field("document_number", LD, 1, 0, 9),
        _field("document_number_check_digit", D, 1, 9, 10),
        *_data_line(1),
        _field("optional_data", LD, 1, 28, 42),
        _field("personal_number_check_digit", D, 1, 42, 43),
        _field("composite_check_digit", D, 1, 43, 44),
    )
    checks = (
        CheckSpec("document_number", Span(1, 9, 10), (Span(1, 0, 9),)),
        *_date_checks(1),
        CheckSpec(
            "personal_number",
            Span(1, 42, 43),
            (Span(1, 28, 42),),
            filler_digit_allowed_when_empty=True,
        ),
        CheckSpec("composite", Span(1, 43, 44), (Span(1, 0, 10), Span(1, 13, 20), Span(1, 21, 43))),
    )
    return Layout(MrzFormat.TD3, fields, checks)


def _visa(lines: Sequence[str], mrz_format: MrzFormat, width: int) -> Layout:
    # Doc 9303 Part 7: no composite and no personal-number check digit on visas.
    fields = (
        *_header(width),
        _field("document_number", LD, 1, 0, 9),
        _field("document_number_check_digit", D, 1, 9, 10),
        *_data_line(1),
        _field("optional_data", LD, 1, 28, width),
    )
    checks = (CheckSpec("document_number", Span(1, 9, 10), (Span(1, 0, 9),)), *_date_checks(1))
    return Layout(mrz_format, fields, checks)


def _french_id(lines: Sequence[str]) -> Layout:
    # Pre-2021 French identity card (mrz_sources.md §2.3): not an ICAO layout.
    fields = (
        _field("document_code", L, 0, 0, 2),
        _field("issuing_state", L, 0, 2, 5),
        _field("name", L, 0, 5, 30),
        _field("optional_data", LD, 0, 30, 36),
        _field("issue_month", D, 1, 0, 4),
        _field("issuing_office", LD, 1, 4, 7),
        _field("serial_number", LD, 1, 7, 12),
        _field("document_number_check_digit", D, 1, 12, 13),
        _field("given_names", L, 1, 13, 27),
        _field("birth_date", D, 1, 27, 33),
        _field("birth_date_check_digit", D, 1, 33, 34),
        _field("sex", L, 1, 34, 35),
        _field("composite_check_digit", D, 1, 35, 36),
    )
    checks = (
        CheckSpec("document_number", Span(1, 12, 13), (Span(1, 0, 12),)),
        CheckSpec("birth_date", Span(1, 33, 34), (Span(1, 27, 33),)),
        CheckSpec("composite", Span(1, 35, 36), (Span(0, 0, 36), Span(1, 0, 35))),
    )
    return Layout(MrzFormat.FRENCH_ID, fields, checks)


def layout_for(mrz_format: MrzFormat, lines: Sequence[str]) -> Layout:
    """The layout of `lines`, which must already have the line lengths of `mrz_format`."""
    if mrz_format is MrzFormat.TD1:
        return _td1(lines)
    if mrz_format is MrzFormat.TD2:
        return _td2(lines)
    if mrz_format is MrzFormat.TD3:
        return _td3(lines)
    if mrz_format is MrzFormat.MRVA:
        return _visa(lines, mrz_format, 44)
    if mrz_format is MrzFormat.MRVB:
        return _visa(lines, mrz_format, 36)
    return _french_id(lines)
