"""`limes watchlist` through the real entry point, on a fresh SQLite store."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from limes.watchlists.import_report import Rejection
from limes.watchlists.jsonl import parse_lines
from tests.cli.entry_point import Outcome, run_limes
from tests.watchlists.builders import SAMPLE


def limes(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> Outcome:
    return run_limes(monkeypatch, capsys, "watchlist", *args)


def test_importing_the_sample_stores_every_row_and_exits_0(
    database: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    outcome = limes(monkeypatch, capsys, "import", str(SAMPLE))

    assert outcome.exit_code == 0, outcome.stderr
    assert outcome.stdout.splitlines() == [
        "stored 12 rows: sis_person 5, sis_document 2, sltd_document 2, etias_watchlist 3"
    ]
    assert "importing" in outcome.stderr  # the progress bar


def test_refused_rows_are_listed_by_line_and_the_exit_code_is_1(
    database: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text("\n".join([lines[0], "{oops", lines[0], "", lines[5]]), encoding="utf-8")

    outcome = limes(monkeypatch, capsys, "import", str(mixed))

    assert outcome.exit_code == 1
    assert outcome.stdout.splitlines() == [
        "stored 2 rows: sis_person 1, sis_document 1, sltd_document 0, etias_watchlist 0",
        "refused 2 rows:",
        "line 2: invalid_json: not valid JSON (column 2)",
        "line 3: duplicate_alert: an alert or entry with this identifier is stored",
    ]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        pytest.param(None, "FileNotFoundError", id="missing"),
        pytest.param(b"\xff\xfe\x00binary", "UnicodeDecodeError", id="not-utf-8"),
        pytest.param(b"\n  \n", "no rows", id="empty"),
    ],
)
def test_an_unusable_file_exits_2(
    database: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    content: bytes | None,
    reason: str,
) -> None:
    path = tmp_path / "input.jsonl"
    if content is not None:
        path.write_bytes(content)

    outcome = limes(monkeypatch, capsys, "import", str(path))

    assert outcome.exit_code == 2
    assert "error [watchlist.unreadable_file]" in outcome.stderr
    assert reason in outcome.stderr


def test_export_list_withdraw_and_review(
    database: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    assert limes(monkeypatch, capsys, "import", str(SAMPLE)).exit_code == 0
    exported = tmp_path / "export.jsonl"

    outcome = limes(monkeypatch, capsys, "export", str(exported))
    assert outcome.stdout.strip() == f"exported 12 rows to {exported}"
    with exported.open(encoding="utf-8") as lines:
        rows = list(parse_lines(lines))
    assert len(rows) == 12
    assert not any(isinstance(row, Rejection) for _, row in rows)

    listed = limes(monkeypatch, capsys, "list", "--kind", "sltd_document")
    assert [json.loads(line)["alert_id"] for line in listed.stdout.splitlines()] == [
        "SLTD-UTO-0000001",
        "SLTD-UTO-0000002",
    ]

    refused = limes(monkeypatch, capsys, "withdraw", "SIS-NLD-2026-000101", "--reason", "found")
    assert refused.exit_code == 2
    assert "error [auth.forbidden]" in refused.stderr
    added = run_limes(
        monkeypatch, capsys, "users", "add", "sirene-nl",
        "--role", "sirene", "--authority", "SIRENE NL", "--state", "NLD",
    )  # fmt: skip
    token = added.stdout.strip()
    withdrawn = limes(
        monkeypatch, capsys, "withdraw", "SIS-NLD-2026-000101", "--reason", "found",
        "--token", token,
    )  # fmt: skip
    assert withdrawn.exit_code == 0, withdrawn.stderr
    assert withdrawn.stdout.strip() == "withdrew sis_person SIS-NLD-2026-000101"

    due = json.loads(limes(monkeypatch, capsys, "review-due").stdout)
    now = datetime.now(UTC)
    assert all(datetime.fromisoformat(entry["review_due_since"]) < now for entry in due)
    assert {entry["entry_id"] for entry in due} <= {
        "ETW-EUROPOL-000001",
        "ETW-NLD-000002",
        "ETW-EUROPOL-000003",
    }
