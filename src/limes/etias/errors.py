"""ETIAS errors: a stable machine-readable code each; messages name the field and the rule,
never an applicant's data or a full document number."""

from collections.abc import Sequence

from limes.core.errors import LimesError


class EtiasError(LimesError):
    code = "etias.error"


class InvalidApplicationError(EtiasError):
    """Everything wrong with a submitted form, at once: `details()` lists field and type."""

    code = "etias.invalid_application"

    def __init__(self, problems: Sequence[tuple[str, str]]) -> None:
        super().__init__(f"the application has {len(problems)} problem(s)")
        self.problems = tuple(problems)

    def details(self) -> list[dict[str, object]] | None:
        return [{"field": field, "type": kind} for field, kind in self.problems]


class ApplicationNotFoundError(EtiasError):
    code = "etias.application_not_found"


class AuthorisationNotFoundError(EtiasError):
    code = "etias.authorisation_not_found"


class HitNotFoundError(EtiasError):
    code = "etias.hit_not_found"


class DuplicateApplicationError(EtiasError):
    code = "etias.duplicate_application"


class InvalidTransitionError(EtiasError):
    """A step the workflow does not allow in the case's current state."""

    code = "etias.invalid_transition"


class InvalidDecisionError(EtiasError):
    """A decision that lacks what its kind needs (grounds, states, flags) or contradicts the
    hits (art. 26: a confirmed SIS document or refusal alert leaves refusal or LTV only)."""

    code = "etias.invalid_decision"


class NotResponsibleStateError(EtiasError):
    """Only the National Unit of the Member State responsible (art. 25) may act on the case."""

    code = "etias.not_responsible_state"


class InvalidScreeningRuleError(EtiasError):
    """A risk indicator art. 33(4)-(5) forbids, or a malformed one; `reason` says which."""

    code = "etias.invalid_screening_rule"

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason

    def details(self) -> list[dict[str, object]] | None:
        return [{"field": "conditions", "type": self.reason}]


class UnreadableMrzError(EtiasError):
    """The scanned zone cannot be trusted to find a file: rescan; `details()` says why."""

    code = "etias.unreadable_mrz"

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("the machine-readable zone is not valid: rescan the document")
        self.problems = tuple(problems)

    def details(self) -> list[dict[str, object]] | None:
        return [{"field": "mrz", "type": code} for code in self.problems]


class ScreeningRuleNotFoundError(EtiasError):
    code = "etias.screening_rule_not_found"
