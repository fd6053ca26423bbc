"""The ETIAS records (Reg. (EU) 2018/1240): applications, hits, decisions, authorisations,
and the application file that carries a case through the workflow.

Pure value types. Instants are UTC-aware datetimes; identifiers are strings created by the
service. The form itself (art. 17) is in `application.py`.
"""

from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Final

from limes.etias.application import ApplicationForm
from limes.etias.errors import InvalidDecisionError

LIMITED_TERRITORIAL_VALIDITY_MAX_DAYS: Final = 90  # art. 44: from the first entry (verify)
# Who `DecisionRecord.decided_by` names when no person decided: automatic issues
# (art. 21(1), 22(4)).
CENTRAL_SYSTEM: Final = "etias-central-system"


class FeeWaiver(StrEnum):
    UNDER_18 = "under_18"  # art. 18(2)
    OVER_70 = "over_70"  # art. 18(2)
    EU_FAMILY_MEMBER = "eu_family_member"  # art. 24(2)


@dataclass(frozen=True, slots=True, kw_only=True)
class Fee:
    """The travel authorisation fee (art. 18), in euro cents; zero when waived."""

    amount_cents: int
    waiver: FeeWaiver | None = None
    currency: str = "EUR"


@dataclass(frozen=True, slots=True, kw_only=True)
class Application:
    """A submitted application: the form, its number, when it came in and the fee due."""

    application_id: str
    submitted_at: datetime
    form: ApplicationForm
    fee: Fee


class CheckKind(StrEnum):
    """What the automated processing checked when it found a hit (art. 20)."""

    SIS_DOCUMENT = "sis_document"  # 20(2)(a): lost, stolen, misappropriated, invalidated
    SLTD_DOCUMENT = "sltd_document"  # 20(2)(b): Interpol SLTD
    SIS_REFUSAL_ALERT = "sis_refusal_alert"  # 20(2)(c): refusal of entry and stay
    SIS_ARREST_ALERT = "sis_arrest_alert"  # 20(2)(d): European arrest warrant, extradition
    ETIAS_REFUSED_REVOKED_ANNULLED = "etias_refused_revoked_annulled"  # 20(2)(e)
    ETIAS_SAME_DOCUMENT_OTHER_IDENTITY = "etias_same_document_other_identity"  # 20(2)(f)
    # Art. 20(1) compares the e-mail (17(2)(g)) with the ETIAS Central System's data too;
    # Limes reports it only against refused, revoked or annulled applications.
    ETIAS_SAME_EMAIL = "etias_same_email"
    EES_OVERSTAYER = "ees_overstayer"  # 20(2)(g)
    EES_REFUSED_ENTRY = "ees_refused_entry"  # 20(2)(h)
    VIS_REFUSED_VISA = "vis_refused_visa"  # 20(2)(i)
    EUROPOL = "europol"  # 20(2)(j)
    INTERPOL_TDAWN = "interpol_tdawn"  # 20(2)(l)
    SIS_MINOR_GUARDIAN_ALERT = "sis_minor_guardian_alert"  # 20(2)(m) (verify)
    ECRIS_TCN = "ecris_tcn"  # 20(2)(n), added by Reg. 2021/1152 (verify)
    WATCHLIST = "watchlist"  # 20(5), art. 34
    SCREENING_RULE = "screening_rule"  # 20(5), art. 33
    BACKGROUND_ANSWER = "background_answer"  # 20(3): yes to an art. 17(4) question
    MISSING_HOME_ADDRESS = "missing_home_address"  # 20(3): only city and country given
    # Art. 20(4), art. 23: these only notify the SIRENE Bureau of the alerting state.
    SIS_MISSING_PERSON = "sis_missing_person"
    SIS_JUDICIAL_PROCEDURE = "sis_judicial_procedure"
    SIS_CHECK_ALERT = "sis_check_alert"  # discreet, inquiry or specific check


NOTIFICATION_ONLY_CHECKS: Final = frozenset(
    {CheckKind.SIS_MISSING_PERSON, CheckKind.SIS_JUDICIAL_PROCEDURE, CheckKind.SIS_CHECK_ALERT}
)
# What the applicant said of themselves: nothing for the Central Unit to verify, the case
# goes straight to the National Unit (art. 21(4)).
SELF_DECLARED_CHECKS: Final = frozenset(
    {CheckKind.BACKGROUND_ANSWER, CheckKind.MISSING_HOME_ADDRESS}
)


class HitStatus(StrEnum):
    OPEN = "open"  # awaiting the Central Unit (art. 22)
    FALSE = "false"  # the data do not correspond (art. 22(4))
    CONFIRMED = "confirmed"  # the data correspond (art. 22(5))
    DOUBTFUL = "doubtful"  # doubts about the identity remain (art. 22(5))
    NOTIFIED = "notified"  # an art. 20(4) alert: the alerting state was told (art. 23)


class MatchMethod(StrEnum):
    EXACT = "exact"  # the same value after normalisation
    NAME_SCREENING = "name_screening"  # the screening engine's score
    DATE = "date"
    RULE_CONDITION = "rule_condition"  # a screening-rule condition held
    DECLARED = "declared"  # the applicant's own answer


@dataclass(frozen=True, slots=True, kw_only=True)
class FieldMatch:
    """Which application field matched which field of the record, and how."""

    application_field: str  # e.g. "surname", "travel_document.number", "other_names[1]"
    record_field: str
    method: MatchMethod
    score: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Hit:
    """A correspondence found by the automated processing, with its evidence (art. 3, 20).

    A `CheckSource` returns hits with `hit_id` empty and `status` open; the service
    numbers them. `member_state` is the state that supplied the data, None for Europol,
    Interpol and the screening rules (art. 25). `record_created_at` is when the alert or
    record was created, which art. 25(2) needs to find the most recent one.
    """

    check: CheckKind
    source: str
    record_ref: str  # the id of the matched alert, record, entry or rule version
    member_state: str | None = None
    matched_fields: tuple[FieldMatch, ...] = ()
    score: float | None = None
    explanation: tuple[str, ...] = ()
    record_created_at: datetime | None = None
    hit_id: str = ""
    status: HitStatus = HitStatus.OPEN
    found_at: datetime | None = None
    verified_by: str = ""
    verified_at: datetime | None = None
    verification_reason: str = ""

    @property
    def notification_only(self) -> bool:
        return self.check in NOTIFICATION_ONLY_CHECKS

    @property
    def ref(self) -> str:
        """What the hit corresponds to, without its evidence: check and record."""
        return f"{self.check.value}:{self.record_ref}"


class ApplicationStatus(StrEnum):
    """Where a case stands. After issue, the authorisation's own status says more."""

    SUBMITTED = "submitted"  # automated processing running (never committed)
    CENTRAL_UNIT_VERIFICATION = "central_unit_verification"  # art. 22
    NATIONAL_UNIT_ASSESSMENT = "national_unit_assessment"  # art. 26
    INFORMATION_REQUESTED = "information_requested"  # art. 27(1)-(3)
    INTERVIEW_INVITED = "interview_invited"  # art. 27(4)
    ISSUED = "issued"  # art. 21(1), 22(4), 36
    REFUSED = "refused"  # art. 37
    REVOCATION_REVIEW = "revocation_review"  # art. 41(3)-(4): a new hit on a valid one
    ANNULLED = "annulled"  # art. 40
    REVOKED = "revoked"  # art. 41


OPEN_STATUSES: Final = frozenset(
    {
        ApplicationStatus.SUBMITTED,
        ApplicationStatus.CENTRAL_UNIT_VERIFICATION,
        ApplicationStatus.NATIONAL_UNIT_ASSESSMENT,
        ApplicationStatus.INFORMATION_REQUESTED,
        ApplicationStatus.INTERVIEW_INVITED,
        ApplicationStatus.REVOCATION_REVIEW,
    }
)
NATIONAL_UNIT_STATUSES: Final = frozenset(
    {
        ApplicationStatus.NATIONAL_UNIT_ASSESSMENT,
        ApplicationStatus.INFORMATION_REQUESTED,
        ApplicationStatus.INTERVIEW_INVITED,
        ApplicationStatus.REVOCATION_REVIEW,
    }
)


class DecisionKind(StrEnum):
    ISSUE = "issue"  # art. 36(1)
    ISSUE_WITH_FLAG = "issue_with_flag"  # art. 36(2)-(3)
    REFUSE = "refuse"  # art. 37
    LIMITED_TERRITORIAL_VALIDITY = "limited_territorial_validity"  # art. 44
    ANNUL = "annul"  # art. 40
    REVOKE = "revoke"  # art. 41(1)
    SELF_REVOKE = "self_revoke"  # art. 41(8): at the holder's request


class FlagKind(StrEnum):
    """Flags the border authorities see with an authorisation (art. 36(2)-(3), art. 47)."""

    SECOND_LINE_CHECK = "second_line_check"  # art. 36(2)
    HIT_VERIFIED_FALSE = "hit_verified_false"  # art. 36(3): a specific hit was false
    NO_RISK = "no_risk"  # art. 36(3): manual processing found no ground to refuse


@dataclass(frozen=True, slots=True, kw_only=True)
class Flag:
    kind: FlagKind
    check: CheckKind | None = None  # the hit a HIT_VERIFIED_FALSE flag is about
    note: str = ""


class RefusalGround(StrEnum):
    """Art. 37(1)-(2); annulment and revocation rest on the same grounds (art. 40(1), 41(1))."""

    DOCUMENT_IN_SIS = "document_in_sis"  # 37(1)(a)
    SECURITY_RISK = "security_risk"  # 37(1)(b)
    ILLEGAL_IMMIGRATION_RISK = "illegal_immigration_risk"  # 37(1)(c)
    HIGH_EPIDEMIC_RISK = "high_epidemic_risk"  # 37(1)(d)
    SIS_REFUSAL_ALERT = "sis_refusal_alert"  # 37(1)(e)
    NO_REPLY_TO_INFORMATION_REQUEST = "no_reply_to_information_request"  # 37(1)(f)
    NO_SHOW_AT_INTERVIEW = "no_show_at_interview"  # 37(1)(g)
    REASONABLE_DOUBTS = "reasonable_doubts"  # 37(2): data, statements, documents


@dataclass(frozen=True, slots=True, kw_only=True)
class Decision:
    """What a National Unit (or the holder, for self-revocation) decides.

    >>> Decision.refuse(RefusalGround.SECURITY_RISK, reason="confirmed SIS alert").kind
    <DecisionKind.REFUSE: 'refuse'>
    """

    kind: DecisionKind
    grounds: tuple[RefusalGround, ...] = ()
    flags: tuple[Flag, ...] = ()
    territorial_validity: tuple[str, ...] = ()  # LTV: the Member States it is valid for
    reason: str = ""  # the statement of reasons (art. 38(2))

    def __post_init__(self) -> None:
        needs_grounds = {DecisionKind.REFUSE, DecisionKind.ANNUL, DecisionKind.REVOKE}
        if (self.kind in needs_grounds) != bool(self.grounds):
            raise InvalidDecisionError(
                "refusal, annulment and revocation need a ground (art. 37, 40, 41); "
                "other decisions take none"
            )
        if (self.kind is DecisionKind.LIMITED_TERRITORIAL_VALIDITY) != bool(
            self.territorial_validity
        ):
            raise InvalidDecisionError(
                "limited territorial validity names the Member States it covers (art. 44)"
            )
        if self.kind is DecisionKind.ISSUE_WITH_FLAG and not self.flags:
            raise InvalidDecisionError("an issue with flag needs at least one flag (art. 36)")
        if self.flags and self.kind not in {
            DecisionKind.ISSUE_WITH_FLAG,
            DecisionKind.LIMITED_TERRITORIAL_VALIDITY,
        }:
            raise InvalidDecisionError("only an issued authorisation carries flags (art. 36)")

    @classmethod
    def issue(cls, reason: str = "") -> "Decision":
        return cls(kind=DecisionKind.ISSUE, reason=reason)

    @classmethod
    def issue_with_flags(cls, *flags: Flag, reason: str = "") -> "Decision":
        return cls(kind=DecisionKind.ISSUE_WITH_FLAG, flags=flags, reason=reason)

    @classmethod
    def refuse(cls, *grounds: RefusalGround, reason: str = "") -> "Decision":
        return cls(kind=DecisionKind.REFUSE, grounds=grounds, reason=reason)

    @classmethod
    def limited_territorial_validity(
        cls, states: tuple[str, ...], *, flags: tuple[Flag, ...] = (), reason: str = ""
    ) -> "Decision":
        return cls(
            kind=DecisionKind.LIMITED_TERRITORIAL_VALIDITY,
            territorial_validity=states,
            flags=flags,
            reason=reason,
        )

    @property
    def issues(self) -> bool:
        """Whether an authorisation is (or stays) valid after this decision."""
        return self.kind in {
            DecisionKind.ISSUE,
            DecisionKind.ISSUE_WITH_FLAG,
            DecisionKind.LIMITED_TERRITORIAL_VALIDITY,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class DecisionRecord:
    """A decision as taken: by whom, for which Member State, when. `decided_by` is
    `CENTRAL_SYSTEM` for automatic issues (art. 21(1), 22(4))."""

    decision: Decision
    decided_at: datetime
    decided_by: str
    member_state: str | None


class AuthorisationStatus(StrEnum):
    VALID = "valid"
    ANNULLED = "annulled"
    REVOKED = "revoked"
    EXPIRED = "expired"  # never stored: `status_on` derives it from `valid_until`


@dataclass(frozen=True, slots=True, kw_only=True)
class TravelAuthorisation:
    """An issued travel authorisation (art. 36): valid for three years or until the
    document expires, whichever comes first; LTV ones only in `territorial_validity`."""

    number: str
    application_id: str
    issued_at: datetime
    valid_from: date
    valid_until: date  # last valid day, inclusive
    flags: tuple[Flag, ...] = ()
    territorial_validity: tuple[str, ...] = ()  # empty: every Member State
    status: AuthorisationStatus = AuthorisationStatus.VALID
    status_changed_at: datetime | None = None

    def status_on(self, day: date) -> AuthorisationStatus:
        if self.status is AuthorisationStatus.VALID and day > self.valid_until:
            return AuthorisationStatus.EXPIRED
        return self.status

    def is_valid_on(self, day: date) -> bool:
        return self.status_on(day) is AuthorisationStatus.VALID and day >= self.valid_from

    def covers(self, member_state: str) -> bool:
        """Whether the authorisation is valid for entry into `member_state` (art. 44)."""
        return not self.territorial_validity or member_state in self.territorial_validity


@dataclass(frozen=True, slots=True, kw_only=True)
class InformationRequest:
    """Art. 27(1)-(3): a National Unit asks for information; the reply is due in 10 days."""

    requested_at: datetime
    requested_by: str
    member_state: str
    questions: str
    reply_due: datetime
    replied_at: datetime | None = None
    reply: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Interview:
    """Art. 27(4): an invitation to an interview, a last resort, and what happened."""

    invited_at: datetime
    invited_by: str
    scheduled_at: datetime
    remote: bool
    reason: str  # why written information was not enough
    held_at: datetime | None = None
    attended: bool | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class CaseEvent:
    """One step of a case's history, without personal data in `detail`."""

    at: datetime
    action: str  # e.g. "submitted", "routed.central_unit", "hit.false", "decided.refuse"
    by: str
    detail: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class ApplicationFile:
    """The case: an application, its hits, where it stands, its deadline and its outcome.

    `responsible_state` is the Member State whose National Unit handles the case (art. 25,
    and art. 41(3)-(4) for a revocation review). `deadline` is the next deadline of the
    case's current state, None when nothing is due.
    """

    application: Application
    status: ApplicationStatus
    hits: tuple[Hit, ...] = ()
    deadline: datetime | None = None
    responsible_state: str | None = None
    information_requests: tuple[InformationRequest, ...] = ()
    interview: Interview | None = None
    decisions: tuple[DecisionRecord, ...] = ()
    authorisation: TravelAuthorisation | None = None
    events: tuple[CaseEvent, ...] = ()
    retention_consent: bool = False  # art. 54(2): three more years after expiry
    # "check:record_ref" of hits found false: the hits themselves are deleted (art. 22(4)),
    # their references are kept so that a rescreening does not raise them again.
    cleared_refs: tuple[str, ...] = ()
    updated_at: datetime

    @property
    def application_id(self) -> str:
        return self.application.application_id

    @property
    def open_hits(self) -> tuple[Hit, ...]:
        return tuple(hit for hit in self.hits if hit.status is HitStatus.OPEN)

    @property
    def issued_automatically(self) -> bool:
        """Whether the Central System issued it without a National Unit (art. 21(1), 22(4))."""
        return bool(self.decisions) and self.decisions[0].decided_by == CENTRAL_SYSTEM

    def logged(
        self, at: datetime, action: str, *, by: str = CENTRAL_SYSTEM, detail: str = ""
    ) -> "ApplicationFile":
        """This file with one more history event, and `updated_at` moved to `at`."""
        event = CaseEvent(at=at, action=action, by=by, detail=detail)
        return replace(self, events=(*self.events, event), updated_at=at)
