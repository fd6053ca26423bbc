"""Constrained field types shared by the API schemas, so malformed input is a 422, never a 500.

Dates and instants are bounded to years 1900-2199: outside them no border record makes
sense, and date arithmetic near year 1 or 9999 would overflow.
"""

from datetime import UTC, date, datetime
from typing import Annotated, Final

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

from limes.api import examples

FIRST_DAY: Final = date(1900, 1, 1)
LAST_DAY: Final = date(2199, 12, 31)


def _within_range(day: date) -> date:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError("dates must lie between 1900-01-01 and 2199-12-31")
    return day


def _instant_within_range(at: datetime) -> datetime:
    try:
        day = at.astimezone(UTC).date()
    except OverflowError:  # e.g. 0001-01-01T00:00+00:01 lies before year 1 in UTC
        raise ValueError("dates must lie between 1900-01-01 and 2199-12-31") from None
    _within_range(day)
    return at


Day = Annotated[date, AfterValidator(_within_range)]
Instant = Annotated[AwareDatetime, AfterValidator(_instant_within_range)]

# ICAO 9303 three-letter codes (ISO 3166 alpha-3 plus ICAO's own, e.g. "D" padded "D<<").
CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z<]{0,2}$")]
DocumentNumber = Annotated[str, StringConstraints(pattern=r"^[A-Z0-9<]{1,20}$")]
# UN/LOCODE (country + location), optionally followed by a suffix naming the site.
BcpCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}[A-Z0-9]{3}[A-Z0-9-]{0,10}$")]
StickerNumber = Annotated[str, StringConstraints(pattern=r"^[A-Z0-9]{1,20}$")]
Identifier = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$")]
# Free text typed by a person: printable, no control characters, bounded.
Name = Annotated[str, StringConstraints(pattern=r"^[^\x00-\x1f\x7f]{0,100}$")]
Text = Annotated[str, StringConstraints(pattern=r"^[^\x00-\x1f\x7f]{1,200}$")]
Purpose = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]{0,39}$")]
IdempotencyKey = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9._:-]{1,128}$")]
Limit = Annotated[int, Field(ge=1, le=1000)]
Offset = Annotated[int, Field(ge=0, le=1_000_000)]


class Schema(BaseModel):
    """Base of request and response bodies: unknown fields are an error, not ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class DocumentKeyBody(Schema):
    """A travel document's issuing state and number; sent in bodies, never in URLs."""

    model_config = ConfigDict(json_schema_extra={"examples": [examples.DOCUMENT]})

    issuing_state: CountryCode
    number: DocumentNumber
