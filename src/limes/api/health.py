"""GET /health: whether the API process answers; no authentication, no personal data."""

from fastapi import APIRouter

from limes.api.fields import Schema

router = APIRouter(tags=["health"])


class HealthRead(Schema):
    status: str


@router.get("/health", summary="Whether the API answers (no authentication)")
def health() -> HealthRead:
    return HealthRead(status="ok")
