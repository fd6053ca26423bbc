from pathlib import Path

from limes.access.model import Role
from limes.access.service import SYSTEM
from limes.bootstrap import build_fallback_registrar, build_services
from limes.core.time import FixedClock
from limes.ees.fallback import Queued
from limes.settings import Settings
from limes.store.sql.migrate import upgrade
from tests.api.conftest import NOW, SCHIPHOL
from tests.builders import entry


def test_memory_services_share_one_store() -> None:
    services = build_services(Settings(database_url="memory://"), FixedClock(NOW))

    _, token = services.users.add_user("guard-1", [Role.BORDER_GUARD], authority="K", state="NLD")

    assert services.users.authenticate(token, "border_check").user_name == "guard-1"


def test_sql_services_run_on_the_database_the_settings_name(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'limes.db'}"
    upgrade(url)
    build_services(Settings(database_url=url)).registry.add_border_crossing_point(SCHIPHOL, SYSTEM)

    points = build_services(Settings(database_url=url)).registry.border_crossing_points(SYSTEM)

    assert [bcp.code for bcp in points] == ["NLAMS"]


def test_the_fallback_registrar_registers_directly_while_the_store_answers(
    tmp_path: Path,
) -> None:
    settings = Settings(database_url="memory://", fallback_queue_path=tmp_path / "queue.db")
    services = build_services(settings, FixedClock(NOW))
    services.registry.add_border_crossing_point(SCHIPHOL, SYSTEM)

    outcome = build_fallback_registrar(settings, services).register(entry(), SYSTEM)

    assert not isinstance(outcome, Queued)
    assert (tmp_path / "queue.db").exists()
