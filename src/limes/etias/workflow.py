"""The case workflow as a pure state machine: each step takes a file and returns the next.

Submitted → no hit: issued automatically (art. 21(1)). Hits → Central Unit verification,
due 12 hours after submission (art. 22(6)); all hits false → they are deleted and the
authorisation is issued automatically (art. 22(4)); any confirmed or doubtful → the
National Unit of the Member State responsible (art. 25), due 96 hours after submission
(art. 32(1)). Only the applicant's own answers (art. 20(3)) → straight to the National
Unit (art. 21(4)). The National Unit may ask for information or invite to an interview
first (art. 27, `enquiries.py`), and decides (art. 36-37, 44).

Time is always an argument; nothing here reads a clock. A step the state does not allow
raises InvalidTransitionError naming the step and the state.
"""

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Final

from limes.etias.authorisations import decide_review, issue
from limes.etias.case_guards import require_responsible_state, require_status
from limes.etias.enquiries import reply_missed
from limes.etias.errors import (
    HitNotFoundError,
    InvalidDecisionError,
    InvalidTransitionError,
)
from limes.etias.member_states import ETIAS_STATES
from limes.etias.model import (
    CENTRAL_SYSTEM,
    OPEN_STATUSES,
    SELF_DECLARED_CHECKS,
    Application,
    ApplicationFile,
    ApplicationStatus,
    CaseEvent,
    CheckKind,
    Decision,
    DecisionKind,
    DecisionRecord,
    Hit,
    HitStatus,
    RefusalGround,
)
from limes.etias.responsibility import responsible_state

CENTRAL_UNIT_DEADLINE: Final = timedelta(hours=12)  # art. 22(6)
NATIONAL_UNIT_DEADLINE: Final = timedelta(hours=96)  # art. 32(1)

_VERDICTS = frozenset({HitStatus.FALSE, HitStatus.CONFIRMED, HitStatus.DOUBTFUL})
_NATIONAL_DECISIONS = frozenset(
    {
        DecisionKind.ISSUE,
        DecisionKind.ISSUE_WITH_FLAG,
        DecisionKind.REFUSE,
        DecisionKind.LIMITED_TERRITORIAL_VALIDITY,
    }
)
# Art. 26 (verify): a confirmed hit on these leaves refusal, or the art. 44 exception.
_MUST_REFUSE = frozenset({CheckKind.SIS_DOCUMENT, CheckKind.SIS_REFUSAL_ALERT})


def submitted(application: Application) -> ApplicationFile:
    """A new file, before automated processing."""
    at = application.submitted_at
    return ApplicationFile(
        application=application,
        status=ApplicationStatus.SUBMITTED,
        events=(CaseEvent(at=at, action="submitted", by="applicant"),),
        updated_at=at,
    )


def number_hits(file: ApplicationFile, hits: Iterable[Hit], *, at: datetime) -> tuple[Hit, ...]:
    """Give fresh hits their ids (after the file's existing ones) and the time found."""
    first = len(file.hits) + 1
    return tuple(
        replace(hit, hit_id=f"{file.application_id}-h{first + i}", found_at=at)
        for i, hit in enumerate(hits)
    )


def route(
    file: ApplicationFile, hits: Sequence[Hit], *, at: datetime, authorisation_number: str
) -> ApplicationFile:
    """The outcome of automated processing: issue, Central Unit, or National Unit."""
    require_status(file, "route the application", ApplicationStatus.SUBMITTED)
    prepared = tuple(_prepared(hit, at) for hit in hits)
    file = replace(file, hits=prepared)
    actionable = [hit for hit in prepared if not hit.notification_only]
    if not actionable:
        return issue(
            file,
            Decision.issue(),
            by=CENTRAL_SYSTEM,
            state=None,
            at=at,
            number=authorisation_number,
            action="issued.automatically",
        )
    if all(hit.check in SELF_DECLARED_CHECKS for hit in actionable):
        return _to_national_unit(file, at, action="routed.national_unit.art_21_4")
    return replace(
        file,
        status=ApplicationStatus.CENTRAL_UNIT_VERIFICATION,
        deadline=file.application.submitted_at + CENTRAL_UNIT_DEADLINE,
    ).logged(at, "routed.central_unit")


def _prepared(hit: Hit, at: datetime) -> Hit:
    if hit.notification_only:
        # Art. 23: the alerting state's SIRENE Bureau is told; the case is not held up.
        return replace(hit, status=HitStatus.NOTIFIED)
    if hit.check in SELF_DECLARED_CHECKS:
        return replace(
            hit,
            status=HitStatus.CONFIRMED,
            verified_by=CENTRAL_SYSTEM,
            verified_at=at,
            verification_reason="declared by the applicant",
        )
    return replace(hit, status=HitStatus.OPEN)


def verify_hit(
    file: ApplicationFile,
    hit_id: str,
    verdict: HitStatus,
    *,
    reason: str,
    by: str,
    at: datetime,
    authorisation_number: str,
) -> ApplicationFile:
    """The Central Unit's verdict on one hit (art. 22(3)-(5)); the last one moves the case."""
    require_status(file, "verify a hit", ApplicationStatus.CENTRAL_UNIT_VERIFICATION)
    if verdict not in _VERDICTS:
        raise InvalidTransitionError("a hit is verified as false, confirmed or doubtful")
    if not reason.strip():
        raise InvalidTransitionError("a verification states its reason")
    hit = _hit(file, hit_id)
    if hit.status is not HitStatus.OPEN:
        raise InvalidTransitionError("this hit has already been verified")
    verified = replace(
        hit, status=verdict, verified_by=by, verified_at=at, verification_reason=reason
    )
    hits = tuple(verified if h.hit_id == hit_id else h for h in file.hits)
    file = replace(file, hits=hits).logged(at, f"hit.{verdict.value}", by=by, detail=hit_id)
    if file.open_hits:
        return file
    actionable = [h for h in file.hits if not h.notification_only]
    if all(h.status is HitStatus.FALSE for h in actionable):
        # Art. 22(4): the false hits are deleted and the authorisation issued automatically.
        kept = tuple(h for h in file.hits if h.status is not HitStatus.FALSE)
        cleared = (*file.cleared_refs, *(h.ref for h in file.hits if h.status is HitStatus.FALSE))
        return issue(
            replace(file, hits=kept, cleared_refs=cleared),
            Decision.issue(),
            by=CENTRAL_SYSTEM,
            state=None,
            at=at,
            number=authorisation_number,
            action="issued.after_central_unit",
        )
    return _to_national_unit(file, at, action="routed.national_unit")


def _to_national_unit(file: ApplicationFile, at: datetime, *, action: str) -> ApplicationFile:
    relevant = [h for h in file.hits if h.status in {HitStatus.CONFIRMED, HitStatus.DOUBTFUL}]
    state = responsible_state(file.application, relevant)
    return replace(
        file,
        status=ApplicationStatus.NATIONAL_UNIT_ASSESSMENT,
        responsible_state=state,
        deadline=file.application.submitted_at + NATIONAL_UNIT_DEADLINE,
    ).logged(at, action, detail=state)


def decide(
    file: ApplicationFile,
    decision: Decision,
    *,
    by: str,
    state: str,
    at: datetime,
    authorisation_number: str,
) -> ApplicationFile:
    """The National Unit's decision on an application (art. 36-37, 44), or on a
    revocation review (`authorisations.decide_review`)."""
    if file.status is ApplicationStatus.REVOCATION_REVIEW:
        return decide_review(file, decision, by=by, state=state, at=at)
    no_reply = file.status is ApplicationStatus.INFORMATION_REQUESTED and reply_missed(file, at)
    if file.status is not ApplicationStatus.NATIONAL_UNIT_ASSESSMENT and not no_reply:
        raise InvalidTransitionError(
            f"a decision is not possible while the case is {file.status.value}"
        )
    require_responsible_state(file, state)
    _check_decision(file, decision, state, at)
    if decision.issues:
        return issue(
            file,
            decision,
            by=by,
            state=state,
            at=at,
            number=authorisation_number,
            action=f"decided.{decision.kind.value}",
        )
    record = DecisionRecord(decision=decision, decided_at=at, decided_by=by, member_state=state)
    return replace(
        file, status=ApplicationStatus.REFUSED, decisions=(*file.decisions, record), deadline=None
    ).logged(at, "decided.refuse", by=by, detail=",".join(decision.grounds))


def _check_decision(file: ApplicationFile, decision: Decision, state: str, at: datetime) -> None:
    if decision.kind not in _NATIONAL_DECISIONS:
        raise InvalidDecisionError("annulment and revocation apply to issued authorisations")
    if RefusalGround.NO_REPLY_TO_INFORMATION_REQUEST in decision.grounds and not reply_missed(
        file, at
    ):
        raise InvalidDecisionError("no information request went unanswered for 10 days")
    missed = file.interview is not None and file.interview.attended is False
    if RefusalGround.NO_SHOW_AT_INTERVIEW in decision.grounds and not missed:
        raise InvalidDecisionError("the applicant did not miss an interview")
    confirmed = {h.check for h in file.hits if h.status is HitStatus.CONFIRMED}
    if confirmed & _MUST_REFUSE and decision.kind in {
        DecisionKind.ISSUE,
        DecisionKind.ISSUE_WITH_FLAG,
    }:
        raise InvalidDecisionError(
            "a confirmed SIS document or refusal-of-entry alert leads to refusal, or to "
            "limited territorial validity (art. 26, 44)"
        )
    if decision.kind is DecisionKind.LIMITED_TERRITORIAL_VALIDITY:
        states = set(decision.territorial_validity)
        if state not in states or not states <= ETIAS_STATES:
            raise InvalidDecisionError(
                "limited territorial validity covers the deciding state and ETIAS states only"
            )


def overdue(files: Iterable[ApplicationFile], now: datetime) -> list[ApplicationFile]:
    """Open cases past their deadline, the longest overdue first."""
    late = [
        f
        for f in files
        if f.status in OPEN_STATUSES and f.deadline is not None and f.deadline < now
    ]
    return sorted(late, key=lambda f: (f.deadline or now, f.application_id))


def _hit(file: ApplicationFile, hit_id: str) -> Hit:
    for hit in file.hits:
        if hit.hit_id == hit_id:
            return hit
    raise HitNotFoundError("the application has no hit with this id")
