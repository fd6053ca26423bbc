"""Undo the usual OCR confusions in an MRZ, only where the zone itself proves the repair.

Two kinds of evidence (mrz_sources.md §3.12; the confusion pairs are the ones cheminfo/mrz,
PassportEye and MRZParser correct):

- character class: a letter in a digits-only field (dates, check digits) or a digit in a
  letters-only field (codes, names) cannot be right, and has one usual look-alike;
- check digits: in fields that hold letters and digits, a look-alike swap is tried only in
  fields whose check digit fails, and kept only when exactly one combination of swaps makes
  every check digit of the zone verify.

A repair to a position that no check digit covers (a name, a state code) is reported with
`verified=False`; every repair in a checked position is kept only if all check digits verify.
"""

from collections.abc import Sequence
from itertools import combinations, product

from limes.core.mrz.layouts import CharacterClass, Layout
from limes.core.mrz.model import Repair

_AS_DIGIT = {"O": "0", "Q": "0", "D": "0", "I": "1", "L": "1", "Z": "2", "S": "5", "G": "6",
             "B": "8", "T": "7"}  # fmt: skip
_AS_LETTER = {"0": "O", "1": "I", "2": "Z", "4": "A", "5": "S", "6": "G", "7": "T", "8": "B"}
_LOOK_ALIKES = {"O": "0", "Q": "0", "D": "0", "0": "ODQ", "I": "1", "1": "I", "Z": "2", "2": "Z",
                "S": "5", "5": "S", "G": "6", "6": "G", "B": "8", "8": "B"}  # fmt: skip

# Look-alike swaps tried together in letter-and-digit fields. Each check digit is one chance
# in ten, so every extra swap lets wrong combinations verify by chance and would make most
# real repairs ambiguous; one misread character per zone is what the check digits can prove.
MAX_LOOK_ALIKE_SWAPS = 1

Position = tuple[int, int]


def _positions(layout: Layout) -> dict[Position, tuple[str, CharacterClass]]:
    return {
        (spec.span.line, position): (spec.name, spec.character_class)
        for spec in layout.fields
        for position in spec.span.positions()
    }


def _all_checks_verify(layout: Layout, lines: Sequence[str]) -> bool:
    return all(check.verify(lines) is not False for check in layout.checks)


def _with(lines: Sequence[str], changes: dict[Position, str]) -> tuple[str, ...]:
    grid = [list(line) for line in lines]
    for (line, position), character in changes.items():
        grid[line][position] = character
    return tuple("".join(row) for row in grid)


def _class_repairs(
    fields: dict[Position, tuple[str, CharacterClass]], lines: Sequence[str]
) -> dict[Position, str]:
    changes: dict[Position, str] = {}
    for (line, position), (_, character_class) in fields.items():
        character = lines[line][position]
        if character_class is CharacterClass.DIGITS and character in _AS_DIGIT:
            changes[line, position] = _AS_DIGIT[character]
        elif character_class is CharacterClass.LETTERS and character in _AS_LETTER:
            changes[line, position] = _AS_LETTER[character]
    return changes


def _look_alike_solutions(
    layout: Layout,
    fields: dict[Position, tuple[str, CharacterClass]],
    lines: tuple[str, ...],
) -> list[dict[Position, str]]:
    verdicts = [(check, check.verify(lines) is not False) for check in layout.checks]
    trusted = set().union(*(check.covered_positions() for check, ok in verdicts if ok))
    suspect = set().union(*(check.covered_positions() for check, ok in verdicts if not ok))
    candidates = sorted(
        position
        for position in suspect - trusted
        if fields.get(position, ("", None))[1] is CharacterClass.LETTERS_AND_DIGITS
        and lines[position[0]][position[1]] in _LOOK_ALIKES
    )
    solutions: list[dict[Position, str]] = []
    for count in range(1, MAX_LOOK_ALIKE_SWAPS + 1):
        for chosen in combinations(candidates, count):
            options = [_LOOK_ALIKES[lines[line][position]] for line, position in chosen]
            for replacements in product(*options):
                swaps = dict(zip(chosen, replacements, strict=True))
                if _all_checks_verify(layout, _with(lines, swaps)):
                    solutions.append(swaps)
    return solutions


def repair_ocr_confusions(
    layout: Layout, lines: Sequence[str]
) -> tuple[tuple[str, ...], tuple[Repair, ...]]:
    """The lines with proven OCR repairs applied, and the repairs made."""
    fields = _positions(layout)
    checked = set().union(*(check.covered_positions() for check in layout.checks))
    changes = _class_repairs(fields, lines)
    repaired = _with(lines, changes)
    if not _all_checks_verify(layout, repaired):
        solutions = _look_alike_solutions(layout, fields, repaired)
        if len(solutions) == 1:
            changes |= solutions[0]
        else:
            # Unproven: keep only the class repairs that no check digit was meant to confirm.
            changes = {pos: new for pos, new in changes.items() if pos not in checked}
        repaired = _with(lines, changes)
    repairs = tuple(
        Repair(
            line=line + 1,
            position=position + 1,
            field=fields[line, position][0],
            original=lines[line][position],
            replacement=replacement,
            verified=(line, position) in checked,
        )
        for (line, position), replacement in sorted(changes.items())
    )
    return repaired, repairs
