"""Builders for MRZ tests: the ICAO specimens and a way to change one character."""

from limes.core.mrz.model import MrzFields, MrzFormat

# The ICAO Doc 9303 Part 4 specimen passport's fields.
SPECIMEN_FIELDS = MrzFields(
    format=MrzFormat.TD3,
    document_code="P",
    issuing_state="UTO",
    surname="ERIKSSON",
    given_names="ANNA MARIA",
    document_number="L898902C3",
    nationality="UTO",
    birth_date="740812",
    sex="F",
    expiry_date="120415",
    optional_data="ZE184226B",
)

ICAO_TD3 = (
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
)
ICAO_TD1 = (
    "I<UTOD231458907<<<<<<<<<<<<<<<",
    "7408122F1204159UTO<<<<<<<<<<<6",
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
)
ICAO_TD2 = ("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6")


def with_character(
    lines: tuple[str, ...], line: int, position: int, character: str
) -> tuple[str, ...]:
    """The lines with the character at 1-based `line`/`position` replaced."""
    changed = list(lines)
    text = changed[line - 1]
    changed[line - 1] = text[: position - 1] + character + text[position:]
    return tuple(changed)
