"""The public MRZ test vectors (tests/data/mrz_cases.dev.json) and how to compare with them."""

import json
from pathlib import Path
from typing import Any

from limes.core.mrz.model import MachineReadableZone

VECTORS = json.loads(
    (Path(__file__).parents[2] / "data" / "mrz_cases.dev.json").read_text(encoding="utf-8")
)
CASES: list[dict[str, Any]] = VECTORS["cases"]

# The vectors' error_kind, as the prefix of Limes's problem codes.
ERROR_KINDS = {
    "line_count": ("line_count",),
    "line_length": ("length",),
    "invalid_character": ("charset",),
    "invalid_field_content": ("field.", "date."),
    "invalid_code": ("code.",),
    "check_digit": ("check_digit.",),
}


def as_vector_fields(mrz: MachineReadableZone) -> dict[str, Any]:
    """The read MRZ in the vectors' vocabulary (dates as printed, check digits as booleans)."""
    return {
        "valid": mrz.valid,
        "format": mrz.format.value if mrz.format else None,
        "document_type": mrz.document_type.value if mrz.document_type else None,
        "document_code": mrz.document_code,
        "issuing_state": mrz.issuing_state,
        "surname": mrz.surname,
        "given_names": mrz.given_names,
        "document_number": mrz.document_number,
        "nationality": mrz.nationality,
        "birth_date": mrz.birth_date.raw if mrz.birth_date else None,
        "sex": mrz.sex,
        "expiry_date": mrz.expiry_date.raw if mrz.expiry_date else None,
        "optional_data": mrz.optional_data,
        "optional_data_2": mrz.optional_data_2,
        "check_digits_ok": {result.field: result.valid for result in mrz.check_digits},
        "document_number_check_basis": (
            mrz.document_number_check_basis.value if mrz.document_number_check_basis else None
        ),
    }


def error_kinds_of(mrz: MachineReadableZone) -> set[str]:
    """The vectors' error kinds that the MRZ's problems fall under."""
    return {
        kind
        for kind, prefixes in ERROR_KINDS.items()
        for problem in mrz.problems
        if problem.code.startswith(prefixes)
    }
