"""Every public MRZ vector reads as its sources say (tests/data/README.md cites them)."""

from datetime import date
from typing import Any

import pytest

from limes.core.mrz.check_digit import compute_check_digit
from limes.core.mrz.reader import read_mrz
from tests.core.mrz.vectors import CASES, VECTORS, as_vector_fields, error_kinds_of

ON = date(2026, 11, 23)


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_every_asserted_field_matches_the_vector(case: dict[str, Any]) -> None:
    expected = {k: v for k, v in case["expected"].items() if k != "error_kind"}

    fields = as_vector_fields(read_mrz(case["lines"], on=ON))

    assert {key: fields[key] for key in expected} == expected


@pytest.mark.parametrize(
    "case",
    [case for case in CASES if "error_kind" in case["expected"]],
    ids=lambda case: case["id"],
)
def test_an_invalid_vector_is_reported_with_a_problem_of_its_kind(case: dict[str, Any]) -> None:
    kind = case["expected"]["error_kind"]

    kinds = error_kinds_of(read_mrz(case["lines"], on=ON))

    if kind == "multiple":
        assert len(kinds) >= 2
    else:
        assert kind in kinds


@pytest.mark.parametrize(
    "vector", VECTORS["check_digit_vectors"], ids=lambda vector: vector["input"]
)
def test_check_digit_vectors(vector: dict[str, str]) -> None:
    assert compute_check_digit(vector["input"]) == vector["check_digit"]
