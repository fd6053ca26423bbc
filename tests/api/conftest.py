"""The API on in-memory services and a fixed clock, with one user (and token) per role."""

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from limes.access.model import Role
from limes.access.service import SYSTEM
from limes.api.app import create_app
from limes.bootstrap import Services, build_memory_services
from limes.core.time import FixedClock
from limes.ees.model import BorderCrossingPoint, BorderType

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
SCHIPHOL = BorderCrossingPoint(
    code="NLAMS",
    name="Amsterdam Airport Schiphol",
    state="NLD",
    border_type=BorderType.AIR,
    time_zone="Europe/Amsterdam",
)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def services(clock: FixedClock) -> Services:
    built = build_memory_services(clock)
    built.registry.add_border_crossing_point(SCHIPHOL, SYSTEM)
    return built


@pytest.fixture
def tokens(services: Services) -> dict[Role, str]:
    """An API token for a user holding just that role, for every role."""
    issued = {}
    for role in Role:
        _, token = services.users.add_user(
            f"{role.value.replace('_', '-')}-1", [role], authority="KMar", state="NLD"
        )
        issued[role] = token
    return issued


@pytest.fixture
def client(services: Services) -> Iterator[TestClient]:
    with TestClient(create_app(services)) as test_client:
        yield test_client


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
