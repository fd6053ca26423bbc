from pathlib import Path

import pytest

from limes.store.sql.migrate import current_revision
from tests.cli.entry_point import run_limes


def test_db_upgrade_creates_the_schema_in_a_new_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    monkeypatch.setenv("LIMES_DATABASE_URL", url)

    outcome = run_limes(monkeypatch, capsys, "db", "upgrade")

    assert outcome.exit_code == 0
    assert current_revision(url) is not None


def test_db_upgrade_twice_changes_nothing(
    database: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = current_revision(database)

    outcome = run_limes(monkeypatch, capsys, "db", "upgrade")

    assert outcome.exit_code == 0
    assert current_revision(database) == before
