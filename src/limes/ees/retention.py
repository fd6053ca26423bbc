"""When EES data must be erased (EESR art. 34), as a plan computed from a file's history.

Each record is kept for a period after its anchor day and erased the day after that
period ends; the file outlives its last record by one day (art. 34(2): "three years and
one day"). Open entries are planned as overstays (art. 34(3)); an exit replaces the plan.
Periods that end on 29 February of a non-leap year end on 28 February: a retention
period is a maximum, so we round towards erasing earlier. See docs/decisions/0006.
"""

from calendar import monthrange
from datetime import date, timedelta
from typing import Final

from limes.ees.calculator import authorised_stay_until
from limes.ees.model import EntryExitRecord, RefusalRecord, TravellerHistory
from limes.ees.ports import RetentionItem

RECORD_YEARS: Final = 3  # art. 34(1): three years after the exit or refusal
OVERSTAY_YEARS: Final = 5  # art. 34(3): five years after the authorised stay expired
FAMILY_MEMBER_YEARS: Final = 1  # art. 34(4): at most one year after the exit
FAMILY_MEMBER_NO_EXIT_YEARS: Final = 5  # art. 34(4): five years after the last entry
OVERSTAY_WARNING_MONTHS: Final = 3  # art. 34(3): warn three months before erasing


def add_years(day: date, years: int) -> date:
    """The same calendar day `years` later; 29 February falls back to 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def months_before(day: date, months: int) -> date:
    """The same day of the month `months` earlier, clamped to that month's last day."""
    year, month_index = divmod(day.year * 12 + day.month - 1 - months, 12)
    month = month_index + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def entry_erase_on(record: EntryExitRecord, family_member: bool) -> tuple[date, bool]:
    """The erasure day of an entry/exit record, and whether it is kept as an overstay."""
    if record.exit is not None:
        years = FAMILY_MEMBER_YEARS if family_member else RECORD_YEARS
        return add_years(record.exit.day, years) + timedelta(days=1), False
    if family_member:
        return add_years(record.entry.day, FAMILY_MEMBER_NO_EXIT_YEARS) + timedelta(days=1), False
    # Art. 34(3) counts from the expiry of the authorised stay as art. 19 decisions left it.
    return add_years(authorised_stay_until(record), OVERSTAY_YEARS) + timedelta(days=1), True


def refusal_erase_on(record: RefusalRecord, family_member: bool) -> date:
    # Art. 34(4) speaks of family members' records in general [verify]: we apply the
    # one-year maximum to their refusals too.
    years = FAMILY_MEMBER_YEARS if family_member else RECORD_YEARS
    return add_years(record.crossing.day, years) + timedelta(days=1)


def retention_plan(history: TravellerHistory) -> list[RetentionItem]:
    """Erasure (and warning) days for every record of the file and for the file itself."""
    family_member = history.file.family_member_of_eu_citizen
    file_id = history.file.file_id
    items: list[RetentionItem] = []
    file_is_overstay = False
    for entry in history.entries:
        erase_on, overstay = entry_erase_on(entry, family_member)
        file_is_overstay = file_is_overstay or overstay
        items.append(
            RetentionItem(
                subject_kind="entry",
                subject_id=entry.record_id,
                file_id=file_id,
                erase_on=erase_on,
                warn_on=months_before(erase_on, OVERSTAY_WARNING_MONTHS) if overstay else None,
            )
        )
    items.extend(
        RetentionItem(
            subject_kind="refusal",
            subject_id=refusal.record_id,
            file_id=file_id,
            erase_on=refusal_erase_on(refusal, family_member),
        )
        for refusal in history.refusals
    )
    if items:
        file_erase_on = max(item.erase_on for item in items) + timedelta(days=1)
    else:
        # A file with no record left (all erased) has nothing to keep it.
        file_erase_on = history.file.created_at.date() + timedelta(days=1)
    items.append(
        RetentionItem(
            subject_kind="file",
            subject_id=file_id,
            file_id=file_id,
            erase_on=file_erase_on,
            warn_on=(
                months_before(file_erase_on, OVERSTAY_WARNING_MONTHS) if file_is_overstay else None
            ),
        )
    )
    return items
