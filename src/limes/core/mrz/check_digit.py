"""ICAO Doc 9303 Part 3 §4.9 check digits: weights 7-3-1, modulus 10.

>>> compute_check_digit("L898902C3")
'6'
"""

from collections.abc import Iterable

FILLER = "<"
MRZ_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")

_WEIGHTS = (7, 3, 1)


def character_value(character: str) -> int:
    """Value of one MRZ character: digits 0-9, A-Z 10-35, the filler 0 (Doc 9303 Part 3)."""
    if "0" <= character <= "9":
        return ord(character) - ord("0")
    if "A" <= character <= "Z":
        return ord(character) - ord("A") + 10
    if character == FILLER:
        return 0
    raise ValueError("not an MRZ character")


def compute_check_digit(field: Iterable[str]) -> str:
    """The check digit of a field, as the character printed in the MRZ."""
    total = sum(
        character_value(character) * _WEIGHTS[index % 3] for index, character in enumerate(field)
    )
    return str(total % 10)
