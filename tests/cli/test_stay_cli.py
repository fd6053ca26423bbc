import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli.entry_point import run_limes

VECTORS = Path(__file__).parents[1] / "data" / "stay_rule_cases.dev.json"

KEYS_BY_QUERY_TYPE = {
    "days_used": {"days_used", "days_remaining", "overstay_days"},
    "days_remaining": {"days_used", "days_remaining"},
    "window": {"window_start", "window_end", "days_used"},
    "overstay": {
        "days_used", "days_remaining", "overstay_days", "first_violation_day", "days_in_breach",
    },
    "max_stay": {
        "allowed", "max_stay_days", "latest_exit", "used_on_entry", "earliest_entry",
        "max_stay_days_at_earliest_entry", "conflict_day",
    },
    "latest_exit_if_staying": {"latest_exit"},
    "check_stay": {"allowed", "first_violation_day", "overshoot", "latest_permitted_exit"},
    "earliest_entry": {"earliest_entry", "max_stay_days"},
    "visa_entries_check": {"entry_allowed", "entry_number_on_visa", "visa_overstay_days"},
}  # fmt: skip


def cases_file(tmp_path: Path, *cases: object) -> str:
    path = tmp_path / "cases.json"
    path.write_text(json.dumps({"cases": list(cases)}), encoding="utf-8")
    return str(path)


def test_evaluate_prints_one_line_per_dev_case_with_every_schema_key(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = json.loads(VECTORS.read_text(encoding="utf-8"))["cases"]

    outcome = run_limes(monkeypatch, capsys, "stay", "evaluate", str(VECTORS))

    lines = [json.loads(line) for line in outcome.stdout.splitlines()]
    assert outcome.exit_code == 0
    assert [line["id"] for line in lines] == [case["id"] for case in cases]
    for case, line in zip(cases, lines, strict=True):
        assert KEYS_BY_QUERY_TYPE[case["query"]["type"]] <= line["result"].keys()
        assert {key: line["result"][key] for key in case["expected"]} == case["expected"]


def test_evaluate_reads_standard_input_and_answers_every_query_type(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    travels = [["2026-01-01", "2026-02-14"], ["2026-04-01", None]]
    queries: list[dict[str, Any]] = [
        {"type": "days_used", "control_date": "2026-04-10"},
        {"type": "days_remaining", "control_date": "2026-04-10"},
        {"type": "window", "control_date": "2026-04-10"},
        {"type": "overstay", "control_date": "2026-04-10"},
        {"type": "max_stay", "entry_date": "2026-04-10"},
        {"type": "latest_exit_if_staying", "control_date": "2026-04-10"},
        {"type": "check_stay", "entry_date": "2026-04-10", "exit_date": "2026-04-20"},
        {"type": "earliest_entry", "not_before": "2026-04-10", "min_stay_days": 5},
        {
            "type": "visa_entries_check",
            "visa": {"valid_from": "2026-01-01", "valid_until": "2026-06-30", "entries": "MULT"},
            "stay_entry_date": "2026-04-01",
            "exit_date": "2026-04-10",
        },
    ]
    document = {
        "cases": [{"id": query["type"], "travels": travels, "query": query} for query in queries]
    }

    outcome = run_limes(monkeypatch, capsys, "stay", "evaluate", "-", stdin=json.dumps(document))

    lines = [json.loads(line) for line in outcome.stdout.splitlines()]
    assert outcome.exit_code == 0
    assert all(KEYS_BY_QUERY_TYPE[line["id"]] <= line["result"].keys() for line in lines)
    assert lines[2]["result"] == {
        "window_start": "2025-10-13",
        "window_end": "2026-04-10",
        "days_used": 55,
    }


@pytest.mark.parametrize(
    ("case", "code"),
    [
        pytest.param(
            {"id": "a", "travels": [["2026-01-05", "2026-01-01"]], "query": {"type": "window",
             "control_date": "2026-01-10"}},
            "stay.exit_before_entry",
            id="exit-before-entry",
        ),
        pytest.param(
            {"id": "a", "travels": [["2026-01-01", None], ["2026-02-01", None]],
             "query": {"type": "days_used", "control_date": "2026-03-01"}},
            "stay.contradictory_records",
            id="two-open-stays",
        ),
        pytest.param(
            {"id": "a", "travels": [["2026-03-01", None]],
             "query": {"type": "latest_exit_if_staying", "control_date": "2026-02-01"}},
            "stay.query_before_entry",
            id="control-before-the-open-stay",
        ),
        pytest.param(
            {"id": "a", "travels": [],
             "query": {"type": "days_used", "control_date": "1900-01-01"}},
            "stay.date_out_of_range",
            id="date-out-of-range",
        ),
        pytest.param(
            {"id": "a", "travels": [], "query": {"type": "earliest_entry",
             "not_before": "2026-01-01", "min_stay_days": 0}},
            "stay.invalid_query",
            id="no-minimum-stay",
        ),
        pytest.param(
            {"id": "a", "travels": [], "query": {"type": "teleport"}},
            "stay.invalid_query",
            id="unknown-query-type",
        ),
        pytest.param(
            {"id": "a", "travels": [], "query": {"type": "max_stay", "entry_date": "tomorrow"}},
            "stay.invalid_query",
            id="not-a-date",
        ),
        pytest.param(
            {"id": "a", "travels": [["2026-01-01"]], "query": {"type": "window",
             "control_date": "2026-01-10"}},
            "stay.malformed_case",
            id="a-travel-without-exit",
        ),
    ],
)  # fmt: skip
def test_a_case_with_invalid_input_prints_its_error_and_the_next_case_still_computes(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    case: dict[str, object],
    code: str,
) -> None:
    fine = {"id": "b", "travels": [], "query": {"type": "days_used", "control_date": "2026-01-01"}}

    outcome = run_limes(monkeypatch, capsys, "stay", "evaluate", cases_file(tmp_path, case, fine))

    failed, computed = (json.loads(line) for line in outcome.stdout.splitlines())
    assert outcome.exit_code == 1
    assert (failed["id"], failed["error"]["code"]) == ("a", code)
    assert computed == {
        "id": "b",
        "result": {"days_used": 0, "days_remaining": 90, "overstay_days": 0},
    }


@pytest.mark.parametrize(
    "content",
    [
        pytest.param("not json", id="not-json"),
        pytest.param("[]", id="not-an-object"),
        pytest.param('{"cases": {}}', id="cases-not-a-list"),
    ],
)
def test_a_file_not_in_the_cases_format_exits_2(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    content: str,
) -> None:
    path = tmp_path / "cases.json"
    path.write_text(content, encoding="utf-8")

    outcome = run_limes(monkeypatch, capsys, "stay", "evaluate", str(path))

    assert outcome.exit_code == 2
    assert outcome.stdout == ""
    assert "error [stay.unreadable_cases]" in outcome.stderr


def test_a_missing_file_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    outcome = run_limes(monkeypatch, capsys, "stay", "evaluate", str(tmp_path / "absent.json"))

    assert outcome.exit_code == 2
    assert "error [stay.unreadable_cases]" in outcome.stderr


def test_check_shows_a_traveller_the_days_used_remaining_and_latest_exit(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    outcome = run_limes(
        monkeypatch, capsys, "stay", "check",
        "--stay", "2026-01-01:2026-01-20", "--stay", "2026-03-01:", "--on", "2026-03-10",
        "--entry", "2026-06-01",
    )  # fmt: skip

    assert outcome.exit_code == 0
    assert "2025-09-12 to 2026-03-10" in outcome.stdout
    assert "30 of 90" in outcome.stdout
    assert "2026-05-09" in outcome.stdout
    assert "80 days, leaving by 2026-08-19" in outcome.stdout


def test_check_shows_both_overstay_measures(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    outcome = run_limes(
        monkeypatch,
        capsys,
        "stay",
        "check",
        "--stay",
        "2026-01-01:2026-04-10",
        "--on",
        "2026-04-10",
    )

    assert outcome.exit_code == 0
    assert "10 days" in outcome.stdout
    assert "from 2026-04-01" in outcome.stdout


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        pytest.param(
            ["--stay", "2026-01-05:2026-01-01"], "error [stay.exit_before_entry]", id="exit-first"
        ),
        pytest.param(["--stay", "2026-01-05"], "ENTRY:EXIT", id="no-colon"),
        pytest.param(["--stay", "2026-01-05:", "--on", "soon"], "--on", id="bad-control-date"),
    ],
)
def test_check_refuses_bad_input_with_exit_code_2(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],
    message: str,
) -> None:
    outcome = run_limes(monkeypatch, capsys, "stay", "check", "--on", "2026-02-01", *arguments)

    assert outcome.exit_code == 2
    assert message in outcome.stderr
