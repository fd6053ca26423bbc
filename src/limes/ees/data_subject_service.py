"""The data-subject request workflow (EESR art. 52): access, rectification, erasure."""

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime

from limes.access.model import Actor
from limes.access.policy import Action, require
from limes.audit.recorder import record_event
from limes.core.time import Clock, local_day
from limes.ees.data_subject import (
    DataSubjectRequest,
    RequestKind,
    RequestStatus,
    close,
    forward,
    open_request,
)
from limes.ees.errors import InvalidRecordError, RecordNotFoundError
from limes.ees.files import history_for_document, new_identifier
from limes.ees.model import DocumentKey, Identity, TravellerHistory
from limes.ees.ports import UnitOfWork


class DataSubjectService:
    def __init__(
        self, unit_of_work: Callable[[], UnitOfWork], clock: Clock, time_zone: str
    ) -> None:
        self._unit_of_work = unit_of_work
        self._clock = clock
        self._time_zone = time_zone

    def open(self, document: DocumentKey, kind: RequestKind, actor: Actor) -> DataSubjectRequest:
        """Register a request received by the actor's state, with its deadlines."""
        require(actor, Action.DATA_SUBJECT_MANAGE)
        now = self._clock.now()
        with self._unit_of_work() as uow:
            history = history_for_document(uow, document)
            request = open_request(
                request_id=new_identifier(),
                kind=kind,
                file_id=history.file.file_id,
                received_on=local_day(now, self._time_zone),
                received_by_state=actor.state,
                responsible_state=history.file.responsible_state,
            )
            uow.data_subject_requests.add(request)
            self._audit(uow, actor, "open", request, now)
            uow.commit()
        return request

    def forward(self, request_id: str, actor: Actor) -> DataSubjectRequest:
        """Passed on to the responsible state (within 7 days)."""
        require(actor, Action.DATA_SUBJECT_MANAGE)
        now = self._clock.now()
        with self._unit_of_work() as uow:
            request = self._open_request(uow, request_id)
            if request.received_by_state == request.responsible_state:
                raise InvalidRecordError("the receiving state is the responsible state")
            forwarded = forward(request, local_day(now, self._time_zone))
            uow.data_subject_requests.save(forwarded)
            self._audit(uow, actor, "forward", forwarded, now)
            uow.commit()
        return forwarded

    def export(self, request_id: str, actor: Actor) -> TravellerHistory:
        """Everything held on the person, for an access request (GDPR art. 15)."""
        require(actor, Action.DATA_SUBJECT_MANAGE)
        now = self._clock.now()
        with self._unit_of_work() as uow:
            request = self._open_request(uow, request_id)
            history = uow.traveller_files.history(request.file_id)
            if history is None:
                raise RecordNotFoundError("the individual file no longer exists")
            self._audit(uow, actor, "export", request, now)
            uow.commit()
        return history

    def complete(
        self,
        request_id: str,
        actor: Actor,
        *,
        accepted: bool,
        outcome: str,
        rectified_identity: Identity | None = None,
    ) -> DataSubjectRequest:
        """Close the request; an accepted erasure erases the file, a rectification applies."""
        require(actor, Action.DATA_SUBJECT_MANAGE)
        now = self._clock.now()
        with self._unit_of_work() as uow:
            request = self._open_request(uow, request_id)
            if accepted and request.kind is RequestKind.ERASURE:
                uow.traveller_files.erase(request.file_id)
            if accepted and request.kind is RequestKind.RECTIFICATION:
                self._rectify(uow, request, rectified_identity)
            status = RequestStatus.COMPLETED if accepted else RequestStatus.REJECTED
            closed = close(request, now, status, outcome)
            uow.data_subject_requests.save(closed)
            self._audit(uow, actor, "complete", closed, now)
            uow.commit()
        return closed

    def list_open(self, actor: Actor, limit: int = 100) -> Sequence[DataSubjectRequest]:
        require(actor, Action.DATA_SUBJECT_MANAGE)
        with self._unit_of_work() as uow:
            return uow.data_subject_requests.list_open(max(1, min(limit, 1000)))

    @staticmethod
    def _rectify(uow: UnitOfWork, request: DataSubjectRequest, identity: Identity | None) -> None:
        if identity is None:
            raise InvalidRecordError("an accepted rectification needs the corrected identity")
        file = uow.traveller_files.get(request.file_id)
        if file is None:
            raise RecordNotFoundError("the individual file no longer exists")
        uow.traveller_files.save(replace(file, identity=identity))

    @staticmethod
    def _open_request(uow: UnitOfWork, request_id: str) -> DataSubjectRequest:
        request = uow.data_subject_requests.get(request_id)
        if request is None:
            raise RecordNotFoundError("no data-subject request has this identifier")
        if not request.is_open:
            raise InvalidRecordError("the data-subject request is already closed")
        return request

    @staticmethod
    def _audit(
        uow: UnitOfWork, actor: Actor, step: str, request: DataSubjectRequest, at: datetime
    ) -> None:
        record_event(
            uow.audit_log, actor, f"ees.data_subject.{request.kind}.{step}", request.file_id, at
        )
