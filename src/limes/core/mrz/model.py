"""What reading a machine-readable zone returns: typed fields, check digits, problems."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class MrzFormat(StrEnum):
    """The layouts Limes reads: ICAO Doc 9303 Parts 4-7 and the pre-2021 French identity card."""

    TD1 = "TD1"  # 3 x 30, identity cards (Part 5)
    TD2 = "TD2"  # 2 x 36, identity cards (Part 6)
    TD3 = "TD3"  # 2 x 44, passports (Part 4)
    MRVA = "MRVA"  # 2 x 44, visas (Part 7)
    MRVB = "MRVB"  # 2 x 36, visas (Part 7)
    FRENCH_ID = "FRENCH_ID"  # 2 x 36, French national identity card issued before 2021


class DocumentType(StrEnum):
    """The document family, from the first letter of the document code."""

    PASSPORT = "passport"
    ID = "id"
    VISA = "visa"


class CheckBasis(StrEnum):
    """Which reading of a long TD1/TD2 document number made its check digit verify."""

    EXCLUDING_FILLER = "excluding_filler"
    INCLUDING_FILLER = "including_filler"
    EITHER = "either"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an MRZ, at a 1-based line and position (0 when not tied to one).

    >>> Problem("check_digit.birth_date", 2, 20, "birth date check digit does not verify")
    """

    code: str
    line: int
    position: int
    message: str


@dataclass(frozen=True, slots=True)
class Repair:
    """One OCR confusion undone: the character at `line`/`position` read as `original`.

    `verified` is True when a check digit covers the position and confirmed the repair.
    """

    line: int
    position: int
    field: str
    original: str
    replacement: str
    verified: bool


@dataclass(frozen=True, slots=True)
class CheckDigitResult:
    """The verdict on one check digit of the zone."""

    field: str
    printed: str
    valid: bool


@dataclass(frozen=True, slots=True)
class MrzDate:
    """A YYMMDD date as printed, with the century resolved; unknown parts (`<<`) are None.

    >>> MrzDate(raw="7408<<", year=1974, month=8, day=None).as_date() is None
    True
    """

    raw: str
    year: int | None
    month: int | None
    day: int | None

    def as_date(self) -> date | None:
        """The calendar date, or None when any part is unknown or invalid."""
        if self.year is None or self.month is None or self.day is None:
            return None
        try:
            return date(self.year, self.month, self.day)
        except ValueError:
            return None


@dataclass(frozen=True, slots=True, kw_only=True)
class MachineReadableZone:
    """A read MRZ: every field as printed (trailing fillers removed) and every verdict.

    Fields are None where the layout could not be recognised or the format has no such field
    (a French card has no nationality and no expiry). `valid` means no problems at all;
    whether the document has expired is a separate question (`is_expired`).
    """

    lines: tuple[str, ...]
    format: MrzFormat | None
    document_code: str | None = None
    issuing_state: str | None = None
    surname: str | None = None
    given_names: str | None = None
    name_possibly_truncated: bool = False
    document_number: str | None = None
    document_number_check_basis: CheckBasis | None = None
    nationality: str | None = None
    birth_date: MrzDate | None = None
    sex: str | None = None
    expiry_date: MrzDate | None = None
    optional_data: str | None = None
    optional_data_2: str | None = None
    check_digits: tuple[CheckDigitResult, ...] = ()
    problems: tuple[Problem, ...] = ()
    repairs: tuple[Repair, ...] = ()

    @property
    def valid(self) -> bool:
        """True when the zone has a recognised layout and nothing is wrong with it."""
        return self.format is not None and not self.problems

    @property
    def document_type(self) -> DocumentType | None:
        """Passport, identity document or visa, from the first letter of the document code."""
        first = (self.document_code or "")[:1]
        if first == "P":
            return DocumentType.PASSPORT
        if first in ("I", "A", "C"):
            return DocumentType.ID
        if first == "V":
            return DocumentType.VISA
        return None

    def fields(self) -> "MrzFields | None":
        """The printed content, for comparison with what was written; None without a layout."""
        if self.format is None or self.birth_date is None:
            return None
        return MrzFields(
            format=self.format,
            document_code=self.document_code or "",
            issuing_state=self.issuing_state or "",
            surname=self.surname or "",
            given_names=self.given_names or "",
            document_number=self.document_number or "",
            nationality=self.nationality,
            birth_date=self.birth_date.raw,
            sex=self.sex or "",
            expiry_date=self.expiry_date.raw if self.expiry_date else None,
            optional_data=self.optional_data or "",
            optional_data_2=self.optional_data_2,
        )

    def is_expired(self, on: date) -> bool | None:
        """True when the expiry date is before `on`; None when there is no known expiry."""
        expiry = self.expiry_date.as_date() if self.expiry_date else None
        return None if expiry is None else expiry < on


@dataclass(frozen=True, slots=True, kw_only=True)
class MrzFields:
    """The printed content of an MRZ, as the writer takes it and the reader returns it.

    Names are MRZ-ready words (A-Z separated by spaces; see `limes.core.names`); dates are
    YYMMDD as printed (`<<` for unknown birth-date parts, `<<<<<<` for no expiry); optional
    data is raw, without trailing fillers. A French card has no nationality and no expiry.

    >>> MrzFields(format=MrzFormat.TD3, document_code="P", issuing_state="UTO",
    ...           surname="ERIKSSON", given_names="ANNA MARIA", document_number="L898902C3",
    ...           nationality="UTO", birth_date="740812", sex="F", expiry_date="120415",
    ...           optional_data="ZE184226B")
    """

    format: MrzFormat
    document_code: str
    issuing_state: str
    surname: str
    given_names: str
    document_number: str
    nationality: str | None
    birth_date: str
    sex: str
    expiry_date: str | None
    optional_data: str = ""
    optional_data_2: str | None = None
