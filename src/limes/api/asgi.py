"""The app for ASGI servers started by import string, e.g. with several worker processes:
`uvicorn --factory limes.api.asgi:app_from_environment --workers 2`.
"""

from fastapi import FastAPI

from limes.api.app import create_app
from limes.bootstrap import build_services
from limes.settings import Settings


def app_from_environment() -> FastAPI:
    """The API on the services the LIMES_* environment describes."""
    return create_app(build_services(Settings()))
