"""What carriers (art. 45) and border guards (art. 47) may ask ETIAS, and nothing more."""

from collections.abc import Sequence
from datetime import date

from limes.access.model import Actor
from limes.access.policy import Action, require
from limes.audit.recorder import record_event
from limes.core.mrz.model import MachineReadableZone
from limes.core.mrz.reader import read_mrz
from limes.etias.answers import BorderAnswer, CarrierAnswer
from limes.etias.errors import UnreadableMrzError
from limes.etias.model import ApplicationFile, TravelAuthorisation
from limes.etias.service_base import EtiasServiceBase, subject


class BorderUseCases(EtiasServiceBase):
    def carrier_query(
        self,
        actor: Actor,
        document_number: str,
        issuing_state: str,
        nationality: str,
        *,
        travel_date: date,
        state_of_entry: str | None = None,
    ) -> CarrierAnswer:
        """Art. 45(2): OK or NOT_OK for the document on the travel date. For a limited
        territorial validity the answer depends on the declared state of entry."""
        require(actor, Action.ETIAS_CARRIER_QUERY)
        now = self._now()
        with self._unit_of_work() as uow:
            files = uow.applications.find_by_document(issuing_state, document_number)
            holder = next(
                (
                    f
                    for f in reversed(files)
                    if _authorises(f, nationality, travel_date, state_of_entry)
                ),
                None,
            )
            audited = subject(holder.application_id) if holder else "etias:carrier"
            record_event(uow.audit_log, actor, Action.ETIAS_CARRIER_QUERY, audited, now)
            uow.commit()
        return CarrierAnswer.OK if holder is not None else CarrierAnswer.NOT_OK

    def border_query(
        self, actor: Actor, mrz: str | Sequence[str] | MachineReadableZone
    ) -> BorderAnswer:
        """Art. 47: validity, limited territorial validity and flags for a scanned document,
        as they apply to the guard's own Member State today (UTC day)."""
        require(actor, Action.ETIAS_BORDER_QUERY)
        now = self._now()
        today = now.date()
        zone = mrz if isinstance(mrz, MachineReadableZone) else read_mrz(_lines(mrz), on=today)
        if not zone.valid or not zone.document_number or not zone.issuing_state:
            raise UnreadableMrzError([problem.code for problem in zone.problems] or ["no_layout"])
        with self._unit_of_work() as uow:
            files = [
                f
                for f in uow.applications.find_by_document(zone.issuing_state, zone.document_number)
                if f.authorisation is not None
                and (
                    zone.nationality is None or zone.nationality in f.application.form.nationalities
                )
            ]
            chosen = _current(files, today)
            audited = subject(chosen.application_id) if chosen else "etias:border"
            record_event(uow.audit_log, actor, Action.ETIAS_BORDER_QUERY, audited, now)
            uow.commit()
        authorisation: TravelAuthorisation | None = chosen.authorisation if chosen else None
        return BorderAnswer.of(authorisation, on=today, state=actor.state)


def _lines(mrz: str | Sequence[str]) -> list[str]:
    if isinstance(mrz, str):
        return [line.strip() for line in mrz.strip().splitlines() if line.strip()]
    return list(mrz)


def _authorises(
    file: ApplicationFile, nationality: str, day: date, state_of_entry: str | None
) -> bool:
    authorisation = file.authorisation
    if authorisation is None or not authorisation.is_valid_on(day):
        return False
    if nationality not in file.application.form.nationalities:
        return False
    if authorisation.territorial_validity:
        return state_of_entry is not None and authorisation.covers(state_of_entry)
    return True


def _current(files: list[ApplicationFile], today: date) -> ApplicationFile | None:
    """The file whose authorisation is valid today, else the newest one (to show why not)."""
    for file in reversed(files):
        if file.authorisation is not None and file.authorisation.is_valid_on(today):
            return file
    return files[-1] if files else None
