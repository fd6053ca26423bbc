import json
from pathlib import Path

import pytest

from limes.access.service import SYSTEM
from limes.bootstrap import build_services
from limes.ees.model import BorderCrossingPoint, BorderType
from limes.settings import Settings
from tests.cli.entry_point import Outcome, run_limes

SCHIPHOL = BorderCrossingPoint(
    code="NLAMS",
    name="Amsterdam Airport Schiphol",
    state="NLD",
    border_type=BorderType.AIR,
    time_zone="Europe/Amsterdam",
)
TRAVELLER = [
    "--surname", "ERIKSSON", "--given-names", "ANNA MARIA", "--born", "1980-08-12",
    "--nationality", "USA", "--sex", "F", "--expiry", "2036-04-15",
    "--facial-image", "face-1", "--fingerprints", "fingers-1",
]  # fmt: skip


@pytest.fixture
def schiphol(database: str) -> None:
    build_services(Settings()).registry.add_border_crossing_point(SCHIPHOL, SYSTEM)


def _limes(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> Outcome:
    return run_limes(monkeypatch, capsys, "ees", *args)


def _enter(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Outcome:
    return _limes(monkeypatch, capsys, "enter", "USA", "L898902C3", "--bcp", "NLAMS", *TRAVELLER)


@pytest.mark.usefixtures("schiphol")
def test_enter_prints_the_record_and_the_maximum_authorised_stay(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    outcome = _enter(monkeypatch, capsys)

    assert outcome.exit_code == 0
    printed = json.loads(outcome.stdout)
    assert printed["file_created"] is True
    assert printed["max_stay_days"] == 90
    assert printed["record"]["entry"]["bcp_code"] == "NLAMS"


@pytest.mark.usefixtures("schiphol")
def test_remaining_after_an_entry_today_counts_one_day(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _enter(monkeypatch, capsys)

    outcome = _limes(monkeypatch, capsys, "remaining", "USA", "L898902C3")

    assert outcome.exit_code == 0
    assert json.loads(outcome.stdout)["days_used"] == 1
    assert json.loads(outcome.stdout)["days_remaining"] == 89


@pytest.mark.usefixtures("schiphol")
def test_exit_closes_the_entry(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _enter(monkeypatch, capsys)

    outcome = _limes(monkeypatch, capsys, "exit", "USA", "L898902C3", "--bcp", "NLAMS")

    assert outcome.exit_code == 0
    assert json.loads(outcome.stdout)["overstay_days"] == 0
    assert json.loads(outcome.stdout)["record"]["exit"]["bcp_code"] == "NLAMS"


@pytest.mark.usefixtures("schiphol")
def test_lookup_shows_the_file_with_its_records(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _enter(monkeypatch, capsys)

    outcome = _limes(monkeypatch, capsys, "lookup", "USA", "L898902C3")

    assert outcome.exit_code == 0
    history = json.loads(outcome.stdout)
    assert history["file"]["identity"]["surname"] == "ERIKSSON"
    assert len(history["entries"]) == 1


@pytest.mark.usefixtures("schiphol")
def test_refuse_records_the_reasons(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    outcome = _limes(
        monkeypatch, capsys, "refuse", "USA", "L898902C3", "--bcp", "NLAMS",
        "--reason", "E", "--reason", "G", *TRAVELLER,
    )  # fmt: skip

    assert outcome.exit_code == 0
    assert json.loads(outcome.stdout)["record"]["reasons"] == ["E", "G"]


@pytest.mark.usefixtures("database")
def test_looking_up_an_unknown_document_is_a_coded_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    outcome = _limes(monkeypatch, capsys, "lookup", "USA", "NOSUCH000")

    assert outcome.exit_code == 2
    assert "error [ees.traveller_not_found]" in outcome.stderr
    assert "NOSUCH000" not in outcome.stderr


@pytest.mark.usefixtures("schiphol")
def test_an_impossible_birth_date_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = [value if value != "1980-08-12" else "1980-02-30" for value in TRAVELLER]

    outcome = _limes(monkeypatch, capsys, "enter", "USA", "L898902C3", "--bcp", "NLAMS", *arguments)

    assert outcome.exit_code == 2
    assert "--born" in outcome.stderr


@pytest.mark.usefixtures("schiphol")
def test_a_time_without_an_offset_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    outcome = _limes(
        monkeypatch, capsys, "exit", "USA", "L898902C3", "--bcp", "NLAMS",
        "--at", "2026-11-23T09:00:00",
    )  # fmt: skip

    assert outcome.exit_code == 2
    assert "--at" in outcome.stderr


@pytest.mark.usefixtures("schiphol")
def test_the_overstayer_list_and_flagging_start_empty(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _enter(monkeypatch, capsys)

    flagged = _limes(monkeypatch, capsys, "flag-overstayers")
    listed = _limes(monkeypatch, capsys, "overstayers", "--nationality", "USA")

    assert json.loads(flagged.stdout) == {"flagged": 0}
    assert json.loads(listed.stdout) == []


@pytest.mark.usefixtures("schiphol")
def test_stats_suppress_a_count_below_the_minimum(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _enter(monkeypatch, capsys)

    outcome = _limes(
        monkeypatch, capsys, "stats", "--kind", "entry", "--dimension", "nationality",
        "--from", "2026-01-01", "--to", "2030-12-31",
    )  # fmt: skip

    assert outcome.exit_code == 0
    table = json.loads(outcome.stdout)
    assert table["cells"] == [{"dimensions": [["nationality", "USA"]], "count": None}]
    assert table["suppressed_cells"] == 1


@pytest.mark.usefixtures("schiphol")
def test_retention_erases_nothing_that_is_not_due(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _enter(monkeypatch, capsys)

    outcome = _limes(monkeypatch, capsys, "retention")

    assert outcome.exit_code == 0
    assert json.loads(outcome.stdout) == {
        "erased_files": 0,
        "erased_records": 0,
        "warnings_issued": 0,
    }


@pytest.mark.usefixtures("schiphol")
def test_an_entry_is_queued_while_the_store_is_down_and_replayed_once_it_is_back(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    database: str,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("LIMES_FALLBACK_QUEUE_PATH", str(tmp_path / "queue.db"))
    monkeypatch.setenv("LIMES_DATABASE_URL", "postgresql://root@127.0.0.1:1/unreachable")
    queued = _enter(monkeypatch, capsys)
    monkeypatch.setenv("LIMES_DATABASE_URL", database)

    replayed = _limes(monkeypatch, capsys, "replay")
    again = _limes(monkeypatch, capsys, "replay")
    looked_up = _limes(monkeypatch, capsys, "lookup", "USA", "L898902C3")

    assert queued.exit_code == 0
    assert json.loads(queued.stdout)["operation"] == "entry"
    assert json.loads(replayed.stdout)["replayed"] == 1
    assert json.loads(again.stdout)["replayed"] == 0
    (record,) = json.loads(looked_up.stdout)["entries"]
    assert "fallback" in record["flags"]
