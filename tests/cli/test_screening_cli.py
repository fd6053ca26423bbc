import json
from pathlib import Path

import pytest

from tests.cli.entry_point import run_limes

CASES_PATH = Path(__file__).parent.parent / "data" / "name_match_cases.dev.json"


def test_evaluate_prints_one_json_line_per_case_in_file_order(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    outcome = run_limes(monkeypatch, capsys, "screening", "evaluate", str(CASES_PATH))

    lines = [json.loads(line) for line in outcome.stdout.splitlines()]
    cases = json.loads(CASES_PATH.read_text(encoding="utf-8"))["cases"]
    assert outcome.exit_code == 0
    assert [line["id"] for line in lines] == [case["id"] for case in cases]
    assert all(set(line) == {"id", "score", "decision"} for line in lines)
    assert all(0.0 <= line["score"] <= 1.0 for line in lines)
    assert {line["decision"] for line in lines} == {"match", "no_match"}


def test_evaluate_does_not_read_the_labels(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    document = json.loads(CASES_PATH.read_text(encoding="utf-8"))
    for case in document["cases"]:
        case["expected"] = "match"  # flipping every label changes nothing

    outcome = run_limes(
        monkeypatch, capsys, "screening", "evaluate", "-", stdin=json.dumps(document)
    )
    original = run_limes(monkeypatch, capsys, "screening", "evaluate", str(CASES_PATH))

    assert outcome.stdout == original.stdout


@pytest.mark.parametrize(
    ("document", "message"),
    [
        pytest.param("not json", "not JSON", id="not-json"),
        pytest.param('{"cases": 3}', "'cases' list", id="no-case-list"),
        pytest.param('{"cases": [{"id": "x", "query": {}}]}', "case x", id="missing-side"),
        pytest.param(
            '{"cases": [{"id": "y", "query": {"name": "A"}, "candidate": {"name": ""}}]}',
            "case y candidate",
            id="empty-name",
        ),
    ],
)
def test_a_malformed_file_is_an_input_error_naming_the_case(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], document: str, message: str
) -> None:
    outcome = run_limes(monkeypatch, capsys, "screening", "evaluate", "-", stdin=document)

    assert outcome.exit_code == 2
    assert "screening.invalid_cases" in outcome.stderr
    assert message in outcome.stderr


def test_null_optional_fields_are_unknown(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    side = {"name": "Anna Novak", "birth_date": None, "nationality": None, "aliases": None}
    document = {"cases": [{"id": "n1", "query": side, "candidate": {"name": "NOVAK<<ANNA"}}]}

    outcome = run_limes(
        monkeypatch, capsys, "screening", "evaluate", "-", stdin=json.dumps(document)
    )

    assert outcome.exit_code == 0
    assert json.loads(outcome.stdout)["decision"] == "match"


def test_a_missing_file_is_an_input_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    outcome = run_limes(monkeypatch, capsys, "screening", "evaluate", str(tmp_path / "absent.json"))

    assert outcome.exit_code == 2
    assert "screening.unreadable_cases" in outcome.stderr


def test_compare_explains_the_decision(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    outcome = run_limes(
        monkeypatch, capsys, "screening", "compare", "Юлия Щеглова", "IOULIIA CHTCHEGLOVA",
        "--json",
    )  # fmt: skip

    payload = json.loads(outcome.stdout)
    assert payload["decision"] == "match"
    assert any("Cyrillic" in reason["detail"] for reason in payload["reasons"])
