import json
from pathlib import Path

import pytest

from tests.cli.entry_point import run_limes
from tests.core.mrz.builders import ICAO_TD1, ICAO_TD3
from tests.core.mrz.vectors import CASES

KEYS = {
    "valid", "format", "document_code", "issuing_state", "surname", "given_names",
    "document_number", "nationality", "birth_date_raw", "expiry_date_raw", "birth_date",
    "expiry_date", "sex", "optional_data", "optional_data_2", "check_digits", "problems",
    "repairs",
}  # fmt: skip


def as_input(*mrzs: tuple[str, ...]) -> str:
    return "\n\n".join("\n".join(lines) for lines in mrzs) + "\n"


def test_one_json_object_per_mrz_in_input_order(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    outcome = run_limes(
        monkeypatch, capsys, "mrz", "parse", "-", "--on", "2026-11-23",
        stdin=as_input(ICAO_TD3, ICAO_TD1),
    )  # fmt: skip

    records = [json.loads(line) for line in outcome.stdout.splitlines()]
    assert outcome.exit_code == 0
    assert [record["format"] for record in records] == ["TD3", "TD1"]
    assert all(record.keys() >= KEYS for record in records)


def test_the_specimen_passport_prints_every_field(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    outcome = run_limes(
        monkeypatch, capsys, "mrz", "parse", "--on", "2026-11-23", stdin=as_input(ICAO_TD3)
    )

    record = json.loads(outcome.stdout)
    assert (record["valid"], record["problems"], record["repairs"]) == (True, [], [])
    assert {k: record[k] for k in ("surname", "given_names", "document_number")} == {
        "surname": "ERIKSSON",
        "given_names": "ANNA MARIA",
        "document_number": "L898902C3",
    }
    assert (record["birth_date"], record["expiry_date"], record["expired"]) == (
        "1974-08-12",
        "2012-04-15",
        True,
    )
    assert record["check_digits"] == {
        "document_number": True,
        "birth_date": True,
        "expiry_date": True,
        "personal_number": True,
        "composite": True,
    }


def test_any_invalid_mrz_gives_exit_code_one(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = (ICAO_TD3[0], ICAO_TD3[1][:-1] + "9")

    outcome = run_limes(monkeypatch, capsys, "mrz", "parse", stdin=as_input(ICAO_TD3, broken))

    assert outcome.exit_code == 1
    second = json.loads(outcome.stdout.splitlines()[1])
    assert [problem["code"] for problem in second["problems"]] == ["check_digit.composite"]


def test_repair_reports_what_it_changed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    misread = (ICAO_TD3[0], ICAO_TD3[1].replace("7408122", "74O8122"))

    outcome = run_limes(monkeypatch, capsys, "mrz", "parse", "--repair", stdin=as_input(misread))

    record = json.loads(outcome.stdout)
    assert outcome.exit_code == 0
    assert record["repairs"] == [
        {"line": 2, "position": 16, "field": "birth_date", "from": "O", "to": "0", "verified": True}
    ]


@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        pytest.param(("mrz", "parse", "/nonexistent/limes.mrz"), "", id="missing-file"),
        pytest.param(("mrz", "parse", "-"), "\n\n  \n", id="no-mrz-in-input"),
    ],
)
def test_unreadable_input_gives_exit_code_two_and_a_coded_message(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    stdin: str,
) -> None:
    outcome = run_limes(monkeypatch, capsys, *args, stdin=stdin)

    assert outcome.exit_code == 2
    assert outcome.stderr.startswith("error [mrz.unreadable_input]")


def test_every_public_vector_reads_the_same_through_the_command(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    readable = [case for case in CASES if case["lines"]]
    source = tmp_path / "vectors.mrz"
    source.write_text(as_input(*(tuple(case["lines"]) for case in readable)), encoding="utf-8")

    outcome = run_limes(monkeypatch, capsys, "mrz", "parse", str(source))

    records = [json.loads(line) for line in outcome.stdout.splitlines()]
    assert [record["valid"] for record in records] == [
        case["expected"]["valid"] for case in readable
    ]
    assert outcome.exit_code == 1


def test_a_malformed_reference_date_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    outcome = run_limes(monkeypatch, capsys, "mrz", "parse", "--on", "23-11-2026")

    assert outcome.exit_code == 2
    assert "--on" in outcome.stderr
