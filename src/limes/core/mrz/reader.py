"""Read a machine-readable zone: recognise the layout, validate every field, report everything.

`read_mrz` never raises on any text: whatever is wrong comes back as `Problem`s with stable
codes (docs/mrz.md lists them), so a kiosk or a guard sees every fault at once.
"""

from collections.abc import Iterator, Sequence
from datetime import date

from limes.core.countries import is_known_country_code
from limes.core.mrz.check_digit import FILLER, MRZ_ALPHABET
from limes.core.mrz.dates import read_birth_date, read_expiry_date, read_issue_month
from limes.core.mrz.layouts import CharacterClass, Layout, layout_for
from limes.core.mrz.model import (
    CheckBasis,
    CheckDigitResult,
    MachineReadableZone,
    MrzDate,
    MrzFormat,
    Problem,
    Repair,
)
from limes.core.mrz.names import is_possibly_truncated, join_components, split_name
from limes.core.mrz.ocr_repair import repair_ocr_confusions

_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ<")
_DIGITS = frozenset("0123456789<")
_ALLOWED = {
    CharacterClass.LETTERS: _LETTERS,
    CharacterClass.DIGITS: _DIGITS,
    CharacterClass.LETTERS_AND_DIGITS: MRZ_ALPHABET,
}
_CLASS_WORDS = {
    CharacterClass.LETTERS: "letters",
    CharacterClass.DIGITS: "digits",
    CharacterClass.LETTERS_AND_DIGITS: "letters and digits",
}
# Doc 9303: P = passport (Part 4), A/C/I = official travel documents (Parts 5-6), V = visa.
_DOCUMENT_CODE_FIRST_LETTERS = {
    MrzFormat.TD1: "ACI",
    MrzFormat.TD2: "ACI",
    MrzFormat.TD3: "P",
    MrzFormat.MRVA: "V",
    MrzFormat.MRVB: "V",
    MrzFormat.FRENCH_ID: "I",
}
_SEXES = frozenset("MF<")
_DATE_CODES = {
    "birth_date": "date.birth",
    "expiry_date": "date.expiry",
    "issue_month": "date.issue",
}


def detect_format(lines: Sequence[str]) -> tuple[MrzFormat | None, list[Problem]]:
    """The layout that the line count, the first line's length and first letters name.

    A later line of the wrong length is reported but does not hide the layout: a guard
    reading "TD3, line 2 has 43 characters" knows what to rescan.
    """
    count = len(lines)
    if count not in (2, 3):
        return None, [Problem("line_count", 0, 0, f"an MRZ has 2 or 3 lines; found {count}")]
    width = len(lines[0])
    widths = (30,) if count == 3 else (36, 44)
    if width not in widths:
        expected = " or ".join(str(w) for w in widths)
        message = f"line 1 has {width} characters; a {count}-line MRZ has {expected}"
        return None, [Problem("length", 1, 0, message)]
    return _layout_by_first_line(lines, width), _wrong_lengths(lines, width)


def _layout_by_first_line(lines: Sequence[str], width: int) -> MrzFormat:
    if width == 30:
        return MrzFormat.TD1
    if lines[0].startswith("V"):
        return MrzFormat.MRVA if width == 44 else MrzFormat.MRVB
    if width == 44:
        return MrzFormat.TD3
    # The old French card shares TD2's size; it has digits where TD2 has the nationality.
    if lines[0].startswith("IDFRA") and lines[1][10:13].isdecimal():
        return MrzFormat.FRENCH_ID
    return MrzFormat.TD2


def _wrong_lengths(lines: Sequence[str], width: int) -> list[Problem]:
    return [
        Problem("length", number, 0, f"line {number} has {len(line)} characters, not {width}")
        for number, line in enumerate(lines, start=1)
        if len(line) != width
    ]


def _charset_problems(lines: Sequence[str]) -> Iterator[Problem]:
    for line_number, line in enumerate(lines, start=1):
        for position, character in enumerate(line, start=1):
            if character not in MRZ_ALPHABET:
                yield Problem(
                    "charset",
                    line_number,
                    position,
                    "character outside the MRZ alphabet (A-Z, 0-9 and <)",
                )


def _class_problems(layout: Layout, lines: Sequence[str]) -> Iterator[Problem]:
    for spec in layout.fields:
        allowed = _ALLOWED[spec.character_class]
        for position in spec.span.positions():
            character = lines[spec.span.line][position]
            if character in MRZ_ALPHABET and character not in allowed:
                yield Problem(
                    _DATE_CODES.get(spec.name, f"field.{spec.name}"),
                    spec.span.line + 1,
                    position + 1,
                    f"{spec.name} holds only {_CLASS_WORDS[spec.character_class]}",
                )


def _is_clean(text: str | None, allowed: frozenset[str]) -> bool:
    return text is not None and all(character in allowed for character in text)


def _field_problem(layout: Layout, name: str, code: str, message: str) -> Problem:
    spec = layout.field(name)
    line, position = (spec.span.line + 1, spec.span.start + 1) if spec else (0, 0)
    return Problem(code, line, position, message)


def _code_problems(layout: Layout, lines: Sequence[str]) -> Iterator[Problem]:
    document_code = layout.text("document_code", lines) or ""
    if _is_clean(document_code, _LETTERS) and (
        document_code[:1] not in _DOCUMENT_CODE_FIRST_LETTERS[layout.format]
        or (layout.format is MrzFormat.FRENCH_ID and document_code != "ID")
    ):
        yield _field_problem(
            layout, "document_code", "field.document_code", "document code does not fit the layout"
        )
    for name in ("issuing_state", "nationality"):
        text = layout.text(name, lines)
        if not _is_clean(text, _LETTERS):
            continue
        code = (text or "").rstrip(FILLER)
        if layout.format is MrzFormat.FRENCH_ID and name == "issuing_state" and code != "FRA":
            yield _field_problem(layout, name, f"code.{name}", "a French card is issued by FRA")
        elif not is_known_country_code(code):
            yield _field_problem(
                layout, name, f"code.{name}", f"{name} is not an ISO 3166-1 or ICAO code"
            )
    sex = layout.text("sex", lines)
    if _is_clean(sex, _LETTERS) and sex not in _SEXES:
        yield _field_problem(layout, "sex", "field.sex", "sex is M, F or < (unspecified)")
    name = layout.text("name", lines) or ""
    if _is_clean(name, _LETTERS) and set(name) == {FILLER}:
        yield _field_problem(layout, "name", "field.name", "the name field is empty")


def _read_dates(
    layout: Layout, lines: Sequence[str], on: date, problems: list[Problem]
) -> tuple[MrzDate | None, MrzDate | None]:
    birth_raw = layout.text("birth_date", lines) or ""
    birth = read_birth_date(birth_raw, on) if _is_clean(birth_raw, _DIGITS) else None
    if birth is None and _is_clean(birth_raw, _DIGITS):
        problems.append(
            _field_problem(layout, "birth_date", "date.birth", "birth date is not a calendar date")
        )
    expiry_raw = layout.text("expiry_date", lines)
    expiry = None
    if expiry_raw is not None and _is_clean(expiry_raw, _DIGITS):
        expiry = read_expiry_date(expiry_raw, on, birth)
        if expiry is None:
            problems.append(
                _field_problem(
                    layout, "expiry_date", "date.expiry", "expiry date is not a calendar date"
                )
            )
    issue = layout.text("issue_month", lines)
    if issue is not None and _is_clean(issue, _DIGITS) and not read_issue_month(issue):
        problems.append(
            _field_problem(layout, "issue_month", "date.issue", "issue month is not YYMM")
        )
    birth = birth or MrzDate(raw=birth_raw, year=None, month=None, day=None)
    if expiry is None and expiry_raw is not None:
        expiry = MrzDate(raw=expiry_raw, year=None, month=None, day=None)
    return birth, expiry


def _check_digits(
    layout: Layout, lines: Sequence[str], problems: list[Problem]
) -> tuple[tuple[CheckDigitResult, ...], CheckBasis | None]:
    results: list[CheckDigitResult] = []
    basis: CheckBasis | None = None
    for check in layout.checks:
        verdict = check.verify(lines)
        if isinstance(verdict, CheckBasis):
            basis = verdict
        results.append(CheckDigitResult(check.field, check.digit.text(lines), verdict is not False))
        if verdict is False:
            problems.append(
                Problem(
                    f"check_digit.{check.field}",
                    check.digit.line + 1,
                    check.digit.start + 1,
                    f"{check.field} check digit does not verify",
                )
            )
    return tuple(results), basis


def _document_number(layout: Layout, lines: Sequence[str]) -> str:
    if layout.format is MrzFormat.FRENCH_ID:
        return "".join(
            layout.text(name, lines) or ""
            for name in ("issue_month", "issuing_office", "serial_number")
        ).rstrip(FILLER)
    number = layout.text("document_number", lines) or ""
    return (number + (layout.text("document_number_overflow", lines) or "")).rstrip(FILLER)


def _names(layout: Layout, lines: Sequence[str]) -> tuple[str, str, bool]:
    field = layout.text("name", lines) or ""
    if layout.format is MrzFormat.FRENCH_ID:
        given_field = layout.text("given_names", lines) or ""
        # The French card separates given names with `<<`, not `<`.
        return (
            join_components(field),
            join_components(given_field),
            is_possibly_truncated(field) or is_possibly_truncated(given_field),
        )
    primary, secondary = split_name(field)
    return primary, secondary, is_possibly_truncated(field)


def _optional(layout: Layout, lines: Sequence[str], name: str) -> str | None:
    text = layout.text(name, lines)
    return None if text is None else text.rstrip(FILLER)


def read_mrz(lines: Sequence[str], *, on: date, repair: bool = False) -> MachineReadableZone:
    """Read and validate an MRZ given as its lines; `on` resolves the dates' century.

    With `repair`, OCR confusions (O/0, I/1, B/8 …) are undone where the character class or
    the check digits prove them (see `ocr_repair`), and reported in `repairs`.
    """
    lines = tuple(lines)
    detected, length_problems = detect_format(lines)
    if detected is None or length_problems:
        # Fields cannot be placed on lines of the wrong length; say what else is wrong.
        # Only the first `width` characters of each line are scanned, so the work (and the
        # report) stays bounded however long a line is.
        width = len(lines[0]) if detected else 0
        clipped = [line[:width] for line in lines]
        found = (*length_problems, *_charset_problems(clipped)) if detected else length_problems
        return MachineReadableZone(lines=lines, format=detected, problems=tuple(found))
    layout = layout_for(detected, lines)
    repairs: tuple[Repair, ...] = ()
    if repair:
        # Repairs never add or remove a filler, so the layout (long numbers) stays the same.
        lines, repairs = repair_ocr_confusions(layout, lines)
    problems = [*_charset_problems(lines), *_class_problems(layout, lines)]
    problems.extend(_code_problems(layout, lines))
    birth, expiry = _read_dates(layout, lines, on, problems)
    check_digits, basis = _check_digits(layout, lines, problems)
    surname, given_names, truncated = _names(layout, lines)
    return MachineReadableZone(
        lines=lines,
        format=detected,
        document_code=(layout.text("document_code", lines) or "").rstrip(FILLER),
        issuing_state=(layout.text("issuing_state", lines) or "").rstrip(FILLER),
        surname=surname,
        given_names=given_names,
        name_possibly_truncated=truncated,
        document_number=_document_number(layout, lines),
        document_number_check_basis=basis,
        nationality=_optional(layout, lines, "nationality"),
        birth_date=birth,
        sex=layout.text("sex", lines),
        expiry_date=expiry,
        optional_data=_optional(layout, lines, "optional_data"),
        optional_data_2=_optional(layout, lines, "optional_data_2"),
        check_digits=check_digits,
        problems=tuple(sorted(problems, key=lambda p: (p.line, p.position, p.code))),
        repairs=repairs,
    )
