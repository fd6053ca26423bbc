"""How long an application file is kept (art. 54), as one instant computed from the file.

Art. 54(1): for the period of validity of the travel authorisation, or for five years from
the last decision to refuse, annul or revoke it. Art. 54(2): with the applicant's explicit
consent (the tool of Delegated Decision (EU) 2019/969), three more years after the
validity ends, to ease a new application. The longest applicable period wins. A period
ending on 29 February of a non-leap year ends on 28 February: retention is a maximum, so
we round towards erasing earlier (as the EES does, docs/decisions/0006).
"""

from datetime import UTC, date, datetime, time, timedelta
from typing import Final

from limes.etias.dates import add_years
from limes.etias.model import OPEN_STATUSES, ApplicationFile, DecisionKind

AFTER_NEGATIVE_DECISION_YEARS: Final = 5  # art. 54(1)(b)
CONSENT_EXTRA_YEARS: Final = 3  # art. 54(2)
# A self-revocation (art. 41(8)) is the holder's wish, not a decision on a ground: the file
# is kept for the validity the authorisation had, not the five years of art. 54(1)(b).
_NEGATIVE = frozenset({DecisionKind.REFUSE, DecisionKind.ANNUL, DecisionKind.REVOKE})


def _end_of(day: date) -> datetime:
    """The first instant after `day` (UTC): a validity period includes its last day."""
    return datetime.combine(day + timedelta(days=1), time(), tzinfo=UTC)


def erase_after(file: ApplicationFile) -> datetime | None:
    """The instant after which the file must be erased; None while the case is open."""
    if file.status in OPEN_STATUSES and file.authorisation is None:
        return None
    candidates: list[datetime] = []
    authorisation = file.authorisation
    if authorisation is not None:
        validity_ends = _end_of(authorisation.valid_until)
        candidates.append(validity_ends)
        if file.retention_consent:
            candidates.append(add_years(validity_ends, CONSENT_EXTRA_YEARS))
    negative = [r.decided_at for r in file.decisions if r.decision.kind in _NEGATIVE]
    if negative:
        candidates.append(add_years(max(negative), AFTER_NEGATIVE_DECISION_YEARS))
    if not candidates:
        # Closed without an authorisation or a negative decision cannot happen in the
        # workflow; keep nothing longer than the submission's own day.
        return _end_of(file.application.submitted_at.date())
    return max(candidates)
