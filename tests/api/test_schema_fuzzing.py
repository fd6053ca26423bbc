"""A bounded schemathesis run against the served OpenAPI schema.

No generated request, valid or not, gets a server error, and every answer has a status
code and a body the schema documents.

One user holding every role, so generated requests reach the services and not only the
role check; the in-memory store keeps what earlier examples wrote.
"""

from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from limes.access.model import Role
from limes.access.service import SYSTEM
from limes.api.app import create_app
from limes.bootstrap import build_memory_services
from limes.core.time import FixedClock
from limes.settings import MEMORY_DATABASE_URL, Settings
from tests.api.conftest import NOW, SCHIPHOL

_services = build_memory_services(FixedClock(NOW))
_services.registry.add_border_crossing_point(SCHIPHOL, SYSTEM)
_, _TOKEN = _services.users.add_user("fuzzer", list(Role), authority="KMar", state="NLD")

# A burst no run reaches, so that the ETIAS public routes' requests reach the services
# rather than the rate limit (tests/api/test_etias_api.py covers the 429).
_SETTINGS = Settings(database_url=MEMORY_DATABASE_URL, etias_public_burst=10_000)

schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", create_app(_services, _SETTINGS))


@schema.parametrize()
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_generated_request_gets_a_server_error(case: schemathesis.Case[Any]) -> None:
    case.call_and_validate(
        headers={"Authorization": f"Bearer {_TOKEN}"},
        checks=[not_a_server_error, status_code_conformance, response_schema_conformance],
    )
