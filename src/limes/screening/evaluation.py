"""Run the engine over a file of labelled name-matching cases. Pure apart from parsing.

The format is the one of `tests/data/name_match_cases.dev.json`: an object with a
`cases` list; each case has an `id`, a `query` and a `candidate`, each with a `name`
(any script, "FAMILY, Given" or ICAO MRZ form) and optionally `birth_date` (ISO,
possibly partial), `nationality` (alpha-3, or a list), `sex` and `aliases`. An
`expected` label may be present: evaluation computes, it never reads the label.
"""

from collections.abc import Iterator, Mapping
from typing import Any

from limes.core.errors import LimesError
from limes.screening.engine import MATCH_THRESHOLD, compare
from limes.screening.model import Name, NameKind, Person


class InvalidCasesError(LimesError):
    """The cases file is not in the documented format."""

    code = "screening.invalid_cases"


def person_from_json(data: Mapping[str, Any], where: str) -> Person:
    """A `Person` from one side of a case; InvalidCasesError names the case, never the data."""
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise InvalidCasesError(f"{where}: 'name' must be a non-empty string")
    aliases = data.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise InvalidCasesError(f"{where}: 'aliases' must be a list of strings")
    nationality = data.get("nationality") or []
    nationalities = [nationality] if isinstance(nationality, str) else nationality
    if not isinstance(nationalities, list) or not all(isinstance(n, str) for n in nationalities):
        raise InvalidCasesError(f"{where}: 'nationality' must be a code or a list of codes")
    birth_date = data.get("birth_date")
    if birth_date is not None and not isinstance(birth_date, str):
        raise InvalidCasesError(f"{where}: 'birth_date' must be an ISO date string")
    sex = data.get("sex") or None
    if sex is not None and sex not in ("M", "F", "X"):
        raise InvalidCasesError(f"{where}: 'sex' must be M, F or X")
    names = (Name(text=name), *(Name(text=a, kind=NameKind.ALIAS) for a in aliases))
    return Person(
        names=names,
        birth_date=birth_date,
        nationalities=tuple(code.upper() for code in nationalities),
        sex=sex,
    )


def evaluate(document: Any, threshold: float = MATCH_THRESHOLD) -> Iterator[dict[str, Any]]:
    """One `{"id", "score", "decision"}` per case, in file order."""
    if not isinstance(document, dict) or not isinstance(document.get("cases"), list):
        raise InvalidCasesError("expected an object with a 'cases' list")
    for number, case in enumerate(document["cases"], start=1):
        if not isinstance(case, dict):
            raise InvalidCasesError(f"case {number}: expected an object")
        case_id = case.get("id", str(number))
        where = f"case {case_id}"
        for side in ("query", "candidate"):
            if not isinstance(case.get(side), dict):
                raise InvalidCasesError(f"{where}: '{side}' must be an object")
        query = person_from_json(case["query"], f"{where} query")
        candidate = person_from_json(case["candidate"], f"{where} candidate")
        result = compare(query, candidate, threshold)
        yield {"id": case_id, "score": result.score, "decision": result.decision.value}
