"""The EES automated calculator (EESR art. 11) over a traveller's records. Pure.

The 90/180 arithmetic is the core stay engine's; this module feeds it the records, adds
the visa's own limits (validity, entries, days, territory: ees_rules.md §4) and the
decisions of art. 19, and says what the border guard has to be told.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Final

from limes.core.presence import PresenceHistory, Stay
from limes.core.stay import max_stay
from limes.core.time import local_day
from limes.ees.model import (
    EntryExitRecord,
    RefusalReason,
    StayDecisionKind,
    VisaRecord,
    VisaStatus,
)

# Family members of EU citizens without a residence card (EESR art. 2(1)(b)) are outside
# the automated calculator (art. 11(1)); Directive 2004/38 art. 6 gives them a right of
# residence of up to three months, recorded here as 90 days for the overstay check.
FAMILY_MEMBER_STAY_DAYS: Final = 90


def presence(entries: Iterable[EntryExitRecord]) -> PresenceHistory:
    """Presence days from entry/exit records (SBC art. 6(2): entry and exit days count)."""
    return PresenceHistory.from_stays(
        Stay(record.entry.day, record.exit.day if record.exit else None) for record in entries
    )


def authorised_stay_until(record: EntryExitRecord) -> date:
    """The last authorised day after the latest art. 19 decision, if any."""
    until = record.authorised_stay_until
    for decision in record.decisions:
        if decision.kind is StayDecisionKind.EXTENSION and decision.authorised_stay_until:
            until = decision.authorised_stay_until
        elif decision.kind in (StayDecisionKind.REVOCATION, StayDecisionKind.ANNULMENT):
            until = decision.authorised_stay_until or decision.decided_on
    return until


@dataclass(frozen=True, slots=True, kw_only=True)
class EntryAssessment:
    """Whether the calculator authorises a stay from the entry day, and until when."""

    allowed: bool
    reason: str  # machine-readable: "ok", "stay_exhausted", "visa_required", ...
    refusal_reason: RefusalReason | None
    authorised_stay_until: date | None
    max_stay_days: int
    days_used_on_entry: int
    visa_entry_number: int | None = None
    visa_entries_allowed: int | None = None


def assess_entry(
    previous: Sequence[EntryExitRecord],
    entry_day: date,
    *,
    visa: VisaRecord | None,
    visa_required: bool,
    family_member: bool,
    bcp_state: str,
) -> EntryAssessment:
    """EESR art. 11(2)(a): maximum authorised stay and whether visa entries are used up."""
    history = presence(previous)
    plan = max_stay(history, entry_day)
    used = plan.used_on_entry
    if family_member:
        last = entry_day + timedelta(days=FAMILY_MEMBER_STAY_DAYS - 1)
        return EntryAssessment(
            allowed=True,
            reason="ok",
            refusal_reason=None,
            authorised_stay_until=last,
            max_stay_days=FAMILY_MEMBER_STAY_DAYS,
            days_used_on_entry=used,
        )
    if not plan.allowed or plan.latest_exit is None:
        return _refused("stay_exhausted", RefusalReason.ALREADY_STAYED_90_DAYS, used)
    last = plan.latest_exit
    entry_number = None
    if visa_required or visa is not None:
        if visa is None:
            return _refused("visa_required", RefusalReason.NO_VALID_VISA_OR_RESIDENCE_PERMIT, used)
        on_visa = [record for record in previous if record.visa_sticker == visa.sticker_number]
        entry_number = len(on_visa) + 1
        problem, visa_last = _visa_cover(visa, on_visa, entry_day, entry_number, bcp_state)
        if problem or visa_last is None:
            return _refused(
                problem, RefusalReason.NO_VALID_VISA_OR_RESIDENCE_PERMIT, used, visa, entry_number
            )
        last = min(last, visa_last)
    return EntryAssessment(
        allowed=True,
        reason="ok",
        refusal_reason=None,
        authorised_stay_until=last,
        max_stay_days=(last - entry_day).days + 1,
        days_used_on_entry=used,
        visa_entry_number=entry_number,
        visa_entries_allowed=visa.entries_allowed if visa else None,
    )


def _visa_cover(
    visa: VisaRecord,
    on_visa: Sequence[EntryExitRecord],
    entry_day: date,
    entry_number: int,
    bcp_state: str,
) -> tuple[str, date | None]:
    """Why the visa does not cover this entry ("" if it does), and its last covered day."""
    if visa.status in (VisaStatus.REVOKED, VisaStatus.ANNULLED):
        return "visa_revoked_or_annulled", None
    if not visa.valid_from <= entry_day <= visa.valid_until:
        return "visa_not_valid_on_entry_day", None
    if visa.limited_territorial_validity and bcp_state not in visa.limited_territorial_validity:
        return "visa_not_valid_for_state", None
    # A second entry on a single-entry visa is not covered even if 90/180 is met
    # (EESR art. 11(2)(a)); each recorded entry on the sticker counts.
    if visa.entries_allowed is not None and entry_number > visa.entries_allowed:
        return "visa_entries_used", None
    days_on_visa = (
        presence(on_visa).resolved(entry_day).days_present_through(entry_day.toordinal() - 1)
    )
    days_left = visa.duration_of_stay_days - days_on_visa
    if days_left < 1:
        return "visa_days_used", None
    return "", min(visa.valid_until, entry_day + timedelta(days=days_left - 1))


def _refused(
    reason: str,
    refusal_reason: RefusalReason,
    used: int,
    visa: VisaRecord | None = None,
    entry_number: int | None = None,
) -> EntryAssessment:
    return EntryAssessment(
        allowed=False,
        reason=reason,
        refusal_reason=refusal_reason,
        authorised_stay_until=None,
        max_stay_days=0,
        days_used_on_entry=used,
        visa_entry_number=entry_number,
        visa_entries_allowed=visa.entries_allowed if visa else None,
    )


def days_after(last_authorised: date, day: date) -> int:
    """Days stayed past the last authorised day (0 if none)."""
    return max(0, (day - last_authorised).days)


# The westernmost time zone of the Schengen area's external border crossing points (the
# Azores, UTC-1): a day is over everywhere once it is over there, so a stay authorised
# until D counts as expired only when D has ended at every border crossing point.
LAST_TIME_ZONE_TO_END_THE_DAY: Final = "Atlantic/Azores"


def first_day_not_over_everywhere(now: datetime) -> date:
    """Authorised stays that ended before this day have expired at every BCP (art. 12(1))."""
    return local_day(now, LAST_TIME_ZONE_TO_END_THE_DAY)
