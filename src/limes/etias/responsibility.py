"""Which Member State's National Unit handles a case (art. 25; art. 41(3)-(4) for revocations).

Art. 25 (verify the tie-breaker order): one Member State supplied the data behind the
hits: that state. Several: the one that entered the most recent SIS arrest alert
(art. 20(2)(d)); without one, the one that entered the most recent data. Hits only on
data no Member State supplied (Europol, Interpol, the screening rules, the applicant's
own answers): the Member State of first intended stay.
"""

from collections.abc import Iterable
from datetime import UTC, datetime

from limes.etias.model import Application, CheckKind, Hit

_UNKNOWN_TIME = datetime.min.replace(tzinfo=UTC)


def responsible_state(application: Application, hits: Iterable[Hit]) -> str:
    """The Member State responsible for manual processing of these hits."""
    supplied = [hit for hit in hits if hit.member_state]
    states = {hit.member_state for hit in supplied}
    if not states:
        return application.form.first_intended_stay
    arrests = [hit for hit in supplied if hit.check is CheckKind.SIS_ARREST_ALERT]
    pool = arrests or supplied
    # Ties on time fall to the alphabetically first state, so the answer is reproducible.
    latest = max(
        pool,
        key=lambda hit: (hit.record_created_at or _UNKNOWN_TIME, _reverse(hit.member_state)),
    )
    return latest.member_state or application.form.first_intended_stay


def _reverse(code: str | None) -> tuple[int, ...]:
    """A key that sorts codes in reverse, so `max` prefers the alphabetically first."""
    return tuple(-ord(character) for character in code or "")
