"""What the ETIAS services answer to those outside the case: the applicant, carriers, border
guards, and the scheduled rescreening. Each shows only what its reader may see."""

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from limes.etias.model import (
    LIMITED_TERRITORIAL_VALIDITY_MAX_DAYS,
    ApplicationFile,
    ApplicationStatus,
    AuthorisationStatus,
    Fee,
    Flag,
    RefusalGround,
    TravelAuthorisation,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class ApplicantStatus:
    """What the applicant sees (art. 38): the status, the authorisation, what is asked of
    them, and the grounds of a negative decision. Never the hits or who raised them."""

    application_id: str
    status: ApplicationStatus
    submitted_at: datetime
    fee: Fee
    authorisation_number: str | None = None
    authorisation_status: AuthorisationStatus | None = None
    valid_from: date | None = None
    valid_until: date | None = None
    territorial_validity: tuple[str, ...] = ()
    questions: str = ""  # an open information request (art. 27)
    reply_due: datetime | None = None
    interview_at: datetime | None = None
    grounds: tuple[RefusalGround, ...] = ()
    reason: str = ""  # the statement of reasons of a negative decision

    @classmethod
    def of(cls, file: ApplicationFile, on: date) -> "ApplicantStatus":
        authorisation = file.authorisation
        pending = [r for r in file.information_requests if r.replied_at is None]
        interview = file.interview
        negative = [r for r in file.decisions if r.decision.grounds]
        last = negative[-1].decision if negative else None
        return cls(
            application_id=file.application_id,
            # A revocation review is internal until decided (art. 41(3)-(4)).
            status=(
                ApplicationStatus.ISSUED
                if file.status is ApplicationStatus.REVOCATION_REVIEW
                else file.status
            ),
            submitted_at=file.application.submitted_at,
            fee=file.application.fee,
            authorisation_number=authorisation.number if authorisation else None,
            authorisation_status=authorisation.status_on(on) if authorisation else None,
            valid_from=authorisation.valid_from if authorisation else None,
            valid_until=authorisation.valid_until if authorisation else None,
            territorial_validity=authorisation.territorial_validity if authorisation else (),
            questions=pending[-1].questions if pending else "",
            reply_due=pending[-1].reply_due if pending else None,
            interview_at=(
                interview.scheduled_at if interview and interview.attended is None else None
            ),
            grounds=last.grounds if last else (),
            reason=last.reason if last else "",
        )


class CarrierAnswer(StrEnum):
    """Art. 45(2): carriers learn only whether the traveller holds a valid authorisation."""

    OK = "OK"
    NOT_OK = "NOT_OK"


@dataclass(frozen=True, slots=True, kw_only=True)
class BorderAnswer:
    """Art. 47(2): what a border guard sees for a scanned document.

    `valid_here` is whether the authorisation lets the holder enter the guard's state
    today; `limited_to` and `max_days_from_first_entry` describe an LTV authorisation
    (art. 44); `flags` are those of art. 36(2)-(3).
    """

    found: bool
    valid_here: bool
    status: AuthorisationStatus | None = None
    authorisation_number: str | None = None
    valid_until: date | None = None
    limited_to: tuple[str, ...] = ()
    max_days_from_first_entry: int | None = None
    flags: tuple[Flag, ...] = ()

    @classmethod
    def of(
        cls, authorisation: TravelAuthorisation | None, *, on: date, state: str
    ) -> "BorderAnswer":
        if authorisation is None:
            return cls(found=False, valid_here=False)
        limited = authorisation.territorial_validity
        return cls(
            found=True,
            valid_here=authorisation.is_valid_on(on) and authorisation.covers(state),
            status=authorisation.status_on(on),
            authorisation_number=authorisation.number,
            valid_until=authorisation.valid_until,
            limited_to=limited,
            max_days_from_first_entry=LIMITED_TERRITORIAL_VALIDITY_MAX_DAYS if limited else None,
            flags=authorisation.flags,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class RescreenReport:
    """What a rescreening of valid authorisations found (art. 41(3)-(4))."""

    checked: int
    reviews_opened: tuple[str, ...]  # application ids now in revocation review
    notifications: int  # art. 20(4) alerts only notified
