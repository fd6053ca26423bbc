"""Routes for data protection: data-subject requests (EESR art. 52), erasure, retention, audit."""

from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, Path
from pydantic import Field, StrictBool

from limes.access.model import Actor
from limes.access.policy import Action
from limes.api.crossings import TravellerIdentity, document_key
from limes.api.deps import ServicesDep, permitted, roles_note
from limes.api.errors import error_responses
from limes.api.fields import DocumentKeyBody, Identifier, Limit, Schema, Text
from limes.api.records import TravellerHistoryRead
from limes.audit.chain import ChainVerdict
from limes.ees.data_subject import DataSubjectRequest, RequestKind, RequestStatus
from limes.ees.outcomes import RetentionReport

router = APIRouter(tags=["data protection"], responses=error_responses(401, 403, 422, 503))

PURPOSE = "data_protection"
RequestId = Annotated[Identifier, Path(description="The identifier the request was opened with.")]


class DataSubjectRequestCreate(Schema):
    document: DocumentKeyBody
    kind: RequestKind


class DataSubjectRequestRead(Schema):
    """A request with the deadlines the law sets for it."""

    request_id: str
    kind: RequestKind
    file_id: str
    received_on: date
    received_by_state: str
    responsible_state: str
    answer_due_on: date
    forward_due_on: date | None
    check_due_on: date
    status: RequestStatus
    forwarded_on: date | None
    closed_at: datetime | None
    outcome: str

    @classmethod
    def from_domain(cls, request: DataSubjectRequest) -> "DataSubjectRequestRead":
        return cls(
            request_id=request.request_id,
            kind=request.kind,
            file_id=request.file_id,
            received_on=request.received_on,
            received_by_state=request.received_by_state,
            responsible_state=request.responsible_state,
            answer_due_on=request.answer_due_on,
            forward_due_on=request.forward_due_on,
            check_due_on=request.check_due_on,
            status=request.status,
            forwarded_on=request.forwarded_on,
            closed_at=request.closed_at,
            outcome=request.outcome,
        )


class DataSubjectRequestCompletion(Schema):
    accepted: StrictBool
    outcome: Text
    rectified_identity: TravellerIdentity | None = None


class ErasureCreate(Schema):
    reason: Identifier = Field(description="Why, e.g. `eu_nationality_acquired`.")


class RetentionReportRead(Schema):
    erased_files: int
    erased_records: int
    warnings_issued: int

    @classmethod
    def from_domain(cls, report: RetentionReport) -> "RetentionReportRead":
        return cls(
            erased_files=report.erased_files,
            erased_records=report.erased_records,
            warnings_issued=report.warnings_issued,
        )


class ChainVerdictRead(Schema):
    intact: bool
    entries_checked: int
    head_digest: str
    broken_at: int | None
    problem: str

    @classmethod
    def from_domain(cls, verdict: ChainVerdict) -> "ChainVerdictRead":
        return cls(
            intact=verdict.intact,
            entries_checked=verdict.entries_checked,
            head_digest=verdict.head_digest,
            broken_at=verdict.broken_at,
            problem=verdict.problem,
        )


Manager = Annotated[Actor, permitted(Action.DATA_SUBJECT_MANAGE, PURPOSE)]


@router.post(
    "/data-subject-requests",
    responses=error_responses(400, 404, 413),
    status_code=201,
    summary="Open a request for access, rectification, erasure or restriction",
    description=roles_note(Action.DATA_SUBJECT_MANAGE),
)
def open_data_subject_request(
    body: DataSubjectRequestCreate, services: ServicesDep, actor: Manager
) -> DataSubjectRequestRead:
    request = services.data_subjects.open(document_key(body.document), body.kind, actor)
    return DataSubjectRequestRead.from_domain(request)


@router.get(
    "/data-subject-requests",
    summary="Open data-subject requests, with their deadlines",
    description=roles_note(Action.DATA_SUBJECT_MANAGE),
)
def list_open_data_subject_requests(
    services: ServicesDep, actor: Manager, limit: Limit = 100
) -> list[DataSubjectRequestRead]:
    requests = services.data_subjects.list_open(actor, limit)
    return [DataSubjectRequestRead.from_domain(request) for request in requests]


@router.post(
    "/data-subject-requests/{request_id}/forward",
    responses=error_responses(404),
    summary="Record that the request went to the responsible state",
    description=roles_note(Action.DATA_SUBJECT_MANAGE),
)
def forward_data_subject_request(
    request_id: RequestId, services: ServicesDep, actor: Manager
) -> DataSubjectRequestRead:
    return DataSubjectRequestRead.from_domain(services.data_subjects.forward(request_id, actor))


@router.get(
    "/data-subject-requests/{request_id}/export",
    responses=error_responses(404),
    summary="Everything held on the person, for an access request",
    description=roles_note(Action.DATA_SUBJECT_MANAGE),
)
def export_for_data_subject_request(
    request_id: RequestId, services: ServicesDep, actor: Manager
) -> TravellerHistoryRead:
    return TravellerHistoryRead.from_domain(services.data_subjects.export(request_id, actor))


@router.post(
    "/data-subject-requests/{request_id}/complete",
    responses=error_responses(400, 404, 413),
    summary="Close a request; an accepted erasure erases the file, a rectification applies",
    description=roles_note(Action.DATA_SUBJECT_MANAGE),
)
def complete_data_subject_request(
    request_id: RequestId,
    body: DataSubjectRequestCompletion,
    services: ServicesDep,
    actor: Manager,
) -> DataSubjectRequestRead:
    closed = services.data_subjects.complete(
        request_id,
        actor,
        accepted=body.accepted,
        outcome=body.outcome,
        rectified_identity=body.rectified_identity.to_domain() if body.rectified_identity else None,
    )
    return DataSubjectRequestRead.from_domain(closed)


@router.post(
    "/files/{file_id}/erase",
    responses=error_responses(400, 404, 413),
    status_code=204,
    summary="Erase an individual file ahead of time (EESR art. 35)",
    description=roles_note(Action.FILE_ERASE),
)
def erase_file(
    file_id: Annotated[Identifier, Path()],
    body: ErasureCreate,
    services: ServicesDep,
    actor: Annotated[Actor, permitted(Action.FILE_ERASE, PURPOSE)],
) -> None:
    services.retention.erase_file(file_id, actor, body.reason)


@router.post(
    "/retention/run",
    summary="Erase every record and file due today and issue the art. 34(3) warnings",
    description=roles_note(Action.RETENTION_RUN),
)
def run_retention(
    services: ServicesDep,
    actor: Annotated[Actor, permitted(Action.RETENTION_RUN, PURPOSE)],
) -> RetentionReportRead:
    return RetentionReportRead.from_domain(services.retention.apply_retention(actor))


@router.get(
    "/audit/verify",
    summary="Replay the audit log's hash chain and report the first broken entry, if any",
    description=roles_note(Action.AUDIT_VERIFY),
)
def verify_audit_log(
    services: ServicesDep,
    actor: Annotated[Actor, permitted(Action.AUDIT_VERIFY, "audit")],
) -> ChainVerdictRead:
    return ChainVerdictRead.from_domain(services.audit.verify(actor))
