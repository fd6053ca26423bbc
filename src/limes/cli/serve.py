"""`limes serve`: the HTTP API on uvicorn, on the store LIMES_DATABASE_URL names."""

from typing import Annotated

import typer
import uvicorn

from limes.api.app import create_app
from limes.bootstrap import build_services
from limes.settings import Settings


def serve(
    host: Annotated[
        str | None, typer.Option(help="Interface to listen on [LIMES_API_HOST].")
    ] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on [LIMES_API_PORT].")] = None,
) -> None:
    """Serve the API under /api/v1 (OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs)."""
    settings = Settings()
    app = create_app(build_services(settings))
    uvicorn.run(app, host=host or settings.api_host, port=port or settings.api_port)
