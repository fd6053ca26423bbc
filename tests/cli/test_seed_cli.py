import random
import re
from datetime import date

import pytest

from limes.access.service import SYSTEM
from limes.bootstrap import build_services
from limes.seed.population import generate_population
from limes.settings import Settings
from tests.cli.entry_point import run_limes


def _seed(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    outcome = run_limes(
        monkeypatch, capsys, "seed", "--travellers", "60", "--seed", "7",
        "--until", "2026-11-23", *extra,
    )  # fmt: skip
    assert outcome.exit_code == 0
    return outcome.stdout


@pytest.mark.usefixtures("database")
def test_seed_registers_every_traveller_through_the_services(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    printed = _seed(monkeypatch, capsys)

    assert "seeded 60 travellers" in printed
    assert "rejected" not in printed
    services = build_services(Settings())
    assert len(services.registry.border_crossing_points(SYSTEM)) == 15


@pytest.mark.usefixtures("database")
def test_the_same_seed_gives_the_same_counts(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    first = _seed(monkeypatch, capsys)
    monkeypatch.setenv("LIMES_DATABASE_URL", f"sqlite:///{tmp_path_factory.mktemp('b')}/b.db")
    run_limes(monkeypatch, capsys, "db", "upgrade")

    second = _seed(monkeypatch, capsys)

    assert re.sub(r"\d+ s", "", first) == re.sub(r"\d+ s", "", second)


@pytest.mark.usefixtures("database")
def test_a_seeded_traveller_has_a_file_with_every_trip(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _seed(monkeypatch, capsys)
    population = generate_population(random.Random(7), 60, until=date(2026, 11, 23))
    traveller = next(
        t for t in population if len(t.trips) >= 2 and not any(t.refused for t in t.trips)
    )

    history = build_services(Settings()).stays.find_traveller(traveller.document.key, SYSTEM)

    assert [record.entry.at for record in history.entries] == [
        trip.entry_at for trip in traveller.trips
    ]


@pytest.mark.usefixtures("database")
def test_seeding_the_same_database_twice_reports_what_the_ees_rejected(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _seed(monkeypatch, capsys)

    again = _seed(monkeypatch, capsys)

    assert "rejected by the EES" in again
    assert "ees.invalid_record" in again
