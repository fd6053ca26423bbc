"""Reference data the border needs: border crossing points and VIS short-stay visas."""

from collections.abc import Callable, Sequence
from dataclasses import replace
from zoneinfo import available_timezones

from limes.access.model import Actor
from limes.access.policy import Action, require
from limes.audit.recorder import record_event
from limes.core.countries import is_known_country_code
from limes.core.time import Clock
from limes.ees.errors import InvalidRecordError, UnknownVisaError
from limes.ees.files import history_for_document
from limes.ees.model import BorderCrossingPoint, DocumentKey, VisaRecord, VisaStatus
from limes.ees.ports import UnitOfWork
from limes.ees.scope import EES_STATES


class RegistryService:
    def __init__(self, unit_of_work: Callable[[], UnitOfWork], clock: Clock) -> None:
        self._unit_of_work = unit_of_work
        self._clock = clock

    def add_border_crossing_point(self, bcp: BorderCrossingPoint, actor: Actor) -> None:
        require(actor, Action.BCP_MANAGE)
        if bcp.state not in EES_STATES:
            raise InvalidRecordError("a border crossing point must belong to an EES state")
        if bcp.time_zone not in available_timezones():
            raise InvalidRecordError("the time zone is not an IANA time zone name")
        with self._unit_of_work() as uow:
            if uow.border_crossing_points.get(bcp.code) is not None:
                raise InvalidRecordError("a border crossing point with this code exists")
            uow.border_crossing_points.add(bcp)
            uow.commit()

    def border_crossing_points(self, actor: Actor) -> Sequence[BorderCrossingPoint]:
        require(actor, Action.BCP_READ)
        with self._unit_of_work() as uow:
            return uow.border_crossing_points.list()

    def register_visa(
        self, visa: VisaRecord, actor: Actor, holder: DocumentKey | None = None
    ) -> VisaRecord:
        """Record a short-stay visa (the VIS data the border needs), linked to its holder."""
        require(actor, Action.VISA_REGISTER)
        if not is_known_country_code(visa.issuing_state) or visa.issuing_state not in EES_STATES:
            raise InvalidRecordError("a Schengen visa is issued by an EES state")
        if visa.valid_until < visa.valid_from:
            raise InvalidRecordError("the visa's validity ends before it starts")
        if visa.entries_allowed not in (1, 2, None):
            raise InvalidRecordError("a visa allows 1, 2 or multiple entries")
        if not 1 <= visa.duration_of_stay_days <= 90:
            raise InvalidRecordError("a short-stay visa allows 1 to 90 days of stay")
        with self._unit_of_work() as uow:
            if uow.visas.get(visa.issuing_state, visa.sticker_number) is not None:
                raise InvalidRecordError("a visa with this sticker number is already recorded")
            if holder is not None:
                visa = replace(visa, file_id=history_for_document(uow, holder).file.file_id)
            uow.visas.add(visa)
            record_event(
                uow.audit_log, actor, Action.VISA_REGISTER, visa.file_id or "", self._clock.now()
            )
            uow.commit()
        return visa

    def change_visa_status(
        self, issuing_state: str, sticker_number: str, status: VisaStatus, actor: Actor
    ) -> VisaRecord:
        require(actor, Action.VISA_REGISTER)
        with self._unit_of_work() as uow:
            visa = uow.visas.get(issuing_state, sticker_number)
            if visa is None:
                raise UnknownVisaError("no visa with this sticker number is recorded")
            changed = replace(visa, status=status)
            uow.visas.save(changed)
            record_event(
                uow.audit_log, actor, Action.VISA_REGISTER, visa.file_id or "", self._clock.now()
            )
            uow.commit()
        return changed
