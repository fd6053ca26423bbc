"""The MRZ name field: primary and secondary identifiers, fillers, truncation.

Doc 9303 Part 3 §4.6 (mrz_sources.md §2.6): primary identifier, `<<`, then the secondary
identifier's components separated by `<`; the rest is filled with `<`. A name longer than
the field is truncated by the issuer, secondary identifier first.
"""

import re

from limes.core.mrz.check_digit import FILLER

_FILLER_RUN = re.compile(f"{FILLER}+")
_SEPARATOR = FILLER * 2


def join_components(text: str) -> str:
    """Name components joined by single spaces: any run of fillers is one gap."""
    return _FILLER_RUN.sub(" ", text).strip()


def split_name(field: str) -> tuple[str, str]:
    """(primary, secondary) identifiers with fillers turned into single spaces.

    With no `<<` the whole field is the primary identifier (Malaysian passports); a field
    that starts with `<<` has an empty primary identifier.
    """
    content = field.rstrip(FILLER)
    primary, separator, secondary = content.partition(_SEPARATOR)
    if not separator:
        return join_components(primary), ""
    return join_components(primary), join_components(secondary)


def is_possibly_truncated(field: str) -> bool:
    """True when the name reaches the field's last position, the sign of issuer truncation."""
    return field[-1:].isalpha()


def format_name_field(primary: str, secondary: str, width: int) -> str:
    """The name field for MRZ-ready identifiers (A-Z and spaces), truncated to `width`.

    When the names do not fit, the secondary identifier is cut first; when the primary
    identifier alone is too long it is cut so that `<<` and the first character of the
    secondary identifier still fit (Doc 9303 Part 3 §4.6).
    """
    primary_field = FILLER.join(primary.split())
    secondary_field = FILLER.join(secondary.split())
    if not secondary_field:
        return primary_field[:width].ljust(width, FILLER)
    if len(primary_field) + len(_SEPARATOR) + 1 > width:
        primary_field = primary_field[: width - len(_SEPARATOR) - 1]
    field = primary_field + _SEPARATOR + secondary_field
    return field[:width].ljust(width, FILLER)
