"""A fresh SQLite database for CLI commands that use the store, named by LIMES_DATABASE_URL."""

from pathlib import Path

import pytest

from limes.store.sql.migrate import upgrade


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The URL of an upgraded, empty database that every `limes` command here will use."""
    url = f"sqlite:///{tmp_path / 'limes.db'}"
    monkeypatch.setenv("LIMES_DATABASE_URL", url)
    monkeypatch.delenv("LIMES_TOKEN", raising=False)
    upgrade(url)
    return url
