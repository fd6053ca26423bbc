"""The ETIAS case routes for officers: the Central Unit's queue and hit verification
(art. 22), the National Unit's queue, enquiries and decisions (art. 26-27, 36-37, 44), the
case file and overdue cases. Mounted under /etias by `api/etias.py`.

A National Unit sees and decides the cases of its own Member State (the user's state,
art. 25); the Central Unit reads every case.
"""

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query
from pydantic import Field

from limes.access.model import Actor
from limes.access.policy import Action
from limes.api.deps import ServicesDep, permitted, roles_note
from limes.api.errors import error_responses
from limes.api.etias_forms import Note, Statement
from limes.api.etias_reads import CaseRead, CaseSummaryRead
from limes.api.fields import CountryCode, Identifier, Instant, Limit, Offset, Schema
from limes.etias.model import (
    CheckKind,
    Decision,
    DecisionKind,
    Flag,
    FlagKind,
    HitStatus,
    RefusalGround,
)

router = APIRouter(responses=error_responses(400, 401, 403, 413, 422, 503))

PURPOSE = "etias_case_handling"
CaseReader = Annotated[Actor, permitted(Action.ETIAS_CASE_READ, PURPOSE)]
CentralUnit = Annotated[Actor, permitted(Action.ETIAS_CENTRAL_VERIFY, PURPOSE)]
NationalUnit = Annotated[Actor, permitted(Action.ETIAS_NATIONAL_DECIDE, PURPOSE)]
ApplicationId = Annotated[Identifier, Path(description="The application's identifier.")]
HitId = Annotated[Identifier, Path(description="The hit's identifier in the case file.")]
Grounds = Annotated[tuple[RefusalGround, ...], Field(max_length=8)]
_NOT_FOUND_OR_STATE = error_responses(404, 409)


class HitVerification(Schema):
    """The Central Unit's verdict on one hit (art. 22(3)-(5)), with its reason."""

    verdict: Literal["false", "confirmed", "doubtful"]
    reason: Statement


class InformationRequestCreate(Schema):
    questions: Statement


class InterviewInvitation(Schema):
    """An interview as a last resort (art. 27(4)): when, whether remote, and why."""

    scheduled_at: Instant
    remote: bool
    reason: Statement


class InterviewOutcome(Schema):
    attended: bool
    notes: Note = ""


class FlagBody(Schema):
    """A flag for the border authorities (art. 36(2)-(3)); `check` names the hit a
    `hit_verified_false` flag is about."""

    kind: FlagKind
    check: CheckKind | None = None
    note: Note = ""

    def to_domain(self) -> Flag:
        return Flag(kind=self.kind, check=self.check, note=self.note)


class DecisionCreate(Schema):
    """Issue, issue with flags, refuse with grounds, limited territorial validity (art. 36,
    37, 44); in a revocation review (art. 41(3)-(4)) issue (keep) or revoke."""

    kind: Literal["issue", "issue_with_flag", "refuse", "limited_territorial_validity", "revoke"]
    grounds: Grounds = Field(default=(), description="For refuse and revoke, at least one.")
    flags: Annotated[tuple[FlagBody, ...], Field(max_length=5)] = ()
    territorial_validity: Annotated[tuple[CountryCode, ...], Field(max_length=30)] = Field(
        default=(), description="For limited territorial validity: the states it covers."
    )
    reason: Note = Field(default="", description="The statement of reasons (art. 38(2)).")

    def to_domain(self) -> Decision:
        """The decision; raises InvalidDecisionError when a field its kind needs is missing."""
        return Decision(
            kind=DecisionKind(self.kind),
            grounds=self.grounds,
            flags=tuple(flag.to_domain() for flag in self.flags),
            territorial_validity=self.territorial_validity,
            reason=self.reason,
        )


@router.get(
    "/central-unit/queue",
    summary="Cases with hits to verify, the 12-hour deadline nearest first (art. 22(6))",
    description=roles_note(Action.ETIAS_CENTRAL_VERIFY),
)
def central_unit_queue(
    services: ServicesDep,
    actor: CentralUnit,
    limit: Annotated[Limit, Query()] = 50,
    offset: Annotated[Offset, Query()] = 0,
) -> list[CaseSummaryRead]:
    queue = services.etias.central_unit_queue(actor, limit=limit, offset=offset)
    return [CaseSummaryRead.from_domain(file) for file in queue]


@router.get(
    "/national-unit/queue",
    summary="Your Member State's cases: assessments, enquiries, revocation reviews; "
    "the nearest deadline first",
    description=roles_note(Action.ETIAS_NATIONAL_DECIDE),
)
def national_unit_queue(
    services: ServicesDep,
    actor: NationalUnit,
    limit: Annotated[Limit, Query()] = 50,
    offset: Annotated[Offset, Query()] = 0,
) -> list[CaseSummaryRead]:
    queue = services.etias.national_unit_queue(actor, limit=limit, offset=offset)
    return [CaseSummaryRead.from_domain(file) for file in queue]


@router.get(
    "/overdue",
    summary="Your cases past their deadline, the longest overdue first",
    description=roles_note(Action.ETIAS_CASE_READ),
)
def overdue_cases(services: ServicesDep, actor: CaseReader) -> list[CaseSummaryRead]:
    return [CaseSummaryRead.from_domain(file) for file in services.etias.overdue(actor)]


@router.get(
    "/applications/{application_id}",
    responses=error_responses(404),
    summary="The case file: the form, the hits with their evidence and explanations, "
    "enquiries, decisions, the authorisation and the history",
    description=roles_note(Action.ETIAS_CASE_READ),
)
def read_case(application_id: ApplicationId, services: ServicesDep, actor: CaseReader) -> CaseRead:
    return CaseRead.from_domain(services.etias.case(actor, application_id))


@router.post(
    "/applications/{application_id}/hits/{hit_id}/verification",
    responses=_NOT_FOUND_OR_STATE,
    summary="Verify a hit as false, confirmed or doubtful; the last verdict moves the case "
    "(art. 22(3)-(5))",
    description=roles_note(Action.ETIAS_CENTRAL_VERIFY),
)
def verify_hit(
    application_id: ApplicationId,
    hit_id: HitId,
    body: HitVerification,
    services: ServicesDep,
    actor: CentralUnit,
) -> CaseRead:
    file = services.etias.verify_hit(
        actor, application_id, hit_id, HitStatus(body.verdict), body.reason
    )
    return CaseRead.from_domain(file)


@router.post(
    "/applications/{application_id}/information-requests",
    responses=_NOT_FOUND_OR_STATE,
    summary="Ask the applicant for information; the reply is due in 10 days (art. 27(1)-(2))",
    description=roles_note(Action.ETIAS_NATIONAL_DECIDE),
)
def request_information(
    application_id: ApplicationId,
    body: InformationRequestCreate,
    services: ServicesDep,
    actor: NationalUnit,
) -> CaseRead:
    file = services.etias.request_information(actor, application_id, body.questions)
    return CaseRead.from_domain(file)


@router.post(
    "/applications/{application_id}/interview",
    responses=_NOT_FOUND_OR_STATE,
    summary="Invite the applicant to an interview, as a last resort (art. 27(4))",
    description=roles_note(Action.ETIAS_NATIONAL_DECIDE),
)
def invite_to_interview(
    application_id: ApplicationId,
    body: InterviewInvitation,
    services: ServicesDep,
    actor: NationalUnit,
) -> CaseRead:
    file = services.etias.invite_to_interview(
        actor,
        application_id,
        scheduled_at=body.scheduled_at,
        remote=body.remote,
        reason=body.reason,
    )
    return CaseRead.from_domain(file)


@router.post(
    "/applications/{application_id}/interview/outcome",
    responses=_NOT_FOUND_OR_STATE,
    summary="Record whether the applicant attended; the decision is due within 48 hours",
    description=roles_note(Action.ETIAS_NATIONAL_DECIDE),
)
def record_interview(
    application_id: ApplicationId,
    body: InterviewOutcome,
    services: ServicesDep,
    actor: NationalUnit,
) -> CaseRead:
    file = services.etias.record_interview(
        actor, application_id, attended=body.attended, notes=body.notes
    )
    return CaseRead.from_domain(file)


@router.post(
    "/applications/{application_id}/decision",
    responses=_NOT_FOUND_OR_STATE,
    summary="Decide: issue, issue with flags, refuse with grounds, limited territorial "
    "validity; or keep or revoke in a revocation review",
    description="A confirmed SIS document or refusal-of-entry alert leaves refusal or "
    "limited territorial validity only (art. 26, 44). " + roles_note(Action.ETIAS_NATIONAL_DECIDE),
)
def decide(
    application_id: ApplicationId,
    body: DecisionCreate,
    services: ServicesDep,
    actor: NationalUnit,
) -> CaseRead:
    file = services.etias.decide(actor, application_id, body.to_domain())
    return CaseRead.from_domain(file)
