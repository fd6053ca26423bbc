"""Every value an operator may tune, read once from the environment (prefix `LIMES_`).

Legal constants (90/180, retention periods) are code, not settings.

>>> Settings(database_url="memory://").statistics_min_count
5
"""

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

MEMORY_DATABASE_URL = "memory://"


class Settings(BaseSettings):
    """Operator settings; `LIMES_DATABASE_URL=postgresql://...` selects PostgreSQL."""

    model_config = SettingsConfigDict(env_prefix="LIMES_", extra="ignore")

    # SQLAlchemy URL, or "memory://" for an in-process store that vanishes on exit.
    database_url: str = "sqlite:///limes.db"
    # Statistics cells counting fewer people than this are suppressed (EESR art. 63).
    statistics_min_count: int = Field(default=5, ge=1)
    # Where a border crossing point queues registrations while the central store is down.
    fallback_queue_path: Path = Path("limes-fallback.db")
    # The calendar used for report days (statistics, overstayer lists, retention runs).
    time_zone: str = "Europe/Brussels"
    api_host: str = "127.0.0.1"
    api_port: int = 8000
