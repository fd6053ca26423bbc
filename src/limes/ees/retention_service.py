"""Erasing what the law no longer lets us keep (EESR art. 34, 35), on an injected clock."""

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Final

from limes.access.model import Actor
from limes.access.policy import Action, require
from limes.audit.recorder import record_event
from limes.core.time import Clock, local_day
from limes.ees.errors import TravellerNotFoundError
from limes.ees.outcomes import RetentionReport
from limes.ees.ports import RetentionItem, UnitOfWork
from limes.ees.retention import retention_plan

BATCH: Final = 500


class RetentionService:
    def __init__(
        self, unit_of_work: Callable[[], UnitOfWork], clock: Clock, time_zone: str
    ) -> None:
        self._unit_of_work = unit_of_work
        self._clock = clock
        self._time_zone = time_zone

    def apply_retention(self, actor: Actor) -> RetentionReport:
        """Erase every record and file due today and issue the art. 34(3) warnings."""
        require(actor, Action.RETENTION_RUN)
        now = self._clock.now()
        today = local_day(now, self._time_zone)
        warnings = 0
        while True:
            with self._unit_of_work() as uow:
                due = uow.retention.warnings_due(today, BATCH)
                for item in due:
                    # Art. 34(3): the Member States are warned three months before
                    # overstayers' data are erased; the warning is the audit entry.
                    record_event(
                        uow.audit_log, actor, "ees.retention.warning", item.subject_id, now
                    )
                    uow.retention.mark_warned(item, now)
                uow.commit()
            warnings += len(due)
            if len(due) < BATCH:
                break
        files = records = 0
        while True:
            with self._unit_of_work() as uow:
                due = uow.retention.due(today, BATCH)
                erased_files, erased_records = self._erase(uow, due, actor, now)
                uow.commit()
            files += erased_files
            records += erased_records
            if len(due) < BATCH:
                break
        return RetentionReport(erased_files=files, erased_records=records, warnings_issued=warnings)

    def erase_file(self, file_id: str, actor: Actor, reason: str) -> None:
        """Advance erasure (art. 35), e.g. when the person acquired an EU nationality."""
        require(actor, Action.FILE_ERASE)
        with self._unit_of_work() as uow:
            if uow.traveller_files.get(file_id) is None:
                raise TravellerNotFoundError("no individual file has this identifier")
            uow.traveller_files.erase(file_id)
            record_event(
                uow.audit_log, actor, f"ees.file.erase:{reason}", file_id, self._clock.now()
            )
            uow.commit()

    @staticmethod
    def _erase(
        uow: UnitOfWork, due: Sequence[RetentionItem], actor: Actor, now: datetime
    ) -> tuple[int, int]:
        files = records = 0
        touched: set[str] = set()
        for item in due:
            if item.subject_kind == "file":
                if uow.traveller_files.get(item.file_id) is not None:
                    uow.traveller_files.erase(item.file_id)
                    files += 1
            elif item.subject_kind == "entry":
                uow.records.erase_entry(item.subject_id)
                records += 1
                touched.add(item.file_id)
            else:
                uow.records.erase_refusal(item.subject_id)
                records += 1
                touched.add(item.file_id)
            record_event(
                uow.audit_log,
                actor,
                f"ees.retention.erase.{item.subject_kind}",
                item.subject_id,
                now,
            )
        for file_id in touched:
            history = uow.traveller_files.history(file_id)
            if history is not None:
                uow.retention.schedule(file_id, retention_plan(history))
        return files, records
