"""Same, similar and different identity data; same and different documents."""

from datetime import date

import pytest

from limes.interop.identity_comparison import (
    compare_documents,
    compare_identities,
    edit_distance,
)
from limes.interop.model import (
    DocumentComparison,
    IdentityComparison,
    IdentityData,
    TravelDocument,
)


def person(
    surname: str = "Müller",
    given: str = "Anna Maria",
    born: date | None = date(1990, 4, 12),
    sex: str | None = "F",
    nationalities: tuple[str, ...] = ("DEU",),
) -> IdentityData:
    return IdentityData(
        surname=surname, given_names=given, date_of_birth=born, sex=sex, nationalities=nationalities
    )


def test_transliteration_makes_names_the_same() -> None:
    assert compare_identities(person(), person(surname="MUELLER", given="ANNA MARIA")) is (
        IdentityComparison.SAME
    )


@pytest.mark.parametrize(
    "other",
    [
        person(surname="Muller"),  # a transliteration variant, one edit
        person(given="Anna"),  # one given name of two
        person(surname="Anna Maria", given="Müller"),  # surname and given names swapped
        person(born=date(1990, 12, 4)),  # day and month swapped
        person(born=date(1991, 4, 12)),  # one digit
        person(born=None),  # missing on one side
        person(sex="M"),  # same names and birth, contradicting sex
        person(nationalities=("TUR",)),
    ],
)
def test_similar_identities(other: IdentityData) -> None:
    assert compare_identities(person(), other) is IdentityComparison.SIMILAR


@pytest.mark.parametrize(
    "other",
    [
        person(surname="Jansen"),
        person(born=date(1975, 1, 30)),
        person(surname="Schmidt", given="Peter"),
    ],
)
def test_different_identities(other: IdentityData) -> None:
    assert compare_identities(person(), other) is IdentityComparison.DIFFERENT


def test_names_in_another_script_or_romanisation_are_similar() -> None:
    # The screening engine reads Cyrillic and the romanisation systems (docs/screening.md).
    russian = person(surname="Щербаков", given="Алексей", nationalities=("RUS",))
    french = person(surname="CHTCHERBAKOV", given="ALEXEI", nationalities=("RUS",))

    assert compare_identities(russian, french) is IdentityComparison.SIMILAR


def test_the_comparison_is_symmetric() -> None:
    a, b = person(), person(surname="Muller", born=date(1990, 12, 4))
    assert compare_identities(a, b) is compare_identities(b, a)


def test_edit_distance_gives_up_past_the_limit() -> None:
    assert edit_distance("MOHAMMED", "MOHAMED", limit=1) == 1
    assert edit_distance("KITTEN", "SITTING", limit=3) == 3
    assert edit_distance("A", "ABCDEF", limit=2) == 3


def test_documents_compare_on_state_and_normalised_number() -> None:
    mine = (TravelDocument(number="ab 123456", issuing_state="NLD"),)
    assert compare_documents(mine, (TravelDocument(number="AB123456", issuing_state="NLD"),)) is (
        DocumentComparison.SAME
    )
    assert compare_documents(mine, (TravelDocument(number="AB123456", issuing_state="BEL"),)) is (
        DocumentComparison.DIFFERENT
    )
    assert compare_documents(mine, ()) is DocumentComparison.NOT_AVAILABLE


def test_a_masked_document_shows_only_the_state_and_two_characters() -> None:
    assert TravelDocument(number="AB123456", issuing_state="NLD").masked() == "NLD/…56"
