"""Registering crossings: entries, exits, refusals of entry and art. 19 stay decisions.

Each method is one use case: one unit of work, one commit, one audit entry per record
written, and an optional idempotency key kept in the same transaction.
"""

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import TypeVar

from limes.access.model import Actor
from limes.access.policy import Action, require
from limes.audit.recorder import record_event
from limes.core.stay import overstay
from limes.core.time import Clock, local_day, require_aware
from limes.core.visa_list import requires_short_stay_visa
from limes.ees import calculator, files, idempotency
from limes.ees.biometric_requirements import outstanding, required_biometrics
from limes.ees.commands import (
    EntryRegistration,
    ExitRegistration,
    RefusalRegistration,
    StayDecisionRegistration,
    TravellerData,
)
from limes.ees.errors import (
    AlreadyInsideError,
    DocumentConflictError,
    EntryNotAuthorisedError,
    InvalidRecordError,
    NotInsideError,
    RecordNotFoundError,
    UnknownBorderCrossingPointError,
    UnknownVisaError,
)
from limes.ees.model import (
    BorderCrossingPoint,
    Crossing,
    EntryExitRecord,
    RecordFlag,
    RefusalRecord,
    StayDecision,
    StayDecisionKind,
    TravellerHistory,
    VisaRecord,
)
from limes.ees.outcomes import EntryOutcome, ExitOutcome, RefusalOutcome
from limes.ees.ports import UnitOfWork
from limes.ees.retention import retention_plan
from limes.ees.scope import require_in_scope

T = TypeVar("T")
FileObserver = Callable[[str, Actor], None]
UnitOfWorkFactory = Callable[[], UnitOfWork]


class EntryExitService:
    """The EES at the border crossing point (EESR art. 14-19)."""

    def __init__(self, unit_of_work: UnitOfWorkFactory, clock: Clock) -> None:
        self._unit_of_work = unit_of_work
        self._clock = clock
        # Told the file id after each committed entry or refusal: the interoperability
        # layer's multiple-identity check (Reg. 2019/817 art. 27) listens here.
        self._file_observers: list[FileObserver] = []
        # Border crossing points are reference data that are added, never changed or
        # removed, so a point once found can be remembered for the process's life.
        self._border_crossing_points: dict[str, BorderCrossingPoint] = {}

    def register_entry(
        self, command: EntryRegistration, actor: Actor, idempotency_key: str | None = None
    ) -> EntryOutcome:
        """Create or update the file, run the calculator, write the entry record."""
        require(actor, Action.ENTRY_REGISTER)
        _require_scope(command.traveller)
        outcome = self._write(
            "entry",
            command,
            actor,
            idempotency_key,
            EntryOutcome,
            lambda uow: self._enter(uow, command, actor),
        )
        if outcome.identity_changed:
            self._file_written(outcome.record.file_id, actor)
        return outcome

    def observe_files(self, observer: "FileObserver") -> None:
        """Call `observer(file_id, actor)` after a committed entry or refusal that created
        the file or added a document to it."""
        self._file_observers.append(observer)

    def _file_written(self, file_id: str, actor: Actor) -> None:
        for observer in self._file_observers:
            observer(file_id, actor)

    def register_exit(
        self, command: ExitRegistration, actor: Actor, idempotency_key: str | None = None
    ) -> ExitOutcome:
        """Close the open entry record and report any overstay (art. 11(2)(c))."""
        require(actor, Action.EXIT_REGISTER)
        return self._write(
            "exit",
            command,
            actor,
            idempotency_key,
            ExitOutcome,
            lambda uow: self._exit(uow, command, actor),
        )

    def register_refusal(
        self, command: RefusalRegistration, actor: Actor, idempotency_key: str | None = None
    ) -> RefusalOutcome:
        """Write a refusal-of-entry record (art. 18) with its Annex V Part B reasons."""
        require(actor, Action.REFUSAL_REGISTER)
        _require_scope(command.traveller)
        if not command.reasons and not command.biometrics_refused:
            raise InvalidRecordError(
                "a refusal of entry needs at least one Annex V Part B reason (A-J)"
            )
        outcome = self._write(
            "refusal",
            command,
            actor,
            idempotency_key,
            RefusalOutcome,
            lambda uow: self._refuse(uow, command, actor),
        )
        if outcome.identity_changed:
            self._file_written(outcome.record.file_id, actor)
        return outcome

    def register_stay_decision(
        self, command: StayDecisionRegistration, actor: Actor, idempotency_key: str | None = None
    ) -> EntryExitRecord:
        """Attach an extension, revocation or annulment to the latest record (art. 19)."""
        require(actor, Action.STAY_DECISION_REGISTER)
        return self._write(
            "stay_decision",
            command,
            actor,
            idempotency_key,
            EntryExitRecord,
            lambda uow: self._decide(uow, command, actor),
        )

    def _write(
        self,
        operation: str,
        command: object,
        actor: Actor,
        key: str | None,
        kind: type[T],
        work: Callable[[UnitOfWork], tuple[T, str]],
    ) -> T:
        digest = idempotency.request_digest(operation, command)
        # Two lanes registering the same new traveller at once: the store's unique
        # document constraint lets one file win; the other lane retries once and then
        # finds that file (and, typically, its open entry).
        for attempt in range(2):
            try:
                with self._unit_of_work() as uow:
                    stored = idempotency.replayed(uow.idempotency_keys, key, digest, kind)
                    if stored is not None:
                        return stored
                    outcome, subject = work(uow)
                    now = self._clock.now()
                    idempotency.remember(uow.idempotency_keys, key, digest, outcome, now)
                    record_event(uow.audit_log, actor, f"ees.{operation}.register", subject, now)
                    uow.commit()
                return outcome
            except DocumentConflictError:
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def _border_crossing_point(self, uow: UnitOfWork, code: str) -> BorderCrossingPoint:
        bcp = self._border_crossing_points.get(code) or uow.border_crossing_points.get(code)
        if bcp is None:
            raise UnknownBorderCrossingPointError(f"no border crossing point has the code {code!r}")
        self._border_crossing_points[code] = bcp
        return bcp

    def _enter(
        self, uow: UnitOfWork, command: EntryRegistration, actor: Actor
    ) -> tuple[EntryOutcome, str]:
        at = require_aware(command.at or self._clock.now())
        bcp = self._border_crossing_point(uow, command.bcp_code)
        day = local_day(at, bcp.time_zone)
        traveller = command.traveller
        if traveller.document.expiry < day:
            raise EntryNotAuthorisedError(
                "the travel document has expired: refuse entry with reason A",
                "travel_document_expired",
            )
        visa = _visa(uow, command)
        visa_required = _visa_required(traveller)
        history = files.find_history(uow, traveller, command.file_id)
        if history is not None:
            if history.open_entry is not None:
                raise AlreadyInsideError("the traveller has an entry record without an exit")
            _require_after_last_crossing(history, at)
        postponed = command.biometrics_postponed or command.fallback
        biometrics = required_biometrics(
            current=history.file.biometrics if history else None,
            facial_image_ref=traveller.facial_image_ref,
            fingerprint_ref=traveller.fingerprint_ref,
            stated_status=traveller.fingerprint_status,
            visa_holder=visa_required or visa is not None,
            date_of_birth=traveller.identity.date_of_birth,
            on=day,
            postponed=postponed,
        )
        assessment = calculator.assess_entry(
            history.entries if history else (),
            day,
            visa=visa,
            visa_required=visa_required,
            family_member=traveller.family_member_of_eu_citizen,
            bcp_state=bcp.state,
        )
        if not assessment.allowed or assessment.authorised_stay_until is None:
            hint = assessment.refusal_reason.value if assessment.refusal_reason else "?"
            raise EntryNotAuthorisedError(
                f"the automated calculator authorises no stay ({assessment.reason}): "
                f"refuse entry with reason {hint}",
                assessment.reason,
            )
        written = files.write_file(
            uow,
            history,
            traveller,
            biometrics,
            visa_required=visa_required,
            at=at,
            responsible_state=actor.state,
        )
        history, created, identity_changed = written
        if visa is not None:
            _link_visa(uow, visa, history.file.file_id)
        flags = _flags(command.fallback, command.self_service, command.e_gate)
        if postponed and outstanding(biometrics):
            flags |= {RecordFlag.BIOMETRICS_POSTPONED}
        if traveller.family_member_of_eu_citizen:
            flags |= {RecordFlag.FAMILY_MEMBER}
        record = EntryExitRecord(
            record_id=files.new_identifier(),
            file_id=history.file.file_id,
            document=traveller.document.key,
            entry=Crossing(at=at, day=day, bcp_code=bcp.code, authority=actor.authority),
            authorised_stay_until=assessment.authorised_stay_until,
            visa_sticker=visa.sticker_number if visa else None,
            flags=frozenset(flags),
        )
        uow.records.add_entry(record)
        _schedule_retention(uow, replace(history, entries=(*history.entries, record)))
        outcome = EntryOutcome(
            record=record,
            file_created=created,
            identity_changed=identity_changed,
            authorised_stay_until=assessment.authorised_stay_until,
            max_stay_days=assessment.max_stay_days,
            days_used_on_entry=assessment.days_used_on_entry,
            visa_entry_number=assessment.visa_entry_number,
            visa_entries_allowed=assessment.visa_entries_allowed,
            warnings=("biometrics_outstanding",) if outstanding(biometrics) else (),
        )
        return outcome, record.record_id

    def _exit(
        self, uow: UnitOfWork, command: ExitRegistration, actor: Actor
    ) -> tuple[ExitOutcome, str]:
        at = require_aware(command.at or self._clock.now())
        bcp = self._border_crossing_point(uow, command.bcp_code)
        day = local_day(at, bcp.time_zone)
        history = files.history_for_document(uow, command.document)
        record = history.open_entry
        if record is None:
            raise NotInsideError("the traveller has no entry record without an exit")
        if at < record.entry.at:
            raise InvalidRecordError("the exit is before the entry it closes")
        file = history.file
        if outstanding(file.biometrics) and (command.facial_image_ref or command.fingerprint_ref):
            completed = required_biometrics(
                current=file.biometrics,
                facial_image_ref=command.facial_image_ref,
                fingerprint_ref=command.fingerprint_ref,
                stated_status=None,
                visa_holder=file.visa_required,
                date_of_birth=file.identity.date_of_birth,
                on=day,
                postponed=True,
            )
            file = replace(file, biometrics=completed)
            uow.traveller_files.save(file)
        exited = replace(
            record,
            exit=Crossing(at=at, day=day, bcp_code=bcp.code, authority=actor.authority),
            exit_flags=frozenset(_flags(command.fallback, command.self_service, command.e_gate)),
        )
        uow.records.save_entry(exited)
        entries = tuple(exited if r.record_id == record.record_id else r for r in history.entries)
        _schedule_retention(uow, replace(history, file=file, entries=entries))
        measured = overstay(calculator.presence(entries), day)
        outcome = ExitOutcome(
            record=exited,
            days_used=measured.days_used,
            overstay_days=measured.overstay_days,
            days_in_breach=measured.days_in_breach,
            days_after_authorised_stay=calculator.days_after(
                calculator.authorised_stay_until(record), day
            ),
            warnings=("biometrics_outstanding",) if outstanding(file.biometrics) else (),
        )
        return outcome, exited.record_id

    def _refuse(
        self, uow: UnitOfWork, command: RefusalRegistration, actor: Actor
    ) -> tuple[RefusalOutcome, str]:
        at = require_aware(command.at or self._clock.now())
        bcp = self._border_crossing_point(uow, command.bcp_code)
        day = local_day(at, bcp.time_zone)
        traveller = command.traveller
        visa_required = _visa_required(traveller)
        history = files.find_history(uow, traveller, None)
        if history is not None and history.open_entry is not None:
            raise AlreadyInsideError("a traveller who is inside cannot be refused entry")
        # Biometrics are taken where possible; a refusal is never blocked by their absence.
        biometrics = required_biometrics(
            current=history.file.biometrics if history else None,
            facial_image_ref=traveller.facial_image_ref,
            fingerprint_ref=traveller.fingerprint_ref,
            stated_status=traveller.fingerprint_status,
            visa_holder=visa_required,
            date_of_birth=traveller.identity.date_of_birth,
            on=day,
            postponed=True,
        )
        written = files.write_file(
            uow,
            history,
            traveller,
            biometrics,
            visa_required=visa_required,
            at=at,
            responsible_state=actor.state,
        )
        history, created, identity_changed = written
        record = RefusalRecord(
            record_id=files.new_identifier(),
            file_id=history.file.file_id,
            document=traveller.document.key,
            crossing=Crossing(at=at, day=day, bcp_code=bcp.code, authority=actor.authority),
            reasons=command.reasons,
            biometrics_refused=command.biometrics_refused,
            flags=frozenset(_flags(command.fallback, False, False)),
        )
        uow.records.add_refusal(record)
        _schedule_retention(uow, replace(history, refusals=(*history.refusals, record)))
        return (
            RefusalOutcome(record=record, file_created=created, identity_changed=identity_changed),
            record.record_id,
        )

    def _decide(
        self, uow: UnitOfWork, command: StayDecisionRegistration, actor: Actor
    ) -> tuple[EntryExitRecord, str]:
        history = files.history_for_document(uow, command.document)
        if not history.entries:
            raise RecordNotFoundError("the individual file has no entry record to attach to")
        latest = history.entries[-1]
        current_until = calculator.authorised_stay_until(latest)
        if command.kind is StayDecisionKind.EXTENSION and (
            command.authorised_stay_until is None or command.authorised_stay_until <= current_until
        ):
            raise InvalidRecordError("an extension must end after the current authorised stay")
        decision = StayDecision(
            kind=command.kind,
            decided_on=command.decided_on,
            authority=actor.authority,
            place=command.place,
            authorised_stay_until=command.authorised_stay_until,
            new_visa_sticker=command.new_visa_sticker,
            recorded_at=self._clock.now(),
        )
        updated = replace(latest, decisions=(*latest.decisions, decision))
        new_until = calculator.authorised_stay_until(updated)
        if (
            updated.overstay_flagged_at is not None
            and new_until >= calculator.first_day_not_over_everywhere(self._clock.now())
        ):
            updated = replace(updated, overstay_flagged_at=None)  # no longer an overstay
        uow.records.save_entry(updated)
        entries = (*history.entries[:-1], updated)
        _schedule_retention(uow, replace(history, entries=entries))
        return updated, updated.record_id


def _require_scope(traveller: TravellerData) -> None:
    require_in_scope(traveller.identity.nationalities, traveller.exemption)


def _visa_required(traveller: TravellerData) -> bool:
    """From the guard if stated, else from the nationality the document states."""
    if traveller.visa_required is not None:
        return traveller.visa_required
    return requires_short_stay_visa(traveller.identity.nationalities[0])


def _visa(uow: UnitOfWork, command: EntryRegistration) -> VisaRecord | None:
    if command.visa is None:
        return None
    visa = uow.visas.get(command.visa.issuing_state, command.visa.sticker_number)
    if visa is None:
        raise UnknownVisaError("no visa with this sticker number and issuing state is known")
    return visa


def _link_visa(uow: UnitOfWork, visa: VisaRecord, file_id: str) -> None:
    """A visa used at entry belongs to that person's file from then on."""
    if visa.file_id == file_id:
        return
    if visa.file_id is not None:
        raise InvalidRecordError("the visa belongs to another individual file")
    uow.visas.save(replace(visa, file_id=file_id))


def _require_after_last_crossing(history: TravellerHistory, at: datetime) -> None:
    last_exit = max(
        (record.exit.at for record in history.entries if record.exit is not None), default=None
    )
    if last_exit is not None and at < last_exit:
        raise InvalidRecordError("the entry is before the traveller's last recorded exit")


def _flags(fallback: bool, self_service: bool, e_gate: bool) -> set[RecordFlag]:
    flags = set()
    if fallback:
        flags.add(RecordFlag.FALLBACK)
    if self_service:
        flags.add(RecordFlag.SELF_SERVICE)
    if e_gate:
        flags.add(RecordFlag.E_GATE)
    return flags


def _schedule_retention(uow: UnitOfWork, history: TravellerHistory) -> None:
    uow.retention.schedule(history.file.file_id, retention_plan(history))
