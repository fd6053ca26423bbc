"""Routes for the lists and counts authorities use: overstayers (art. 12), statistics (art. 63)."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from limes.access.model import Actor
from limes.access.policy import Action
from limes.api.deps import ServicesDep, permitted, roles_note
from limes.api.errors import error_responses
from limes.api.fields import BcpCode, CountryCode, Day, Limit, Offset, Schema
from limes.api.records import EntryRecordRead, TravellerFileRead
from limes.ees.ports import OverstayerRow
from limes.ees.statistics import Dimension, StatisticsKind, StatisticsTable

router = APIRouter(tags=["reports"], responses=error_responses(401, 403, 422, 503))


class OverstayerRead(Schema):
    file: TravellerFileRead
    record: EntryRecordRead

    @classmethod
    def from_domain(cls, row: OverstayerRow) -> "OverstayerRead":
        return cls(
            file=TravellerFileRead.from_domain(row.file),
            record=EntryRecordRead.from_domain(row.record),
        )


class OverstayerPage(Schema):
    items: list[OverstayerRead]
    limit: int
    offset: int


class FlaggedRead(Schema):
    flagged: int


class StatisticsCellRead(Schema):
    dimensions: dict[str, str]
    count: int | None  # null: suppressed, fewer persons than the minimum count


class StatisticsRead(Schema):
    kind: StatisticsKind
    dimensions: list[Dimension]
    from_day: date
    to_day: date
    min_count: int
    cells: list[StatisticsCellRead]
    suppressed_cells: int

    @classmethod
    def from_domain(cls, table: StatisticsTable) -> "StatisticsRead":
        return cls(
            kind=table.kind,
            dimensions=list(table.dimensions),
            from_day=table.from_day,
            to_day=table.to_day,
            min_count=table.min_count,
            cells=[
                StatisticsCellRead(dimensions=dict(cell.dimensions), count=cell.count)
                for cell in table.cells
            ],
            suppressed_cells=table.suppressed_cells,
        )


@router.get(
    "/overstayers",
    summary="Identified overstayers, oldest authorised-stay end first",
    description=roles_note(Action.OVERSTAYERS_READ),
)
def list_overstayers(
    services: ServicesDep,
    actor: Annotated[Actor, permitted(Action.OVERSTAYERS_READ, "overstayer_follow_up")],
    nationality: CountryCode | None = None,
    bcp_code: BcpCode | None = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> OverstayerPage:
    rows = services.monitoring.overstayers(
        actor, nationality=nationality, bcp_code=bcp_code, limit=limit, offset=offset
    )
    return OverstayerPage(
        items=[OverstayerRead.from_domain(row) for row in rows], limit=limit, offset=offset
    )


@router.post(
    "/overstayers/flag",
    summary="Flag every open entry whose authorised stay has ended; returns how many",
    description=roles_note(Action.OVERSTAYERS_FLAG),
)
def flag_overstayers(
    services: ServicesDep,
    actor: Annotated[Actor, permitted(Action.OVERSTAYERS_FLAG, "overstayer_follow_up")],
) -> FlaggedRead:
    return FlaggedRead(flagged=services.monitoring.flag_overstayers(actor))


@router.get(
    "/statistics",
    summary="Counts by up to three dimensions over a period; small counts suppressed",
    description=roles_note(Action.STATISTICS_READ),
)
def read_statistics(
    services: ServicesDep,
    actor: Annotated[Actor, permitted(Action.STATISTICS_READ, "statistics")],
    kind: StatisticsKind,
    from_day: Day,
    to_day: Day,
    dimension: Annotated[list[Dimension], Query(max_length=3)],
) -> StatisticsRead:
    table = services.monitoring.statistics(
        actor, kind=kind, dimensions=dimension, from_day=from_day, to_day=to_day
    )
    return StatisticsRead.from_domain(table)
