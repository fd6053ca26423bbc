"""Art. 27: the National Unit asks the applicant for information (reply within 10 days; the
decision then follows within 96 hours, art. 32(2)) and, as a last resort, invites them to an
interview (the decision follows within 48 hours after it). Pure steps on a file."""

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Final

from limes.etias.case_guards import require_responsible_state, require_status
from limes.etias.errors import InvalidTransitionError
from limes.etias.model import ApplicationFile, ApplicationStatus, InformationRequest, Interview

INFORMATION_REPLY_PERIOD: Final = timedelta(days=10)  # art. 27(2)
AFTER_REPLY_DEADLINE: Final = timedelta(hours=96)  # art. 32(2)
AFTER_INTERVIEW_DEADLINE: Final = timedelta(hours=48)  # art. 32(2) (verify)


def request_information(
    file: ApplicationFile, questions: str, *, by: str, state: str, at: datetime
) -> ApplicationFile:
    """Art. 27(1)-(2): ask the applicant; the reply is due within 10 days."""
    require_status(file, "request information", ApplicationStatus.NATIONAL_UNIT_ASSESSMENT)
    require_responsible_state(file, state)
    if not questions.strip():
        raise InvalidTransitionError("an information request states what it asks for")
    request = InformationRequest(
        requested_at=at,
        requested_by=by,
        member_state=state,
        questions=questions,
        reply_due=at + INFORMATION_REPLY_PERIOD,
    )
    return replace(
        file,
        status=ApplicationStatus.INFORMATION_REQUESTED,
        information_requests=(*file.information_requests, request),
        deadline=request.reply_due,
    ).logged(at, "information.requested", by=by)


def record_information_reply(file: ApplicationFile, reply: str, *, at: datetime) -> ApplicationFile:
    """The applicant's reply; the National Unit then decides within 96 hours (art. 32(2))."""
    require_status(file, "reply to an information request", ApplicationStatus.INFORMATION_REQUESTED)
    request = file.information_requests[-1]
    if at > request.reply_due:
        raise InvalidTransitionError("the 10-day reply period has ended (art. 27(2))")
    if not reply.strip():
        raise InvalidTransitionError("a reply cannot be empty")
    answered = replace(request, replied_at=at, reply=reply)
    return replace(
        file,
        status=ApplicationStatus.NATIONAL_UNIT_ASSESSMENT,
        information_requests=(*file.information_requests[:-1], answered),
        deadline=at + AFTER_REPLY_DEADLINE,
    ).logged(at, "information.replied", by="applicant")


def invite_to_interview(
    file: ApplicationFile,
    *,
    scheduled_at: datetime,
    remote: bool,
    reason: str,
    by: str,
    state: str,
    at: datetime,
) -> ApplicationFile:
    """Art. 27(4): an interview, as a last resort once written information did not suffice."""
    require_status(file, "invite to an interview", ApplicationStatus.NATIONAL_UNIT_ASSESSMENT)
    require_responsible_state(file, state)
    if not any(r.replied_at is not None for r in file.information_requests):
        raise InvalidTransitionError(
            "an interview is a last resort: request information first (art. 27(4))"
        )
    if not reason.strip():
        raise InvalidTransitionError("an invitation states why written information is not enough")
    if scheduled_at <= at:
        raise InvalidTransitionError("an interview is scheduled in the future")
    interview = Interview(
        invited_at=at, invited_by=by, scheduled_at=scheduled_at, remote=remote, reason=reason
    )
    return replace(
        file,
        status=ApplicationStatus.INTERVIEW_INVITED,
        interview=interview,
        deadline=scheduled_at + AFTER_INTERVIEW_DEADLINE,
    ).logged(at, "interview.invited", by=by)


def record_interview(
    file: ApplicationFile, *, attended: bool, notes: str, by: str, state: str, at: datetime
) -> ApplicationFile:
    """Whether the applicant came; the decision is due within 48 hours after (art. 32(2))."""
    require_status(file, "record an interview", ApplicationStatus.INTERVIEW_INVITED)
    require_responsible_state(file, state)
    interview = file.interview
    if interview is None or at < interview.scheduled_at:
        raise InvalidTransitionError("an interview is recorded once its time has come")
    held = replace(interview, held_at=at if attended else None, attended=attended, notes=notes)
    return replace(
        file,
        status=ApplicationStatus.NATIONAL_UNIT_ASSESSMENT,
        interview=held,
        deadline=at + AFTER_INTERVIEW_DEADLINE,
    ).logged(at, "interview.attended" if attended else "interview.missed", by=by)


def reply_missed(file: ApplicationFile, at: datetime) -> bool:
    """Whether an information request went unanswered past its 10 days (art. 37(1)(f))."""
    return any(r.replied_at is None and r.reply_due < at for r in file.information_requests)
