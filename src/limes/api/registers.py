"""Routes for the reference data the border needs: border crossing points and visas."""

from typing import Annotated, Literal

from fastapi import APIRouter
from pydantic import ConfigDict, Field, StringConstraints

from limes.access.model import Actor
from limes.access.policy import Action
from limes.api import examples
from limes.api.crossings import document_key
from limes.api.deps import ServicesDep, permitted, roles_note
from limes.api.errors import error_responses
from limes.api.fields import (
    BcpCode,
    CountryCode,
    Day,
    DocumentKeyBody,
    Schema,
    StickerNumber,
    Text,
)
from limes.api.records import VisaRead
from limes.ees.model import BorderCrossingPoint, BorderType, VisaRecord

router = APIRouter(tags=["registers"], responses=error_responses(401, 403, 422, 503))

TimeZoneName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9_+/-]{0,63}$")]


class BorderCrossingPointCreate(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [examples.BORDER_CROSSING_POINT]})

    code: BcpCode
    name: Text
    state: CountryCode
    border_type: BorderType
    time_zone: TimeZoneName = Field(description="IANA time zone name, e.g. Europe/Amsterdam.")

    def to_domain(self) -> BorderCrossingPoint:
        return BorderCrossingPoint(
            code=self.code,
            name=self.name,
            state=self.state,
            border_type=self.border_type,
            time_zone=self.time_zone,
        )


class BorderCrossingPointRead(Schema):
    code: str
    name: str
    state: str
    border_type: BorderType
    time_zone: str

    @classmethod
    def from_domain(cls, bcp: BorderCrossingPoint) -> "BorderCrossingPointRead":
        return cls(
            code=bcp.code,
            name=bcp.name,
            state=bcp.state,
            border_type=bcp.border_type,
            time_zone=bcp.time_zone,
        )


class VisaCreate(Schema):
    """A VIS short-stay visa as the border needs it, optionally linked to its holder's file."""

    model_config = ConfigDict(json_schema_extra={"examples": [examples.VISA]})

    sticker_number: StickerNumber
    issuing_state: CountryCode
    valid_from: Day
    valid_until: Day
    entries_allowed: Literal[1, 2] | None = Field(description="Null: multiple entries.")
    duration_of_stay_days: Annotated[int, Field(ge=1, le=90)]
    limited_territorial_validity: Annotated[tuple[CountryCode, ...], Field(max_length=32)] = ()
    holder: DocumentKeyBody | None = None

    def to_domain(self) -> VisaRecord:
        return VisaRecord(
            sticker_number=self.sticker_number,
            issuing_state=self.issuing_state,
            valid_from=self.valid_from,
            valid_until=self.valid_until,
            entries_allowed=self.entries_allowed,
            duration_of_stay_days=self.duration_of_stay_days,
            limited_territorial_validity=tuple(self.limited_territorial_validity),
        )


@router.get(
    "/border-crossing-points",
    summary="Every registered border crossing point",
    description=roles_note(Action.BCP_READ),
)
def list_border_crossing_points(
    services: ServicesDep,
    actor: Annotated[Actor, permitted(Action.BCP_READ, "administration")],
) -> list[BorderCrossingPointRead]:
    points = services.registry.border_crossing_points(actor)
    return [BorderCrossingPointRead.from_domain(bcp) for bcp in points]


@router.post(
    "/border-crossing-points",
    responses=error_responses(400, 413),
    status_code=201,
    summary="Register a border crossing point",
    description=roles_note(Action.BCP_MANAGE),
)
def add_border_crossing_point(
    body: BorderCrossingPointCreate,
    services: ServicesDep,
    actor: Annotated[Actor, permitted(Action.BCP_MANAGE, "administration")],
) -> BorderCrossingPointRead:
    bcp = body.to_domain()
    services.registry.add_border_crossing_point(bcp, actor)
    return BorderCrossingPointRead.from_domain(bcp)


@router.post(
    "/visas",
    responses=error_responses(400, 404, 413),
    status_code=201,
    summary="Record a short-stay visa, linked to its holder's file if given",
    description=roles_note(Action.VISA_REGISTER),
)
def register_visa(
    body: VisaCreate,
    services: ServicesDep,
    actor: Annotated[Actor, permitted(Action.VISA_REGISTER)],
) -> VisaRead:
    holder = document_key(body.holder) if body.holder else None
    visa = services.registry.register_visa(body.to_domain(), actor, holder)
    return VisaRead.from_domain(visa)
