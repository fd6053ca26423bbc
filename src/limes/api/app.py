"""The HTTP API: `create_app(services)` builds it around services built elsewhere."""

from importlib.metadata import PackageNotFoundError, version

from fastapi import FastAPI

from limes.api import (
    biometrics,
    data_protection,
    ees,
    etias,
    health,
    interop,
    registers,
    reports,
    screening,
    watchlists,
)
from limes.api.body_limit import BodyLimit
from limes.api.errors import install_error_handlers
from limes.api.rate_limit import describe, install_public_rate_limit
from limes.bootstrap import Services
from limes.settings import Settings

API_PREFIX = "/api/v1"


def _version() -> str:
    try:
        return version("limes")
    except PackageNotFoundError:
        return "0.0.0"


def create_app(services: Services, settings: Settings | None = None) -> FastAPI:
    """The API on `services`; `settings` (default: from the environment) tune the ETIAS
    public routes' rate limit."""
    settings = settings or Settings()
    per_minute, burst = settings.etias_public_requests_per_minute, settings.etias_public_burst
    app = FastAPI(
        title="Limes",
        version=_version(),
        summary="The Entry/Exit System, the shared Biometric Matching Service and the "
        "interoperability layer (CIR, MID, European Search Portal).",
        description=(
            "Every route but `/health` needs `Authorization: Bearer <token>`; each states "
            "which roles may call it. Errors have the body "
            '`{"error": {"code": "...", "message": "..."}}` with a stable code. Documents '
            "are always sent in the body, never in the URL." + describe(per_minute, burst)
        ),
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
    )
    app.state.services = services
    install_error_handlers(app)
    install_public_rate_limit(app, per_minute=per_minute, burst=burst)
    for module in (
        health,
        ees,
        reports,
        registers,
        data_protection,
        biometrics,
        interop,
        watchlists,
        etias,
        screening,
    ):
        app.include_router(module.router, prefix=API_PREFIX)
    app.add_middleware(BodyLimit)
    return app
