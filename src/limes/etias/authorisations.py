"""Issuing, annulling and revoking travel authorisations; the revocation review (pure).

Validity (art. 36): three years from issue, or until the travel document expires if that
comes first; the authorisation is valid on its last day. Annulment (art. 40) and
revocation (art. 41(1)) rest on the refusal grounds of art. 37; the holder may revoke
their own (art. 41(8)).

A new SIS alert or watchlist entry matching a valid authorisation (art. 41(3)-(4)) opens a
*revocation review* for the National Unit of the state that entered the data; Limes never
revokes automatically. Art. 41(3) has the National Unit revoke on a new refusal-of-entry
alert and process a new document alert manually, and the correspondence itself rests on
name matching, which can be wrong: so a person confirms the hit (by revoking) or finds it
false (by keeping the authorisation) in both cases. The review has no deadline in law;
`REVOCATION_REVIEW_TARGET` is our own, so that the queue and `overdue` surface it.
"""

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Final

from limes.etias.dates import add_years
from limes.etias.errors import (
    InvalidDecisionError,
    InvalidTransitionError,
    NotResponsibleStateError,
)
from limes.etias.model import (
    ApplicationFile,
    ApplicationStatus,
    AuthorisationStatus,
    Decision,
    DecisionKind,
    DecisionRecord,
    Hit,
    HitStatus,
    RefusalGround,
    TravelAuthorisation,
)
from limes.etias.responsibility import responsible_state

VALIDITY_YEARS: Final = 3  # art. 36
REVOCATION_REVIEW_TARGET: Final = timedelta(hours=96)  # ours, by analogy with art. 32(1)
APPLICANT: Final = "applicant"


def validity(issued_on: date, document_expires_on: date) -> tuple[date, date]:
    """First and last valid day: three years, or up to the document's expiry (art. 36)."""
    three_years = add_years(issued_on, VALIDITY_YEARS) - timedelta(days=1)
    return issued_on, min(three_years, document_expires_on)


def issue(
    file: ApplicationFile,
    decision: Decision,
    *,
    by: str,
    state: str | None,
    at: datetime,
    number: str,
    action: str,
) -> ApplicationFile:
    """The file with an issued authorisation (art. 21(1), 22(4), 36, 44)."""
    valid_from, valid_until = validity(at.date(), file.application.form.travel_document.expires_on)
    if valid_until < valid_from:
        raise InvalidDecisionError("the travel document has expired: nothing can be issued")
    authorisation = TravelAuthorisation(
        number=number,
        application_id=file.application_id,
        issued_at=at,
        valid_from=valid_from,
        valid_until=valid_until,
        flags=decision.flags,
        territorial_validity=decision.territorial_validity,
    )
    record = DecisionRecord(decision=decision, decided_at=at, decided_by=by, member_state=state)
    return replace(
        file,
        status=ApplicationStatus.ISSUED,
        authorisation=authorisation,
        decisions=(*file.decisions, record),
        deadline=None,
    ).logged(at, action, by=by)


def open_revocation_review(
    file: ApplicationFile, hits: Sequence[Hit], *, at: datetime
) -> ApplicationFile:
    """Art. 41(3)-(4): new hits on a valid authorisation go to a National Unit."""
    authorisation = _valid_authorisation(file, at)
    if file.status not in {ApplicationStatus.ISSUED, ApplicationStatus.REVOCATION_REVIEW}:
        raise InvalidTransitionError(f"cannot review a case that is {file.status.value}")
    prepared = tuple(
        replace(hit, status=HitStatus.NOTIFIED if hit.notification_only else HitStatus.OPEN)
        for hit in hits
    )
    file = replace(file, hits=(*file.hits, *prepared))
    actionable = [hit for hit in prepared if not hit.notification_only]
    if not actionable:
        return file.logged(at, "rescreen.notified")
    if file.status is ApplicationStatus.REVOCATION_REVIEW:
        return file.logged(at, "review.more_hits")
    state = responsible_state(file.application, actionable)
    return replace(
        file,
        status=ApplicationStatus.REVOCATION_REVIEW,
        responsible_state=state,
        deadline=at + REVOCATION_REVIEW_TARGET,
    ).logged(at, "review.opened", detail=f"{authorisation.number} {state}")


def decide_review(
    file: ApplicationFile, decision: Decision, *, by: str, state: str, at: datetime
) -> ApplicationFile:
    """Keep the authorisation (the new hits were false) or revoke it (they were not)."""
    if file.responsible_state != state:
        raise NotResponsibleStateError(
            "only the National Unit of the state that entered the data reviews this case"
        )
    if decision.kind in {DecisionKind.ISSUE, DecisionKind.ISSUE_WITH_FLAG}:
        verdict, status = HitStatus.FALSE, ApplicationStatus.ISSUED
    elif decision.kind is DecisionKind.REVOKE:
        verdict, status = HitStatus.CONFIRMED, ApplicationStatus.REVOKED
    else:
        raise InvalidDecisionError("a revocation review keeps or revokes the authorisation")
    reason = decision.reason or f"revocation review: {verdict.value}"
    hits = tuple(
        replace(h, status=verdict, verified_by=by, verified_at=at, verification_reason=reason)
        if h.status is HitStatus.OPEN
        else h
        for h in file.hits
    )
    authorisation = _valid_authorisation(file, at)
    if status is ApplicationStatus.REVOKED:
        authorisation = replace(
            authorisation, status=AuthorisationStatus.REVOKED, status_changed_at=at
        )
    else:
        authorisation = replace(authorisation, flags=(*authorisation.flags, *decision.flags))
    record = DecisionRecord(decision=decision, decided_at=at, decided_by=by, member_state=state)
    return replace(
        file,
        hits=hits,
        status=status,
        authorisation=authorisation,
        decisions=(*file.decisions, record),
        deadline=None,
    ).logged(at, f"review.{'revoked' if verdict is HitStatus.CONFIRMED else 'kept'}", by=by)


def annul(
    file: ApplicationFile,
    grounds: Sequence[RefusalGround],
    *,
    reason: str,
    by: str,
    state: str,
    at: datetime,
) -> ApplicationFile:
    """Art. 40: the conditions for issuing were not met when it was issued."""
    decision = Decision(kind=DecisionKind.ANNUL, grounds=tuple(grounds), reason=reason)
    return _end(file, decision, by=by, state=state, at=at)


def revoke(
    file: ApplicationFile,
    grounds: Sequence[RefusalGround],
    *,
    reason: str,
    by: str,
    state: str,
    at: datetime,
) -> ApplicationFile:
    """Art. 41(1): the conditions for issuing are no longer met."""
    decision = Decision(kind=DecisionKind.REVOKE, grounds=tuple(grounds), reason=reason)
    return _end(file, decision, by=by, state=state, at=at)


def self_revoke(file: ApplicationFile, *, at: datetime) -> ApplicationFile:
    """Art. 41(8): the holder revokes their own authorisation."""
    decision = Decision(kind=DecisionKind.SELF_REVOKE, reason="at the holder's request")
    return _end(file, decision, by=APPLICANT, state=None, at=at)


def _end(
    file: ApplicationFile, decision: Decision, *, by: str, state: str | None, at: datetime
) -> ApplicationFile:
    authorisation = _valid_authorisation(file, at)
    # Art. 40-41: the National Unit of the Member State responsible annuls or revokes. A
    # file that went through manual processing or a revocation review has one (art. 25);
    # an authorisation issued automatically has none, and the Member State that holds the
    # evidence acts and becomes responsible.
    if state is not None and file.responsible_state and file.responsible_state != state:
        raise NotResponsibleStateError(
            "only the National Unit of the Member State responsible annuls or revokes "
            "this authorisation (art. 25, 40-41)"
        )
    annulled = decision.kind is DecisionKind.ANNUL
    ended = replace(
        authorisation,
        status=AuthorisationStatus.ANNULLED if annulled else AuthorisationStatus.REVOKED,
        status_changed_at=at,
    )
    # A revocation during a review settles it: its open hits stand as confirmed.
    hits = tuple(
        replace(h, status=HitStatus.CONFIRMED, verified_by=by, verified_at=at)
        if h.status is HitStatus.OPEN and by != APPLICANT
        else h
        for h in file.hits
    )
    record = DecisionRecord(decision=decision, decided_at=at, decided_by=by, member_state=state)
    return replace(
        file,
        hits=hits,
        responsible_state=file.responsible_state or state,
        status=ApplicationStatus.ANNULLED if annulled else ApplicationStatus.REVOKED,
        authorisation=ended,
        decisions=(*file.decisions, record),
        deadline=None,
    ).logged(at, f"authorisation.{decision.kind.value}", by=by)


def _valid_authorisation(file: ApplicationFile, at: datetime) -> TravelAuthorisation:
    authorisation = file.authorisation
    if authorisation is None or authorisation.status_on(at.date()) is not AuthorisationStatus.VALID:
        raise InvalidTransitionError("the case has no valid travel authorisation")
    return authorisation
