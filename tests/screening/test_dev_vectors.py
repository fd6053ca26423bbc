"""The public name-matching vectors: the engine must reach 0.90 accuracy and explain itself."""

import json
from pathlib import Path
from typing import Any

import pytest

from limes.screening.engine import compare
from limes.screening.evaluation import evaluate, person_from_json

CASES_PATH = Path(__file__).parent.parent / "data" / "name_match_cases.dev.json"


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(CASES_PATH.read_text(encoding="utf-8"))
    return data


def test_accuracy_on_the_dev_vectors_is_at_least_0_90(document: dict[str, Any]) -> None:
    expected = {case["id"]: case["expected"] for case in document["cases"]}
    results = list(evaluate(document))

    correct = sum(result["decision"] == expected[result["id"]] for result in results)

    assert len(results) == len(document["cases"]) == 60
    assert correct / len(results) >= 0.90


@pytest.mark.parametrize("label", ["match", "no_match"])
def test_both_kinds_of_error_stay_rare(document: dict[str, Any], label: str) -> None:
    # Recall on matches and specificity on non-matches, each at least 0.85 on its own, so
    # accuracy cannot come from always answering one way.
    cases = [case for case in document["cases"] if case["expected"] == label]
    results = {result["id"]: result["decision"] for result in evaluate({"cases": cases})}

    assert sum(decision == label for decision in results.values()) / len(cases) >= 0.85


def test_every_decision_comes_with_the_name_parts_that_aligned(document: dict[str, Any]) -> None:
    for case in document["cases"]:
        result = compare(
            person_from_json(case["query"], "query"), person_from_json(case["candidate"], "c")
        )
        codes = {reason.code for reason in result.reasons}
        assert "name_score" in codes, case["id"]
        if result.decision.value == "match":
            assert "name_parts" in codes, case["id"]
