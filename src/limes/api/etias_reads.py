"""What the ETIAS routes answer: the applicant's status, the case file for the units, the
carrier's and the border guard's answers. Each shows only what its reader may see
(`etias.answers`); instants and days are ISO 8601 strings."""

from datetime import date, datetime
from typing import Any

from pydantic import Field

from limes.api.fields import Schema
from limes.core.dataclass_json import to_jsonable
from limes.etias.answers import ApplicantStatus, BorderAnswer, RescreenReport
from limes.etias.model import (
    ApplicationFile,
    CaseEvent,
    DecisionRecord,
    Fee,
    FieldMatch,
    Flag,
    Hit,
    InformationRequest,
    Interview,
    TravelAuthorisation,
)


def iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


class FeeRead(Schema):
    amount_cents: int
    currency: str
    waiver: str | None

    @classmethod
    def from_domain(cls, fee: Fee) -> "FeeRead":
        waiver = None if fee.waiver is None else fee.waiver.value
        return cls(amount_cents=fee.amount_cents, currency=fee.currency, waiver=waiver)


class ApplicantStatusRead(Schema):
    """What the applicant sees (art. 38): never the hits or who raised them."""

    application_id: str
    status: str
    submitted_at: str
    fee: FeeRead
    authorisation_number: str | None
    authorisation_status: str | None
    valid_from: str | None
    valid_until: str | None
    territorial_validity: list[str]
    questions: str = Field(description="An open information request (art. 27), or empty.")
    reply_due: str | None
    interview_at: str | None
    grounds: list[str] = Field(description="The grounds of a refusal, annulment or revocation.")
    reason: str

    @classmethod
    def from_domain(cls, status: ApplicantStatus) -> "ApplicantStatusRead":
        authorisation_status = status.authorisation_status
        return cls(
            application_id=status.application_id,
            status=status.status.value,
            submitted_at=status.submitted_at.isoformat(),
            fee=FeeRead.from_domain(status.fee),
            authorisation_number=status.authorisation_number,
            authorisation_status=(
                None if authorisation_status is None else authorisation_status.value
            ),
            valid_from=iso(status.valid_from),
            valid_until=iso(status.valid_until),
            territorial_validity=list(status.territorial_validity),
            questions=status.questions,
            reply_due=iso(status.reply_due),
            interview_at=iso(status.interview_at),
            grounds=[ground.value for ground in status.grounds],
            reason=status.reason,
        )


class FieldMatchRead(Schema):
    application_field: str
    record_field: str
    method: str
    score: float | None

    @classmethod
    def from_domain(cls, match: FieldMatch) -> "FieldMatchRead":
        return cls(
            application_field=match.application_field,
            record_field=match.record_field,
            method=match.method.value,
            score=match.score,
        )


class HitRead(Schema):
    """A hit with its evidence: which field matched which record field, how, and why."""

    hit_id: str
    check: str
    source: str
    record_ref: str
    member_state: str | None
    matched_fields: list[FieldMatchRead]
    score: float | None
    explanation: list[str]
    record_created_at: str | None
    status: str
    found_at: str | None
    verified_by: str
    verified_at: str | None
    verification_reason: str

    @classmethod
    def from_domain(cls, hit: Hit) -> "HitRead":
        return cls(
            hit_id=hit.hit_id,
            check=hit.check.value,
            source=hit.source,
            record_ref=hit.record_ref,
            member_state=hit.member_state,
            matched_fields=[FieldMatchRead.from_domain(m) for m in hit.matched_fields],
            score=hit.score,
            explanation=list(hit.explanation),
            record_created_at=iso(hit.record_created_at),
            status=hit.status.value,
            found_at=iso(hit.found_at),
            verified_by=hit.verified_by,
            verified_at=iso(hit.verified_at),
            verification_reason=hit.verification_reason,
        )


class FlagRead(Schema):
    kind: str
    check: str | None
    note: str

    @classmethod
    def from_domain(cls, flag: Flag) -> "FlagRead":
        check = None if flag.check is None else flag.check.value
        return cls(kind=flag.kind.value, check=check, note=flag.note)


class AuthorisationRead(Schema):
    number: str
    issued_at: str
    valid_from: str
    valid_until: str
    flags: list[FlagRead]
    territorial_validity: list[str]
    status: str
    status_changed_at: str | None

    @classmethod
    def from_domain(cls, authorisation: TravelAuthorisation) -> "AuthorisationRead":
        return cls(
            number=authorisation.number,
            issued_at=authorisation.issued_at.isoformat(),
            valid_from=authorisation.valid_from.isoformat(),
            valid_until=authorisation.valid_until.isoformat(),
            flags=[FlagRead.from_domain(flag) for flag in authorisation.flags],
            territorial_validity=list(authorisation.territorial_validity),
            status=authorisation.status.value,
            status_changed_at=iso(authorisation.status_changed_at),
        )


class DecisionRead(Schema):
    kind: str
    grounds: list[str]
    flags: list[FlagRead]
    territorial_validity: list[str]
    reason: str
    decided_at: str
    decided_by: str
    member_state: str | None

    @classmethod
    def from_domain(cls, record: DecisionRecord) -> "DecisionRead":
        decision = record.decision
        return cls(
            kind=decision.kind.value,
            grounds=[ground.value for ground in decision.grounds],
            flags=[FlagRead.from_domain(flag) for flag in decision.flags],
            territorial_validity=list(decision.territorial_validity),
            reason=decision.reason,
            decided_at=record.decided_at.isoformat(),
            decided_by=record.decided_by,
            member_state=record.member_state,
        )


class InformationRequestRead(Schema):
    requested_at: str
    requested_by: str
    member_state: str
    questions: str
    reply_due: str
    replied_at: str | None
    reply: str

    @classmethod
    def from_domain(cls, request: InformationRequest) -> "InformationRequestRead":
        return cls(
            requested_at=request.requested_at.isoformat(),
            requested_by=request.requested_by,
            member_state=request.member_state,
            questions=request.questions,
            reply_due=request.reply_due.isoformat(),
            replied_at=iso(request.replied_at),
            reply=request.reply,
        )


class InterviewRead(Schema):
    invited_at: str
    invited_by: str
    scheduled_at: str
    remote: bool
    reason: str
    held_at: str | None
    attended: bool | None
    notes: str

    @classmethod
    def from_domain(cls, interview: Interview) -> "InterviewRead":
        return cls(
            invited_at=interview.invited_at.isoformat(),
            invited_by=interview.invited_by,
            scheduled_at=interview.scheduled_at.isoformat(),
            remote=interview.remote,
            reason=interview.reason,
            held_at=iso(interview.held_at),
            attended=interview.attended,
            notes=interview.notes,
        )


class EventRead(Schema):
    at: str
    action: str
    by: str
    detail: str

    @classmethod
    def from_domain(cls, event: CaseEvent) -> "EventRead":
        return cls(at=event.at.isoformat(), action=event.action, by=event.by, detail=event.detail)


class CaseSummaryRead(Schema):
    """A case as a queue lists it: where it stands, its deadline, its hits in brief."""

    application_id: str
    status: str
    submitted_at: str
    deadline: str | None
    responsible_state: str | None
    open_hits: int
    checks: list[str] = Field(description="The checks that produced the case's hits.")

    @classmethod
    def from_domain(cls, file: ApplicationFile) -> "CaseSummaryRead":
        return cls(
            application_id=file.application_id,
            status=file.status.value,
            submitted_at=file.application.submitted_at.isoformat(),
            deadline=iso(file.deadline),
            responsible_state=file.responsible_state,
            open_hits=len(file.open_hits),
            checks=sorted({hit.check.value for hit in file.hits}),
        )


class CaseRead(Schema):
    """The whole case file, for the Central Unit and the responsible National Unit."""

    application_id: str
    status: str
    submitted_at: str
    fee: FeeRead
    form: dict[str, Any] = Field(description="The art. 17 form, fields as submitted.")
    hits: list[HitRead]
    deadline: str | None
    responsible_state: str | None
    information_requests: list[InformationRequestRead]
    interview: InterviewRead | None
    decisions: list[DecisionRead]
    authorisation: AuthorisationRead | None
    events: list[EventRead]
    retention_consent: bool
    updated_at: str

    @classmethod
    def from_domain(cls, file: ApplicationFile) -> "CaseRead":
        application = file.application
        return cls(
            application_id=file.application_id,
            status=file.status.value,
            submitted_at=application.submitted_at.isoformat(),
            fee=FeeRead.from_domain(application.fee),
            form=to_jsonable(application.form),
            hits=[HitRead.from_domain(hit) for hit in file.hits],
            deadline=iso(file.deadline),
            responsible_state=file.responsible_state,
            information_requests=[
                InformationRequestRead.from_domain(r) for r in file.information_requests
            ],
            interview=None if file.interview is None else InterviewRead.from_domain(file.interview),
            decisions=[DecisionRead.from_domain(record) for record in file.decisions],
            authorisation=(
                None
                if file.authorisation is None
                else AuthorisationRead.from_domain(file.authorisation)
            ),
            events=[EventRead.from_domain(event) for event in file.events],
            retention_consent=file.retention_consent,
            updated_at=file.updated_at.isoformat(),
        )


class BorderAnswerRead(Schema):
    """Art. 47(2): validity, limited territorial validity and flags, for the guard's state."""

    found: bool
    valid_here: bool
    status: str | None
    authorisation_number: str | None
    valid_until: str | None
    limited_to: list[str]
    max_days_from_first_entry: int | None
    flags: list[FlagRead]

    @classmethod
    def from_domain(cls, answer: BorderAnswer) -> "BorderAnswerRead":
        return cls(
            found=answer.found,
            valid_here=answer.valid_here,
            status=None if answer.status is None else answer.status.value,
            authorisation_number=answer.authorisation_number,
            valid_until=iso(answer.valid_until),
            limited_to=list(answer.limited_to),
            max_days_from_first_entry=answer.max_days_from_first_entry,
            flags=[FlagRead.from_domain(flag) for flag in answer.flags],
        )


class RescreenReportRead(Schema):
    checked: int
    reviews_opened: list[str]
    notifications: int

    @classmethod
    def from_domain(cls, report: RescreenReport) -> "RescreenReportRead":
        return cls(
            checked=report.checked,
            reviews_opened=list(report.reviews_opened),
            notifications=report.notifications,
        )
