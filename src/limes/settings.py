"""Every value an operator may tune, read once from the environment (prefix `LIMES_`).

Legal constants (90/180, retention periods) are code, not settings.

>>> Settings(database_url="memory://").statistics_min_count
5
"""

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from limes.biometrics.face_distance import DEFAULT_VERIFICATION_THRESHOLD
from limes.interop.links import DEFAULT_VERIFICATION_HOURS

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
    # The ETIAS public routes (no account) per client address: a steady rate, and the
    # burst a client may send at once (api/rate_limit.py; per process).
    etias_public_requests_per_minute: float = Field(default=30, gt=0, le=60_000)
    etias_public_burst: int = Field(default=10, ge=1, le=10_000)

    # Biometrics (docs/biometrics.md). Verification thresholds: lowering the face distance
    # or raising the fingerprint score cuts false matches and adds false non-matches.
    face_distance_threshold: float = Field(default=DEFAULT_VERIFICATION_THRESHOLD, gt=0, lt=2)
    fingerprint_score_threshold: int = Field(default=40, ge=1)
    fused_llr_threshold: float = 4.6
    # The 1:N face index: "exact" (NumPy, the reference), "faiss-binary" (sign codes plus
    # exact re-ranking) or "faiss-flat"; shards > 1 search in worker processes. (IVF needs
    # training on a sample before the first insert, so it is measured in the benchmark but
    # not offered for a gallery that grows one enrolment at a time.)
    face_index: Literal["exact", "faiss-binary", "faiss-flat"] = "faiss-binary"
    face_index_shards: int = Field(default=1, ge=1, le=64)
    # The least NFIQ 2 score a fingerprint needs for enrolment (Commission Implementing
    # Decision (EU) 2019/329 requires NFIQ 2 at enrolment; its threshold is not public).
    fingerprint_min_nfiq2: int = Field(default=20, ge=0, le=100)
    # Hours the responsible authority has to verify a yellow MID link, per system.
    mid_verification_hours: dict[str, float] = Field(
        default_factory=lambda: {s.value: h for s, h in DEFAULT_VERIFICATION_HOURS.items()}
    )
