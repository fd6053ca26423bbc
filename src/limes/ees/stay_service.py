"""Reading a traveller's file and stay: the border check, art. 11(2)(b) and the carrier check."""

from collections.abc import Callable
from datetime import date, datetime

from limes.access.model import Actor
from limes.access.policy import Action, require
from limes.audit.recorder import record_event
from limes.core.stay import stay_position
from limes.core.time import Clock, local_day
from limes.core.visa_list import requires_short_stay_visa
from limes.ees import calculator, files
from limes.ees.commands import VisaReference
from limes.ees.model import DocumentKey, TravellerHistory, VisaStatus
from limes.ees.outcomes import CarrierVerdict, StayReport
from limes.ees.ports import UnitOfWork


class StayService:
    def __init__(
        self, unit_of_work: Callable[[], UnitOfWork], clock: Clock, time_zone: str
    ) -> None:
        self._unit_of_work = unit_of_work
        self._clock = clock
        self._time_zone = time_zone

    def find_traveller(self, document: DocumentKey, actor: Actor) -> TravellerHistory:
        """The individual file holding `document`, with all its records."""
        require(actor, Action.TRAVELLER_READ)
        with self._unit_of_work() as uow:
            history = files.history_for_document(uow, document)
            record_event(
                uow.audit_log, actor, Action.TRAVELLER_READ, history.file.file_id, self._now()
            )
            uow.commit()
        return history

    def remaining_stay(
        self, document: DocumentKey, actor: Actor, on: date | None = None
    ) -> StayReport:
        """Days used and remaining, the overstay and the authorised stay on `on` (today)."""
        require(actor, Action.STAY_READ)
        day = on or local_day(self._now(), self._time_zone)
        with self._unit_of_work() as uow:
            history = files.history_for_document(uow, document)
            record_event(uow.audit_log, actor, Action.STAY_READ, history.file.file_id, self._now())
            uow.commit()
        entries = [record for record in history.entries if record.entry.day <= day]
        position = stay_position(calculator.presence(entries), day)
        open_entry = next(
            (r for r in reversed(entries) if r.exit is None or r.exit.day >= day), None
        )
        visa = None
        if open_entry is not None and open_entry.visa_sticker is not None:
            visa = next(
                (v for v in history.visas if v.sticker_number == open_entry.visa_sticker), None
            )
        return StayReport(
            file_id=history.file.file_id,
            on=day,
            inside=position.inside,
            days_used=position.overstay.days_used,
            days_remaining=position.overstay.days_remaining,
            overstay_days=position.overstay.overstay_days,
            days_in_breach=position.overstay.days_in_breach,
            latest_exit=position.latest_exit,
            authorised_stay_until=(
                calculator.authorised_stay_until(open_entry) if open_entry else None
            ),
            visa=visa,
        )

    def carrier_check(
        self,
        document: DocumentKey,
        nationality: str,
        actor: Actor,
        planned_entry: date,
        visa: VisaReference | None = None,
    ) -> CarrierVerdict:
        """EESR art. 13(3): whether a visa's entries are used up; an answer, not the file."""
        require(actor, Action.CARRIER_VERIFY)
        with self._unit_of_work() as uow:
            file = uow.traveller_files.find_by_document(document)
            history = uow.traveller_files.history(file.file_id) if file else None
            held = uow.visas.get(visa.issuing_state, visa.sticker_number) if visa else None
            subject = history.file.file_id if history else ""
            record_event(uow.audit_log, actor, Action.CARRIER_VERIFY, subject, self._now())
            uow.commit()
        if visa is None:
            if requires_short_stay_visa(nationality):
                return CarrierVerdict(ok=False, reason="visa_required")
            return CarrierVerdict(ok=True, reason="visa_exempt")
        if held is None:
            return CarrierVerdict(ok=False, reason="unknown_visa")
        if held.status in (VisaStatus.REVOKED, VisaStatus.ANNULLED):
            return CarrierVerdict(ok=False, reason="visa_revoked_or_annulled")
        if not held.valid_from <= planned_entry <= held.valid_until:
            return CarrierVerdict(ok=False, reason="visa_not_valid_on_entry_day")
        used = sum(
            1
            for record in (history.entries if history else ())
            if record.visa_sticker == held.sticker_number
        )
        if held.entries_allowed is not None and used >= held.entries_allowed:
            return CarrierVerdict(ok=False, reason="visa_entries_used")
        return CarrierVerdict(ok=True, reason="visa_valid")

    def _now(self) -> datetime:
        return self._clock.now()
