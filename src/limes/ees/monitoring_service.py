"""Overstayers (EESR art. 12) and statistics (art. 63): the lists and counts authorities use."""

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from typing import Final

from limes.access.model import Actor
from limes.access.policy import Action, require
from limes.audit.recorder import record_event
from limes.core.time import Clock
from limes.ees.calculator import first_day_not_over_everywhere
from limes.ees.ports import OverstayerRow, UnitOfWork
from limes.ees.statistics import (
    Dimension,
    StatisticsKind,
    StatisticsTable,
    require_valid_query,
    suppress_small_counts,
)

FLAG_BATCH: Final = 500
MAX_PAGE: Final = 1000


class MonitoringService:
    def __init__(
        self, unit_of_work: Callable[[], UnitOfWork], clock: Clock, *, min_count: int
    ) -> None:
        self._unit_of_work = unit_of_work
        self._clock = clock
        self._min_count = min_count

    def flag_overstayers(self, actor: Actor) -> int:
        """Flag every open entry whose authorised stay has ended (art. 12(1)); the count."""
        require(actor, Action.OVERSTAYERS_FLAG)
        now = self._clock.now()
        on = first_day_not_over_everywhere(now)
        flagged = 0
        while True:
            with self._unit_of_work() as uow:
                due = uow.records.due_for_overstay_flag(on, FLAG_BATCH)
                for record in due:
                    uow.records.save_entry(replace(record, overstay_flagged_at=now))
                    record_event(
                        uow.audit_log, actor, Action.OVERSTAYERS_FLAG, record.record_id, now
                    )
                uow.commit()
            flagged += len(due)
            if len(due) < FLAG_BATCH:
                return flagged

    def overstayers(
        self,
        actor: Actor,
        *,
        nationality: str | None = None,
        bcp_code: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> Sequence[OverstayerRow]:
        """The list of identified overstayers (art. 12(3)), by nationality and entry BCP."""
        require(actor, Action.OVERSTAYERS_READ)
        now = self._clock.now()
        with self._unit_of_work() as uow:
            rows = uow.records.overstayers(
                nationality=nationality,
                bcp_code=bcp_code,
                limit=max(1, min(limit, MAX_PAGE)),
                offset=max(0, offset),
            )
            for row in rows:
                record_event(uow.audit_log, actor, Action.OVERSTAYERS_READ, row.file.file_id, now)
            uow.commit()
        return rows

    def statistics(
        self,
        actor: Actor,
        *,
        kind: StatisticsKind,
        dimensions: Sequence[Dimension],
        from_day: date,
        to_day: date,
    ) -> StatisticsTable:
        """Counts by the chosen dimensions, small counts suppressed (art. 63)."""
        require(actor, Action.STATISTICS_READ)
        require_valid_query(kind, dimensions, from_day, to_day)
        with self._unit_of_work() as uow:
            rows = uow.records.statistics(
                dimensions=[dimension.value for dimension in dimensions],
                from_day=from_day,
                to_day=to_day,
                kind=kind.value,
            )
            record_event(uow.audit_log, actor, Action.STATISTICS_READ, "", self._clock.now())
            uow.commit()
        return suppress_small_counts(kind, dimensions, from_day, to_day, rows, self._min_count)
