"""Same, similar or different identity data, and same or different travel documents. Pure.

Delegated Regulation (EU) 2023/333 sets out when identity data count as "same" or
"similar" for the multiple-identity detection, per data category (names, date of birth,
sex, nationalities). Limes implements its structure with these rules (docs/interop.md):

- names are compared after ICAO 9303 transliteration (`core/names.py`), so "Müller" and
  "MUELLER" are the same name; surname and given names may have been swapped;
- **same**: the same names, the same date of birth, and sex and nationality that do not
  contradict each other (a missing value contradicts nothing);
- **similar**: names the screening engine matches on the names alone (`screening/`: other
  romanisations and scripts, typos, a given name missing on one side, swapped surname and
  given names; docs/screening.md), or within one edit per five letters after
  transliteration; and a date of birth that is the same, missing on one side, or differs
  by a swapped day and month or by one digit;
- **different**: anything else.
"""

from datetime import date

from limes.core.documents import normalise_document_number
from limes.core.names import to_mrz_characters
from limes.interop.model import (
    DocumentComparison,
    IdentityComparison,
    IdentityData,
    TravelDocument,
)
from limes.screening.engine import compare
from limes.screening.model import Decision, Name, Person

_LETTERS_PER_EDIT = 5


def compare_identities(a: IdentityData, b: IdentityData) -> IdentityComparison:
    names = _compare_names(a, b)
    births = _compare_births(a.date_of_birth, b.date_of_birth)
    consistent = _sex_consistent(a.sex, b.sex) and _nationalities_consistent(
        a.nationalities, b.nationalities
    )
    if names == "same" and births == "same" and consistent:
        return IdentityComparison.SAME
    if names != "different" and births != "different":
        return IdentityComparison.SIMILAR
    return IdentityComparison.DIFFERENT


def compare_documents(
    a: tuple[TravelDocument, ...], b: tuple[TravelDocument, ...]
) -> DocumentComparison:
    if not a or not b:
        return DocumentComparison.NOT_AVAILABLE
    keys = {document_key(document) for document in a}
    if any(document_key(document) in keys for document in b):
        return DocumentComparison.SAME
    return DocumentComparison.DIFFERENT


def document_key(document: TravelDocument) -> tuple[str, str]:
    """Issuing state and number as compared: upper case, without spaces or filler."""
    return document.issuing_state.upper(), normalise_document_number(document.number)


def name_key(identity: IdentityData) -> str:
    """The transliterated surname, as a blocking key for finding candidates."""
    return to_mrz_characters(identity.surname)


def _compare_names(a: IdentityData, b: IdentityData) -> str:
    a_surname, a_given = to_mrz_characters(a.surname), to_mrz_characters(a.given_names)
    b_surname, b_given = to_mrz_characters(b.surname), to_mrz_characters(b.given_names)
    if (a_surname, a_given) == (b_surname, b_given):
        return "same"
    straight = _similar(a_surname, b_surname) and _similar_given(a_given, b_given)
    swapped = _similar(a_surname, b_given) and _similar(a_given, b_surname)
    if straight or swapped or _screening_matches(a, b):
        return "similar"
    return "different"


def _screening_matches(a: IdentityData, b: IdentityData) -> bool:
    def names_of(identity: IdentityData) -> Person:
        return Person(names=(Name(family=identity.surname, given=identity.given_names),))

    return compare(names_of(a), names_of(b)).decision is Decision.MATCH


def _similar_given(a: str, b: str) -> bool:
    if _similar(a, b):
        return True
    a_words, b_words = set(a.split()), set(b.split())
    return bool(a_words and b_words) and (a_words <= b_words or b_words <= a_words)


def _similar(a: str, b: str) -> bool:
    if not a or not b:
        return a == b
    allowed = max(1, min(len(a), len(b)) // _LETTERS_PER_EDIT)
    return edit_distance(a, b, limit=allowed) <= allowed


def edit_distance(a: str, b: str, *, limit: int) -> int:
    """Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            cost = 0 if char_a == char_b else 1
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _compare_births(a: date | None, b: date | None) -> str:
    if a is None or b is None:
        return "similar"
    if a == b:
        return "same"
    swapped = a.year == b.year and a.month == b.day and a.day == b.month
    one_digit = sum(x != y for x, y in zip(a.isoformat(), b.isoformat(), strict=True)) == 1
    return "similar" if swapped or one_digit else "different"


def _sex_consistent(a: str | None, b: str | None) -> bool:
    return a is None or b is None or "X" in (a, b) or a == b


def _nationalities_consistent(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return not a or not b or bool(set(a) & set(b))
